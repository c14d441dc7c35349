// Finding a child: search-first matching (people:match) and the search box (search:all), each
// against its raw floor. Probes describe a child the loader made, typed the ways a practitioner
// gets them wrong: a sound-alike spelling, day and month swapped, an approximate age.
import type BetterSqlite3 from 'better-sqlite3';
import type { MatchQueryInput } from '../shared/ipc/contract';
import { personSearchKeys, phoneticKeys } from '../shared/matching';
import { addDaysIso, formatNhsNumber, formatUkDate } from '../shared/validation/formats';
import type { Services } from '../electron/main/services';
import { toFtsQuery } from '../electron/main/store/fts';
import { APPROX_YEAR_TOLERANCE } from '../electron/main/store/repositories/people';
import type { Random } from '../test/harness/seed-data';
import type { DurableFloor } from './durable';
import type { LoadResult } from './load';
import { SOUND_ALIKE } from './population';
import { type Figure, figure, paired } from './stats';
import type { TownChild } from './town';

const COMMON = new Set(['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies']);
const KINDS = ['name-dob', 'common-surname', 'sound-alike', 'swapped', 'about', 'nhs'] as const;
type Kind = (typeof KINDS)[number];

function variant(name: string): string | null {
  const v = SOUND_ALIKE[name];
  const [key] = phoneticKeys(name);
  return v !== undefined && key !== undefined && phoneticKeys(v).includes(key) ? v : null;
}

/** How a caller might describe `c`, or null when this kind does not fit the child. */
function probe(kind: Kind, c: TownChild, r: Random): MatchQueryInput | null {
  const named = { givenNames: c.givenNames, familyName: c.familyName };
  const dob = c.dateOfBirth;
  switch (kind) {
    case 'name-dob':
      return dob === null ? null : { ...named, dateOfBirth: dob };
    case 'common-surname':
      return dob === null || !COMMON.has(c.familyName) ? null : { ...named, dateOfBirth: dob };
    case 'sound-alike': {
      const g = variant(c.givenNames);
      const f = variant(c.familyName);
      if (dob === null || (g === null && f === null)) return null;
      return { givenNames: g ?? c.givenNames, familyName: f ?? c.familyName, dateOfBirth: dob };
    }
    case 'swapped': {
      if (dob === null || Number(dob.slice(8, 10)) > 12 || dob.slice(5, 7) === dob.slice(8, 10))
        return null;
      return { ...named, dateOfBirth: `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}` };
    }
    case 'about': {
      // "About 6" with the address: the year the estimate points to, up to a year out.
      const year = dob !== null ? Number(dob.slice(0, 4)) : c.approxBirthYear;
      if (year === null) return null;
      return { ...named, approxBirthYear: year + r.int(-1, 1), postcode: c.postcode };
    }
    case 'nhs':
      return c.nhsNumber === null ? null : { nhsNumber: formatNhsNumber(c.nhsNumber) };
  }
}

type Probe = { kind: Kind; target: string; query: MatchQueryInput };

function probes(loaded: LoadResult, r: Random, n: number): Probe[] {
  const out: Probe[] = [];
  const smiths = loaded.children.filter((c) => COMMON.has(c.familyName));
  const unknown = loaded.children.filter(
    (c) => c.dateOfBirth === null && c.approxBirthYear !== null,
  );
  for (let i = 0; out.length < n && i < n * 200; i++) {
    const kind = KINDS[out.length % KINDS.length] ?? 'name-dob';
    const pool =
      kind === 'about' && r.chance(0.5) && unknown.length > 0
        ? unknown
        : r.chance(0.6)
          ? smiths
          : loaded.children;
    const c = r.pick(pool);
    const query = probe(kind, c, r);
    const target = loaded.personIds[c.n];
    if (query !== null && target !== undefined) out.push({ kind, target, query });
  }
  return out;
}

/**
 * The same candidate lookups as personCandidateQuery, written by hand (every phonetic code, the
 * approximate-age arms for records holding an alias), then the history.
 */
