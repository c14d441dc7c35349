// Edition rules + local overrides → the policy every screen and service reads (domain §2:
// "every rule below is data keyed by edition, with local overrides").

import { EDITIONS, ROLE_IDS, ROLE_LABELS } from '../domain/types';
import type { Edition, RoleId } from '../domain/types';
import { EDITION_RULES, editionLabel } from './editions';
import type {
  AppliedOverride,
  PolicyOverrides,
  PolicyRuleKey,
  PolicyRules,
  ResolvedPolicy,
  RuleSource,
} from './types';

export type PolicyOverrideIssue = { key: string; message: string };

export type PolicyOverrideValidation = { ok: true } | { ok: false; errors: PolicyOverrideIssue[] };

/** Thrown by resolvePolicy when the stored overrides break a rule; carries every problem found. */
export class PolicyOverrideError extends Error {
  readonly errors: PolicyOverrideIssue[];
  readonly edition: Edition;
  constructor(edition: Edition, errors: PolicyOverrideIssue[]) {
    super(
      `Local policy settings are not valid for ${editionLabel(edition)}: ${errors
        .map((e) => `${e.key}: ${e.message}`)
        .join('; ')}`,
    );
    this.name = 'PolicyOverrideError';
    this.errors = errors;
    this.edition = edition;
  }
}

/** Every rule key, in display order. */
export const POLICY_RULE_KEYS = [
  'decisionWorkingDays',
  'initialAssessmentWorkingDays',
  'coreAssessmentWorkingDays',
  'assessmentWorkingDays',
  'internalReviewWorkingDays',
  'strategyDiscussionWorkingDays',
  'icpcWorkingDays',
  'icpcAnchor',
  'firstCoreGroupWorkingDays',
  'firstReviewMonths',
  'reviewIntervalMonths',
  'requiredRoles',
  'optionalRoles',
  'managerSignOff',
  'caseHolderTerm',
  'officeHoursStart',
  'officeHoursEnd',
  'outOfHoursRule',
  'seeChildWithinHours',
  'seeChildInNeedWorkingDays',
  'ladoReferralWorkingDays',
  'privateFosteringVisitWorkingDays',
] as const satisfies readonly PolicyRuleKey[];

// Compile-time check that the list above names every key exactly once.
type _MissingKeys = Exclude<PolicyRuleKey, (typeof POLICY_RULE_KEYS)[number]>;
type _AllKeysListed = [_MissingKeys] extends [never] ? true : never;
const _allKeysListed: _AllKeysListed = true;

const RULE_KEY_SET: ReadonlySet<string> = new Set(POLICY_RULE_KEYS);
const ROLE_SET: ReadonlySet<string> = new Set(ROLE_IDS);

export const SIGN_OFF_MODES = ['required', 'optional', 'off'] as const;
export const ICPC_ANCHORS = [
  'initiating-strategy-discussion',
  'last-strategy-discussion',
  's47-start',
] as const;
export const CASE_HOLDER_TERMS = ['social worker', 'lead practitioner'] as const;
export const OUT_OF_HOURS_RULES = ['next-working-day', 'day-of-receipt'] as const;

type NumberKey =
  | 'decisionWorkingDays'
  | 'initialAssessmentWorkingDays'
  | 'coreAssessmentWorkingDays'
  | 'assessmentWorkingDays'
  | 'internalReviewWorkingDays'
  | 'strategyDiscussionWorkingDays'
  | 'icpcWorkingDays'
  | 'firstCoreGroupWorkingDays'
  | 'firstReviewMonths'
  | 'reviewIntervalMonths'
  | 'seeChildWithinHours'
  | 'seeChildInNeedWorkingDays'
  | 'ladoReferralWorkingDays'
  | 'privateFosteringVisitWorkingDays';

type NumberRule = {
  label: string;
  unit: string;
  min: number;
  max: number;
  /**
   * 'statutory-maximum': the edition's figure is an upper limit ("within N"); local policy may
   * shorten it but not lengthen or remove it. 'local': any value in range. 'local-optional': any
   * value in range, or null for "no local figure".
   */
  kind: 'statutory-maximum' | 'local' | 'local-optional';
};

