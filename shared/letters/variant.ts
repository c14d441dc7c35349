// Which letter, if any, a referrer may be sent, and whether it may go by post (issue 13). The
// rules are data, each with its source, so the preview can show which applies and why:
// - who gets what: WT 2018 ch.1 (feedback to the referrer on the decision; a professional the
//   outcome, the public general assurance, the family what the family is told) and the
//   "Information sharing" advice 2018 (share only what is necessary and proportionate);
// - safe contact: nothing that would raise the risk to the child (Information sharing 2018,
//   golden rules 4 and 6; WT 2018 ch.1: the family is told unless that puts the child at risk of
//   significant harm or jeopardises a police investigation).

import type { AddressInput } from '../validation/fields';
import type { ReferrerInput } from '../validation/referrer';
import { compareAddresses, isEmptyAddress, type AddressComparison } from './address';
import type { LetterEligibility, LetterKind, LetterVariant, VariantReason } from './types';

const WT_2018_FEEDBACK = 'Working Together 2018, chapter 1 (feedback to the referrer)';
const INFO_SHARING = 'Information sharing advice 2018 (the seven golden rules)';
const WT_2018_FAMILY = 'Working Together 2018, chapter 1 (informing the family of the action)';
const DOMAIN_ANONYMITY = 'Local procedures: anonymity cannot be guaranteed (record what was said)';

/**
 * A household member as the letter rules need them. `address` and `allegedHarm` are optional:
 * records made before they were asked have neither, and the rules then fail safe.
 */
export type LetterHouseholdMember = {
  livesInHousehold: boolean;
  address?: AddressInput | undefined;
  /** This person is alleged to have harmed the child (the alleged perpetrator). */
  allegedHarm?: boolean | undefined;
};

/**
 * Whether the family has been told of the action (the decision's "family informed", or the
 * strategy discussion's "shared with the family"): 'withheld' where telling them would put the
 * child at risk or jeopardise a police investigation; 'not-decided' before any decision.
 */
export type FamilyTold = 'yes' | 'not-yet' | 'withheld' | 'not-decided';

export type EligibilityInput = {
  referrer: ReferrerInput;
  /** Each child's address as recorded (undefined where not known). */
  childAddresses: readonly (AddressInput | undefined)[];
  householdMembers: readonly LetterHouseholdMember[];
  kind: LetterKind;
  familyTold: FamilyTold;
};

/** The referrer, reduced to what the rules look at. */
export type ReferrerFacts = {
  kind: ReferrerInput['kind'];
  wantsFeedback: boolean;
  /** Public referrers only: their relationship to the child. */
  relationship: string | null;
  parentalResponsibility: boolean;
  confidential: boolean;
};

type VariantOutcome =
  { kind: 'none' } | { kind: 'letter'; variant: LetterVariant; needsSafeContact: boolean };

/** One rule: the first whose `applies` holds decides the variant. */
export type VariantRule = {
  id: string;
  applies: (r: ReferrerFacts) => boolean;
  outcome: VariantOutcome;
  reason: string;
  source: string;
};

/** Who is sent which letter, in order: the first rule that applies decides. */
export const VARIANT_RULES: readonly VariantRule[] = [
  {
    id: 'anonymous',
    applies: (r) => r.kind === 'anonymous',
    outcome: { kind: 'none' },
    reason: 'The referrer is anonymous: there is no one to send a letter to.',
    source: DOMAIN_ANONYMITY,
  },
  {
    id: 'no-feedback',
    applies: (r) => !r.wantsFeedback,
    outcome: { kind: 'none' },
    reason: 'The referrer did not want feedback.',
    source: WT_2018_FEEDBACK,
  },
  {
    id: 'professional',
    applies: (r) => r.kind === 'professional',
    outcome: { kind: 'letter', variant: 'professional', needsSafeContact: false },
    reason:
      'The referrer is a professional: they are told the outcome and the next steps relevant to ' +
      'their role, never other agencies’ information.',
    source: WT_2018_FEEDBACK,
  },
  {
    id: 'child-self',
    applies: (r) => r.kind === 'public' && r.relationship === 'self',
    outcome: { kind: 'letter', variant: 'family', needsSafeContact: true },
    reason:
      'The child referred themselves: they are told what the family is told, and how it is safe ' +
      'to contact them must be agreed first.',
    source: INFO_SHARING,
  },
  {
    id: 'parental-responsibility',
    applies: (r) => r.kind === 'public' && r.parentalResponsibility,
    outcome: { kind: 'letter', variant: 'family', needsSafeContact: false },
    reason:
      'The referrer has parental responsibility: they are told what the family is told, and ' +
      'nothing the decision withheld.',
    source: WT_2018_FAMILY,
  },
  {
    id: 'public',
    applies: (r) => r.kind === 'public',
    outcome: { kind: 'letter', variant: 'public', needsSafeContact: false },
    reason:
      'The referrer is a member of the public: they are given general assurance only, no ' +
      'findings and no family details.',
    source: INFO_SHARING,
  },
];

