// Issue 12, "Tests": lines folded at 75 octets and CRLF, hostile text (newlines, `;`, `,`, `\`,
// BEGIN:VEVENT, CR alone, control characters, emoji) stays inside its value, no name of the child
// or family, and input checks that name the problem. Read back with ical.js, never our own code.
import { describe, expect, it } from 'vitest';
import {
  buildInviteIcs,
  inviteBatchFileName,
  inviteFileName,
  InviteInputError,
  type InviteMeeting,
} from '../../../electron/main/documents/invite-ics';
import {
  attendees,
  expectWellFormedLines,
  EXPECTED_EVENT_PROPERTIES,
  meeting,
  only,
  parse,
  propertyNames,
  text,
} from './invite-fixture';

describe('lines: folded at 75 octets, CRLF, no character cut', () => {
  it('keeps long multi-byte text whole and exact', () => {
    const details = `会议号 123 456 789 — 密码 ${'长'.repeat(40)} 😀👩‍👧‍👦 مرحبا بالجميع ${'é'.repeat(60)}`;
    const name = `Zoë Ångström-Ó’Brien ${'😀'.repeat(30)}`;
    const m = meeting({
      format: 'phone',
      joinUrl: undefined,
      joinDetails: details,
      location: `Conference line — ${'ü'.repeat(50)}`,
      attendees: [
        {
          name,
          email: 'zoe@council.example.gov.uk',
          required: true,
          role: 'محامية',
          agency: '法律服务',
        },
      ],
    });
    const ics = buildInviteIcs(m);
    const lines = expectWellFormedLines(ics);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    const e = only(ics);
    expect(text(e, 'description')).toContain(`Joining details:\n${details}`);
    expect(text(e, 'description')).toContain(`- ${name}, محامية, 法律服务 (required)`);
    expect(text(e, 'location')).toBe(`Conference line — ${'ü'.repeat(50)}`);
    expect(attendees(e)['zoe@council.example.gov.uk']?.cn).toBe(name);
  });

  it('writes a lone surrogate (half an emoji) as U+FFFD, never a broken line', () => {
    const broken = 'Room \uD83DA \uDE00B ' + 'ü'.repeat(70);
    const ics = buildInviteIcs(meeting({ format: 'in-person', location: broken }));
    expectWellFormedLines(ics);
    expect(text(only(ics), 'location')).toBe(`Room \uFFFDA \uFFFDB ${'ü'.repeat(70)}`);
  });
});

