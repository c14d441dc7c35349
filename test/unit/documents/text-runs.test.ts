// Font choice per character (text-runs.ts) against the real shipped fonts, the fonts folder
// lookup, and default file names (domain §6: no names).
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFileName } from '../../../electron/main/documents/file-name';
import { defaultFontsDirectory, loadFonts } from '../../../electron/main/documents/pdf/fonts';
import { textRuns } from '../../../electron/main/documents/pdf/text-runs';

const families = loadFonts();

function runs(text: string): { runs: { text: string; font: string }[]; missing: string[] } {
  const missing = new Set<string>();
  const out = textRuns(text, families, missing).map((r) => ({
    text: typeof r.text === 'string' ? r.text : '',
    font: r.font ?? 'NotoSans',
  }));
  return { runs: out, missing: [...missing] };
}

describe('textRuns', () => {
  it('prints Latin with accents, Greek and Cyrillic in Noto Sans, in one run', () => {
    expect(runs('Zoë Łukasz-Ñúñez Şahin, Αλέξης Иванов').runs).toEqual([
      { text: 'Zoë Łukasz-Ñúñez Şahin, Αλέξης Иванов', font: 'NotoSans' },
    ]);
  });

  it('gives an Arabic name its own right-to-left run, spaces inside, laid out whole', () => {
    const missing = new Set<string>();
    const out = textRuns('Name: فاطمة حسين (mother)', families, missing);
    expect(out).toEqual([
      { text: 'Name: ' },
      { text: 'فاطمة حسين', font: 'NotoSansArabic', noWrap: true, fontFeatures: [] },
      { text: ' (mother)' },
    ]);
    expect(missing.size).toBe(0);
  });

  it('prints Chinese in Droid Sans Fallback and Hebrew right to left in Noto Sans Hebrew', () => {
    expect(runs('王小明 Smith').runs).toEqual([
      { text: '王小明', font: 'DroidSansFallback' },
      { text: ' Smith', font: 'NotoSans' },
    ]);
    const missing = new Set<string>();
    expect(textRuns('שרה כהן', families, missing)).toEqual([
      { text: 'שרה כהן', font: 'NotoSansHebrew', noWrap: true, fontFeatures: [] },
    ]);
  });

  it('keeps combining marks with their letter and line breaks in the text', () => {
    // "é" as e + U+0301, and a Bengali vowel sign after its consonant.
    expect(runs('Rene\u0301e\nকি').runs).toEqual([
      { text: 'Rene\u0301e\n', font: 'NotoSans' },
      { text: 'কি', font: 'NotoSansBengali' },
    ]);
  });

  it('reports characters no shipped font has, and still prints them (never dropped)', () => {
    const result = runs('김민준 Kim 😀');
    expect(result.missing.sort()).toEqual(['김', '민', '준', '😀'].sort());
    expect(result.runs.map((r) => r.text).join('')).toBe('김민준 Kim 😀');
  });
});

describe('loadFonts', () => {
  it('reads the fonts once per process and refuses to switch folders', () => {
    expect(loadFonts()).toBe(families);
    expect(families.map((f) => f.name)).toEqual([
      'NotoSans',
      'NotoSansArabic',
      'NotoSansHebrew',
      'NotoSansDevanagari',
      'NotoSansBengali',
      'NotoSansGurmukhi',
      'NotoSansEthiopic',
      'DroidSansFallback',
    ]);
    expect(() => loadFonts(os.tmpdir())).toThrow(/already loaded/);
  });
});

describe('defaultFontsDirectory', () => {
  it('finds resources/fonts above this module in the source tree', () => {
    expect(defaultFontsDirectory(undefined)).toBe(path.resolve('resources', 'fonts'));
  });

  it('prefers <resources>/fonts in a packaged app', () => {
    const resources = mkdtempSync(path.join(os.tmpdir(), 'front-door-resources-'));
    mkdirSync(path.join(resources, 'fonts'));
    writeFileSync(path.join(resources, 'fonts', 'NotoSans-Regular.ttf'), '');
    expect(defaultFontsDirectory(resources)).toBe(path.join(resources, 'fonts'));
  });

  it('says where it looked when the fonts are missing', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'front-door-nofonts-'));
    expect(() => defaultFontsDirectory(empty, empty)).toThrow(/PDF fonts were not found/);
  });
});

describe('documentFileName', () => {
  it('names a document by reference, kind and version', () => {
    expect(documentFileName('FD-2026-000123', 'minutes', { version: 2 })).toBe(
      'FD-2026-000123 strategy discussion minutes v2.pdf',
    );
    expect(documentFileName('FD-2026-000123', 'referral-record')).toBe(
      'FD-2026-000123 referral record.pdf',
    );
    expect(documentFileName('FD-2026-000123', 'invite', { version: 1 })).toBe(
      'FD-2026-000123 strategy discussion invite v1.ics',
    );
  });

  it('keeps only safe characters and refuses an empty reference or a bad version', () => {
    expect(documentFileName('../FD 2026/000123:*?"<>|', 'minutes')).toBe(
      'FD-2026-000123 strategy discussion minutes.pdf',
    );
    expect(() => documentFileName('  ', 'minutes')).toThrow(/case reference/);
    expect(() => documentFileName('FD-2026-000123', 'minutes', { version: 0 })).toThrow(
      /whole number/,
    );
  });
});
