import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { PersonDetail, PersonRecord } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { FakeIpcError, type FakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW } from '../fixtures';
import { decidedRecord, fullReferral } from '../referral-page/referral-fixture';
import { decisionScreenApi } from './decision-fixture';

/** Noah's record: an earlier referral this year (a re-referral), and the one being decided. */
function noahsRecord(): PersonDetail {
  const earlier = {
    referralId: 'r0',
    reference: 'REF-0099',
    receivedAt: '2026-06-03T09:15:00Z',
    status: 'decided' as const,
    outcome: 's17-assessment' as const,
    outcomeLabel: 'Section 17 assessment (child in need)',
    decidedAt: '2026-06-04T11:00:00Z',
  };
  const current = {
    ...earlier,
    referralId: 'r1',
    reference: 'REF-0001',
    receivedAt: '2026-11-23T18:30:00Z',
    status: 'awaiting-decision' as const,
    outcome: null,
    outcomeLabel: null,
    decidedAt: null,
  };
  return {
    // Only what the decision screen reads.
    person: { id: 'p1', givenNames: 'Noah', familyName: 'Birch' } as PersonRecord,
    previousInvolvement: {
      personId: 'p1',
      asOf: '2026-11-24',
      referralsLast12Months: [current, earlier],
      totalReferrals: 3,
      reReferral: true,
      siblings: [],
      householdMembers: [],
    },
    referrals: [
      current,
      earlier,
      {
        ...earlier,
        referralId: 'r-old',
        reference: 'REF-0007',
        receivedAt: '2024-02-01T10:00:00Z',
      },
    ],
    merges: [],
  };
}

function setup(edition: 2013 | 2023, overrides: FakeHandlers = {}): FakeApi {
  const fake = decisionScreenApi(edition, { 'people:get': () => noahsRecord(), ...overrides });
  window.api = fake.api;
  return fake;
}

function open(now: Date = NOW): void {
  window.location.hash = '#/referrals/r1/decision';
  render(<App now={() => now} />);
}

function group(name: RegExp): HTMLElement {
  return screen.getByRole('group', { name });
}

/** Click a radio by its value inside the section with this heading id (fast: no role queries). */
function pick(sectionId: string, value: string, index = 0): void {
  const section = document.querySelector(`[aria-labelledby="${sectionId}"]`);
  const radios = section?.querySelectorAll<HTMLInputElement>(
    `input[type="radio"][value="${value}"]`,
  );
  const radio = radios?.[index];
  if (!radio) throw new Error(`no ${value} radio in ${sectionId}`);
  fireEvent.click(radio);
}

