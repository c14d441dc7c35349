// The words of an email draft (issue 13): a neutral subject carrying the marking and the
// reference, a short body, never a name; London times on both sides of the clock change.
import { describe, expect, it } from 'vitest';
import {
  EmlInputError,
  handlingLine,
  inviteEmailSubject,
  inviteEmailText,
  letterEmailSubject,
  letterEmailText,
} from '../../../electron/main/documents/eml';

describe('letter email', () => {
  it('has the subject the issue asks for', () => {
    expect(letterEmailSubject('OFFICIAL-SENSITIVE', 'FD-2026-000123')).toBe(
      '[OFFICIAL-SENSITIVE] Your referral FD-2026-000123',
    );
    expect(letterEmailSubject(' OFFICIAL-SENSITIVE\r\nPERSONAL ', 'FD-2026-000123')).toBe(
      '[OFFICIAL-SENSITIVE PERSONAL] Your referral FD-2026-000123',
    );
  });

  it('says where the letter is, who sent it and how the email may travel', () => {
    expect(
      letterEmailText({
        marking: 'OFFICIAL-SENSITIVE',
        reference: 'FD-2026-000123',
        organisation: 'Northshire Council',
      }),
    ).toBe(
      [
        'OFFICIAL-SENSITIVE',
        '',
        'Your referral, case reference FD-2026-000123.',
        '',
        'Our letter about your referral is attached. Please quote the case reference if you contact us about it.',
        '',
        'Northshire Council',
        '',
        "This email and its attachment are OFFICIAL-SENSITIVE. Send it only through the council's secure email.",
      ].join('\n'),
    );
  });

  it('refuses a reference that is not a case reference, and a missing marking', () => {
    expect(() => letterEmailSubject('OFFICIAL-SENSITIVE', 'Amy Smith')).toThrow(EmlInputError);
    expect(() => letterEmailSubject(' \n', 'FD-2026-000123')).toThrow(/protective marking/);
    expect(() => handlingLine('')).toThrow(EmlInputError);
  });
});

describe('invite email', () => {
  it('gives the London time with its zone, in winter and in summer', () => {
    expect(
      inviteEmailSubject('OFFICIAL-SENSITIVE', 'FD-2026-000123', new Date('2026-11-23T14:00:00Z')),
    ).toBe('[OFFICIAL-SENSITIVE] Strategy discussion FD-2026-000123, Monday 23/11/2026, 14:00 GMT');
    expect(
      inviteEmailSubject('OFFICIAL-SENSITIVE', 'FD-2026-000123', new Date('2026-06-10T23:30:00Z')),
    ).toBe(
      '[OFFICIAL-SENSITIVE] Strategy discussion FD-2026-000123, Thursday 11/06/2026, 00:30 BST',
    );
  });

  it('says a cancellation is a cancellation in the subject and the body', () => {
    const when = new Date('2026-11-23T14:00:00Z');
    expect(
      inviteEmailSubject('OFFICIAL-SENSITIVE', 'FD-2026-000123', when, { cancelled: true }),
    ).toBe(
      '[OFFICIAL-SENSITIVE] Cancelled: strategy discussion FD-2026-000123, Monday 23/11/2026, 14:00 GMT',
    );
    const text = inviteEmailText({
      marking: 'OFFICIAL-SENSITIVE',
      reference: 'FD-2026-000123',
      start: when,
      end: new Date('2026-11-23T15:00:00Z'),
      cancelled: true,
    });
    expect(text).toContain('has been cancelled');
    expect(text).toContain('The cancellation is attached');
    expect(text).not.toContain('The invitation is attached');
  });

  it('has the reference, the time, the family warning and the handling line', () => {
    const text = inviteEmailText({
      marking: 'OFFICIAL-SENSITIVE',
      reference: 'FD-2026-000123',
      start: new Date('2026-11-23T14:00:00Z'),
      end: new Date('2026-11-23T15:00:00Z'),
      cancelled: false,
    });
    expect(text.split('\n')).toEqual([
      'OFFICIAL-SENSITIVE',
      '',
      'You are invited to a strategy discussion, case reference FD-2026-000123.',
      'When: Monday 23/11/2026, 14:00 GMT to 15:00 GMT (UK time)',
      '',
      'The invitation is attached: open it to add the meeting to your calendar and reply.',
      '',
      'The family is not named in this email. Do not add names of the child or family when forwarding or replying.',
      '',
      "This email and its attachment are OFFICIAL-SENSITIVE. Send it only through the council's secure email.",
    ]);
  });

  it('refuses a time that is not a time', () => {
    expect(() =>
      inviteEmailSubject('OFFICIAL-SENSITIVE', 'FD-2026-000123', new Date('nonsense')),
    ).toThrow(/not a valid date and time/);
  });
});
