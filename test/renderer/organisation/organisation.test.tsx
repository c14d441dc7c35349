// The Organisation page (issue 14) over a fake window.api: the whole app at #/admin/organisation
// with an administrator signed in. Name, address, phone, team mailbox and the letterhead (moved
// here from the templates page) in one form, saved with 'settings:update' keeping the details set
// elsewhere (marking, invite initials); errors beside their fields and in the summary.
import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import type { SettingsRecord } from '../../../shared/domain/records';
import { FakeIpcError } from '../../helpers/fake-api';
import { makeSettings, makeUser } from '../fixtures';
import { open, setup } from '../letters/templates-fixture';

/** A real (1×1 pixel) PNG, so the data URL is what a browser makes of a logo file. */
const PNG_BYTES = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

const PAGE = '#/admin/organisation';

function settingsWith(organisation: Partial<SettingsRecord['organisation']>): SettingsRecord {
  const s = makeSettings();
  return { ...s, version: 7, organisation: { ...s.organisation, ...organisation } };
}

function chooseFile(file: File): void {
  fireEvent.change(screen.getByTestId('logo-file'), { target: { files: [file] } });
}

function box(path: string): HTMLElement {
  const el = document.getElementById(fieldId(path));
  if (!el) throw new Error(`no field ${path}`);
  return el;
}

const type = (path: string, value: string): void => {
  fireEvent.change(box(path), { target: { value } });
};

const saveButton = () => screen.getByRole('button', { name: 'Save the organisation details' });

