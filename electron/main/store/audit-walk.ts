// Walking the audit chain one row at a time, so the same checks serve the whole-log check in
// one go (verifyAuditChain, used at open and by backups) and the check in slices that yields
// between them (verifyAuditChainInSlices: other calls keep being answered on a long log, and
// progress is reported), optionally starting after an entry a previous check found sound.
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditVerification } from '../../../shared/domain/records';
import { formatLondonTimeOnDate } from './errors';

export type AnchorWitness = ReadonlyMap<number, { seq: number; hash: string; at: string }>;

export type WalkRow = {
  seq: number;
  hash: string;
  prev_hash: string;
};

type Broken = Extract<AuditVerification, { ok: false }>;

/** Where a walk starts: after entry `seq` whose hash is `hash` (seq 0: the start). */
export type WalkStart = { seq: number; hash: string };

export class ChainWalk {
  private expectedSeq: number;
  private prevHash: string;
  /** The newest entry seen so far (its seq): the number of entries when complete. */
  count: number;

  constructor(
    private readonly anchor: AnchorWitness | undefined,
    start: WalkStart,
    private readonly hashOf: (row: WalkRow) => string,
  ) {
    this.expectedSeq = start.seq + 1;
    this.prevHash = start.hash;
    this.count = start.seq;
  }

  /** Checks the next row; the first broken entry, or null while the chain holds. */
  step(row: WalkRow): Broken | null {
    if (row.seq !== this.expectedSeq) {
      return {
        ok: false,
        firstBrokenSeq: this.expectedSeq,
        reason: `Audit entry ${this.expectedSeq} is missing: it has been deleted.`,
      };
    }
    const witnessed = this.anchor?.get(row.seq);
    if (witnessed !== undefined && witnessed.hash !== row.hash) {
      // The anchor was written when the entry was: this row is not the entry Front Door wrote.
      return {
        ok: false,
        firstBrokenSeq: row.seq,
        reason: `Audit entry ${row.seq} is not the entry written at ${formatLondonTimeOnDate(witnessed.at)}: it has been replaced or removed.`,
      };
    }
    if (row.prev_hash !== this.prevHash) {
      // Without a witness for the entry before, it may be the replaced one (a forged row can
      // carry a correct hash of its own; only the next row's link shows it).
      const before = row.seq > 1 && this.anchor !== undefined && !this.anchor.has(row.seq - 1);
      return {
        ok: false,
        firstBrokenSeq: before ? row.seq - 1 : row.seq,
        reason: before
          ? `Audit entry ${row.seq - 1} or ${row.seq} has been replaced: entry ${row.seq} does not follow on from the entry before it.`
          : `Audit entry ${row.seq} does not follow on from the entry before it: an entry has been removed or inserted.`,
      };
    }
    if (this.hashOf(row) !== row.hash) {
      return {
        ok: false,
        firstBrokenSeq: row.seq,
        reason: `Audit entry ${row.seq} has been altered since it was written.`,
      };
    }
    this.prevHash = row.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return null;
  }

  /**
   * After the last row: nothing witnessed beyond it, and the head (the newest entry as the
   * database recorded it) agrees with where the chain ended.
   */
  finish(head: { seq: number; hash: string } | undefined): AuditVerification {
    const count = this.count;
    let newestWitnessed: { seq: number; at: string } | null = null;
    for (const p of this.anchor?.values() ?? []) {
      if (newestWitnessed === null || p.seq > newestWitnessed.seq) newestWitnessed = p;
    }
    if (newestWitnessed !== null && newestWitnessed.seq > count) {
      return {
        ok: false,
        firstBrokenSeq: count + 1,
        reason:
          count === 0
            ? `The whole audit log has been removed: entries 1 to ${newestWitnessed.seq} (the newest written at ${formatLondonTimeOnDate(newestWitnessed.at)}) are missing.`
            : `Audit entries from ${count + 1} to ${newestWitnessed.seq} (the newest written at ${formatLondonTimeOnDate(newestWitnessed.at)}) are missing: they have been removed.`,
      };
    }
    if (head !== undefined && (head.seq !== count || head.hash !== this.prevHash)) {
      return {
        ok: false,
        firstBrokenSeq: count + 1,
        reason:
          head.seq > count
            ? `Audit entries from ${count + 1} to ${head.seq} have been removed.`
            : `The audit log's record of its newest entry does not match entry ${count}.`,
      };
    }
    if (head === undefined && count > 0) {
      return {
        ok: false,
        firstBrokenSeq: count,
        reason: "The audit log's record of its newest entry is missing.",
      };
    }
    return { ok: true, count };
  }
}

export function readAuditHead(
  raw: BetterSqlite3.Database,
): { seq: number; hash: string } | undefined {
  return raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    { seq: number; hash: string } | undefined;
}
