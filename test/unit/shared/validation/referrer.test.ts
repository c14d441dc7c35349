import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod, referrerSchema } from '../../../../shared/validation';
import { professionalReferrer } from './fixtures';

function errorsFor(input: unknown): Record<string, string> {
  const r = referrerSchema.safeParse(input);
  return r.success ? {} : fieldErrorsFromZod(r.error);
}

describe('referrerSchema', () => {
  it('accepts a professional referrer', () => {
    expect(errorsFor(professionalReferrer())).toEqual({});
  });

  it('accepts a member of the public with a phone', () => {
    expect(
      errorsFor({
        kind: 'public',
        name: 'Pat Neighbour',
        relationship: 'acquaintance',
        phone: '+44 7700 900 982',
        wantsFeedback: true,
        feedbackMethod: 'phone',
      }),
    ).toEqual({});
  });

  it('accepts an anonymous referrer who was told anonymity is not guaranteed', () => {
    expect(
      errorsFor({
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: false,
        feedbackMethod: 'none',
      }),
    ).toEqual({});
  });

  it('requires the anonymity warning to have been given (domain §2.5)', () => {
    expect(
      errorsFor({
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: false,
        wantsFeedback: false,
        feedbackMethod: 'none',
      }),
    ).toEqual({
      toldAnonymityCannotBeGuaranteed:
        'Tell the referrer that their anonymity cannot be guaranteed, then confirm you have',
    });
  });

  it('rejects personal details on an anonymous referrer', () => {
    expect(
      errorsFor({
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        name: 'Someone',
        wantsFeedback: false,
        feedbackMethod: 'none',
      }),
    ).toHaveProperty('_form');
  });

  it('refuses feedback to an anonymous referrer', () => {
    expect(
      errorsFor({
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: true,
        feedbackMethod: 'phone',
      }),
    ).toEqual({
      wantsFeedback:
        'An anonymous referrer cannot be given feedback – there are no contact details',
    });
  });

  it('needs the contact detail for the chosen feedback method', () => {
    expect(errorsFor({ ...professionalReferrer(), email: '' })).toEqual({
      email: 'Enter an email address to give feedback by email',
    });
    expect(
      errorsFor({ ...professionalReferrer(), feedbackMethod: 'phone', phone: undefined }),
    ).toEqual({
      phone: 'Enter a phone number to give feedback by phone',
    });
    expect(errorsFor({ ...professionalReferrer(), feedbackMethod: 'letter' })).toEqual({
      'address.line1': 'Enter the first line of the address and the postcode to send a letter',
    });
    expect(
      errorsFor({
        ...professionalReferrer(),
        feedbackMethod: 'letter',
        address: { line1: 'Hill Primary School', postcode: 'm1 1ae' },
      }),
    ).toEqual({});
  });

  it('keeps wantsFeedback and feedbackMethod consistent', () => {
    expect(errorsFor({ ...professionalReferrer(), wantsFeedback: false })).toEqual({
      feedbackMethod: 'Select "No feedback", or say the referrer wants feedback',
    });
    expect(errorsFor({ ...professionalReferrer(), feedbackMethod: 'none' })).toEqual({
      feedbackMethod: 'Select how to give the referrer feedback',
    });
  });

  it('validates email and phone formats', () => {
    expect(errorsFor({ ...professionalReferrer(), email: 'not-an-email' })).toEqual({
      email: 'Enter an email address in the correct format, like name@example.com',
    });
    expect(errorsFor({ ...professionalReferrer(), email: ' DSL@hill.example.org ' })).toEqual({});
    expect(errorsFor({ ...professionalReferrer(), phone: '123' })).toEqual({
      phone: 'Enter a phone number, like 01632 960 001 or +44 7700 900 982',
    });
    expect(errorsFor({ ...professionalReferrer(), phone: '(01632) 960001 ext 204' })).toEqual({});
  });

  it('rejects an unknown agency type and an unknown kind', () => {
    expect(errorsFor({ ...professionalReferrer(), agencyType: 'nasa' })).toEqual({
      agencyType: 'Select the type of organisation',
    });
    expect(errorsFor({ ...professionalReferrer(), kind: 'alien' })).toEqual({
      kind: 'Select who made the referral',
    });
  });

  it('requires name, role and organisation for a professional', () => {
    expect(errorsFor({ ...professionalReferrer(), name: '', role: ' ', agencyName: '' })).toEqual({
      name: "Enter the referrer's name",
      role: "Enter the referrer's job title, for example designated safeguarding lead",
      agencyName: "Enter the referrer's organisation",
    });
  });
});