describe('the Organisation page', () => {
  it('is in an administrator’s navigation and not a duty worker’s', async () => {
    setup();
    open(PAGE);
    await screen.findByRole('heading', { level: 1, name: 'Organisation' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Organisation' })).toBeInTheDocument();
    expect(
      within(nav).getByRole('link', { name: 'Closure days and bank holidays' }),
    ).toBeInTheDocument();
  });

  it('is not offered to a duty worker', async () => {
    setup({}, { user: makeUser({ roles: ['duty-worker'] }) });
    open('#/letters/templates');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Organisation' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Closure days and bank holidays' })).toBeNull();
  });

  it('saves the details and the letterhead, keeping the marking and invite initials', async () => {
    const before = settingsWith({
      contactLine: 'Call us',
      inviteInitials: true,
      marking: 'OFFICIAL-SENSITIVE: PERSONAL',
    });
    const fake = setup(
      {
        'settings:update': (input) => ({
          ...before,
          version: 8,
          organisation: input.organisation ?? before.organisation,
        }),
      },
      { settings: before },
    );
    open(PAGE);
    await screen.findByRole('heading', { level: 1, name: 'Organisation' });
    await waitFor(() => {
      expect(box('organisation.contactLine')).toHaveValue('Call us');
    });
    expect(screen.getByLabelText(/Team mailbox/)).toHaveValue(before.organisation.email);
    type('organisation.name', '  Exampleshire Council Children’s Services Front Door ');
    type('organisation.address', '1 Civic Way\n\n  Exampletown\nEX1 1AA  ');
    type('organisation.phone', '0300 123 4567');
    type('organisation.email', 'frontdoor@exampleshire.gov.uk');
    type('organisation.signatory', 'Jo Bloggs');
    type('organisation.signatoryRole', 'Team Manager, Front Door');
    type('organisation.contactLine', '');
    const letterhead = screen.getByRole('region', { name: 'Letterhead' });
    chooseFile(new File([PNG_BYTES], 'crest.png', { type: 'image/png' }));
    const thumb = await within(letterhead).findByRole('img', {
      name: 'The letterhead logo as it will be printed',
    });
    fireEvent.click(saveButton());
    await screen.findByText(
      'Organisation details saved. Letters and documents made from now on use them.',
    );
    expect(fake.callsTo('settings:update')).toEqual([
      {
        version: 7,
        organisation: {
          name: 'Exampleshire Council Children’s Services Front Door',
          address: '1 Civic Way\nExampletown\nEX1 1AA',
          phone: '0300 123 4567',
          email: 'frontdoor@exampleshire.gov.uk',
          // Set on the Settings page: sent back exactly as they were.
          marking: 'OFFICIAL-SENSITIVE: PERSONAL',
          inviteInitials: true,
          signatory: 'Jo Bloggs',
          signatoryRole: 'Team Manager, Front Door',
          logo: thumb.getAttribute('src'),
        },
      },
    ]);
  });

  it('checks the name and mailbox beside each field and in the summary, sending nothing', async () => {
    const fake = setup();
    open(PAGE);
    await screen.findByLabelText(/Organisation name/);
    type('organisation.name', '   ');
    type('organisation.email', 'frontdoor at exampleshire');
    type('organisation.phone', '0'.repeat(51));
    fireEvent.click(saveButton());
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('Enter the organisation name');
    expect(summary).toHaveTextContent(
      'Enter the team mailbox as an email address, for example frontdoor@exampleshire.gov.uk',
    );
    expect(summary).toHaveTextContent('Phone: keep it to 50 characters or fewer.');
    expect(box('organisation.email')).toHaveAccessibleDescription(
      'Enter the team mailbox as an email address, for example frontdoor@exampleshire.gov.uk',
    );
    expect(box('organisation.name')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('refuses a logo over 300 KB or not PNG/JPEG beside the field, and removes a logo', async () => {
    const before = settingsWith({ logo: 'data:image/png;base64,iVBORw0KGgo=' });
    const fake = setup(
      {
        'settings:update': () => {
          throw new FakeIpcError({
            code: 'VALIDATION',
            message: 'Check the settings',
            fieldErrors: { 'organisation.signatory': 'Enter the name of who signs the letters' },
          });
        },
      },
      { settings: before },
    );
    open(PAGE);
    const letterhead = await screen.findByRole('region', { name: 'Letterhead' });
    await within(letterhead).findByTestId('logo-preview');
    chooseFile(new File([new Uint8Array(420_000)], 'crest.png', { type: 'image/png' }));
    const big =
      'The logo must be 300 KB or smaller; crest.png is 420 KB. Make it smaller and choose it again.';
    expect(await within(letterhead).findByText(big)).toBeInTheDocument();
    expect(box('organisation.logo')).toHaveAccessibleDescription(big);
    // The logo in use stays until a good one is chosen.
    expect(within(letterhead).getByTestId('logo-preview')).toBeInTheDocument();
    chooseFile(new File(['GIF89a'], 'crest.gif', { type: 'image/gif' }));
    await within(letterhead).findByText(
      'crest.gif is not a PNG or JPEG image. Choose a PNG or JPEG file.',
    );
    fireEvent.click(saveButton());
    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toHaveTextContent(
      'crest.gif is not a PNG or JPEG image.',
    );
    expect(fake.callsTo('settings:update')).toEqual([]);

    fireEvent.click(within(letterhead).getByRole('button', { name: 'Remove the logo' }));
    expect(within(letterhead).getByText('No logo: letters are printed without one.')).toBeVisible();
    // Removing the logo clears its refusal: this save goes to the main process, which refuses it.
    chooseFile(new File([PNG_BYTES], 'crest.png', { type: 'image/png' }));
    await within(letterhead).findByTestId('logo-preview');
    fireEvent.click(within(letterhead).getByRole('button', { name: 'Remove the logo' }));
    fireEvent.click(saveButton());
    await waitFor(() => {
      expect(box('organisation.signatory')).toHaveAccessibleDescription(
        'Enter the name of who signs the letters',
      );
    });
    const [sent] = fake.callsTo('settings:update') as [{ organisation: object }];
    expect(sent.organisation).not.toHaveProperty('logo');
  });

  it('says so when someone else saved first, keeping what was typed', async () => {
    setup(
      {
        'settings:update': () => {
          throw new FakeIpcError({
            code: 'STALE',
            message: 'Kim Lee changed the settings at 09:58, after you opened them.',
          });
        },
      },
      { settings: settingsWith({}) },
    );
    open(PAGE);
    fireEvent.change(await screen.findByLabelText('Who signs the letters'), {
      target: { value: 'Jo Bloggs' },
    });
    fireEvent.click(saveButton());
    expect(await screen.findByText(/Kim Lee changed the settings at 09:58/)).toHaveTextContent(
      'Your changes are still below',
    );
    expect(box('organisation.signatory')).toHaveValue('Jo Bloggs');
    fireEvent.click(screen.getByRole('button', { name: 'Use the saved details' }));
    expect(box('organisation.signatory')).toHaveValue('');
  });
});
