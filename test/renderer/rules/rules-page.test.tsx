// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RulesPage } from '../../../renderer/src/features/rules/RulesPage';

afterEach(cleanup);

const NOW = (): Date => new Date('2026-11-23T10:00:00Z'); // Monday 23/11/2026

/** The attendee table's row for a role, or null. */
function attendeeRow(role: string): HTMLElement | null {
  const table = screen.getByRole('table', { name: 'Strategy discussion: who must be involved' });
  const cell = within(table).queryByText(role);
  return cell?.closest('tr') ?? null;
}

function isRequired(role: string): boolean {
  const row = attendeeRow(role);
  return row !== null && within(row).queryByText('Must be involved') !== null;
}

describe('Rules and clocks page', () => {
  it('shows the edition in use and its required strategy discussion roles', () => {
    render(<RulesPage configuredEdition={2013} now={NOW} />);
    expect(screen.getByRole('button', { name: /2013/ })).toHaveProperty('ariaPressed', 'true');
    expect(isRequired("Social worker's manager")).toBe(true);
    expect(isRequired('Health practitioner')).toBe(true);
    // Each role says who names it.
    expect(attendeeRow("Social worker's manager")).toHaveTextContent(
      "WT 2013 ch.1 (strategy discussion): the social worker's manager",
    );
  });

  it('attributes 2010’s doctors correctly: the consultant for an in-patient, a senior doctor for an examination', async () => {
    const user = userEvent.setup();
    render(<RulesPage configuredEdition={2013} now={NOW} />);
    await user.click(screen.getByRole('button', { name: /2010/ }));
    expect(
      attendeeRow('Consultant responsible for the child (child in hospital)'),
    ).toHaveTextContent(/hospital patient, the medical consultant responsible/);
    expect(attendeeRow('Senior doctor (a medical examination may be needed)')).toHaveTextContent(
      /medical examination may be necessary/,
    );
    expect(isRequired('Health practitioner')).toBe(false);
  });

  it('shows the checklist’s safety rules with their sources', () => {
    render(<RulesPage configuredEdition={2023} now={NOW} />);
    const safety = screen.getByRole('table', { name: 'Safety rules' });
    expect(safety).toHaveTextContent(
      'not known to “reasonable cause to suspect significant harm”Strategy discussion (possible section 47 enquiry); consult a manager now',
    );
    expect(safety).toHaveTextContent(/Children Act 1989 ss44, 46/);
    expect(screen.getByRole('table', { name: 'Checklist questions' })).toHaveTextContent(
      /Private Arrangements for Fostering\) Regulations 2005, reg 4/,
    );
  });

  it('drops the manager from the required roles when comparing with 2018', async () => {
    const user = userEvent.setup();
    render(<RulesPage configuredEdition={2013} now={NOW} />);
    await user.click(screen.getByRole('button', { name: /2018/ }));
    expect(isRequired("Social worker's manager")).toBe(false);
    expect(attendeeRow("Social worker's manager")).toHaveTextContent(/local policy/);
    expect(isRequired('Police')).toBe(true);
  });

  it('marks [verify] rules as local settings with their documented default', () => {
    render(<RulesPage configuredEdition={2023} now={NOW} />);
    const row = screen.getByText('ICPC counted from').closest('tr');
    if (!row) throw new Error('row missing');
    expect(within(row).getByText('Local setting')).toBeTruthy();
    expect(within(row).getByText('the last strategy discussion')).toBeTruthy();
    expect(
      within(row).getByTitle(
        'This is a local setting: your authority can change it. The default and where it comes from are shown beside it.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Rules marked “Local setting” are left to local policy/)).toBeTruthy();
  });

  it('refuses an impossible date beside the field and works out clocks for a valid one', async () => {
    const user = userEvent.setup();
    render(<RulesPage configuredEdition={2023} now={NOW} />);
    const date = screen.getByLabelText('Referral received (date)');
    const time = screen.getByLabelText('Time received');
    await user.clear(date);
    await user.type(date, '31/04/2025');
    await user.click(screen.getByRole('button', { name: 'Work out the clocks' }));
    expect(screen.getByText('Enter a real date, for example 27/03/2026')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Statutory clocks' })).toBeNull();

    // Friday 20/11/2026 at 17:30, after closing: counted from Monday 23/11, due Tuesday 24/11.
    await user.clear(date);
    await user.type(date, '20/11/2026');
    await user.clear(time);
    await user.type(time, '17:30');
    await user.click(screen.getByRole('button', { name: 'Work out the clocks' }));
    const table = screen.getByRole('table', { name: 'Statutory clocks' });
    const decision = within(table).getByText('Decision on type of response').closest('tr');
    if (!decision) throw new Error('decision row missing');
    expect(within(decision).getByText('23/11/2026')).toBeTruthy();
    expect(within(decision).getByText('24/11/2026')).toBeTruthy();
    expect(within(decision).getByText('On time: 1 working day left')).toBeTruthy();
  });

  it('asks rather than guessing a time that does not exist on the spring-forward day', async () => {
    const user = userEvent.setup();
    render(<RulesPage configuredEdition={2023} now={NOW} />);
    const date = screen.getByLabelText('Referral received (date)');
    const time = screen.getByLabelText('Time received');
    await user.clear(date);
    await user.type(date, '29/03/2026');
    await user.clear(time);
    await user.type(time, '01:30');
    await user.click(screen.getByRole('button', { name: 'Work out the clocks' }));
    expect(screen.getByText(/does not exist in the UK/)).toBeTruthy();
  });

  it('lists the bank holidays for a year', () => {
    render(<RulesPage configuredEdition={2023} now={NOW} />);
    const table = screen.getByRole('table', { name: 'Bank holidays 2026' });
    expect(within(table).getByText('28/12/2026')).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(8);
  });
});
