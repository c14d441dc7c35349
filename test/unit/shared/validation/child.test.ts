import { describe, expect, it } from 'vitest';
import {
  NHS_NUMBER_MESSAGE,
  REAL_DATE_MESSAGE,
  SEX_LABELS,
  childSchema,
  approximateAgeText,
  childBirthDate,
  childSexLabel,
  displayChildName,
  estimatedBirthYear,
  fieldErrorsFromZod,
} from '../../../../shared/validation';
import { bornChild, ctx, unbornChild } from './fixtures';

function errorsFor(input: unknown, today = ctx.today): Record<string, string> {
  const r = childSchema({ today }).safeParse(input);
  return r.success ? {} : fieldErrorsFromZod(r.error);
}

describe('childSchema: born', () => {
  it('accepts a valid child and normalises identifiers', () => {
    const r = childSchema(ctx).parse(bornChild());
    expect(r.status).toBe('born');
    if (r.status !== 'born') throw new Error('unreachable');
    expect(r.nhsNumber).toBe('9434765919');
    expect(r.address?.postcode).toBe('SW1A 1AA');
    expect(r.givenNames).toBe('Zoë');
  });

  it('trims names and stores them in NFC', () => {
    const r = childSchema(ctx).parse({ ...bornChild(), givenNames: '  Zoe\u0308 ' });
    expect(r.givenNames).toBe('Zo\u00eb');
  });

  it('rejects a date of birth in the future', () => {
    expect(errorsFor({ ...bornChild(), dateOfBirth: '2025-06-16' })).toEqual({
      dateOfBirth: 'Enter a date of birth in the past',
    });
  });

  it('accepts a baby born today', () => {
    expect(errorsFor({ ...bornChild(), dateOfBirth: ctx.today })).toEqual({});
  });

  it('does not reject an 18-year-old', () => {
    expect(errorsFor({ ...bornChild(), dateOfBirth: '2007-01-01' })).toEqual({});
  });

  it.each([
    ['2023-02-29', REAL_DATE_MESSAGE],
    ['29/02/2024', REAL_DATE_MESSAGE],
    ['', "Enter the child's date of birth"],
    ['1899-12-31', 'Enter a date after 01/01/1900 – check the year'],
  ])('date of birth %j → %j', (dateOfBirth, message) => {
    expect(errorsFor({ ...bornChild(), dateOfBirth })).toEqual({ dateOfBirth: message });
  });

  it('requires names, sex and the interpreter answer with practitioner messages', () => {
    const input = bornChild();
    delete input.familyName;
    delete input.gender;
    delete input.interpreterNeeded;
    // Every problem in one round: the name checks run even though other fields failed.
    expect(errorsFor({ ...input, givenNames: '   ' })).toEqual({
      givenNames: 'Enter the child’s first name, or choose “Not known”',
      familyName: 'Enter the child’s last name, or choose “Not known”',
      gender: "Select the child's sex",
      interpreterNeeded: 'Select whether an interpreter is needed',
    });
  });

  it('a boy called Tyler, about 6: last name and date of birth not known', () => {
    const tyler = {
      ...bornChild(),
      givenNames: 'Tyler',
      familyName: undefined,
      familyNameNotKnown: true,
      dateOfBirth: undefined,
      dateOfBirthNotKnown: true,
      approximateAge: 6,
      interpreterNeeded: 'unknown',
    };
    expect(errorsFor(tyler)).toEqual({});
    const parsed = childSchema(ctx).parse(tyler);
    expect(displayChildName(parsed)).toBe('Tyler (last name not known)');
    expect(childBirthDate(parsed)).toBeNull();
    // Nothing is invented: no date of birth is made up from the age.
    expect(parsed.status === 'born' && parsed.dateOfBirth).toBeUndefined();
    expect(estimatedBirthYear(6, '2026-11-30')).toBe(2020);
    expect(approximateAgeText(6)).toBe('about 6');
    expect(approximateAgeText(0)).toBe('under 1 (approximate)');
  });

  it('a name and "Not known" together, or an age beside a date of birth, is an error', () => {
    expect(errorsFor({ ...bornChild(), givenNamesNotKnown: true })).toEqual({
      givenNames: 'You gave a first name and chose “Not known”: clear one of them',
    });
    expect(errorsFor({ ...bornChild(), approximateAge: 6 })).toEqual({
      approximateAge: 'Give an approximate age only when the date of birth is not known',
    });
    expect(
      errorsFor({
        ...bornChild(),
        dateOfBirth: undefined,
        dateOfBirthNotKnown: true,
        approximateAge: 26,
      }),
    ).toEqual({ approximateAge: 'Enter an age up to 25' });
    expect(errorsFor({ ...bornChild(), givenNames: undefined, givenNamesNotKnown: true })).toEqual(
      {},
    );
    expect(
      displayChildName(
        childSchema(ctx).parse({
          ...bornChild(),
          givenNames: undefined,
          givenNamesNotKnown: true,
          familyName: undefined,
          familyNameNotKnown: true,
        }),
      ),
    ).toBe('Child (name not known)');
  });

  it('rejects a bad NHS number and a bad postcode', () => {
    expect(
      errorsFor({
        ...bornChild(),
        nhsNumber: '943 476 5918',
        address: { postcode: 'SW1A 1CA' },
      }),
    ).toEqual({
      nhsNumber: NHS_NUMBER_MESSAGE,
      'address.postcode': 'Enter a real postcode, like SW1A 1AA',
    });
  });

  it('allows blank optional NHS number and postcode (empty form fields)', () => {
    expect(errorsFor({ ...bornChild(), nhsNumber: '', address: { postcode: '' } })).toEqual({});
  });

  it.each(['M', 'F', 'U'])('accepts census Sex %s (from 2024-25)', (gender) => {
    expect(childSchema(ctx).parse({ ...bornChild(), gender })).toMatchObject({ gender });
  });

  it.each(['0', '1', '2', '9'])(
    'still accepts Gender %s, recorded before 2024-25, unchanged',
    (gender) => {
      expect(childSchema(ctx).parse({ ...bornChild(), gender })).toMatchObject({ gender });
    },
  );

  it.each(['3', 'X', 'm', 'male', ''])('rejects %j, which is no census code', (gender) => {
    expect(errorsFor({ ...bornChild(), gender })).toEqual({
      gender: "Select the child's sex",
    });
  });

  it('labels today’s codes plainly and a legacy code with its old number', () => {
    expect(SEX_LABELS).toEqual({ M: 'Male', F: 'Female', U: 'Not known' });
    expect(childSexLabel('F')).toBe('Female');
    expect(childSexLabel('1')).toBe('Male (census gender code 1, used before 2024-25)');
    expect(childSexLabel('9')).toBe('Indeterminate (census gender code 9, used before 2024-25)');
    expect(childSexLabel('0')).toBe(
      'Not recorded or unborn (census gender code 0, used before 2024-25)',
    );
  });

  it('rejects unknown keys, including in nested objects', () => {
    const e = errorsFor({ ...bornChild(), isAdmin: true, address: { line1: 'x', evil: 1 } });
    expect(Object.keys(e).sort()).toEqual(['_form', 'address']);
  });

  it('rejects a __proto__ key from JSON and does not pollute prototypes', () => {
    const json = JSON.stringify(bornChild()).replace('{', '{"__proto__":{"polluted":true},');
    const input: unknown = JSON.parse(json);
    const r = childSchema(ctx).safeParse(input);
    expect(r.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!r.success) {
      const e = fieldErrorsFromZod(r.error);
      expect(e._form).toMatch(/__proto__/);
      expect(Object.getPrototypeOf(e)).toBeNull();
    }
  });

  it('rejects control characters and line breaks in names, allows bidi marks', () => {
    expect(errorsFor({ ...bornChild(), familyName: 'Smith\u0000' })).toEqual({
      familyName:
        'Remove hidden control characters from this text (they can come from copying and pasting)',
    });
    expect(errorsFor({ ...bornChild(), familyName: 'Smith\nJones' })).toHaveProperty('familyName');
    expect(errorsFor({ ...bornChild(), familyName: 'Smith\u200f' })).toEqual({});
  });

  it('rejects over-long names', () => {
    expect(errorsFor({ ...bornChild(), familyName: 'a'.repeat(201) })).toEqual({
      familyName: 'Family name must be 200 characters or fewer',
    });
    expect(errorsFor({ ...bornChild(), familyName: 'a'.repeat(200) })).toEqual({});
  });

  it('rejects a non-object and a missing status', () => {
    expect(childSchema(ctx).safeParse('child').success).toBe(false);
    const input = bornChild();
    delete input.status;
    expect(errorsFor(input)).toEqual({ status: 'Select whether the child is born or unborn' });
  });

  it('rejects an unborn-only field on a born child', () => {
    expect(errorsFor({ ...bornChild(), expectedDateOfBirth: '2025-09-01' })).toHaveProperty(
      '_form',
    );
  });

  it('refuses to build with a bad today', () => {
    expect(() => childSchema({ today: '15/06/2025' })).toThrow(RangeError);
  });
});

