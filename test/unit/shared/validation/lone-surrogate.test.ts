// A lone surrogate cannot be stored as UTF-8 (SQLite would keep U+FFFD), so every text field
// refuses it with a message a practitioner understands; whole emoji and other scripts pass.
import { describe, expect, it } from 'vitest';
import {
  BROKEN_CHARACTER_MESSAGE,
  hasLoneSurrogate,
  optionalText,
  requiredText,
} from '../../../../shared/validation/fields';

const name = requiredText({ max: 200, label: 'Family name', required: 'Enter the family name' });
const notes = optionalText({ max: 10_000, label: 'Notes', multiline: true });

describe('lone surrogates', () => {
  it.each([
    ['\uD83D', true],
    ['\uDE00', true],
    ['a\uD83Db', true],
    ['\uDE00\uD83D', true],
    ['😀', false],
    ['👨‍👩‍👧', false],
    ['𝕿𝖊𝖘𝖙', false],
    ['مرحبا Öztürk', false],
    ['', false],
    ['😀\uD83D', true],
  ])('%j → %s', (s, expected) => {
    expect(hasLoneSurrogate(s)).toBe(expected);
  });

  it('every text field refuses one with a plain message', () => {
    for (const schema of [name, notes]) {
      const r = schema.safeParse('Smith \uD83D');
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toContain(BROKEN_CHARACTER_MESSAGE);
    }
    expect(BROKEN_CHARACTER_MESSAGE).not.toMatch(/surrogate|UTF|unicode/i);
  });

  it('accepts whole emoji and other scripts exactly', () => {
    expect(name.parse('Zoë 😀 مرحبا')).toBe('Zoë 😀 مرحبا');
    expect(notes.parse('line 1\n👨‍👩‍👧')).toBe('line 1\n👨‍👩‍👧');
  });

  it('checks 100 KB of text quickly', () => {
    const long = '😀a'.repeat(30_000);
    const started = performance.now();
    expect(hasLoneSurrogate(long)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
