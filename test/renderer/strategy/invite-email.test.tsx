// The discussion page's "Save email draft (.eml)" button (issue 13, "Email drafts (.eml)"): it
// asks the main process for the draft, says where it went and to how many, lists the invitees
// left out for want of an email address, and shows a refusal in the page's error panel.
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { DocumentRecord } from '../../../shared/domain/documents';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import { createFakeApi, FakeIpcError, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';
import { CHAIR, discussion } from './minutes-fixture';

const EML: DocumentRecord = {
  id: 'doc-1',
  kind: 'email-draft',
  subjectType: 'strategy-discussion',
  subjectId: 'sd1',
  subjectVersion: 3,
  title: 'Strategy discussion 1 invite email draft FD-2026-000123 (SEQUENCE 0, 2 recipients)',
  fileName: 'FD-2026-000123-strategy-discussion.eml',
  mime: 'message/rfc822',
  size: 4096,
  sha256: 'a'.repeat(64),
  createdAt: '2026-11-24T10:00:00.000Z',
  createdBy: CHAIR,
};

function setup(d: StrategyDiscussionRecord, handlers: FakeHandlers = {}) {
  const user = makeUser({ id: CHAIR.id, displayName: CHAIR.displayName, roles: ['chair'] });
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(user),
    'settings:get': () => makeSettings(),
    'users:list': () => [user],
    'strategy:get': () => d,
    'documents:list': () => [],
    ...handlers,
  });
  window.api = fake.api;
  window.location.hash = '#/strategy/sd1';
  render(<App now={() => NOW} />);
  return fake;
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('saving the invite as an email draft', () => {
  it('saves the draft beside the invite download and lists who is not in it', async () => {
    const fake = setup(discussion({ status: 'confirmed' }), {
      'strategy:invite-email': () => ({
        document: EML,
        outcome: { kind: 'saved', location: '/tmp/out/FD-2026-000123-strategy-discussion.eml' },
        recipients: 2,
        notIncluded: [{ name: 'Mr Ólafsson', agency: 'Northgate Primary School' }],
      }),
    });
    const button = await screen.findByRole('button', { name: 'Save email draft (.eml)' });
    // Beside the invite download, in the same row.
    expect(button.parentElement).toContainElement(
      screen.getByRole('button', { name: 'Download invite (.ics)' }),
    );
    fireEvent.click(button);
    const notice = await screen.findByTestId('not-included');
    expect(notice).toHaveTextContent('Not in the email draft: no email address');
    expect(within(notice).getByRole('listitem')).toHaveTextContent(
      'Mr Ólafsson, Northgate Primary School',
    );
    expect(screen.getByTestId('status-line')).toHaveTextContent(
      'Email draft to 2 invitees. Saved to /tmp/out/FD-2026-000123-strategy-discussion.eml',
    );
    expect(fake.callsTo('strategy:invite-email')).toEqual([{ id: 'sd1' }]);
  });

  it("shows the main process's refusal and lists nobody", async () => {
    const message =
      'Nobody invited has an email address, so there is no one to email. Add an email address for an invitee, or download the invite (.ics) and send it another way.';
    setup(discussion({ status: 'scheduled' }), {
      'strategy:invite-email': () => {
        throw new FakeIpcError({ code: 'VALIDATION', message, fieldErrors: { _form: message } });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save email draft (.eml)' }));
    expect(await screen.findByText('That did not work')).toBeInTheDocument();
    expect(screen.getAllByText(message, { exact: false }).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('not-included')).toBeNull();
  });

  it('is not offered once the discussion has been held', async () => {
    setup(discussion({ status: 'held' }));
    await screen.findByText('Strategy discussion 1 for FD-2026-000123');
    expect(screen.queryByRole('button', { name: 'Save email draft (.eml)' })).toBeNull();
  });
});
