/**
 * @vitest-environment jsdom
 * jsdom, not the project's happy-dom: these save through the intake form's native selects, whose
 * value happy-dom 21 loses when the options render after the field registers (saves then failed
 * validation here and nowhere else).
 */
// The facts the referrer-letter rules need, asked at intake (issue 13 "Safe for the kind of
// referrer"): each appears only where it applies, is reached and answered with the keyboard, and
// is saved with the referral (and in the draft).
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftRecord } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import {
  emptyChild,
  emptyForm,
  emptyHouseholdMember,
  type ReferralForm,
} from '../../../renderer/src/features/intake/form-model';
import { validateForm } from '../../../renderer/src/features/intake/form-input';
import { setupIntakeApi } from './intake-api';
import { NOW } from '../fixtures';
import { fullReferral } from '../referral-page/referral-fixture';

const TODAY = '2026-11-24';

/** A referral ready to save from a member of the public (no household yet). */
function readyForm(): ReferralForm {
  const form = emptyForm({ date: TODAY, time: '09:10' });
  form.referrer = {
    ...form.referrer,
    kind: 'public',
    name: 'Jo Smyth',
    relationship: 'acquaintance',
    phone: '07700 900123',
    wantsFeedback: 'yes',
    feedbackMethod: 'phone',
  };
  form.referralSourceCode = '1B';
  form.children = [
    {
      ...emptyChild(),
      givenNames: 'Aiden',
      familyName: 'Smyth',
      dateOfBirth: '14/06/2015',
      gender: 'M',
      interpreterNeeded: 'no',
      disability: 'no',
      matchDecision: 'new',
    },
  ];
  form.concern = 'Aiden said his dad hit him.';
  form.currentWhereabouts = 'At school';
  form.immediateProtectionMayBeNeeded = 'no';
  form.parentsAware = 'no';
  form.parentsAgree = 'unknown';
  form.parentsReason = 'Telling dad may put Aiden at risk';
  form.consent = { ...form.consent, status: 'not-sought', reason: 'Would place the child at risk' };
  return form;
}

/** Click into a field and enter its text in one go (a long userEvent.type is slow in jsdom). */
async function typeInto(
  user: ReturnType<typeof userEvent.setup>,
  field: HTMLElement,
  text: string,
): Promise<void> {
  await user.click(field);
  await user.paste(text);
}

beforeEach(() => {
  window.location.hash = '#/referrals/new';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the referrer: confidential, parental responsibility, safe contact', () => {
  it('offers confidentiality to a named referrer only, with its hint read with the box', async () => {
    setupIntakeApi();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const label = 'Keep the referrer’s identity confidential';
    expect(screen.queryByRole('checkbox', { name: label })).toBeNull();
    await user.click(screen.getByLabelText('A professional'));
    const box = screen.getByRole('checkbox', { name: label });
    expect(box).toHaveAccessibleDescription(
      'The referrer asked for their identity to be kept from the family.',
    );
    await user.click(screen.getByLabelText('A member of the public'));
    // MUI draws its own box over the native one: the input itself is present, not painted.
    expect(screen.getByRole('checkbox', { name: label })).toBeInTheDocument();
    await user.click(screen.getByLabelText('Anonymous'));
    expect(screen.queryByRole('checkbox', { name: label })).toBeNull();
  });

  it('asks about parental responsibility only for a family member, and safe contact only for the child', async () => {
    setupIntakeApi();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    await user.click(screen.getByLabelText('A member of the public'));
    const relationship = screen.getByLabelText('Relationship to the child');
    const pr = /Does the referrer have parental responsibility/;
    const safe = 'How is it safe to contact them? (optional)';
    expect(screen.queryByRole('group', { name: pr })).toBeNull();
    expect(screen.queryByLabelText(safe)).toBeNull();

    await user.selectOptions(relationship, 'family-member');
    expect(screen.getByRole('group', { name: pr })).toBeVisible();
    expect(screen.queryByLabelText(safe)).toBeNull();
    expect(screen.queryByTestId('self-referral-note')).toBeNull();

    await user.selectOptions(relationship, 'self');
    expect(screen.queryByRole('group', { name: pr })).toBeNull();
    expect(screen.getByTestId('self-referral-note')).toHaveTextContent(
      /Letters to a child who referred themselves need a safe way to contact them/,
    );
    expect(screen.getByLabelText(safe)).toBeVisible();

    await user.selectOptions(relationship, 'acquaintance');
    expect(screen.queryByRole('group', { name: pr })).toBeNull();
    expect(screen.queryByLabelText(safe)).toBeNull();
  });

  it('saves a confidential family member with parental responsibility, ticked with the keyboard', async () => {
    const form = readyForm();
    expect(validateForm(form, TODAY).ok).toBe(true);
    const fake = setupIntakeApi({
      'drafts:get': (input): DraftRecord => ({
        id: 'd1',
        kind: 'referral',
        key: input.key,
        data: form,
        updatedAt: '2026-11-24T09:12:00Z',
        version: 1,
      }),
      'referrals:create': () => fullReferral(),
      'referrals:get': () => fullReferral(),
    });
    window.location.hash = '#/referrals/new?draft=k-1';
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    expect(await screen.findByText(/Your draft has been restored/)).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Relationship to the child'), 'family-member');
    const group = screen.getByRole('group', { name: /parental responsibility/ });
    await user.click(within(group).getByLabelText('Yes'));
    screen.getByRole('checkbox', { name: 'Keep the referrer’s identity confidential' }).focus();
    await user.keyboard(' ');
    expect(
      screen.getByRole('checkbox', { name: 'Keep the referrer’s identity confidential' }),
    ).toBeChecked();
    // The draft holds them before the referral is saved.
    await waitFor(() => {
      const last = fake.callsTo('drafts:save').at(-1) as ChannelInput<'drafts:save'> | undefined;
      expect((last?.data as ReferralForm | undefined)?.referrer).toMatchObject({
        confidential: true,
        parentalResponsibility: 'yes',
      });
    });
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    await waitFor(() => {
      expect(fake.callsTo('referrals:create')).toHaveLength(1);
    });
    const [created] = fake.callsTo('referrals:create') as ChannelInput<'referrals:create'>[];
    expect(created?.referral.referrer).toMatchObject({
      kind: 'public',
      relationship: 'family-member',
      confidential: true,
      parentalResponsibility: true,
    });
    expect(created?.referral.referrer).not.toHaveProperty('safeContact');
  });

  it('saves how it is safe to contact a child who referred themselves', async () => {
    const form = readyForm();
    form.referrer.relationship = 'self';
    form.referralSourceCode = '1C';
    const fake = setupIntakeApi({
      'drafts:get': (input): DraftRecord => ({
        id: 'd1',
        kind: 'referral',
        key: input.key,
        data: form,
        updatedAt: '2026-11-24T09:12:00Z',
        version: 1,
      }),
      'referrals:create': () => fullReferral(),
      'referrals:get': () => fullReferral(),
    });
    window.location.hash = '#/referrals/new?draft=k-1';
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    expect(await screen.findByText(/Your draft has been restored/)).toBeVisible();
    await typeInto(
      user,
      screen.getByLabelText('How is it safe to contact them? (optional)'),
      'Text after school, never at home',
    );
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    await waitFor(() => {
      expect(fake.callsTo('referrals:create')).toHaveLength(1);
    });
    const [created] = fake.callsTo('referrals:create') as ChannelInput<'referrals:create'>[];
    expect(created?.referral.referrer).toMatchObject({
      relationship: 'self',
      safeContact: 'Text after school, never at home',
    });
    expect(created?.referral.referrer).not.toHaveProperty('confidential');
  });
});

