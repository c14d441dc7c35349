// The referral page's "Letters to the referrer" section (issue 13), in jsdom with a fake main
// process: who was told and how, letters due (overdue in words), letters made with how they were
// sent, download exactly as made, "Mark sent"; and for an anonymous referrer only the reason no
// letter is offered, with its source, and nothing to press.

import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { ReferralLetters } from '../../../shared/domain/letters';
import type { ChannelInput } from '../../../shared/ipc/contract';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW } from '../fixtures';
import { fullReferral } from '../referral-page/referral-fixture';
import {
  ANONYMOUS,
  decidedReferral,
  download,
  letterRecord,
  pageHandlers,
  referralLetters,
} from './referral-letters-fixture';

function setup(handlers: FakeHandlers, referral = decidedReferral()): FakeApi {
  const fake = createFakeApi({ ...pageHandlers(undefined, referral), ...handlers });
  window.api = fake.api;
  return fake;
}

async function openSection(): Promise<HTMLElement> {
  window.location.hash = '#/referrals/r1';
  render(<App now={() => NOW} />);
  const region = await screen.findByRole('region', { name: 'Letters to the referrer' });
  await within(region).findByTestId('referrer-told');
  return region;
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('letters to the referrer on the referral page', () => {
  it('says why no letter is offered to an anonymous referrer, and offers nothing else', async () => {
    const fake = setup(
      { 'letters:for-referral': () => referralLetters({ eligibility: ANONYMOUS }) },
      fullReferral({
        referrer: {
          kind: 'anonymous',
          toldAnonymityCannotBeGuaranteed: true,
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
      }),
    );
    window.location.hash = '#/referrals/r1';
    render(<App now={() => NOW} />);
    const region = await screen.findByRole('region', { name: 'Letters to the referrer' });
    const why = await within(region).findByTestId('no-letter');
    expect(region).not.toHaveTextContent('Referrer not told yet');
    expect(why).toHaveTextContent('No letter is offered to this referrer');
    expect(why).toHaveTextContent(
      'The referrer is anonymous: there is nobody to write to. Source: Front Door letter rules (issue 13)',
    );
    expect(within(region).queryAllByRole('button')).toEqual([]);
    expect(within(region).queryByText(/Prepare/)).toBeNull();
    expect(fake.callsTo('letters:for-referral')).toEqual([{ referralId: 'r1' }]);
  });

  it('shows who was told, what is due (overdue in words) and each letter made and sent', async () => {
    const data: ReferralLetters = referralLetters({
      // Due Monday 23/11/2026; today is Tuesday 24/11/2026: one working day late.
      due: [
        { kind: 'outcome', dueOn: '2026-11-23', outcome: 'strategy-discussion', overdue: true },
      ],
      letters: [
        letterRecord({
          id: 'l-ack',
          kind: 'acknowledgement',
          outcome: null,
          createdAt: '2026-11-23T19:00:00Z',
          sent: {
            method: 'secure-email',
            at: '2026-11-23T19:05:00Z',
            by: { id: 'u-admin', displayName: 'Sam Patel' },
          },
        }),
        letterRecord({ id: 'l-out', sequence: 2 }),
      ],
      told: { at: '2026-11-23T19:05:00Z', method: 'secure-email', kind: 'acknowledgement' },
    });
    setup({
      'letters:for-referral': () => data,
      'letters:download': () => download('REF-0001-outcome-letter-2.pdf'),
    });
    const region = await openSection();
    expect(within(region).getByTestId('referrer-told')).toHaveTextContent(
      'Referrer told: 23/11/2026, Secure email',
    );
    expect(within(region).getByTestId('letters-due')).toHaveTextContent(
      'Outcome letter — A strategy discussion: Overdue by 1 working day (was due Mon 23/11/2026)',
    );
    const items = within(region).getAllByTestId('letter-item');
    expect(items).toHaveLength(2);
    // Newest first: the outcome letter, made and not sent; then the acknowledgement, sent.
    expect(items[0]).toHaveTextContent('Outcome letter, letter 2 — A strategy discussion');
    expect(items[0]).toHaveTextContent('Made by Dana Wilson on 24/11/2026 09:50, to Priya Shah');
    expect(items[0]).toHaveTextContent('Not sent');
    expect(items[1]).toHaveTextContent('Acknowledgement of receipt, letter 1');
    expect(items[1]).toHaveTextContent('Sent: Secure email, 23/11/2026 19:05, by Sam Patel');
    // A letter sent stays as sent: nothing to mark again.
    const sentItem = items[1] as HTMLElement;
    const unsentItem = items[0] as HTMLElement;
    expect(within(sentItem).queryByRole('button', { name: 'Mark sent' })).toBeNull();
    expect(within(unsentItem).getByRole('button', { name: 'Mark sent' })).toBeVisible();
    // The referrer has an email address: a draft can be made.
    expect(within(unsentItem).getByRole('button', { name: 'Email draft' })).toBeVisible();
    expect(within(region).getByRole('button', { name: 'Prepare outcome letter' })).toBeVisible();
    expect(
      within(region).getByRole('button', { name: 'Prepare acknowledgement letter' }),
    ).toBeVisible();
  });

  it('downloads a letter exactly as made, by its id', async () => {
    const fake = setup({
      'letters:for-referral': () => referralLetters({ letters: [letterRecord({ id: 'l-out' })] }),
      'letters:download': () => download('REF-0001-outcome-letter-1.pdf'),
    });
    const region = await openSection();
    const item = within(region).getByTestId('letter-item');
    fireEvent.click(within(item).getByRole('button', { name: 'Save PDF' }));
    expect(
      await within(item).findByText(
        'Saved to /home/dwilson/Documents/REF-0001-outcome-letter-1.pdf',
      ),
    ).toBeVisible();
    expect(fake.callsTo('letters:download')).toEqual([{ letterId: 'l-out' }]);
  });

  it('offers no email draft when the referrer has no email address', async () => {
    const base = decidedReferral();
    setup(
      { 'letters:for-referral': () => referralLetters({ letters: [letterRecord()] }) },
      {
        ...base,
        referrer: {
          kind: 'professional',
          name: 'Priya Shah',
          role: 'Designated safeguarding lead',
          agencyName: 'Northgate Primary School',
          agencyType: 'school',
          wantsFeedback: true,
          feedbackMethod: 'phone',
          phone: '01234 111222',
        },
      },
    );
    const region = await openSection();
    expect(within(region).getByRole('button', { name: 'Save PDF' })).toBeVisible();
    expect(within(region).queryByRole('button', { name: 'Email draft' })).toBeNull();
  });

  it('marks a letter sent: method and time (default now), errors beside the fields, section refreshed', async () => {
    let sent = false;
    const fake = setup({
      'letters:for-referral': () =>
        sent
          ? referralLetters({
              letters: [
                letterRecord({
                  sent: {
                    method: 'phone-then-letter',
                    at: '2026-11-24T10:00:00Z',
                    by: { id: 'u-duty', displayName: 'Dana Wilson' },
                  },
                }),
              ],
              told: { at: '2026-11-24T10:00:00Z', method: 'phone-then-letter', kind: 'outcome' },
            })
          : referralLetters({ letters: [letterRecord()] }),
      'letters:mark-sent': (input: ChannelInput<'letters:mark-sent'>) => {
        if (input.method === 'hand-delivered') {
          throw new FakeIpcError({
            code: 'VALIDATION',
            message: 'Check the answers',
            fieldErrors: { sentAt: 'The letter was made after that time' },
          });
        }
        sent = true;
        return [letterRecord()];
      },
    });
    const region = await openSection();
    expect(region).toHaveTextContent('Referrer not told yet');
    fireEvent.click(within(region).getByRole('button', { name: 'Mark sent' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Mark as sent: Outcome letter, letter 1 — A strategy discussion',
    });
    const heading = within(dialog).getByRole('heading', { level: 2 });
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });
    // Defaults to now, in London.
    expect(within(dialog).getByLabelText('Date')).toHaveValue('24/11/2026');
    expect(within(dialog).getByLabelText('Time (24-hour)')).toHaveValue('10:00');

    // No method: the error sits beside the field, nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    const method = within(dialog).getByLabelText('How it was sent');
    expect(await within(dialog).findAllByText('Select how it was sent')).not.toHaveLength(0);
    expect(method).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('letters:mark-sent')).toEqual([]);

    // The main process's refusal lands beside its field.
    fireEvent.change(method, { target: { value: 'hand-delivered' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    expect(
      await within(dialog).findAllByText('The letter was made after that time'),
    ).not.toHaveLength(0);

    fireEvent.change(method, { target: { value: 'phone-then-letter' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    const calls = fake.callsTo('letters:mark-sent') as ChannelInput<'letters:mark-sent'>[];
    const last = calls.at(-1);
    expect(last?.letterIds).toEqual(['l1']);
    expect(last?.method).toBe('phone-then-letter');
    expect(Date.parse(last?.sentAt ?? '')).toBe(Date.parse('2026-11-24T10:00:00Z'));
    await waitFor(() => {
      expect(within(region).getByTestId('referrer-told')).toHaveTextContent(
        'Referrer told: 24/11/2026, Phoned first, then the letter',
      );
    });
    expect(within(region).getByTestId('letter-item')).toHaveTextContent(
      'Sent: Phoned first, then the letter, 24/11/2026 10:00, by Dana Wilson',
    );
  });

  it('does not offer post when the address matches the household', async () => {
    setup({
      'letters:for-referral': () =>
        referralLetters({
          eligibility: {
            kind: 'letter',
            variant: 'public',
            reasons: [
              { text: 'Member of the public', source: 'Working Together 2018 ch.1 para 29' },
            ],
            cautions: [],
            postalAllowed: false,
            needsSafeContact: false,
          },
          letters: [letterRecord({ variant: 'public' })],
        }),
    });
    const region = await openSection();
    fireEvent.click(within(region).getByRole('button', { name: 'Mark sent' }));
    const dialog = await screen.findByRole('dialog');
    const options = within(dialog)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).not.toContain('Post');
    expect(options).toContain('Secure email');
    expect(dialog).toHaveTextContent('Post is not offered');
  });
});
