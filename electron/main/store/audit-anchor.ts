// The audit anchor: a witness of the audit log kept outside the database. The hash chain inside
// the file shows that rows were altered, but not that the newest rows (or the whole log) were
// removed, nor that a whole older database was put back: the chain that is left is still valid.
// So after every commit that added audit entries, each new entry's (seq, hash, time) is appended
// to `audit-anchor.log` in the data folder and fsynced. Rewriting history now needs both files.
//
// Order matters: the line is written AFTER the database COMMIT. A crash between the two leaves
// the anchor behind the database (the next commit or open brings it up to date); the anchor
// ahead of the database therefore always means confirmed entries are gone: lost with a damaged
// write-ahead log (https://www.sqlite.org/wal.html#the_wal_file_format: a frame whose checksum
// or salt does not match ends the log, so the commits after it are silently dropped) or removed
// on purpose. The open check reports that with the time after which saves may be missing.
//
// Each backup carries the anchor as `<backup>.anchor`, so a restored backup verifies.
//
// Why detect WAL loss rather than prevent it: measured with 500 confirmed creates per variant
// (test/integration/store/wal-damage.test.ts, FRONT_DOOR_BENCH=1) on a 2-core VM under load,
// WAL + synchronous=FULL took 20.4-21.0 ms a save; with this anchor 21.3-25.3 ms (one extra
// fdatasync, 3.8-4.5 ms alone); a checkpoint after every save 27.2-29.1 ms; a rollback journal
// with synchronous=FULL 35.5-36.1 ms. The anchor is needed for the audit anyway, costs least,
// and also catches an old file put back or a removed database, which neither alternative does.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { StartupProblem } from '../../../shared/domain/records';
import { verifyAuditChain } from './audit';
import { openConnection } from './connection';
import { FILE_MODE, fsyncDir } from './data-dir';
import { formatLondonTimeOnDate } from './errors';

export const AUDIT_ANCHOR_FILE = 'audit-anchor.log';
export const BACKUP_ANCHOR_SUFFIX = '.anchor';

/** One audit entry as witnessed outside the database. */
export type AnchorPoint = { seq: number; hash: string; at: string };

/** Above this size the file is thinned (see compact); about 13,000 lines. */
const COMPACT_AT_BYTES = 1024 * 1024;
/** The newest lines kept one for one when thinning; older ones keep one per block. */
const KEEP_RECENT = 5000;
const THIN_BLOCK = 1024;
const LINE = /^(\d+) ([0-9a-f]{64}) (\S+)$/;

export function anchorPath(dataDir: string): string {
  return path.join(dataDir, AUDIT_ANCHOR_FILE);
}

function formatLine(p: AnchorPoint): string {
  return `${String(p.seq)} ${p.hash} ${p.at}\n`;
}

function parseLines(text: string): AnchorPoint[] {
  const out: AnchorPoint[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
      out.push({ seq: Number(m[1]), hash: m[2], at: m[3] });
    }
  }
  return out;
}

/** Every point in an anchor file, oldest first; [] when there is none. Torn lines are skipped. */
export function readAnchorPoints(file: string): AnchorPoint[] {
  if (!existsSync(file)) return [];
  return parseLines(readFileSync(file, 'utf8'));
}

/** The newest point, reading only the end of the file (the open check runs at every start). */
export function lastAnchorPoint(file: string): AnchorPoint | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const len = Math.min(size, 4096);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    const points = parseLines(buf.toString('utf8'));
    return points.at(-1) ?? null;
  } finally {
    closeSync(fd);
  }
}

/** Writes `text` to `file` whole: temporary file, fsync, rename, fsync the folder. */
function replaceFile(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Appends points and fdatasyncs, so a line that returned is on disk before the save is
 * confirmed. A torn last line from a crash mid-append is cut off first, so it cannot swallow
 * the next line.
 */
export function appendAnchorPoints(file: string, points: readonly AnchorPoint[]): void {
  if (points.length === 0) return;
  const created = !existsSync(file);
  const fd = openSync(file, 'a+', FILE_MODE);
  try {
    const size = statSync(file).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last.toString('utf8') !== '\n') {
        const tail = Buffer.alloc(Math.min(size, 4096));
        readSync(fd, tail, 0, tail.length, size - tail.length);
        const cut = tail.lastIndexOf('\n');
        ftruncateSync(fd, cut < 0 ? size - tail.length : size - tail.length + cut + 1);
      }
    }
    writeSync(fd, points.map(formatLine).join(''));
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) fsyncDir(path.dirname(file));
  if (statSync(file).size > COMPACT_AT_BYTES) compactAnchor(file);
}

/**
 * Keeps the file small (it is copied into every backup): the newest KEEP_RECENT points one for
 * one, older ones one per THIN_BLOCK entries. Any rewrite of an older entry still breaks the
 * chain up to a kept point, so it is still found, to within a block.
 */