export function matchFloor(raw: BetterSqlite3.Database) {
  // A name has one or two codes: @f1/@f2 and @g1/@g2 repeat the first when there is one.
  const named = `(family_key = @fk OR given_key = @gk OR family_phonetic1 IN (@f1, @f2)
    OR family_phonetic2 = @f1 OR given_phonetic1 IN (@g1, @g2) OR given_phonetic2 = @g1)`;
  const live = 'AND merged_into IS NULL';
  // With a date of birth typed, name and postcode keys leave out clearly different dates.
  const near = '(@d0, @d1, @d2, @d3)';
  const dobFits = `AND (@d0 IS NULL OR date_of_birth IN ${near} OR (date_of_birth IS NULL
    AND (expected_date_of_birth IS NULL OR expected_date_of_birth IN ${near})))`;
  const candidates = raw.prepare(`
    SELECT p.* FROM people AS p WHERE p.rowid IN (
      SELECT rowid FROM people WHERE nhs_number = @nhs ${live}
      UNION SELECT rowid FROM people WHERE family_key = @fk AND given_key = @gk ${live} ${dobFits}
      UNION SELECT rowid FROM people WHERE family_phonetic1 IN (@f1, @f2) AND given_phonetic1 IN (@g1, @g2) ${live} ${dobFits}
      UNION SELECT rowid FROM people WHERE family_phonetic1 IN (@f1, @f2) AND given_phonetic2 = @g1 ${live} ${dobFits}
      UNION SELECT rowid FROM people WHERE family_phonetic2 = @f1 AND given_phonetic1 IN (@g1, @g2) ${live} ${dobFits}
      UNION SELECT rowid FROM people WHERE family_phonetic2 = @f1 AND given_phonetic2 = @g1 ${live} ${dobFits}
      UNION SELECT rowid FROM people WHERE date_of_birth = @d0 ${live}
      UNION SELECT rowid FROM people WHERE expected_date_of_birth = @d0 ${live}
      UNION SELECT rowid FROM people WHERE date_of_birth IN (@d1, @d2, @d3) ${live} AND ${named}
      UNION SELECT rowid FROM people WHERE expected_date_of_birth IN (@d1, @d2, @d3) ${live}
        AND ${named}
      UNION SELECT rowid FROM people WHERE postcode = @pc ${live} AND ${named} ${dobFits}
      UNION SELECT rowid FROM people WHERE other_names IS NOT NULL AND given_key = @gk ${live}
        AND approx_birth_year >= @y0 AND approx_birth_year <= @y1
      UNION SELECT rowid FROM people WHERE other_names IS NOT NULL AND given_key = @gk ${live}
        AND date_of_birth >= @yd0 AND date_of_birth <= @yd1)`);
  const history = raw.prepare(`
    SELECT rc.person_id, rc.referral_id, r.reference, r.received_at, r.status, d.chosen
      FROM referral_children AS rc JOIN referrals AS r ON r.id = rc.referral_id
      LEFT JOIN decisions AS d ON d.referral_id = r.id AND d.status IN ('final', 'awaiting-sign-off')
     WHERE rc.person_id IN (SELECT value FROM json_each(?))`);
  const related = raw.prepare(`
    SELECT rc.referral_id, rc.person_id, rc.display_name, rc.child, NULL AS data
      FROM referral_children AS rc WHERE rc.referral_id IN (SELECT value FROM json_each(@ids))
    UNION ALL
    SELECT h.referral_id, h.person_id, NULL, NULL, h.data
      FROM household_members AS h WHERE h.referral_id IN (SELECT value FROM json_each(@ids))`);
  return (q: MatchQueryInput) => {
    const k = personSearchKeys({
      givenNames: q.givenNames ?? null,
      familyName: q.familyName ?? null,
      dateOfBirth: q.dateOfBirth ?? null,
    });
    const dob = k.dateOfBirth;
    const year = dob !== null ? Number(dob.slice(0, 4)) : (q.approxBirthYear ?? null);
    const rows = candidates.all({
      nhs: q.nhsNumber?.replace(/\s/g, '') ?? null,
      fk: k.familyNameKey || null,
      gk: k.firstGivenNameKey || null,
      f1: k.familyNamePhonetic[0] ?? null,
      f2: k.familyNamePhonetic[1] ?? k.familyNamePhonetic[0] ?? null,
      g1: k.givenNamePhonetic[0] ?? null,
      g2: k.givenNamePhonetic[1] ?? k.givenNamePhonetic[0] ?? null,
      y0: year === null ? null : year - APPROX_YEAR_TOLERANCE,
      y1: year === null ? null : year + APPROX_YEAR_TOLERANCE,
      yd0: year === null || dob !== null ? null : `${String(year - APPROX_YEAR_TOLERANCE)}-01-01`,
      yd1: year === null ? null : `${String(year + APPROX_YEAR_TOLERANCE)}-12-31`,
      d0: dob,
      d1: dob === null ? null : addDaysIso(dob, -1),
      d2: dob === null ? null : addDaysIso(dob, 1),
      d3: dob === null ? null : `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`,
      pc: q.postcode?.toUpperCase() ?? null,
    }) as { id: string }[];
    const referrals = history.all(JSON.stringify(rows.slice(0, 20).map((p) => p.id))) as {
      referral_id: string;
    }[];
    return related.all({ ids: JSON.stringify(referrals.map((x) => x.referral_id)) });
  };
}

