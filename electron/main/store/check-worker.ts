// The start-up check off the main thread. PRAGMA quick_check reads every page of the file, which
// at ten years of referrals (about 2 GB) takes tens of seconds; run on the main thread it would
// hold the window back for all of that time. A worker thread has its own read-only connection:
// WAL lets it read while the app reads (https://www.sqlite.org/wal.html), and a read-only
// connection never writes, so a file that fails its check is left exactly as it was found.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FILE_MODE } from './data-dir';
import { checkFile } from './recovery';

/** Runs the check and resolves with its outcome; injected by tests to hold or fail a check. */
export type CheckRunner = (dbPath: string, nativeBinding: string | undefined) => Promise<string>;

// Plain CommonJS, run with `eval`: a worker file of our own would need its own build entry in
// electron-vite and a TypeScript loader under the tests, while this runs unchanged in both. The
// driver is required by absolute path, resolved by the main thread, so it is the same module.
// In the packaged app that path is inside app.asar: Electron sets up its asar reading in worker
// threads as in the main process since Electron 17/18 (electron/electron#33216), and the native
// addon is unpacked beside it (electron-builder.yml asarUnpack). Should a build ever fail to
// start the worker, the check still runs, on the main thread (the fallback below).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
try {
  db = new Database(workerData.file, Object.assign(
    { readonly: true, fileMustExist: true },
    workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma(workerData.pragma);
  const result = rows.map((r) => r[workerData.pragma]).join('; ');
  const userVersion = db.pragma('user_version', { simple: true });
  parentPort.postMessage({ kind: 'result', result, userVersion });
} catch (err) {
  parentPort.postMessage({ kind: 'threw', message: String(err && err.message ? err.message : err) });
} finally {
  if (db) db.close();
}
`;

type WorkerMessage =
  { kind: 'result'; result: string; userVersion: number } | { kind: 'threw'; message: string };

/** What a whole-file check found: its rows joined ('ok' when sound) and the schema version. */
export type FileCheck = { result: string; userVersion: number | null };

/**
 * PRAGMA quick_check or integrity_check on its own read-only connection in a worker thread, so
 * the app keeps answering while every page of a large file is read. A check that throws (a page
 * so damaged SQLite reports it as "malformed" rather than listing it) is a failed check. If the
 * worker itself cannot run, `fallback` runs here on the main thread instead: slower, never
 * skipped.
 */
export function checkFileInWorker(
  file: string,
  pragma: 'quick_check' | 'integrity_check',
  nativeBinding: string | undefined,
  fallback: () => FileCheck,
): Promise<FileCheck> {
  return new Promise<FileCheck>((resolve) => {
    let settled = false;
    const settle = (value: FileCheck): void => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const runHere = (): void => {
      if (settled) return;
      try {
        settle(fallback());
      } catch (err) {
        settle({ result: couldNotRead(err), userVersion: null });
      }
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          file,
          pragma,
          nativeBinding: nativeBinding ?? null,
        },
      });
    } catch {
      runHere();
      return;
    }
    worker.once('message', (message: WorkerMessage) => {
      settle(
        message.kind === 'result'
          ? { result: message.result, userVersion: message.userVersion }
          : { result: couldNotRead(message.message), userVersion: null },
      );
    });
    worker.once('error', runHere);
    worker.once('exit', runHere);
  });
}

function couldNotRead(err: unknown): string {
  return `The check could not read the file: ${err instanceof Error ? err.message : String(err)}`;
}

/** The start-up check: quick_check of the records file, off the main thread. */
export const checkInWorker: CheckRunner = async (dbPath, nativeBinding) =>
  (
    await checkFileInWorker(dbPath, 'quick_check', nativeBinding, () => ({
      result: checkFile(dbPath, nativeBinding),
      userVersion: null,
    }))
  ).result;

/** Where the last check's speed is kept, to say how long the next one should take. */
export const CHECK_TIMING_FILE = 'start-check.json';

/** The expected length of a check of `dbPath`, from the last one's speed; null the first time. */
export function expectedCheckMs(dataDir: string, dbPath: string): number | null {
  try {
    const last = JSON.parse(readFileSync(path.join(dataDir, CHECK_TIMING_FILE), 'utf8')) as {
      bytes?: unknown;
      ms?: unknown;
    };
    if (typeof last.bytes !== 'number' || typeof last.ms !== 'number' || last.bytes <= 0)
      return null;
    return Math.max(1, Math.round((statSync(dbPath).size / last.bytes) * last.ms));
  } catch {
    return null;
  }
}

/** Keeps this check's speed for the next start's estimate (best effort: only a hint). */
export function recordCheckTiming(dataDir: string, dbPath: string, ms: number): void {
  try {
    writeFileSync(
      path.join(dataDir, CHECK_TIMING_FILE),
      JSON.stringify({ bytes: statSync(dbPath).size, ms: Math.round(ms) }),
      { mode: FILE_MODE },
    );
  } catch {
    // A read-only folder or a full disk only loses the estimate.
  }
}
