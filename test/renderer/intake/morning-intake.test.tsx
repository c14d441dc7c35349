// The duty worker's intake as a real morning needs it (issue 9): unknown names and dates of birth,
// dates typed as people type them, "is this right?" for an adult's date of birth, questions that
// do not apply, labels never drawn over filled-in text, and every error in one round.
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import {
  emptyChild,
  emptyForm,
  hasMeaningfulAnswer,
  type ReferralForm,
} from '../../../renderer/src/features/intake/form-model';
import { validateForm } from '../../../renderer/src/features/intake/form-input';
import { setupIntakeApi } from './intake-api';
import { NOW } from '../fixtures';

const TODAY = '2026-11-24';

/** "A boy called Tyler, about 6": an anonymous caller. */
function tylerForm(): ReferralForm {
  const form = emptyForm({ date: TODAY, time: '08:40' });
  form.referrer = {
    ...form.referrer,
    kind: 'anonymous',
    wantsFeedback: 'no',
    feedbackMethod: 'none',
    toldAnonymityCannotBeGuaranteed: true,
  };
  form.referralSourceCode = '9';
  form.children = [
    {
      ...emptyChild(),
      givenNames: 'Tyler',
      familyNameNotKnown: true,
      dateOfBirthNotKnown: true,
      approximateAge: '6',
      gender: 'M',
      interpreterNeeded: 'unknown',
      disability: 'unknown',
      address: { line1: 'Flat above the chip shop', line2: '', town: 'Harbourton', postcode: '' },
      matchDecision: 'new',
    },
  ];
  form.concern = 'Caller heard a young boy screaming and a man shouting at the flat most nights.';
  form.currentWhereabouts = 'Not known';
  form.immediateProtectionMayBeNeeded = 'no';
  form.parentsAware = 'unknown';
  form.parentsAgree = 'unknown';
  form.consent = { ...form.consent, status: 'not-sought', reason: 'Anonymous referral' };
  return form;
}

const setup = setupIntakeApi;

