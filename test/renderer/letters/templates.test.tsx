import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import { DEFAULT_TEMPLATES } from '../../../shared/letters/templates';
import { FakeIpcError } from '../../helpers/fake-api';
import { makeUser } from '../fixtures';
import { keyPath, open, setup, templates } from './templates-fixture';

const KEY = 'outcome.professional.early-help' as const;
const CHANGED = {
  [KEY]: {
    text: 'We offered early help for {{childNames}}.',
    version: 3,
    isDefault: false,
    updatedAt: '2026-11-20T15:30:00.000Z',
    updatedBy: { id: 'u-sam', displayName: 'Sam Okafor' },
  },
};

function wording(): HTMLTextAreaElement {
  const el = document.getElementById(fieldId('text'));
  if (!(el instanceof HTMLTextAreaElement)) throw new Error('no wording box');
  return el;
}

async function openEditor(): Promise<HTMLTextAreaElement> {
  open(keyPath(KEY));
  await screen.findByRole('heading', {
    level: 1,
    name: 'Outcome letter: Early help (Professional referrer)',
  });
  return wording();
}

describe('the letter templates list', () => {
  it('groups the templates: acknowledgements, outcome letters per referrer, shared paragraphs', async () => {
    setup({}, { list: templates(CHANGED) });
    open();
    const ack = await screen.findByRole('region', { name: 'Acknowledgement of receipt' });
    expect(
      within(ack)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Professional referrer',
      'Member of the public',
      'The family (a parent or carer with parental responsibility, or the child)',
    ]);
    const outcome = screen.getByRole('region', { name: 'Outcome letters' });
    expect(
      within(outcome)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([
      'Professional referrer',
      'Member of the public',
      'The family (a parent or carer with parental responsibility, or the child)',
    ]);
    // Each kind of referrer has one outcome template per outcome.
    expect(within(outcome).getAllByRole('link')).toHaveLength(21);
    const shared = screen.getByRole('region', { name: 'Shared paragraphs' });
    expect(
      within(shared)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['How to follow up or escalate', 'Where else the family can get support']);
    // Version and who changed it, on the changed template's row; the others are standard.
    const row = screen
      .getByRole('link', { name: 'Edit Outcome letter: Early help (Professional referrer)' })
      .closest('tr');
    if (!row) throw new Error('no row');
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('Changed by Sam Okafor on 20/11/2026');
    expect(within(ack).getAllByText('Standard wording')).toHaveLength(3);
    expect(within(ack).getAllByText('None yet')).toHaveLength(3);
    // An administrator sees the nav entry, and where the letterhead is set (issue 14: moved to
    // the Organisation page).
    expect(screen.queryByRole('region', { name: 'Letterhead' })).toBeNull();
    expect(screen.getByTestId('letterhead-link')).toHaveTextContent(
      'The letterhead is set on the Organisation page',
    );
    expect(screen.getByRole('link', { name: 'Organisation page' })).toHaveAttribute(
      'href',
      '#/admin/organisation',
    );
    expect(screen.getByRole('link', { name: 'Letter templates' })).toBeInTheDocument();
  });

  it('a duty worker reads the templates but cannot change them or the letterhead', async () => {
    setup({}, { user: makeUser({ roles: ['duty-worker'] }), list: templates(CHANGED) });
    open(keyPath(KEY));
    await screen.findByRole('heading', { level: 1, name: /Early help/ });
    expect(wording()).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save as a new version' })).toBeNull();
    expect(screen.queryByTestId('template-fields')).toBeNull();
    // Not in their navigation; the list page has no letterhead for them.
    expect(screen.queryByRole('link', { name: 'Letter templates' })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: '← All letter templates' }));
    await screen.findByRole('region', { name: 'Outcome letters' });
    expect(screen.queryByTestId('letterhead-link')).toBeNull();
  });
});