export function compactAnchor(file: string): void {
  const points = readAnchorPoints(file);
  const cutoff = points.length - KEEP_RECENT;
  const kept = points.filter(
    (p, i) =>
      i >= cutoff ||
      Math.floor(p.seq / THIN_BLOCK) !== Math.floor((points[i + 1]?.seq ?? 0) / THIN_BLOCK),
  );
  replaceFile(file, kept.map(formatLine).join(''));
}

type Stmt = BetterSqlite3.Statement<unknown[], AnchorPoint>;
const statements = new WeakMap<BetterSqlite3.Database, { since: Stmt; head: Stmt; at: Stmt }>();

function stmts(raw: BetterSqlite3.Database) {
  let s = statements.get(raw);
  if (!s) {
    s = {
      since: raw.prepare<unknown[], AnchorPoint>(
        'SELECT seq, hash, at FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 10000',
      ),
      head: raw.prepare<unknown[], AnchorPoint>(
        'SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1',
      ),
      at: raw.prepare<unknown[], AnchorPoint>('SELECT seq, hash, at FROM audit_log WHERE seq = ?'),
    };
    statements.set(raw, s);
  }
  return s;
}

/** The newest audit entry in the database, or null for an empty log. */
export function auditHead(raw: BetterSqlite3.Database): AnchorPoint | null {
  return stmts(raw).head.get() ?? null;
}

/**
 * Writes the anchor for one open store. `capture` runs inside the transaction (so it reads
 * exactly what that transaction commits); `write` runs after COMMIT.
 */
export class AuditAnchorWriter {
  readonly file: string;
  #lastSeq: number | null | undefined;

  constructor(file: string) {
    this.file = file;
  }

