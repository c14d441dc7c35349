// "Text comes back exactly as entered" through the real dispatch, store and services: a lone
// surrogate (half an emoji) is refused with a field error on every channel, because SQLite would
// store U+FFFD in its place; whole emoji, RTL text and accents come back byte for byte; a draft
// keeps even a broken character (it is stored as JSON, losslessly) until the form is fixed; and a
// `__proto__` key is refused, not silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEnv } from '../../../electron/main/ipc/env';
import { BROKEN_CHARACTER_MESSAGE } from '../../../shared/validation/fields';
import type { SettingsRecord } from '../../../shared/domain/records';
import { referralInput } from '../../helpers/store-fixtures';
import { fieldErrors, ipcFixture, type IpcFixture } from './ipc-env';

const HIGH = '\uD83D'; // first half of 😀 on its own
const LOW = '\uDE00'; // second half on its own

describe('text comes back exactly as entered', () => {
  let fx: IpcFixture;
  let admin: SessionEnv;

  beforeAll(async () => {
    fx = await ipcFixture();
    admin = fx.as('admin.first');
  });
  afterAll(() => {
    fx.close();
  });

  async function getSettings(): Promise<SettingsRecord> {
    const r = await fx.call(admin, 'settings:get', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.data as SettingsRecord;
  }

  it.each([
    ['a lone high surrogate', `Amy said ${HIGH} and cried`],
    ['a lone low surrogate', `${LOW}Amy`],
    ['halves in the wrong order', `Amy ${LOW}${HIGH}`],
  ])('a referral concern with %s is refused beside the field', async (_label, concern) => {
    const r = await fx.call(admin, 'referrals:create', { referral: referralInput({ concern }) });
    expect(fieldErrors(r)['referral.concern']).toBe(BROKEN_CHARACTER_MESSAGE);
    const list = await fx.call(admin, 'referrals:list', { filter: 'all' });
    expect(list.ok && list.data).toEqual([]);
  });

  it('refuses a broken character in any channel, not only the form fields', async () => {
    const dir = await fx.call(admin, 'directory:save', {
      entry: { name: `Oak ${HIGH}School`, agencyType: 'school' },
    });
    expect(fieldErrors(dir)['entry.name']).toBe(BROKEN_CHARACTER_MESSAGE);
    const search = await fx.call(admin, 'people:search', { text: `Smith${LOW}` });
    expect(fieldErrors(search).text).toBe(BROKEN_CHARACTER_MESSAGE);
    const settings = await getSettings();
    const org = await fx.call(admin, 'settings:update', {
      version: settings.version,
      organisation: { ...settings.organisation, name: `Council ${HIGH}` },
    });
    expect(fieldErrors(org)['organisation.name']).toBe(BROKEN_CHARACTER_MESSAGE);
  });

  it('keeps whole emoji, right-to-left text and accents exactly', async () => {
    const concern = 'Zoë said “😀👨‍👩‍👧” and wrote مرحبا and 𝕿𝖊𝖘𝖙 — Öztürk, École';
    const r = await fx.call(admin, 'referrals:create', { referral: referralInput({ concern }) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const back = await fx.call(admin, 'referrals:get', { id: (r.data as { id: string }).id });
    expect(back.ok && (back.data as { input: { concern: string } }).input.concern).toBe(concern);
  });

  it('keeps a broken character in a draft, exactly, until the form is fixed', async () => {
    const data = { referral: { concern: `half ${HIGH} typed ${LOW}` } };
    const saved = await fx.call(admin, 'drafts:save', { kind: 'referral', key: 'k1', data });
    expect(saved.ok).toBe(true);
    const back = await fx.call(admin, 'drafts:get', { kind: 'referral', key: 'k1' });
    expect(back.ok && (back.data as { data: unknown }).data).toEqual(data);
    // Still no way to smuggle a prototype key through a draft.
    const proto = await fx.call(
      admin,
      'drafts:save',
      JSON.parse('{"kind":"referral","key":"k2","data":{"__proto__":{"x":1}}}'),
    );
    expect(fieldErrors(proto)['data.__proto__']).toMatch(/reserved/);
  });

  it('refuses a __proto__ key in local policy instead of ignoring it', async () => {
    const settings = await getSettings();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const raw: unknown = JSON.parse(
        `{"version":${String(settings.version)},"overrides":{"${key}":{"polluted":true}}}`,
      );
      const r = await fx.call(admin, 'settings:update', raw);
      expect(fieldErrors(r)[`overrides.${key}`]).toBe(
        `"${key}" is a reserved name and cannot be used here. Nothing was saved.`,
      );
    }
    expect((await getSettings()).version).toBe(settings.version);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
