// The audit anchor (electron/main/store/audit-anchor.ts): tampering with the audit log inside the
// database file, the way someone with the file and a SQLite shell would, is reported with the
// first missing or altered entry, by "Check the audit log" and at the next start.
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/services/index';
import { GENESIS_HASH, auditHash } from '../../../electron/main/store/audit';
import {
  AUDIT_ANCHOR_FILE,
  BACKUP_ANCHOR_SUFFIX,
  appendAnchorPoints,
  readAnchorPoints,
} from '../../../electron/main/store/audit-anchor';
import { openConnection } from '../../../electron/main/store/connection';
import { openStore } from '../../../electron/main/store/store';
import { fixedClock, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

type Row = {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  details: string;
  prev_hash: string;
  hash: string;
};

/** Five referrals, each created and viewed: a log of a dozen or so entries. Returns its length. */
async function seed(): Promise<number> {
  const ctx = { user: env.admin };
  for (let i = 0; i < 5; i++) {
    env.clock.set(`2026-11-23T1${String(i)}:00:00.000Z`);
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    await env.services.referrals.get(ctx, { id: r.id });
  }
  await expect(env.services.audit.verify(ctx)).resolves.toMatchObject({ ok: true });
  return maxSeq(env.store.raw);
}

function maxSeq(raw: BetterSqlite3.Database): number {
  return (raw.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number | null }).n ?? 0;
}

function rows(raw: BetterSqlite3.Database): Row[] {
  return raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
}

/** Re-hashes the chain from `fromSeq` and sets the head: a careful forger covering their tracks. */
function rehash(raw: BetterSqlite3.Database, fromSeq: number): void {
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  let prev = GENESIS_HASH;
  for (const row of rows(raw)) {
    if (row.seq >= fromSeq) {
      const hash = auditHash({ ...row, prev_hash: prev });
      raw
        .prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?')
        .run(prev, hash, row.seq);
      prev = hash;
    } else {
      prev = row.hash;
    }
  }
  const last = rows(raw).at(-1);
  raw.prepare('DELETE FROM audit_head').run();
  if (last)
    raw.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)').run(last.seq, last.hash);
}

/** Deletes entries after `keep` and fixes the head, so the chain inside the file is valid. */
function truncate(raw: BetterSqlite3.Database, keep: number): void {
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
  raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
  rehash(raw, Number.MAX_SAFE_INTEGER);
}

/** Closes the app, tampers with the closed file, and starts the app again. */
function tamperClosedAndReopen(tamper: (raw: BetterSqlite3.Database) => void) {
  env.store.close();
  const raw = openConnection(path.join(env.dir, 'front-door.db'), { fileMustExist: true });
  try {
    tamper(raw);
  } finally {
    raw.close();
  }
  env.store = openStore({ dataDir: env.dir });
  return env.store.status();
}

