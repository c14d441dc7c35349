// The letter dialog (issue 13), in jsdom with a fake main process: which letter applies and why
// (each reason with its source), cautions, the wording as editable paragraphs, "Finalise letter"
// sending exactly the edited paragraphs, then Save PDF / Email draft / Mark sent; a child who
// referred themselves needs the safe way to contact them; re-sending says what it makes.

import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { LetterRecord } from '../../../shared/domain/letters';
import type { ChannelInput } from '../../../shared/ipc/contract';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW } from '../fixtures';
import {
  download,
  letterRecord,
  PARAGRAPHS,
  pageHandlers,
  preview,
  PROFESSIONAL,
  referralLetters,
  SELF_REFERRED,
} from './referral-letters-fixture';

type Finalise = ChannelInput<'letters:finalise'>;

function setup(handlers: FakeHandlers): FakeApi {
  const fake = createFakeApi({ ...pageHandlers(), ...handlers });
  window.api = fake.api;
  return fake;
}

async function openDialog(button: string): Promise<HTMLElement> {
  window.location.hash = '#/referrals/r1';
  render(<App now={() => NOW} />);
  const region = await screen.findByRole('region', { name: 'Letters to the referrer' });
  fireEvent.click(await within(region).findByRole('button', { name: button }));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByTestId('letter-paragraphs');
  return dialog;
}