beforeEach(() => {
  window.location.hash = '#/referrals/new';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('intake as a real morning needs it: the form model', () => {
  it('saves "a boy called Tyler, about 6" from an anonymous caller, inventing nothing', () => {
    const r = validateForm(tylerForm(), TODAY, { isNewRecord: true, now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const child = r.referral.children[0];
    expect(child).toMatchObject({
      status: 'born',
      givenNames: 'Tyler',
      familyNameNotKnown: true,
      dateOfBirthNotKnown: true,
      approximateAge: 6,
      interpreterNeeded: 'unknown',
    });
    expect(child && 'familyName' in child ? child.familyName : undefined).toBeUndefined();
    expect(child && 'dateOfBirth' in child ? child.dateOfBirth : undefined).toBeUndefined();
  });

  it.each([
    ['14/6/15', '2015-06-14'],
    ['14 Jun 2015', '2015-06-14'],
    ['14.06.2015', '2015-06-14'],
  ])('reads a date of birth typed as %s', (typed, iso) => {
    const form = tylerForm();
    const c = form.children[0];
    if (!c) throw new Error('no child');
    c.dateOfBirthNotKnown = false;
    c.approximateAge = '';
    c.dateOfBirth = typed;
    const r = validateForm(form, TODAY, { isNewRecord: true, now: NOW });
    expect(r.ok && r.referral.children[0]).toMatchObject({ dateOfBirth: iso });
  });

  it('asks "is this right?" for a date of birth over 25 years ago, then accepts it', () => {
    const form = tylerForm();
    const c = form.children[0];
    if (!c) throw new Error('no child');
    c.dateOfBirthNotKnown = false;
    c.approximateAge = '';
    c.dateOfBirth = '14/06/1915';
    const r = validateForm(form, TODAY, { isNewRecord: true, now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors['children.0.dateOfBirth']).toBe(
        'This date of birth makes the child 111: check the year, or confirm it is right',
      );
    }
    c.dateOfBirthConfirmed = true;
    expect(validateForm(form, TODAY, { isNewRecord: true, now: NOW }).ok).toBe(true);
  });

  it('a received time in the future: one message, beside the time', () => {
    const form = tylerForm();
    form.received = { date: '24/11/2026', time: '23:00', dstChoice: '' };
    const r = validateForm(form, TODAY, { isNewRecord: true, now: NOW });
    expect(!r.ok && r.errors['received.time']).toBe(
      'The time received cannot be in the future: check the date and time',
    );
  });

  it('does not ask how to give feedback when the referrer does not want it', () => {
    const form = tylerForm();
    form.referrer = {
      ...form.referrer,
      kind: 'public',
      name: 'A neighbour',
      relationship: 'acquaintance',
      wantsFeedback: 'no',
      feedbackMethod: '',
      toldAnonymityCannotBeGuaranteed: false,
    };
    form.referralSourceCode = '1B';
    const r = validateForm(form, TODAY, { isNewRecord: true, now: NOW });
    expect(r.ok && r.referral.referrer).toMatchObject({
      wantsFeedback: false,
      feedbackMethod: 'none',
    });
  });

  it('a draft is made on the first answer, not on opening the form or typing spaces', () => {
    const form = emptyForm({ date: TODAY, time: '09:00' });
    expect(hasMeaningfulAnswer(form)).toBe(false);
    const c = form.children[0];
    if (!c) throw new Error('no child');
    c.givenNames = '   ';
    expect(hasMeaningfulAnswer(form)).toBe(false);
    c.school = 'Northgate';
    expect(hasMeaningfulAnswer(form)).toBe(true);
  });
});

describe('intake as a real morning needs it: the screen', () => {
  it('"Not known" clears and disables the field; an approximate age is asked instead', async () => {
    setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const card = screen.getByTestId('child-0');
    fireEvent.change(within(card).getByLabelText('Last name'), { target: { value: 'Smth' } });
    const notKnown = within(card).getAllByRole('checkbox', { name: 'Not known' });
    // First name, last name, date of birth.
    expect(notKnown).toHaveLength(3);
    const lastNotKnown = notKnown[1];
    if (!lastNotKnown) throw new Error('no tick box');
    fireEvent.click(lastNotKnown);
    expect(within(card).getByLabelText('Last name')).toHaveValue('');
    expect(within(card).getByLabelText('Last name')).toBeDisabled();
    const dobNotKnown = notKnown[2];
    if (!dobNotKnown) throw new Error('no tick box');
    fireEvent.click(dobNotKnown);
    expect(within(card).getByLabelText('Approximate age in years (optional)')).toBeVisible();
    // An unborn baby is not asked for a school, sex or disability.
    fireEvent.click(within(card).getByLabelText('Unborn'));
    expect(within(card).queryByLabelText('School or nursery')).toBeNull();
    expect(within(card).queryByLabelText('Sex')).toBeNull();
  });

  it('copy from child 1 never appends to a last name already typed, and lifts the labels', async () => {
    const fake = setup();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const first = screen.getByTestId('child-0');
    fireEvent.change(within(first).getByLabelText('Last name'), { target: { value: 'Smith' } });
    fireEvent.change(within(first).getByLabelText('Address line 1'), {
      target: { value: '4 Quay Street' },
    });
    await user.click(screen.getByRole('button', { name: 'Add another child' }));
    const second = await screen.findByTestId('child-1');
    // The new card is ready once focus has moved into it (the browser journey types it for real).
    await waitFor(() => {
      expect(second.contains(document.activeElement)).toBe(true);
    });
    await new Promise((r) => setTimeout(r, 300));
    fireEvent.change(within(second).getByLabelText('Last name'), { target: { value: 'Smith' } });
    await user.click(
      within(second).getByRole('button', { name: /Copy address, school, GP and language/ }),
    );
    expect(within(second).getByLabelText('Last name')).toHaveValue('Smith');
    expect(within(second).getByLabelText('Address line 1')).toHaveValue('4 Quay Street');
    // The label of a box the form filled in moves up out of the way of the text.
    const label = second.querySelector(
      `label[for="${within(second).getByLabelText('Address line 1').id}"]`,
    );
    expect(label).toHaveAttribute('data-shrink', 'true');
    // The draft follows within a second or so.
    await waitFor(
      () => {
        const saved = fake.callsTo('drafts:save').at(-1) as ChannelInput<'drafts:save'> | undefined;
        expect((saved?.data as ReferralForm | undefined)?.children[1]?.familyName).toBe('Smith');
      },
      { timeout: 10_000 },
    );
  });

  it('the expectant mother is checked against earlier households', async () => {
    setup({
      'people:known-adults': (q) =>
        q.familyName === 'Smyth'
          ? [
              {
                name: 'Leanne Smyth',
                relationship: 'Mother',
                dateOfBirth: null,
                parentalResponsibility: true,
                referralId: 'r-9',
                reference: 'FD-2025-000009',
                receivedAt: '2025-03-14T10:00:00Z',
                children: ['Aiden Smyth', 'Maisie Smyth'],
                score: 35,
                reasons: [{ code: 'exact-name', text: 'Same name', weight: 35 }],
              },
            ]
          : [],
    });
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const card = screen.getByTestId('child-0');
    fireEvent.click(within(card).getByLabelText('Unborn'));
    fireEvent.change(within(card).getByLabelText("Mother's name"), {
      target: { value: 'Leanne Smyth' },
    });
    const known = await screen.findByTestId('known-adult', {}, { timeout: 3000 });
    expect(known).toHaveTextContent('The expectant mother, Leanne Smyth, may already be known');
    expect(known).toHaveTextContent('FD-2025-000009');
    expect(known).toHaveTextContent('(Aiden Smyth, Maisie Smyth)');
  });
});
