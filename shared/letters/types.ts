// Referrer feedback letters: the shapes every part of the product agrees on (rules in
// shared/letters, PDFs in electron/main/documents/letter-pdf.ts, the service and the screens).
//
// WT 2018 ch.1 para 60 / WT 2023 ch.2: the referrer is told the outcome (acknowledgement
// within one working day of receipt, then the decision and next steps). What each kind of
// referrer may be told differs (WT 2018 ch.1 para 29, "Information sharing" 2018): a
// professional gets the outcome relevant to their role; a member of the public general
// assurance; the family what the family is told. Nothing that would prejudice a police
// investigation (Information sharing 2018, golden rule 6).

import type { IsoDate, ResponseType } from '../domain/types';

export const LETTER_KINDS = ['acknowledgement', 'outcome'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  acknowledgement: 'Acknowledgement of receipt',
  outcome: 'Outcome letter',
};

/** Who the letter is written for. Anonymous referrers never get one (there is no variant). */
export const LETTER_VARIANTS = ['professional', 'public', 'family'] as const;
export type LetterVariant = (typeof LETTER_VARIANTS)[number];
export const LETTER_VARIANT_LABELS: Record<LetterVariant, string> = {
  professional: 'Professional referrer',
  public: 'Member of the public',
  family: 'The family (a parent or carer with parental responsibility, or the child)',
};

/**
 * The outcome a letter reports: the decision's response type, or what a strategy discussion
 * decided afterwards (a section 47 enquiry; or, where it decided against one, the response it
 * chose instead, which is one of the response types).
 */
export const LETTER_OUTCOMES = [
  'nfa',
  'information-advice',
  'early-help',
  's17-assessment',
  'strategy-discussion',
  'emergency-action',
  's47-enquiry',
] as const satisfies readonly (ResponseType | 's47-enquiry')[];
export type LetterOutcome = (typeof LETTER_OUTCOMES)[number];
export const LETTER_OUTCOME_LABELS: Record<LetterOutcome, string> = {
  nfa: 'No further action',
  'information-advice': 'Information and advice',
  'early-help': 'Early help',
  's17-assessment': 'An assessment (section 17, child in need)',
  'strategy-discussion': 'A strategy discussion',
  'emergency-action': 'Immediate action to protect the child',
  's47-enquiry': 'Child protection enquiries (section 47)',
};
/** Outcomes where the referral did not lead to a service from children's social care. */
export const NOT_ACCEPTED_OUTCOMES: readonly LetterOutcome[] = ['nfa', 'information-advice'];

/**
 * Which template a letter uses. An acknowledgement has one per variant (the outcome is not
 * known yet); an outcome letter one per variant and outcome. Plus the shared paragraphs.
 */
export type TemplateKey =
  | `acknowledgement.${LetterVariant}`
  | `outcome.${LetterVariant}.${LetterOutcome}`
  | 'paragraph.escalation'
  | 'paragraph.other-support';

/**
 * The only facts a letter may draw on: an allow-list, so nothing recorded as withheld from the
 * family, police-only, third-party or a referrer's confidential identity can reach a letter by
 * accident. Built by `letterFactsFor` (shared/letters/facts.ts) from the referral and decision;
 * free text from the decision or minutes is never copied in.
 */
export type LetterFacts = {
  /** Case reference, e.g. FD-2026-000123. */
  reference: string;
  /** Date the referral was received, en-GB ("1 December 2026"). */
  receivedDate: string;
  /** Date on the letter, en-GB. */
  letterDate: string;
  /** The children, identified minimally (WT: name and date of birth). */
  children: { name: string; dateOfBirth: string | null }[];
  /** "Amy Smith and Ben Smith", or "the child you told us about" when no name is known. */
  childNames: string;
  recipient: {
    name: string;
    /** "Designated safeguarding lead, Oak Primary School"; empty for the public and family. */
    roleAndOrganisation: string;
    /** Postal address lines, already split; empty when sent by email only. */
    addressLines: string[];
    email: string | null;
    /** "Dear Ms Patel" style greeting line, without the comma. */
    salutation: string;
  };
  /** The outcome, for outcome letters; null for an acknowledgement. */
  outcome: LetterOutcome | null;
  outcomeLabel: string;
  /** The named contact for the case (lead practitioner, else the team). */
  contactName: string;
  organisation: {
    name: string;
    addressLines: string[];
    phone: string;
    email: string;
    /** Letterhead contact line ("Call 0300 123 4567, 8.30am to 5pm, Monday to Friday"). */
    contactLine: string;
    signatory: string;
    signatoryRole: string;
  };
  /** The policy edition in force ("2018"); from 2018 the letter says how to escalate. */
  edition: string;
};

/** A template's text: paragraphs separated by a blank line, `{{field}}` placeholders. */
export type LetterTemplate = {
  key: TemplateKey;
  text: string;
  version: number;
  /** The shipped default; an administrator's edit is a new version that replaces it. */
  isDefault: boolean;
};

/** Why a variant applies (or why no letter is offered), each reason with its source. */
export type VariantReason = { text: string; source: string };

export type LetterEligibility =
  | {
      kind: 'letter';
      variant: LetterVariant;
      reasons: VariantReason[];
      /** Plain warnings for the preview ("The referrer asked for confidentiality: …"). */
      cautions: string[];
      /**
       * False where the referrer's postal address matches the child's household or an alleged
       * perpetrator's address: the letter may go by email or by hand, never by post there.
       */
      postalAllowed: boolean;
      /** The child referred themselves: the worker must record how it is safe to contact them. */
      needsSafeContact: boolean;
    }
  | { kind: 'none'; reasons: VariantReason[] };

/** The letter as the worker sees and edits it before it is finalised. */
export type LetterContent = {
  kind: LetterKind;
  variant: LetterVariant;
  /** Heading under the address block ("Your referral FD-2026-000123"). */
  subject: string;
  /** Body paragraphs, as finally worded (after template and any edits). */
  paragraphs: string[];
  facts: LetterFacts;
  marking: string;
};

export type LetterDue = { kind: LetterKind; dueOn: IsoDate };
