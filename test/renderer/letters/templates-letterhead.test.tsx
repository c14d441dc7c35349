import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import type { SettingsRecord } from '../../../shared/domain/records';
import { FakeIpcError } from '../../helpers/fake-api';
import { makeSettings } from '../fixtures';
import { open, setup } from './templates-fixture';

/** A real (1×1 pixel) PNG, so the data URL is what a browser makes of a logo file. */
const PNG_BYTES = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

function settingsWith(organisation: Partial<SettingsRecord['organisation']>): SettingsRecord {
  const s = makeSettings();
  return { ...s, version: 7, organisation: { ...s.organisation, ...organisation } };
}

function chooseFile(file: File): void {
  const input = screen.getByTestId('logo-file');
  fireEvent.change(input, { target: { files: [file] } });
}

function text(path: string): HTMLElement {
  const el = document.getElementById(fieldId(path));
  if (!el) throw new Error(`no field ${path}`);
  return el;
}

describe('the letterhead', () => {
  it('refuses a logo over 300 KB, saying so beside the field, and saves nothing', async () => {
    const fake = setup();
    open();
    const section = await screen.findByRole('region', { name: 'Letterhead' });
    await within(section).findByRole('button', { name: 'Choose a logo' });
    chooseFile(new File([new Uint8Array(420_000)], 'crest.png', { type: 'image/png' }));
    const message =
      'The logo must be 300 KB or smaller; crest.png is 420 KB. Make it smaller and choose it again.';
    expect(await within(section).findByText(message)).toBeInTheDocument();
    expect(text('organisation.logo')).toHaveAccessibleDescription(message);
    expect(screen.queryByTestId('logo-preview')).toBeNull();
    // A file that is not a PNG or JPEG is refused too.
    chooseFile(new File(['GIF89a'], 'crest.gif', { type: 'image/gif' }));
    await within(section).findByText(
      'crest.gif is not a PNG or JPEG image. Choose a PNG or JPEG file.',
    );
    // Save stops at the error: the summary names it and nothing is sent.
    fireEvent.click(within(section).getByRole('button', { name: 'Save the letterhead' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('crest.gif is not a PNG or JPEG image.');
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('saves the contact line, signatory and logo, keeping the other organisation details', async () => {
    const before = settingsWith({ contactLine: 'Call us', inviteInitials: true });
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
    open();
    const section = await screen.findByRole('region', { name: 'Letterhead' });
    await waitFor(() => {
      expect(text('organisation.contactLine')).toHaveValue('Call us');
    });
    // The name and address come from the organisation settings and are shown, not edited here.
    expect(within(section).getByTestId('letterhead-organisation')).toHaveTextContent(
      'From the organisation settings: Exampleshire Council Children’s Services · 1 Civic Way · 01234 567890 · mash@example.org',
    );
    fireEvent.change(text('organisation.contactLine'), {
      target: { value: 'Call 0300 123 4567, 8.30am to 5pm, Monday to Friday' },
    });
    fireEvent.change(text('organisation.signatory'), { target: { value: 'Jo Bloggs' } });
    fireEvent.change(text('organisation.signatoryRole'), {
      target: { value: 'Team Manager, Front Door' },
    });
    chooseFile(new File([PNG_BYTES], 'crest.png', { type: 'image/png' }));
    const thumb = await within(section).findByRole('img', {
      name: 'The letterhead logo as it will be printed',
    });
    expect(thumb.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    fireEvent.click(within(section).getByRole('button', { name: 'Save the letterhead' }));
    await within(section).findByText('Letterhead saved. Letters made from now on use it.');
    const sent = fake.callsTo('settings:update');
    expect(sent).toEqual([
      {
        version: 7,
        organisation: {
          ...before.organisation,
          contactLine: 'Call 0300 123 4567, 8.30am to 5pm, Monday to Friday',
          signatory: 'Jo Bloggs',
          signatoryRole: 'Team Manager, Front Door',
          logo: thumb.getAttribute('src'),
        },
      },
    ]);
  });

  it('removes the logo, and shows the main process’s errors beside their fields', async () => {
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
    open();
    const section = await screen.findByRole('region', { name: 'Letterhead' });
    await within(section).findByTestId('logo-preview');
    fireEvent.click(within(section).getByRole('button', { name: 'Remove the logo' }));
    expect(within(section).getByText('No logo: letters are printed without one.')).toBeVisible();
    fireEvent.click(within(section).getByRole('button', { name: 'Save the letterhead' }));
    await waitFor(() => {
      expect(text('organisation.signatory')).toHaveAccessibleDescription(
        'Enter the name of who signs the letters',
      );
    });
    const [sent] = fake.callsTo('settings:update') as [{ organisation: object }];
    expect(sent.organisation).not.toHaveProperty('logo');
    expect(sent.organisation).toEqual({
      name: before.organisation.name,
      address: before.organisation.address,
      phone: before.organisation.phone,
      email: before.organisation.email,
      marking: before.organisation.marking,
    });
  });

  it('says so when the settings were changed by someone else first', async () => {
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
    open();
    const section = await screen.findByRole('region', { name: 'Letterhead' });
    fireEvent.change(await within(section).findByLabelText('Who signs the letters'), {
      target: { value: 'Jo Bloggs' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Save the letterhead' }));
    expect(
      await within(section).findByText(/Kim Lee changed the settings at 09:58/),
    ).toHaveTextContent('Your letterhead is still below');
    expect(text('organisation.signatory')).toHaveValue('Jo Bloggs');
  });
});
