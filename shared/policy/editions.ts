// "Working Together to Safeguard Children" editions as data (domain §2). Every rule carries its
// source. Paragraph numbers are given only where we are sure of them; otherwise the citation is to
// the chapter, and values marked [verify] in the domain brief are local defaults (kind 'default').

import type { Edition, RoleId } from '../domain/types';
import type { PolicyRuleKey, PolicyRules, RuleSource } from './types';

export type EditionDefinition = {
  edition: Edition;
  title: string;
  /** When the edition came into force (or was published, where that is all we hold), ISO date. */
  inForce: string;
  /** When it was replaced by the next edition, if it has been. */
  supersededBy: Edition | null;
  rules: PolicyRules;
  sources: Record<PolicyRuleKey, RuleSource>;
  /** Who names each strategy discussion role in this edition (role → citation). */
  roleSources: Partial<Record<RoleId, string>>;
};

// ------------------------------------------------------------------------------------------------
// Local defaults shared by every edition (domain §2.3 [verify]: configurable, never hard-coded).
// ------------------------------------------------------------------------------------------------

export const DEFAULT_NOTES = {
  internalReviewWorkingDays:
    'Local setting. No national figure: the 2012 draft "Managing individual cases" suggested an internal review point; the CIN census records AssessmentInternalReviewDate. Default: day 10 of the assessment, counted from the day the assessment started.',
  strategyDiscussionWorkingDays:
    'Local setting. No national timescale for holding a strategy discussion; local procedures commonly say the same day or within 1 working day (at most 3). Default: 1 working day from the decision.',
  officeHoursStart: 'Local setting. Default office hours start at 09:00 (Europe/London).',
  officeHoursEnd: 'Local setting. Default office hours end at 17:00 (Europe/London).',
  outOfHoursRule:
    'Local setting. A referral received out of hours or on a non-working day is counted from the next working day by default.',
  seeChildWithinHours:
    'Local standard. Working Together says the child is seen "as soon as possible"; a common local standard where there are child protection concerns (strategy discussion or emergency action) is within 24 hours. It does not apply to children in need.',
  seeChildInNeedWorkingDays:
    'Local standard. For a child in need (section 17 assessment) the guidance says "as soon as possible" and sets no figure; by default no local figure is set. Some authorities set one (for example 5 working days).',
  ladoReferralWorkingDays:
    'Local setting. Keeping Children Safe in Education (Part 4) says allegations against people who work with children are reported to the designated officer (LADO) within one working day; Working Together (2018 ch.2, 2023 ch.2) describes the LADO role. Default: 1 working day.',
  icpcAnchor:
    'A setting. Working Together 2010 counts the 15 working days from the strategy discussion at which section 47 enquiries were initiated, if more than one was held; 2013 onward from the last strategy discussion if more than one; many local procedures and the CIN census count from the start of the section 47 enquiry.',
  managerSignOffNotRequired:
    'Local setting. This edition does not require a manager to agree the decision on the type of response; many authorities keep manager sign-off by local policy (BASW and ADCS objected when the 2018 edition removed the manager). Default: optional.',
} as const;

/** Rules that come from legislation, whatever the edition. */
export const STATUTE_REFS = {
  privateFosteringVisitWorkingDays:
    'Children (Private Arrangements for Fostering) Regulations 2005, reg 4: visit a privately fostered child within 7 working days of receiving the notification',
} as const;

const def = (note: string): RuleSource => ({ kind: 'default', note });
const statute = (reference: string): RuleSource => ({ kind: 'statute', reference });