describe('the audit anchor', () => {
  it('witnesses every entry in a file outside the database, after each commit', async () => {
    const count = await seed();
    const points = readAnchorPoints(path.join(env.dir, AUDIT_ANCHOR_FILE));
    expect(points.map((p) => p.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(points.map((p) => p.hash)).toEqual(rows(env.store.raw).map((r) => r.hash));
  });

  it('(a) an altered row is named by verification', async () => {
    await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET summary = 'Nothing to see here' WHERE seq = 6").run();
    await expect(env.services.audit.verify({ user: env.admin })).resolves.toMatchObject({
      ok: false,
      firstBrokenSeq: 6,
    });
  });

  it('(a) an altered row with the whole chain re-hashed after it is still named, live and at the next start', async () => {
    const count = await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET summary = 'Nothing to see here' WHERE seq = 6").run();
    rehash(raw, 6);
    const v = await env.services.audit.verify({ user: env.admin });
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: 6 });
    expect(v.ok ? '' : v.reason).toMatch(
      /Audit entry 6 is not the entry written at 1\d:00 on 23\/11\/2026/,
    );

    const status = tamperClosedAndReopen(() => undefined);
    expect(status.state).toBe('recovery-needed');
    expect(status.reason).toContain(`audit entry ${String(count)}`);
    expect(status.problem).toMatchObject({ kind: 'damaged', restoreOffered: true });
  });

  it('(b) deleting the newest rows is reported at the next start, naming the first missing entry and the time', async () => {
    const count = await seed();
    const keep = count - 5;
    const keptAt = rows(env.store.raw)[keep - 1]?.at ?? '';
    const status = tamperClosedAndReopen((raw) => {
      truncate(raw, keep);
    });
    expect(status.state).toBe('recovery-needed');
    // 1x:00 UTC in November is the same in London.
    expect(status.reason).toContain(
      `Saves made after ${keptAt.slice(11, 16)} on 23/11/2026 may be missing`,
    );
    expect(status.reason).toContain(`ends at entry ${String(keep)} of ${String(count)}`);
    expect(status.problem?.restoreOffered).toBe(true);
    // Nothing was appended: the start did not sign anyone in over the shortened log.
    const raw = openConnection(path.join(env.dir, 'front-door.db'), { readonly: true });
    expect(maxSeq(raw)).toBe(keep);
    raw.close();
  });

  it('(b) deleting the newest rows while the app runs, then signing in, is still named by verification', async () => {
    const count = await seed();
    const keep = count - 5;
    truncate(env.store.raw, keep);
    // The next save appends entry keep+1 on the shortened log: before the anchor, this re-anchored
    // the chain and the loss was no longer visible.
    await env.services.users.signIn('sam', 'Sam Patel');
    expect(maxSeq(env.store.raw)).toBe(keep + 1);
    const v = await env.services.audit.verify({ user: env.admin });
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: keep + 1 });
    // The anchor was not moved back to the shortened log.
    const points = readAnchorPoints(path.join(env.dir, AUDIT_ANCHOR_FILE));
    expect(points.at(-1)?.seq).toBe(count);
  });

  it('(c) removing the whole log is reported, from entry 1', async () => {
    await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.exec('DELETE FROM audit_log; DELETE FROM audit_head;');
    const v = await env.services.audit.verify({ user: env.admin });
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    expect(v.ok ? '' : v.reason).toMatch(/whole audit log has been removed/);

    const status = tamperClosedAndReopen(() => undefined);
    expect(status.state).toBe('recovery-needed');
    expect(status.reason).toMatch(/^Every save may be missing/);
  });

  it('(d) INSERT OR REPLACE of a row with a correct-looking hash is named (the triggers do not fire on REPLACE)', async () => {
    await seed();
    const raw = env.store.raw;
    const all = rows(raw);
    const before = all[3];
    const target = all[4];
    if (!before || !target) throw new Error('seed too short');
    const forged = {
      ...target,
      summary: 'Referral viewed',
      entity_id: 'someone-else',
      prev_hash: before.hash,
    };
    const hash = auditHash(forged);
    raw
      .prepare(
        `INSERT OR REPLACE INTO audit_log (seq, at, user_id, action, entity_type, entity_id, summary, details, prev_hash, hash)
         VALUES (@seq, @at, @user_id, @action, @entity_type, @entity_id, @summary, @details, @prev_hash, @hash)`,
      )
      .run({ ...forged, hash });
    const v = await env.services.audit.verify({ user: env.admin });
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: target.seq });
  });

  it('a crash between the commit and the anchor write (anchor behind) opens normally and catches up', async () => {
    const count = await seed();
    const file = path.join(env.dir, AUDIT_ANCHOR_FILE);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    // Two lines lost and a torn third, as a power cut during the append would leave it.
    writeFileSync(file, `${lines.slice(0, -3).join('\n')}\n${(lines.at(-3) ?? '').slice(0, 20)}`);
    const status = tamperClosedAndReopen(() => undefined);
    expect(status.state).toBe('ok');
    expect(readAnchorPoints(file).at(-1)?.seq).toBe(count);
    const services = createServices(env.store, fixedClock(), { osAccount: () => 'sam' });
    const { user } = await services.users.signIn('sam');
    await expect(services.audit.verify({ user })).resolves.toMatchObject({ ok: true });
    expect(readAnchorPoints(file).at(-1)?.seq).toBe(count + 1);
  });

  it('a torn last line is cut off before the next append', async () => {
    await seed();
    const file = path.join(env.dir, AUDIT_ANCHOR_FILE);
    appendFileSync(file, '99 abc');
    await env.services.users.signIn('sam');
    expect(readFileSync(file, 'utf8')).not.toContain('99 abc');
    await expect(env.services.audit.verify({ user: env.admin })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('a backup carries its anchor, so a restored backup verifies and opens', async () => {
    const ctx = { user: env.admin };
    await seed();
    const backup = await env.services.backups.create(ctx);
    const sidecar = path.join(env.store.backupDir, `${backup.file}${BACKUP_ANCHOR_SUFFIX}`);
    expect(existsSync(sidecar)).toBe(true);
    // The backup's newest entry is witnessed in the sidecar.
    const copy = openConnection(path.join(env.store.backupDir, backup.file), { readonly: true });
    expect(readAnchorPoints(sidecar).at(-1)?.seq).toBe(maxSeq(copy));
    copy.close();

    for (let i = 0; i < 3; i++)
      await env.services.referrals.create(ctx, { referral: referralInput() });
    await env.services.backups.restore(ctx, { file: backup.file });
    expect(env.store.status().state).toBe('ok');
    await expect(env.services.audit.verify(ctx)).resolves.toMatchObject({ ok: true });
    const status = tamperClosedAndReopen(() => undefined);
    expect(status.state).toBe('ok');
  });
  it('a backup whose audit log was cut short is refused before it replaces anything', async () => {
    const ctx = { user: env.admin };
    const count = await seed();
    const backup = await env.services.backups.create(ctx);
    const file = path.join(env.store.backupDir, backup.file);
    const raw = openConnection(file, { fileMustExist: true });
    truncate(raw, count - 3);
    raw.close();
    await expect(env.services.backups.restore(ctx, { file: backup.file })).rejects.toThrow(
      `The backup ${backup.file} has been altered since it was made (Audit entries from ${String(count - 2)} to ${String(count)}`,
    );
    expect(env.store.status().state).toBe('ok');
    expect(maxSeq(env.store.raw)).toBeGreaterThan(count);
  });

  it('a backup from before the anchor (no .anchor beside it) restores, and the anchor starts afresh', async () => {
    const ctx = { user: env.admin };
    await seed();
    const backup = await env.services.backups.create(ctx);
    rmSync(path.join(env.store.backupDir, `${backup.file}${BACKUP_ANCHOR_SUFFIX}`));
    await env.services.referrals.create(ctx, { referral: referralInput() });
    await env.services.backups.restore(ctx, { file: backup.file });
    expect(env.store.status().state).toBe('ok');
    await expect(env.services.audit.verify(ctx)).resolves.toMatchObject({ ok: true });
    expect(readAnchorPoints(path.join(env.dir, AUDIT_ANCHOR_FILE)).at(-1)?.seq).toBe(
      maxSeq(env.store.raw),
    );
  });
  it('a long anchor is thinned to stay small, keeping the newest entries one for one', () => {
    const file = path.join(env.dir, 'thin-test.log');
    const hash = (n: number) => n.toString(16).padStart(64, '0');
    const points = Array.from({ length: 20_000 }, (_, i) => ({
      seq: i + 1,
      hash: hash(i + 1),
      at: '2026-11-23T10:00:00.000Z',
    }));
    for (let i = 0; i < points.length; i += 2000)
      appendAnchorPoints(file, points.slice(i, i + 2000));
    const kept = readAnchorPoints(file);
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    expect(kept.at(-1)?.seq).toBe(20_000);
    // Thinned at 1 MB to the newest 5,000 plus one per block of 1,024; 2,000-line appends since.
    const seqs = new Set(kept.map((p) => p.seq));
    for (let n = 15_001; n <= 20_000; n++) expect(seqs.has(n)).toBe(true);
    expect(kept.length).toBeLessThan(5000 + 2000 + 20);
    expect(kept.filter((p) => p.seq < 13_000).length).toBeLessThan(20);
    expect(kept.every((p) => p.hash === hash(p.seq))).toBe(true);
  });
});
