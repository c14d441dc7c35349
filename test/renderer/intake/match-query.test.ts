// What the search-first panel searches on, from what the worker has typed or ticked "not known".
import { describe, expect, it } from 'vitest';
import { emptyChild, type ChildForm } from '../../../renderer/src/features/intake/form-model';
import {
  matchQueryFor,
  matchQueryForChild,
  tooLittleToSearch,
} from '../../../renderer/src/features/intake/MatchPanel';

const TODAY = '2026-11-30';

function child(patch: Partial<ChildForm>): ChildForm {
  return { ...emptyChild(), status: 'born', ...patch };
}

describe('matchQueryFor', () => {
  it('waits until there is a name with a date of birth', () => {
    expect(matchQueryFor(child({ givenNames: 'Ava' }), TODAY)).toBeNull();
    expect(
      matchQueryFor(child({ givenNames: 'Ava', familyName: 'Reid', dateOfBirth: '3/4/16' }), TODAY),
    ).toEqual({ givenNames: 'Ava', familyName: 'Reid', dateOfBirth: '2016-04-03' });
  });

  it('searches "Tyler, about 6" on the first name and the year the age points to', () => {
    const tyler = child({
      givenNames: 'Tyler',
      familyNameNotKnown: true,
      dateOfBirthNotKnown: true,
      approximateAge: '6',
    });
    expect(matchQueryFor(tyler, TODAY)).toEqual({ givenNames: 'Tyler', approxBirthYear: 2020 });
    expect(tooLittleToSearch(tyler, TODAY)).toBe(false);
  });

  it('never searches on a name ticked "not known" or a date of birth it cannot read', () => {
    const q = matchQueryFor(
      child({
        givenNames: 'Tyler',
        familyName: 'Left over',
        familyNameNotKnown: true,
        dateOfBirth: '31/04/2025',
      }),
      TODAY,
    );
    expect(q).toBeNull();
  });

  it('offers "confirm as new" only once every gap is ticked "not known" and nothing is searchable', () => {
    const noAge = child({
      givenNames: 'Tyler',
      familyNameNotKnown: true,
      dateOfBirthNotKnown: true,
    });
    expect(matchQueryFor(noAge, TODAY)).toBeNull();
    expect(tooLittleToSearch(noAge, TODAY)).toBe(true);
    // Still typing: the last name is neither given nor ticked.
    expect(
      tooLittleToSearch(child({ givenNames: 'Tyler', dateOfBirthNotKnown: true }), TODAY),
    ).toBe(false);
    // An unborn baby has its own route (no date-of-birth search at all).
    expect(tooLittleToSearch(child({ status: 'unborn' }), TODAY)).toBe(false);
  });

  it('searches an NHS number alone, and a date of birth at a postcode', () => {
    const nhs = child({ givenNamesNotKnown: true, nhsNumber: '943 476 5919' });
    expect(matchQueryFor(nhs, TODAY)).toEqual({ nhsNumber: '943 476 5919' });
    const atAddress = child({
      givenNamesNotKnown: true,
      familyNameNotKnown: true,
      dateOfBirth: '14/06/2015',
      address: { ...emptyChild().address, postcode: 'LS1 4AB' },
    });
    expect(matchQueryFor(atAddress, TODAY)).toEqual({
      dateOfBirth: '2015-06-14',
      postcode: 'LS1 4AB',
    });
  });
});

describe('matchQueryForChild (a saved referral)', () => {
  it('places an approximate age from the day the referral was received', () => {
    expect(
      matchQueryForChild(
        {
          status: 'born',
          givenNames: 'Tyler',
          familyNameNotKnown: true,
          dateOfBirthNotKnown: true,
          approximateAge: 6,
          gender: 'M',
          disability: 'unknown',
          interpreterNeeded: 'unknown',
        },
        '2025-03-01',
      ),
    ).toEqual({ givenNames: 'Tyler', approxBirthYear: 2019 });
  });
});
