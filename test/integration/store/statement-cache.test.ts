// Kysely over a connection that keeps its prepared statements (connection.ts): the same query
// runs again from the cache, a schema change is picked up by a kept statement, and a batch of
// saves (store.batch, the seeder's bulk mode) commits once or not at all.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createKysely, openConnection } from '../../../electron/main/store/connection';
import { openStore } from '../../../electron/main/store/store';
import { removeDir, tempDir } from '../../helpers/store-fixtures';
import path from 'node:path';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

describe('kept statements', () => {
  it('prepares a query once, and a kept statement sees a column added later', async () => {
    const raw = openConnection(path.join(dir(), 'cache.db'));
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT) STRICT');
    raw.exec("INSERT INTO t (a) VALUES ('one')");
    let prepared = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = (source: string) => {
      prepared++;
      return prepare(source);
    };
    const db = createKysely(raw);
    const read = () => sql<Record<string, unknown>>`SELECT * FROM t`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, a: 'one' }]);
    expect((await read()).rows).toEqual([{ id: 1, a: 'one' }]);
    expect(prepared).toBe(1);
    raw.exec("ALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT 'two'");
    expect((await read()).rows).toEqual([{ id: 1, a: 'one', b: 'two' }]);
    raw.close();
  });

  it('keeps at most 1,000 statements, dropping the least recently used', async () => {
    const raw = openConnection(path.join(dir(), 'lru.db'));
    let prepared = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = (source: string) => {
      prepared++;
      return prepare(source);
    };
    const db = createKysely(raw);
    const one = (n: number) => sql`SELECT ${sql.lit(n)} AS n`.execute(db);
    for (let n = 0; n < 1_001; n++) await one(n); // 0 is now the oldest, and dropped
    expect(prepared).toBe(1_001);
    await one(1_000); // still kept
    expect(prepared).toBe(1_001);
    await one(0); // prepared again
    expect(prepared).toBe(1_002);
    raw.close();
  });
});

describe('store.batch (bulk loading)', () => {
  it('commits every save in the batch together, and a failure keeps none of them', async () => {
    const store = openStore({ dataDir: dir() });
    const count = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM settings`.execute(store.db)).rows[0]?.n,
      );
    const before = await count();
    const insert = (key: string) =>
      store.transaction((trx) =>
        sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, '1', '2026-12-01T00:00:00.000Z')`.execute(
          trx,
        ),
      );
    await store.batch(async () => {
      await insert('batch-a');
      await insert('batch-b');
      // Reads inside the batch see its own writes (and do not wait for the connection).
      expect(await count()).toBe(before + 2);
    });
    expect(await count()).toBe(before + 2);
    await expect(
      store.batch(async () => {
        await insert('batch-c');
        await insert('batch-a'); // duplicate key: the whole batch rolls back
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await count()).toBe(before + 2);
    await expect(store.batch(() => store.batch(() => Promise.resolve()))).rejects.toThrow(
      'A batch is already open',
    );
    store.close();
  });
});
