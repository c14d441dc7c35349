// Who made the referral. The kind of referrer decides what the feedback letter may say
// (domain §2.5: professionals get the outcome, the public general assurance only, and an
// anonymous referrer must be told anonymity cannot be guaranteed) and maps to the census
// ReferralSource code (domain §3).

import * as z from 'zod';
import {
  NAME_MAX,
  SHORT_TEXT_MAX,
  addressSchema,
  optionalEmail,
  optionalId,
  optionalPhone,
  optionalText,
  requiredBoolean,
  requiredText,
} from './fields';

/**
 * Agency types for professional referrers. One per census ReferralSource code from 2A to 8
 * (domain §3), so the source code can be suggested from the agency; `voluntary` and `other` both
 * fall under census code 8.
 */
export const AGENCY_TYPES = [
  'school',
  'education-service',
  'gp',
  'health-visitor',
  'school-nurse',
  'other-primary-health',
  'hospital-ae',
  'other-health',
  'housing',
  'la-social-care',
  'la-other-department',
  'la-external',
  'early-help',
  'police',
  'legal-agency',
  'voluntary',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  school: 'School',
  'education-service': 'Education services',
  gp: 'GP',
  'health-visitor': 'Health visitor',
  'school-nurse': 'School nurse',
  'other-primary-health': 'Other primary health services',
  'hospital-ae': 'Hospital A&E',
  'other-health': 'Other health services',
  housing: 'Housing',
  'la-social-care': 'Local authority social care (for example adult social care)',
  'la-other-department': 'Other local authority department',
  'la-external': 'External local authority services',
  'early-help': 'Early help',
  police: 'Police',
  'legal-agency': 'Other legal agency (courts, probation, immigration, Cafcass, prison)',
  voluntary: 'Voluntary or independent organisation, children’s centre',
  other: 'Other',
};

/** A member of the public's relationship to the child (census codes 1A–1D, domain §3). */
export const PUBLIC_RELATIONSHIPS = ['family-member', 'acquaintance', 'self', 'other'] as const;
export type PublicRelationship = (typeof PUBLIC_RELATIONSHIPS)[number];
export const PUBLIC_RELATIONSHIP_LABELS: Record<PublicRelationship, string> = {
  'family-member': 'Family member, relative or carer',
  acquaintance: 'Acquaintance (including neighbours and child minders)',
  self: 'The child themself',
  other: 'Other individual',
};

export const FEEDBACK_METHODS = ['phone', 'email', 'letter', 'none'] as const;
export type FeedbackMethod = (typeof FEEDBACK_METHODS)[number];
export const FEEDBACK_METHOD_LABELS: Record<FeedbackMethod, string> = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  none: 'No feedback',
};

function feedbackFields() {
  return {
    wantsFeedback: requiredBoolean('Select whether the referrer wants to hear what happens next'),
    feedbackMethod: z.enum(FEEDBACK_METHODS, { error: 'Select how to give the referrer feedback' }),
  };
}

/**
 * A named referrer who asked that the family not be told who they are. Letters and anything else
 * the family could receive must never carry their identity (domain §2.5 Confidentiality; issue 13
 * "Safe for the kind of referrer"). Optional: referrals saved before it existed stay valid, and
 * only `true` means confidential.
 */
function confidentialField() {
  return { confidential: z.boolean().optional() };
}

function contactFields() {
  return {
    phone: optionalPhone(),
    email: optionalEmail(),
    address: addressSchema.optional(),
  };
}

export const professionalReferrerSchema = z.strictObject({
  kind: z.literal('professional'),
  /** Entry in the agency directory, when the referrer was picked from it. */
  directoryId: optionalId('Directory entry'),
  name: requiredText({ max: NAME_MAX, label: 'Name', required: "Enter the referrer's name" }),
  role: requiredText({
    max: NAME_MAX,
    label: 'Job title',
    required: "Enter the referrer's job title, for example designated safeguarding lead",
  }),
  agencyName: requiredText({
    max: NAME_MAX,
    label: 'Organisation',
    required: "Enter the referrer's organisation",
  }),
  agencyType: z.enum(AGENCY_TYPES, { error: 'Select the type of organisation' }),
  ...confidentialField(),
  ...contactFields(),
  ...feedbackFields(),
});

export const publicReferrerSchema = z.strictObject({
  kind: z.literal('public'),
  name: requiredText({ max: NAME_MAX, label: 'Name', required: "Enter the referrer's name" }),
  relationship: z.enum(PUBLIC_RELATIONSHIPS, {
    error: "Select the referrer's relationship to the child",
  }),
  relationshipDetails: optionalText({ max: SHORT_TEXT_MAX, label: 'Relationship details' }),
  ...confidentialField(),
  /**
   * Only for a family member: one with parental responsibility is the family, and is told what
   * the family is told (issue 13; domain §2.5). Unanswered is not "no".
   */
  parentalResponsibility: z.boolean().optional(),
  /** Only for a child who referred themselves: how they can be contacted without risk. */
  safeContact: optionalText({ max: SHORT_TEXT_MAX, label: 'How it is safe to contact them' }),
  ...contactFields(),
  ...feedbackFields(),
});

