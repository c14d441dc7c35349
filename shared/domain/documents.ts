// Documents Front Door has generated and kept exactly as they were handed out.
import type { UserRef } from './records';
import type { IsoInstant } from './types';

export const DOCUMENT_KINDS = [
  'minutes',
  'invite',
  'invite-batch',
  'letter',
  'referral-record',
  'child-record',
  /** A child's audit for a subject access request (UK GDPR art.15). */
  'audit-export',
  /** An unsent email (.eml, X-Unsent: 1) with its attachment, to send through secure email. */
  'email-draft',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_SUBJECTS = ['referral', 'person', 'strategy-discussion'] as const;
export type DocumentSubjectType = (typeof DOCUMENT_SUBJECTS)[number];

export type DocumentRecord = {
  id: string;
  kind: DocumentKind;
  subjectType: DocumentSubjectType;
  subjectId: string;
  /** The version of the record the document was made from. */
  subjectVersion: number;
  /** Plain description for lists, with the case reference, never a child's name. */
  title: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: IsoInstant;
  createdBy: UserRef | null;
};

/** What became of a file handed to the user (the files port's answer). */
export type FileOutcomeRecord =
  /** Written where the user chose (app) or into the tests' folder. */
  | { kind: 'saved'; location: string }
  /** Browser harness: the window downloads it from this one-time address. */
  | { kind: 'download'; url: string; fileName: string }
  /** The save dialog was closed: nothing was written. */
  | { kind: 'cancelled' };

/** A document just kept and handed over. */
export type DocumentDownloadRecord = { document: DocumentRecord; outcome: FileOutcomeRecord };
