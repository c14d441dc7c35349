// Dates in years whose bank holidays are not yet known (computed by rule only, beyond the shipped
// table and any imported GOV.UK file) are marked "provisional" on the Rules and clocks page and on
// a referral's clocks (issue 14).
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ClocksList } from '../../../renderer/src/features/referrals/ClocksSection';
import { RulesPage } from '../../../renderer/src/features/rules/RulesPage';
import {
  bankHolidaysFor,
  computeReferralClocks,
  createWorkingDayCalendar,
  type ImportedBankHolidays,
} from '../../../shared/calendar';
import { resolvePolicy } from '../../../shared/policy';

afterEach(cleanup);

const NOW = (): Date => new Date('2027-12-30T10:00:00Z'); // Thursday 30/12/2027

/** A GOV.UK table imported for 2026–2028. */
const TO_2028: ImportedBankHolidays = {
  id: 'import-2028',
  covers: { from: 2026, to: 2028 },
  dates: [2026, 2027, 2028].flatMap((y) =>
    bankHolidaysFor(y, null).map((h) => ({ date: h.date, title: h.name })),
  ),
};

function setYear(year: number): void {
  fireEvent.change(screen.getByLabelText('Year'), { target: { value: String(year) } });
}

describe('provisional dates on Rules and clocks', () => {
  it('marks a year beyond what is known as provisional, and not once it is imported', () => {
    render(<RulesPage now={NOW} />);
    setYear(2028);
    expect(screen.getByTestId('holidays-source')).toHaveTextContent(
      'Provisional: worked out by the standing rules. A one-off bank holiday announced for 2028',
    );
    setYear(2027);
    expect(screen.getByTestId('holidays-source')).toHaveTextContent(
      'From the rules and the one-off changes announced',
    );
    cleanup();
    render(<RulesPage now={NOW} bankHolidays={TO_2028} />);
    setYear(2028);
    expect(screen.getByTestId('holidays-source')).toHaveTextContent(
      'From the GOV.UK bank holidays file your administrator imported.',
    );
  });

  it('says a due date in such a year is provisional in the calculator', () => {
    render(<RulesPage now={NOW} />);
    fireEvent.change(screen.getByLabelText('Referral received (date)'), {
      target: { value: '31/12/2027' },
    });
    fireEvent.change(screen.getByLabelText('Time received'), { target: { value: '10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Work out the clocks' }));
    const table = screen.getByRole('table', { name: 'Statutory clocks' });
    const decision = within(table).getAllByRole('row')[1];
    // Friday 31/12/2027 is day 0; Monday 3 January 2028 is New Year's substitute day by rule.
    expect(decision).toHaveTextContent('04/01/2028 (provisional: bank holidays not yet known)');
  });
});

describe('provisional dates on a referral’s clocks', () => {
  it('marks a due date beyond what is known, unless an imported file covers it', () => {
    const clocks = computeReferralClocks({
      receivedAt: '2027-12-31T10:00:00.000Z',
      policy: resolvePolicy(2023),
      calendar: createWorkingDayCalendar(),
      now: NOW().toISOString(),
    }).clocks;
    render(
      <MemoryRouter>
        <ClocksList clocks={clocks} bankHolidays={null} />
      </MemoryRouter>,
    );
    const decision = screen.getByTestId('clocks').querySelector('[data-clock="decision"]');
    expect(decision).toHaveTextContent('Due Tue 04/01/2028 (provisional)');
    cleanup();
    render(
      <MemoryRouter>
        <ClocksList clocks={clocks} bankHolidays={TO_2028} />
      </MemoryRouter>,
    );
    const known = screen.getByTestId('clocks').querySelector('[data-clock="decision"]');
    expect(known).toHaveTextContent('Due Tue 04/01/2028');
    expect(known).not.toHaveTextContent('provisional');
  });
});