export const anonymousReferrerSchema = z.strictObject({
  kind: z.literal('anonymous'),
  // Domain §2.5: anonymity cannot be guaranteed; record that the caller was told. Must be true:
  // the form cannot be finished until the worker has said it.
  toldAnonymityCannotBeGuaranteed: z.literal(true, {
    error: 'Tell the referrer that their anonymity cannot be guaranteed, then confirm you have',
  }),
  ...feedbackFields(),
});

type FeedbackShape = {
  kind: 'professional' | 'public' | 'anonymous';
  wantsFeedback: boolean;
  feedbackMethod: FeedbackMethod;
  phone?: string | undefined;
  email?: string | undefined;
  address?: { line1?: string | undefined; postcode?: string | undefined } | undefined;
};

/**
 * Cross-field feedback rules (domain §2.5: feedback by phone first, then letter; record the
 * method): the chosen method needs the matching contact detail; "no feedback" and "wants
 * feedback" cannot both be said; an anonymous referrer has no details to send feedback to.
 */
function checkFeedback(r: FeedbackShape, ctx: z.RefinementCtx): void {
  if (r.kind === 'anonymous' && (r.wantsFeedback || r.feedbackMethod !== 'none')) {
    ctx.addIssue({
      code: 'custom',
      path: ['wantsFeedback'],
      message: 'An anonymous referrer cannot be given feedback – there are no contact details',
    });
    return;
  }
  if (!r.wantsFeedback) {
    if (r.feedbackMethod !== 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['feedbackMethod'],
        message: 'Select "No feedback", or say the referrer wants feedback',
      });
    }
    return;
  }
  const missing = (v: string | undefined): boolean => v === undefined || v === '';
  if (r.feedbackMethod === 'none') {
    ctx.addIssue({
      code: 'custom',
      path: ['feedbackMethod'],
      message: 'Select how to give the referrer feedback',
    });
  } else if (r.feedbackMethod === 'phone' && missing(r.phone)) {
    ctx.addIssue({
      code: 'custom',
      path: ['phone'],
      message: 'Enter a phone number to give feedback by phone',
    });
  } else if (r.feedbackMethod === 'email' && missing(r.email)) {
    ctx.addIssue({
      code: 'custom',
      path: ['email'],
      message: 'Enter an email address to give feedback by email',
    });
  } else if (
    r.feedbackMethod === 'letter' &&
    (missing(r.address?.line1) || missing(r.address?.postcode))
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['address', 'line1'],
      message: 'Enter the first line of the address and the postcode to send a letter',
    });
  }
}

/**
 * What a member of the public said that only fits one relationship. Parental responsibility makes
 * a family member "the family" for the letter rules (issue 13), so it is never kept for someone
 * who is not one (a stale answer would let a neighbour be told what the family is told); a safe
 * way to make contact is asked only of a child who referred themselves.
 */
function checkRelationshipFacts(
  r: ProfessionalReferrerInput | PublicReferrerInput | AnonymousReferrerInput,
  ctx: z.RefinementCtx,
): void {
  if (r.kind !== 'public') return;
  if (r.parentalResponsibility !== undefined && r.relationship !== 'family-member') {
    ctx.addIssue({
      code: 'custom',
      path: ['parentalResponsibility'],
      message: 'Parental responsibility is recorded only for a referrer who is a family member',
    });
  }
  if (r.safeContact !== undefined && r.relationship !== 'self') {
    ctx.addIssue({
      code: 'custom',
      path: ['safeContact'],
      message: 'A safe way to make contact is recorded only for a child who referred themselves',
    });
  }
}

/** The referrer, discriminated on `kind`. */
export const referrerSchema = z
  .discriminatedUnion(
    'kind',
    [professionalReferrerSchema, publicReferrerSchema, anonymousReferrerSchema],
    { error: 'Select who made the referral' },
  )
  .superRefine(checkFeedback)
  .superRefine(checkRelationshipFacts);

export type ProfessionalReferrerInput = z.infer<typeof professionalReferrerSchema>;
export type PublicReferrerInput = z.infer<typeof publicReferrerSchema>;
export type AnonymousReferrerInput = z.infer<typeof anonymousReferrerSchema>;
export type ReferrerInput = z.infer<typeof referrerSchema>;
export type ReferrerKind = ReferrerInput['kind'];
