/**
 * @vitest-environment jsdom
 * jsdom, not the project's happy-dom: these save through the intake form's native selects, whose
 * value happy-dom 21 loses when the options render after the field registers (saves then failed
 * validation here and nowhere else).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { DraftRecord } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, okStatus } from '../fixtures';
import { fullReferral, settingsFor } from '../referral-page/referral-fixture';

function setup(overrides: FakeHandlers = {}): FakeApi {
  const settings = settingsFor(2023);
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(), settings }),
    'settings:get': () => settings,
    'referrals:get': () => fullReferral(),
    'referrals:list': () => [],
    'drafts:get': () => null,
    'drafts:list': () => [],
    'drafts:save': (input): DraftRecord => ({
      id: 'd1',
      kind: input.kind,
      key: input.key,
      data: input.data,
      updatedAt: '2026-11-24T10:00:05Z',
      version: 1,
    }),
    'drafts:discard': () => ({ discarded: true }),
    'directory:list': () => [],
    'people:match': () => [],
    'audit:list': () => [],
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}

function open(hash = '#/referrals/r1/edit'): void {
  window.location.hash = hash;
  render(<App now={() => NOW} />);
}

const concernBox = (): HTMLElement => screen.getByLabelText('What is the referrer worried about?');

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('correcting a saved referral', () => {
  it('is offered on the referral page', async () => {
    setup();
    open('#/referrals/r1');
    const link = await screen.findByRole('link', { name: 'Correct details' });
    expect(link).toHaveAttribute('href', '#/referrals/r1/edit');
  });

  it('opens the form filled from the record and saves a new version, links kept', async () => {
    const base = fullReferral();
    const fake = setup({
      'referrals:update': (input) => ({ ...base, version: input.version + 1 }),
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Correct referral REF-0001' });
    expect(concernBox()).toHaveValue(base.input.concern);
    expect(screen.getByLabelText('First name')).toHaveValue('Noah');
    expect(screen.getByLabelText('Date of birth')).toHaveValue('20/01/2012');
    fireEvent.change(concernBox(), {
      target: { value: `${base.input.concern} Bruising is on the left arm.` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    await waitFor(() => {
      expect(window.location.hash).toBe('#/referrals/r1');
    });
    const [update] = fake.callsTo('referrals:update') as ChannelInput<'referrals:update'>[];
    expect(update?.id).toBe('r1');
    expect(update?.version).toBe(base.version);
    expect(update?.referral.concern).toMatch(/left arm\.$/);
    expect(update?.referral.children[0]?.personId).toBe('p1');
    expect(update?.referral.informationSharing).toEqual(base.input.informationSharing);
    expect(fake.callsTo('drafts:discard')).toEqual([{ kind: 'referral-edit', key: 'r1' }]);
    expect(fake.callsTo('referrals:create')).toHaveLength(0);
  });

  it('shows what was recorded before the census and lawful-basis changes, and keeps it', async () => {
    const base = fullReferral();
    // A child recorded before 2024-25 with census Gender 9 (indeterminate), which Sex lacks.
    const record = {
      ...base,
      input: {
        ...base.input,
        children: base.input.children.map((c) =>
          c.status === 'born' ? { ...c, gender: '9' as const } : c,
        ),
      },
    };
    const fake = setup({
      'referrals:get': () => record,
      'referrals:update': (input) => ({ ...record, version: input.version + 1 }),
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Correct referral REF-0001' });
    // Shown as recorded, as an extra option, not changed to one of M, F or U.
    expect(screen.getByLabelText('Sex')).toHaveValue('9');
    expect(
      screen.getByRole('option', {
        name: 'Indeterminate (census gender code 9, used before 2024-25)',
      }),
    ).toBeInTheDocument();
    // The sharing decision has the single basis recorded before the split.
    expect(
      screen.getByText(
        'Recorded before the lawful basis was split into its parts: Safeguarding of children, without consent — choose the bases below',
      ),
    ).toBeVisible();
    expect(screen.getByLabelText('Lawful basis (UK GDPR Article 6)')).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    await waitFor(() => {
      expect(window.location.hash).toBe('#/referrals/r1');
    });
    const [update] = fake.callsTo('referrals:update') as ChannelInput<'referrals:update'>[];
    expect(update?.referral.children[0]).toMatchObject({ gender: '9' });
    expect(update?.referral.informationSharing).toEqual(base.input.informationSharing);
  });

  it('autosaves the correction with the version it started from', async () => {
    const fake = setup();
    open();
    await screen.findByRole('heading', { level: 1, name: 'Correct referral REF-0001' });
    fireEvent.change(concernBox(), { target: { value: 'Changed text' } });
    await waitFor(() => {
      expect(fake.callsTo('drafts:save').length).toBeGreaterThan(0);
    });
    const saved = fake.callsTo('drafts:save').at(-1) as ChannelInput<'drafts:save'>;
    expect(saved.kind).toBe('referral-edit');
    expect(saved.key).toBe('r1');
    expect(saved.data).toMatchObject({ baseVersion: fullReferral().version });
  });

  it('someone else saved first: their changes beside mine, field by field, then save', async () => {
    const base = fullReferral();
    // Sam changed the whereabouts and the concern; I change the concern too and the first name.
    const theirs = {
      ...base,
      version: base.version + 1,
      updatedAt: '2026-11-24T10:02:00Z',
      updatedBy: { id: 'u-sam', displayName: 'Sam Okafor' },
      input: {
        ...base.input,
        concern: 'Their version of the concern',
        currentWhereabouts: 'With grandmother',
      },
    };
    let current = base;
    let refuse = true;
    const fake = setup({
      'referrals:get': () => current,
      'referrals:update': (input) => {
        if (refuse) {
          refuse = false;
          current = theirs;
          throw new FakeIpcError({
            code: 'STALE',
            message: 'This referral was changed by Sam Okafor at 10:02 on 24/11/2026 — reload.',
          });
        }
        return { ...theirs, version: input.version + 1 };
      },
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Correct referral REF-0001' });
    fireEvent.change(concernBox(), { target: { value: 'My version of the concern' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    const panel = await screen.findByTestId('conflict');
    expect(panel).toHaveTextContent('Sam Okafor saved this referral at 24/11/2026 10:02');
    const row = (path: string) => panel.querySelector(`tr[data-path="${path}"]`);
    // Only they changed the whereabouts: theirs is kept. Both changed the concern: I choose.
    expect(row('currentWhereabouts')).toHaveTextContent('Theirs (only they changed it)');
    expect(row('concern')).toHaveTextContent('Their version of the concern');
    expect(row('concern')).toHaveTextContent('My version of the concern');
    expect(window.location.hash).toBe('#/referrals/r1/edit');
    expect(fake.callsTo('drafts:discard')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Use these choices' }));
    await waitFor(() => {
      expect(screen.queryByTestId('conflict')).toBeNull();
    });
    // Mine for the conflict (the default), theirs where only they changed it: no retyping.
    expect(concernBox()).toHaveValue('My version of the concern');
    expect(screen.getByLabelText('Where is the child now?')).toHaveValue('With grandmother');
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    await waitFor(() => {
      expect(fake.callsTo('referrals:update')).toHaveLength(2);
    });
    const second = fake.callsTo('referrals:update')[1] as ChannelInput<'referrals:update'>;
    // The second save goes in against their version, with both sets of changes.
    expect(second.version).toBe(theirs.version);
    expect(second.referral.concern).toBe('My version of the concern');
    expect(second.referral.currentWhereabouts).toBe('With grandmother');
  });

  it('restores a correction in progress against its original version', async () => {
    const base = fullReferral();
    const fake = setup({
      'referrals:get': () => ({ ...base, version: base.version + 3 }),
      'drafts:get': (input) =>
        input.kind === 'referral-edit'
          ? {
              id: 'd9',
              kind: 'referral-edit',
              key: 'r1',
              data: { form: { concern: 'Half-typed correction' }, baseVersion: base.version },
              updatedAt: '2026-11-24T09:58:00Z',
              version: 1,
            }
          : null,
      'referrals:update': (input) => ({ ...base, version: input.version + 1 }),
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Correct referral REF-0001' });
    expect(concernBox()).toHaveValue('Half-typed correction');
    expect(screen.getByText(/Your draft has been restored/)).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    // The draft held only the concern (an older form): the rest is empty, so the form says what
    // is missing rather than saving a half-empty referral.
    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toBeVisible();
    expect(fake.callsTo('referrals:update')).toHaveLength(0);
  });
});
