// A kill-test child started ahead of its turn (test/helpers/kill-loop-child.ts `--after-go`): it
// loads everything, says `ready`, then waits for a line on stdin before it opens the data folder.
// The kill tests start the next child while they check the last one, so module loading (most of a
// child's start-up) overlaps the check instead of adding to every kill.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type WarmChild = {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once the child has loaded and is waiting for `go`. */
  ready: Promise<void>;
  /** Output after `ready` so far. */
  output(): string;
  err(): string;
  /** Lets it open the data folder and start its work. */
  go(): void;
};

export function startWarm(bundle: string, args: string[]): WarmChild {
  const child = spawn(process.execPath, [bundle, ...args, '--after-go'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let isReady = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (!isReady && out.startsWith('ready\n')) {
        isReady = true;
        out = out.slice('ready\n'.length);
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`child ended before it was ready (code ${String(code)}): ${err}`));
    });
    child.once('error', reject);
  });
  // A spare child killed at the end of a test must not become an unhandled rejection.
  ready.catch(() => undefined);
  return {
    child,
    ready,
    output: () => out,
    err: () => err,
    go() {
      child.stdin.end('go\n');
    },
  };
}

/**
 * Waits for the child to be ready, lets it go, and SIGKILLs it `delayMs` after the first output
 * line that passes `startsTimer`. Resolves with everything it printed; rejects if it ended by
 * itself.
 */
export async function goAndKill(
  warm: WarmChild,
  startsTimer: (output: string) => boolean,
  delayMs: () => number,
): Promise<string> {
  await warm.ready;
  const { child } = warm;
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const onData = () => {
      if (timer === undefined && startsTimer(warm.output())) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs());
      }
    };
    child.stdout.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer !== undefined) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`child exited by itself (code ${String(code)}): ${warm.err()}`));
        return;
      }
      resolve(warm.output());
    });
    warm.go();
    onData();
  });
}
