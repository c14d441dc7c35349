// Directory of professionals and agencies (referrers, meeting invitees).
import type { DirectoryEntry } from '../../../../shared/domain/records';
import { FOLD_SEARCH_SQL, searchFold } from '../fts';
import type { DirectoryRow } from '../schema';
import { type Db, bool, versionedUpdate } from './common';

export type DirectoryWrite = {
  name: string;
  role?: string | undefined;
  agency?: string | undefined;
  agencyType: string;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
};

export function toDirectoryEntry(r: DirectoryRow): DirectoryEntry {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    role: r.role,
    agency: r.agency,
    agencyType: r.agency_type,
    phone: r.phone,
    email: r.email,
    address: r.address,
    active: bool(r.active),
    version: r.version,
  };
}

const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

function columns(e: DirectoryWrite) {
  return {
    // A named person with a job title is a professional; an entry without one is the agency.
    kind: e.role ? ('professional' as const) : ('agency' as const),
    name: e.name,
    role: orNull(e.role),
    agency: orNull(e.agency),
    agency_type: e.agencyType,
    phone: orNull(e.phone),
    email: orNull(e.email),
    address: orNull(e.address),
  };
}

export async function listDirectory(
  db: Db,
  text: string | undefined,
  limit = 200,
): Promise<DirectoryEntry[]> {
  let q = db.selectFrom('directory').selectAll().where('active', '=', 1);
  if (text !== undefined && text.trim() !== '') {
    // Folded on both sides the way names are matched (École, Öztürk, full-width letters:
    // fts.ts searchFold); instr, unlike LIKE, gives `%` and `_` in the input no meaning.
    const t = searchFold(text);
    // Only punctuation typed: nothing to look for, so nothing found (not the whole directory).
    if (t === '') return [];
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('instr', [eb.fn(FOLD_SEARCH_SQL, ['name']), eb.val(t)]), '>', 0),
        eb(eb.fn('instr', [eb.fn(FOLD_SEARCH_SQL, ['agency']), eb.val(t)]), '>', 0),
      ]),
    );
  }
  const rows = await q.orderBy('name').limit(limit).execute();
  return rows.map(toDirectoryEntry);
}

export async function getDirectoryEntry(db: Db, id: string): Promise<DirectoryEntry | null> {
  const r = await db.selectFrom('directory').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDirectoryEntry(r) : null;
}

export async function insertDirectoryEntry(
  db: Db,
  e: DirectoryWrite,
  stamp: { at: string; userId: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('directory')
    .values({
      id,
      ...columns(e),
      created_at: stamp.at,
      created_by: stamp.userId,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .execute();
  return id;
}

export async function updateDirectoryEntry(
  db: Db,
  id: string,
  expectedVersion: number,
  e: DirectoryWrite,
  stamp: { at: string; userId: string },
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'directory', id, expectedVersion, what: 'The directory entry' },
    columns(e),
    stamp,
  );
}