describe('hostile text stays inside its value', () => {
  const evil =
    'x;y,z\\w\r\nBEGIN:VEVENT\r\nUID:evil@x\nATTENDEE:mailto:spy@evil.example\rEND:VEVENT\u0007\u0000\u001B\u0085\u2028"q"^n😀';
  const ics = buildInviteIcs(
    meeting({
      format: 'in-person',
      location: evil,
      joinUrl: undefined,
      joinDetails: evil,
      marking: evil,
      organiser: { name: evil, email: 'priya.shah@council.example.gov.uk' },
      attendees: [
        {
          name: evil,
          email: 'sam.jones@council.example.gov.uk',
          required: true,
          role: evil,
          agency: evil,
        },
        { name: 'DC Alex Green', email: 'alex.green@police.example.uk', required: false },
      ],
    }),
  );
  // One line: every break (CRLF, LF, CR, NEL, U+2028) is a space; controls are dropped.
  const asLine =
    'x;y,z\\w BEGIN:VEVENT UID:evil@x ATTENDEE:mailto:spy@evil.example END:VEVENT "q"^n😀';
  // Several lines: breaks kept as line breaks.
  const asLines =
    'x;y,z\\w\nBEGIN:VEVENT\nUID:evil@x\nATTENDEE:mailto:spy@evil.example\nEND:VEVENT\n\n"q"^n😀';

  it('gives one VEVENT with no extra component, property or attendee', () => {
    const { cal, events } = parse(ics);
    expect(events).toHaveLength(1);
    expect(cal.getAllSubcomponents().map((s) => s.name)).toEqual(['vevent']);
    expect(propertyNames(cal)).toEqual(['method', 'prodid', 'version']);
    const e = only(ics);
    expect(propertyNames(e)).toEqual(
      EXPECTED_EVENT_PROPERTIES.filter((p) => p !== 'url' && p !== 'attendee')
        .concat('attendee', 'attendee')
        .sort(),
    );
    expect(text(e, 'uid')).toBe('42@front-door.local');
    expect(Object.keys(attendees(e)).sort()).toEqual([
      'alex.green@police.example.uk',
      'sam.jones@council.example.gov.uk',
    ]);
    expect(ics).not.toMatch(/spy@evil\.example\r\n/);
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expectWellFormedLines(ics);
  });

  it('reads back exactly as entered, less line breaks and control characters', () => {
    const e = only(ics);
    expect(text(e, 'location')).toBe(asLine);
    expect(text(e, 'summary')).toBe(`[${asLine}] Strategy discussion FD-2026-000123`);
    const description = text(e, 'description');
    expect(description).toContain(`Joining details:\n${asLines}\n`);
    expect(description).toContain(`- ${asLine}, ${asLine}, ${asLine} (required)`);
    expect(description).toContain(`Organiser: ${asLine} <priya.shah@council.example.gov.uk>`);
    expect(attendees(e)['sam.jones@council.example.gov.uk']?.cn).toBe(asLine);
    expect(e.getFirstProperty('organizer')?.getParameter('cn')).toBe(asLine);
  });

  it('refuses an identifier, address or link that could break out of its value', () => {
    expect(() =>
      buildInviteIcs(meeting({ uid: '42@x\r\nATTENDEE:mailto:spy@evil.example' })),
    ).toThrow(/meeting identifier is not valid/);
    expect(() => buildInviteIcs(meeting({ uid: '42;x@front-door.local' }))).toThrow(
      InviteInputError,
    );
    for (const email of [
      'a@b.example\r\nX:y',
      'a;b@x.example',
      'a,b@x.example',
      '"a"@x.example',
      'a@x',
      'a b@x.example',
      'a@x.example:y',
      'a\\b@x.example',
    ]) {
      expect(
        () => buildInviteIcs(meeting({ attendees: [{ name: 'A', email, required: true }] })),
        email,
      ).toThrow(/email address for A \(invitee 1\) is not valid/);
    }
    expect(() =>
      buildInviteIcs(
        meeting({ organiser: { name: 'Chair', email: 'chair@x.example\nBEGIN:VEVENT' } }),
      ),
    ).toThrow(/organiser is not valid/);
    for (const joinUrl of [
      'javascript:alert(1)',
      'http://teams.example.org/x',
      'https://x.example/a\r\nUID:z',
      'https://x.example/"q"',
      'not a link',
    ]) {
      expect(() => buildInviteIcs(meeting({ joinUrl })), joinUrl).toThrow(
        /joining link is not valid/,
      );
    }
  });

  it('keeps a link with , or ; in the description but writes no mis-escaped URL property', () => {
    const joinUrl = 'https://meet.example.org/j/1?pwd=a,b;c';
    const e = only(buildInviteIcs(meeting({ joinUrl })));
    expect(e.getFirstProperty('url')).toBeNull();
    expect(text(e, 'description')).toContain(`Join: ${joinUrl}`);
  });
});

