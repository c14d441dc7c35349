import { describe, expect, it } from 'vitest';
import {
  MATCH_THRESHOLD,
  type MatchPerson,
  isShownMatch,
  nameKey,
  personSearchKeys,
  phoneticKeys,
  scoreMatch,
} from '../../../../shared/matching';

function codes(candidate: MatchPerson, query: MatchPerson): string[] {
  return scoreMatch(candidate, query).reasons.map((r) => r.code);
}

function soundAlike(a: string, b: string): boolean {
  const ka = phoneticKeys(a);
  return phoneticKeys(b).some((k) => ka.includes(k));
}

describe('nameKey (domain §5)', () => {
  it.each([
    ["Zoë O'Brien", 'zoe obrien'],
    ['ZOE  O’BRIEN', 'zoe obrien'],
    ['Zoe\u0308 OBrien', 'zoe obrien'],
    ['Smith-Jones', 'smith jones'],
    ['  Anne-Marie   de la Cruz ', 'anne marie de la cruz'],
    ['Øyvind Strauß', 'oyvind strauss'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Siân', 'sian'],
    ['محمد', 'محمد'],
  ])('%j → %j', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });
});

describe('phoneticKeys', () => {
  it.each([
    ['Smith', 'Smyth'],
    ['Mohammed', 'Muhammad'],
    ['Mohamed', 'Muhammad'],
    ['Katherine', 'Catherine'],
    ['Jon', 'John'],
    ["O'Brien", 'OBrien'],
    ['Zoë', 'Zoe'],
  ])('%s sounds like %s', (a, b) => {
    expect(soundAlike(a, b)).toBe(true);
  });

  it('tells different names apart', () => {
    expect(soundAlike('Smith', 'Jones')).toBe(false);
    expect(soundAlike('Katherine', 'Karen')).toBe(false);
  });

  it('gives no keys for a blank name', () => {
    expect(phoneticKeys('  ')).toEqual([]);
  });

  it('answers the same however often it is asked, even when a caller changes its list', () => {
    const first = phoneticKeys('Katherine');
    first.push('changed by a caller');
    first.splice(0, 1);
    expect(phoneticKeys('Katherine')).toEqual(['K0RN', 'KTRN']);
    // Past the remembered limit (4,096 names): still the same answers.
    for (let i = 0; i < 5000; i++) nameKey(`Name${String(i)}`);
    expect(phoneticKeys('Katherine')).toEqual(['K0RN', 'KTRN']);
    expect(nameKey("Zoë O'Brien")).toBe('zoe obrien');
  });
});

describe('personSearchKeys', () => {
  it('derives the indexed columns', () => {
    expect(
      personSearchKeys({
        givenNames: 'Zoë Anne',
        familyName: "O'Brien",
        dateOfBirth: '2018-04-03',
      }),
    ).toEqual({
      familyNameKey: 'obrien',
      givenNameKey: 'zoe anne',
      firstGivenNameKey: 'zoe',
      familyNamePhonetic: ['APRN'],
      givenNamePhonetic: ['S'],
      dateOfBirth: '2018-04-03',
    });
  });

  it('drops an invalid date of birth', () => {
    expect(
      personSearchKeys({ familyName: 'Smith', dateOfBirth: '2018-02-30' }).dateOfBirth,
    ).toBeNull();
  });
});

