import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  insertPerson,
  searchPeople,
  type NewPerson,
} from '../../../electron/main/store/repositories/people';
import { toFtsQuery } from '../../../electron/main/store/fts';
import {
  bornChild,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

async function seedPeople(people: NewPerson[]) {
  const stamp = { at: '2026-01-01T00:00:00.000Z', userId: env.admin.id };
  return env.store.transaction(async (trx) => {
    const out = [];
    for (const p of people) out.push(await insertPerson(trx, p, stamp));
    return out;
  });
}

const child = (over: Partial<NewPerson>): NewPerson => ({ kind: 'child', status: 'born', ...over });

describe('person matching', () => {
  it('finds sound-alike names, date-of-birth slips and the same NHS number, with reasons', async () => {
    const [smith, muhammad, swapped, nhs, other] = await seedPeople([
      child({
        givenNames: 'Amy',
        familyName: 'Smith',
        dateOfBirth: '2016-04-03',
        address: { postcode: 'SW1A 1AA' },
      }),
      child({ givenNames: 'Muhammad', familyName: 'Khan', dateOfBirth: '2014-07-20' }),
      child({ givenNames: 'Lily', familyName: 'Jones', dateOfBirth: '2018-05-02' }),
      child({
        givenNames: 'Oliver',
        familyName: 'Brown',
        dateOfBirth: '2012-01-01',
        nhsNumber: '9434765919',
      }),
      child({ givenNames: 'Zed', familyName: 'Quirke', dateOfBirth: '2001-09-09' }),
    ]);
    const ctx = { user: env.admin };

    const m1 = await env.services.people.match(ctx, {
      givenNames: 'Amy',
      familyName: 'Smyth',
      dateOfBirth: '2016-04-03',
    });
    expect(m1.map((m) => m.person.id)).toEqual([smith?.id]);
    expect(m1[0]?.reasons.map((r) => r.code)).toEqual([
      'sound-alike-surname',
      'same-given-name',
      'dob-exact',
    ]);
    expect(m1[0]?.reasons[0]?.text).toBe('Surname sounds like Smith');

    const m2 = await env.services.people.match(ctx, {
      givenNames: 'Mohammed',
      familyName: 'Khan',
      dateOfBirth: '2014-07-21',
    });
    expect(m2[0]?.person.id).toBe(muhammad?.id);
    expect(m2[0]?.reasons.map((r) => r.code)).toEqual([
      'same-surname',
      'sound-alike-given-name',
      'dob-within-a-day',
    ]);

    const m3 = await env.services.people.match(ctx, {
      givenNames: 'Lily',
      familyName: 'Jones',
      dateOfBirth: '2018-02-05',
    });
    expect(m3[0]?.person.id).toBe(swapped?.id);
    expect(m3[0]?.reasons.map((r) => r.code)).toContain('dob-day-month-swapped');

    const m4 = await env.services.people.match(ctx, { nhsNumber: '943 476 5919' });
    expect(m4.map((m) => m.person.id)).toEqual([nhs?.id]);
    expect(m4[0]?.reasons.map((r) => r.code)).toEqual(['nhs-number']);

    const none = await env.services.people.match(ctx, {
      givenNames: 'Nobody',
      familyName: 'Known',
    });
    expect(none.map((m) => m.person.id)).not.toContain(other?.id);
    expect(none).toEqual([]);
  });

  it('skips merged records and finds people by their other names', async () => {
    const [a] = await seedPeople([
      child({
        givenNames: 'Jade',
        familyName: 'Taylor',
        otherNames: 'Jade Whitfield',
        dateOfBirth: '2015-03-03',
      }),
    ]);
    const m = await env.services.people.match(
      { user: env.admin },
      { givenNames: 'Jade', familyName: 'Whitfield', dateOfBirth: '2015-03-03' },
    );
    expect(m[0]?.person.id).toBe(a?.id);
    expect(m[0]?.reasons.map((r) => r.code)).toContain('other-name');
  });
});

describe('full-text search', () => {
  it('finds people and referrals, folding accents, and never throws on FTS syntax', async () => {
    await seedPeople([
      child({
        givenNames: 'Zoë',
        familyName: "O'Brien",
        dateOfBirth: '2015-01-02',
        address: { line1: '1 High Street', town: 'Anytown', postcode: 'AB1 2CD' },
      }),
    ]);
    const ctx = { user: env.admin };
    expect((await env.services.people.search(ctx, { text: 'zoe obrien' })).length).toBe(1);
    expect((await env.services.people.search(ctx, { text: "zoe o'brien" })).length).toBe(1);
    expect((await env.services.people.search(ctx, { text: 'high anytown' })).length).toBe(1);
    expect((await env.services.people.search(ctx, { text: 'AB1' })).length).toBe(1);

    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    expect(
      (await env.services.referrals.search(ctx, { text: 'bruising' })).map((h) => h.id),
    ).toEqual([r.id]);
    expect(
      (await env.services.referrals.search(ctx, { text: r.reference })).map((h) => h.id),
    ).toEqual([r.id]);
    expect(
      (await env.services.referrals.search(ctx, { text: 'oak primary' })).map((h) => h.id),
    ).toEqual([r.id]);
    const hit = (await env.services.referrals.search(ctx, { text: 'amy' }))[0];
    expect(hit?.children[0]?.displayName).toBe('Amy Smith');

    const nasty = [
      '"',
      '""',
      '*',
      'NEAR(',
      'a OR b',
      'NOT',
      'AND AND',
      'narrative: x',
      '^start',
      '(',
      ')',
      "'; DROP TABLE people; --",
      '\u0000',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      'a'.repeat(10_000),
      '{col1 col2}: x',
      'x"*"y',
      // Apostrophes make phrases and alternatives (store/fts.ts): lone, doubled, at either end,
      // many parts, curly, between quotes and operators.
      "'",
      "''s",
      "O'",
      "'Brien",
      "a'b'c'd'e'f'g'h'i'j'k'l'm'n'o",
      '’’’',
      `"O'Brien"*`,
      "Mary's OR NOT x's",
      `${"x'".repeat(500)}s`,
    ];
    for (const text of nasty) {
      await expect(env.services.referrals.search(ctx, { text })).resolves.toBeInstanceOf(Array);
      await expect(searchPeople(env.store.db, text)).resolves.toBeInstanceOf(Array);
    }
  });

  it('quotes every term', () => {
    expect(toFtsQuery('NEAR(a b) "x" *')).toBe('"NEAR"* "a"* "b"* "x"*');
    expect(toFtsQuery('  ** ""  ')).toBeNull();
    // Whole words (search reads them first): the same terms, none a prefix.
    expect(toFtsQuery('NEAR(a b) "x" *', 'whole')).toBe('"NEAR" "a" "b" "x"');
    expect(toFtsQuery('Ｐａｒｋ Lane', 'whole')).toBe('("Ｐａｒｋ" OR ("Park")) AND "Lane"');
    expect(toFtsQuery('Ｐａｒｋ Lane')).toBe('("Ｐａｒｋ"* OR ("Park"*)) AND "Lane"*');
    // Apostrophes: the tokenizer splits "Mary's" into mary, s. Typed with one, a word is the
    // phrase of its parts (a one-letter end never a prefix) or the parts run together; typed
    // without, a word ending in s is also the possessive and O…/D… also O'…/D'….
    expect(toFtsQuery("St Mary's")).toBe('"St"* AND ("Mary s" OR "Marys"*)');
    expect(toFtsQuery('St Marys', 'whole')).toBe('"St" AND ("Marys" OR "Mary s")');
    expect(toFtsQuery("O'Brien")).toBe('("O Brien"* OR "OBrien"*)');
    expect(toFtsQuery('OBrien', 'whole')).toBe('("OBrien" OR "O Brien")');
    expect(toFtsQuery('Ross Doe')).toBe('"Ross"* "Doe"*');
  });
});

describe('previous involvement', () => {
  it('lists referrals in the last 12 months with outcomes, flags re-referrals, and finds siblings and household', async () => {
    const ctx = { user: env.admin };
    // First referral, March 2026, two siblings; decided.
    env.clock.set('2026-03-10T10:00:00.000Z');
    const first = await env.services.referrals.create(ctx, {
      referral: referralInput({
        receivedAt: '2026-03-10T09:30:00.000Z',
        children: [
          bornChild(),
          bornChild({ givenNames: 'Ben', dateOfBirth: '2019-06-01', gender: '1' }),
        ],
      }),
    });
    let linked = await env.services.people.link(ctx, {
      referralId: first.id,
      version: first.version,
      childIndex: 0,
      personId: null,
    });
    const amyId = linked.children[0]?.personId ?? '';
    linked = await env.services.people.link(ctx, {
      referralId: first.id,
      version: linked.version,
      childIndex: 1,
      personId: null,
    });
    env.clock.set('2026-03-10T11:00:00.000Z');
    await env.services.decisions.record(ctx, {
      referralId: first.id,
      version: linked.version,
      decision: decisionInput({ decidedAt: '2026-03-10T11:00:00.000Z' }),
    });

    // An older referral, more than 12 months before: not in the 12-month list.
    env.clock.set('2025-01-05T10:00:00.000Z');
    const old = await env.services.referrals.create(ctx, {
      referral: referralInput({ receivedAt: '2025-01-05T09:00:00.000Z' }),
    });
    await env.services.people.link(ctx, {
      referralId: old.id,
      version: old.version,
      childIndex: 0,
      personId: amyId,
    });

    // New referral in November 2026 for Amy: within 12 months of March → re-referral.
    env.clock.set('2026-11-23T10:05:00.000Z');
    const now = await env.services.referrals.create(ctx, { referral: referralInput() });
    const nowLinked = await env.services.people.link(ctx, {
      referralId: now.id,
      version: now.version,
      childIndex: 0,
      personId: amyId,
    });
    expect(nowLinked.children[0]?.reReferral).toBe(true);

    const matches = await env.services.people.match(ctx, {
      givenNames: 'Amy',
      familyName: 'Smith',
      dateOfBirth: '2016-04-03',
      excludeReferralId: now.id,
    });
    const pi = matches[0]?.previousInvolvement;
    expect(pi?.referralsLast12Months.map((r) => r.reference)).toEqual([first.reference]);
    expect(pi?.referralsLast12Months[0]?.outcome).toBe('s17-assessment');
    expect(pi?.referralsLast12Months[0]?.outcomeLabel).toBe(
      'Section 17 assessment (child in need)',
    );
    expect(pi?.totalReferrals).toBe(2);
    expect(pi?.reReferral).toBe(true);
    expect(pi?.siblings.map((s) => s.name)).toEqual(['Ben Smith']);
    expect(pi?.householdMembers.map((h) => `${h.name} (${h.relationship ?? ''})`)).toEqual([
      'Kim Smith (Mother)',
    ]);

    // The old referral was not a re-referral (nothing in the 12 months before it).
    const oldRec = await env.services.referrals.get(ctx, { id: old.id });
    expect(oldRec.children[0]?.reReferral).toBe(false);

    const detail = await env.services.people.get(ctx, { id: amyId });
    expect(detail.referrals).toHaveLength(3);
  });
});
