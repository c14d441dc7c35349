// Invites are read back with ical.js, an independent reader (architecture §2 "Tests"), never with
// our own code. Issue 12, "Tests": one VEVENT, UTC times on and across the 2026 clock changes,
// attendee roles, SEQUENCE grows, CANCEL with the same UID, a batch of the week's meetings.
import { describe, expect, it } from 'vitest';
import {
  buildInviteBatchIcs,
  buildInviteIcs,
  InviteInputError,
  nextInviteSequence,
  splitInviteBatch,
  type InviteMeeting,
} from '../../../electron/main/documents/invite-ics';
import { londonInstant } from '../../../shared/calendar/london-instant';
import {
  attendees,
  expectWellFormedLines,
  EXPECTED_EVENT_PROPERTIES,
  london,
  meeting,
  only,
  parse,
  propertyNames,
  text,
  utc,
} from './invite-fixture';

describe('buildInviteIcs: an invitation', () => {
  const ics = buildInviteIcs(meeting());
  const event = only(ics);

  it('is one REQUEST calendar with one VEVENT and exactly the expected properties', () => {
    const { cal } = parse(ics);
    expect(propertyNames(cal)).toEqual(['method', 'prodid', 'version']);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(propertyNames(event)).toEqual(EXPECTED_EVENT_PROPERTIES);
    expect(event.getAllSubcomponents().map((s) => s.name)).toEqual(['valarm']);
  });

  it('carries the stable UID, the sequence, CONFIRMED and CLASS:CONFIDENTIAL', () => {
    expect(text(event, 'uid')).toBe('42@front-door.local');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(text(event, 'status')).toBe('CONFIRMED');
    expect(text(event, 'class')).toBe('CONFIDENTIAL');
  });

  it('writes the times in UTC', () => {
    expect(utc(event, 'dtstart')).toBe('2026-05-12T09:00:00.000Z');
    expect(utc(event, 'dtend')).toBe('2026-05-12T10:00:00.000Z');
    expect(utc(event, 'dtstamp')).toBe('2026-05-11T15:30:00.000Z');
    expect(ics).toContain('\r\nDTSTART:20260512T090000Z\r\n');
  });

  it('has the marking and reference in the summary and the joining details in the description', () => {
    expect(text(event, 'summary')).toBe('[OFFICIAL-SENSITIVE] Strategy discussion FD-2026-000123');
    const description = text(event, 'description');
    expect(description.split('\n')[0]).toBe('OFFICIAL-SENSITIVE');
    expect(description).toContain('case reference FD-2026-000123');
    expect(description).toContain('When: Tuesday 12/05/2026, 10:00 BST to 11:00 BST (UK time)');
    expect(description).toContain(
      'Join: https://teams.example.org/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    );
    expect(description).toContain(
      'Joining details:\nDial in: 020 7946 0000\nConference ID: 123 456 789#',
    );
    expect(description).toContain('- DC Alex Green, Police, Thames Valley Police (required)');
    expect(description).toContain(
      '- Jo Brown, Designated safeguarding lead, Oak Primary School (optional)',
    );
    expect(text(event, 'url')).toBe(
      'https://teams.example.org/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    );
    expect(text(event, 'location')).toBe('Video call (joining link in the invitation)');
  });

  it('has the organiser and one ATTENDEE per invitee with role, NEEDS-ACTION and RSVP', () => {
    const organiser = event.getFirstProperty('organizer');
    expect(String(organiser?.getFirstValue()).toLowerCase()).toBe(
      'mailto:priya.shah@council.example.gov.uk',
    );
    expect(organiser?.getParameter('cn')).toBe('Priya Shah');
    expect(attendees(event)).toEqual({
      'sam.jones@council.example.gov.uk': {
        cn: 'Sam Jones',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
      'alex.green@police.example.uk': {
        cn: 'DC Alex Green',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
      'jo.brown@school.example.org': {
        cn: 'Jo Brown',
        role: 'OPT-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
    });
  });

  it('has a display reminder 15 minutes before, or as set', () => {
    const alarm = event.getFirstSubcomponent('valarm');
    expect(alarm && text(alarm, 'action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT15M');
    const custom = only(buildInviteIcs(meeting({ reminderMinutes: 60 }))).getFirstSubcomponent(
      'valarm',
    );
    expect(String(custom?.getFirstPropertyValue('trigger'))).toBe('-PT1H');
    const atStart = only(buildInviteIcs(meeting({ reminderMinutes: 0 }))).getFirstSubcomponent(
      'valarm',
    );
    expect(String(atStart?.getFirstPropertyValue('trigger'))).toBe('PT0S');
  });

  it('merges a mailbox invited for two roles into one ATTENDEE, required if either is', () => {
    const shared = 'mash.police@police.example.uk';
    const e = only(
      buildInviteIcs(
        meeting({
          attendees: [
            {
              name: 'Police MASH desk',
              email: shared,
              required: false,
              role: 'Police intelligence',
            },
            {
              name: 'Police MASH desk',
              email: shared.toUpperCase(),
              required: true,
              role: 'Police',
            },
          ],
        }),
      ),
    );
    expect(e.getAllProperties('attendee')).toHaveLength(1);
    expect(attendees(e)[shared]?.role).toBe('REQ-PARTICIPANT');
    expect(text(e, 'description')).toContain(
      '- Police MASH desk, Police intelligence; Police (required)',
    );
  });
});

describe('UTC times on the 2026 clock changes (London wall times converted by the caller)', () => {
  const times = (start: string, end: string): [string, string, string] => {
    const ics = buildInviteIcs(meeting({ start, end }));
    const e = only(ics);
    return [utc(e, 'dtstart'), utc(e, 'dtend'), text(e, 'description')];
  };

  it('29 March 2026: 00:30 GMT before the change, 01:00 UTC change, 03:00 BST after', () => {
    expect(londonInstant('2026-03-29', '01:30').kind).toBe('nonexistent');
    const [start, end, description] = times(
      london('2026-03-29', '00:30'),
      london('2026-03-29', '03:00'),
    );
    expect(start).toBe('2026-03-29T00:30:00.000Z');
    expect(end).toBe('2026-03-29T02:00:00.000Z');
    expect(description).toContain('When: Sunday 29/03/2026, 00:30 GMT to 03:00 BST (UK time)');
  });

  it('29 March 2026: a meeting starting at the change instant, 02:00 BST = 01:00 UTC', () => {
    const [start, end] = times(london('2026-03-29', '02:00'), london('2026-03-29', '02:45'));
    expect(start).toBe('2026-03-29T01:00:00.000Z');
    expect(end).toBe('2026-03-29T01:45:00.000Z');
  });

  it('25 October 2026: 01:30 happens twice; each is written as its own UTC instant', () => {
    const [firstStart] = times(
      london('2026-10-25', '01:30', 'earlier'),
      london('2026-10-25', '01:45', 'earlier'),
    );
    const [secondStart, , description] = times(
      london('2026-10-25', '01:30', 'later'),
      london('2026-10-25', '01:45', 'later'),
    );
    expect(firstStart).toBe('2026-10-25T00:30:00.000Z');
    expect(secondStart).toBe('2026-10-25T01:30:00.000Z');
    expect(description).toContain('When: Sunday 25/10/2026, 01:30 GMT to 01:45 GMT (UK time)');
  });

  it('25 October 2026: a meeting spanning the change, 00:30 BST to 03:00 GMT, lasts 3½ hours', () => {
    const [start, end, description] = times(
      london('2026-10-25', '00:30'),
      london('2026-10-25', '03:00'),
    );
    expect(start).toBe('2026-10-24T23:30:00.000Z');
    expect(end).toBe('2026-10-25T03:00:00.000Z');
    expect(description).toContain('When: Sunday 25/10/2026, 00:30 BST to 03:00 GMT (UK time)');
  });

  it('refuses times that are not UTC instants, and impossible dates', () => {
    expect(() => buildInviteIcs(meeting({ start: '2026-05-12T10:00:00+01:00' }))).toThrow(
      /start time is not a valid UTC time/,
    );
    expect(() => buildInviteIcs(meeting({ start: '2026-05-12T10:00' }))).toThrow(InviteInputError);
    expect(() =>
      buildInviteIcs(meeting({ start: '2026-02-30T09:00:00Z', end: '2026-03-02T10:00:00Z' })),
    ).toThrow(/start time is not a valid/);
  });
});

describe('SEQUENCE and cancellation', () => {
  const first = meeting();
  const base = { ...first, sequence: nextInviteSequence(null, first) };

  it('starts at 0, grows on a change of time or place, stays for anything else', () => {
    expect(base.sequence).toBe(0);
    const moved = { ...base, start: '2026-05-12T11:00:00Z', end: '2026-05-12T12:00:00Z' };
    const movedSeq = nextInviteSequence(base, moved);
    expect(movedSeq).toBe(1);
    const sameTimeOtherSpelling = { ...moved, start: '2026-05-12T11:00:00.000Z' };
    expect(nextInviteSequence({ ...moved, sequence: 1 }, sameTimeOtherSpelling)).toBe(1);
    expect(
      nextInviteSequence(
        { ...moved, sequence: 1 },
        { ...moved, joinUrl: 'https://teams.example.org/other' },
      ),
    ).toBe(2);
    expect(
      nextInviteSequence(
        { ...moved, sequence: 1 },
        { ...moved, format: 'in-person', location: 'Room 2' },
      ),
    ).toBe(2);
    expect(
      nextInviteSequence(
        { ...moved, sequence: 1 },
        { ...moved, joinDetails: 'Dial in: 0800 000 0000' },
      ),
    ).toBe(2);
    const invitedMore = {
      ...moved,
      attendees: [
        ...moved.attendees,
        { name: 'Dr Kim Lee', email: 'kim.lee@nhs.example.net', required: true },
      ],
    };
    expect(nextInviteSequence({ ...moved, sequence: 1 }, invitedMore)).toBe(1);

    const before = only(buildInviteIcs(base));
    const after = only(buildInviteIcs({ ...moved, sequence: movedSeq }));
    expect(text(after, 'uid')).toBe(text(before, 'uid'));
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(before.getFirstPropertyValue('sequence')),
    );
    expect(utc(after, 'dtstart')).toBe('2026-05-12T11:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const cancelled = { ...base, status: 'cancelled' as const };
    const seq = nextInviteSequence(base, cancelled);
    expect(seq).toBe(1);
    const ics = buildInviteIcs({ ...cancelled, sequence: seq });
    const { cal } = parse(ics);
    const e = only(ics);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(text(e, 'status')).toBe('CANCELLED');
    expect(text(e, 'uid')).toBe('42@front-door.local');
    expect(e.getFirstPropertyValue('sequence')).toBe(1);
    expect(text(e, 'summary')).toBe(
      '[OFFICIAL-SENSITIVE] Cancelled: Strategy discussion FD-2026-000123',
    );
    expect(Object.keys(attendees(e))).toHaveLength(3);
    expect(e.getAllSubcomponents('valarm')).toHaveLength(0);
    expectWellFormedLines(ics);
  });
});

describe('buildInviteBatchIcs: this week in one file', () => {
  const week: InviteMeeting[] = [
    meeting({
      uid: '1@front-door.local',
      reference: 'FD-2026-000101',
      start: '2026-03-23T10:00:00Z',
      end: '2026-03-23T11:00:00Z',
    }),
    meeting({
      uid: '2@front-door.local',
      reference: 'FD-2026-000102',
      sequence: 2,
      start: '2026-03-25T14:00:00Z',
      end: '2026-03-25T15:00:00Z',
      format: 'in-person',
      location: 'MASH meeting room 3',
      joinUrl: undefined,
    }),
    meeting({
      uid: '3@front-door.local',
      reference: 'FD-2026-000103',
      status: 'cancelled',
      sequence: 1,
    }),
    meeting({
      uid: '4@front-door.local',
      reference: 'FD-2026-000104',
      start: '2026-03-29T01:00:00Z',
      end: '2026-03-29T02:00:00Z',
      format: 'phone',
      joinUrl: undefined,
    }),
  ];

  it('is one REQUEST calendar with a VEVENT per scheduled meeting; cancelled ones are left out', () => {
    const ics = buildInviteBatchIcs(week);
    expect(ics.match(/^BEGIN:VCALENDAR\r$/gm)).toHaveLength(1);
    const { cal, events } = parse(ics);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(
      events.map((e) => [text(e, 'uid'), e.getFirstPropertyValue('sequence'), utc(e, 'dtstart')]),
    ).toEqual([
      ['1@front-door.local', 0, '2026-03-23T10:00:00.000Z'],
      ['2@front-door.local', 2, '2026-03-25T14:00:00.000Z'],
      ['4@front-door.local', 0, '2026-03-29T01:00:00.000Z'],
    ]);
    expect(events.map((e) => text(e, 'status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    expect(text(events[1] ?? events[0] ?? cal, 'location')).toBe('MASH meeting room 3');
    expect(ics).not.toContain('FD-2026-000103');
    expect(splitInviteBatch(week).leftOut.map((m) => m.reference)).toEqual(['FD-2026-000103']);
    expectWellFormedLines(ics);
  });

  it('refuses an empty batch and a meeting listed twice', () => {
    expect(() => buildInviteBatchIcs([week[2] ?? meeting()])).toThrow(/no scheduled meetings/);
    expect(() => buildInviteBatchIcs([week[0] ?? meeting(), week[0] ?? meeting()])).toThrow(
      /FD-2026-000101 appears twice/,
    );
  });
});
