// The header search box (issue 11): Ctrl+K / ⌘K focuses it; results come as you type, grouped,
// with why each matched; ↓/↑ choose, Enter opens, Esc closes; Enter with nothing chosen (or "See
// all results") opens the search page; short text shows the hint.
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { SearchResults } from '../../../shared/domain/search';
import { TOO_SHORT_HINT } from '../../../shared/search/query';
import { createFakeApi, type FakeApi } from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, okStatus } from '../fixtures';
import { personDetail } from '../people/person-fixture';

function results(text: string): SearchResults {
  if (text.length < 3) {
    return {
      text,
      kind: null,
      hint: TOO_SHORT_HINT,
      children: [],
      referrals: [],
      more: { children: false, referrals: false },
    };
  }
  return {
    text,
    kind: 'text',
    hint: null,
    children: [
      {
        personId: 'p1',
        givenNames: 'Amy',
        familyName: 'Smith',
        otherNames: null,
        status: 'born',
        dateOfBirth: '2016-04-03',
        expectedDateOfBirth: null,
        approxBirthYear: null,
        nhsNumber: '9434765919',
        postcode: 'HB2 3PD',
        why: ['name'],
      },
      {
        personId: 'p9',
        givenNames: 'Aimee',
        familyName: 'Smyth',
        otherNames: null,
        status: 'born',
        dateOfBirth: null,
        expectedDateOfBirth: null,
        approxBirthYear: 2017,
        nhsNumber: null,
        postcode: null,
        why: ['name-sounds-like'],
      },
    ],
    referrals: [
      {
        referralId: 'r2',
        reference: 'FD-2026-000123',
        status: 'decided',
        receivedAt: '2026-11-20T10:00:00Z',
        referrerLabel: 'Oak Primary School',
        immediateProtection: false,
        children: [{ name: 'Amy Smith', personId: 'p1' }],
        why: ['child-name'],
        snippet: null,
      },
    ],
    more: { children: false, referrals: false },
  };
}

function setup(): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(),
    'settings:get': () => makeSettings(),
    'search:all': ({ text }) => results(text),
    'people:get': () => personDetail(),
  });
  window.api = fake.api;
  window.location.hash = '#/search';
  render(<App now={() => NOW} />);
  return fake;
}

function box(): HTMLInputElement {
  return screen.getByRole('combobox', { name: /Find a child or referral/ });
}

function type(text: string): void {
  fireEvent.change(box(), { target: { value: text } });
}

async function optionsShown(): Promise<HTMLElement[]> {
  await waitFor(() => {
    expect(screen.getAllByRole('option').length).toBeGreaterThan(1);
  });
  return screen.getAllByRole('option');
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the header search box', () => {
  it('is focused by Ctrl+K and by ⌘K', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Find a child or referral' });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(box()).toHaveFocus();
    box().blur();
    expect(box()).not.toHaveFocus();
    fireEvent.keyDown(window, { key: 'K', metaKey: true });
    expect(box()).toHaveFocus();
  });

  it('asks for 3 characters instead of searching 1 or 2', async () => {
    const fake = setup();
    await screen.findByRole('heading', { level: 1 });
    box().focus();
    type('Am');
    await waitFor(() => {
      expect(screen.getByTestId('header-search-status')).toHaveTextContent(TOO_SHORT_HINT);
    });
    // Only "See all results" is offered; no record.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'See all results for “Am”',
    ]);
    expect(fake.callsTo('search:all')).toEqual([{ text: 'Am', limit: 5 }]);
  });

  it('shows grouped results with why, moves with the arrows and opens with Enter', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    box().focus();
    type('Amy Smith');
    const options = await optionsShown();
    const list = screen.getByRole('listbox', { name: 'Search results' });
    const children = within(list).getByRole('group', { name: 'Children' });
    expect(within(children).getAllByRole('option')).toHaveLength(2);
    expect(options[0]).toHaveTextContent('Amy Smith');
    expect(options[0]).toHaveTextContent('Born 03/04/2016 · NHS 943 476 5919 · HB2 3PD');
    expect(options[0]).toHaveTextContent('Matched on: name');
    expect(options[1]).toHaveTextContent('Born around 2017');
    expect(options[1]).toHaveTextContent('Matched on: name sounds like');
    const referrals = within(list).getByRole('group', { name: 'Referrals' });
    expect(referrals).toHaveTextContent(
      "FD-2026-000123Amy Smith · received 20/11/2026 10:00 · DecidedMatched on: child's name",
    );
    expect(options.at(-1)).toHaveTextContent('See all results for “Amy Smith”');
    expect(box()).toHaveAttribute('aria-expanded', 'true');

    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(box()).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(box()).toHaveAttribute('aria-activedescendant', options[0]?.id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    await screen.findByRole('heading', { level: 1, name: 'Amy Smith' });
    expect(window.location.hash).toBe('#/people/p1');
  });

  it('closes with Esc, and Enter with nothing chosen opens the search page', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    box().focus();
    type('Amy Smith');
    await optionsShown();
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).toBeNull();
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => {
      expect(window.location.hash).toBe('#/search?q=Amy%20Smith');
    });
    const page = await screen.findByTestId('search-children');
    expect(page).toHaveTextContent('Amy Smith');
    expect(screen.getByTestId('search-referrals')).toHaveTextContent('FD-2026-000123');
  });

  it('reaches "See all results" going up from the text', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    box().focus();
    type('Smith');
    const options = await optionsShown();
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(box()).toHaveAttribute('aria-activedescendant', options.at(-1)?.id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => {
      expect(window.location.hash).toBe('#/search?q=Smith');
    });
  });
});