type EditionText = {
  edition: Edition;
  title: string;
  inForce: string;
  supersededBy: Edition | null;
  rules: PolicyRules;
  /** Citations for the rules taken from the edition's text. */
  refs: Omit<
    Record<PolicyRuleKey, string>,
    | 'internalReviewWorkingDays'
    | 'strategyDiscussionWorkingDays'
    | 'officeHoursStart'
    | 'officeHoursEnd'
    | 'outOfHoursRule'
    | 'seeChildWithinHours'
    | 'seeChildInNeedWorkingDays'
    | 'ladoReferralWorkingDays'
    | 'privateFosteringVisitWorkingDays'
    | 'managerSignOff'
  >;
  /**
   * Where the edition itself says a manager decides with the social worker (a citation), or null
   * where it does not and sign-off is a local default.
   */
  managerSignOffRef: string | null;
  /** Who names each strategy discussion role in this edition (role → citation). */
  roleRefs: Partial<Record<RoleId, string>>;
};

function build(e: EditionText): EditionDefinition {
  const ed = (reference: string): RuleSource => ({
    kind: 'edition',
    edition: e.edition,
    reference,
  });
  return {
    edition: e.edition,
    title: e.title,
    inForce: e.inForce,
    supersededBy: e.supersededBy,
    rules: e.rules,
    sources: {
      decisionWorkingDays: ed(e.refs.decisionWorkingDays),
      initialAssessmentWorkingDays: ed(e.refs.initialAssessmentWorkingDays),
      coreAssessmentWorkingDays: ed(e.refs.coreAssessmentWorkingDays),
      assessmentWorkingDays: ed(e.refs.assessmentWorkingDays),
      internalReviewWorkingDays: def(DEFAULT_NOTES.internalReviewWorkingDays),
      strategyDiscussionWorkingDays: def(DEFAULT_NOTES.strategyDiscussionWorkingDays),
      icpcWorkingDays: ed(e.refs.icpcWorkingDays),
      icpcAnchor: ed(e.refs.icpcAnchor),
      firstCoreGroupWorkingDays: ed(e.refs.firstCoreGroupWorkingDays),
      firstReviewMonths: ed(e.refs.firstReviewMonths),
      reviewIntervalMonths: ed(e.refs.reviewIntervalMonths),
      requiredRoles: ed(e.refs.requiredRoles),
      optionalRoles: ed(e.refs.optionalRoles),
      managerSignOff:
        e.managerSignOffRef === null
          ? def(DEFAULT_NOTES.managerSignOffNotRequired)
          : ed(e.managerSignOffRef),
      caseHolderTerm: ed(e.refs.caseHolderTerm),
      officeHoursStart: def(DEFAULT_NOTES.officeHoursStart),
      officeHoursEnd: def(DEFAULT_NOTES.officeHoursEnd),
      outOfHoursRule: def(DEFAULT_NOTES.outOfHoursRule),
      seeChildWithinHours: def(DEFAULT_NOTES.seeChildWithinHours),
      seeChildInNeedWorkingDays: def(DEFAULT_NOTES.seeChildInNeedWorkingDays),
      ladoReferralWorkingDays: def(DEFAULT_NOTES.ladoReferralWorkingDays),
      privateFosteringVisitWorkingDays: statute(STATUTE_REFS.privateFosteringVisitWorkingDays),
    },
    roleSources: e.roleRefs,
  };
}

/** Rules common to all editions, before each edition's own figures. */
const COMMON = {
  decisionWorkingDays: 1,
  internalReviewWorkingDays: 10, // [verify] local
  strategyDiscussionWorkingDays: 1, // [verify] local
  icpcWorkingDays: 15,
  icpcAnchor: 'last-strategy-discussion',
  firstCoreGroupWorkingDays: 10,
  firstReviewMonths: 3,
  reviewIntervalMonths: 6,
  officeHoursStart: '09:00', // [verify] local
  officeHoursEnd: '17:00', // [verify] local
  outOfHoursRule: 'next-working-day', // [verify] local
  seeChildWithinHours: 24, // [verify] local standard (child protection concerns)
  seeChildInNeedWorkingDays: null, // "as soon as possible": no national or default local figure
  ladoReferralWorkingDays: 1, // Keeping Children Safe in Education Part 4; local setting
  privateFosteringVisitWorkingDays: 7, // Private Fostering Regulations 2005 reg 4
} as const satisfies Partial<PolicyRules>;