export async function measureMatching(
  services: Services,
  raw: BetterSqlite3.Database,
  loaded: LoadResult,
  r: Random,
  samples: number,
): Promise<{ figures: Figure[]; found: number; first: number; total: number; misses: string[] }> {
  const ctx = { user: loaded.admin };
  const all = probes(loaded, r, samples);
  const floor = matchFloor(raw);
  const figures: Figure[] = [];
  let found = 0;
  let first = 0;
  const misses: string[] = [];
  const perKind = new Map<Kind, { app: number[]; floor: number[] }>();
  const times = await paired(
    all.length,
    10,
    async (i) => {
      const p = all[i % all.length];
      if (p === undefined) return;
      const t0 = performance.now();
      const matches = await services.people.match(ctx, p.query);
      const t = performance.now() - t0;
      if (i >= all.length) return;
      const at = matches.findIndex((m) => m.person.id === p.target);
      if (at >= 0) found++;
      else misses.push(`${p.kind} ${JSON.stringify(p.query)}`);
      // First, or tied with the first (twins with one name typed fit equally well).
      if (at >= 0 && matches[at]?.score === matches[0]?.score) first++;
      const k = perKind.get(p.kind) ?? { app: [], floor: [] };
      k.app.push(t);
      perKind.set(p.kind, k);
    },
    (i) => {
      const p = all[i % all.length];
      if (p === undefined) return;
      const t0 = performance.now();
      floor(p.query);
      if (i < all.length) perKind.get(p.kind)?.floor.push(performance.now() - t0);
    },
  );
  const target = { p95Below: 30, ratioBelow: 3 };
  figures.push(figure('matching', 'all probes', times, target));
  for (const [kind, t] of perKind) figures.push(figure('matching', kind, t, target));
  return { figures, found, first, total: all.length, misses };
}

const SEARCH_KINDS = [
  'name',
  'reference',
  'nhs-number',
  'date-of-birth',
  'postcode',
  'school',
  'referrer',
] as const;
type SearchKind = (typeof SEARCH_KINDS)[number];

function searchText(kind: SearchKind, loaded: LoadResult, r: Random): string {
  const c = r.pick(loaded.children);
  switch (kind) {
    case 'name':
      return `${c.givenNames} ${c.familyName}`;
    case 'reference':
      return r.pick(loaded.references);
    case 'nhs-number':
      return formatNhsNumber(
        r.pick(loaded.children.filter((x) => x.nhsNumber !== null).slice(0, 5000)).nhsNumber ?? '',
      );
    case 'date-of-birth':
      return formatUkDate(c.dateOfBirth ?? '2015-06-01');
    case 'postcode':
      return c.postcode;
    case 'school':
      return r.pick(loaded.schools);
    case 'referrer':
      return r.pick(loaded.referrerNames);
  }
}

/**
 * The simplest statements that give the same answer as the search page through the same
 * indexes: the children shown (the columns the page shows, in its order, one more than a page)
 * and the referrals shown with the children named on each.
 */
