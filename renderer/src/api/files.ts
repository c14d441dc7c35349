// What the window does with a file the main process handed over (the files port's answer):
// nothing more in the app (the save dialog wrote it), follow the one-time address in the browser
// harness (a real download), and a sentence for the person either way.
import { useEffect, useRef } from 'react';
import type { FileOutcomeRecord } from '../../../shared/domain/documents';
import type { AppEventName, AppEventPayload } from '../../../shared/ipc/events';

/** Completes the hand-over and says what happened, in words for the status line. */
export function completeHandOver(outcome: FileOutcomeRecord): string {
  switch (outcome.kind) {
    case 'saved':
      return `Saved to ${outcome.location}`;
    case 'download': {
      const link = document.createElement('a');
      link.href = outcome.url;
      link.download = outcome.fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      return `Downloaded ${outcome.fileName}`;
    }
    case 'cancelled':
      return 'Not saved: the save window was closed. The document is kept here; download it again at any time.';
  }
}

/** Listen to one event of the events map while the component is shown. */
export function useAppEvent<E extends AppEventName>(
  name: E,
  listener: (payload: AppEventPayload<E>) => void,
): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const events = window.appEvents;
    if (!events) return undefined;
    return events.on(name, (payload) => {
      latest.current(payload);
    });
  }, [name]);
}
