// The match panel's extras (issue 11): previous involvement for every shown match in a constant
// number of queries; no audit write per type-ahead lookup (opening the record is audited); and an
// adult in an old household found among hundreds of newer household members with the surname.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personSearchKeys } from '../../../shared/matching';
import { statementsRun } from '../../helpers/statements';
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

/** One referral per Smith child (2016-04-03 each, so "Smith, 03/04/2016" shows them all). */
const SIBLINGS: Record<string, string> = {
  Amy: 'Zara',
  Ben: 'Yusuf',
  Cara: 'Walter',
  Dan: 'Una',
  Eve: 'Tobias',
  Finn: 'Rosa',
  Gus: 'Quentin',
  Hana: 'Pablo',
  Ivy: 'Nell',
  Jay: 'Ozzie',
  Kit: 'Lars',
  Lea: 'Bob',
};

async function referralsFor(names: string[]): Promise<Map<string, string>> {
  const ctx = { user: env.admin };
  const personIds = new Map<string, string>();
  for (const [i, given] of names.entries()) {
    env.clock.set(`2026-0${String(1 + (i % 9))}-1${String(i % 10)}T10:00:00.000Z`);
    const r = await env.services.referrals.create(ctx, {
      referral: referralInput({
        receivedAt: `2026-0${String(1 + (i % 9))}-1${String(i % 10)}T09:00:00.000Z`,
        children: [
          bornChild({ givenNames: given }),
          bornChild({ givenNames: SIBLINGS[given] ?? 'Zed' }),
        ],
      }),
      newChildren: [0, 1],
    });
    personIds.set(given, r.children[0]?.personId ?? '');
  }
  env.clock.set('2026-11-23T10:05:00.000Z');
  return personIds;
}

async function countStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const { result, statements } = await statementsRun(env.store.raw, fn);
  return { result, statements: statements.length };
}

describe('match panel', () => {
  it('gives each match its own previous involvement, in the same few queries for 1 or 12 matches', async () => {
    const ids = await referralsFor([
      'Amy',
      'Ben',
      'Cara',
      'Dan',
      'Eve',
      'Finn',
      'Gus',
      'Hana',
      'Ivy',
      'Jay',
      'Kit',
      'Lea',
    ]);
    const ctx = { user: env.admin };
    const one = await countStatements(() =>
      env.services.people.match(ctx, { givenNames: 'Amy', familyName: 'Smith' }),
    );
    expect(one.result.map((m) => m.person.id)).toEqual([ids.get('Amy')]);
    const many = await countStatements(() =>
      env.services.people.match(ctx, { familyName: 'Smith', dateOfBirth: '2016-04-03' }),
    );
    // Twelve children and their twelve siblings share surname and date of birth: 20 shown.
    expect(many.result).toHaveLength(20);
    expect(many.statements).toBe(one.statements);
    // Candidates, then referrals with their outcomes, then children and households: three.
    expect(many.statements).toBe(3);

    for (const m of many.result) {
      const inv = m.previousInvolvement;
      expect(inv.personId).toBe(m.person.id);
      expect(inv.totalReferrals).toBe(1);
      // The sibling on the same referral, never the child themself.
      expect(inv.siblings).toHaveLength(1);
      expect(inv.siblings[0]?.personId).not.toBe(m.person.id);
      const given = m.person.givenNames ?? '';
      const pair = Object.entries(SIBLINGS).find(([a, b]) => a === given || b === given);
      const other = pair?.[0] === given ? pair[1] : pair?.[0];
      expect(inv.siblings[0]?.name).toBe(`${other ?? ''} Smith`);
      expect(inv.householdMembers.map((h) => h.name)).toEqual(['Kim Smith']);
    }
  });

  it('shows the latest standing decision as the outcome: none while returned, the new one after', async () => {
    const s = await env.services.settings.get({ user: env.admin });
    await env.services.settings.update(
      { user: env.admin },
      { version: s.version, overrides: { managerSignOff: 'required' } },
    );
    const worker = await env.signIn('kim', ['duty-worker']);
    const manager = await env.signIn('lee', ['manager']);
    env.clock.set('2026-11-23T10:00:00.000Z');
    const r = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput({ receivedAt: '2026-11-23T09:00:00.000Z' }), newChildren: [0] },
    );
    const outcome = async () => {
      const [m] = await env.services.people.match(
        { user: worker },
        { givenNames: 'Amy', familyName: 'Smith', dateOfBirth: '2016-04-03' },
      );
      const [ref] = m?.previousInvolvement.referralsLast12Months ?? [];
      return { outcome: ref?.outcome ?? null, at: ref?.decidedAt ?? null };
    };
    expect(await outcome()).toEqual({ outcome: null, at: null });

    const first = await env.services.decisions.record(
      { user: worker },
      { referralId: r.id, version: r.version, decision: decisionInput() },
    );
    // Awaiting sign-off stands until a manager returns it.
    expect(await outcome()).toEqual({ outcome: 's17-assessment', at: '2026-11-23T10:00:00.000Z' });
    env.clock.set('2026-11-23T11:00:00.000Z');
    await env.services.decisions.signOff(
      { user: manager },
      { decisionId: first.id, version: first.version, outcome: 'returned', comment: 'Ask the GP' },
    );
    expect(await outcome()).toEqual({ outcome: null, at: null });

    env.clock.set('2026-11-23T12:00:00.000Z');
    const latest = await env.services.referrals.get({ user: worker }, { id: r.id });
    await env.services.decisions.record(
      { user: worker },
      {
        referralId: r.id,
        version: latest.version,
        decision: decisionInput({ decidedAt: '2026-11-23T12:00:00.000Z' }),
      },
    );
    expect(await outcome()).toEqual({ outcome: 's17-assessment', at: '2026-11-23T12:00:00.000Z' });
  });

  it('does not audit each lookup, and does audit opening the record', async () => {
    const ids = await referralsFor(['Amy']);
    const count = () =>
      (env.store.raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    const ctx = { user: env.admin };
    for (const typed of ['Am', 'Amy', 'Amy S', 'Amy Smi', 'Amy Smith']) {
      const [given, family] = typed.split(' ');
      await env.services.people.match(ctx, {
        givenNames: given,
        familyName: family,
        dateOfBirth: '2016-04-03',
      });
    }
    expect(count()).toBe(before);
    await env.services.people.get(ctx, { id: ids.get('Amy') ?? '' });
    expect(count()).toBe(before + 1);
    expect(
      env.store.raw
        .prepare('SELECT action, entity_type, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1')
        .get(),
    ).toEqual({ action: 'view', entity_type: 'person', entity_id: ids.get('Amy') });
  });
});

