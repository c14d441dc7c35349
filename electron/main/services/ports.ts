// The ports services use for effects outside the database: handing a file to the user, and
// telling the windows how long work is going. Services never import Electron (lint rule in
// eslint.config): the app, the browser harness and the tests each supply their own port.
import type { FileOutcomeRecord } from '../../../shared/domain/documents';
import type { AppEventName, AppEventPayload } from '../../../shared/ipc/events';

/** A file to give the user: a generated document, or one kept from before. */
export type OutgoingFile = {
  /** File name offered: built from the case reference, never a child's or family's name. */
  suggestedName: string;
  mime: string;
  bytes: Uint8Array;
};

/** What became of the file (the same shape crosses IPC). */
export type FileOutcome = FileOutcomeRecord;

export type FilesPort = {
  offer(file: OutgoingFile): Promise<FileOutcome>;
};

/** Main → windows: progress of long work, changes other desktops should see. */
export type EventsPort = {
  emit<E extends AppEventName>(name: E, payload: AppEventPayload<E>): void;
};