/**
 * Whether an unknown household address stops post, by variant. A professional writes from their
 * organisation's address; a member of the public or the family may live with the child, so an
 * address we cannot compare is not safe to post to.
 */
export const UNKNOWN_HOUSEHOLD_BLOCKS_POST: Readonly<Record<LetterVariant, boolean>> = {
  professional: false,
  public: true,
  family: true,
};

function optionalFlag(r: object, key: string): boolean {
  return key in r && (r as Record<string, unknown>)[key] === true;
}

export function referrerFacts(r: ReferrerInput): ReferrerFacts {
  return {
    kind: r.kind,
    wantsFeedback: r.wantsFeedback,
    relationship: r.kind === 'public' ? r.relationship : null,
    // Added to the intake form later: read when present, else false (never assumed).
    parentalResponsibility: r.kind === 'public' && optionalFlag(r, 'parentalResponsibility'),
    confidential: r.kind !== 'anonymous' && optionalFlag(r, 'confidential'),
  };
}

type Compared = { what: string; result: AddressComparison };

function worst(results: readonly Compared[]): Compared | null {
  return (
    results.find((c) => c.result === 'same') ?? results.find((c) => c.result === 'unsure') ?? null
  );
}

/** The safe-contact check on the referrer's postal address: the cautions, and whether post is allowed. */
function postalCheck(
  input: EligibilityInput,
  variant: LetterVariant,
  selfReferral: boolean,
): { allowed: boolean; cautions: string[] } {
  const referrerAddress = input.referrer.kind === 'anonymous' ? undefined : input.referrer.address;
  if (referrerAddress === undefined || isEmptyAddress(referrerAddress)) {
    return {
      allowed: false,
      cautions: ['No postal address is recorded for the referrer: send the letter another way.'],
    };
  }
  const cautions: string[] = [];
  const children = input.childAddresses.filter(
    (a): a is AddressInput => a !== undefined && !isEmptyAddress(a),
  );
  const inHousehold = input.householdMembers.filter((m) => m.livesInHousehold);
  const householdAddresses = [
    ...children,
    ...inHousehold.flatMap((m) =>
      m.address !== undefined && !isEmptyAddress(m.address) ? [m.address] : [],
    ),
  ];
  const alleged = input.householdMembers.filter((m) => m.allegedHarm === true);
  let allowed = true;

  // Anyone alleged to have harmed the child: never post to where they live.
  const perpetratorChecks: Compared[] = [];
  for (const m of alleged) {
    if (m.address !== undefined && !isEmptyAddress(m.address)) {
      perpetratorChecks.push({
        what: 'perpetrator',
        result: compareAddresses(referrerAddress, m.address),
      });
    } else if (m.livesInHousehold) {
      if (householdAddresses.length === 0)
        perpetratorChecks.push({ what: 'perpetrator', result: 'unsure' });
      for (const h of householdAddresses) {
        perpetratorChecks.push({
          what: 'perpetrator',
          result: compareAddresses(referrerAddress, h),
        });
      }
    } else {
      perpetratorChecks.push({ what: 'perpetrator', result: 'unsure' });
    }
  }
  const perpetrator = worst(perpetratorChecks);
  if (perpetrator !== null) {
    allowed = false;
    cautions.push(
      perpetrator.result === 'same'
        ? 'The referrer’s address matches the address of a person alleged to have harmed the child: do not send this letter by post.'
        : 'The referrer’s address cannot be checked against the address of a person alleged to have harmed the child (it is not recorded or not clear): do not send this letter by post.',
    );
  }

  // The child's household: for a professional or a member of the public always; for the family
  // where someone alleged to have harmed the child lives there, or the child referred themselves.
  const checkHousehold =
    variant !== 'family' || selfReferral || alleged.some((m) => m.livesInHousehold);
  if (checkHousehold) {
    const household = worst(
      householdAddresses.map((h) => ({
        what: 'household',
        result: compareAddresses(referrerAddress, h),
      })),
    );
    if (household !== null) {
      allowed = false;
      cautions.push(
        household.result === 'same'
          ? 'The referrer’s address matches the child’s household: do not send this letter by post.'
          : 'The referrer’s address may be the child’s household (the addresses are too alike to tell apart): do not send this letter by post.',
      );
    } else if (householdAddresses.length === 0 && UNKNOWN_HOUSEHOLD_BLOCKS_POST[variant]) {
      allowed = false;
      cautions.push(
        'The child’s address is not recorded, so the referrer’s address cannot be checked against it: do not send this letter by post.',
      );
    }
  }
  return { allowed, cautions };
}

