import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { ProgressEventInput, ProgressEventRecord } from '../../../shared/progress';
import { createFakeApi, FakeIpcError, type FakeApi } from '../../helpers/fake-api';
import { NOW, makeSession, okStatus } from '../fixtures';
import { decidedRecord, fullReferral, settingsFor } from './referral-fixture';

function entry(id: string, event: ProgressEventInput): ProgressEventRecord {
  return {
    id,
    event,
    recordedAt: '2026-11-24T09:55:00Z',
    recordedBy: { id: 'u-duty', displayName: 'Dana Wilson' },
    withdrawn: null,
  };
}

/** A decided strategy-discussion referral whose progress grows as the fake records entries. */
function setup(initial: ProgressEventRecord[] = []): FakeApi {
  const settings = settingsFor(2023);
  let progress = initial;
  const record = (): ReferralRecord =>
    fullReferral({ status: 'decided', decisions: [decidedRecord('final')], progress });
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(), settings }),
    'settings:get': () => settings,
    'referrals:get': () => record(),
    'audit:list': () => [],
    'progress:record': ({ event }) => {
      if (event.kind === 's47-outcome' && progress.length === 0) {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'Check the entry',
          fieldErrors: { 'event.kind': 'Record the section 47 enquiry first' },
        });
      }
      progress = [...progress, entry(`e${String(progress.length + 1)}`, event)];
      return record();
    },
  });
  window.api = fake.api;
  return fake;
}

function open(): void {
  window.location.hash = '#/referrals/r1';
  render(<App now={() => NOW} />);
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('what has happened, and the clocks that follow it', () => {
  it('records a strategy discussion that starts a s47 enquiry; the conference waits for the outcome', async () => {
    const fake = setup();
    open();
    const section = await screen.findByRole('region', { name: 'Progress since the decision' });
    fireEvent.click(within(section).getByRole('button', { name: 'Record progress' }));
    // Every error at once, beside its field and in the summary.
    fireEvent.click(within(section).getByRole('button', { name: 'Record' }));
    // In the summary and beside the field.
    expect(await within(section).findAllByText('Select what happened')).toHaveLength(2);

    fireEvent.mouseDown(within(section).getByLabelText('What happened'));
    fireEvent.click(await screen.findByRole('option', { name: 'Strategy discussion held' }));
    fireEvent.change(within(section).getByLabelText('Date'), { target: { value: '24/11/2026' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Record' }));
    const summary = await within(section).findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent(
      'Say whether the discussion decided to start a section 47 enquiry',
    );
    expect(fake.callsTo('progress:record')).toHaveLength(0);

    fireEvent.click(
      within(
        within(section).getByRole('group', { name: /start a section 47 enquiry/ }),
      ).getByLabelText('Yes'),
    );
    fireEvent.click(within(section).getByLabelText('Joint with the police'));
    fireEvent.click(within(section).getByRole('button', { name: 'Record' }));
    expect(
      await within(section).findByText(
        'Recorded: 24/11/2026: strategy discussion. Section 47 enquiry to start (joint with the police).',
      ),
    ).toBeVisible();
    const [input] = fake.callsTo('progress:record') as ChannelInput<'progress:record'>[];
    expect(input?.event).toEqual({
      kind: 'strategy-discussion',
      date: '2026-11-24',
      s47: 'yes',
      s47Type: 'joint-with-police',
    });
    const clocks = screen.getByRole('region', { name: 'Clocks' });
    const icpc = clocks.querySelector('[data-clock="icpc"]');
    expect(icpc).toHaveTextContent(
      'Starts if the section 47 enquiry finds the child likely to suffer significant harm.',
    );
    // 15 working days from Tuesday 24/11/2026.
    expect(icpc).toHaveTextContent('Would be due Tue 15/12/2026');
    expect(icpc).toHaveTextContent('Not started');
  });

  it('an enquiry that found no likely significant harm: the conference is not required', async () => {
    setup([
      entry('e1', {
        kind: 'strategy-discussion',
        date: '2026-11-24',
        s47: 'yes',
        s47Type: 'single-agency',
      }),
      entry('e2', { kind: 's47-started', date: '2026-11-24' }),
      entry('e3', { kind: 's47-outcome', date: '2026-11-24', outcome: 'not-substantiated' }),
    ]);
    open();
    const clocks = await screen.findByRole('region', { name: 'Clocks' });
    const icpc = clocks.querySelector('[data-clock="icpc"]');
    expect(icpc).toHaveTextContent('Not required');
    expect(icpc).toHaveTextContent('concerns not substantiated. No conference is needed.');
    expect(clocks.querySelector('[data-clock="first-core-group"]')).toBeNull();
  });

  it('shows a server refusal beside the field', async () => {
    setup();
    open();
    const section = await screen.findByRole('region', { name: 'Progress since the decision' });
    fireEvent.click(within(section).getByRole('button', { name: 'Record progress' }));
    fireEvent.mouseDown(within(section).getByLabelText('What happened'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Outcome of the section 47 enquiry' }),
    );
    fireEvent.change(within(section).getByLabelText('Date'), { target: { value: '24/11/2026' } });
    fireEvent.click(within(section).getByLabelText(/Concerns not substantiated/));
    fireEvent.click(within(section).getByRole('button', { name: 'Record' }));
    // The form's own check already knows the enquiry must come first.
    expect(
      await within(section).findAllByText(/Record the section 47 enquiry first/),
    ).not.toHaveLength(0);
  });
});
