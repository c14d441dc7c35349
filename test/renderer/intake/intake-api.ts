// The fake main process the intake screens talk to in renderer tests: an empty queue and
// directory, drafts that save, and no existing records unless a test gives some.
import type { DraftRecord } from '../../../shared/domain/records';
import { createFakeApi, type FakeApi } from '../../helpers/fake-api';
import { filterQueue, makeSession, makeSettings, okStatus } from '../fixtures';

export function setupIntakeApi(handlers: Parameters<typeof createFakeApi>[0] = {}): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(),
    'settings:get': () => makeSettings(),
    'referrals:list': ({ filter }) => filterQueue(filter),
    'drafts:list': () => [],
    'drafts:get': () => null,
    'drafts:save': (input): DraftRecord => ({
      id: 'd1',
      kind: 'referral',
      key: input.key,
      data: input.data,
      updatedAt: '2026-11-24T10:00:05Z',
      version: 1,
    }),
    'directory:list': () => [],
    'people:match': () => [],
    'people:known-adults': () => [],
    ...handlers,
  });
  window.api = fake.api;
  return fake;
}
