// Search for children and referrals (contract `search:all`, issue 11 "Search and the record"):
// every field finds the right child and says why; a reference goes to the reference index; short
// text gets a hint, not an error; merged records are left out; hostile FTS5 syntax never throws;
// and what was shown is audited as one view, while a search that showed nothing is not.
import { ValidationError } from '../../../electron/main/store/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/domain/search';
import { TOO_SHORT_HINT } from '../../../shared/search/query';
import { isValidNhsNumber } from '../../../shared/validation/formats';
import { statementsRun } from '../../helpers/statements';
import { bornChild, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

const NHS = '9434765919';

async function refer(
  over: Parameters<typeof bornChild>[0],
  more: Parameters<typeof referralInput>[0] = {},
): Promise<{ referralId: string; reference: string; personId: string }> {
  const r = await env.services.referrals
    .create(
      { user: env.admin },
      { referral: referralInput({ children: [bornChild(over)], ...more }), newChildren: [0] },
    )
    .catch((e: unknown) => {
      throw new Error(JSON.stringify(e instanceof ValidationError ? e.fieldErrors : e));
    });
  return { referralId: r.id, reference: r.reference, personId: r.children[0]?.personId ?? '' };
}

async function search(text: string, limit?: number): Promise<SearchResults> {
  return env.services.search.all(
    { user: env.admin },
    limit === undefined ? { text } : { text, limit },
  );
}

function searchAudits(): { action: string; details: unknown }[] {
  const rows = env.store.raw
    .prepare(`SELECT action, details FROM audit_log WHERE entity_type = 'search' ORDER BY seq`)
    .all() as { action: string; details: string }[];
  return rows.map((r) => ({ action: r.action, details: JSON.parse(r.details) as unknown }));
}

describe('search:all', () => {
  let amy: { referralId: string; reference: string; personId: string };
  let tyler: { referralId: string; reference: string; personId: string };

  beforeEach(async () => {
    expect(isValidNhsNumber(NHS)).toBe(true);
    amy = await refer({
      givenNames: 'Amy',
      familyName: 'Smith',
      otherNames: 'Amelia Jones',
      dateOfBirth: '2016-04-03',
      nhsNumber: NHS,
      school: 'Riverside Primary Academy',
      address: { line1: '4 Mill Lane', town: 'Harbourton', postcode: 'HB2 3PD' },
    });
    tyler = await refer(
      {
        givenNames: 'Tyler',
        familyName: 'Brown',
        dateOfBirth: '2019-09-30',
        address: { line1: '9 Quay Street', town: 'Harbourton', postcode: 'HB9 9ZZ' },
      },
      {
        referrer: {
          kind: 'professional',
          name: 'Pat Nurse',
          role: 'Health visitor',
          agencyName: 'Harbourton Health Centre',
          agencyType: 'health-visitor',
          phone: '01632 960002',
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
        concern: 'Tyler was left alone overnight.',
      },
    );
  });

  it('finds a child by name, with why, and the referral they are on', async () => {
    const r = await search('Amy Smith');
    expect(r.kind).toBe('text');
    expect(r.children.map((c) => c.personId)).toEqual([amy.personId]);
    expect(r.children[0]?.why).toContain('name');
    expect(r.referrals.find((x) => x.referralId === amy.referralId)?.why).toContain('child-name');
    expect(r.referrals.some((x) => x.referralId === tyler.referralId)).toBe(false);
  });

  it('finds a name that sounds alike, and says so', async () => {
    const r = await search('Smyth');
    expect(r.children.find((c) => c.personId === amy.personId)?.why).toEqual(['name-sounds-like']);
  });

  it('finds a child by another name (alias)', async () => {
    const r = await search('Amelia');
    expect(r.children.find((c) => c.personId === amy.personId)?.why).toContain('other-name');
  });

  it('finds by NHS number, typed with spaces, through the NHS number index', async () => {
    const r = await search('943 476 5919');
    expect(r.kind).toBe('nhs-number');
    expect(r.children.map((c) => [c.personId, c.why])).toEqual([[amy.personId, ['nhs-number']]]);
    expect(r.referrals.map((x) => [x.referralId, x.why])).toEqual([
      [amy.referralId, ['nhs-number']],
    ]);
  });

  it('finds by date of birth typed DD/MM/YYYY (and D/M/YYYY), or with the month in words', async () => {
    for (const typed of [
      '30/09/2019',
      '30/9/2019',
      '30 September 2019',
      '30th Sept 2019',
      '30-Sep-2019',
      '30 sep. 2019',
    ]) {
      const r = await search(typed);
      expect(r.kind).toBe('date-of-birth');
      expect(r.children.map((c) => [c.personId, c.why])).toEqual([
        [tyler.personId, ['date-of-birth']],
      ]);
    }
  });

  it('says when a typed date is not real instead of searching', async () => {
    for (const typed of ['31/02/2019', '31 February 2019']) {
      const r = await search(typed);
      expect(r.kind, typed).toBeNull();
      expect(r.hint, typed).toMatch(/not a real date/);
    }
  });

  it('reads a date as the date fields read a date of birth: a two-digit year is the latest not after today', async () => {
    for (const typed of ['30/09/19', '30.9.19', '30 Sep 19', '30 9 2019', '2019-09-30']) {
      const r = await search(typed);
      expect(r.kind, typed).toBe('date-of-birth');
      expect(
        r.children.map((c) => c.personId),
        typed,
      ).toEqual([tyler.personId]);
    }
    // 99 is 1999, not 2099: nobody was born then.
    const r = await search('30/09/99');
    expect(r.kind).toBe('date-of-birth');
    expect(r.children).toEqual([]);
    // A word that is not a month is words to search for, not a date.
    expect((await search('30 Quay 2019')).kind).toBe('text');
  });

  it('finds by full postcode (any spacing or case) and by postcode word', async () => {
    const r = await search('hb99zz');
    expect(r.kind).toBe('postcode');
    expect(r.children.map((c) => [c.personId, c.why])).toEqual([[tyler.personId, ['postcode']]]);
    const partial = await search('HB9');
    expect(partial.children.find((c) => c.personId === tyler.personId)?.why).toContain('postcode');
  });

  it('finds by school, the child and the referral', async () => {
    const r = await search('riverside');
    expect(r.children.find((c) => c.personId === amy.personId)?.why).toContain('school');
    expect(r.referrals.find((x) => x.referralId === amy.referralId)?.why).toContain('school');
  });

  it('finds referrals by referrer', async () => {
    const r = await search('Pat Nurse');
    expect(r.referrals.map((x) => [x.referralId, x.why])).toEqual([
      [tyler.referralId, ['referrer']],
    ]);
  });

  it('finds concern words with a snippet', async () => {
    const r = await search('overnight');
    const hit = r.referrals.find((x) => x.referralId === tyler.referralId);
    expect(hit?.why).toEqual(['concern']);
    expect(hit?.snippet).toContain('overnight');
  });

  it('sends a reference straight to the reference index: exact, without dashes, short of zeros', async () => {
    const year = amy.reference.slice(3, 7);
    const number = String(Number(amy.reference.slice(8)));
    for (const typed of [
      amy.reference,
      amy.reference.toLowerCase().replace(/-/g, ''),
      `FD-${year}-${number}`,
    ]) {
      const r = await search(typed);
      expect(r.kind).toBe('reference');
      expect(r.referrals[0]?.referralId).toBe(amy.referralId);
      expect(r.referrals[0]?.why).toEqual(['reference']);
      expect(r.referrals[0]?.children).toEqual([{ name: 'Amy Smith', personId: amy.personId }]);
    }
    const both = await search(`FD-${year}`);
    expect(both.referrals.map((x) => x.referralId).sort()).toEqual(
      [amy.referralId, tyler.referralId].sort(),
    );
  });

  it('refuses 1 or 2 characters with a hint, not an error, and audits nothing', async () => {
    for (const typed of ['a', 'Am', ' A- ', '']) {
      const r = await search(typed);
      expect(r.kind).toBeNull();
      expect(r.children).toEqual([]);
      expect(r.referrals).toEqual([]);
      expect(r.hint).toBe(typed.trim() === '' ? null : TOO_SHORT_HINT);
    }
    expect(searchAudits()).toEqual([]);
  });

  it('never throws on FTS5 syntax or odd text', async () => {
    for (const typed of [
      '"*OR NEAR(',
      'NEAR(amy smith, 2)',
      'names:amy',
      "O'Brien",
      '^amy*',
      'AND OR NOT',
      '))) ((( ""',
      '\u0000amy',
      'Ｓｍｉｔｈ',
      'x'.repeat(200),
      "''s amy",
      "a'b'c'd'e'f'g'h'i'j'k'l'm'n'o",
      `"O'Brien"* OR`,
    ]) {
      await expect(search(typed)).resolves.toMatchObject({ text: typed.trim() });
    }
  });

  it('leaves out a merged record (its referral is found on the kept record)', async () => {
    const dup = await refer({ givenNames: 'Amy', familyName: 'Smith', dateOfBirth: '2016-04-03' });
    await env.services.people.merge(
      { user: env.admin },
      { keepId: amy.personId, mergeId: dup.personId, reason: 'Same NHS number on both' },
    );
    const r = await search('Amy Smith');
    expect(r.children.map((c) => c.personId)).toEqual([amy.personId]);
    const onDup = r.referrals.find((x) => x.referralId === dup.referralId);
    expect(onDup?.children).toEqual([{ name: 'Amy Smith', personId: amy.personId }]);
    const byDob = await search('03/04/2016');
    expect(byDob.children.map((c) => c.personId)).toEqual([amy.personId]);
  });

  it('audits what was shown as one view listing the ids', async () => {
    await search('Tyler');
    const audits = searchAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.action).toBe('view');
    expect(audits[0]?.details).toEqual({
      personIds: [tyler.personId],
      referralIds: [tyler.referralId],
    });
    await search('Nobody Atall');
    expect(searchAudits()).toHaveLength(1);
  });

  it('returns at most `limit` per group and says there are more', async () => {
    for (let i = 0; i < 3; i++) await refer({ givenNames: `Kai${String(i)}`, familyName: 'Smith' });
    const r = await search('Smith', 2);
    expect(r.children).toHaveLength(2);
    expect(r.more.children).toBe(true);
    expect(r.referrals).toHaveLength(2);
    expect(r.more.referrals).toBe(true);
  });
});

describe('search:all says when there are more than it shows', () => {
  // Each source reads one row more than it contributes (repositories/search.ts SOURCE_ROWS): a
  // list cut at 50 must not look complete. Before, 51 children born on one day showed as 50
  // with no "more" and no way to know the 51st was missing.
  const bornOn = async (n: number, dateOfBirth: string, familyName: string) => {
    for (let i = 0; i < n; i++) {
      await refer({ givenNames: `Child${String(i)}`, familyName, dateOfBirth });
    }
  };

  it('51 children born on one day: 50 shown and "more"; 50 exactly: all shown, no "more"', async () => {
    await bornOn(51, '2015-02-14', 'Valentine');
    await bornOn(50, '2015-03-17', 'Patrick');
    const many = await search('14/02/2015');
    expect(many.kind).toBe('date-of-birth');
    expect(many.children).toHaveLength(50);
    expect(many.more.children).toBe(true);
    expect(many.referrals).toHaveLength(50);
    expect(many.more.referrals).toBe(true);
    const fifty = await search('17/03/2015');
    expect(fifty.children).toHaveLength(50);
    expect(fifty.more.children).toBe(false);
    expect(fifty.more.referrals).toBe(false);
    // The same through the words index: 51 Valentines by name.
    const byName = await search('Valentine');
    expect(byName.children).toHaveLength(50);
    expect(byName.more.children).toBe(true);
  });
});

describe('search:all by school, few or many referrals', () => {
  const schoolReads = (statements: string[]) =>
    statements.filter((q) => q.includes('referrals_fts') && q.includes('ORDER BY rowid DESC'));

  it('finds the children at a school from the ranked matches when they are all there', async () => {
    const ava = await refer({ givenNames: 'Ava', familyName: 'Reed', school: 'Tern Bay Nursery' });
    // Words of the school in another child's details or the concern are not a school match.
    await refer(
      { givenNames: 'Bo', familyName: 'Tern', school: 'Bay Academy' },
      { concern: 'Seen near the nursery at Tern Bay.' },
    );
    const { result, statements } = await statementsRun(env.store.raw, () =>
      search('Tern Bay Nursery'),
    );
    expect(result.children.filter((c) => c.why.includes('school')).map((c) => c.personId)).toEqual([
      ava.personId,
    ]);
    expect(result.referrals.find((x) => x.referralId === ava.referralId)?.why).toContain('school');
    // All the matches were read once, ranked: the index is not read a second time.
    expect(schoolReads(statements)).toEqual([]);
  });

  it('with more than a page of matches, reads the school’s newest referrals and says there are more', async () => {
    const made: { referralId: string; personId: string }[] = [];
    for (let i = 0; i < 53; i++) {
      env.clock.set(`2026-11-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T10:00:00.000Z`);
      made.push(
        await refer(
          { givenNames: `Pupil${String(i)}`, familyName: 'Ling', school: 'Gull Rock Primary' },
          { receivedAt: `2026-11-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T09:00:00.000Z` },
        ),
      );
    }
    const { result, statements } = await statementsRun(env.store.raw, () =>
      search('Gull Rock Primary'),
    );
    expect(schoolReads(statements)).toHaveLength(1);
    expect(result.more.referrals).toBe(true);
    // The newest pupils are among the children found at the school.
    const atSchool = new Set(
      result.children.filter((c) => c.why.includes('school')).map((c) => c.personId),
    );
    expect(atSchool.has(made[52]?.personId ?? '')).toBe(true);
    expect(atSchool.has(made[51]?.personId ?? '')).toBe(true);
  });
});

describe('search:all reads words as typed first, then as the start of longer words', () => {
  // services/search.ts wholeWordsFirst: a page of records holding the words exactly is the
  // answer (the list says it was cut); fewer than a page, and each word also finds the longer
  // words it starts, exactly as if whole words had not been tried.
  const concernAt = (place: string) =>
    refer(
      { givenNames: 'Sam', familyName: 'Hale' },
      { concern: `Seen at ${place} late at night with an older man.` },
    );

  it('more than a page hold the word itself: those are shown, not a newer longer word, and "more"', async () => {
    for (let i = 0; i < 51; i++) await concernAt('Kestrelgate');
    // Newest, and the same length: read as a prefix, it would tie with the others and come first.
    const longer = await concernAt('Kestrelgates');
    const r = await search('Kestrelgate');
    expect(r.referrals).toHaveLength(50);
    expect(r.more.referrals).toBe(true);
    expect(r.referrals.map((x) => x.referralId)).not.toContain(longer.referralId);
    expect(r.referrals.every((x) => x.why.includes('concern'))).toBe(true);
  });

  it('a page or fewer hold the word itself: the longer words are found too, and while typing', async () => {
    const exact = [await concernAt('Kestrelgate'), await concernAt('Kestrelgate')];
    const longer = await concernAt('Kestrelgates');
    const all = [...exact, longer].map((x) => x.referralId).sort();
    for (const text of ['Kestrelgate', 'Kestrelg', 'kestrelgate late']) {
      const r = await search(text);
      expect(r.referrals.map((x) => x.referralId).sort(), text).toEqual(all);
      expect(r.more.referrals, text).toBe(false);
    }
  });
});

describe('search:all finds words typed without their apostrophe', () => {
  // The full-text tokenizer splits "St Mary's" into st, mary, s and "O'Brien" into o, brien
  // (store/fts.ts apostropheForms).
  it('"St Marys" finds St Mary\'s RC Primary, its child and referral; "OBrien" finds O\'Brien', async () => {
    const aoife = await refer({
      givenNames: 'Aoife',
      familyName: "O'Brien",
      school: 'St Mary’s RC Primary',
    });
    // Mary Smith at another school is not "St Marys".
    await refer({ givenNames: 'Mary', familyName: 'Smith', school: 'St Anne’s Academy' });
    for (const text of ['St Marys', 'st marys rc', "St Mary's"]) {
      const r = await search(text);
      expect(
        r.referrals.map((x) => x.referralId),
        text,
      ).toEqual([aoife.referralId]);
      expect(r.referrals[0]?.why, text).toContain('school');
      expect(
        r.children.filter((c) => c.why.includes('school')).map((c) => c.personId),
        text,
      ).toEqual([aoife.personId]);
    }
    for (const text of ['OBrien', 'aoife obrien', 'Obri']) {
      const r = await search(text);
      expect(
        r.referrals.map((x) => x.referralId),
        text,
      ).toEqual([aoife.referralId]);
      expect(r.referrals[0]?.why, text).toContain('child-name');
    }
  });
});
