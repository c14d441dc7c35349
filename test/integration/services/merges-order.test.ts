// Reliability "Merges": merge A into B and B into C, undo in either order → every referral back on
// its own child, or the undo refused with the reason. Household links are checked the same way.
// Also: records that cannot be one child (born long before an unborn baby's due date) are never
// merged or linked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../electron/main/store/errors';
import { insertPerson } from '../../../electron/main/store/repositories/people';
import type { ChildInput } from '../../../shared/validation/child';
import { bornChild, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

type Family = { referralId: string; childId: string; adultId: string };

async function adult(name: string): Promise<string> {
  return env.store.transaction(async (trx) => {
    const p = await insertPerson(
      trx,
      { kind: 'adult', status: 'born', givenNames: name, familyName: 'Smith' },
      { at: '2026-11-23T10:00:00.000Z', userId: env.admin.id },
    );
    return p.id;
  });
}

/** A referral whose child is confirmed new and whose one household member is a known adult. */
async function family(
  child: ChildInput,
  adultName: string,
  receivedAt = '2026-11-23T10:00:00.000Z',
): Promise<Family> {
  const adultId = await adult(adultName);
  const r = await env.services.referrals.create(
    { user: env.admin },
    {
      referral: referralInput({
        receivedAt,
        children: [child],
        householdMembers: [
          {
            givenNames: adultName,
            familyName: 'Smith',
            relationship: 'Mother',
            parentalResponsibility: true,
            livesInHousehold: true,
            personId: adultId,
          },
        ],
      }),
      newChildren: [0],
    },
  );
  return { referralId: r.id, childId: r.children[0]?.personId ?? '', adultId };
}

async function linksOf(f: Family) {
  const r = await env.services.referrals.get({ user: env.admin }, { id: f.referralId });
  return {
    child: r.children[0]?.personId,
    storedChild: r.input.children[0]?.personId,
    adult: r.householdMembers[0]?.personId,
    storedAdult: r.input.householdMembers[0]?.personId,
  };
}

async function expectOwn(f: Family) {
  expect(await linksOf(f)).toEqual({
    child: f.childId,
    storedChild: f.childId,
    adult: f.adultId,
    storedAdult: f.adultId,
  });
}

async function chain() {
  const a = await family(bornChild({ givenNames: 'Amy', dateOfBirth: '2016-04-03' }), 'Ann');
  const b = await family(bornChild({ givenNames: 'Amie', dateOfBirth: '2016-04-03' }), 'Anne');
  const c = await family(bornChild({ givenNames: 'Aimee', dateOfBirth: '2016-04-03' }), 'Anna');
  const ctx = { user: env.admin };
  const aIntoB = await env.services.people.merge(ctx, {
    keepId: b.childId,
    mergeId: a.childId,
    reason: 'Same NHS number',
  });
  const adultAIntoB = await env.services.people.merge(ctx, {
    keepId: b.adultId,
    mergeId: a.adultId,
    reason: 'Same NHS number',
  });
  env.clock.set('2026-11-23T10:30:00.000Z');
  const bIntoC = await env.services.people.merge(ctx, {
    keepId: c.childId,
    mergeId: b.childId,
    reason: 'Same NHS number',
  });
  const adultBIntoC = await env.services.people.merge(ctx, {
    keepId: c.adultId,
    mergeId: b.adultId,
    reason: 'Same NHS number',
  });
  // All three referrals are now on C's child and C's adult.
  for (const f of [a, b, c]) {
    expect(await linksOf(f)).toEqual({
      child: c.childId,
      storedChild: c.childId,
      adult: c.adultId,
      storedAdult: c.adultId,
    });
  }
  return { a, b, c, aIntoB, adultAIntoB, bIntoC, adultBIntoC };
}

describe('undoing chained merges', () => {
  it('the later merge undone first: every referral ends back on its own child and adult', async () => {
    const { a, b, c, aIntoB, adultAIntoB, bIntoC, adultBIntoC } = await chain();
    const ctx = { user: env.admin };
    await env.services.people.unmerge(ctx, { mergeId: bIntoC.id, reason: 'Recorded in error' });
    await env.services.people.unmerge(ctx, {
      mergeId: adultBIntoC.id,
      reason: 'Recorded in error',
    });
    await env.services.people.unmerge(ctx, { mergeId: aIntoB.id, reason: 'Recorded in error' });
    await env.services.people.unmerge(ctx, {
      mergeId: adultAIntoB.id,
      reason: 'Recorded in error',
    });
    for (const f of [a, b, c]) await expectOwn(f);
    for (const id of [a.childId, b.childId, c.childId, a.adultId, b.adultId]) {
      expect((await env.services.people.get(ctx, { id })).person.mergedInto).toBeNull();
    }
  });

  it('the earlier merge undone first is refused, naming the later merge; nothing moves', async () => {
    const { a, b, c, aIntoB, adultAIntoB, bIntoC, adultBIntoC } = await chain();
    const ctx = { user: env.admin };
    const refused = env.services.people.unmerge(ctx, {
      mergeId: aIntoB.id,
      reason: 'Recorded in error',
    });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(
      /Undo the later merge first: Amie Smith was merged into Aimee Smith at 10:30 on 23\/11\/2026 by Sam Patel/,
    );
    await expect(
      env.services.people.unmerge(ctx, { mergeId: adultAIntoB.id, reason: 'Recorded in error' }),
    ).rejects.toThrow(/Undo the later merge first: Anne Smith was merged into Anna Smith/);
    // Nothing changed: the refused undo is not marked done and A still redirects (to C, where
    // the later merge moved everything that pointed at B).
    expect((await env.services.people.get(ctx, { id: a.childId })).person.mergedInto).toBe(
      c.childId,
    );
    const merges = (await env.services.people.get(ctx, { id: b.childId })).merges;
    expect(merges.find((m) => m.id === aIntoB.id)?.undoneAt).toBeNull();
    expect((await linksOf(a)).child).toBe(c.childId);

    // Done in the order the message gives, every undo is exact.
    await env.services.people.unmerge(ctx, { mergeId: bIntoC.id, reason: 'Recorded in error' });
    await env.services.people.unmerge(ctx, {
      mergeId: adultBIntoC.id,
      reason: 'Recorded in error',
    });
    await env.services.people.unmerge(ctx, { mergeId: aIntoB.id, reason: 'Recorded in error' });
    await env.services.people.unmerge(ctx, {
      mergeId: adultAIntoB.id,
      reason: 'Recorded in error',
    });
    for (const f of [a, b, c]) await expectOwn(f);
  });
});

describe('records that cannot be the same child', () => {
  const unborn: ChildInput = {
    status: 'unborn',
    familyName: 'Smith',
    expectedDateOfBirth: '2027-03-01',
    gender: 'U',
    interpreterNeeded: false,
  };

  it('refuses merging a 10-year-old into an unborn baby, and the other way', async () => {
    const baby = await family(unborn, 'Ann');
    const older = await family(bornChild({ dateOfBirth: '2016-04-03' }), 'Anne');
    const ctx = { user: env.admin };
    for (const [keepId, mergeId] of [
      [baby.childId, older.childId],
      [older.childId, baby.childId],
    ] as const) {
      const refused = env.services.people.merge(ctx, { keepId, mergeId, reason: 'Same mother' });
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({
        fieldErrors: {
          mergeId: expect.stringMatching(
            /born on 03\/04\/2016 cannot be the unborn baby expected on 01\/03\/2027/,
          ) as unknown,
        },
      });
    }
    expect((await env.services.people.get(ctx, { id: baby.childId })).person.mergedInto).toBeNull();
    expect(
      (await env.services.people.get(ctx, { id: older.childId })).person.mergedInto,
    ).toBeNull();
  });

  it('allows a baby born near the expected date to be merged with the unborn record', async () => {
    const baby = await family(unborn, 'Ann');
    env.clock.set('2027-03-20T10:00:00.000Z');
    const born = await family(
      bornChild({ givenNames: 'Ava', dateOfBirth: '2027-02-10' }),
      'Anne',
      '2027-03-20T09:30:00.000Z',
    );
    const m = await env.services.people.merge(
      { user: env.admin },
      { keepId: born.childId, mergeId: baby.childId, reason: 'Born 10/02/2027 to the same mother' },
    );
    expect(m.mergedId).toBe(baby.childId);
    expect(m.reason).toBe('Born 10/02/2027 to the same mother');
  });

  it('refuses linking a 16-year-old onto an unborn record, on the page and on the form', async () => {
    const baby = await family(unborn, 'Ann');
    const ctx = { user: env.admin };
    const teen = await env.services.referrals.create(ctx, {
      referral: referralInput({ children: [bornChild({ dateOfBirth: '2010-06-01' })] }),
    });
    await expect(
      env.services.people.link(ctx, {
        referralId: teen.id,
        version: teen.version,
        childIndex: 0,
        personId: baby.childId,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { personId: expect.stringMatching(/born on 01\/06\/2010/) as unknown },
    });
    expect(
      (await env.services.referrals.get(ctx, { id: teen.id })).children[0]?.personId,
    ).toBeNull();
    await expect(
      env.services.referrals.create(ctx, {
        referral: referralInput({
          children: [
            bornChild({
              approximateAge: 16,
              dateOfBirth: undefined,
              dateOfBirthNotKnown: true,
              personId: baby.childId,
            }),
          ],
        }),
      }),
    ).rejects.toMatchObject({
      fieldErrors: {
        'children.0.personId': expect.stringMatching(
          /born about 2010 cannot be the unborn/,
        ) as unknown,
      },
    });
  });
});
