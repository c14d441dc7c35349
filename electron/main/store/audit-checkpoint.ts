// The last audit entry a full check found sound, kept in the data folder beside the audit
// anchor (outside the database, like the anchor, so rewriting the log in the file does not also
// move the checkpoint). The next check starts after it, so checking a ten-year log is a matter of
// the entries added since; "Check from the start" still walks every entry. A missing, unreadable
// or damaged checkpoint means a check from the start: never a reason to trust more.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export type AuditCheckpoint = { seq: number; hash: string; at: string };

export function checkpointPath(dataDir: string): string {
  return path.join(dataDir, 'audit-checkpoint.json');
}

export function readAuditCheckpoint(dataDir: string): AuditCheckpoint | null {
  let text: string;
  try {
    text = readFileSync(checkpointPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<AuditCheckpoint> | null;
    if (
      v !== null &&
      typeof v.seq === 'number' &&
      Number.isInteger(v.seq) &&
      v.seq >= 0 &&
      typeof v.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(v.hash) &&
      typeof v.at === 'string'
    ) {
      return { seq: v.seq, hash: v.hash, at: v.at };
    }
  } catch {
    // Damaged: check from the start.
  }
  return null;
}

/** Written beside its final name, synced, then renamed into place: never half a checkpoint. */
export function writeAuditCheckpoint(dataDir: string, checkpoint: AuditCheckpoint): void {
  const final = checkpointPath(dataDir);
  const temp = `${final}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(checkpoint));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, final);
}
