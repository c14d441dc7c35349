// A child's record page (issue 11): identity with other names, household and siblings, every
// referral with its decision, what happened since and the re-referral flag; merging another
// record in (a choice and a reason are required) and undoing a merge (a refusal shown in words);
// merge controls only for managers and administrators.
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { AppUser, MergeRecord } from '../../../shared/domain/records';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';
import { person, personDetail } from './person-fixture';

const MANAGER = makeUser({ id: 'u-mgr', displayName: 'Jo Morgan', roles: ['manager'] });

function merged(over: Partial<MergeRecord> = {}): MergeRecord {
  const m = personDetail().merges[0];
  if (!m) throw new Error('fixture has a merge');
  return { ...m, ...over };
}

function setup(user: AppUser, overrides: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(user),
    'settings:get': () => makeSettings(),
    'people:get': () => personDetail(),
    'audit:list': () => [],
    'people:match': () => [
      {
        person: person({ id: 'p7', givenNames: 'Amie', nhsNumber: null, otherNames: null }),
        score: 80,
        reasons: [{ code: 'dob-exact', text: 'Same date of birth', weight: 40 }],
        previousInvolvement: personDetail().previousInvolvement,
      },
    ],
    ...overrides,
  });
  window.api = fake.api;
  window.location.hash = '#/people/p1';
  render(<App now={() => NOW} />);
  return fake;
}

const region = (name: string | RegExp): HTMLElement => screen.getByRole('region', { name });

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe("a child's record", () => {
  it('shows identity, household, referrals with decisions, progress and re-referral flags', async () => {
    setup(makeUser());
    await screen.findByRole('heading', { level: 1, name: 'Amy Smith' });
    const who = region('Who the child is');
    expect(who).toHaveTextContent('Amelia Jones');
    expect(who).toHaveTextContent('03/04/2016 (age 10)');
    expect(who).toHaveTextContent('943 476 5919');
    expect(who).toHaveTextContent('4 Mill Lane, Harbourton, HB2 3PD');
    expect(who).toHaveTextContent('Female');
    const household = region('Household and siblings');
    expect(within(household).getByRole('link', { name: 'Kai Smith' })).toHaveAttribute(
      'href',
      '#/people/p3',
    );
    expect(household).toHaveTextContent('Kim Smith (Mother) — on referral FD-2026-000123');
    const referrals = region('Referrals (2)');
    expect(within(referrals).getByRole('link', { name: 'FD-2026-000123' })).toHaveAttribute(
      'href',
      '#/referrals/r2',
    );
    const items = within(referrals).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Strategy discussion (possible section 47 enquiry)');
    expect(items[0]).toHaveTextContent('Re-referral: within 12 months of a previous referral');
    expect(items[0]).toHaveTextContent(
      '21/11/2026: strategy discussion. Section 47 enquiry to start.',
    );
    expect(referrals).toHaveTextContent('Early help');
    // The discussions arranged about the child, each linking to its page.
    const discussions = within(referrals).getByTestId('person-discussions');
    expect(
      within(discussions).getByRole('link', { name: 'Strategy discussion 2' }),
    ).toHaveAttribute('href', '#/strategy/sd2');
    expect(discussions).toHaveTextContent(
      'Strategy discussion 1: Sat 21/11/2026 10:00–11:00, Video call (Teams or other) · Minutes finalised',
    );
    expect(discussions).toHaveTextContent(
      'Strategy discussion 2: Mon 07/12/2026 14:30–15:30, Meeting in person · Confirmed',
    );
    expect(screen.getByTestId('re-referral-now')).toBeVisible();
    expect(region('Merged records')).toHaveTextContent(
      'The record of Amy Smyth was merged into this one on 21/11/2026 10:00 by Jo Morgan.',
    );
  });

  it('does not offer merging or undoing to a duty worker', async () => {
    setup(makeUser());
    await screen.findByRole('heading', { level: 1, name: 'Amy Smith' });
    expect(screen.queryByRole('button', { name: 'This is the same child as…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo this merge' })).toBeNull();
  });

  it('merges another record in only with a choice and a reason', async () => {
    const fake = setup(MANAGER, {
      'people:merge': ({ mergeId }) => merged({ id: 'm2', mergedId: mergeId }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amy Smith' });
    fireEvent.click(screen.getByRole('button', { name: 'This is the same child as…' }));
    const dialog = await screen.findByRole('dialog', { name: 'This is the same child as…' });
    const candidate = await within(dialog).findByRole('radio', { name: /Amie Smith/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge into this record' }));
    expect(dialog).toHaveTextContent('Choose the record that is the same child');
    expect(
      within(dialog).getByRole('textbox', { name: /Why are these the same child/ }),
    ).toHaveAccessibleDescription(/Say why these are the same child/);
    expect(fake.callsTo('people:merge')).toEqual([]);
    fireEvent.click(candidate);
    fireEvent.change(
      within(dialog).getByRole('textbox', { name: /Why are these the same child/ }),
      {
        target: { value: 'Same school, same mother, NHS number found later' },
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge into this record' }));
    await waitFor(() => {
      expect(fake.callsTo('people:merge')).toEqual([
        { keepId: 'p1', mergeId: 'p7', reason: 'Same school, same mother, NHS number found later' },
      ]);
    });
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });

  it('undoes a merge with a reason, and shows a refusal in words', async () => {
    let refuse = true;
    const fake = setup(MANAGER, {
      'people:unmerge': () => {
        if (refuse) {
          throw new FakeIpcError({
            code: 'CONFLICT',
            message: 'Undo the later merge first: Amy Smith was merged into Amy Smithe.',
          });
        }
        return merged({ undoneAt: '2026-11-24T10:00:00Z', undoReason: 'Different children' });
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Amy Smith' });
    fireEvent.click(screen.getByRole('button', { name: 'Undo this merge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo this merge' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Undo the merge' }));
    expect(dialog).toHaveTextContent('Say why the merge is being undone');
    expect(fake.callsTo('people:unmerge')).toEqual([]);
    fireEvent.change(
      within(dialog).getByRole('textbox', { name: /Why is the merge being undone/ }),
      {
        target: { value: 'Different children: checked with the school' },
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Undo the merge' }));
    expect(await within(dialog).findByTestId('unmerge-refused')).toHaveTextContent(
      'Undo the later merge first: Amy Smith was merged into Amy Smithe.',
    );
    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Undo the merge' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(fake.callsTo('people:unmerge')).toEqual([
      { mergeId: 'm1', reason: 'Different children: checked with the school' },
      { mergeId: 'm1', reason: 'Different children: checked with the school' },
    ]);
  });

  it('points a merged record to the one it was merged into', async () => {
    setup(makeUser(), {
      'people:get': () =>
        personDetail({
          person: person({ id: 'p2', givenNames: 'Amy', familyName: 'Smyth', mergedInto: 'p1' }),
          merges: [merged()],
        }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amy Smyth' });
    const note = screen.getByTestId('merged-away');
    expect(within(note).getByRole('link', { name: 'Amy Smith' })).toHaveAttribute(
      'href',
      '#/people/p1',
    );
  });
});
