// Typing in one part of the decision screen re-renders that part, not every section: each section
// gets only its own fields (decision-model *_FIELDS, usePick) and is memoised on them. Before,
// every keystroke in "Reasons for your decision" re-rendered the police, family and seeing-the-
// child sections too. The sections are counted by wrapping the module's memoised components.
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FunctionComponent, MemoExoticComponent } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type * as Details from '../../../renderer/src/features/decisions/DecisionDetails';
import type * as Response from '../../../renderer/src/features/decisions/ResponseSection';
import { NOW } from '../fixtures';
import { decisionScreenApi } from './decision-fixture';

const renders = vi.hoisted(() => new Map<string, number>());

/**
 * The same component, counting each time its function runs: inside memo() when it is memoised
 * (so a skipped render is not counted), or the plain function when it is not.
 */
function counted<C>(name: string, component: C): C {
  const count = <P,>(render: FunctionComponent<P>): FunctionComponent<P> =>
    function Counted(props: P) {
      renders.set(name, (renders.get(name) ?? 0) + 1);
      return render(props);
    };
  if (typeof component === 'function') return count(component as FunctionComponent) as C;
  const memoised = component as MemoExoticComponent<FunctionComponent> & {
    type: FunctionComponent;
  };
  return { ...memoised, type: count(memoised.type) } as C;
}

vi.mock('../../../renderer/src/features/decisions/DecisionDetails', async (importOriginal) => {
  const m = await importOriginal<typeof Details>();
  return {
    ...m,
    PoliceSection: counted('police', m.PoliceSection),
    FamilySection: counted('family', m.FamilySection),
    SeeingChildSection: counted('seeing', m.SeeingChildSection),
  };
});
vi.mock('../../../renderer/src/features/decisions/ResponseSection', async (importOriginal) => {
  const m = await importOriginal<typeof Response>();
  return { ...m, ResponseSection: counted('response', m.ResponseSection) };
});

afterEach(() => {
  cleanup();
  delete window.api;
  renders.clear();
});

async function openDecision(): Promise<void> {
  window.api = decisionScreenApi(2023).api;
  window.location.hash = '#/referrals/r1/decision';
  render(<App now={() => NOW} />);
  await screen.findByRole('heading', { level: 1, name: 'Record the decision' });
}

function typeInto(label: string, text: string): void {
  const box = screen.getByLabelText(label);
  let typed = '';
  for (const c of text) {
    typed += c;
    fireEvent.change(box, { target: { value: typed } });
  }
}

describe('the decision screen re-renders only what changed', () => {
  it('typing the reasons re-renders "Your decision", not the police or the family', async () => {
    await openDecision();
    const before = new Map(renders);
    typeInto('Reasons for your decision', 'Spoke to the school.');
    const grew = (name: string) => (renders.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(screen.getByLabelText('Reasons for your decision')).toHaveValue('Spoke to the school.');
    expect(grew('response')).toBeGreaterThanOrEqual(20);
    expect(grew('police')).toBe(0);
    expect(grew('family')).toBe(0);
  });

  it('a section still re-renders when its own field changes', async () => {
    await openDecision();
    const before = renders.get('family') ?? 0;
    fireEvent.click(screen.getByLabelText('Not yet: someone will tell them, by a date'));
    expect((renders.get('family') ?? 0) - before).toBeGreaterThan(0);
    // The follow-up questions appear: the section saw the change.
    expect(await screen.findByLabelText('Who will tell the family')).toBeInTheDocument();
  });
});