const roles = (...ids: RoleId[]): RoleId[] => ids;

// Local procedures (not Working Together since 2013) commonly add a consultant paediatrician
// where the child is a hospital patient or a medical examination may be needed.
const PAEDIATRICIAN_LOCAL =
  'Not named in this edition; local procedures commonly add a consultant paediatrician where the child is a hospital patient or a medical examination may be needed';
const MANAGER_LOCAL =
  "Not in this edition's minimum; listed as optional because many authorities kept managers by local policy";

const WT2010 = build({
  edition: 2010,
  title: 'Working Together to Safeguard Children (2010)',
  inForce: '2010-03-01', // published March 2010 [verify exact in-force date]
  supersededBy: 2013,
  rules: {
    ...COMMON,
    // WT 2010 ch.5: "within 15 working days of the strategy discussion, or the strategy discussion
    // at which section 47 enquiries were initiated if more than one has been held".
    icpcAnchor: 'initiating-strategy-discussion',
    initialAssessmentWorkingDays: 10,
    coreAssessmentWorkingDays: 35,
    assessmentWorkingDays: null,
    // WT 2010 ch.5: children's social care and police must be involved; health, the school or
    // children's centre and the referrer are also named; the consultant responsible where the child
    // is a hospital patient; a senior doctor where a medical examination may be needed. Health is
    // NOT in the 2010 minimum.
    requiredRoles: roles('social-worker', 'police'),
    optionalRoles: roles('health', 'education', 'referrer', 'hospital-consultant', 'senior-doctor'),
    // WT 2010 ch.5: the initial assessment is led by a social worker supervised by a social work
    // manager, but no sentence requires the response decision itself to be made with a manager.
    managerSignOff: 'optional',
    caseHolderTerm: 'social worker',
  },
  managerSignOffRef: null,
  roleRefs: {
    'social-worker': "WT 2010 ch.5 (strategy discussion): children's social care must be involved",
    police: 'WT 2010 ch.5 (strategy discussion): the police must be involved',
    health: 'WT 2010 ch.5 (strategy discussion): health is named, but not in the minimum',
    education: 'WT 2010 ch.5 (strategy discussion): the school or children’s centre',
    referrer: 'WT 2010 ch.5 (strategy discussion): the referring agency',
    'hospital-consultant':
      'WT 2010 ch.5 (strategy discussion): where the child is a hospital patient, the medical consultant responsible for the child’s care',
    'senior-doctor':
      'WT 2010 ch.5 (strategy discussion): where a medical examination may be necessary, a senior doctor from the providing health service',
  },
  refs: {
    decisionWorkingDays:
      'WT 2010 ch.5 (referral and initial assessment): decide on the next steps within one working day of receiving a referral',
    initialAssessmentWorkingDays:
      'WT 2010 ch.5: initial assessment completed within a maximum of 10 working days of the referral',
    coreAssessmentWorkingDays:
      'WT 2010 ch.5: core assessment completed within a maximum of 35 working days',
    assessmentWorkingDays: 'WT 2010 ch.5: no single assessment (initial and core assessments)',
    icpcWorkingDays:
      'WT 2010 ch.5: initial child protection conference within 15 working days of the strategy discussion',
    icpcAnchor:
      'WT 2010 ch.5: within 15 working days of the strategy discussion, "or the strategy discussion at which section 47 enquiries were initiated if more than one has been held"',
    firstCoreGroupWorkingDays: 'WT 2010 ch.5: first core group within 10 working days of the ICPC',
    firstReviewMonths: 'WT 2010 ch.5: first review conference within 3 months of the ICPC',
    reviewIntervalMonths: 'WT 2010 ch.5: further reviews at intervals of not more than 6 months',
    requiredRoles:
      "WT 2010 ch.5 (strategy discussion): children's social care and the police at minimum",
    optionalRoles:
      'WT 2010 ch.5 (strategy discussion): health, school or children’s centre, referring agency; the consultant responsible where the child is a hospital patient; a senior doctor where a medical examination may be needed',
    caseHolderTerm: 'WT 2010: the case is held by a social worker',
  },
});

