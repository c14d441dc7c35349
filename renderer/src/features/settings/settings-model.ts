// The Settings screen's form (issue 14): the guidance edition, each local setting beside the
// edition's default, the protective marking and what calendar invites carry. Pure, so it is
// tested without a DOM. The form is checked with the same validatePolicyOverrides the main
// process runs (services/settings-change), and errors sit under the channel's paths
// ("overrides.officeHoursEnd", "organisation.marking") so the main process's land beside the same
// fields.

import type { OrganisationDetails, SettingsRecord } from '../../../../shared/domain/records';
import { EDITIONS, type Edition, type RoleId } from '../../../../shared/domain/types';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import {
  CASE_HOLDER_TERMS,
  EDITION_RULES,
  ICPC_ANCHORS,
  NUMBER_RULES,
  OUT_OF_HOURS_RULES,
  SIGN_OFF_MODES,
  VERIFY_SETTINGS,
  validatePolicyOverrides,
  type PolicyOverrides,
  type PolicyRuleKey,
  type PolicyRules,
} from '../../../../shared/policy';
import { RULE_LABELS, anyRuleValueText } from '../../../../shared/policy/settings-text';
import { formatUkDate } from '../../../../shared/validation/formats';

/** One setting as the form holds it: local (set by the authority) or following the edition. */
export type RuleField = { local: boolean; value: string; note: string };

export const CHOICE_KEYS = [
  'managerSignOff',
  'icpcAnchor',
  'outOfHoursRule',
  'caseHolderTerm',
] as const;
export const NUMBER_KEYS = [
  'strategyDiscussionWorkingDays',
  'internalReviewWorkingDays',
  'seeChildWithinHours',
  'seeChildInNeedWorkingDays',
  'ladoReferralWorkingDays',
  'assessmentWorkingDays',
  'icpcWorkingDays',
  'firstCoreGroupWorkingDays',
  'firstReviewMonths',
  'reviewIntervalMonths',
  'privateFosteringVisitWorkingDays',
] as const satisfies readonly (keyof typeof NUMBER_RULES)[];
export const TIME_KEYS = ['officeHoursStart', 'officeHoursEnd'] as const;

type ChoiceKey = (typeof CHOICE_KEYS)[number];
type NumberKey = (typeof NUMBER_KEYS)[number];

/**
 * The settings this screen edits. 'requiredRoles' stands for the social worker's manager at
 * strategy discussions (WT 2013/2015 ch.1 require them; WT 2018 ch.1 removed them): other roles a
 * local policy adds are kept as they are.
 */
export type EditableKey = ChoiceKey | NumberKey | (typeof TIME_KEYS)[number] | 'requiredRoles';

export type SettingsForm = {
  edition: string;
  organisation: { marking: string; inviteInitials: 'yes' | 'no' };
  overrides: Record<EditableKey, RuleField>;
};

export type SettingsChange = Omit<ChannelInput<'settings:update'>, 'version'>;

export const EDITABLE_KEYS: readonly EditableKey[] = [
  ...CHOICE_KEYS,
  'requiredRoles',
  ...NUMBER_KEYS,
  ...TIME_KEYS,
];

const MANAGER: RoleId = 'sw-manager';

/** The choices offered for each choice setting, in words (the Rules screen's wording). */
export const CHOICES: Record<ChoiceKey | 'requiredRoles', readonly string[]> = {
  managerSignOff: SIGN_OFF_MODES,
  icpcAnchor: ICPC_ANCHORS,
  outOfHoursRule: OUT_OF_HOURS_RULES,
  caseHolderTerm: CASE_HOLDER_TERMS,
  requiredRoles: ['required', 'optional'],
};