describe('scoreMatch', () => {
  const record: MatchPerson = {
    givenNames: 'Katherine',
    familyName: 'Smyth',
    dateOfBirth: '2016-03-04',
    nhsNumber: '9434765919',
    postcode: 'SW1A 1AA',
  };

  it('scores the same name and date of birth highly, with reasons', () => {
    const r = scoreMatch(record, {
      givenNames: 'katherine',
      familyName: 'SMYTH',
      dateOfBirth: '2016-03-04',
    });
    expect(r.reasons.map((x) => x.code)).toEqual(['exact-name', 'dob-exact']);
    expect(r.reasons[0]?.text).toBe('Same name');
    expect(r.score).toBe(60);
    expect(isShownMatch(r)).toBe(true);
  });

  it('finds sound-alike names with a date of birth, saying why', () => {
    const r = scoreMatch(record, {
      givenNames: 'Catherine',
      familyName: 'Smith',
      dateOfBirth: '2016-03-04',
    });
    expect(r.reasons).toEqual([
      { code: 'sound-alike-surname', text: 'Surname sounds like Smyth', weight: 12 },
      { code: 'sound-alike-given-name', text: 'First name sounds like Katherine', weight: 9 },
      { code: 'dob-exact', text: 'Same date of birth', weight: 25 },
    ]);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('matches Mohammed / Muhammad and Jon / John', () => {
    expect(
      codes(
        { givenNames: 'Muhammad', familyName: 'Khan' },
        { givenNames: 'Mohammed', familyName: 'Khan' },
      ),
    ).toEqual(['same-surname', 'sound-alike-given-name']);
    expect(
      codes(
        { givenNames: 'John', familyName: 'Smith' },
        { givenNames: 'Jon', familyName: 'Smyth' },
      ),
    ).toEqual(['sound-alike-surname', 'sound-alike-given-name']);
  });

  it('is accent-, case- and apostrophe-insensitive', () => {
    expect(
      codes(
        { givenNames: 'Zoë', familyName: "O'Brien" },
        { givenNames: 'zoe', familyName: 'OBRIEN' },
      ),
    ).toEqual(['exact-name']);
  });

  it('matches the first given name ("Amy" finds "Amy Louise")', () => {
    expect(
      codes(
        { givenNames: 'Amy Louise', familyName: 'Ward' },
        { givenNames: 'Amy', familyName: 'Ward' },
      ),
    ).toEqual(['exact-name']);
  });

  it('shows a full-name match before the date of birth is typed', () => {
    expect(isShownMatch(scoreMatch(record, { givenNames: 'Katherine', familyName: 'Smyth' }))).toBe(
      true,
    );
  });

  it('tolerates a date of birth one day out or with day and month swapped', () => {
    const base = { givenNames: 'Katherine', familyName: 'Smyth' };
    const dayOut = scoreMatch(record, { ...base, dateOfBirth: '2016-03-05' });
    expect(dayOut.reasons[1]).toEqual({
      code: 'dob-within-a-day',
      text: 'Date of birth one day apart (04/03/2016)',
      weight: 12,
    });
    const swapped = scoreMatch(record, { ...base, dateOfBirth: '2016-04-03' });
    expect(swapped.reasons[1]?.code).toBe('dob-day-month-swapped');
    expect(isShownMatch(dayOut) && isShownMatch(swapped)).toBe(true);
  });

  it('hides the same name with a clearly different date of birth', () => {
    const r = scoreMatch(record, {
      givenNames: 'Katherine',
      familyName: 'Smyth',
      dateOfBirth: '2012-11-20',
    });
    expect(r.reasons.map((x) => x.code)).toContain('dob-different');
    expect(isShownMatch(r)).toBe(false);
  });

  it('hides a date-of-birth-only match', () => {
    const r = scoreMatch(record, {
      givenNames: 'Ben',
      familyName: 'Okafor',
      dateOfBirth: '2016-03-04',
    });
    expect(r.reasons.map((x) => x.code)).toEqual(['dob-exact']);
    expect(isShownMatch(r)).toBe(false);
  });

  it('shows an NHS number match on its own, and formats do not matter', () => {
    const r = scoreMatch(record, { nhsNumber: '943 476 5919' });
    expect(r.reasons).toEqual([{ code: 'nhs-number', text: 'Same NHS number', weight: 60 }]);
    expect(isShownMatch(r)).toBe(true);
  });

  it('treats different NHS numbers as strong evidence against', () => {
    const r = scoreMatch(record, {
      givenNames: 'Katherine',
      familyName: 'Smyth',
      dateOfBirth: '2016-03-04',
      nhsNumber: '4010232137',
    });
    expect(r.reasons[0]).toEqual({
      code: 'nhs-number-conflict',
      text: 'Different NHS number',
      weight: -50,
    });
    expect(isShownMatch(r)).toBe(false);
  });

  it('ignores an invalid NHS number rather than calling it a conflict', () => {
    expect(codes(record, { nhsNumber: '1234567890' })).toEqual([]);
  });

  it('counts the same postcode whatever its spacing and case', () => {
    const r = scoreMatch(record, {
      givenNames: 'Katherine',
      postcode: 'sw1a1aa',
      dateOfBirth: '2016-03-04',
    });
    expect(r.reasons.map((x) => x.code)).toEqual(['same-given-name', 'dob-exact', 'same-postcode']);
    expect(r.reasons[2]?.text).toBe('Same postcode (SW1A 1AA)');
    expect(r.score).toBe(50);
  });

  it('finds a child by an alias', () => {
    const withAlias = { ...record, otherNames: 'Katie Jones' };
    expect(codes(withAlias, { givenNames: 'Katherine', familyName: 'Jones' })).toEqual([
      'same-given-name',
      'other-name',
    ]);
  });

  it('keeps the score between 0 and 100', () => {
    const full = scoreMatch(record, { ...record });
    expect(full.score).toBe(100);
    const none = scoreMatch(record, { nhsNumber: '4010232137', dateOfBirth: '2001-01-01' });
    expect(none.score).toBe(0);
  });

  it('scores nothing for an empty query', () => {
    expect(scoreMatch(record, {})).toEqual({ score: 0, reasons: [] });
  });

  it('an approximate age matches a date of birth within a year, and never counts against', () => {
    // "Tyler, about 6" on 30/11/2026 → born around 2020.
    const tyler: MatchPerson = {
      givenNames: 'Tyler',
      familyName: 'Brennan',
      dateOfBirth: '2020-05-01',
    };
    const about = scoreMatch(tyler, {
      givenNames: 'Tyler',
      approxBirthYear: 2020,
      postcode: 'LS1 4AB',
    });
    expect(about.reasons.map((r) => r.code)).toEqual(['same-given-name', 'dob-about']);
    expect(about.reasons[1]?.text).toBe('Born 01/05/2020: about the age given');
    // A year out is still "about"; further out is not evidence either way.
    expect(
      scoreMatch(tyler, { givenNames: 'Tyler', approxBirthYear: 2021 }).reasons.map((r) => r.code),
    ).toEqual(['same-given-name', 'dob-about']);
    expect(
      scoreMatch(tyler, { givenNames: 'Tyler', approxBirthYear: 2024 }).reasons.map((r) => r.code),
    ).toEqual(['same-given-name']);
    // A record made from an approximate age matches a later referral with the real date of birth.
    const estimated: MatchPerson = { givenNames: 'Tyler', familyName: null, approxBirthYear: 2020 };
    const later = scoreMatch(estimated, {
      givenNames: 'Tyler',
      familyName: 'Brennan',
      dateOfBirth: '2019-12-30',
    });
    expect(later.reasons.map((r) => r.code)).toEqual(['same-given-name', 'dob-about']);
    expect(later.reasons[1]?.text).toBe('Born around 2020 (age given as approximate)');
    // Two exact dates of birth never fall back to "about".
    expect(
      scoreMatch(tyler, { givenNames: 'Tyler', dateOfBirth: '2020-09-09' }).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['same-given-name', 'dob-different']);
  });
});
