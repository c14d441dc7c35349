// The facts a referrer letter may use, taken from the referral by an allow-list (issue 13: fields
// marked "not for the family" or "police only" can never reach a letter). Only the fields named
// here are read: never the decision's rationale, its police notification, the reason it differs
// from the recommendation, why the family was not told, the concern as written, household
// members, other agencies, strategy discussion minutes, or anything else typed as free text.
// Domain §2.5: the child is identified minimally (name and date of birth); to a member of the
// public by name only.

import { londonDate } from '../calendar/clocks';
import { parseIsoDate } from '../calendar/dates';
import type { OrganisationDetails, ReferralRecord } from '../domain/records';
import type { IsoDate } from '../domain/types';
import type { ChildInput } from '../validation/child';
import {
  LETTER_OUTCOME_LABELS,
  type LetterFacts,
  type LetterOutcome,
  type LetterVariant,
} from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "1 December 2026": the date as a letter writes it (en-GB). */
export function letterDateText(value: IsoDate): string {
  const { year, month, day } = parseIsoDate(value);
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

function present(value: string | undefined | null): value is string {
  return value !== undefined && value !== null && value.trim() !== '';
}

/** The child's own names only: never "Unborn baby of <mother>" (a third party's name). */
function childName(child: ChildInput): string | null {
  const parts = [child.givenNames, child.familyName].filter(present).map((p) => p.trim());
  return parts.length === 0 ? null : parts.join(' ');
}

/** "Amy", "Amy and Ben", "Amy, Ben and Cara". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function splitAddress(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export type LetterFactsInput = {
  referral: ReferralRecord;
  organisation: OrganisationDetails;
  /** The outcome an outcome letter reports (shared/letters/outcome.ts); null for an acknowledgement. */
  outcome: LetterOutcome | null;
  letterDate: IsoDate;
  /** The Working Together edition in force (settings.edition). */
  edition: number | string;
  variant: LetterVariant;
};

/**
 * The named contact (WT: a named contact on every letter): the lead practitioner named with the
 * latest decision that stands, for a professional or the family; the team otherwise.
 */
function contactName(r: ReferralRecord, variant: LetterVariant): string {
  const standing = r.decisions.filter(
    (d) => d.status === 'final' || d.status === 'awaiting-sign-off',
  );
  const lead = standing.at(-1)?.decision.leadPractitioner;
  if (variant !== 'public' && present(lead)) return lead.trim();
  return 'the duty team';
}

/** Builds a letter's facts from the referral, reading only allow-listed fields. */
export function letterFactsFor(input: LetterFactsInput): LetterFacts {
  const { referral: r, organisation: org, variant } = input;
  const children = r.children.flatMap((c) => {
    const name = childName(c.child);
    if (name === null) return [];
    const dob = c.child.status === 'born' ? c.child.dateOfBirth : undefined;
    return [
      {
        name,
        // Domain §2.5: a member of the public is not told the date of birth.
        dateOfBirth: variant !== 'public' && present(dob) ? letterDateText(dob) : null,
      },
    ];
  });
  const unnamed = r.children.length - children.length;
  const childNames =
    unnamed === 0 && children.length > 0
      ? joinNames(children.map((c) => c.name))
      : joinNames([
          ...children.map((c) => c.name),
          unnamed === 1 && children.length === 0
            ? 'the child you told us about'
            : unnamed === 1
              ? 'another child'
              : children.length === 0
                ? 'the children you told us about'
                : 'other children',
        ]);
  const referrer = r.referrer;
  const name = referrer.kind === 'anonymous' ? '' : referrer.name.trim();
  const address = referrer.kind === 'anonymous' ? undefined : referrer.address;
  const addressLines =
    address === undefined
      ? []
      : [address.line1, address.line2, address.town, address.postcode]
          .filter(present)
          .map((l) => l.trim());
  const outcome = input.outcome;
  return {
    reference: r.reference,
    receivedDate: letterDateText(londonDate(r.receivedAt, 'time of receipt')),
    letterDate: letterDateText(input.letterDate),
    children,
    childNames,
    recipient: {
      name,
      roleAndOrganisation:
        referrer.kind === 'professional'
          ? [referrer.role, referrer.agencyName]
              .filter(present)
              .map((s) => s.trim())
              .join(', ')
          : '',
      addressLines,
      email:
        referrer.kind !== 'anonymous' && present(referrer.email) ? referrer.email.trim() : null,
      salutation: name === '' ? 'Dear Sir or Madam' : `Dear ${name}`,
    },
    outcome,
    outcomeLabel: outcome === null ? '' : LETTER_OUTCOME_LABELS[outcome],
    contactName: contactName(r, variant),
    organisation: {
      name: org.name.trim(),
      addressLines: splitAddress(org.address),
      phone: org.phone.trim(),
      email: org.email.trim(),
      contactLine: present(org.contactLine)
        ? org.contactLine.trim()
        : [org.phone, org.email].filter(present).join(' · '),
      signatory: present(org.signatory) ? org.signatory.trim() : org.name.trim(),
      signatoryRole: present(org.signatoryRole) ? org.signatoryRole.trim() : '',
    },
    edition: String(input.edition),
  };
}