function searchFloor(raw: BetterSqlite3.Database) {
  const shown = `id, given_names, family_name, other_names, status, date_of_birth,
    expected_date_of_birth, approx_birth_year, nhs_number, postcode`;
  const people = (where: string) =>
    raw.prepare(`SELECT ${shown} FROM people WHERE (${where}) AND merged_into IS NULL
      ORDER BY family_key, given_key LIMIT 51`);
  const s = {
    // bm25() rather than `ORDER BY rank`: the same order, and faster (repositories/search.ts).
    // 51 rows: one more than a page tells whether the whole words filled it.
    peopleFts: raw.prepare(`SELECT p.${shown.split(', ').join(', p.')} FROM (SELECT person_id,
      bm25(people_fts) AS rnk FROM people_fts WHERE people_fts MATCH ? ORDER BY rnk LIMIT 51) AS h
      JOIN people AS p ON p.id = h.person_id WHERE p.merged_into IS NULL`),
    referralFts: raw.prepare(`SELECT r.id, r.reference FROM (SELECT referral_id FROM referrals_fts
      WHERE referrals_fts MATCH ? ORDER BY bm25(referrals_fts) LIMIT 51) AS h JOIN referrals AS r ON r.id = h.referral_id`),
    soundsLike: people('family_phonetic1 = ? OR family_phonetic2 = ?'),
    reference: raw.prepare('SELECT id, reference FROM referrals WHERE reference = ?'),
    referralsOf: raw.prepare(`SELECT r.id, r.reference FROM referral_children AS rc
      JOIN referrals AS r ON r.id = rc.referral_id WHERE rc.person_id IN (SELECT value FROM json_each(?))
      ORDER BY r.received_at DESC LIMIT 51`),
    childrenOn: raw.prepare(`SELECT referral_id, display_name, person_id FROM referral_children
      WHERE referral_id IN (SELECT value FROM json_each(?)) ORDER BY referral_id, position`),
  };
  const byNhs = people('nhs_number = @v');
  const byDob = people('date_of_birth = @v OR expected_date_of_birth = @v');
  const byPostcode = people('postcode = @v');
  const withChildren = (referrals: unknown[]) => [
    referrals,
    s.childrenOn.all(JSON.stringify((referrals as { id: string }[]).slice(0, 50).map((r) => r.id))),
  ];
  const viaPeople = (stmt: BetterSqlite3.Statement, v: string) => {
    const found = stmt.all({ v }) as { id: string }[];
    return [found, withChildren(s.referralsOf.all(JSON.stringify(found.map((p) => p.id))))];
  };
  // The app's answer to words: as typed first, as prefixes only when that did not fill a page.
  const words = (stmt: BetterSqlite3.Statement, text: string, column = ''): unknown[] => {
    const query = (w: 'whole' | 'prefix') => {
      const q = toFtsQuery(text, w) ?? '""';
      return column === '' ? q : `${column} : (${q})`;
    };
    const whole = stmt.all(query('whole'));
    return whole.length > 50 ? whole : stmt.all(query('prefix'));
  };
  return (kind: SearchKind, text: string): unknown => {
    switch (kind) {
      case 'name': {
        const family = phoneticKeys(text.split(' ').at(-1) ?? '')[0] ?? '';
        return [
          words(s.peopleFts, text),
          s.soundsLike.all(family, family),
          withChildren(words(s.referralFts, text)),
        ];
      }
      case 'reference':
        return withChildren(s.reference.all(text));
      case 'nhs-number':
        return viaPeople(byNhs, text.replace(/\s/g, ''));
      case 'date-of-birth': {
        const [d = '', m = '', y = ''] = text.split('/');
        return viaPeople(byDob, `${y}-${m}-${d}`);
      }
      case 'postcode':
        return viaPeople(byPostcode, text);
      case 'school':
        return withChildren(words(s.referralFts, text, 'schools'));
      case 'referrer':
        return withChildren(words(s.referralFts, text, 'referrer'));
    }
  };
}

export async function measureSearch(
  services: Services,
  raw: BetterSqlite3.Database,
  loaded: LoadResult,
  durable: DurableFloor,
  r: Random,
  samples: number,
): Promise<Figure[]> {
  const ctx = { user: loaded.admin };
  const floor = searchFloor(raw);
  const figures: Figure[] = [];
  const each = Math.max(30, Math.ceil(samples / SEARCH_KINDS.length));
  const all = { app: [] as number[], floor: [] as number[] };
  for (const kind of SEARCH_KINDS) {
    const texts = Array.from({ length: each + 5 }, () => searchText(kind, loaded, r));
    const t = await paired(
      each,
      5,
      (i) => services.search.all(ctx, { text: texts[i % texts.length] ?? '' }),
      (i) => {
        // The search that shows records is an audited view: one durable write, as the app's.
        durable.write(true);
        return floor(kind, texts[i % texts.length] ?? '');
      },
    );
    all.app.push(...t.app);
    all.floor.push(...t.floor);
    figures.push(figure('search', kind, t, { p95Below: 30, ratioBelow: 3 }));
  }
  figures.unshift(
    figure(
      'search',
      'all kinds',
      all,
      { p95Below: 30, ratioBelow: 3 },
      '(floor: the same index reads + a durable audited view)',
    ),
  );
  return figures;
}
