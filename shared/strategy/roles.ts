// Who must be at a strategy discussion, and who else to think of inviting (domain §2.4). The
// required roles are the resolved policy's (edition + local policy, shared/policy); roles that are
// required only in a circumstance (the fostering service for a looked-after child) are data
// below, each with its citation from the edition's own role sources.
import { ROLE_LABELS, type Edition, type RoleId } from '../domain/types';
import { EDITION_RULES } from '../policy/editions';
import type { ResolvedPolicy } from '../policy/types';

/** A circumstance that makes more roles required. */
export type RoleCondition = 'child-looked-after';

export type ConditionalRequirement = {
  condition: RoleCondition;
  /** Any one of these covers it. */
  anyOf: readonly RoleId[];
  /** The role whose citation names the rule (in EDITION_RULES[edition].roleSources). */
  citedBy: RoleId;
};

/**
 * WT 2018 ch.1: "a member of the fostering service, if the child is looked after"; WT 2023 ch.3:
 * the residential or fostering service if the child is looked after. Not named before 2018.
 */
export const CONDITIONAL_REQUIREMENTS: Readonly<
  Partial<Record<Edition, readonly ConditionalRequirement[]>>
> = {
  2018: [
    { condition: 'child-looked-after', anyOf: ['fostering-service'], citedBy: 'fostering-service' },
  ],
  2023: [
    {
      condition: 'child-looked-after',
      anyOf: ['fostering-service', 'residential-service'],
      citedBy: 'fostering-service',
    },
  ],
};

export type Circumstances = {
  /** Any child discussed is looked after. */
  childLookedAfter: boolean;
};

const HOLDS: Record<RoleCondition, (c: Circumstances) => boolean> = {
  'child-looked-after': (c) => c.childLookedAfter,
};

export type CoveringInvitee = { id: string; name: string; agency: string };

export type RequiredRoleCheck = {
  /** Stable key: the role id, or `looked-after:<role>` for a conditional requirement. */
  key: string;
  anyOf: RoleId[];
  label: string;
  /** Why it is required, with the source (edition paragraph or local policy). */
  source: string;
  /** 'edition' from the edition's minimum; 'local' added by local policy; 'circumstance'. */
  basis: 'edition' | 'local' | 'circumstance';
  invitees: CoveringInvitee[];
  covered: boolean;
};

export type RoleCheckResult = {
  roles: RequiredRoleCheck[];
  /** Keys of the required roles nobody covers. */
  missing: string[];
};

export type InviteeForCheck = CoveringInvitee & { covers: RoleId | null };

function roleSource(
  policy: ResolvedPolicy,
  role: RoleId,
): { source: string; basis: 'edition' | 'local' } {
  const edition = EDITION_RULES[policy.edition];
  const editionRequired = edition.rules.requiredRoles.includes(role);
  if (editionRequired) {
    return { source: edition.roleSources[role] ?? describeSource(policy), basis: 'edition' };
  }
  const src = policy.sources.requiredRoles;
  return {
    source: src.kind === 'local' ? `Local policy: ${src.note}` : describeSource(policy),
    basis: 'local',
  };
}

function describeSource(policy: ResolvedPolicy): string {
  const src = policy.sources.requiredRoles;
  switch (src.kind) {
    case 'edition':
    case 'statute':
      return src.reference;
    case 'local':
      return `Local policy: ${src.note}`;
    case 'default':
      return src.note;
  }
}

/**
 * Each required role with the invitees covering it, and which have nobody. The meeting cannot be
 * confirmed while `missing` is not empty unless the chair records why (services/strategy).
 */