/**
 * Whether a letter may be sent to this referrer, in which variant, and how. Fails safe: an
 * address that cannot be checked stops post; an outcome letter to the family is not offered
 * where the family is not to be told.
 */
export function letterEligibility(input: EligibilityInput): LetterEligibility {
  const facts = referrerFacts(input.referrer);
  const rule = VARIANT_RULES.find((r) => r.applies(facts));
  if (rule === undefined || rule.outcome.kind === 'none') {
    return {
      kind: 'none',
      reasons: [
        rule === undefined
          ? { text: 'No rule says which letter this referrer may be sent.', source: INFO_SHARING }
          : { text: rule.reason, source: rule.source },
      ],
    };
  }
  const { variant, needsSafeContact } = rule.outcome;
  const reasons: VariantReason[] = [{ text: rule.reason, source: rule.source }];
  const cautions: string[] = [];

  if (variant === 'family' && input.kind === 'outcome') {
    if (input.familyTold === 'withheld') {
      return {
        kind: 'none',
        reasons: [
          ...reasons,
          {
            text: 'The decision records that the family is not to be told of the action yet, so no outcome letter can go to them.',
            source: WT_2018_FAMILY,
          },
        ],
      };
    }
    if (input.familyTold === 'not-decided') {
      return {
        kind: 'none',
        reasons: [
          ...reasons,
          {
            text: 'It is not yet recorded whether the family may be told of the action, so no outcome letter can go to them.',
            source: WT_2018_FAMILY,
          },
        ],
      };
    }
    if (input.familyTold === 'not-yet') {
      cautions.push(
        'The family has not been told of the action yet: send this only after the person named in the decision has told them.',
      );
    }
  }
  if (facts.confidential) {
    cautions.push(
      'The referrer asked for confidentiality: their name must not appear in anything the family could see, and this letter must go only to them.',
    );
    reasons.push({ text: 'The referrer asked for confidentiality.', source: INFO_SHARING });
  }
  if (needsSafeContact) {
    cautions.push(
      'The child referred themselves: record how it is safe to contact them before sending anything.',
    );
  }
  const postal = postalCheck(input, variant, facts.relationship === 'self');
  cautions.push(...postal.cautions);
  if (!postal.allowed) {
    reasons.push({
      text: 'Post is not allowed: the letter may go by secure email or by hand only.',
      source: INFO_SHARING,
    });
  }
  return {
    kind: 'letter',
    variant,
    reasons,
    cautions,
    postalAllowed: postal.allowed,
    needsSafeContact,
  };
}
