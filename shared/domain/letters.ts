// Referrer letters and invites as the admin work queue and the referral page see them.
import type {
  LetterContent,
  LetterEligibility,
  LetterKind,
  LetterOutcome,
  LetterVariant,
  TemplateKey,
} from '../letters/types';
import type { UserRef } from './records';
import type { IsoDate, IsoInstant } from './types';

/**
 * How a letter or invite reached its recipient. WT 2018 ch.1 para 60 and local practice:
 * telephone first, then the letter; the date and method of each is recorded.
 */
export const SEND_METHODS = [
  'post',
  'secure-email',
  'phone-then-letter',
  'hand-delivered',
] as const;
export type SendMethod = (typeof SEND_METHODS)[number];
export const SEND_METHOD_LABELS: Record<SendMethod, string> = {
  post: 'Post',
  'secure-email': 'Secure email',
  'phone-then-letter': 'Phoned first, then the letter',
  'hand-delivered': 'Hand delivered',
};

/** One finalised version of a letter: the bytes made are kept and stay downloadable. */
export type LetterRecord = {
  id: string;
  referralId: string;
  reference: string;
  kind: LetterKind;
  variant: LetterVariant;
  outcome: LetterOutcome | null;
  /** 1 for the first letter of this kind for this referral; a re-send is the next number. */
  sequence: number;
  recipient: string;
  documentId: string;
  /** The email draft made for it, if any (the latest). */
  emailDocumentId: string | null;
  sent: { method: SendMethod; at: IsoInstant; by: UserRef | null } | null;
  createdAt: IsoInstant;
  createdBy: UserRef | null;
};

export const WORK_ITEM_KINDS = ['acknowledgement', 'outcome', 'invite'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];
export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  acknowledgement: 'Acknowledgement letter',
  outcome: 'Outcome letter',
  invite: 'Strategy discussion invite',
};

/** A row of the admin work queue: a letter due (or made and not yet sent) or an invite to send. */
export type WorkItem = {
  /** Stable key: `<kind>:<referral or discussion id>`. */
  key: string;
  kind: WorkItemKind;
  referralId: string;
  reference: string;
  /** For invites: the strategy discussion. */
  discussionId: string | null;
  /** Who it goes to: the referrer's label, or the number of invitees. */
  recipient: string;
  /** The referrer has an email address (an email draft can be made). */
  hasEmail: boolean;
  /** Which kind of letter applies (for invites: null). */
  variant: LetterVariant | null;
  /** The outcome an outcome letter reports. */
  outcome: LetterOutcome | null;
  dueOn: IsoDate;
  overdue: boolean;
  /** 'due': nothing made yet; 'ready': made (letter finalised), waiting to be sent. */
  state: 'due' | 'ready';
  /** The latest finalised letter, when state is 'ready'. */
  letterId: string | null;
  /** Why this item cannot be made in a batch (needs the worker first), if so. */
  blocked: string | null;
};

export type WorkQueuePage = {
  rows: WorkItem[];
  total: number;
  /** Items come from referrals received on or after this date (stated on the screen). */
  windowStart: IsoDate;
};

/** The referral page's letters panel. */
export type ReferralLetters = {
  eligibility: LetterEligibility;
  due: { kind: LetterKind; dueOn: IsoDate; outcome: LetterOutcome | null; overdue: boolean }[];
  letters: LetterRecord[];
  /** "Referrer told: <date>, <method>": the latest sent letter. */
  told: { at: IsoInstant; method: SendMethod; kind: LetterKind } | null;
};

export type LetterPreview = {
  eligibility: LetterEligibility;
  /** Absent when no letter is offered (anonymous, no feedback wanted). */
  content: LetterContent | null;
  /** The template versions the wording came from. */
  templates: { key: TemplateKey; version: number; isDefault: boolean }[];
};

export type BatchResult = {
  key: string;
  reference: string;
  kind: LetterKind;
  outcome: { ok: true; letter: LetterRecord } | { ok: false; reason: string };
};

export type TemplateRecord = {
  key: TemplateKey;
  text: string;
  version: number;
  isDefault: boolean;
  updatedAt: IsoInstant | null;
  updatedBy: UserRef | null;
};