/** Sane ranges for numeric settings; outside them a value is almost certainly a typing slip. */
export const NUMBER_RULES: Record<NumberKey, NumberRule> = {
  decisionWorkingDays: {
    label: 'Decision on the type of response',
    unit: 'working days',
    min: 1,
    max: 5,
    kind: 'statutory-maximum',
  },
  initialAssessmentWorkingDays: {
    label: 'Initial assessment',
    unit: 'working days',
    min: 1,
    max: 30,
    kind: 'statutory-maximum',
  },
  coreAssessmentWorkingDays: {
    label: 'Core assessment',
    unit: 'working days',
    min: 1,
    max: 90,
    kind: 'statutory-maximum',
  },
  assessmentWorkingDays: {
    label: 'Assessment',
    unit: 'working days',
    min: 1,
    max: 90,
    kind: 'statutory-maximum',
  },
  internalReviewWorkingDays: {
    label: 'Internal review point',
    unit: 'working days',
    min: 1,
    max: 90,
    kind: 'local',
  },
  strategyDiscussionWorkingDays: {
    label: 'Strategy discussion',
    unit: 'working days (0 means the same day)',
    min: 0,
    max: 5,
    kind: 'local',
  },
  icpcWorkingDays: {
    label: 'Initial child protection conference',
    unit: 'working days',
    min: 1,
    max: 30,
    kind: 'statutory-maximum',
  },
  firstCoreGroupWorkingDays: {
    label: 'First core group',
    unit: 'working days',
    min: 1,
    max: 30,
    kind: 'statutory-maximum',
  },
  firstReviewMonths: {
    label: 'First review conference',
    unit: 'months',
    min: 1,
    max: 12,
    kind: 'statutory-maximum',
  },
  reviewIntervalMonths: {
    label: 'Interval between review conferences',
    unit: 'months',
    min: 1,
    max: 12,
    kind: 'statutory-maximum',
  },
  seeChildWithinHours: {
    label: 'Seeing the child (child protection concerns)',
    unit: 'hours',
    min: 1,
    max: 168,
    kind: 'local',
  },
  seeChildInNeedWorkingDays: {
    label: 'Seeing a child in need',
    unit: 'working days',
    min: 1,
    max: 20,
    kind: 'local-optional',
  },
  ladoReferralWorkingDays: {
    label: 'Referral to the designated officer (LADO)',
    unit: 'working days',
    min: 0,
    max: 5,
    kind: 'local',
  },
  privateFosteringVisitWorkingDays: {
    label: 'Visit to a privately fostered child',
    unit: 'working days',
    min: 1,
    max: 7,
    kind: 'statutory-maximum',
  },
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) return Number.NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function roleName(role: RoleId): string {
  return ROLE_LABELS[role];
}

function isEdition(v: unknown): v is Edition {
  return (EDITIONS as readonly unknown[]).includes(v);
}

/**
 * Checks stored local overrides against the edition. Accepts `unknown` so settings read from
 * storage or IPC can be checked before they are trusted. Local policy may tighten a statutory
 * timescale or add strategy discussion roles, never loosen or remove what the edition requires.
 */