  /** Entries this transaction added that the anchor does not hold yet. */
  capture(raw: BetterSqlite3.Database): AnchorPoint[] {
    if (this.#lastSeq === undefined) {
      // An empty file (a new database) witnesses from entry 1; a missing one, from now on.
      this.#lastSeq = lastAnchorPoint(this.file)?.seq ?? (existsSync(this.file) ? 0 : null);
    }
    if (this.#lastSeq === null) {
      // No anchor yet (a database from before the anchor): start from the newest entry.
      const head = auditHead(raw);
      return head ? [head] : [];
    }
    return stmts(raw).since.all(this.#lastSeq);
  }

  /**
   * After COMMIT. Only ever moves forward: after the log was cut short, entries with numbers
   * the anchor already holds are not written, so the anchor keeps witnessing what was removed.
   * A failure to write is not a failed save (the save is committed); the anchor stays behind,
   * which the next commit or open repairs.
   */
  write(points: readonly AnchorPoint[]): void {
    const last = this.#lastSeq ?? 0;
    const fresh = points.filter((p) => p.seq > last);
    if (fresh.length === 0) return;
    try {
      appendAnchorPoints(this.file, fresh);
      this.#lastSeq = fresh.at(-1)?.seq ?? last;
    } catch (err) {
      console.error('Front Door: could not write the audit anchor', err);
      this.#lastSeq = undefined;
    }
  }
}

export type AnchorOpenCheck =
  { ok: true } | { ok: false; firstMissingSeq: number; reason: string; problem: StartupProblem };

function anchorProblem(dataDir: string, reason: string, detail: string, now: Date): StartupProblem {
  return {
    // A backup puts it right, as for a damaged file (startup-problem.ts offers restore for it).
    kind: 'damaged',
    message: reason,
    restoreOffered: true,
    details: [
      'Problem: damaged (the database is behind its audit anchor)',
      `Data folder: ${dataDir}`,
      `Time: ${now.toISOString()}`,
      `Anchor: ${detail}`,
    ].join('\n'),
  };
}

/**
 * At open: the database must hold every entry the anchor witnessed. If it does not, confirmed
 * saves may be missing (a damaged write-ahead log, an old copy of the file put back, the log cut
 * short). When the database is ahead (a crash between COMMIT and the anchor write) or there is
 * no anchor yet, the anchor is brought up to date.
 */
export function checkAuditAnchorAtOpen(
  raw: BetterSqlite3.Database,
  dataDir: string,
  now: Date = new Date(),
): AnchorOpenCheck {
  const file = anchorPath(dataDir);
  const witnessed = lastAnchorPoint(file);
  const head = auditHead(raw);
  if (witnessed !== null) {
    const row = stmts(raw).at.get(witnessed.seq);
    if (head === null || head.seq < witnessed.seq) {
      const after = head
        ? `Saves made after ${formatLondonTimeOnDate(head.at)} may be missing`
        : 'Every save may be missing';
      const reason =
        `${after}: Front Door confirmed saves up to ${formatLondonTimeOnDate(witnessed.at)}, but ` +
        `the records file ends earlier (its audit log ends at entry ${String(head?.seq ?? 0)} of ` +
        `${String(witnessed.seq)}). The file or its journal may have been damaged or replaced. ` +
        'Restore the newest backup that passes its check, then re-enter anything saved after it was made.';
      return {
        ok: false,
        firstMissingSeq: (head?.seq ?? 0) + 1,
        reason,
        problem: anchorProblem(
          dataDir,
          reason,
          `database head ${String(head?.seq ?? 0)}, anchor head ${String(witnessed.seq)} ${witnessed.hash} ${witnessed.at}`,
          now,
        ),
      };
    }
    if (row?.hash !== witnessed.hash) {
      const reason =
        `The records file is not the one Front Door last saved to: audit entry ${String(witnessed.seq)} ` +
        `(made at ${formatLondonTimeOnDate(witnessed.at)}) has been replaced. Restore the newest backup ` +
        'that passes its check, and tell your information governance lead.';
      return {
        ok: false,
        firstMissingSeq: witnessed.seq,
        reason,
        problem: anchorProblem(
          dataDir,
          reason,
          `entry ${String(witnessed.seq)} is ${row?.hash ?? 'missing'}, anchor has ${witnessed.hash}`,
          now,
        ),
      };
    }
  }
  if (head !== null && (witnessed === null || head.seq > witnessed.seq)) {
    const writer = new AuditAnchorWriter(file);
    writer.write(writer.capture(raw));
  } else if (head === null && !existsSync(file)) {
    // A new database: an empty anchor, so its very first entries are witnessed one by one.
    replaceFile(file, '');
  }
  return { ok: true };
}

/** The anchor's points as seq → hash, for verifyAuditChain. */
export function anchorMap(dataDir: string): Map<number, AnchorPoint> {
  return new Map(readAnchorPoints(anchorPath(dataDir)).map((p) => [p.seq, p]));
}

/** Reads the backup's newest audit entry and writes its `.anchor` beside it. */
export function carryAnchorIntoBackup(
  dataDir: string,
  backupFile: string,
  nativeBinding?: string,
): void {
  const copy = openConnection(backupFile, { readonly: true, fileMustExist: true, nativeBinding });
  let head: AnchorPoint | null;
  try {
    head = auditHead(copy);
  } finally {
    copy.close();
  }
  writeBackupAnchor(dataDir, backupFile, head);
}

/**
 * After a backup file is final: `<backup>.anchor` holds the anchor up to the backup's newest
 * entry (read from the backup itself), so the backup carries its own witness. Sidecars whose
 * backup has been rotated away are removed.
 */
export function writeBackupAnchor(
  dataDir: string,
  backupFile: string,
  backupHead: AnchorPoint | null,
): void {
  const points = readAnchorPoints(anchorPath(dataDir)).filter(
    (p) => backupHead !== null && p.seq <= backupHead.seq,
  );
  if (backupHead !== null && points.at(-1)?.seq !== backupHead.seq) points.push(backupHead);
  replaceFile(`${backupFile}${BACKUP_ANCHOR_SUFFIX}`, points.map(formatLine).join(''));
  const dir = path.dirname(backupFile);
  for (const f of readdirSync(dir)) {
    if (f.endsWith(`.db${BACKUP_ANCHOR_SUFFIX}`) && !existsSync(path.join(dir, f.slice(0, -7)))) {
      rmSync(path.join(dir, f), { force: true });
    }
  }
}

/**
 * Before a restore: the backup's audit log checked against the anchor it carries, so a backup
 * whose log was cut short or rewritten is refused before it replaces anything. Null when it
 * verifies (or carries no anchor, being older than the anchor).
 */
export function backupAnchorProblem(backupFile: string, nativeBinding?: string): string | null {
  const carried = `${backupFile}${BACKUP_ANCHOR_SUFFIX}`;
  if (!existsSync(carried)) return null;
  const points = new Map(readAnchorPoints(carried).map((p) => [p.seq, p]));
  const copy = openConnection(backupFile, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const v = verifyAuditChain(copy, points);
    return v.ok ? null : v.reason;
  } finally {
    copy.close();
  }
}

/**
 * During a restore, before the restored file is opened: the current anchor is kept beside the
 * pre-restore copy, and the backup's anchor becomes the anchor. A backup from before the anchor
 * has none: the anchor is then started afresh from the restored database at open.
 */
export function restoreBackupAnchor(dataDir: string, backupFile: string, asideFile: string): void {
  const live = anchorPath(dataDir);
  if (existsSync(live)) copyFileSync(live, `${asideFile}${BACKUP_ANCHOR_SUFFIX}`);
  const carried = `${backupFile}${BACKUP_ANCHOR_SUFFIX}`;
  if (existsSync(carried)) replaceFile(live, readFileSync(carried, 'utf8'));
  else rmSync(live, { force: true });
  fsyncDir(dataDir);
}
