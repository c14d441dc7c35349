// The Settings page (issue 14) over a fake window.api: the whole app at #/admin/settings with an
// administrator signed in. Each setting beside its edition default and source, local policy and
// local settings marked; a change previewed in plain words before it is saved with the version;
// a bad value refused beside its field with nothing sent; someone else's save said so.
import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import type { SettingsRecord } from '../../../shared/domain/records';
import type { Edition } from '../../../shared/domain/types';
import { resolvePolicy, type PolicyOverrides } from '../../../shared/policy';
import { FakeIpcError } from '../../helpers/fake-api';
import { makeSettings, makeUser } from '../fixtures';
import { open, setup } from '../letters/templates-fixture';

const PAGE = '#/admin/settings';

function settingsWith(edition: Edition, overrides: PolicyOverrides, version = 4): SettingsRecord {
  return {
    ...makeSettings(),
    edition,
    overrides,
    policy: resolvePolicy(edition, overrides),
    version,
  };
}

function box(path: string): HTMLElement {
  const el = document.getElementById(fieldId(path));
  if (!el) throw new Error(`no field ${path}`);
  return el;
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });
const checkAndSave = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Check and save the settings' }));

async function opened(): Promise<void> {
  open(PAGE);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  await screen.findByRole('region', { name: 'Guidance edition' });
}

