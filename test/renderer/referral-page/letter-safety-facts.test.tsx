// The referral page shows the facts the referrer-letter rules rely on (issue 13): a confidential
// referrer is flagged so no one tells the family, and who is alleged to have caused harm, with
// where they live, is plain beside their name.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { ReferralRecord } from '../../../shared/domain/records';
import { createFakeApi } from '../../helpers/fake-api';
import { NOW, makeSession, makeUser, okStatus } from '../fixtures';
import { fullReferral, settingsFor } from './referral-fixture';

function show(r: ReferralRecord): void {
  const settings = settingsFor(2023);
  window.api = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(makeUser()), settings }),
    'settings:get': () => settings,
    'referrals:get': () => r,
    'audit:list': () => [],
  }).api;
  window.location.hash = '#/referrals/r1';
  render(<App now={() => NOW} />);
}

const FLAG = 'Identity confidential: never share with the family';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the referral page: facts for safe letters', () => {
  it('flags a confidential professional, and a household member alleged to have caused harm', async () => {
    const base = fullReferral();
    const referrer = { ...base.referrer, confidential: true } as ReferralRecord['referrer'];
    const [mother, stepfather] = base.householdMembers;
    if (!mother || !stepfather) throw new Error('fixture');
    show(
      fullReferral({
        referrer,
        householdMembers: [
          mother,
          {
            ...stepfather,
            member: {
              ...stepfather.member,
              livesInHousehold: false,
              allegedHarm: true,
              address: { line1: '9 Dock Road', town: 'Harbourton', postcode: 'HB4 1AA' },
            },
          },
        ],
      }),
    );
    const received = await screen.findByRole('region', { name: 'Received and referrer' });
    expect(within(received).getByTestId('referrer-confidential')).toHaveTextContent(FLAG);
    const household = screen.getByRole('region', { name: 'Household and parental responsibility' });
    const [kelly, mark] = within(household).getAllByRole('listitem');
    expect(mark).toHaveTextContent('Alleged to have caused harm');
    expect(mark).toHaveTextContent('Address: 9 Dock Road, Harbourton, HB4 1AA');
    expect(mark).toHaveTextContent('Does not live in the household');
    expect(kelly).not.toHaveTextContent('Alleged');
    expect(kelly).not.toHaveTextContent('Address');
  });

  it('shows nothing extra for a referral saved before these facts existed', async () => {
    show(fullReferral());
    const received = await screen.findByRole('region', { name: 'Received and referrer' });
    expect(within(received).queryByTestId('referrer-confidential')).toBeNull();
    expect(screen.queryByTestId('alleged-harm')).toBeNull();
  });

  it("shows a family member's parental responsibility and a child's safe contact", async () => {
    const pub = {
      kind: 'public' as const,
      name: 'Kelly Birch',
      phone: '07700 900123',
      wantsFeedback: true,
      feedbackMethod: 'phone' as const,
    };
    show(
      fullReferral({
        referrer: { ...pub, relationship: 'family-member', parentalResponsibility: true },
      }),
    );
    let received = await screen.findByRole('region', { name: 'Received and referrer' });
    expect(received).toHaveTextContent('Parental responsibility: Yes');
    expect(received).not.toHaveTextContent('How it is safe to contact them');
    cleanup();

    show(
      fullReferral({
        referrer: {
          ...pub,
          name: 'Noah Birch',
          relationship: 'self',
          safeContact: 'Through the school nurse',
          confidential: true,
        },
      }),
    );
    received = await screen.findByRole('region', { name: 'Received and referrer' });
    expect(received).toHaveTextContent('How it is safe to contact them: Through the school nurse');
    expect(within(received).getByTestId('referrer-confidential')).toHaveTextContent(FLAG);
    expect(received).not.toHaveTextContent('Parental responsibility');
  });
});
