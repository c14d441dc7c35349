// A real morning through the services: an anonymous referral about "a boy called Tyler, about 6"
// is saved and decided; a later referral with his name and date of birth finds him by the
// approximate age; an expectant mother is found in an earlier referral's household.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const tyler = () => ({
  ...bornChild(),
  givenNames: 'Tyler',
  familyName: undefined,
  familyNameNotKnown: true,
  dateOfBirth: undefined,
  dateOfBirthNotKnown: true,
  approximateAge: 6,
  interpreterNeeded: 'unknown' as const,
  nhsNumber: undefined,
  address: { line1: 'Flat above the chip shop', postcode: 'LS1 4AB' },
});

describe('unknown names and dates of birth', () => {
  it('an anonymous referral about "Tyler, about 6" is saved, confirmed new and decided', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, {
      referral: referralInput({
        referrer: {
          kind: 'anonymous',
          toldAnonymityCannotBeGuaranteed: true,
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
        referralSourceCode: '9',
        children: [tyler()],
      }),
      newChildren: [0],
    });
    expect(r.children[0]?.displayName).toBe('Tyler (last name not known)');
    const personId = r.children[0]?.personId;
    if (!personId) throw new Error('not confirmed new');
    const person = await env.services.people.get(ctx, { id: personId });
    // Nothing invented: no date of birth, only the year the age points to.
    expect(person.person.dateOfBirth).toBeNull();
    expect(person.person.approxBirthYear).toBe(2020);
    const d = await env.services.decisions.record(ctx, {
      referralId: r.id,
      version: r.version,
      decision: decisionInput(),
    });
    expect(d.status).toBe('final');
    const [row] = await env.services.referrals.list(ctx, { filter: 'all' });
    expect(row === undefined || row.id !== r.id).toBe(true);

    // A later referral names him with a date of birth: search first finds the estimate.
    const matches = await env.services.people.match(ctx, {
      givenNames: 'Tyler',
      familyName: 'Brennan',
      dateOfBirth: '2020-04-02',
      postcode: 'LS1 4AB',
    });
    expect(matches.map((m) => m.person.id)).toContain(personId);
    const found = matches.find((m) => m.person.id === personId);
    expect(found?.reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['same-given-name', 'dob-about', 'same-postcode']),
    );
  });

  it('finds an expectant mother in the household of an earlier referral', async () => {
    const ctx = { user: env.admin };
    await env.services.referrals.create(ctx, {
      referral: referralInput({
        householdMembers: [
          {
            givenNames: 'Leanne',
            familyName: 'Smyth',
            relationship: 'Mother',
            parentalResponsibility: true,
            livesInHousehold: true,
          },
        ],
      }),
      newChildren: [0],
    });
    const known = await env.services.people.knownAdults(ctx, {
      givenNames: 'Leanne',
      familyName: 'Smith',
    });
    expect(known).toHaveLength(1);
    expect(known[0]).toMatchObject({
      name: 'Leanne Smyth',
      relationship: 'Mother',
      children: ['Amy Smith'],
    });
    expect(known[0]?.reasons.map((r) => r.code)).toEqual([
      'sound-alike-surname',
      'same-given-name',
    ]);
    expect(
      await env.services.people.knownAdults(ctx, { givenNames: 'Leanne', familyName: 'Okafor' }),
    ).toEqual([]);
  });
});