export function validatePolicyOverrides(
  edition: Edition,
  overrides: unknown,
): PolicyOverrideValidation {
  const errors: PolicyOverrideIssue[] = [];
  const push = (key: string, message: string) => errors.push({ key, message });

  if (!isEdition(edition)) {
    return { ok: false, errors: [{ key: 'edition', message: 'Choose a known edition' }] };
  }
  if (overrides === undefined || overrides === null) return { ok: true };
  if (!isRecord(overrides)) {
    return {
      ok: false,
      errors: [{ key: 'overrides', message: 'Local settings are not readable' }],
    };
  }

  const base = EDITION_RULES[edition].rules;
  const label = editionLabel(edition);

  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'notes') continue;
    if (!RULE_KEY_SET.has(key)) {
      push(key, `"${key}" is not a policy setting`);
      continue;
    }
    if (value === undefined) continue;
    const ruleKey = key as PolicyRuleKey;

    if (ruleKey in NUMBER_RULES) {
      const nk = ruleKey as NumberKey;
      const rule = NUMBER_RULES[nk];
      const editionValue = base[nk];
      if (value === null) {
        if (rule.kind === 'statutory-maximum' && editionValue !== null) {
          push(
            key,
            `${rule.label}: ${label} sets a maximum of ${editionValue} ${rule.unit}. Local policy can shorten it but not remove it.`,
          );
        } else if (rule.kind === 'local') {
          push(key, `${rule.label}: enter a number`);
        }
        continue;
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        push(key, `${rule.label}: enter a whole number of ${rule.unit}`);
        continue;
      }
      if (value < rule.min || value > rule.max) {
        push(key, `${rule.label}: enter a number from ${rule.min} to ${rule.max} ${rule.unit}`);
        continue;
      }
      if (rule.kind === 'statutory-maximum' && editionValue !== null && value > editionValue) {
        push(
          key,
          `${rule.label}: ${label} sets a maximum of ${editionValue} ${rule.unit}. Local policy can set a shorter time but not a longer one.`,
        );
      }
      continue;
    }

    switch (ruleKey) {
      case 'officeHoursStart':
      case 'officeHoursEnd':
        if (typeof value !== 'string' || !HH_MM.test(value)) {
          push(key, 'Enter a time in 24-hour HH:mm form, for example 09:00');
        }
        break;
      case 'icpcAnchor':
        if (!(ICPC_ANCHORS as readonly unknown[]).includes(value)) {
          push(
            key,
            'Choose whether the initial child protection conference (ICPC) counts from the strategy discussion that started the section 47 enquiry, the last strategy discussion, or the start of the enquiry',
          );
        }
        break;
      case 'managerSignOff':
        if (!(SIGN_OFF_MODES as readonly unknown[]).includes(value)) {
          push(key, 'Choose required, optional or off for manager sign-off');
        }
        break;
      case 'caseHolderTerm':
        if (!(CASE_HOLDER_TERMS as readonly unknown[]).includes(value)) {
          push(key, 'Choose "social worker" or "lead practitioner"');
        }
        break;
      case 'outOfHoursRule':
        if (!(OUT_OF_HOURS_RULES as readonly unknown[]).includes(value)) {
          push(key, 'Choose "next working day" or "day of receipt"');
        }
        break;
      case 'requiredRoles':
      case 'optionalRoles':
        if (!Array.isArray(value)) {
          push(key, 'Roles must be a list');
          break;
        }
        {
          const seen = new Set<string>();
          for (const r of value) {
            if (typeof r !== 'string' || !ROLE_SET.has(r)) {
              push(key, `"${String(r)}" is not a known strategy discussion role`);
            } else if (seen.has(r)) {
              push(key, `${roleName(r as RoleId)} is listed twice`);
            }
            if (typeof r === 'string') seen.add(r);
          }
        }
        break;
      default:
        break;
    }
  }

  // Cross-field checks on the merged result (only when each part was well formed).
  const merged = mergeUnchecked(base, overrides);
  if (merged) {
    const start = minutesOf(merged.officeHoursStart);
    const end = minutesOf(merged.officeHoursEnd);
    if (!Number.isNaN(start) && !Number.isNaN(end) && start >= end) {
      push('officeHoursEnd', 'Office hours must end after they start');
    }

    const hasRequired = Array.isArray(overrides.requiredRoles);
    const hasOptional = Array.isArray(overrides.optionalRoles);
    // WT (every edition, ch.1 / 2010 ch.5 / 2023 ch.3): the statutory minimum attendance.
    for (const role of base.requiredRoles) {
      if (hasRequired && !merged.requiredRoles.includes(role)) {
        push(
          'requiredRoles',
          `${roleName(role)} must stay required: ${label} names them in the minimum for every strategy discussion. Local policy can add roles but not remove them.`,
        );
      }
      if (hasOptional && merged.optionalRoles.includes(role)) {
        push(
          'optionalRoles',
          `${roleName(role)} cannot be optional: ${label} requires them at every strategy discussion.`,
        );
      }
    }
    if (hasOptional) {
      for (const role of merged.optionalRoles) {
        if (merged.requiredRoles.includes(role) && !base.requiredRoles.includes(role)) {
          push('optionalRoles', `${roleName(role)} cannot be both required and optional`);
        }
      }
    }

    if (
      merged.assessmentWorkingDays !== null &&
      merged.internalReviewWorkingDays >= merged.assessmentWorkingDays
    ) {
      push(
        'internalReviewWorkingDays',
        `The internal review point must come before the assessment is due (day ${merged.assessmentWorkingDays})`,
      );
    }
  }

  if (overrides.notes !== undefined) {
    if (!isRecord(overrides.notes)) {
      push('notes', 'Notes are not readable');
    } else {
      for (const [key, note] of Object.entries(overrides.notes)) {
        if (!RULE_KEY_SET.has(key)) push(`notes.${key}`, `"${key}" is not a policy setting`);
        else if (typeof note !== 'string') push(`notes.${key}`, 'Enter the note as text');
        else if (note.length > 500) push(`notes.${key}`, 'Notes must be 500 characters or fewer');
      }
    }
  }

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/**
 * Edition rules with well-formed override values laid over them, for the cross-field checks.
 * Returns null if any overridden value is the wrong type (those errors are already reported).
 * Where only `requiredRoles` is overridden, a promoted role leaves `optionalRoles`.
 */