/** WT 2013 and WT 2015 share the case-management text this product relies on. */
function wt2013Family(edition: 2013 | 2015): EditionDefinition {
  const wt = `WT ${edition}`;
  return build({
    edition,
    title: `Working Together to Safeguard Children (${edition})`,
    // WT 2013 in force 15 April 2013 (seed 003); WT 2015 published 26 March 2015 [verify].
    inForce: edition === 2013 ? '2013-04-15' : '2015-03-26',
    supersededBy: edition === 2013 ? 2015 : 2018,
    rules: {
      ...COMMON,
      initialAssessmentWorkingDays: null, // WT 2013 ch.1: separate initial/core assessments removed
      coreAssessmentWorkingDays: null,
      assessmentWorkingDays: 45,
      // WT 2013 ch.1 (strategy discussion): LA social worker and their manager, health
      // professionals and police at minimum; also referrer, school or nursery, health services.
      requiredRoles: roles('social-worker', 'sw-manager', 'health', 'police'),
      optionalRoles: roles(
        'referrer',
        'education',
        'health-services-family',
        'consultant-paediatrician',
      ),
      // WT 2013 Flowchart 1: "social worker and manager acknowledge receipt to referrer and decide
      // next course of action within one working day".
      managerSignOff: 'required',
      caseHolderTerm: 'social worker',
    },
    managerSignOffRef: `${wt} Flowchart 1 (action taken when a child is referred to local authority children's social care): "social worker and manager acknowledge receipt to referrer and decide next course of action within one working day"`,
    roleRefs: {
      'social-worker': `${wt} ch.1 (strategy discussion): a local authority social worker`,
      'sw-manager': `${wt} ch.1 (strategy discussion): the social worker's manager`,
      health: `${wt} ch.1 (strategy discussion): health professionals`,
      police: `${wt} ch.1 (strategy discussion): a police representative`,
      referrer: `${wt} ch.1 (strategy discussion): the professional or agency which made the referral`,
      education: `${wt} ch.1 (strategy discussion): the child's school or nursery`,
      'health-services-family': `${wt} ch.1 (strategy discussion): health services the child or family members are receiving`,
      'consultant-paediatrician': PAEDIATRICIAN_LOCAL,
    },
    refs: {
      decisionWorkingDays: `${wt} ch.1: within one working day of a referral being received, a local authority social worker should decide the type of response required and acknowledge receipt to the referrer`,
      initialAssessmentWorkingDays: `${wt} ch.1: the separate initial assessment was removed in 2013`,
      coreAssessmentWorkingDays: `${wt} ch.1: the separate core assessment was removed in 2013`,
      assessmentWorkingDays: `${wt} ch.1: the maximum timeframe for the assessment to conclude is 45 working days from the point of referral; reasons recorded if exceeded`,
      icpcWorkingDays: `${wt} ch.1: initial child protection conference within 15 working days of the strategy discussion, or the last strategy discussion if more than one`,
      icpcAnchor: `${wt} ch.1: within 15 working days of the strategy discussion, "or the last strategy discussion if more than one"`,
      firstCoreGroupWorkingDays: `${wt} ch.1: first core group meeting within 10 working days of the ICPC`,
      firstReviewMonths: `${wt} ch.1: first review conference within 3 months of the ICPC`,
      reviewIntervalMonths: `${wt} ch.1: further reviews at intervals of not more than 6 months`,
      requiredRoles: `${wt} ch.1 (strategy discussion): local authority social worker and their manager, health professionals and a police representative at minimum`,
      optionalRoles: `${wt} ch.1 (strategy discussion): also the referrer, school or nursery and health services the family uses. A consultant paediatrician is a local addition`,
      caseHolderTerm: `${wt} ch.1: the lead professional for children's social care is a social worker`,
    },
  });
}

