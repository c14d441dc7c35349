// "A control is hidden exactly when the call would be refused" (issue 14), driven from the
// contract: for every role, each control on the referral page and the queue is visible exactly
// when canCall(channel, user) says the main process would allow the call it makes.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { AppUser, QueuePage, ReferralRecord } from '../../../shared/domain/records';
import { USER_ROLES, type UserRole } from '../../../shared/domain/types';
import { canCall } from '../../../shared/ipc/access';
import type { Channel } from '../../../shared/ipc/contract';
import { createFakeApi, type FakeApi } from '../../helpers/fake-api';
import { NOW, makeSession, makeUser, okStatus } from '../fixtures';
import { decidedRecord, fullReferral, settingsFor } from '../referral-page/referral-fixture';
import { referralLetters } from '../letters/referral-letters-fixture';

type Control = { channel: Channel; find: () => HTMLElement | null; what: string };

const button = (name: string) => () => screen.queryByRole('button', { name });
const link = (name: string) => () => screen.queryByRole('link', { name });
const region = (name: string) => () => screen.queryByRole('region', { name });

function userWith(role: UserRole): AppUser {
  // Not the one who recorded the decision (u-other), so a manager may sign it off.
  return makeUser({ roles: [role], displayName: `Only ${role}` });
}

function setup(user: AppUser, referral: ReferralRecord): FakeApi {
  const settings = settingsFor(2023);
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(user), settings }),
    'settings:get': () => settings,
    'referrals:get': () => referral,
    'audit:list': () => [],
    'drafts:get': () => null,
    'drafts:list': () => [],
    'strategy:list-for-referral': () => [],
    'strategy:list-mine': () => ({ scope: 'team', upcoming: [], toMinute: [], toFinalise: [] }),
    'strategy:to-arrange': () => [],
    'letters:for-referral': () => referralLetters(),
    'referrals:queue': (): QueuePage => ({ rows: [], total: 0 }),
    'users:list': () => [user],
  });
  window.api = fake.api;
  return fake;
}

async function openReferral(user: AppUser, referral: ReferralRecord): Promise<void> {
  setup(user, referral);
  window.location.hash = '#/referrals/r1';
  render(<App now={() => NOW} />);
  await screen.findByRole('heading', { level: 1, name: 'Noah Birch' });
}

function expectControls(user: AppUser, controls: readonly Control[]): void {
  const seen = controls.map((c) => ({ what: c.what, shown: c.find() !== null }));
  const allowed = controls.map((c) => ({ what: c.what, shown: canCall(c.channel, user) }));
  expect(seen).toEqual(allowed);
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('controls follow the contract, role by role', () => {
  it('the contract gives each role a different set of these controls', () => {
    // Guards the test itself: if every role saw the same, it could not tell shown from hidden.
    const sets = USER_ROLES.map((r) =>
      (['decisions:record', 'decisions:sign-off', 'letters:for-referral', 'audit:list'] as const)
        .map((c) => canCall(c, userWith(r)))
        .join(),
    );
    expect(new Set(sets).size).toBeGreaterThanOrEqual(4);
  });

  for (const role of USER_ROLES) {
    it(`referral awaiting a decision, as ${role}`, async () => {
      const user = userWith(role);
      await openReferral(user, fullReferral({ assignedTo: null }));
      // The letters and audit sections appear at once; wait for the page to settle on them.
      await waitFor(() => {
        expectControls(user, [
          { what: 'Record decision', channel: 'decisions:record', find: link('Record decision') },
          { what: 'Correct details', channel: 'referrals:update', find: link('Correct details') },
          {
            what: 'Save referral as PDF',
            channel: 'referrals:export-pdf',
            find: button('Save referral as PDF'),
          },
          { what: 'Assign to me', channel: 'referrals:assign', find: button('Assign to me') },
          {
            what: 'Add significant event',
            channel: 'referrals:add-event',
            find: button('Add significant event'),
          },
          {
            what: 'Letters section',
            channel: 'letters:for-referral',
            find: region('Letters to the referrer'),
          },
          {
            what: 'Audit section',
            channel: 'audit:list',
            find: region('Who has viewed and changed this'),
          },
        ]);
      });
    });

    it(`referral awaiting sign-off, as ${role}`, async () => {
      const user = userWith(role);
      await openReferral(
        user,
        fullReferral({
          status: 'awaiting-sign-off',
          decisions: [decidedRecord('awaiting-sign-off')],
        }),
      );
      await waitFor(() => {
        expectControls(user, [
          {
            what: 'Manager sign-off',
            channel: 'decisions:sign-off',
            find: region('Manager sign-off'),
          },
          { what: 'Record progress', channel: 'progress:record', find: button('Record progress') },
          {
            what: 'Schedule a strategy discussion',
            channel: 'strategy:schedule',
            find: link('Schedule a strategy discussion'),
          },
        ]);
      });
    });

    it(`the home screen, as ${role}`, async () => {
      const user = userWith(role);
      const fake = setup(user, fullReferral());
      window.location.hash = '#/';
      render(<App now={() => NOW} />);
      if (!canCall('referrals:queue', user)) {
        // No queue for this role: home is the first screen they may use, never a refusal.
        await screen.findByRole('heading', { level: 1, name: 'My strategy discussions' });
        expect(fake.callsTo('referrals:queue')).toHaveLength(0);
        return;
      }
      await waitFor(() => {
        expect(fake.callsTo('referrals:queue').length).toBeGreaterThan(0);
      });
      expect(link('New referral')() !== null).toBe(canCall('referrals:create', user));
      expect(screen.queryByRole('combobox', { name: /Find a child or referral/ }) !== null).toBe(
        canCall('search:all', user),
      );
      // Hidden panels make no call: their call would have been refused.
      expect(fake.callsTo('strategy:to-arrange').length > 0).toBe(
        canCall('strategy:to-arrange', user),
      );
      expect(fake.callsTo('drafts:list').length > 0).toBe(canCall('drafts:list', user));
    });
  }
});