describe('no name of the child or family', () => {
  // The case these invites are for: the child is Amelia Zielinska (as the service would know).
  const childAndFamily = ['Amelia', 'Zielinska', 'Amelia Zielinska', 'Marek Zielinski'];

  it('carries the reference only, or initials when the setting allows', () => {
    const plain = buildInviteIcs(meeting(), { withheldNames: childAndFamily });
    const withInitials = buildInviteIcs(meeting({ childInitials: 'A.Z.' }), {
      withheldNames: childAndFamily,
    });
    for (const ics of [plain, withInitials]) {
      for (const n of childAndFamily) expect(ics.toLowerCase()).not.toContain(n.toLowerCase());
    }
    expect(text(only(withInitials), 'summary')).toBe(
      '[OFFICIAL-SENSITIVE] Strategy discussion FD-2026-000123 (A.Z.)',
    );
    expect(text(only(withInitials), 'description')).toContain('Child: A.Z.');
    expect(text(only(plain), 'summary')).toBe(
      '[OFFICIAL-SENSITIVE] Strategy discussion FD-2026-000123',
    );
    expect(inviteFileName('FD-2026-000123')).toBe('FD-2026-000123-strategy-discussion.ics');
  });

  it('refuses a name given where initials belong', () => {
    for (const childInitials of ['Amelia Zielinska', 'Amelia', 'AZ Zielinska', 'a.z.']) {
      expect(() => buildInviteIcs(meeting({ childInitials })), childInitials).toThrow(
        /initials only/,
      );
    }
    expect(
      text(only(buildInviteIcs(meeting({ childInitials: 'A.Z., M.Z.' }))), 'summary'),
    ).toContain('(A.Z., M.Z.)');
  });

  it('refuses free text that names the child or family', () => {
    expect(() =>
      buildInviteIcs(meeting({ format: 'in-person', location: 'The zielinska family home' }), {
        withheldNames: childAndFamily,
      }),
    ).toThrow(/location mentions "Zielinska"/);
    expect(() =>
      buildInviteIcs(meeting({ joinDetails: 'Ask for\nMarek   Zielinski at reception' }), {
        withheldNames: childAndFamily,
      }),
    ).toThrow(/joining details mentions "Marek Zielinski"/);
    // Whole words only: a street that merely starts with a name is not refused.
    expect(() =>
      buildInviteIcs(meeting({ format: 'in-person', location: 'Ameliaford Road family centre' }), {
        withheldNames: childAndFamily,
      }),
    ).not.toThrow();
  });

  it('builds file names from the reference only', () => {
    expect(inviteFileName('FD-2026-000123', { discussionNumber: 2 })).toBe(
      'FD-2026-000123-strategy-discussion-2.ics',
    );
    expect(inviteFileName('FD-2026-000123', { cancelled: true })).toBe(
      'FD-2026-000123-strategy-discussion-cancelled.ics',
    );
    expect(() => inviteFileName('Amelia Zielinska')).toThrow(/case reference is not valid/);
    expect(() => inviteFileName('FD-2026-000123/../x')).toThrow(/case reference is not valid/);
    expect(inviteBatchFileName('2026-03-23')).toBe('strategy-discussions-week-of-2026-03-23.ics');
  });
});

describe('input checks name the problem', () => {
  const cases: [string, Partial<InviteMeeting>, RegExp][] = [
    ['end before start', { end: '2026-05-12T08:59:00Z' }, /must end after it starts/],
    ['end equal to start', { end: '2026-05-12T09:00:00Z' }, /must end after it starts/],
    ['a day too long', { end: '2026-05-13T10:00:00Z' }, /more than 12 hours/],
    ['no invitees', { attendees: [] }, /at least one invitee/],
    [
      'blank invitee name',
      { attendees: [{ name: ' \r\n', email: 'a@x.example', required: true }] },
      /Enter the name of invitee 1/,
    ],
    ['bad reference', { reference: 'FD-2026-123' }, /case reference is not valid/],
    ['negative sequence', { sequence: -1 }, /sequence must be a whole number/],
    ['fractional sequence', { sequence: 1.5 }, /sequence must be a whole number/],
    ['blank marking', { marking: '\u0007 ' }, /Enter the protective marking/],
    ['video with no link', { joinUrl: undefined }, /joining link for the video call/],
    [
      'in person with no place',
      { format: 'in-person', location: '  ' },
      /where the meeting is held/,
    ],
    [
      'phone with no dial-in',
      { format: 'phone', joinUrl: undefined, joinDetails: '\n' },
      /dial-in number/,
    ],
    ['reminder out of range', { reminderMinutes: -5 }, /reminder must be a whole number/],
    ['blank organiser name', { organiser: { name: '', email: 'a@x.example' } }, /organiser's name/],
  ];
  for (const [what, over, message] of cases) {
    it(what, () => {
      expect(() => buildInviteIcs(meeting(over))).toThrow(message);
    });
  }
});
