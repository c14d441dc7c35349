import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { FakeIpcError } from '../../helpers/fake-api';
import { makeUser } from '../fixtures';
import { completeMinutes, discussion, minutesVersion } from './minutes-fixture';
import { closest, setup, type } from './minutes-render';

type SaveInput = ChannelInput<'strategy:save-minutes'>;

describe('the minutes panel: writing the minutes', () => {
  it('autosaves the draft as you type, each save with the version the last one returned', async () => {
    const { fake } = setup(discussion());
    await screen.findByText('Finalise the minutes');
    type('reason', 'Bruising seen at school.');
    await screen.findByText('Draft saved at 10:05');
    type('risks', 'Unexplained injury.');
    await waitFor(() => {
      expect(fake.callsTo('strategy:save-minutes')).toHaveLength(2);
    });
    const [first, second] = fake.callsTo('strategy:save-minutes') as SaveInput[];
    expect(first).toMatchObject({ id: 'sd1', minutesVersion: null });
    expect(first?.minutes.reason).toBe('Bruising seen at school.');
    expect(second).toMatchObject({ minutesVersion: 1 });
    expect(second?.minutes).toMatchObject({
      reason: 'Bruising seen at school.',
      risks: 'Unexplained injury.',
    });
  });

  it('warns where a required agency did not attend and asks why', async () => {
    setup(discussion());
    const card = await screen.findByTestId('attendance-inv-health');
    fireEvent.click(within(card).getByLabelText('Did not attend'));
    expect(within(card).getByTestId('required-absent')).toHaveTextContent('covers a required role');
    expect(within(card).getByLabelText('Why they were absent')).toBeInTheDocument();
    // An optional invitee is asked too, but it is optional and not flagged.
    const school = screen.getByTestId('attendance-inv-school');
    fireEvent.click(within(school).getByLabelText('Sent apologies'));
    expect(within(school).queryByTestId('required-absent')).toBeNull();
    expect(within(school).getByLabelText('Why they were absent (optional)')).toBeInTheDocument();
  });

  it('shows every problem in the summary and beside its field when finalising too early', async () => {
    const { fake } = setup(discussion());
    fireEvent.click(await screen.findByText('Finalise the minutes'));
    const summary = closest(await screen.findByText('There is a problem'), 'alert');
    expect(summary).toHaveTextContent('Enter why the discussion was held');
    expect(summary).toHaveTextContent('Say whether a section 47 enquiry is to start');
    const s47 = document.getElementById(fieldId('decision.s47'))?.closest('fieldset');
    expect(s47).toHaveTextContent('Error: Say whether a section 47 enquiry is to start');
    expect(fake.callsTo('strategy:finalise-minutes')).toHaveLength(0);
  });

  it('puts the main process’s refusal beside the field it is about', async () => {
    const d = discussion({ minutes: [minutesVersion(1, completeMinutes())] });
    setup(d, {
      'strategy:finalise-minutes': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'Check the minutes',
          fieldErrors: {
            'minutes.actions.0.due': '26/11/2026 is not a working day: choose a working day',
          },
        });
      },
    });
    fireEvent.click(await screen.findByText('Finalise the minutes'));
    const dialog = closest(await screen.findByText('Finalise and lock the minutes'), 'dialog');
    fireEvent.click(within(dialog).getByText('Finalise and lock the minutes'));
    const summary = closest(await screen.findByText('There is a problem'), 'alert');
    expect(summary).toHaveTextContent('26/11/2026 is not a working day');
    const due = document.getElementById(fieldId('actions.0.due'));
    expect(due).toHaveAttribute('aria-invalid', 'true');
    expect(due?.closest('.MuiFormControl-root')).toHaveTextContent(
      'Error: 26/11/2026 is not a working day',
    );
  });

  it('only the chair or a manager is offered Finalise', async () => {
    setup(discussion(), {}, makeUser({ roles: ['duty-worker'] }));
    expect(
      await screen.findByText(/Only the chair \(Sam Patel\) or a manager can finalise/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Finalise the minutes')).toBeNull();
  });
});