function box(dialog: HTMLElement, n: number): HTMLElement {
  return within(dialog).getByRole('textbox', { name: `Paragraph ${String(n)}` });
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('preparing a letter', () => {
  it('previews, edits and finalises exactly the edited paragraphs, then offers how to send it', async () => {
    let made: LetterRecord | null = null;
    const fake = setup({
      'letters:for-referral': () =>
        referralLetters({
          due: [
            {
              kind: 'outcome',
              dueOn: '2026-11-25',
              outcome: 'strategy-discussion',
              overdue: false,
            },
          ],
          letters: made ? [made] : [],
        }),
      'letters:preview': () => preview(),
      'letters:finalise': (input: Finalise) => {
        made = letterRecord({ id: 'l-new', kind: input.kind });
        return made;
      },
      'letters:download': () => download('REF-0001-outcome-letter-1.pdf'),
      'letters:email-draft': () => download('REF-0001-outcome-letter-1.eml'),
    });
    const dialog = await openDialog('Prepare outcome letter');
    expect(dialog).toHaveAccessibleName('Prepare the outcome letter');
    await waitFor(() => {
      expect(within(dialog).getByRole('heading', { level: 2 })).toHaveFocus();
    });
    expect(fake.callsTo('letters:preview')).toEqual([{ referralId: 'r1', kind: 'outcome' }]);
    // Which letter applies, and why, with the rule's source.
    expect(dialog).toHaveTextContent('Which letter applies: Professional referrer');
    expect(within(dialog).getByTestId('letter-reasons')).toHaveTextContent(
      'A professional referrer gets the outcome and the next steps relevant to their role. Source: Working Together 2018 ch.1 para 29',
    );
    expect(within(dialog).queryByTestId('letter-next-note')).toBeNull();
    expect(box(dialog, 1)).toHaveValue(PARAGRAPHS[0]);
    expect(box(dialog, 3)).toHaveValue(PARAGRAPHS[2]);

    // Edit paragraph 2, remove paragraph 1, add a closing paragraph.
    fireEvent.change(box(dialog, 2), { target: { value: 'We will hold a strategy discussion.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove paragraph 1' }));
    await waitFor(() => {
      expect(box(dialog, 1)).toHaveFocus();
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a paragraph' }));
    await waitFor(() => {
      expect(box(dialog, 3)).toHaveFocus();
    });
    // Left empty: the error sits beside that box, nothing is made.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finalise letter' }));
    expect(await within(dialog).findAllByText('Write paragraph 3, or remove it')).not.toHaveLength(
      0,
    );
    expect(box(dialog, 3)).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('letters:finalise')).toEqual([]);

    fireEvent.change(box(dialog, 3), {
      target: { value: '  Call Dana Wilson on 01234 567890.  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finalise letter' }));
    const made1 = await within(dialog).findByRole('heading', { name: 'Letter 1 is made' });
    await waitFor(() => {
      expect(made1).toHaveFocus();
    });
    expect(fake.callsTo('letters:finalise')).toEqual([
      {
        referralId: 'r1',
        kind: 'outcome',
        paragraphs: [
          'We will hold a strategy discussion.',
          PARAGRAPHS[2],
          'Call Dana Wilson on 01234 567890.',
        ],
      },
    ]);
    // Then: the PDF, an email draft (the referrer has an address) and Mark sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save PDF' }));
    expect(
      await within(dialog).findByText(
        'Saved to /home/dwilson/Documents/REF-0001-outcome-letter-1.pdf',
      ),
    ).toBeVisible();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Email draft' }));
    expect(
      await within(dialog).findByText(
        'Saved to /home/dwilson/Documents/REF-0001-outcome-letter-1.eml',
      ),
    ).toBeVisible();
    expect(fake.callsTo('letters:download')).toEqual([{ letterId: 'l-new' }]);
    expect(fake.callsTo('letters:email-draft')).toEqual([{ letterId: 'l-new' }]);
    // The section behind was refreshed and lists the new letter.
    const region = screen.getByRole('region', { name: 'Letters to the referrer', hidden: true });
    await waitFor(() => {
      expect(within(region).getAllByTestId('letter-item')).toHaveLength(1);
    });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark sent' }));
    expect(
      await screen.findByRole('dialog', {
        name: 'Mark as sent: Outcome letter, letter 1 — A strategy discussion',
      }),
    ).toBeVisible();
  });

  it('shows the main process refusal beside the paragraph it concerns', async () => {
    setup({
      'letters:for-referral': () => referralLetters(),
      'letters:preview': () => preview(PROFESSIONAL, 'acknowledgement'),
      'letters:finalise': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'Check the letter',
          fieldErrors: { 'paragraphs.1': 'Remove the invisible characters' },
        });
      },
    });
    const dialog = await openDialog('Prepare acknowledgement letter');
    expect(dialog).toHaveAccessibleName('Prepare the acknowledgement letter');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finalise letter' }));
    expect(await within(dialog).findAllByText('Remove the invisible characters')).not.toHaveLength(
      0,
    );
    expect(box(dialog, 2)).toHaveAttribute('aria-invalid', 'true');
    expect(box(dialog, 1)).toHaveAttribute('aria-invalid', 'false');
  });

  it('needs the safe way to contact a child who referred themselves, and warns about post', async () => {
    const fake = setup({
      'letters:for-referral': () => referralLetters({ eligibility: SELF_REFERRED }),
      'letters:preview': () => preview(SELF_REFERRED, 'acknowledgement'),
      'letters:finalise': (input: Finalise) =>
        letterRecord({ kind: input.kind, outcome: null, variant: 'family' }),
    });
    const dialog = await openDialog('Prepare acknowledgement letter');
    const cautions = within(dialog).getByTestId('letter-cautions');
    expect(cautions).toHaveTextContent('Do not post this letter');
    expect(cautions).toHaveTextContent('The child referred themselves');
    const safe = within(dialog).getByRole('textbox', {
      name: 'How is it safe to contact the child?',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finalise letter' }));
    expect(
      await within(dialog).findAllByText(/Say how it is safe to contact the child/),
    ).not.toHaveLength(0);
    expect(safe).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('letters:finalise')).toEqual([]);

    fireEvent.change(safe, { target: { value: 'Text only, to her own phone, after 16:00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finalise letter' }));
    await within(dialog).findByRole('heading', { name: 'Letter 1 is made' });
    const sentInput = fake.callsTo('letters:finalise')[0] as Finalise;
    expect(sentInput.safeContact).toBe('Text only, to her own phone, after 16:00');
    expect(sentInput.paragraphs).toEqual(PARAGRAPHS);
  });

  it('says that sending again makes a new letter and the one sent stays as it was', async () => {
    setup({
      'letters:for-referral': () =>
        referralLetters({
          letters: [
            letterRecord({
              sequence: 2,
              sent: { method: 'post', at: '2026-11-24T09:55:00Z', by: null },
            }),
          ],
          told: { at: '2026-11-24T09:55:00Z', method: 'post', kind: 'outcome' },
        }),
      'letters:preview': () => preview(),
    });
    const dialog = await openDialog('Prepare outcome letter');
    expect(within(dialog).getByTestId('letter-next-note')).toHaveTextContent(
      'This makes letter 3; letter 2 stays as it was sent.',
    );
  });
});
