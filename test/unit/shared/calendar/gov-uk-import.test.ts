// The GOV.UK bank holidays file reader (shared/calendar/gov-uk-import): the real file's shape is
// read; a file cut short, of the wrong shape, or carrying hostile content is refused whole with a
// reason a person can act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_BANK_HOLIDAY_FILE_CHARS,
  readBankHolidayFile,
} from '../../../../shared/calendar/gov-uk-import';

const FIXTURES = join(__dirname, '../../../fixtures');
const GOOD = readFileSync(join(FIXTURES, 'bank-holidays.json'), 'utf8');
const TRUNCATED = readFileSync(join(FIXTURES, 'bank-holidays-truncated.json'), 'utf8');

type Event = { title: string; date: string; notes?: string; bunting?: boolean };
type GovUkFile = Record<string, { division: string; events: Event[] }>;

function good(): GovUkFile {
  return JSON.parse(GOOD) as GovUkFile;
}

function ew(file: GovUkFile): { division: string; events: Event[] } {
  const part = file['england-and-wales'];
  if (!part) throw new Error('fixture has no england-and-wales');
  return part;
}

function reasonFor(text: string): string {
  const r = readBankHolidayFile(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.reason;
}

describe('reading the GOV.UK bank holidays file', () => {
  it('reads England and Wales 2023–2027 with real dates, the coronation included', () => {
    const r = readBankHolidayFile(GOOD);
    if (!r.ok) throw new Error(r.reason);
    expect(r.file.covers).toEqual({ from: 2023, to: 2027 });
    expect(r.file.dates).toHaveLength(41);
    expect(r.file.dates[0]).toEqual({ date: '2023-01-02', title: 'New Year’s Day' });
    expect(r.file.dates).toContainEqual({
      date: '2023-05-08',
      title: 'Bank holiday for the coronation of King Charles III',
    });
    expect(r.file.dates.at(-1)).toEqual({ date: '2027-12-28', title: 'Boxing Day' });
    // Scotland's 2 January and Northern Ireland's St Patrick's Day are not England and Wales's.
    expect(r.file.dates.map((d) => d.date)).not.toContain('2025-01-02');
    expect(r.file.dates.map((d) => d.date)).not.toContain('2025-03-17');
  });

  it('sorts the dates whatever order the file lists them in', () => {
    const file = good();
    ew(file).events.reverse();
    const r = readBankHolidayFile(JSON.stringify(file));
    if (!r.ok) throw new Error(r.reason);
    const dates = r.file.dates.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('refuses a file cut short while downloading', () => {
    expect(reasonFor(TRUNCATED)).toMatch(
      /^The file is not complete JSON: it may have been cut short/,
    );
    expect(reasonFor('')).toMatch(/not complete JSON/);
  });

  it('refuses the wrong shape: no England and Wales, a wrong division, events not a list', () => {
    expect(reasonFor('[]')).toMatch(/not the GOV.UK bank holidays file/);
    expect(reasonFor('"england-and-wales"')).toMatch(/not the GOV.UK bank holidays file/);
    const noEw = good();
    delete noEw['england-and-wales'];
    expect(reasonFor(JSON.stringify(noEw))).toMatch(
      /^The file has no England and Wales bank holidays \("england-and-wales"\)/,
    );
    const wrongDivision = good();
    ew(wrongDivision).division = 'scotland';
    expect(reasonFor(JSON.stringify(wrongDivision))).toMatch(
      /names its division “scotland”, not “england-and-wales”/,
    );
    expect(
      reasonFor(JSON.stringify({ 'england-and-wales': { division: 'england-and-wales' } })),
    ).toMatch(/not in GOV.UK’s form/);
    const noTitle = good();
    ew(noTitle).events[3] = { date: '2023-05-01' } as Event;
    expect(reasonFor(JSON.stringify(noTitle))).toMatch(/^Event 4 is not a bank holiday as GOV.UK/);
  });

  it('refuses dates that are not real ISO dates, naming the event', () => {
    for (const bad of [
      '2025-02-30',
      '2025-13-01',
      '25/12/2025',
      '2025-12-25T00:00:00Z',
      '1900-01-01',
    ]) {
      const file = good();
      const events = ew(file).events;
      const christmas = events.findIndex((e) => e.date === '2025-12-25');
      events[christmas] = { title: 'Christmas Day', date: bad };
      expect(reasonFor(JSON.stringify(file))).toContain(
        `Event ${String(christmas + 1)} has the date “${bad}”, which is not a real date`,
      );
    }
  });

  it('refuses a date listed twice, a gap between years and a year that lost holidays', () => {
    const twice = good();
    ew(twice).events.push({ title: 'Christmas Day', date: '2025-12-25' });
    expect(reasonFor(JSON.stringify(twice))).toMatch(/^The date 2025-12-25 is listed twice/);

    const gap = good();
    ew(gap).events = ew(gap).events.filter((e) => !e.date.startsWith('2025-'));
    expect(reasonFor(JSON.stringify(gap))).toMatch(
      /^The file has no bank holidays for 2025, between 2023 and 2027/,
    );

    // A year whose December went missing: its Christmas would count as working days.
    const lost = good();
    ew(lost).events = ew(lost).events.filter((e) => !e.date.startsWith('2027-12'));
    expect(reasonFor(JSON.stringify(lost))).toMatch(
      /^The file lists only 6 bank holidays for 2027, none in December/,
    );

    const none = good();
    ew(none).events = [];
    expect(reasonFor(JSON.stringify(none))).toMatch(/lists no England and Wales bank holidays/);
  });

  it('keeps a title that looks like markup as plain text, and refuses control characters', () => {
    const markup = good();
    const events = ew(markup).events;
    const i = events.findIndex((e) => e.date === '2026-08-31');
    events[i] = {
      title: '<script>alert("x")</script><img src=x onerror=alert(1)>',
      date: '2026-08-31',
    };
    const r = readBankHolidayFile(JSON.stringify(markup));
    if (!r.ok) throw new Error(r.reason);
    // Kept exactly as text: the screens show it as text, never as HTML.
    expect(r.file.dates.find((d) => d.date === '2026-08-31')?.title).toBe(
      '<script>alert("x")</script><img src=x onerror=alert(1)>',
    );

    for (const title of ['Summer\u0000holiday', 'Summer\u202eyadiloh', 'Line\nbreak', '   ']) {
      const file = good();
      ew(file).events[i] = { title, date: '2026-08-31' };
      expect(reasonFor(JSON.stringify(file))).toMatch(
        /^Event \d+ \(2026-08-31\) has (a title with hidden or control characters|no title)/,
      );
    }
    const long = good();
    ew(long).events[i] = { title: 'A'.repeat(101), date: '2026-08-31' };
    expect(reasonFor(JSON.stringify(long))).toMatch(
      /has a title of 101 characters; bank holiday titles are at most 100/,
    );
  });

  it('refuses a huge file before reading it, and never echoes more than a little of it', () => {
    const huge = good();
    ew(huge).events[0] = { title: 'x'.repeat(10_000_000), date: '2023-01-02' };
    const text = JSON.stringify(huge);
    expect(text.length).toBeGreaterThan(MAX_BANK_HOLIDAY_FILE_CHARS);
    const reason = reasonFor(text);
    expect(reason).toMatch(/^The file is too large \(10\.0 MB\)/);
    expect(reason.length).toBeLessThan(300);
    // A long bad date inside the limit is quoted cut short.
    const longDate = good();
    ew(longDate).events[0] = { title: 'New Year’s Day', date: `2023-01-02${'9'.repeat(5_000)}` };
    const quoted = reasonFor(JSON.stringify(longDate));
    expect(quoted.length).toBeLessThan(400);
    expect(quoted).toContain('…”');
  });

  it('treats __proto__ and constructor keys as data: nothing is polluted, the file is read', () => {
    const polluting = '{"__proto__":{"polluted":"yes"}';
    expect(GOOD.startsWith('{"england-and-wales":{')).toBe(true);
    const withEventKeys = GOOD.replace(
      '{"england-and-wales":{',
      `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"england-and-wales":{${polluting.slice(1)},`,
    ).replace('{"title":"Easter Monday"', `${polluting},"title":"Easter Monday"`);
    expect(withEventKeys.match(/__proto__/g)).toHaveLength(3);
    const r = readBankHolidayFile(withEventKeys);
    expect(r.ok).toBe(true);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) {
      for (const d of r.file.dates) expect(Object.keys(d).sort()).toEqual(['date', 'title']);
    }
    // "england-and-wales" only through the prototype chain is not there at all.
    const inherited = `{"__proto__":${JSON.stringify({ 'england-and-wales': ew(good()) })}}`;
    expect(reasonFor(inherited)).toMatch(/has no England and Wales bank holidays/);
  });

  it('refuses the whole hostile file (script titles, 10 MB strings, 30 February, __proto__)', () => {
    const hostile = good();
    const events = ew(hostile).events;
    events[0] = { title: '<script>alert(1)</script>', date: '2023-01-02' };
    events[1] = { title: 'y'.repeat(10_000_000), date: '2023-04-07' };
    events[2] = { title: 'Easter Monday', date: '2025-02-30' };
    const text = `{"__proto__":{"polluted":1},${JSON.stringify(hostile).slice(1)}`;
    const r = readBankHolidayFile(text);
    expect(r.ok).toBe(false);
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Without the huge title, the impossible date is what stops it.
    events[1] = { title: 'Good Friday', date: '2023-04-07' };
    expect(reasonFor(JSON.stringify(hostile))).toMatch(/Event 3 has the date “2025-02-30”/);
  });
});
