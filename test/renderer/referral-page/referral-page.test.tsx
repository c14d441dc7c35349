import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { AppUser, ReferralRecord } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, makeUser, okStatus } from '../fixtures';
import { decidedRecord, fullReferral, settingsFor } from './referral-fixture';

function setup(overrides: FakeHandlers = {}, user: AppUser = makeUser()): FakeApi {
  const settings = settingsFor(2023);
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(user), settings }),
    'settings:get': () => settings,
    'referrals:get': () => fullReferral(),
    'audit:list': () => [
      {
        seq: 7,
        at: '2026-11-24T09:50:00Z',
        user: { id: 'u-duty', displayName: 'Dana Wilson' },
        action: 'view',
        entityType: 'referral',
        entityId: 'r1',
        summary: 'Viewed REF-0001',
        details: {},
      },
    ],
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}

function open(): void {
  window.location.hash = '#/referrals/r1';
  render(<App now={() => NOW} />);
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the referral page', () => {
  it('shows everything captured about the referral', async () => {
    setup();
    open();
    await screen.findByRole('heading', { level: 1, name: 'Noah Birch' });
    expect(
      screen.getByText('The referrer said the child may need immediate protection.'),
    ).toBeVisible();

    const received = section('Received and referrer');
    expect(received).toHaveTextContent('23/11/2026 18:30');
    expect(received).toHaveTextContent(/after the office closed at 17:00/);
    expect(received).toHaveTextContent('Phone call');
    expect(received).toHaveTextContent('professional');

    const child = section('Child');
    expect(child).toHaveTextContent('20/01/2012 (age 14)');
    expect(child).toHaveTextContent('943 476 5919');
    expect(child).toHaveTextContent('4 Quay Street, Harbourton, HB2 3CD');
    expect(child).toHaveTextContent("Linked to the child's record");
    expect(child).toHaveTextContent('Re-referral');

    const household = section('Household and parental responsibility');
    expect(household).toHaveTextContent('Kelly Birch (Mother)');
    expect(household).toHaveTextContent('Has parental responsibility');
    expect(household).toHaveTextContent('Mark Dunn (Stepfather)');

    const concern = section('The concern');
    expect(concern).toHaveTextContent('hit him with a belt');
    expect(concern).toHaveTextContent(
      '3A: Domestic violence: concerns about the child being the subject of domestic violence',
    );
    expect(concern).toHaveTextContent('At Northgate Primary School until 15:15');
    expect(concern).toHaveTextContent('Parents know about the referralNo');

    const consent = section('Consent and information sharing');
    expect(consent).toHaveTextContent('Consent not sought: Asking would place the child at risk');
    expect(consent).toHaveTextContent('Shared with Harbour Police CAIT');
    // Recorded before the lawful basis was split: shown as recorded, without a wrong citation.
    expect(consent).toHaveTextContent(
      'Recorded before the lawful basis was split into its parts: Safeguarding of children, without consent',
    );
    expect(consent).not.toHaveTextContent('Sch 8');
  });

  it('shows the lawful basis for sharing in its parts', async () => {
    const base = fullReferral();
    setup({
      'referrals:get': () => ({
        ...base,
        input: {
          ...base.input,
          informationSharing: [
            {
              decision: 'shared',
              date: '2026-11-24',
              what: 'The referral and body map',
              withWhom: 'Harbour Police CAIT',
              why: 'Possible assault on a child',
              recordedBy: 'Dana Wilson',
              article6Basis: 'public-task',
              specialCategory: 'art9-2g-safeguarding',
              criminalOffenceData: 'sch1-para18',
            },
          ],
        },
      }),
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Noah Birch' });
    const consent = section('Consent and information sharing');
    expect(consent).toHaveTextContent(
      'Public task (UK GDPR Art 6(1)(e)) · Special category data: Safeguarding of children (UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 Pt 2 para 18) · Criminal offence data: Safeguarding of children (UK GDPR Art 10 with DPA 2018 s10(5) and Sch 1 Pt 2 para 18) · Recorded by Dana Wilson',
    );
    expect(consent).not.toHaveTextContent('Recorded before the lawful basis was split');
  });

  it('shows the clocks with due dates and the counting convention', async () => {
    setup();
    open();
    const clocks = await screen.findByRole('region', { name: 'Clocks' });
    expect(clocks).toHaveTextContent('Decision on type of response');
    // Received after hours, but the child may need immediate protection: due that same day.
    expect(clocks).toHaveTextContent('Due Mon 23/11/2026');
    expect(clocks).toHaveTextContent(
      'The child may need immediate protection: decide now, whatever the time or day.',
    );
    expect(clocks).toHaveTextContent('The day something happens is day 0');
    expect(within(clocks).getAllByTestId('clock-chip').length).toBeGreaterThan(0);
    // The rule, then its source in a few words (the full wording is on the Rules screen).
    expect(clocks).toHaveTextContent(
      'Complete the assessment within 45 working days of the date of referral',
    );
    expect(
      within(clocks).getAllByText('Source: Working Together 2023, ch.3').length,
    ).toBeGreaterThan(0);
    // The internal review point waits for the assessment to start, and says so.
    expect(clocks).toHaveTextContent('Starts when the assessment starts.');
    expect(within(clocks).getByRole('link', { name: 'Rules and clocks' })).toHaveAttribute(
      'href',
      '#/rules',
    );
  });

  it('offers "Record decision" while awaiting a decision', async () => {
    setup();
    open();
    const link = await screen.findByRole('link', { name: 'Record decision' });
    expect(link).toHaveAttribute('href', '#/referrals/r1/decision');
  });

  it('shows a decision with its status and follow-ups', async () => {
    setup({
      'referrals:get': () =>
        fullReferral({ status: 'decided', decisions: [decidedRecord('final')] }),
    });
    open();
    const decision = await screen.findByRole('region', { name: 'Decision' });
    expect(decision).toHaveTextContent('Strategy discussion (possible section 47 enquiry)');
    expect(decision).toHaveTextContent('Final');
    const followUps = within(decision).getByTestId('follow-ups');
    expect(followUps).toHaveTextContent('Police toldDC Amy Hale, Harbour Police CAIT');
    expect(followUps).toHaveTextContent('Hold a strategy discussion');
    expect(followUps).toHaveTextContent('Tell the referrer the outcome');
    expect(screen.queryByRole('link', { name: 'Record decision' })).toBeNull();
  });

  it('lets a manager agree or return a decision awaiting sign-off (comment required to return)', async () => {
    const manager = makeUser({ id: 'u-mgr', displayName: 'Jo Morgan', roles: ['manager'] });
    const fake = setup(
      {
        'referrals:get': () =>
          fullReferral({
            status: 'awaiting-sign-off',
            decisions: [decidedRecord('awaiting-sign-off')],
          }),
        'decisions:sign-off': () => decidedRecord('returned'),
      },
      manager,
    );
    open();
    await screen.findByRole('region', { name: 'Manager sign-off' });
    expect(screen.getByRole('button', { name: 'Agree' })).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Return with comment' }));
    fireEvent.click(screen.getByRole('button', { name: 'Return with comment' }));
    expect(
      await screen.findByRole('link', { name: 'Say why you are returning the decision' }),
    ).toBeVisible();
    expect(fake.callsTo('decisions:sign-off')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Why are you returning it?'), {
      target: { value: 'Speak to the school again first.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Return with comment' }));
    await waitFor(() => {
      expect(fake.callsTo('decisions:sign-off')).toHaveLength(1);
    });
    const [input] = fake.callsTo('decisions:sign-off') as ChannelInput<'decisions:sign-off'>[];
    expect(input).toEqual({
      decisionId: 'd1',
      version: 1,
      outcome: 'returned',
      comment: 'Speak to the school again first.',
    });
  });

  it('says at the top who returned the decision and what they asked for', async () => {
    const returned = decidedRecord('returned');
    setup({
      'referrals:get': () =>
        fullReferral({
          status: 'awaiting-decision',
          decisions: [
            {
              ...returned,
              signOffs: [
                {
                  id: 's1',
                  by: { id: 'u-mgr', displayName: 'Jo Morgan' },
                  at: '2026-11-24T09:55:00Z',
                  outcome: 'returned',
                  comment: 'Speak to the school again first.',
                },
              ],
            },
          ],
        }),
    });
    open();
    const notice = await screen.findByTestId('returned-notice');
    expect(notice).toHaveTextContent(
      'Returned by Jo Morgan on 24/11/2026: Speak to the school again first. Record the decision again: the previous answers will be filled in for you to change.',
    );
    // Above the next step, so it is read before "Record decision".
    const next = screen.getByRole('link', { name: 'Record decision' });
    expect(notice.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('does not offer sign-off to the worker', async () => {
    setup({
      'referrals:get': () =>
        fullReferral({
          status: 'awaiting-sign-off',
          decisions: [decidedRecord('awaiting-sign-off')],
        }),
    });
    open();
    await screen.findByRole('region', { name: 'Decision' });
    expect(screen.queryByRole('button', { name: 'Agree' })).toBeNull();
  });

  it('adds a significant event, defaulting to now', async () => {
    const fake = setup({
      'referrals:add-event': ({ text, at }) =>
        fullReferral({
          chronology: [
            ...fullReferral().chronology,
            {
              id: 'e2',
              at,
              kind: 'significant',
              text,
              by: { id: 'u-duty', displayName: 'Dana Wilson' },
            },
          ],
        }),
    });
    open();
    const chronology = await screen.findByRole('region', { name: 'What has happened' });
    expect(chronology).toHaveTextContent('Referral received by phone.');
    fireEvent.click(within(chronology).getByRole('button', { name: 'Add significant event' }));
    expect(within(chronology).getByLabelText('Date')).toHaveValue('24/11/2026');
    expect(within(chronology).getByLabelText('Time (24-hour)')).toHaveValue('10:00');
    fireEvent.click(within(chronology).getByRole('button', { name: 'Add event' }));
    expect(
      await within(chronology).findByRole('link', { name: 'Describe what happened' }),
    ).toBeVisible();
    fireEvent.change(within(chronology).getByLabelText('What happened'), {
      target: { value: 'Mother rang: stepfather has left the house.' },
    });
    fireEvent.click(within(chronology).getByRole('button', { name: 'Add event' }));
    await within(chronology).findByText('Mother rang: stepfather has left the house.');
    expect(fake.callsTo('referrals:add-event')).toEqual([
      {
        id: 'r1',
        at: '2026-11-24T10:00:00.000Z',
        text: 'Mother rang: stepfather has left the house.',
      },
    ]);
  });

  it('shows who has viewed and changed the referral', async () => {
    setup();
    open();
    const audit = await screen.findByRole('region', { name: 'Who has viewed and changed this' });
    fireEvent.click(
      within(audit).getByRole('button', { name: 'Show who has viewed and changed this' }),
    );
    expect(await within(audit).findByText('Viewed REF-0001')).toBeVisible();
  });

  it('hides the audit from roles that may not read it', async () => {
    setup({}, makeUser({ roles: ['chair'] }));
    open();
    await screen.findByRole('heading', { level: 1, name: 'Noah Birch' });
    expect(screen.queryByRole('region', { name: 'Who has viewed and changed this' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Record decision' })).toBeNull();
  });

  it('assigns to me, and explains a refused stale write', async () => {
    const fake = setup({
      'referrals:assign': () => {
        throw new FakeIpcError({ code: 'STALE', message: 'Someone else saved first' });
      },
    });
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText(/Someone else changed this referral just now/)).toBeVisible();
    expect(fake.callsTo('referrals:assign')).toEqual([{ id: 'r1', version: 1, userId: 'u-duty' }]);
  });

  it('asks for each child to be linked or confirmed new before the decision', async () => {
    const base = fullReferral();
    const unlinked = {
      ...base,
      children: base.children.map((c) => ({ ...c, personId: null })),
    };
    let current: ReferralRecord = unlinked;
    const fake = setup({
      'referrals:get': () => current,
      'people:match': () => [],
      'people:link': (input) => {
        current = { ...base, version: input.version + 1 };
        return current;
      },
    });
    open();
    const next = await screen.findByRole('button', { name: 'Check existing records' });
    expect(screen.queryByRole('link', { name: 'Record decision' })).toBeNull();
    expect(screen.getByText(/First check whether child 1 is already known/)).toBeVisible();
    fireEvent.click(next);
    const panel = section('Already known?');
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { level: 2 }));
    expect(
      await within(panel).findByText('No existing records match. This looks like a new child.'),
    ).toBeVisible();
    const query = fake.callsTo('people:match')[0] as ChannelInput<'people:match'>;
    expect(query).toMatchObject({
      givenNames: 'Noah',
      familyName: 'Birch',
      dateOfBirth: '2012-01-20',
    });
    fireEvent.click(within(panel).getByRole('button', { name: /new child$/ }));
    await waitFor(() => {
      expect(fake.callsTo('people:link')).toEqual([
        { referralId: 'r1', version: base.version, childIndex: 0, personId: null },
      ]);
    });
    expect(await screen.findByRole('link', { name: 'Record decision' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Already known?' })).toBeNull();
  });
});