function mergeUnchecked(base: PolicyRules, overrides: Record<string, unknown>): PolicyRules | null {
  const merged: PolicyRules = {
    ...base,
    requiredRoles: [...base.requiredRoles],
    optionalRoles: [...base.optionalRoles],
  };
  const target = merged as Record<string, unknown>;
  for (const key of POLICY_RULE_KEYS) {
    const value = overrides[key];
    if (value === undefined) continue;
    const current = target[key];
    if (Array.isArray(current)) {
      if (!Array.isArray(value) || !value.every((r) => typeof r === 'string' && ROLE_SET.has(r))) {
        return null;
      }
      target[key] = [...(value as RoleId[])];
    } else if (current === null || typeof current === 'number') {
      if (value !== null && typeof value !== 'number') return null;
      target[key] = value;
    } else if (typeof value !== typeof current) {
      return null;
    } else {
      target[key] = value;
    }
  }
  if (Array.isArray(overrides.requiredRoles) && !Array.isArray(overrides.optionalRoles)) {
    merged.optionalRoles = merged.optionalRoles.filter((r) => !merged.requiredRoles.includes(r));
  }
  return merged;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x) => b.includes(x));
  }
  return a === b;
}

const DEFAULT_OVERRIDE_NOTE = 'Set by local policy (no note recorded)';

/**
 * The policy for an edition with local overrides applied. Each rule that differs from the edition
 * is listed in `overrides` and its source becomes `{ kind: 'local', note }`.
 * @throws PolicyOverrideError when the overrides are not valid for the edition.
 */
export function resolvePolicy(edition: Edition, overrides?: PolicyOverrides): ResolvedPolicy {
  const check = validatePolicyOverrides(edition, overrides);
  if (!check.ok) throw new PolicyOverrideError(edition, check.errors);

  const def = EDITION_RULES[edition];
  const base = def.rules;
  const merged = mergeUnchecked(base, overrides ?? {});
  // Unreachable after validation; kept so a future rule change cannot slip through silently.
  if (!merged) throw new PolicyOverrideError(edition, [{ key: 'overrides', message: 'Invalid' }]);

  const sources = { ...def.sources } as Record<PolicyRuleKey, RuleSource>;
  const applied: AppliedOverride[] = [];
  const notes = overrides?.notes ?? {};

  for (const key of POLICY_RULE_KEYS) {
    const editionValue = base[key];
    const localValue = merged[key];
    if (sameValue(editionValue, localValue)) continue;
    let note = notes[key]?.trim() || DEFAULT_OVERRIDE_NOTE;
    if (key === 'optionalRoles' && overrides?.optionalRoles === undefined) {
      note = notes[key]?.trim() || 'Moved to required by local policy';
    }
    applied.push({
      key,
      editionValue: Array.isArray(editionValue) ? [...editionValue] : editionValue,
      localValue,
      note,
    });
    sources[key] = { kind: 'local', note };
  }

  return { ...merged, edition, sources, overrides: applied };
}

/** Whether the social worker's manager must, may, or need not attend a strategy discussion. */
export function managerAttendance(
  policy: Pick<PolicyRules, 'requiredRoles' | 'optionalRoles'>,
): 'required' | 'optional' | 'not-listed' {
  if (policy.requiredRoles.includes('sw-manager')) return 'required';
  if (policy.optionalRoles.includes('sw-manager')) return 'optional';
  return 'not-listed';
}
