// Migration 7: documents with their bytes replace generated_documents; letters point at them.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/main/store/connection';
import { migrate } from '../../../electron/main/store/migrations/index';
import { removeDir, tempDir } from '../../helpers/store-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});
const at = '2026-11-23T10:00:00.000Z';

describe('migration 7 (documents)', () => {
  it('keeps any letter, points letters at documents and drops generated_documents', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openConnection(path.join(dir, 'test.db'));
    migrate(db, { to: 6 });
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'awaiting-decision', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
        '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    db.prepare(
      "INSERT INTO generated_documents (id, referral_id, kind, file_name, sha256, created_at) VALUES ('g1', 'r1', 'letter', 'a.pdf', 'abc', ?)",
    ).run(at);
    db.prepare(
      "INSERT INTO letters (id, referral_id, kind, recipient, document_id, data, created_at, updated_at) VALUES ('l1', 'r1', 'outcome', 'Ms Referrer', 'g1', '{\"x\":1}', ?, ?)",
    ).run(at, at);

    migrate(db);
    const letter = db.prepare('SELECT * FROM letters').get() as Record<string, unknown>;
    expect(letter).toMatchObject({ id: 'l1', recipient: 'Ms Referrer', document_id: null });
    expect(JSON.parse(String(letter.data))).toEqual({ x: 1, formerDocument: 'g1' });
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toContain('documents');
    expect(tables).not.toContain('generated_documents');
    const fks = db.prepare('PRAGMA foreign_key_list(letters)').all() as { table: string }[];
    expect(fks.map((f) => f.table)).toContain('documents');
    // A letter can now point at a kept document, and not at one that does not exist.
    expect(() =>
      db.prepare("UPDATE letters SET document_id = 'missing' WHERE id = 'l1'").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
