import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import { FakeIpcError } from '../../helpers/fake-api';
import { CHAIR, completeMinutes, discussion, minutesVersion } from './minutes-fixture';
import { closest, setup, type } from './minutes-render';

describe('the minutes panel: finalising, versions and the PDF', () => {
  it('finalises after the chair confirms; the minutes are then read-only', async () => {
    const d = discussion({ minutes: [minutesVersion(1, completeMinutes(), { version: 4 })] });
    const finalised = discussion({
      status: 'minutes-finalised',
      version: 4,
      minutes: [
        minutesVersion(1, completeMinutes(), {
          status: 'finalised',
          version: 5,
          finalisedAt: '2026-11-24T10:30:00.000Z',
          finalisedBy: CHAIR,
        }),
      ],
    });
    const { fake, onChanged } = setup(d, {
      'strategy:save-minutes': (input) => minutesVersion(1, input.minutes, { version: 5 }),
      'strategy:finalise-minutes': () => finalised,
    });
    fireEvent.click(await screen.findByText('Finalise the minutes'));
    const dialog = closest(await screen.findByText('Finalise version 1 of the minutes?'), 'dialog');
    expect(dialog).toHaveTextContent('The minutes will be locked');
    fireEvent.click(within(dialog).getByText('Finalise and lock the minutes'));
    await screen.findByText(/finalised by Sam Patel on 24\/11\/2026 10:30/);
    expect(fake.callsTo('strategy:finalise-minutes')).toEqual([
      expect.objectContaining({ id: 'sd1', minutesVersion: 5 }),
    ]);
    expect(onChanged).toHaveBeenCalled();
    // Locked: no form fields, the minutes as text, and the way to amend.
    expect(document.getElementById(fieldId('reason'))).toBeNull();
    expect(screen.getByTestId('minutes-read-1')).toHaveTextContent('Bruising seen at school.');
    expect(screen.getByTestId('minutes-read-1')).toHaveTextContent('Joint with the police');
    expect(screen.getByText('Amend the minutes')).toBeInTheDocument();
  });

  it('an amendment says what changed and why and makes version 2; version 1 stays readable', async () => {
    const v1 = minutesVersion(1, completeMinutes(), {
      status: 'finalised',
      finalisedAt: '2026-11-24T10:30:00.000Z',
      finalisedBy: CHAIR,
    });
    const v2 = minutesVersion(2, completeMinutes(), {
      id: 'm2',
      amendment: { whatChanged: 'The ABE date', why: 'The police moved it' },
    });
    const { fake } = setup(discussion({ status: 'minutes-finalised', minutes: [v1] }), {
      'strategy:amend-minutes': () =>
        discussion({ status: 'minutes-finalised', version: 4, minutes: [v1, v2] }),
    });
    fireEvent.click(await screen.findByText('Amend the minutes'));
    const dialog = closest(
      await screen.findByText('Amend the minutes', { selector: 'h2' }),
      'dialog',
    );
    fireEvent.click(within(dialog).getByText('Start version 2'));
    expect(await within(dialog).findByText('Say what the amendment changes')).toBeInTheDocument();
    type('amendment.whatChanged', 'The ABE date');
    type('amendment.why', 'The police moved it');
    fireEvent.click(within(dialog).getByText('Start version 2'));
    await screen.findByText(/Version 2 \(amendment\) · draft/);
    expect(fake.callsTo('strategy:amend-minutes')).toEqual([
      {
        id: 'sd1',
        version: 3,
        amendment: { whatChanged: 'The ABE date', why: 'The police moved it' },
      },
    ]);
    // Version 2 is a draft in the form, filled from version 1.
    expect(document.getElementById(fieldId('reason'))).toHaveValue('Bruising seen at school.');
    fireEvent.click(screen.getByText('Show version 1'));
    expect(screen.getByTestId('minutes-read-1')).toHaveTextContent('Noah said he was scared');
  });

  it('downloads the PDF of any version and says where it went', async () => {
    const v1 = minutesVersion(1, completeMinutes(), {
      status: 'finalised',
      finalisedAt: '2026-11-24T10:30:00.000Z',
      finalisedBy: CHAIR,
    });
    const { fake } = setup(discussion({ status: 'minutes-finalised', minutes: [v1] }), {
      'strategy:minutes-pdf': ({ number }) => ({
        document: {} as never,
        outcome: {
          kind: 'saved',
          location: `/home/sam/Documents/FD-2026-000123-minutes-v${String(number)}.pdf`,
        },
      }),
    });
    fireEvent.click(await screen.findByText('Download minutes (PDF)'));
    await waitFor(() => {
      expect(screen.getByTestId('minutes-hand-over')).toHaveTextContent(
        'Saved to /home/sam/Documents/FD-2026-000123-minutes-v1.pdf',
      );
    });
    expect(fake.callsTo('strategy:minutes-pdf')).toEqual([{ id: 'sd1', number: 1 }]);
  });

  it('stops autosaving and says so when someone else saved first', async () => {
    setup(discussion(), {
      'strategy:save-minutes': () => {
        throw new FakeIpcError({
          code: 'STALE',
          message: 'This record was changed by Priya Shah at 10:04 — reload to see their changes.',
        });
      },
    });
    await screen.findByText('Finalise the minutes');
    type('reason', 'Bruising.');
    expect(await screen.findByText('Someone else saved these minutes')).toBeInTheDocument();
    expect(screen.getByText('Load the latest minutes')).toBeInTheDocument();
  });
});
