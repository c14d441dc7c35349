/**
 * @vitest-environment jsdom
 * jsdom, not the project's happy-dom: these save through the intake form's native selects, whose
 * value happy-dom 21 loses when the options render after the field registers (saves then failed
 * validation here and nowhere else).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryEntry, DraftRecord, PersonMatch } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import {
  emptyChild,
  emptyForm,
  emptyHouseholdMember,
  type ReferralForm,
} from '../../../renderer/src/features/intake/form-model';
import { validateForm } from '../../../renderer/src/features/intake/form-input';
import type { FakeApi } from '../../helpers/fake-api';
import { setupIntakeApi } from './intake-api';
import { NOW } from '../fixtures';
import { fullReferral } from '../referral-page/referral-fixture';

const TODAY = '2026-11-24';

function match(): PersonMatch {
  return {
    person: {
      id: 'p-1',
      kind: 'child',
      status: 'born',
      givenNames: 'Aiden',
      familyName: 'Smyth',
      otherNames: null,
      dateOfBirth: '2015-06-14',
      expectedDateOfBirth: null,
      approxBirthYear: null,
      gender: '1',
      nhsNumber: null,
      postcode: 'LS1 4AB',
      address: null,
      mergedInto: null,
      legalHold: false,
      version: 1,
      createdAt: '2026-06-01T10:00:00Z',
      updatedAt: '2026-06-01T10:00:00Z',
    },
    score: 82,
    reasons: [
      { code: 'sound-alike-surname', text: 'Surname sounds like Smyth', weight: 30 },
      { code: 'dob-exact', text: 'Same date of birth', weight: 40 },
    ],
    previousInvolvement: {
      personId: 'p-1',
      asOf: TODAY,
      referralsLast12Months: [
        {
          referralId: 'r-9',
          reference: 'REF-0009',
          receivedAt: '2026-06-20T10:00:00Z',
          status: 'closed',
          outcome: null,
          outcomeLabel: 'No further action',
          decidedAt: null,
        },
      ],
      totalReferrals: 1,
      reReferral: true,
      siblings: [],
      householdMembers: [],
    },
  };
}

/** Two siblings from a school, ready to save: child 1 linked to p-1, child 2 confirmed new. */
function filledForm(): ReferralForm {
  const form = emptyForm({ date: TODAY, time: '09:10' });
  form.referrer = {
    ...form.referrer,
    kind: 'professional',
    name: 'Priya Shah',
    role: 'Designated safeguarding lead',
    agencyName: 'Northgate Primary School',
    agencyType: 'school',
    phone: '0113 496 0000',
    wantsFeedback: 'yes',
    feedbackMethod: 'phone',
  };
  form.referralSourceCode = '2A';
  const child = (given: string, dob: string): ReferralForm['children'][number] => ({
    ...emptyChild(),
    givenNames: given,
    familyName: 'Smyth',
    dateOfBirth: dob,
    gender: 'M',
    address: { line1: '4 Quay Street', line2: '', town: 'Harbourton', postcode: 'LS1 4AB' },
    school: 'Northgate Primary School',
    interpreterNeeded: 'no',
    disability: 'no',
  });
  form.children = [
    { ...child('Aiden', '14/06/2015'), matchDecision: 'linked', personId: 'p-1' },
    { ...child('Maya', '02/02/2018'), matchDecision: 'new' },
  ];
  form.concern = 'Aiden came to school with a bruise on his cheek and said his dad hit him.';
  form.assessmentFactors = ['3A'];
  form.currentWhereabouts = 'At school until 15:15';
  form.immediateProtectionMayBeNeeded = 'no';
  form.parentsAware = 'no';
  form.parentsAgree = 'unknown';
  form.parentsReason = 'Telling dad may put Aiden at risk';
  form.consent = { ...form.consent, status: 'not-sought', reason: 'Would place the child at risk' };
  return form;
}

function setup(handlers: Parameters<typeof setupIntakeApi>[0] = {}): FakeApi {
  return setupIntakeApi({ 'people:match': () => [match()], ...handlers });
}