const WT2018 = build({
  edition: 2018,
  title: 'Working Together to Safeguard Children (2018)',
  inForce: '2018-07-04', // published 4 July 2018 (seed 002, dated 2018-07-06: "this week") [verify]
  supersededBy: 2023,
  rules: {
    ...COMMON,
    initialAssessmentWorkingDays: null,
    coreAssessmentWorkingDays: null,
    assessmentWorkingDays: 45,
    // WT 2018 ch.1: manager removed from the strategy discussion minimum (seed 002). Many
    // authorities kept managers by local policy, so the manager stays listed as optional here.
    requiredRoles: roles('social-worker', 'health', 'police'),
    optionalRoles: roles(
      'sw-manager',
      'fostering-service',
      'referrer',
      'education',
      'health-services-family',
      'consultant-paediatrician',
    ),
    // WT 2018 ch.1: manager removed from "in discussion with their manager" (seed 002).
    managerSignOff: 'optional',
    caseHolderTerm: 'social worker',
  },
  managerSignOffRef: null,
  roleRefs: {
    'social-worker': 'WT 2018 ch.1 (strategy discussion): a local authority social worker',
    health: 'WT 2018 ch.1 (strategy discussion): health practitioners',
    police: 'WT 2018 ch.1 (strategy discussion): a police representative',
    'sw-manager': MANAGER_LOCAL,
    'fostering-service':
      'WT 2018 ch.1 (strategy discussion): a member of the fostering service, if the child is looked after',
    referrer:
      'WT 2018 ch.1 (strategy discussion): the professional or agency which made the referral',
    education: "WT 2018 ch.1 (strategy discussion): the child's school or nursery",
    'health-services-family':
      'WT 2018 ch.1 (strategy discussion): health services the child or family members are receiving',
    'consultant-paediatrician': PAEDIATRICIAN_LOCAL,
  },
  refs: {
    decisionWorkingDays:
      'WT 2018 ch.1: within one working day of a referral being received, a local authority social worker should decide the type of response required and acknowledge receipt to the referrer',
    initialAssessmentWorkingDays: 'WT 2018 ch.1: no separate initial assessment',
    coreAssessmentWorkingDays: 'WT 2018 ch.1: no separate core assessment',
    assessmentWorkingDays:
      'WT 2018 ch.1: the maximum timeframe for the assessment to conclude is 45 working days from the point of referral',
    icpcWorkingDays:
      'WT 2018 ch.1: initial child protection conference within 15 working days of the strategy discussion, or the last strategy discussion if more than one',
    icpcAnchor:
      'WT 2018 ch.1: within 15 working days of the strategy discussion, "or the last strategy discussion if more than one"',
    firstCoreGroupWorkingDays: 'WT 2018 ch.1: first core group within 10 working days of the ICPC',
    firstReviewMonths: 'WT 2018 ch.1: first review conference within 3 months of the ICPC',
    reviewIntervalMonths: 'WT 2018 ch.1: further reviews at intervals of not more than 6 months',
    requiredRoles:
      'WT 2018 ch.1 (strategy discussion): local authority social worker, health practitioners and a police representative (manager removed from the 2015 wording)',
    optionalRoles:
      'WT 2018 ch.1 (strategy discussion): fostering service if the child is looked after, the referrer, school or nursery, health services; the manager and a consultant paediatrician are local additions',
    caseHolderTerm: 'WT 2018 ch.1: the case is held by a social worker',
  },
});