describe('editing a template', () => {
  it('puts a field in where the cursor is, replacing any selection', async () => {
    setup({}, { list: templates(CHANGED) });
    const box = await openEditor();
    // Cursor after "offered ", selecting "early help".
    const start = box.value.indexOf('early help');
    box.setSelectionRange(start, start + 'early help'.length);
    fireEvent.click(
      within(screen.getByTestId('template-fields')).getByRole('button', {
        name: /^Insert \{\{outcomeLabel\}\}/,
      }),
    );
    await waitFor(() => {
      expect(box).toHaveValue('We offered {{outcomeLabel}} for {{childNames}}.');
    });
    // The cursor is straight after the field, so the next one follows it.
    await waitFor(() => {
      expect(box.selectionStart).toBe(start + '{{outcomeLabel}}'.length);
    });
    fireEvent.click(screen.getByRole('button', { name: /^Insert \{\{reference\}\}/ }));
    await waitFor(() => {
      expect(box).toHaveValue('We offered {{outcomeLabel}}{{reference}} for {{childNames}}.');
    });
  });

  it('shows the preview for the sample referral, and its errors beside the wording', async () => {
    const fake = setup({}, { list: templates(CHANGED) });
    const box = await openEditor();
    const preview = screen.getByTestId('template-preview');
    await within(preview).findByText('We offered early help for Amy Smith.');
    fireEvent.change(box, {
      target: { value: 'Your reference is {{reference}}.\n\nWe told {{childsSchool}}.' },
    });
    const errors = await screen.findByTestId('template-errors');
    await within(preview).findByText(
      'The preview will show again when the problems beside the wording are put right.',
    );
    expect(errors).toHaveTextContent('{{childsSchool}} is not a field a letter can use');
    // Beside the field: it is the wording box's description, and the box is marked invalid.
    const described = box.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)).toContainElement(errors);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    // Asked with the text as typed, after the pause (not per keystroke).
    expect(fake.callsTo('letter-templates:preview')).toContainEqual({
      key: KEY,
      text: 'Your reference is {{reference}}.\n\nWe told {{childsSchool}}.',
    });
    // Fixed: the error goes.
    fireEvent.change(box, { target: { value: 'Your reference is {{reference}}.' } });
    await within(preview).findByText('Your reference is FD-2026-000123.');
    expect(screen.queryByTestId('template-errors')).toBeNull();
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });

  it('saves a new version, sending the version it started from', async () => {
    const fake = setup(
      {
        'letter-templates:save': (input) => ({
          key: input.key,
          text: input.text,
          version: 4,
          isDefault: false,
          updatedAt: '2026-11-24T10:00:00.000Z',
          updatedBy: { id: 'u-admin', displayName: 'Alex Admin' },
        }),
      },
      { list: templates(CHANGED) },
    );
    const box = await openEditor();
    fireEvent.change(box, { target: { value: 'Early help is offered for {{childNames}}.' } });
    expect(screen.getByText(/you have unsaved changes/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await screen.findByText('Saved as version 4. Letters made from now on use this wording.');
    expect(fake.callsTo('letter-templates:save')).toEqual([
      { key: KEY, text: 'Early help is offered for {{childNames}}.', version: 3 },
    ]);
    expect(screen.getByText(/^Version 4 · Changed by Alex Admin on 24\/11\/2026$/)).toBeVisible();
  });

  it('says so when someone else saved first, and offers their wording or keeping mine', async () => {
    let list = templates(CHANGED);
    const fake = setup(
      {
        'letter-templates:list': () => list,
        'letter-templates:save': (input) => {
          if (input.version === 3) {
            // A colleague saved version 4 a moment ago.
            list = templates({
              [KEY]: {
                ...CHANGED[KEY],
                text: 'Their wording for {{childNames}}.',
                version: 4,
                updatedBy: { id: 'u-kim', displayName: 'Kim Lee' },
                updatedAt: '2026-11-24T09:58:00.000Z',
              },
            });
            throw new FakeIpcError({
              code: 'STALE',
              message: 'Kim Lee saved this template at 09:58, after you opened it.',
            });
          }
          return { ...CHANGED[KEY], key: KEY, text: input.text, version: 5 };
        },
      },
      { list },
    );
    const box = await openEditor();
    fireEvent.change(box, { target: { value: 'My wording.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    const alert = await screen.findByText('Someone else saved this template first');
    const panel = alert.closest('[role="alert"]');
    if (!(panel instanceof HTMLElement)) throw new Error('no alert');
    await within(panel).findByText(/It is now version 4 \(Changed by Kim Lee on 24\/11\/2026\)/);
    expect(panel).toHaveTextContent('keep yours and save it as version 5');
    // Mine is not lost.
    expect(box).toHaveValue('My wording.');
    fireEvent.click(within(panel).getByRole('button', { name: 'Keep my wording (then save)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await screen.findByText(/Saved as version 5/);
    expect(fake.callsTo('letter-templates:save')).toEqual([
      { key: KEY, text: 'My wording.', version: 3 },
      { key: KEY, text: 'My wording.', version: 4 },
    ]);
  });

  it('restores the standard wording as a new version, after asking', async () => {
    const fake = setup(
      {
        'letter-templates:save': (input) => ({
          key: input.key,
          text: input.text,
          version: 4,
          isDefault: true,
          updatedAt: '2026-11-24T10:00:00.000Z',
          updatedBy: { id: 'u-admin', displayName: 'Alex Admin' },
        }),
      },
      { list: templates(CHANGED) },
    );
    const box = await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Restore standard wording' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore the standard wording?' });
    expect(dialog).toHaveTextContent('saved as version 4 of this template, replacing version 3');
    // "Keep" is the safe default; nothing is saved.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the current wording' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(fake.callsTo('letter-templates:save')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Restore standard wording' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Restore the standard wording',
      }),
    );
    await screen.findByText(/Saved as version 4/);
    expect(fake.callsTo('letter-templates:save')).toEqual([
      { key: KEY, text: DEFAULT_TEMPLATES[KEY], version: 3 },
    ]);
    expect(box).toHaveValue(DEFAULT_TEMPLATES[KEY]);
  });

  it('warns before leaving with unsaved changes', async () => {
    setup({}, { list: templates(CHANGED) });
    const box = await openEditor();
    fireEvent.change(box, { target: { value: 'Not saved yet.' } });
    fireEvent.click(screen.getByRole('link', { name: 'Rules and clocks' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(window.location.hash).toBe(keyPath(KEY));
    expect(box).toHaveValue('Not saved yet.');
    fireEvent.click(screen.getByRole('link', { name: '← All letter templates' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Leave and lose my changes',
      }),
    );
    await screen.findByRole('region', { name: 'Outcome letters' });
    expect(window.location.hash).toBe('#/letters/templates');
  });
});