export function checkRequiredRoles(
  policy: ResolvedPolicy,
  invitees: readonly InviteeForCheck[],
  circumstances: Circumstances,
): RoleCheckResult {
  const covering = (anyOf: readonly RoleId[]): CoveringInvitee[] =>
    invitees
      .filter((i) => i.covers !== null && anyOf.includes(i.covers))
      .map(({ id, name, agency }) => ({ id, name, agency }));

  const roles: RequiredRoleCheck[] = policy.requiredRoles.map((role) => {
    const { source, basis } = roleSource(policy, role);
    const who = covering([role]);
    return {
      key: role,
      anyOf: [role],
      label: ROLE_LABELS[role],
      source,
      basis,
      invitees: who,
      covered: who.length > 0,
    };
  });

  const conditional = CONDITIONAL_REQUIREMENTS[policy.edition] ?? [];
  for (const req of conditional) {
    if (!HOLDS[req.condition](circumstances)) continue;
    // Already required by policy for every meeting: listed once.
    if (req.anyOf.some((r) => policy.requiredRoles.includes(r))) continue;
    const who = covering(req.anyOf);
    roles.push({
      key: `looked-after:${req.anyOf.join('|')}`,
      anyOf: [...req.anyOf],
      label: req.anyOf.map((r) => ROLE_LABELS[r]).join(' or '),
      source: EDITION_RULES[policy.edition].roleSources[req.citedBy] ?? describeSource(policy),
      basis: 'circumstance',
      invitees: who,
      covered: who.length > 0,
    });
  }
  return { roles, missing: roles.filter((r) => !r.covered).map((r) => r.key) };
}

/** A suggested optional invitee: a known person (the referrer, the school) or a role to consider. */
export type SuggestedInvitee = {
  covers: RoleId;
  label: string;
  /** Filled when the referral names someone. */
  name: string | null;
  agency: string | null;
  email: string | null;
  why: string;
  source: string;
};

export type SuggestionFacts = {
  /** A professional referrer only: WT names "the professional or agency which made the referral". */
  referrer: { name: string; agency: string; email: string | null } | null;
  /** Schools and nurseries of the children discussed, as recorded on the referral. */
  schools: readonly string[];
  /** Any child discussed is looked after (otherwise the looked-after services are not suggested). */
  childLookedAfter?: boolean;
};

/** Roles the editions name only for a looked-after child (WT 2018 ch.1; WT 2023 ch.3). */
const LOOKED_AFTER_ONLY: ReadonlySet<RoleId> = new Set(
  Object.values(CONDITIONAL_REQUIREMENTS).flatMap((reqs) =>
    // Every conditional requirement today is 'child-looked-after'.
    reqs.flatMap((r) => r.anyOf),
  ),
);

/**
 * Optional invitees: the referrer and each school or nursery from the referral, then every other
 * optional role the policy names (domain §2.4 "also named"), skipping roles already covered.
 */
export function suggestInvitees(
  policy: ResolvedPolicy,
  facts: SuggestionFacts,
  invitees: readonly InviteeForCheck[],
): SuggestedInvitee[] {
  const sources = EDITION_RULES[policy.edition].roleSources;
  const cite = (role: RoleId): string => sources[role] ?? describeOptional(policy);
  const covered = new Set(invitees.map((i) => i.covers).filter((r): r is RoleId => r !== null));
  const out: SuggestedInvitee[] = [];
  const optional = policy.optionalRoles.filter((r) => !covered.has(r));
  const seen = new Set<RoleId>();
  if (facts.referrer !== null && optional.includes('referrer')) {
    out.push({
      covers: 'referrer',
      label: ROLE_LABELS.referrer,
      name: facts.referrer.name,
      agency: facts.referrer.agency,
      email: facts.referrer.email,
      why: 'Made the referral',
      source: cite('referrer'),
    });
    seen.add('referrer');
  }
  if (optional.includes('education')) {
    for (const school of [...new Set(facts.schools.filter((s) => s.trim() !== ''))]) {
      out.push({
        covers: 'education',
        label: ROLE_LABELS.education,
        name: null,
        agency: school,
        email: null,
        why: "A child's school or nursery on the referral",
        source: cite('education'),
      });
      seen.add('education');
    }
  }
  for (const role of optional) {
    if (seen.has(role)) continue;
    if (LOOKED_AFTER_ONLY.has(role) && facts.childLookedAfter !== true) continue;
    out.push({
      covers: role,
      label: ROLE_LABELS[role],
      name: null,
      agency: null,
      email: null,
      why: 'Named by the guidance or local policy as someone to consider',
      source: cite(role),
    });
  }
  return out;
}

function describeOptional(policy: ResolvedPolicy): string {
  const src = policy.sources.optionalRoles;
  return src.kind === 'edition' || src.kind === 'statute'
    ? src.reference
    : src.kind === 'local'
      ? `Local policy: ${src.note}`
      : src.note;
}
