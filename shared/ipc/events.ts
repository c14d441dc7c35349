// The events map: what the main process tells the windows without being asked (progress of long
// work). Typed like the channels; the preload and the browser harness carry every event here.
import * as z from 'zod';

export const taskProgressSchema = z
  .object({
    /** Chosen by the caller so it can tell its own task's events from others'. */
    taskId: z.string().min(1).max(100),
    /** What is being done, in words: "Making letters", "Checking the audit log". */
    label: z.string().max(200),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    state: z.enum(['running', 'finished', 'failed', 'cancelled']),
    /** Why it failed, in words a user can act on. */
    message: z.string().max(2_000).optional(),
  })
  .strict();
export type TaskProgress = z.infer<typeof taskProgressSchema>;

export const appEvents = {
  'task:progress': taskProgressSchema,
} as const;

export type AppEventName = keyof typeof appEvents;
export type AppEventPayload<E extends AppEventName> = z.infer<(typeof appEvents)[E]>;
export const APP_EVENTS = Object.keys(appEvents) as AppEventName[];

/** Listen to one event; returns the function that stops listening. */
export type AppEventsApi = {
  on<E extends AppEventName>(name: E, listener: (payload: AppEventPayload<E>) => void): () => void;
};
