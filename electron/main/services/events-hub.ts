// The events port as an in-process hub: services emit, and whoever shows the windows listens
// (the app forwards to every window's webContents, the browser harness streams to its pages,
// tests listen directly). A listener that throws never stops the others or the work emitting.
import type { AppEventName, AppEventPayload } from '../../../shared/ipc/events';
import type { EventsPort } from './ports';

export type AppEventListener = <E extends AppEventName>(
  name: E,
  payload: AppEventPayload<E>,
) => void;

export type EventHub = EventsPort & {
  /** Hears every event; returns the function that stops listening. */
  listen(listener: AppEventListener): () => void;
};

export function createEventHub(): EventHub {
  const listeners = new Set<AppEventListener>();
  return {
    emit(name, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(name, payload);
        } catch {
          // A window that has gone away must not break the work that reports to it.
        }
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
