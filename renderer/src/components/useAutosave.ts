// One autosave for every form (reliability promise 1: a save the user saw confirmed is never
// lost; a crash loses at most the last second of typing). It saves a short pause after the last
// change, and never more than `maxWaitMs` after the first unsaved change while someone keeps
// typing. Nothing is saved until the form has something worth keeping (`enabled`).

import { useEffect, useRef, useState } from 'react';

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

export const AUTOSAVE_PAUSE_MS = 600;
export const AUTOSAVE_MAX_WAIT_MS = 1_000;

export function useAutosave<T>(options: {
  /** The form's value; compared by its JSON, so a new object with the same content is no change. */
  value: T;
  /** False until there is something worth saving (a meaningful first answer). */
  enabled: boolean;
  save: (value: T) => Promise<{ updatedAt: string }>;
  pauseMs?: number;
  maxWaitMs?: number;
  /**
   * Set to true once the form is finished with (saved for real, or discarded): leaving it then
   * must not write its draft again. Until then, leaving the form (following a link, going back)
   * saves whatever was typed since the last save, so not even the last second is lost.
   */
  done?: { readonly current: boolean };
}): AutosaveState {
  const { enabled } = options;
  const pause = options.pauseMs ?? AUTOSAVE_PAUSE_MS;
  const maxWait = options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const json = JSON.stringify(options.value);
  const opened = useRef(false);
  // The JSON last sent to be saved; null when the last save failed (so it is sent again).
  const saved = useRef<string | null>(null);
  const firstUnsaved = useRef<number | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const latestJson = useRef(json);
  latestJson.current = json;

  // Leaving the form with typing not yet saved: save it now rather than drop it.
  useEffect(
    () => () => {
      const o = latest.current;
      const pending = latestJson.current;
      if (o.done?.current === true || !o.enabled || pending === saved.current) return;
      saved.current = pending;
      o.save(JSON.parse(pending) as T).catch(() => undefined);
    },
    [],
  );

  useEffect(() => {
    // The value the form opened with is not a change.
    if (!opened.current) {
      opened.current = true;
      saved.current = json;
      return;
    }
    if (!enabled || json === saved.current) return;
    const now = Date.now();
    firstUnsaved.current ??= now;
    const waited = now - firstUnsaved.current;
    const delay = Math.max(0, Math.min(pause, maxWait - waited));
    const timer = window.setTimeout(() => {
      firstUnsaved.current = null;
      saved.current = json;
      setState({ kind: 'saving' });
      latest.current
        .save(JSON.parse(json) as T)
        .then((r) => {
          setState({ kind: 'saved', at: r.updatedAt });
        })
        .catch((e: unknown) => {
          // Not saved: let the next change (or this one, once more) try again.
          saved.current = null;
          setState({
            kind: 'failed',
            message: e instanceof Error ? e.message : 'The draft could not be saved',
          });
        });
    }, delay);
    return () => {
      window.clearTimeout(timer);
    };
  }, [json, enabled, pause, maxWait]);

  return state;
}
