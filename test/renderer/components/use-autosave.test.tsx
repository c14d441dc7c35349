import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutosave, type AutosaveState } from '../../../renderer/src/components/useAutosave';

let state: AutosaveState = { kind: 'idle' };

function Probe(props: {
  value: string;
  enabled: boolean;
  save: (v: string) => Promise<{ updatedAt: string }>;
}): null {
  state = useAutosave({ value: props.value, enabled: props.enabled, save: props.save });
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('saves during continuous typing at least once a second, and after a pause', async () => {
    const saves: string[] = [];
    const save = (v: string) => {
      saves.push(v);
      return Promise.resolve({ updatedAt: '2026-11-30T10:00:00Z' });
    };
    const view = render(<Probe value="" enabled save={save} />);
    // A keystroke every 150 ms for 3 seconds: never a 600 ms pause.
    let typed = '';
    for (let i = 0; i < 20; i += 1) {
      typed += 'a';
      view.rerender(<Probe value={typed} enabled save={save} />);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(150);
      });
    }
    // At most one second of typing unsaved at any time: at least two saves during the typing.
    expect(saves.length).toBeGreaterThanOrEqual(2);
    expect(typed.length - (saves.at(-1)?.length ?? 0)).toBeLessThanOrEqual(7);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(saves.at(-1)).toBe(typed);
    expect(state).toEqual({ kind: 'saved', at: '2026-11-30T10:00:00Z' });
  });

  it('saves nothing until there is something worth keeping, nor the opening value', async () => {
    const save = vi.fn(() => Promise.resolve({ updatedAt: 'x' }));
    const view = render(<Probe value="opened" enabled={false} save={save} />);
    view.rerender(<Probe value="a" enabled={false} save={save} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(save).not.toHaveBeenCalled();
    view.rerender(<Probe value="ab" enabled save={save} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('a failed save is reported and tried again with the next change', async () => {
    let fail = true;
    const save = vi.fn(() =>
      fail ? Promise.reject(new Error('disk full')) : Promise.resolve({ updatedAt: 'y' }),
    );
    const view = render(<Probe value="" enabled save={save} />);
    view.rerender(<Probe value="a" enabled save={save} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(state).toEqual({ kind: 'failed', message: 'disk full' });
    fail = false;
    view.rerender(<Probe value="ab" enabled save={save} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(state).toEqual({ kind: 'saved', at: 'y' });
  });
});

describe('leaving the form', () => {
  function Leaving(props: {
    value: string;
    save: (v: string) => Promise<{ updatedAt: string }>;
    done?: { current: boolean };
  }): null {
    useAutosave({
      value: props.value,
      enabled: true,
      save: props.save,
      ...(props.done ? { done: props.done } : {}),
    });
    return null;
  }

  it('saves what was typed since the last save when the form is left before the pause', () => {
    const save = vi.fn((v: string) => Promise.resolve({ updatedAt: v }));
    const view = render(<Leaving value="" save={save} />);
    view.rerender(<Leaving value="Tyler, about 6" save={save} />);
    view.unmount(); // followed a link 100 ms after typing: no timer has fired
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Tyler, about 6');
  });

  it('writes nothing on leaving once the form is done (saved or discarded), or with nothing new', () => {
    const save = vi.fn((v: string) => Promise.resolve({ updatedAt: v }));
    const done = { current: false };
    const view = render(<Leaving value="" save={save} done={done} />);
    view.rerender(<Leaving value="saved for real" save={save} done={done} />);
    done.current = true;
    view.unmount();
    const unchanged = render(<Leaving value="as opened" save={save} />);
    unchanged.unmount();
    expect(save).not.toHaveBeenCalled();
  });
});
