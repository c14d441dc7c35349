// Finding a child or a referral from anywhere (issue 11 "Search and the record"): by name (as
// typed, or sounding alike), reference, NHS number, date of birth, postcode, school or referrer.
// The typed text is read first (shared/search parseSearch): shaped input goes straight to its own
// index; words go to the full-text indexes. Each result says why it matched. Merged records are
// left out: their referrals now sit on the record they were merged into, which is found instead.
import {
  SEARCH_KIND_LABELS,
  type ReferralSearchResult,
  type SearchResults,
  type SearchWhy,
} from '../../../shared/domain/search';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { phoneticKeys } from '../../../shared/matching';
import { parseSearch, type ParsedSearch } from '../../../shared/search/query';
import { appendAudit } from '../store/audit';
import { toFtsQuery } from '../store/fts';
import type { Db } from '../store/repositories/common';
import {
  SEARCH_SOURCE_LIMIT,
  type ReferralFtsHit,
  type ReferralHitRow,
  childrenAtSchoolOn,
  childrenOnReferrals,
  peopleByBirthDate,
  peopleByIds,
  peopleByNhsNumber,
  peopleByPostcode,
  peopleByText,
  peopleSoundingLike,
  referralsByReference,
  referralsBySchool,
  referralsByText,
  referralsForPeople,
} from '../store/repositories/search';
import type { PersonRow } from '../store/schema';
import { type ServiceContext, type ServiceDeps, nowIso, todayLondon } from './context';

export type SearchInput = ChannelParsed<'search:all'>;

export type SearchService = {
  all(ctx: ServiceContext, input: SearchInput): Promise<SearchResults>;
};

/** Results per group when the caller does not say (the search page). */
export const SEARCH_PAGE_LIMIT = 50;