function type(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function answerAll(): void {
  const section = document.querySelector('[aria-labelledby="sec-checklist"]');
  const noes = section?.querySelectorAll<HTMLInputElement>('input[type="radio"][value="no"]') ?? [];
  for (const r of noes) fireEvent.click(r);
  fireEvent.click(within(group(/significant harm/)).getByLabelText('Yes'));
}

function answer(question: RegExp, value: 'Yes' | 'No' | 'Not known'): void {
  fireEvent.click(within(group(question)).getByLabelText(value));
}

/** An NFA decision, complete apart from what the server may still refuse; then submit it. */
function submitNfaWithoutPlan(): void {
  answerAll();
  pick('sec-your-decision', 'nfa');
  type(/Why have you chosen/, 'Concern resolved on the phone.');
  type('Reasons for your decision', 'School confirmed it was a misunderstanding.');
  pick('sec-family', 'yes');
  fireEvent.click(screen.getByText('Record decision'));
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the decision checklist screen', () => {
  it('says "answer these first" until the safety questions are answered, then recommends', async () => {
    setup(2023);
    const user = userEvent.setup();
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    const rec = screen.getByTestId('recommendation');
    expect(rec).toHaveTextContent('No recommendation yet: answer these first');
    expect(
      within(rec)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      'the child is in immediate danger',
      'the child needs to be made safe now',
      'reasonable cause to suspect significant harm',
    ]);
    expect(screen.queryByRole('radio', { name: /\(recommended\)/ })).toBeNull();
    // Every other answer "no" is still not enough to recommend anything.
    await user.click(within(group(/significant harm/)).getByRole('radio', { name: 'Yes' }));
    expect(rec).toHaveTextContent('No recommendation yet');
    await user.click(within(group(/immediate danger/)).getByRole('radio', { name: 'No' }));
    await user.click(within(group(/made safe before/)).getByRole('radio', { name: 'No' }));
    expect(rec).toHaveTextContent('Strategy discussion (possible section 47 enquiry)');
    expect(rec).toHaveTextContent('Because you answered yes to');
    expect(rec).toHaveTextContent(/Source: Working Together/);
    expect(
      screen.getByRole('radio', { name: /Strategy discussion.*\(recommended\)/ }),
    ).toBeInTheDocument();
  });

  it('"not known" on a safety question: strategy discussion and consult a manager now', async () => {
    setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    answer(/significant harm/, 'Not known');
    answer(/information, advice or signposting/, 'Yes');
    const rec = screen.getByTestId('recommendation');
    expect(rec).toHaveTextContent('Strategy discussion (possible section 47 enquiry)');
    expect(screen.getByTestId('consult-manager')).toHaveTextContent('Consult a manager now');
    // Choosing less than that is flagged as a step down that a manager must agree.
    pick('sec-your-decision', 'information-advice');
    expect(screen.getByTestId('step-down')).toHaveTextContent('A manager must agree it');
    expect(screen.getByTestId('sign-off-rule')).toHaveTextContent('always waits for a manager');
  });

  it('points out contradictory answers without lowering the recommendation', async () => {
    setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    answer(/significant harm/, 'Yes');
    answer(/made safe before/, 'Yes');
    expect(screen.getByTestId('recommendation')).toHaveTextContent(
      'Immediate protection / emergency action',
    );
    expect(screen.getByTestId('contradictions')).toHaveTextContent('not in immediate danger');
  });

  it('shows an error summary for a missing rationale and saves nothing', async () => {
    const fake = setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    pick('sec-your-decision', 'strategy-discussion');
    fireEvent.click(screen.getByText('Record decision'));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary).getByRole('link', { name: 'Enter the reasons for your decision' }),
    ).toBeVisible();
    expect(summary).toHaveTextContent('Say whether the family has been told about the decision');
    // The message also sits beside the field.
    expect(screen.getByLabelText('Reasons for your decision')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(fake.callsTo('decisions:record')).toHaveLength(0);
  });

  it('asks why for a lower response, and for the police details when a crime may have been committed', async () => {
    setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    // The crime question is asked once, in the checklist; "not known" means tell the police.
    answer(/crime been committed/, 'Not known');
    pick('sec-your-decision', 's17-assessment');
    expect(screen.getByLabelText(/Why have you chosen a different response/)).toBeVisible();
    expect(screen.getByText(/You cannot tell whether a crime has been committed/)).toBeVisible();
    fireEvent.click(screen.getByText('Record decision'));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    const links = within(summary)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(links).toEqual([
      'Explain why you chose a lower response than the safety questions point to',
      'Enter the reasons for your decision',
      'Say whether the family has agreed to the assessment',
      'Enter the name of the police officer you told',
      'Enter the police force or team you told',
      'Enter the date and time you told the police',
      'Enter the police reference number, or say it is awaited',
      'Say whether the family has been told about the decision',
      'Record who will see the child and by when (as soon as possible)',
      'Name the lead practitioner for this child',
      'Enter the manager or practice supervisor who named the lead practitioner',
      'Say whether the lead practitioner is a social worker',
    ]);
  });

  it('the family not yet told: who will tell them and by when', async () => {
    setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    pick('sec-family', 'not-yet');
    expect(screen.getByLabelText('Who will tell the family')).toBeVisible();
    expect(screen.getByLabelText('Tell them by')).toBeVisible();
    // The withheld reasons are the two the guidance allows, and no "other".
    pick('sec-family', 'no-withheld');
    const reasons = group(/Why is the family not being told/);
    expect(within(reasons).getAllByRole('radio')).toHaveLength(2);
    expect(reasons).not.toHaveTextContent(/other/i);
  });

  it('records a complete decision, discards the draft and shows the follow-ups', async () => {
    let recorded = false;
    const fake = setup(2023, {
      'decisions:record': () => {
        recorded = true;
        return decidedRecord('final');
      },
      'referrals:get': () =>
        recorded
          ? fullReferral({ status: 'decided', decisions: [decidedRecord('final')] })
          : fullReferral(),
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    answer(/crime been committed/, 'Yes');
    pick('sec-your-decision', 'strategy-discussion');
    type('Reasons for your decision', 'Child disclosed being hit; bruising seen.');
    type("Officer's name", 'DC Amy Hale');
    type('Police force or team', 'Harbour Police CAIT');
    fireEvent.click(screen.getByText('Use the time now'));
    type('Police reference number', 'HP-24-1187');
    pick('sec-family', 'yes');
    type('Who will see the child, and how', 'SW and police at school.');
    type('Lead practitioner', 'Sam Okafor');
    type(/^Named by/, 'Jo Morgan');
    pick('sec-see-child', 'social-worker');
    fireEvent.click(screen.getByText('Record decision'));

    await screen.findByText('Decision recorded');
    const [input] = fake.callsTo('decisions:record') as ChannelInput<'decisions:record'>[];
    expect(input?.referralId).toBe('r1');
    expect(input?.decision.chosenResponse).toBe('strategy-discussion');
    expect(input?.decision.policeNotification).toMatchObject({
      notified: true,
      reference: 'HP-24-1187',
    });
    expect(input?.decision.crimeSuspected).toBe(true);
    expect(input?.decision.recommendedResponse).toBe('strategy-discussion');
    expect(input?.decision.leadPractitionerRole).toBe('social-worker');
    expect(fake.callsTo('drafts:discard')).toHaveLength(1);
    const followUps = screen.getByTestId('follow-ups');
    expect(followUps).toHaveTextContent('Police told');
    expect(followUps).toHaveTextContent('Hold a strategy discussion');
    expect(followUps).toHaveTextContent('Due Wed 25/11/2026');
  });

  it('shows server field errors the same way', async () => {
    setup(2023, {
      'decisions:record': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'Check the decision',
          fieldErrors: { seeingChildPlan: 'Record who will see the child and by when' },
        });
      },
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    submitNfaWithoutPlan();
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary).getByRole('link', { name: 'Record who will see the child and by when' }),
    ).toBeVisible();
  });

  it('says a child must be linked first, and the server refusal links to that notice', async () => {
    const base = fullReferral();
    setup(2023, {
      'referrals:get': () => ({
        ...base,
        children: base.children.map((c) => ({ ...c, personId: null })),
      }),
      'decisions:record': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'Check the decision',
          fieldErrors: {
            children:
              'Before recording the decision, link child 1 to an existing record or confirm them as new, on the referral page.',
          },
        });
      },
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    const notice = screen.getByText('Check existing records first').closest('[role="alert"]');
    expect(notice).toHaveTextContent('Child 1 has not been linked to a record or confirmed as new');
    expect(
      within(notice as HTMLElement).getByRole('link', { name: 'referral page' }),
    ).toHaveAttribute('href', '#/referrals/r1');
    submitNfaWithoutPlan();
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    const link = within(summary).getByRole('link', { name: /link child 1/ });
    // jsdom does not lay out pages, so it has no scrollIntoView.
    Element.prototype.scrollIntoView = () => undefined;
    fireEvent.click(link);
    expect(document.activeElement).toBe(notice);
  });

  it('says manager sign-off is required under the 2013 edition', async () => {
    setup(2013);
    open();
    const rule = await screen.findByTestId('sign-off-rule');
    expect(rule).toHaveTextContent('wait for a manager to sign it off');
  });

  it('autosaves the decision in progress and restores it', async () => {
    const fake = setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    type('Reasons for your decision', 'Partly written');
    await waitFor(
      () => {
        expect(fake.callsTo('drafts:save').length).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
    const saved = fake.callsTo('drafts:save').at(-1) as ChannelInput<'drafts:save'>;
    expect(saved.kind).toBe('decision');
    expect(saved.key).toBe('r1');
    cleanup();

    setup(2023, {
      'drafts:get': () => ({
        id: 'dr1',
        kind: 'decision',
        key: 'r1',
        data: saved.data,
        updatedAt: NOW.toISOString(),
        version: 1,
      }),
    });
    open();
    await screen.findByText(/We restored the decision you were working on/);
    expect(screen.getByLabelText('Reasons for your decision')).toHaveValue('Partly written');
  });

  it('autosaves while someone keeps typing, at least once a second, not only after a pause', async () => {
    const fake = setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    const box = screen.getByLabelText('Reasons for your decision');
    vi.useFakeTimers();
    try {
      // A keystroke every 150 ms for 3 seconds: never the pause a pause-only autosave waits for.
      let typed = '';
      for (let i = 0; i < 20; i += 1) {
        typed += 'a';
        fireEvent.change(box, { target: { value: typed } });
        await act(async () => {
          await vi.advanceTimersByTimeAsync(150);
        });
      }
      const saves = fake.callsTo('drafts:save') as ChannelInput<'drafts:save'>[];
      expect(saves.length).toBeGreaterThanOrEqual(2);
      const last = saves.at(-1)?.data as { rationale: string } | undefined;
      // At most a second of typing (about 7 keystrokes) not yet sent.
      expect(typed.length - (last?.rationale.length ?? 0)).toBeLessThanOrEqual(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes no draft for an untouched form', async () => {
    const fake = setup(2023);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(fake.callsTo('drafts:save')).toHaveLength(0);
  });
});

describe('what is being decided, beside the checklist', () => {
  it('shows the concern, the child with previous involvement and re-referral, and the factors', async () => {
    const fake = setup(2023);
    open();
    const panel = await screen.findByRole('complementary', { name: 'What is being decided' });
    expect(panel).toHaveTextContent('Noah said his stepfather hit him with a belt last night');
    expect(panel).toHaveTextContent('Where the child is now: At Northgate Primary School');
    const child = within(panel).getByTestId('context-child');
    expect(child).toHaveTextContent('Noah Birch');
    expect(child).toHaveTextContent('Born 20/01/2012 (age 14)');
    expect(child).toHaveTextContent('Re-referral: referred within the last 12 months');
    // The earlier referral with its outcome; not the referral being decided.
    const earlier = await within(child).findByRole('link', { name: 'REF-0099' });
    expect(earlier).toHaveAttribute('href', '#/referrals/r0');
    expect(earlier.closest('li')).toHaveTextContent(
      'REF-0099, received 03/06/2026: Section 17 assessment (child in need)',
    );
    expect(within(child).queryByText('REF-0001')).toBeNull();
    expect(panel).toHaveTextContent(
      '3A: Domestic violence: concerns about the child being the subject',
    );
    expect(fake.callsTo('people:get')).toEqual([{ id: 'p1' }]);
    // The crime question is asked once: in the checklist, not again in the police section.
    expect(screen.getAllByRole('group', { name: /crime been committed/ })).toHaveLength(1);
  });
});

describe('the nights the clocks change', () => {
  /** A strategy discussion decision with the police told at the typed time. */
  async function decideWithPoliceToldAt(date: string, time: string): Promise<void> {
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    answer(/crime been committed/, 'Yes');
    pick('sec-your-decision', 'strategy-discussion');
    type('Reasons for your decision', 'Child disclosed being hit; bruising seen.');
    type("Officer's name", 'DC Amy Hale');
    type('Police force or team', 'Harbour Police CAIT');
    const police = screen.getByRole('group', { name: /When you told them/ });
    fireEvent.change(within(police).getByLabelText('Date'), { target: { value: date } });
    fireEvent.change(within(police).getByLabelText('Time (24-hour)'), { target: { value: time } });
    type('Police reference number', 'HP-24-1187');
    pick('sec-family', 'yes');
    type('Who will see the child, and how', 'SW and police at home.');
    type('Lead practitioner', 'Sam Okafor');
    type(/^Named by/, 'Jo Morgan');
    pick('sec-see-child', 'social-worker');
  }

  // Sunday 25 October 2026 at 01:45 GMT: the clocks went back at 02:00 BST, so 01:30 has
  // happened twice tonight.
  const autumnNight = new Date('2026-10-25T01:45:00Z');

  for (const [choice, label, instant] of [
    ['earlier', /the first time/, '2026-10-25T00:30:00.000Z'],
    ['later', /the second time/, '2026-10-25T01:30:00.000Z'],
  ] as const) {
    it(`records a decision at 01:30 on 25/10/2026, choosing the ${choice} 01:30`, async () => {
      const fake = setup(2023, {
        'decisions:record': () => decidedRecord('final'),
      });
      open(autumnNight);
      await decideWithPoliceToldAt('25/10/2026', '01:30');
      const clockChange = screen.getByTestId('policeNotification.notifiedAt-clock-change');
      expect(clockChange).toHaveTextContent('happens twice');
      // Without a choice it is queried, never guessed.
      fireEvent.click(screen.getByText('Record decision'));
      const summary = await screen.findByRole('alert', { name: 'There is a problem' });
      expect(summary).toHaveTextContent(/01:30 on 25\/10\/2026 happens twice/);
      expect(fake.callsTo('decisions:record')).toHaveLength(0);
      fireEvent.click(within(clockChange).getByLabelText(label));
      fireEvent.click(screen.getByText('Record decision'));
      await waitFor(() => {
        expect(fake.callsTo('decisions:record')).toHaveLength(1);
      });
      const [input] = fake.callsTo('decisions:record') as ChannelInput<'decisions:record'>[];
      expect(input?.decision.policeNotification?.notifiedAt).toBe(instant);
      expect(input?.decision.decidedAt).toBe('2026-10-25T01:45:00.000Z');
    });
  }

  it('refuses 01:30 on 29/03/2026: the clocks went forward, so that time did not happen', async () => {
    const fake = setup(2023, { 'decisions:record': () => decidedRecord('final') });
    open(new Date('2026-03-29T03:00:00Z'));
    await decideWithPoliceToldAt('29/03/2026', '01:30');
    expect(screen.queryByTestId('policeNotification.notifiedAt-clock-change')).toBeNull();
    fireEvent.click(screen.getByText('Record decision'));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent(/does not exist in the UK/);
    expect(screen.getByRole('group', { name: /When you told them/ })).toHaveTextContent(
      /does not exist in the UK/,
    );
    expect(fake.callsTo('decisions:record')).toHaveLength(0);
  });
});

describe('seeing the child', () => {
  it('warns when the planned time is later than the local standard, and still records it', async () => {
    const fake = setup(2023, { 'decisions:record': () => decidedRecord('final') });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
    answerAll();
    pick('sec-your-decision', 'strategy-discussion');
    type('Reasons for your decision', 'Child disclosed being hit; bruising seen.');
    pick('sec-family', 'yes');
    type('Who will see the child, and how', 'SW to see Noah with his father present.');
    const by = screen.getByRole('group', { name: /See the child by/ });
    fireEvent.change(within(by).getByLabelText('Date'), { target: { value: '26/11/26' } });
    fireEvent.change(within(by).getByLabelText('Time (24-hour)'), { target: { value: '9:00' } });
    expect(screen.getByTestId('see-child-later')).toHaveTextContent(
      'later than the local standard for child protection concerns: see the child within 24 hours, by 25/11/2026 10:00',
    );
    type('Lead practitioner', 'Sam Okafor');
    type(/^Named by/, 'Jo Morgan');
    pick('sec-see-child', 'social-worker');
    fireEvent.click(screen.getByText('Record decision'));
    await waitFor(() => {
      expect(fake.callsTo('decisions:record')).toHaveLength(1);
    });
    const [input] = fake.callsTo('decisions:record') as ChannelInput<'decisions:record'>[];
    expect(input?.decision.seeChildBy).toBe('2026-11-26T09:00:00.000Z');
  });
});

describe('a decision the manager returned', () => {
  function returnedReferral() {
    const d = decidedRecord('returned');
    return fullReferral({
      decisions: [
        {
          ...d,
          signOffs: [
            {
              id: 's1',
              by: { id: 'u-mgr', displayName: 'Jo Morgan' },
              at: '2026-11-24T09:55:00Z',
              outcome: 'returned',
              comment: 'Say who is seeing Noah and when; add the lead practitioner',
            },
          ],
        },
      ],
    });
  }

  it('opens with the previous answers filled in and the comment at the top', async () => {
    const fake = setup(2023, { 'referrals:get': () => returnedReferral() });
    open();
    const notice = await screen.findByTestId('returned-notice');
    expect(notice).toHaveTextContent(
      'Returned by Jo Morgan on 24/11/2026: Say who is seeing Noah and when; add the lead practitioner. Your previous answers are filled in; change what the manager asked for.',
    );
    expect(within(group(/significant harm/)).getByLabelText('Yes')).toBeChecked();
    expect(screen.getByRole('radio', { name: /Strategy discussion/ })).toBeChecked();
    expect(screen.getByLabelText('Reasons for your decision')).toHaveValue(
      'Injury disclosed by the child; reasonable cause to suspect significant harm.',
    );
    expect(screen.getByLabelText("Officer's name")).toHaveValue('DC Amy Hale');
    const police = screen.getByRole('group', { name: /When you told them/ });
    expect(within(police).getByLabelText('Date')).toHaveValue('24/11/2026');
    expect(within(police).getByLabelText('Time (24-hour)')).toHaveValue('09:40');
    expect(screen.getByLabelText('Who will see the child, and how')).toHaveValue(
      'Social worker and police to see Noah at school today.',
    );
    // Opening the filled-in form is not a change: no draft until the worker changes something.
    expect(fake.callsTo('drafts:save')).toHaveLength(0);
  });

  it('restores a draft instead, with the comment still at the top', async () => {
    setup(2023, {
      'referrals:get': () => returnedReferral(),
      'drafts:get': () => ({
        id: 'dr1',
        kind: 'decision',
        key: 'r1',
        data: { rationale: 'Redone after the manager returned it' },
        updatedAt: NOW.toISOString(),
        version: 1,
      }),
    });
    open();
    const notice = await screen.findByTestId('returned-notice');
    expect(notice).toHaveTextContent('Returned by Jo Morgan on 24/11/2026');
    expect(notice).not.toHaveTextContent('Your previous answers are filled in');
    expect(screen.getByText(/We restored the decision you were working on/)).toBeVisible();
    expect(screen.getByLabelText('Reasons for your decision')).toHaveValue(
      'Redone after the manager returned it',
    );
  });
});
