// Bounds that keep one person's drafts and an administrator's closure days sensible, through the
// real dispatch and store: 200 drafts and 5 MB per person, 1 MB per draft (counted in UTF-8
// bytes, as stored), closure days from 2000 to ten years ahead. Each refusal says what to do and
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEnv } from '../../../electron/main/ipc/env';
import {
  DRAFT_TOO_LARGE_MESSAGE,
  DRAFTS_TOO_LARGE_MESSAGE,
  MAX_DRAFTS_PER_USER,
  TOO_MANY_DRAFTS_MESSAGE,
} from '../../../electron/main/services/draft-limits';
import type { SettingsRecord } from '../../../shared/domain/records';
import type { IpcResult } from '../../../shared/ipc/contract';
import { ipcFixture, type IpcFixture } from '../ipc/ipc-env';

function refusal(r: IpcResult<unknown>): string | undefined {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error.code).toBe('VALIDATION');
  return r.error.fieldErrors?._form ?? r.error.fieldErrors?.closures;
}

describe('draft limits', () => {
  let fx: IpcFixture;
  let duty: SessionEnv;
  let other: SessionEnv;

  beforeAll(async () => {
    fx = await ipcFixture();
    await fx.userWithRoles('duty.one', ['duty-worker']);
    await fx.userWithRoles('duty.two', ['duty-worker']);
    duty = fx.as('duty.one');
    other = fx.as('duty.two');
  });
  afterAll(() => {
    fx.close();
  });

  const save = (env: SessionEnv, key: string, data: unknown) =>
    fx.call(env, 'drafts:save', { kind: 'referral', key, data });
  const count = async (env: SessionEnv) => {
    const r = await fx.call(env, 'drafts:list', {});
    return r.ok ? (r.data as unknown[]).length : -1;
  };

  it(`keeps ${String(MAX_DRAFTS_PER_USER)} drafts per person, then asks them to tidy up`, async () => {
    for (let i = 0; i < MAX_DRAFTS_PER_USER; i++) {
      const r = await save(duty, `d${String(i)}`, { concern: `draft ${String(i)}` });
      expect(r.ok).toBe(true);
    }
    expect(refusal(await save(duty, 'one-more', { concern: 'x' }))).toBe(TOO_MANY_DRAFTS_MESSAGE);
    expect(await count(duty)).toBe(MAX_DRAFTS_PER_USER);
    // Carrying on with a draft already kept still saves; so does someone else's new one.
    expect((await save(duty, 'd7', { concern: 'still typing' })).ok).toBe(true);
    expect((await save(other, 'theirs', { concern: 'x' })).ok).toBe(true);
    // After deleting one, a new draft saves again.
    expect((await fx.call(duty, 'drafts:discard', { kind: 'referral', key: 'd0' })).ok).toBe(true);
    expect((await save(duty, 'one-more', { concern: 'x' })).ok).toBe(true);
    for (let i = 1; i < MAX_DRAFTS_PER_USER; i++)
      await fx.call(duty, 'drafts:discard', { kind: 'referral', key: `d${String(i)}` });
    await fx.call(duty, 'drafts:discard', { kind: 'referral', key: 'one-more' });
    expect(await count(duty)).toBe(0);
  });

  it('refuses a single draft over 1 MB, counted in bytes as stored', async () => {
    // 450,000 "é" are 900 KB in UTF-8: kept. 600,000 are 1.2 MB (though only 600,000 characters).
    expect((await save(duty, 'big', { concern: 'é'.repeat(450_000) })).ok).toBe(true);
    expect(refusal(await save(duty, 'big', { concern: 'é'.repeat(600_000) }))).toBe(
      DRAFT_TOO_LARGE_MESSAGE,
    );
    const kept = await fx.call(duty, 'drafts:get', { kind: 'referral', key: 'big' });
    expect(kept.ok && (kept.data as { data: { concern: string } }).data.concern).toHaveLength(
      450_000,
    );
    await fx.call(duty, 'drafts:discard', { kind: 'referral', key: 'big' });
  });

  it('refuses a draft that would take one person past 5 MB in all', async () => {
    const text = 'a'.repeat(900_000);
    for (let i = 0; i < 5; i++) expect((await save(duty, `b${String(i)}`, { text })).ok).toBe(true);
    expect(refusal(await save(duty, 'b5', { text }))).toBe(DRAFTS_TOO_LARGE_MESSAGE);
    // Making an existing draft smaller is always allowed, and frees room.
    expect((await save(duty, 'b0', { text: 'short' })).ok).toBe(true);
    expect((await save(duty, 'b5', { text })).ok).toBe(true);
    expect(await count(duty)).toBe(6);
  });

  it('says what to do in plain words', () => {
    for (const m of [TOO_MANY_DRAFTS_MESSAGE, DRAFTS_TOO_LARGE_MESSAGE])
      expect(m).toMatch(/Delete drafts you no longer need/);
    expect(DRAFT_TOO_LARGE_MESSAGE).toMatch(/over 1 MB/);
  });
});

describe('closure days', () => {
  let fx: IpcFixture;
  let admin: SessionEnv;

  beforeAll(async () => {
    fx = await ipcFixture(); // clock: 23/11/2026
    admin = fx.as('admin.first');
  });
  afterAll(() => {
    fx.close();
  });

  async function setClosures(closures: string[]): Promise<IpcResult<unknown>> {
    const s = await fx.call(admin, 'settings:get', {});
    if (!s.ok) throw new Error(s.error.message);
    return fx.call(admin, 'settings:update', {
      version: (s.data as SettingsRecord).version,
      closures,
    });
  }

  it.each([
    ['1999-12-31', '31/12/1999'],
    ['1926-12-24', '24/12/1926'],
    ['2036-11-24', '24/11/2036'],
    ['2062-12-24', '24/12/2062'],
  ])('refuses %s with the range and the date to check', async (date, shown) => {
    expect(refusal(await setClosures(['2026-12-24', date]))).toBe(
      `Closure days must be between 01/01/2000 and 23/11/2036: check the year of ${shown}.`,
    );
    const s = await fx.call(admin, 'settings:get', {});
    expect(s.ok && (s.data as SettingsRecord).closures).not.toContain(date);
  });

  it('accepts the first and last days of the range', async () => {
    const r = await setClosures(['2000-01-01', '2026-12-24', '2036-11-23']);
    expect(r.ok).toBe(true);
  });
});
