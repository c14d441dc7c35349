import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { ChannelInput } from '../../../shared/ipc/contract';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, okStatus } from '../fixtures';
import { decidedRecord, fullReferral, settingsFor } from '../referral-page/referral-fixture';

function setup(edition: 2013 | 2023, overrides: FakeHandlers = {}): FakeApi {
  const settings = settingsFor(edition);
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(), settings }),
    'settings:get': () => settings,
    'referrals:get': () => fullReferral(),
    'drafts:get': () => null,
    'drafts:save': ({ key, data }) => ({
      id: 'dr1',
      kind: 'decision',
      key,
      data,
      updatedAt: NOW.toISOString(),
      version: 1,
    }),
    'drafts:discard': () => ({ discarded: true }),
    'audit:list': () => [],
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}

function open(): void {
  window.location.hash = '#/referrals/r1/decision';
  render(<App now={() => NOW} />);
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

describe('the decision checklist screen', { timeout: 20_000 }, () => {
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
      { timeout: 3000 },
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
});