describe('known adults', () => {
  it('finds Leanne Smith in an old household behind 500 newer Smith household members', async () => {
    const ctx = { user: env.admin };
    env.clock.set('2021-03-01T10:00:00.000Z');
    const old = await env.services.referrals.create(ctx, {
      referral: referralInput({
        receivedAt: '2021-03-01T09:00:00.000Z',
        householdMembers: [
          {
            givenNames: 'Leanne Marie',
            familyName: 'Smith',
            relationship: 'Mother',
            parentalResponsibility: true,
            livesInHousehold: true,
          },
        ],
      }),
      newChildren: [0],
    });
    env.clock.set('2026-11-23T10:05:00.000Z');
    const recent = await env.services.referrals.create(ctx, {
      referral: referralInput(),
      newChildren: [0],
    });
    const insert = env.store.raw.prepare(
      `INSERT INTO household_members (id, referral_id, person_id, position, parental_responsibility, data,
         family_key, given_key, family_phonetic1, family_phonetic2)
       VALUES (?, ?, NULL, ?, 0, ?, ?, ?, ?, ?)`,
    );
    const given = ['Kim', 'Lee', 'Jo', 'Sam', 'Alex', 'Chris', 'Pat', 'Robin'];
    env.store.raw.transaction(() => {
      for (let i = 0; i < 500; i++) {
        const m = {
          givenNames: given[i % given.length] ?? 'Kim',
          familyName: i % 2 === 0 ? 'Smith' : 'Smyth',
          relationship: 'Aunt',
          parentalResponsibility: false,
          livesInHousehold: false,
        };
        const k = personSearchKeys(m);
        insert.run(
          `bulk-${String(i)}`,
          recent.id,
          10 + i,
          JSON.stringify(m),
          k.familyNameKey,
          k.givenNameKey,
          k.familyNamePhonetic[0] ?? null,
          k.familyNamePhonetic[1] ?? null,
        );
      }
    })();
    const known = await env.services.people.knownAdults(ctx, {
      givenNames: 'Leanne',
      familyName: 'Smith',
    });
    expect(known.map((k) => [k.name, k.reference])).toEqual([
      ['Leanne Marie Smith', old.reference],
    ]);
  });
});

describe("child's record", () => {
  it('reads the child’s referrals once for the list and the previous involvement, with the same answers as the match panel', async () => {
    const ids = await referralsFor(['Amy', 'Ben']);
    const amy = ids.get('Amy') ?? '';
    const ctx = { user: env.admin };
    const { result, statements } = await statementsRun(env.store.raw, () =>
      env.services.people.get(ctx, { id: amy }),
    );
    const referralReads = statements.filter(
      (q) => q.includes('"referral_children"') && q.includes('"rc"."person_id" in'),
    );
    expect(referralReads).toHaveLength(1);
    expect(result.referrals).toHaveLength(1);
    const [match] = await env.services.people.match(ctx, {
      givenNames: 'Amy',
      familyName: 'Smith',
      dateOfBirth: '2016-04-03',
    });
    expect(match?.person.id).toBe(amy);
    expect(result.previousInvolvement).toEqual(match?.previousInvolvement);
    expect(result.referrals).toEqual(match?.previousInvolvement.referralsLast12Months);
  });
});