const WT2023 = build({
  edition: 2023,
  title: 'Working Together to Safeguard Children (2023)',
  inForce: '2023-12-15', // published December 2023 (domain §2) [verify exact date]
  supersededBy: null,
  rules: {
    ...COMMON,
    initialAssessmentWorkingDays: null,
    coreAssessmentWorkingDays: null,
    assessmentWorkingDays: 45,
    requiredRoles: roles('social-worker', 'health', 'police'),
    optionalRoles: roles(
      'sw-manager',
      'fostering-service',
      'residential-service',
      'referrer',
      'education',
      'early-help',
      'youth-justice',
      'adult-mental-health',
      'substance-misuse',
      'domestic-abuse-specialist',
      'british-transport-police',
      'consultant-paediatrician',
    ),
    managerSignOff: 'optional',
    caseHolderTerm: 'lead practitioner',
  },
  managerSignOffRef: null,
  roleRefs: {
    'social-worker': 'WT 2023 ch.3 (strategy discussion): a local authority social worker',
    health: 'WT 2023 ch.3 (strategy discussion): health practitioners',
    police: 'WT 2023 ch.3 (strategy discussion): police',
    'sw-manager': MANAGER_LOCAL,
    'fostering-service':
      'WT 2023 ch.3 (strategy discussion): the fostering service, if the child is looked after',
    'residential-service':
      'WT 2023 ch.3 (strategy discussion): the residential service, if the child is looked after',
    referrer:
      'WT 2023 ch.3 (strategy discussion): the practitioner or agency who made the referral',
    education: 'WT 2023 ch.3 (strategy discussion): education (school, nursery or college)',
    'early-help': 'WT 2023 ch.3 (strategy discussion): early help practitioners',
    'youth-justice': 'WT 2023 ch.3 (strategy discussion): youth justice or youth work',
    'adult-mental-health': 'WT 2023 ch.3 (strategy discussion): adult mental health services',
    'substance-misuse': 'WT 2023 ch.3 (strategy discussion): substance misuse services',
    'domestic-abuse-specialist': 'WT 2023 ch.3 (strategy discussion): domestic abuse specialists',
    'british-transport-police': 'WT 2023 ch.3 (strategy discussion): British Transport Police',
    'consultant-paediatrician': PAEDIATRICIAN_LOCAL,
  },
  refs: {
    decisionWorkingDays:
      'WT 2023 ch.3: within one working day of a referral being received, a local authority social worker decides the type of response and acknowledges receipt to the referrer',
    initialAssessmentWorkingDays: 'WT 2023 ch.3: no separate initial assessment',
    coreAssessmentWorkingDays: 'WT 2023 ch.3: no separate core assessment',
    assessmentWorkingDays:
      'WT 2023 ch.3: the maximum timeframe for the assessment to conclude is 45 working days from the point of referral',
    icpcWorkingDays:
      'WT 2023 ch.3: initial child protection conference within 15 working days of the strategy discussion, or the last strategy discussion if more than one',
    icpcAnchor:
      'WT 2023 ch.3: within 15 working days of the strategy discussion, "or the last strategy discussion if more than one"',
    firstCoreGroupWorkingDays: 'WT 2023 ch.3: first core group within 10 working days of the ICPC',
    firstReviewMonths: 'WT 2023 ch.3: first review conference within 3 months of the ICPC',
    reviewIntervalMonths: 'WT 2023 ch.3: further reviews at intervals of not more than 6 months',
    requiredRoles:
      'WT 2023 ch.3 (strategy discussion): local authority social worker, health practitioners and police',
    optionalRoles:
      'WT 2023 ch.3 (strategy discussion): residential or fostering service if looked after, referrer, education, early help, youth justice or youth worker, adult mental health, substance misuse or domestic abuse specialists, British Transport Police; the manager and a consultant paediatrician are local additions',
    caseHolderTerm:
      'WT 2023 ch.3: once a referral is accepted a social-work-qualified manager or practice supervisor names a lead practitioner',
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every edition's rules and sources. Frozen: resolvePolicy copies before applying overrides. */
export const EDITION_RULES: Readonly<Record<Edition, EditionDefinition>> = deepFreeze({
  2010: WT2010,
  2013: wt2013Family(2013),
  2015: wt2013Family(2015),
  2018: WT2018,
  2023: WT2023,
});

/** "Working Together 2018" (or "WT 2018" with `short`). */
export function editionLabel(edition: Edition, options?: { short?: boolean }): string {
  return options?.short === true ? `WT ${edition}` : `Working Together ${edition}`;
}