/** Collects results in the order first found, merging the reasons of a record found twice. */
class Found<T> {
  private readonly byId = new Map<string, { item: T; why: SearchWhy[] }>();
  add(id: string, item: T, why: readonly SearchWhy[]): void {
    const had = this.byId.get(id);
    if (had === undefined) {
      this.byId.set(id, { item, why: [...why] });
      return;
    }
    for (const w of why) if (!had.why.includes(w)) had.why.push(w);
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  whyOf(id: string): SearchWhy[] {
    return this.byId.get(id)?.why ?? [];
  }
  entries(): { id: string; item: T; why: SearchWhy[] }[] {
    return [...this.byId.entries()].map(([id, v]) => ({ id, ...v }));
  }
}

type Collected = {
  people: Found<PersonRow>;
  referrals: Found<ReferralHitRow & { snippet?: string }>;
  /** A source had more than it could contribute (it reads one row past SEARCH_SOURCE_LIMIT). */
  cut: { people: boolean; referrals: boolean };
};

/** The rows a source contributes, noting when it had more than that. */
function upTo<T>(
  rows: readonly T[],
  found: Collected,
  group: 'people' | 'referrals',
): readonly T[] {
  if (rows.length <= SEARCH_SOURCE_LIMIT) return rows;
  found.cut[group] = true;
  return rows.slice(0, SEARCH_SOURCE_LIMIT);
}

export function createSearchService(deps: ServiceDeps): SearchService {
  const { store, clock } = deps;
  return {
    async all(ctx, { text, limit }) {
      const max = limit ?? SEARCH_PAGE_LIMIT;
      const parsed = parseSearch(text, todayLondon(clock));
      const trimmed = text.trim();
      if (parsed.kind === null) return empty(trimmed, parsed.hint);
      const found: Collected = {
        people: new Found(),
        referrals: new Found(),
        cut: { people: false, referrals: false },
      };
      await collect(store.db, parsed, found);
      const results = await toResults(store.db, trimmed, parsed, found, max);
      const personIds = results.children.map((c) => c.personId);
      const referralIds = results.referrals.map((r) => r.referralId);
      // Results show children's records: one audited view listing exactly what was shown (as
      // `people:search` does). A search that showed nothing is not a view and is not recorded.
      if (personIds.length + referralIds.length > 0) {
        await store.transaction((trx) =>
          appendAudit(trx, {
            at: nowIso(clock),
            userId: ctx.user.id,
            action: 'view',
            entityType: 'search',
            entityId: null,
            summary: `Search for ${SEARCH_KIND_LABELS[parsed.kind]} showed ${String(personIds.length)} child record(s) and ${String(referralIds.length)} referral(s)`,
            details: { personIds, referralIds },
          }),
        );
      }
      return results;
    },
  };
}

function empty(text: string, hint: string | null): SearchResults {
  return {
    text,
    kind: null,
    hint,
    children: [],
    referrals: [],
    more: { children: false, referrals: false },
  };
}

async function collect(db: Db, parsed: ParsedSearch, found: Collected): Promise<void> {
  switch (parsed.kind) {
    case null:
      return;
    case 'reference':
      for (const r of upTo(
        await referralsByReference(db, parsed.exact, parsed.prefix),
        found,
        'referrals',
      ))
        found.referrals.add(r.id, r, ['reference']);
      return;
    case 'nhs-number':
      await byPeople(db, await peopleByNhsNumber(db, parsed.digits), () => ['nhs-number'], found);
      return;
    case 'date-of-birth':
      await byPeople(
        db,
        await peopleByBirthDate(db, parsed.date),
        (p) => [p.date_of_birth === parsed.date ? 'date-of-birth' : 'expected-date-of-birth'],
        found,
      );
      return;
    case 'postcode':
      await byPeople(db, await peopleByPostcode(db, parsed.postcode), () => ['postcode'], found);
      return;
    case 'text':
      await byText(db, parsed.text, found);
      return;
  }
}

/** People found by a shaped query, and the referrals they are children on. */
async function byPeople(
  db: Db,
  people: readonly PersonRow[],
  why: (p: PersonRow) => SearchWhy[],
  found: Collected,
): Promise<void> {
  const shown = upTo(people, found, 'people');
  for (const p of shown) found.people.add(p.id, p, why(p));
  const referrals = await referralsForPeople(
    db,
    shown.map((p) => p.id),
  );
  for (const r of upTo(referrals, found, 'referrals'))
    found.referrals.add(r.id, r, found.people.whyOf(r.person_id));
  // The referrals are those of the children shown: children left out leave theirs out too.
  if (found.cut.people) found.cut.referrals = true;
}

/** A text search's two readings of what was typed (store/fts FtsWords). */
type FtsQueries = { whole: string; prefix: string };

/**
 * Reads a source with the words as typed first, and with every word as a prefix only when that
 * did not fill a page. A full page of records holding the words exactly is as good an answer as
 * any (the list says it was cut, and exact words are the better matches), and it spares the
 * costly prefix merge of common words ("Primary School"). Fewer than a page means the prefix
 * reading may find more, so it is read in full, exactly as if whole words had not been tried.
 */
async function wholeWordsFirst<T>(
  queries: FtsQueries,
  read: (ftsQuery: string) => Promise<readonly T[]>,
): Promise<readonly T[]> {
  const whole = await read(queries.whole);
  return whole.length > SEARCH_SOURCE_LIMIT ? whole : read(queries.prefix);
}

async function byText(db: Db, text: string, found: Collected): Promise<void> {
  const whole = toFtsQuery(text, 'whole');
  const prefix = toFtsQuery(text, 'prefix');
  const fts = whole === null || prefix === null ? null : { whole, prefix };
  let textHits: readonly ReferralFtsHit[] = [];
  if (fts !== null) {
    const people = await wholeWordsFirst(fts, (q) => peopleByText(db, q));
    for (const h of upTo(people, found, 'people')) {
      const why: SearchWhy[] = [];
      if (h.names) why.push('name');
      if (h.otherNames) why.push('other-name');
      if (h.address) why.push('address');
      if (h.postcode) why.push('postcode');
      found.people.add(h.person.id, h.person, why);
    }
    textHits = await wholeWordsFirst(fts, (q) => referralsByText(db, q));
    for (const h of upTo(textHits, found, 'referrals')) {
      const why: SearchWhy[] = [];
      if (h.matched.reference) why.push('reference');
      if (h.matched.children) why.push('child-name');
      if (h.matched.referrer) why.push('referrer');
      if (h.matched.concern) why.push('concern');
      if (h.matched.schools) why.push('school');
      found.referrals.add(h.id, h, why);
    }
  }
  const keys = soundAlikeKeys(text);
  if (keys !== null) {
    for (const p of upTo(await peopleSoundingLike(db, keys), found, 'people')) {
      // Already found by its spelling: "sounds like" would add nothing.
      if (!found.people.has(p.id)) found.people.add(p.id, p, ['name-sounds-like']);
    }
  }
  // Every referral matching the words in the schools column matches them as a row too, so when
  // the ranked search read all its matches (fewer than a page, which is always the prefix
  // reading) the school's referrals are among them; only a longer list needs the index read
  // again for the school's newest.
  const schoolReferralIds =
    fts === null
      ? []
      : textHits.length <= SEARCH_SOURCE_LIMIT
        ? textHits.filter((h) => h.matched.schools).map((h) => h.id)
        : await wholeWordsFirst(fts, (q) => referralsBySchool(db, q));
  const school = await childrenAtSchoolOn(db, schoolReferralIds, text);
  // Rows are a referral's children at the school: the source's cut is in referrals.
  const schoolReferrals = [...new Set(school.map((r) => r.id))];
  const kept = new Set(upTo(schoolReferrals, found, 'referrals'));
  for (const r of school) if (kept.has(r.id)) found.referrals.add(r.id, r, ['school']);
  const schoolPeople = await peopleByIds(db, [
    ...new Set(
      school.flatMap((r) => (r.person_id === null || !kept.has(r.id) ? [] : [r.person_id])),
    ),
  ]);
  for (const p of schoolPeople) found.people.add(p.id, p, ['school']);
}

/**
 * Phonetic keys for a typed name: words of letters only, at most four. The last word is the
 * family name, the first (when there are two or more) a given name; one word may be either.
 */
function soundAlikeKeys(
  text: string,
): { family: string[]; given: string[]; either: boolean } | null {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 4) return null;
  if (!words.every((w) => /^[\p{L}'’-]+$/u.test(w))) return null;
  const last = words[words.length - 1] ?? '';
  const family = phoneticKeys(last);
  if (family.length === 0) return null;
  return {
    family,
    given: words.length > 1 ? phoneticKeys(words[0] ?? '') : [],
    either: words.length === 1,
  };
}

async function toResults(
  db: Db,
  text: string,
  parsed: ParsedSearch,
  found: Collected,
  max: number,
): Promise<SearchResults> {
  const people = found.people.entries();
  const referrals = found.referrals.entries();
  const shownReferrals = referrals.slice(0, max);
  const children = await childrenOnReferrals(
    db,
    shownReferrals.map((r) => r.id),
  );
  return {
    text,
    kind: parsed.kind,
    hint: null,
    children: people.slice(0, max).map(({ item: p, why }) => ({
      personId: p.id,
      givenNames: p.given_names,
      familyName: p.family_name,
      otherNames: p.other_names,
      status: p.status,
      dateOfBirth: p.date_of_birth,
      expectedDateOfBirth: p.expected_date_of_birth,
      approxBirthYear: p.approx_birth_year,
      nhsNumber: p.nhs_number,
      postcode: p.postcode,
      why,
    })),
    referrals: shownReferrals.map(({ item: r, why }): ReferralSearchResult => ({
      referralId: r.id,
      reference: r.reference,
      status: r.status,
      receivedAt: r.received_at,
      referrerLabel: r.referrer_label,
      immediateProtection: r.immediate_protection === 1,
      children: children.get(r.id) ?? [],
      why,
      snippet: why.includes('concern') ? (r.snippet ?? null) : null,
    })),
    more: {
      children: people.length > max || found.cut.people,
      referrals: referrals.length > max || found.cut.referrals,
    },
  };
}