/** The ready referral with the father named, his answers about living there still to give. */
function withDean(): ReferralForm {
  const form = readyForm();
  form.householdMembers = [
    {
      ...emptyHouseholdMember(),
      givenNames: 'Dean',
      familyName: 'Smyth',
      relationship: 'Father of Aiden',
      parentalResponsibility: 'yes',
    },
  ];
  return form;
}

describe('a household member: alleged harm and an address elsewhere', () => {
  it('asks for the address only for someone who does not live with the child, and saves both', async () => {
    const fake = setupIntakeApi({
      'drafts:get': (input): DraftRecord => ({
        id: 'd1',
        kind: 'referral',
        key: input.key,
        data: withDean(),
        updatedAt: '2026-11-24T09:12:00Z',
        version: 1,
      }),
      'referrals:create': () => fullReferral(),
      'referrals:get': () => fullReferral(),
    });
    window.location.hash = '#/referrals/new?draft=k-1';
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    expect(await screen.findByText(/Your draft has been restored/)).toBeVisible();
    const card = screen.getByRole('heading', { name: 'Person 1' }).closest('.MuiPaper-root');
    if (!(card instanceof HTMLElement)) throw new Error('no card');
    const inCard = within(card);
    const lives = inCard.getByRole('group', { name: "Lives in the child's household?" });
    expect(inCard.queryByRole('group', { name: 'Address, if known' })).toBeNull();
    await user.click(within(lives).getByLabelText('Yes'));
    expect(inCard.queryByRole('group', { name: 'Address, if known' })).toBeNull();
    await user.click(within(lives).getByLabelText('No'));
    const address = inCard.getByRole('group', { name: 'Address, if known' });
    await typeInto(user, within(address).getByLabelText('Address line 1'), '9 Dock Road');
    await typeInto(user, within(address).getByLabelText('Postcode'), 'ls2 7ew');
    const harm = inCard.getByRole('checkbox', { name: 'Alleged to have caused harm' });
    expect(harm).not.toBeChecked();
    await user.click(harm);
    expect(harm).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    await waitFor(() => {
      expect(fake.callsTo('referrals:create')).toHaveLength(1);
    });
    const [created] = fake.callsTo('referrals:create') as ChannelInput<'referrals:create'>[];
    expect(created?.referral.householdMembers).toEqual([
      {
        givenNames: 'Dean',
        familyName: 'Smyth',
        relationship: 'Father of Aiden',
        parentalResponsibility: true,
        livesInHousehold: false,
        allegedHarm: true,
        address: { line1: '9 Dock Road', postcode: 'LS2 7EW' },
      },
    ]);
  }, 90_000);
});
