// The census CSV writer (electron/main/documents/census-csv.ts): RFC 4180, read back with an
// independent reader, and cells a spreadsheet would run as formulas made inert.
import { describe, expect, it } from 'vitest';
import {
  censusCsv,
  csvText,
  neutraliseCell,
  quoteField,
} from '../../../electron/main/documents/census-csv';
import { censusRow } from '../../../shared/census/rows';
import { censusSpec } from '../../../shared/census/specs';
import { parseRfc4180 } from '../../helpers/rfc4180';
import { facts } from './fixtures';

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '\tleading tab',
  '\r=1+1',
  '=HYPERLINK("http://x.example","click")',
];

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to each dangerous start', () => {
    for (const v of HOSTILE) expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it('leaves codes, ISO dates, ids and empty cells alone', () => {
    for (const v of ['2A', '2025-05-06', 'person-1', '', 'true', '18C,3B', 'a=b', "it's"])
      expect(neutraliseCell(v)).toBe(v);
  });
});

describe('quoteField', () => {
  it('quotes commas, quotes, CR and LF, doubling quotes', () => {
    expect(quoteField('18C,3B')).toBe('"18C,3B"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('a\rb')).toBe('"a\rb"');
    expect(quoteField('a\nb')).toBe('"a\nb"');
    expect(quoteField('plain')).toBe('plain');
  });
});

describe('csvText', () => {
  it('ends every record with CRLF and reads back cell for cell, hostile cells inert', () => {
    const lines = [['h1', 'h2'], ...HOSTILE.map((h) => [h, 'x,y'])];
    const text = csvText(lines);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = parseRfc4180(text);
    expect(back).toHaveLength(lines.length);
    expect(back[0]).toEqual(['h1', 'h2']);
    HOSTILE.forEach((h, i) => {
      expect(back[i + 1]).toEqual([`'${h}`, 'x,y']);
    });
    for (const rec of back) for (const cell of rec) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('censusCsv', () => {
  it("writes the year's header then each row, read back by an independent reader", () => {
    const spec = censusSpec(2025);
    const rows = [
      censusRow(facts(), spec),
      censusRow(facts({ referralId: 'r2', personId: '=cmd|x', storedSex: 'M' }), spec),
    ];
    const back = parseRfc4180(new TextDecoder().decode(censusCsv(rows, spec)));
    expect(back[0]).toEqual([...spec.fields]);
    expect(back[1]).toEqual([
      'person-1',
      '2016-04-03',
      '',
      'F',
      '2025-05-06',
      '2A',
      'false',
      '2025-05-07',
      '2025-06-20',
      '18C,3B',
      '2025-05-07',
      '2025-05-29',
      '2025-05-28',
      'false',
    ]);
    expect(back[2]?.[0]).toBe("'=cmd|x");
    expect(back[2]?.[3]).toBe('M');
    expect(back).toHaveLength(3);
  });
});
