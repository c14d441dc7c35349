// Shared by the invite tests: a valid meeting to vary, and readers built on ical.js (an
// independent reader, architecture §2 "Tests"), never on our own serialiser.
import ICAL from 'ical.js';
import { expect } from 'vitest';
import type { InviteMeeting } from '../../../electron/main/documents/invite-ics';
import { londonInstant } from '../../../shared/calendar/london-instant';

export type Component = InstanceType<typeof ICAL.Component>;

export function london(date: string, time: string, which: 'earlier' | 'later' = 'earlier'): string {
  const r = londonInstant(date, time);
  if (r.kind === 'ok') return r.instant;
  if (r.kind === 'ambiguous') return which === 'earlier' ? r.earlier : r.later;
  throw new Error(r.message);
}

export function meeting(over: Partial<InviteMeeting> = {}): InviteMeeting {
  return {
    uid: '42@front-door.local',
    sequence: 0,
    status: 'scheduled',
    start: '2026-05-12T09:00:00Z',
    end: '2026-05-12T10:00:00Z',
    reference: 'FD-2026-000123',
    format: 'video',
    joinUrl: 'https://teams.example.org/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    joinDetails: 'Dial in: 020 7946 0000\nConference ID: 123 456 789#',
    organiser: { name: 'Priya Shah', email: 'priya.shah@council.example.gov.uk' },
    attendees: [
      {
        name: 'Sam Jones',
        email: 'sam.jones@council.example.gov.uk',
        required: true,
        role: 'Social worker',
        agency: "Children's social care",
      },
      {
        name: 'DC Alex Green',
        email: 'alex.green@police.example.uk',
        required: true,
        role: 'Police',
        agency: 'Thames Valley Police',
      },
      {
        name: 'Jo Brown',
        email: 'jo.brown@school.example.org',
        required: false,
        role: 'Designated safeguarding lead',
        agency: 'Oak Primary School',
      },
    ],
    marking: 'OFFICIAL-SENSITIVE',
    createdAt: '2026-05-11T15:30:00Z',
    ...over,
  };
}

export function parse(ics: string): { cal: Component; events: Component[] } {
  const cal = ICAL.Component.fromString(ics);
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

export function only(ics: string): Component {
  const { cal, events } = parse(ics);
  expect(cal.name).toBe('vcalendar');
  expect(events).toHaveLength(1);
  const [event] = events;
  if (!event) throw new Error('no VEVENT');
  return event;
}

export function text(c: Component, name: string): string {
  const v = c.getFirstPropertyValue(name);
  if (typeof v !== 'string') throw new Error(`${name} is not text: ${String(v)}`);
  return v;
}

/** A DATE-TIME read by ical.js: its instant, and that it was written in UTC. */
export function utc(c: Component, name: string): string {
  const v = c.getFirstPropertyValue(name);
  if (!(v instanceof ICAL.Time)) throw new Error(`${name} is not a time`);
  expect(v.zone.tzid).toBe('UTC');
  return v.toJSDate().toISOString();
}

export function attendees(
  c: Component,
): Record<string, { cn: unknown; role: unknown; partstat: unknown; rsvp: unknown }> {
  return Object.fromEntries(
    c.getAllProperties('attendee').map((p) => [
      String(p.getFirstValue()).replace(/^mailto:/i, ''),
      {
        cn: p.getParameter('cn'),
        role: p.getParameter('role'),
        partstat: p.getParameter('partstat'),
        rsvp: p.getParameter('rsvp'),
      },
    ]),
  );
}

export const propertyNames = (c: Component): string[] =>
  c
    .getAllProperties()
    .map((p) => p.name)
    .sort();

export const EXPECTED_EVENT_PROPERTIES = [
  'attendee',
  'attendee',
  'attendee',
  'class',
  'description',
  'dtend',
  'dtstamp',
  'dtstart',
  'location',
  'organizer',
  'sequence',
  'status',
  'summary',
  'uid',
  'url',
];

/** RFC 5545 §3.1: CRLF after every line, at most 75 octets a line, no character cut in two. */
export function expectWellFormedLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(line).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
  }
  // Every physical line, as bytes, is whole UTF-8 by itself.
  const bytes = Buffer.from(ics, 'utf8');
  let from = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      expect(() =>
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from, i)),
      ).not.toThrow();
      from = i + 2;
    }
  }
  return lines;
}