describe('the Settings page', () => {
  it('is in an administrator’s navigation and not a duty worker’s or a manager’s', async () => {
    setup();
    await opened();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute(
      'href',
      '#/admin/settings',
    );
  });

  it.each([['duty-worker'], ['manager']] as const)('is not offered to a %s', async (role) => {
    setup({}, { user: makeUser({ roles: [role] }) });
    open('#/rules');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Settings' })).toBeNull();
  });

  it('shows each setting beside the edition default and its source, marking local policy', async () => {
    setup(
      {},
      {
        settings: settingsWith(2018, {
          strategyDiscussionWorkingDays: 0,
          notes: { strategyDiscussionWorkingDays: 'Local procedure 4.2: same day' },
        }),
      },
    );
    await opened();
    expect(
      within(region('Guidance edition')).getByLabelText(
        /Working Together to Safeguard Children \(2018\)/,
      ),
    ).toBeChecked();

    const due = region(/Hold a strategy discussion within/);
    expect(box('overrides.strategyDiscussionWorkingDays')).toHaveValue('0');
    expect(within(due).getByText('Local policy')).toBeInTheDocument();
    expect(within(due).getByText('Local setting')).toBeInTheDocument();
    expect(
      within(due).getByText('Working Together 2018 default: 1 working day'),
    ).toBeInTheDocument();
    expect(
      within(due).getByText(/No national timescale for holding a strategy discussion/),
    ).toBeInTheDocument();
    expect(box('overrides.strategyDiscussionWorkingDays.note')).toHaveValue(
      'Local procedure 4.2: same day',
    );

    // Following the edition: no "Local policy" mark, the default "(in use)", its citation.
    const manager = region("Social worker's manager at strategy discussions");
    expect(within(manager).queryByText('Local policy')).toBeNull();
    expect(
      within(manager).getByText(
        'Working Together 2018 default: Optional (not in the minimum attendance) (in use)',
      ),
    ).toBeInTheDocument();
    expect(within(manager).getByText(/Not in this edition's minimum/)).toBeInTheDocument();
    const icpc = region(
      'Count the 15 working days to the initial child protection conference from',
    );
    expect(
      within(icpc).getByText(/WT 2018 ch.1: within 15 working days|Working Together 2018, ch.1/),
    ).toBeInTheDocument();
  });

  it('previews the change in plain words, then saves it with the version', async () => {
    const before = settingsWith(2018, {}, 4);
    const fake = setup(
      {
        'settings:preview': () => ({
          sentences: [
            "Decisions will need a manager's sign-off before they are final.",
            'Strategy discussions will need a manager invited.',
          ],
        }),
        'settings:update': (input) => ({
          ...before,
          version: 5,
          overrides: input.overrides ?? {},
          policy: resolvePolicy(2018, input.overrides ?? {}),
        }),
      },
      { settings: before },
    );
    await opened();
    fireEvent.click(
      within(region('Manager sign-off of the decision on the type of response')).getByLabelText(
        'Required',
      ),
    );
    fireEvent.click(
      within(region("Social worker's manager at strategy discussions")).getByLabelText(/^Required/),
    );
    expect(
      within(region('Manager sign-off of the decision on the type of response')).getByText(
        'Local policy',
      ),
    ).toBeInTheDocument();
    checkAndSave();
    const dialog = await screen.findByRole('dialog', { name: 'Save these changes?' });
    expect(
      within(dialog).getByText('Strategy discussions will need a manager invited.'),
    ).toBeInTheDocument();
    const expected = {
      edition: 2018,
      overrides: {
        managerSignOff: 'required',
        requiredRoles: ['social-worker', 'health', 'police', 'sw-manager'],
      },
    };
    expect(fake.callsTo('settings:preview')).toEqual([expected]);
    expect(fake.callsTo('settings:update')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the settings' }));
    await screen.findByText(/Settings saved\. Front Door uses them from now on/);
    expect(fake.callsTo('settings:update')).toEqual([{ version: 4, ...expected }]);
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    // The page now shows what was saved, as local policy.
    expect(
      within(region('Manager sign-off of the decision on the type of response')).getByText(
        'Local policy',
      ),
    ).toBeInTheDocument();
  });

  it('puts a local setting back to the edition default, keeping what it does not edit', async () => {
    const fake = setup(
      {
        'settings:preview': () => ({
          sentences: ['Office hours will be 09:00–17:00 instead of 08:00–17:00 (UK time).'],
        }),
      },
      {
        settings: settingsWith(2023, {
          officeHoursStart: '08:00',
          decisionWorkingDays: 1,
          notes: { officeHoursStart: 'Opens early' },
        }),
      },
    );
    await opened();
    const opens = region('Office hours start');
    expect(box('overrides.officeHoursStart')).toHaveValue('08:00');
    fireEvent.click(within(opens).getByRole('button', { name: /Use the edition default/ }));
    expect(box('overrides.officeHoursStart')).toHaveValue('09:00');
    expect(within(opens).queryByText('Local policy')).toBeNull();
    checkAndSave();
    await screen.findByRole('dialog', { name: 'Save these changes?' });
    expect(fake.callsTo('settings:preview')).toEqual([
      { edition: 2023, overrides: { decisionWorkingDays: 1 } },
    ]);
  });

  it('refuses a bad value beside its field and in the summary, sending nothing', async () => {
    const fake = setup();
    await opened();
    fireEvent.change(box('overrides.officeHoursEnd'), { target: { value: '25:00' } });
    fireEvent.change(box('overrides.icpcWorkingDays'), { target: { value: '20' } });
    fireEvent.change(box('organisation.marking'), { target: { value: '  ' } });
    checkAndSave();
    const summary = await screen.findByRole('alert', { name: 'The settings were not saved' });
    expect(summary).toHaveTextContent('Enter a time in 24-hour HH:mm form, for example 09:00');
    expect(summary).toHaveTextContent('Local policy can set a shorter time but not a longer one.');
    expect(box('overrides.officeHoursEnd')).toHaveAttribute('aria-invalid', 'true');
    expect(box('organisation.marking')).toHaveAccessibleDescription(
      expect.stringContaining('Enter the protective marking') as string,
    );
    expect(fake.callsTo('settings:preview')).toEqual([]);
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('under Working Together 2013 the manager stays required', async () => {
    setup({}, { settings: settingsWith(2013, {}) });
    await opened();
    const manager = region("Social worker's manager at strategy discussions");
    expect(
      within(manager).getByText(/Working Together 2013 requires the manager/),
    ).toBeInTheDocument();
    expect(within(manager).queryByLabelText(/^Optional/)).toBeNull();
    expect(
      within(manager).getByText(
        /WT 2013 ch.1 \(strategy discussion\): the social worker's manager/,
      ),
    ).toBeInTheDocument();
  });

  it('says so when someone else saved first, and shows their settings', async () => {
    let current = settingsWith(2023, {}, 4);
    const fake = setup(
      {
        'settings:get': () => current,
        'settings:preview': () => ({ sentences: ['Case holder changes.'] }),
        'settings:update': () => {
          current = settingsWith(2023, { caseHolderTerm: 'social worker' }, 5);
          throw new FakeIpcError({
            code: 'STALE',
            message:
              'This record was changed by Kim Lee at 09:58 on 23/11/2026 — reload to see their changes before saving yours.',
          });
        },
      },
      { settings: current },
    );
    await opened();
    fireEvent.click(within(region('Case holder is called')).getByLabelText('Social worker'));
    fireEvent.change(box('organisation.marking'), {
      target: { value: 'OFFICIAL-SENSITIVE: PERSONAL' },
    });
    checkAndSave();
    const dialog = await screen.findByRole('dialog', { name: 'Save these changes?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the settings' }));
    const warning = await screen.findByText(
      /someone else saved the settings while you were working/,
    );
    expect(warning).toHaveTextContent('changed by Kim Lee at 09:58');
    await waitFor(() => {
      expect(box('organisation.marking')).toHaveValue('OFFICIAL-SENSITIVE');
    });
    expect(within(region('Case holder is called')).getByText('Local policy')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toHaveLength(1);
  });

  it('asks before leaving with unsaved changes', async () => {
    setup();
    await opened();
    fireEvent.change(box('overrides.seeChildWithinHours'), { target: { value: '12' } });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Organisation' }));
    const ask = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Stay and keep editing' }));
    expect(box('overrides.seeChildWithinHours')).toHaveValue('12');
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    fireEvent.click(within(nav).getByRole('link', { name: 'Organisation' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole(
        'button',
        { name: 'Leave and lose my changes' },
      ),
    );
    await screen.findByRole('heading', { level: 1, name: 'Organisation' });
  });
});
