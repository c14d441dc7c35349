// The fake main process the decision screen needs: a 2013 or 2023 referral awaiting a decision,
// no draft yet, drafts saved and discarded as the real channels answer. Tests add or replace
// handlers (a child's record, a server refusal).
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, okStatus } from '../fixtures';
import { fullReferral, settingsFor } from '../referral-page/referral-fixture';

export function decisionScreenApi(edition: 2013 | 2023, overrides: FakeHandlers = {}): FakeApi {
  const settings = settingsFor(edition);
  return createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(), settings }),
    'settings:get': () => settings,
    'referrals:get': () => fullReferral(),
    'drafts:get': () => null,
    'drafts:save': ({ key, data }) => ({
      id: 'dr1',
      kind: 'decision',
      key,
      data,
      updatedAt: NOW.toISOString(),
      version: 1,
    }),
    'drafts:discard': () => ({ discarded: true }),
    'audit:list': () => [],
    ...overrides,
  });
}