export function choiceLabel(key: ChoiceKey | 'requiredRoles', value: string): string {
  if (key === 'requiredRoles') {
    return value === 'required'
      ? 'Required: a discussion cannot be confirmed without the manager'
      : 'Optional: the manager may be invited';
  }
  if (key === 'caseHolderTerm')
    return value === 'social worker' ? 'Social worker' : 'Lead practitioner';
  const text = anyRuleValueText(key, value);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const VERIFY = new Map(VERIFY_SETTINGS.map((s) => [s.key, s]));

/** The setting's label: the [verify] list's fuller wording where it has one. */
export function settingLabel(key: EditableKey): string {
  if (key === 'requiredRoles') return "Social worker's manager at strategy discussions";
  return VERIFY.get(key)?.label ?? RULE_LABELS[key];
}

/** A setting the guidance leaves to local policy, or where its reading is uncertain ([verify]). */
export function isVerifySetting(key: EditableKey): boolean {
  return key !== 'requiredRoles' && VERIFY.has(key);
}

export function numberUnit(key: NumberKey): string {
  return NUMBER_RULES[key].unit;
}

/** A rule's value as the form holds it. */
function asFormValue(key: EditableKey, rules: PolicyRules): string {
  if (key === 'requiredRoles')
    return rules.requiredRoles.includes(MANAGER) ? 'required' : 'optional';
  const value = rules[key];
  return value === null ? '' : String(value);
}

export function editionDefault(edition: Edition, key: EditableKey): string {
  return asFormValue(key, EDITION_RULES[edition].rules);
}

/** The edition default in words ("1 working day", "Required"). */
export function editionDefaultText(edition: Edition, key: EditableKey): string {
  const rules = EDITION_RULES[edition].rules;
  if (key === 'requiredRoles') {
    return rules.requiredRoles.includes(MANAGER)
      ? 'Required'
      : 'Optional (not in the minimum attendance)';
  }
  const text = anyRuleValueText(key, rules[key]);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where the edition's default comes from: its citation, or the documented local default. */
export function editionDefaultSource(edition: Edition, key: EditableKey): string {
  const def = EDITION_RULES[edition];
  if (key === 'requiredRoles') {
    return (
      def.roleSources[MANAGER] ??
      (def.sources.requiredRoles.kind === 'edition' ? def.sources.requiredRoles.reference : '')
    );
  }
  const source = def.sources[key];
  switch (source.kind) {
    case 'edition':
      return source.reference.replace(/^WT (\d{4})\b,?\s*/, 'Working Together $1, ');
    case 'statute':
      return source.reference;
    case 'local':
    case 'default':
      return source.note;
  }
}

/** Whether the edition itself requires the manager, so local policy cannot make them optional. */
export function editionRequiresManager(edition: Edition): boolean {
  return EDITION_RULES[edition].rules.requiredRoles.includes(MANAGER);
}

export function toEdition(value: string): Edition {
  const n = Number(value);
  return (EDITIONS as readonly number[]).includes(n) ? (n as Edition) : 2023;
}

/** Whether the field differs from the edition's default (what makes it local policy). */
export function isLocal(form: SettingsForm, key: EditableKey): boolean {
  const f = form.overrides[key];
  return f.local && f.value.trim() !== editionDefault(toEdition(form.edition), key);
}

/** The value the control shows: the local value, or the chosen edition's default. */
export function shownValue(form: SettingsForm, key: EditableKey): string {
  const f = form.overrides[key];
  return f.local ? f.value : editionDefault(toEdition(form.edition), key);
}

export function formFrom(settings: SettingsRecord): SettingsForm {
  const overrides = {} as Record<EditableKey, RuleField>;
  const notes = settings.overrides.notes ?? {};
  for (const key of EDITABLE_KEYS) {
    const value = asFormValue(key, settings.policy);
    const local = value !== editionDefault(settings.edition, key);
    overrides[key] = { local, value: local ? value : '', note: local ? (notes[key] ?? '') : '' };
  }
  return {
    edition: String(settings.edition),
    organisation: {
      marking: settings.organisation.marking,
      inviteInitials: settings.organisation.inviteInitials === true ? 'yes' : 'no',
    },
    overrides,
  };
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseValue(key: EditableKey, raw: string): Parsed {
  const text = raw.trim();
  if ((NUMBER_KEYS as readonly string[]).includes(key)) {
    const nk = key as NumberKey;
    const rule = NUMBER_RULES[nk];
    if (text === '') {
      return rule.kind === 'local-optional'
        ? { ok: true, value: null }
        : { ok: false, message: `${settingLabel(key)}: enter a number of ${rule.unit}` };
    }
    if (!/^\d{1,4}$/.test(text)) {
      return { ok: false, message: `${settingLabel(key)}: enter a whole number of ${rule.unit}` };
    }
    return { ok: true, value: Number(text) };
  }
  return { ok: true, value: text };
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_KEYS);

/** A main-process or shared path ("overrides.notes.icpcAnchor") as the form's field path. */
export function formPath(path: string): string {
  const note = /^overrides\.notes\.(.+)$/.exec(path);
  if (note?.[1] !== undefined && EDITABLE.has(note[1])) return `overrides.${note[1]}.note`;
  if (path === 'overrides.optionalRoles') return 'overrides.requiredRoles';
  return path;
}

/**
 * The change to send ('settings:update' without the version), or every problem under its field
 * path. Local policy may tighten statutory timescales, never loosen them (shared/policy).
 */
export function checkSettings(
  saved: Pick<SettingsRecord, 'edition' | 'overrides' | 'organisation'>,
  form: SettingsForm,
): { ok: true; value: SettingsChange } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const edition = toEdition(form.edition);
  const base = EDITION_RULES[edition].rules;
  // Whatever this screen does not edit stays exactly as it was.
  const { notes: savedNotes, ...savedRules } = saved.overrides;
  const overrides: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(savedRules)) if (!EDITABLE.has(k)) overrides[k] = v;
  const notes: Partial<Record<PolicyRuleKey, string>> = {};
  for (const [k, v] of Object.entries(savedNotes ?? {})) {
    if (!EDITABLE.has(k)) notes[k as PolicyRuleKey] = v;
  }

  for (const key of EDITABLE_KEYS) {
    const field = form.overrides[key];
    const local = isLocal(form, key);
    if (key === 'requiredRoles') {
      // Roles another local decision added stay; only the manager follows this field.
      const from = Array.isArray(saved.overrides.requiredRoles)
        ? saved.overrides.requiredRoles
        : base.requiredRoles;
      const wantManager = shownValue(form, key) === 'required';
      const roles = [...from.filter((r) => r !== MANAGER), ...(wantManager ? [MANAGER] : [])];
      if (!sameRoles(roles, base.requiredRoles)) overrides.requiredRoles = roles;
    } else if (local) {
      const parsed = parseValue(key, field.value);
      if (!parsed.ok) errors[`overrides.${key}`] = parsed.message;
      else overrides[key] = parsed.value;
    }
    const note = field.note.trim();
    if (local && note !== '') {
      if (note.length > 500)
        errors[`overrides.${key}.note`] = 'Keep the note to 500 characters or fewer';
      notes[key] = note;
    }
  }
  const policy: PolicyOverrides = {
    ...(overrides as Partial<PolicyRules>),
    ...(Object.keys(notes).length > 0 ? { notes } : {}),
  };
  const check = validatePolicyOverrides(edition, policy);
  if (!check.ok) {
    for (const e of check.errors) {
      const path = e.key === 'edition' ? 'edition' : formPath(`overrides.${e.key}`);
      errors[path] ??= e.message;
    }
  }

  const marking = form.organisation.marking.trim();
  if (marking === '') {
    errors['organisation.marking'] = 'Enter the protective marking, for example OFFICIAL-SENSITIVE';
  } else if (marking.length > 100) {
    errors['organisation.marking'] = 'Keep the protective marking to 100 characters or fewer';
  }
  const inviteInitials = form.organisation.inviteInitials === 'yes';
  const organisationChanged =
    marking !== saved.organisation.marking ||
    inviteInitials !== (saved.organisation.inviteInitials === true);
  let organisation: OrganisationDetails | undefined;
  if (organisationChanged) {
    // 'settings:update' takes the whole organisation: the rest goes back as it is.
    organisation = { ...saved.organisation, marking, inviteInitials };
    if (saved.organisation.name.trim() === '') {
      errors['organisation.marking'] ??=
        "Enter your organisation's name on the Organisation page first: the marking is saved with it";
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { edition, overrides: policy, ...(organisation ? { organisation } : {}) },
  };
}

/** The edition picker's choices: each edition with when it came into force. */
export function editionChoices(): { value: string; label: string; hint: string }[] {
  return EDITIONS.map((e) => {
    const def = EDITION_RULES[e];
    const replaced =
      def.supersededBy === null ? 'the current edition' : `replaced in ${String(def.supersededBy)}`;
    return {
      value: String(e),
      label: def.title,
      hint: `In force from ${formatUkDate(def.inForce)}; ${replaced}`,
    };
  });
}
