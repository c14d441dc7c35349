// The whole-input check every IPC call passes before its schema: broken characters, prototype
// keys and absurd nesting are refused with a field path; a draft's data keeps broken characters.
import { describe, expect, it } from 'vitest';
import { checkInput, MAX_INPUT_DEPTH } from '../../../../electron/main/ipc/input-guard';
import { BROKEN_CHARACTER_MESSAGE } from '../../../../shared/validation/fields';

describe('checkInput', () => {
  it('passes ordinary input', () => {
    expect(checkInput({ a: 'Zoë 😀', b: [1, 'x', { c: null }] })).toBeNull();
    expect(checkInput(undefined)).toBeNull();
  });

  it('names the field holding a broken character', () => {
    expect(checkInput({ referral: { children: [{ familyName: 'Sm\uD800ith' }] } })).toEqual({
      'referral.children.0.familyName': BROKEN_CHARACTER_MESSAGE,
    });
    expect(checkInput('\uDC00')).toEqual({ _form: BROKEN_CHARACTER_MESSAGE });
  });

  it('refuses prototype keys at any depth, as own keys from JSON', () => {
    const raw: unknown = JSON.parse('{"a":{"__proto__":{"x":1},"constructor":1},"prototype":2}');
    expect(Object.keys(checkInput(raw) ?? {})).toEqual([
      'a.__proto__',
      'a.constructor',
      'prototype',
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps broken characters where the input is stored losslessly, but not prototype keys', () => {
    const raw: unknown = JSON.parse('{"data":{"f":"\\ud800","g":{"__proto__":1}},"key":"\\udc00"}');
    expect(checkInput(raw, { losslessPaths: ['data'] })).toEqual({
      'data.g.__proto__':
        '"__proto__" is a reserved name and cannot be used here. Nothing was saved.',
      key: BROKEN_CHARACTER_MESSAGE,
    });
  });

  it('refuses deep nesting without running out of stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkInput(deep)?._form).toMatch(/nested too deeply/);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(checkInput(ok)).toBeNull();
  });

  it('stops after 20 problems', () => {
    const many = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`f${String(i)}`, '\uD800']),
    );
    expect(Object.keys(checkInput(many) ?? {})).toHaveLength(20);
  });
});