describe('childSchema: unborn', () => {
  it('accepts an unborn baby and defaults census sex to U', () => {
    const r = childSchema(ctx).parse(unbornChild());
    expect(r).toMatchObject({ status: 'unborn', gender: 'U' });
    expect(displayChildName(r)).toBe('Unborn baby of Sarah Jones');
  });

  it('shows the due date when the mother is not named', () => {
    const input = unbornChild();
    delete input.motherName;
    expect(displayChildName(childSchema(ctx).parse(input))).toBe('Unborn baby (due 01/09/2025)');
  });

  it('allows an expected date up to 1 month past and 10 months ahead', () => {
    expect(errorsFor({ ...unbornChild(), expectedDateOfBirth: '2025-05-15' })).toEqual({});
    expect(errorsFor({ ...unbornChild(), expectedDateOfBirth: '2026-04-15' })).toEqual({});
  });

  it('rejects an expected date more than a month past, or too far ahead', () => {
    expect(errorsFor({ ...unbornChild(), expectedDateOfBirth: '2025-05-14' })).toEqual({
      expectedDateOfBirth:
        'Expected date of birth must be after 15/05/2025 – if the baby has been born, record the child as born',
    });
    expect(errorsFor({ ...unbornChild(), expectedDateOfBirth: '2026-04-16' })).toEqual({
      expectedDateOfBirth: 'Expected date of birth must be before 15/04/2026 – check the year',
    });
  });

  it('keeps an unborn baby recorded before 2024-25 with Gender 0', () => {
    expect(childSchema(ctx).parse({ ...unbornChild(), gender: '0' })).toMatchObject({
      gender: '0',
    });
    expect(childSchema(ctx).parse({ ...unbornChild(), gender: 'U' })).toMatchObject({
      gender: 'U',
    });
  });

  it.each(['M', 'F', '1', '2', '9'])('rejects sex %s for an unborn baby', (gender) => {
    expect(errorsFor({ ...unbornChild(), gender })).toEqual({
      gender: "An unborn baby's sex is recorded as U (not known)",
    });
  });

  it('rejects a date of birth on an unborn baby (unknown key)', () => {
    expect(errorsFor({ ...unbornChild(), dateOfBirth: '2025-01-01' })).toHaveProperty('_form');
  });
});
