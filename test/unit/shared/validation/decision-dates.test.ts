import { describe, expect, it } from 'vitest';
import { decisionDateErrors } from '../../../../shared/validation/decision';

const bounds = {
  now: new Date('2026-11-23T11:00:00.000Z'),
  receivedAt: '2026-11-23T10:00:00.000Z',
};
const ok = { decidedAt: '2026-11-23T11:00:00.000Z' };

describe('decisionDateErrors', () => {
  it('accepts a decision now with plans for tomorrow', () => {
    expect(
      decisionDateErrors(
        {
          ...ok,
          seeChildBy: '2026-11-24T10:00:00.000Z',
          familyToBeToldOn: '2026-11-24',
          policeNotification: { notified: true, notifiedAt: '2026-11-23T10:30:00.000Z' },
        },
        bounds,
      ),
    ).toEqual({});
  });

  it.each([
    ['0001-01-01T00:00:00.000Z', /before the referral was received \(10:00 on 23\/11\/2026\)/],
    ['2026-11-22T23:59:00.000Z', /before the referral was received/],
    ['2099-01-01T00:00:00.000Z', /cannot be in the future/],
    ['2026-11-23T11:10:00.000Z', /cannot be in the future/],
  ])('decidedAt %s', (decidedAt, message) => {
    expect(decisionDateErrors({ decidedAt }, bounds).decidedAt).toMatch(message);
  });

  it('tolerates a few minutes of clock difference either side', () => {
    expect(decisionDateErrors({ decidedAt: '2026-11-23T11:04:00.000Z' }, bounds)).toEqual({});
    expect(decisionDateErrors({ decidedAt: '2026-11-23T09:56:00.000Z' }, bounds)).toEqual({});
  });

  it.each(['0001-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z'])(
    'police told at %s',
    (notifiedAt) => {
      const errors = decisionDateErrors(
        { ...ok, policeNotification: { notified: true, notifiedAt } },
        bounds,
      );
      expect(errors['policeNotification.notifiedAt']).toMatch(/^Telling the police cannot be/);
    },
  );

  it('plans: a year ahead at most; telling the family not before the decision', () => {
    expect(
      decisionDateErrors({ ...ok, seeChildBy: '2027-11-25T10:00:00.000Z' }, bounds).seeChildBy,
    ).toMatch(/more than a year ahead/);
    expect(decisionDateErrors({ ...ok, seeChildBy: '2027-11-20T10:00:00.000Z' }, bounds)).toEqual(
      {},
    );
    expect(
      decisionDateErrors({ ...ok, familyToBeToldOn: '2026-11-22' }, bounds).familyToBeToldOn,
    ).toMatch(/cannot be before the decision \(23\/11\/2026\)/);
    expect(
      decisionDateErrors({ ...ok, familyToBeToldOn: '2099-11-22' }, bounds).familyToBeToldOn,
    ).toMatch(/more than a year ahead/);
  });
});
