// Roles × channels (reliability: "call every channel as every role → only permitted calls
// succeed"). The expected matrix is written out here on purpose, independently of the contract,
// so a change to who may do what has to be made in two places and reviewed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../shared/ipc/contract';
import { USER_ROLES, type UserRole } from '../../../shared/domain/types';
import type { SessionEnv } from '../../../electron/main/ipc/env';
import { ipcFixture, type IpcFixture } from './ipc-env';

// Every role that reads case records; the minute-taker sees only the discussions they minute.
const EVERYONE: readonly UserRole[] = ['duty-worker', 'manager', 'chair', 'admin'];
const MINUTING: readonly UserRole[] = ['duty-worker', 'manager', 'chair', 'minute-taker'];
const ANY_ACCOUNT = 'any account, even with no role' as const;

const EXPECTED: Record<Channel, readonly UserRole[] | typeof ANY_ACCOUNT> = {
  'session:current': ANY_ACCOUNT,
  'system:status': ANY_ACCOUNT,
  'system:recover': ANY_ACCOUNT,
  'settings:get': ANY_ACCOUNT,
  'referrals:list': EVERYONE,
  'referrals:queue': EVERYONE,
  'referrals:get': EVERYONE,
  'referrals:search': EVERYONE,
  'search:all': EVERYONE,
  'referrals:create': ['duty-worker', 'manager'],
  'referrals:update': ['duty-worker', 'manager'],
  'referrals:assign': ['duty-worker', 'manager'],
  'referrals:add-event': ['duty-worker', 'manager'],
  'drafts:save': ['duty-worker', 'manager'],
  'drafts:get': ['duty-worker', 'manager'],
  'drafts:list': ['duty-worker', 'manager'],
  'drafts:discard': ['duty-worker', 'manager'],
  'people:match': EVERYONE,
  'people:known-adults': EVERYONE,
  'people:search': EVERYONE,
  'people:get': EVERYONE,
  'people:link': ['duty-worker', 'manager'],
  'people:merge': ['manager', 'admin'],
  'people:unmerge': ['manager', 'admin'],
  'decisions:record': ['duty-worker', 'manager'],
  'decisions:sign-off': ['manager'],
  'progress:record': ['duty-worker', 'manager', 'chair'],
  'progress:withdraw': ['duty-worker', 'manager', 'chair'],
  'directory:list': EVERYONE,
  'directory:save': ['duty-worker', 'manager', 'admin'],
  'settings:update': ['admin'],
  'settings:preview': ['admin'],
  'bank-holidays:status': ['admin'],
  'bank-holidays:import': ['admin'],
  'audit:list': ['duty-worker', 'manager', 'admin'],
  'audit:search': ['manager', 'admin'],
  'measures:get': ['manager', 'admin'],
  'measures:drill': ['manager', 'admin'],
  'census:last-options': ['manager', 'admin'],
  'census:check': ['manager', 'admin'],
  'census:export': ['manager', 'admin'],
  'audit:export-subject': ['manager', 'admin'],
  'audit:verify': ['admin'],
  'users:list': [...EVERYONE, 'minute-taker'],
  'users:set-roles': ['admin'],
  'users:set-active': ['admin'],
  'backups:create': ['admin'],
  'backups:list': ['admin'],
  'backups:restore': ['admin'],
  'backups:status': ['admin'],
  'backups:check': ['admin'],
  'session:lock': ANY_ACCOUNT,
  'session:unlock': ANY_ACCOUNT,
  'session:lock-setting': ANY_ACCOUNT,
  'session:set-lock-setting': ['admin'],
  'documents:list': EVERYONE,
  'documents:download': EVERYONE,
  'referrals:export-pdf': EVERYONE,
  'people:export-pdf': EVERYONE,
  'letters:queue': ['duty-worker', 'manager', 'admin'],
  'letters:for-referral': ['duty-worker', 'manager', 'admin'],
  'letters:preview': ['duty-worker', 'manager', 'admin'],
  'letters:finalise': ['duty-worker', 'manager', 'admin'],
  'letters:generate': ['duty-worker', 'manager', 'admin'],
  'letters:cancel': ['duty-worker', 'manager', 'admin'],
  'letters:download': ['duty-worker', 'manager', 'admin'],
  'letters:email-draft': ['duty-worker', 'manager', 'admin'],
  'letters:mark-sent': ['duty-worker', 'manager', 'admin'],
  'invites:mark-sent': ['duty-worker', 'manager', 'admin'],
  'letter-templates:list': ['duty-worker', 'manager', 'admin'],
  'letter-templates:save': ['admin'],
  'letter-templates:preview': ['duty-worker', 'manager', 'admin'],
  'strategy:to-arrange': ['duty-worker', 'manager', 'chair'],
  'strategy:invite': ['duty-worker', 'manager', 'chair'],
  'strategy:invite-email': ['duty-worker', 'manager', 'chair'],
  'strategy:week-invites': ['duty-worker', 'manager', 'chair'],
  'strategy:minutes-pdf': MINUTING,
  'strategy:schedule': ['duty-worker', 'manager', 'chair'],
  'strategy:update': ['duty-worker', 'manager', 'chair'],
  'strategy:cancel': ['duty-worker', 'manager', 'chair'],
  'strategy:confirm': ['duty-worker', 'manager', 'chair'],
  'strategy:mark-held': ['duty-worker', 'manager', 'chair'],
  'strategy:add-invitee': ['duty-worker', 'manager', 'chair'],
  'strategy:remove-invitee': ['duty-worker', 'manager', 'chair'],
  'strategy:get': MINUTING,
  'strategy:list-mine': MINUTING,
  'strategy:list-for-referral': ['duty-worker', 'manager', 'chair'],
  'strategy:save-minutes': MINUTING,
  'strategy:finalise-minutes': ['duty-worker', 'manager', 'chair'],
  'strategy:amend-minutes': ['duty-worker', 'manager', 'chair'],
};

// Inputs that pass no schema, so a permitted call stops at validation and changes nothing.
const NOT_VALID = { definitelyNotAField: true };

let fx: IpcFixture;
const envs = new Map<UserRole | 'none', SessionEnv>();

beforeAll(async () => {
  fx = await ipcFixture();
  for (const role of USER_ROLES) {
    await fx.userWithRoles(`only.${role}`, [role]);
    envs.set(role, fx.as(`only.${role}`));
  }
  await fx.userWithRoles('no.role', []);
  envs.set('none', fx.as('no.role'));
});

afterAll(() => {
  fx.close();
});

describe('role matrix over every IPC channel', () => {
  it('covers every channel in the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    for (const who of [...USER_ROLES, 'none'] as const) {
      const expected = EXPECTED[channel];
      const allowed = expected === ANY_ACCOUNT || (who !== 'none' && expected.includes(who));
      it(`${channel} as ${who} → ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
        const env = envs.get(who);
        if (!env) throw new Error('missing env');
        const result = await fx.call(env, channel, NOT_VALID);
        if (allowed) {
          // Reached the schema (or, for empty-input channels, the handler): never forbidden.
          expect(result.ok ? 'ok' : result.error.code).not.toBe('FORBIDDEN');
        } else {
          expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        }
      });
    }
  }

  it('an allowed role with valid input gets data', async () => {
    const env = envs.get('duty-worker');
    if (!env) throw new Error('missing env');
    const result = await fx.call(env, 'referrals:list', { filter: 'all' });
    expect(result).toEqual({ ok: true, data: [] });
  });
});
