// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RulesPage } from '../../../renderer/src/features/rules/RulesPage';

afterEach(cleanup);

const NOW = (): Date => new Date('2026-11-23T10:00:00Z'); // Monday 23/11/2026

function requiredSection(): HTMLElement {
  const heading = screen.getByRole('heading', { name: 'Must be involved' });
  const list = heading.nextElementSibling;
  if (!(list instanceof HTMLElement)) throw new Error('required roles list missing');
  return list;
}

describe('Rules and clocks page', () => {
  it('shows the edition in use and its required strategy discussion roles', () => {
    render(<RulesPage configuredEdition={2013} now={NOW} />);
    expect(screen.getByRole('button', { name: /2013/ })).toHaveProperty('ariaPressed', 'true');
    expect(within(requiredSection()).getByText("Social worker's manager")).toBeTruthy();
    expect(within(requiredSection()).getByText('Health practitioner')).toBeTruthy();
  });

  it('drops the manager from the required roles when comparing with 2018', async () => {
    const user = userEvent.setup();
    render(<RulesPage configuredEdition={2013} now={NOW} />);
    await user.click(screen.getByRole('button', { name: /2018/ }));
    expect(within(requiredSection()).queryByText("Social worker's manager")).toBeNull();
    expect(within(requiredSection()).getByText('Police')).toBeTruthy();
  });

  it('marks [verify] rules as local settings with their documented default', () => {
    render(<RulesPage configuredEdition={2023} now={NOW} />);
    const row = screen.getByText('ICPC counted from').closest('tr');
    if (!row) throw new Error('row missing');
    expect(within(row).getByText('Local setting')).toBeTruthy();
    expect(within(row).getByText('the last strategy discussion')).toBeTruthy();
    expect(
      within(row).getByTitle('This is a local setting; default per domain guidance.'),
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
