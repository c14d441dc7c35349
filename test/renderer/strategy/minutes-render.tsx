// Renders the minutes panel alone (as the discussion page does) over a fake window.api, with the
// chair signed in unless a test says otherwise; and quick ways to type into and find things on a
// long form (role queries are slow on a form this size).
import { cleanup, fireEvent, render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ThemeProvider } from '@mui/material/styles';
import { afterEach, vi } from 'vitest';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { theme } from '../../../renderer/src/app/theme';
import { NowProvider } from '../../../renderer/src/components/now';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import { MinutesPanel } from '../../../renderer/src/features/strategy/minutes/MinutesPanel';
import type { AppUser } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import { createFakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeUser } from '../fixtures';
import { CHAIR, minutesVersion } from './minutes-fixture';

export function setup(
  d: StrategyDiscussionRecord,
  handlers: FakeHandlers = {},
  user: AppUser = makeUser({ id: CHAIR.id, displayName: CHAIR.displayName, roles: ['chair'] }),
) {
  let saved = 0;
  const fake = createFakeApi({
    'session:current': () => makeSession(user),
    // Each save returns the next autosave version, as the main process does.
    'strategy:save-minutes': (input) => {
      saved += 1;
      return minutesVersion(1, input.minutes, {
        version: saved,
        savedAt: '2026-11-24T10:05:00.000Z',
      });
    },
    ...handlers,
  });
  window.api = fake.api;
  const onChanged = vi.fn();
  render(
    <ThemeProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <NowProvider now={() => NOW}>
          <MinutesPanel discussion={d} onChanged={onChanged} />
        </NowProvider>
      </QueryClientProvider>
    </ThemeProvider>,
  );
  return { fake, onChanged };
}

/** Text into the field at this schema path, as one input (a paste). */
export function type(path: string, value: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) throw new Error(`no field ${path}`);
  fireEvent.change(el, { target: { value } });
}

/** The element with this role around a piece of text. */
export function closest(el: HTMLElement, role: string): HTMLElement {
  const found = el.closest<HTMLElement>(`[role="${role}"]`);
  if (!found) throw new Error(`no ${role} around ${el.textContent}`);
  return found;
}

afterEach(() => {
  cleanup();
  delete window.api;
});