beforeEach(() => {
  window.location.hash = '#/referrals/new';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('form model', () => {
  it('uses the schema messages: future DOB, 31/04/2025, bad NHS number, missing concern', () => {
    const form = emptyForm({ date: TODAY, time: '10:00' });
    const child = form.children[0];
    if (!child) throw new Error('no child');
    child.dateOfBirth = '01/01/2030';
    child.nhsNumber = '1234567890';
    form.householdMembers.push({
      ...emptyHouseholdMember(),
      personId: '',
      givenNames: 'A',
      familyName: 'B',
      relationship: 'Mother',
      dateOfBirth: '31/04/2025',
      parentalResponsibility: 'yes',
      livesInHousehold: 'yes',
      notes: '',
    });
    const r = validateForm(form, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['children.0.dateOfBirth']).toBe('Enter a date of birth in the past');
    expect(r.errors['householdMembers.0.dateOfBirth']).toBe('April 2025 has no day 31');
    expect(r.errors['children.0.nhsNumber']).toMatch(/NHS number must be 10 digits/);
    expect(r.errors.concern).toBe('Enter what the referrer is worried about');
  });
});

describe('the new referral screen', () => {
  it('shows errors in a summary and beside fields, and saves nothing', async () => {
    const fake = setup();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    await user.type(screen.getByLabelText('Date of birth'), '31/04/2025');
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    const summary = await screen.findByRole('alert');
    // The summary says which child; beside the field the message stands alone.
    expect(within(summary).getByText('Child 1: April 2025 has no day 31')).toBeVisible();
    expect(
      within(screen.getByTestId('child-0')).getByText('April 2025 has no day 31'),
    ).toBeVisible();
    // Every error in one round: the child's name checks run even though the date failed.
    expect(
      within(summary).getByText('Child 1: Enter the child’s first name, or choose “Not known”'),
    ).toBeVisible();
    expect(within(summary).getByText('Enter what the referrer is worried about')).toBeVisible();
    expect(fake.callsTo('referrals:create')).toHaveLength(0);
  });

  it('sets the census source from the agency type, adds a second child, and autosaves', async () => {
    const fake = setup();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    await user.click(screen.getByLabelText('A professional'));
    await user.selectOptions(screen.getByLabelText('Type of organisation'), 'school');
    expect(screen.getByLabelText('Census referral source')).toHaveValue('2A');
    await user.click(screen.getByRole('button', { name: 'Add another child' }));
    expect(screen.getByRole('heading', { name: 'Child 2' })).toBeVisible();
    await waitFor(() => {
      expect(fake.callsTo('drafts:save').length).toBeGreaterThan(0);
    });
    expect(await screen.findByText(/Draft saved/)).toBeVisible();
  });

  it('shows matches with reasons and the re-referral warning', async () => {
    setup();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    await user.type(screen.getByLabelText('First name'), 'Aidan');
    await user.type(screen.getByLabelText('Last name'), 'Smith');
    await user.type(screen.getByLabelText('Date of birth'), '14/06/2015');
    expect(
      await screen.findByText('Surname sounds like Smyth', {}, { timeout: 3000 }),
    ).toBeVisible();
    expect(screen.getByTestId('re-referral-warning')).toHaveTextContent('Re-referral');
    await user.click(screen.getByRole('button', { name: 'This is the same child' }));
    expect(screen.getByText('Linked to an existing record.')).toBeVisible();
  });

  it('saves the referral with each child linked or confirmed new in one call', async () => {
    const form = filledForm();
    expect(validateForm(form, TODAY).ok).toBe(true);
    const fake = setup({
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
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    await waitFor(() => {
      expect(window.location.hash).toBe('#/referrals/r1');
    });
    const [created] = fake.callsTo('referrals:create') as ChannelInput<'referrals:create'>[];
    expect(fake.callsTo('referrals:create')).toHaveLength(1);
    expect(created?.draftKey).toBe('k-1');
    expect(created?.newChildren).toEqual([1]);
    expect(created?.referral.children.map((c) => c.personId)).toEqual(['p-1', undefined]);
    // Nothing left to do afterwards that could fail half-way.
    expect(fake.callsTo('people:link')).toHaveLength(0);
  });

  it('saves the draft at least once a second while someone keeps typing', async () => {
    const fake = setup();
    const user = userEvent.setup({ delay: 120 });
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const concern = screen.getByLabelText('What is the referrer worried about?');
    // 24 keystrokes at 120 ms or more: at least 2.9 s of continuous typing, never a pause.
    await user.type(concern, 'Bruise seen on the cheek.');
    await waitFor(() => {
      const last = fake.callsTo('drafts:save').at(-1) as ChannelInput<'drafts:save'> | undefined;
      expect((last?.data as ReferralForm | undefined)?.concern).toBe('Bruise seen on the cheek.');
    });
    // Saved while the typing went on (at most a second's typing unsaved), not only after it:
    // some saves hold part of the sentence.
    const partial = fake
      .callsTo('drafts:save')
      .map((c) => ((c as ChannelInput<'drafts:save'>).data as ReferralForm).concern)
      .filter((t) => t.length > 0 && t !== 'Bruise seen on the cheek.');
    expect(partial.length).toBeGreaterThanOrEqual(2);
  });

  it('offers schools from the directory, and keeps a school typed that is not there', async () => {
    const entry = (over: Partial<DirectoryEntry>): DirectoryEntry => ({
      id: 'e1',
      kind: 'professional',
      name: 'Priya Shah',
      role: 'Designated safeguarding lead',
      agency: 'Northgate Primary School',
      agencyType: 'school',
      phone: null,
      email: null,
      address: null,
      active: true,
      version: 1,
      ...over,
    });
    const fake = setup({
      'directory:list': () => [
        entry({}),
        entry({ id: 'e2', name: 'Head', agency: 'Northgate Primary School' }),
        entry({
          id: 'e3',
          kind: 'agency',
          name: 'Northgate Medical Practice',
          agency: null,
          agencyType: 'gp',
        }),
      ],
    });
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const school = screen.getByRole('combobox', { name: 'School or nursery' });
    await user.type(school, 'North');
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Northgate Primary School']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(school).toHaveValue('Northgate Primary School');
    const gp = screen.getByRole('combobox', { name: 'GP practice' });
    await user.type(gp, 'Dr Patel, Quay Surgery');
    await user.tab();
    expect(gp).toHaveValue('Dr Patel, Quay Surgery');
    await waitFor(() => {
      const last = fake.callsTo('drafts:save').at(-1) as ChannelInput<'drafts:save'> | undefined;
      const child = (last?.data as ReferralForm | undefined)?.children[0];
      expect(child?.school).toBe('Northgate Primary School');
      expect(child?.gp).toBe('Dr Patel, Quay Surgery');
    });
  });

  it("asks for the child's sex as the census records it: male, female or not known", async () => {
    setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    const sex = screen.getByLabelText('Sex');
    expect(
      within(sex)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]),
    ).toEqual([
      ['', 'Select…'],
      ['M', 'Male'],
      ['F', 'Female'],
      ['U', 'Not known'],
    ]);
    expect(
      screen.getByText(
        'As recorded for the Children in Need census (from 2024-25: male, female or not known)',
      ),
    ).toBeVisible();
    expect(screen.queryByLabelText('Gender')).toBeNull();
  });

  it('records the lawful basis for sharing in its parts, public task by default', async () => {
    const fake = setup();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    await user.click(screen.getByRole('button', { name: 'Add an information-sharing decision' }));
    const article6 = screen.getByLabelText('Lawful basis (UK GDPR Article 6)');
    expect(article6).toHaveValue('public-task');
    const options = (select: HTMLElement): (string | null)[] =>
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(options(article6)).toEqual([
      'Select…',
      'Public task (UK GDPR Art 6(1)(e))',
      'Legal obligation (UK GDPR Art 6(1)(c))',
      'Vital interests (UK GDPR Art 6(1)(d))',
      'Consent (UK GDPR Art 6(1)(a))',
    ]);
    expect(
      screen.getByText(/consent is not needed to share where a child is at risk/),
    ).toBeVisible();
    expect(options(screen.getByLabelText('Special category data'))).toContain(
      'Safeguarding of children (UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 Pt 2 para 18)',
    );
    expect(options(screen.getByLabelText('Criminal offence data'))).toContain(
      'Safeguarding of children (UK GDPR Art 10 with DPA 2018 s10(5) and Sch 1 Pt 2 para 18)',
    );
    expect(document.body).not.toHaveTextContent(/Sch 8|Legitimate interests/);
    expect(screen.queryByText(/Recorded before the lawful basis was split/)).toBeNull();

    // Shared without saying whether special category or criminal offence data went too.
    await user.click(screen.getByLabelText('Shared'));
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText(
        'Information-sharing decision 1: Select whether special category data was shared, and under which condition',
      ),
    ).toBeVisible();
    expect(
      within(summary).getByText(
        'Information-sharing decision 1: Select whether criminal offence data was shared, and under which condition',
      ),
    ).toBeVisible();
    expect(within(summary).queryByText(/UK GDPR Article 6/)).toBeNull();
    expect(fake.callsTo('referrals:create')).toHaveLength(0);
  });

  it('focuses a new card when one is added, and the Add button when one is removed', async () => {
    setup();
    const user = userEvent.setup();
    render(<App now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'New referral' });
    await user.click(screen.getByRole('button', { name: 'Add a household member' }));
    const card = screen.getByRole('heading', { name: 'Person 1' }).closest('.MuiPaper-root');
    await waitFor(() => {
      expect(document.activeElement).toBe(within(card as HTMLElement).getByLabelText('First name'));
    });
    await user.click(screen.getByRole('button', { name: 'Remove person 1' }));
    expect(screen.queryByRole('heading', { name: 'Person 1' })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Add a household member' }),
    );
    await user.click(screen.getByRole('button', { name: 'Add another child' }));
    await waitFor(() => {
      expect(document.activeElement).toHaveAttribute('id', 'field-children-1-status');
    });
    // One child always stays: no Remove on a lone child.
    await user.click(screen.getByRole('button', { name: 'Remove child 2' }));
    expect(screen.queryByRole('button', { name: /Remove child/ })).toBeNull();
  });
});
