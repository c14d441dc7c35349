// The raw floor for a durable write: one row inserted and committed with the app's own pragmas
// (WAL, synchronous=FULL: openConnection) in a scratch database on the same disk, optionally
// followed by an fsync'd append to a file, which is what the audit anchor adds to every save
// and every audited view (store/audit-anchor.ts).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openConnection } from '../electron/main/store/connection';

export type DurableFloor = { write(withAnchor: boolean): void; close(): void };

export function durableFloor(dir: string): DurableFloor {
  const db = openConnection(path.join(dir, 'floor.db'));
  db.exec('CREATE TABLE IF NOT EXISTS floor (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const insert = db.prepare('INSERT INTO floor (id, data) VALUES (?, ?)');
  const commit = db.prepare('COMMIT');
  const fd = openSync(path.join(dir, 'anchor-floor.log'), 'a');
  const row = 'x'.repeat(1500);
  return {
    write(withAnchor) {
      begin.run();
      insert.run(crypto.randomUUID(), row);
      commit.run();
      if (withAnchor) {
        writeSync(fd, `${crypto.randomUUID()} ${'0'.repeat(64)}\n`);
        fsyncSync(fd);
      }
    },
    close() {
      closeSync(fd);
      db.close();
    },
  };
}
