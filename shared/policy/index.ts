// Working Together editions as data + local overrides (architecture §1, domain §2).

export type * from './types';
export { EDITION_RULES, DEFAULT_NOTES, STATUTE_REFS, editionLabel } from './editions';
export type { EditionDefinition } from './editions';
export {
  resolvePolicy,
  validatePolicyOverrides,
  managerAttendance,
  PolicyOverrideError,
  POLICY_RULE_KEYS,
  NUMBER_RULES,
  SIGN_OFF_MODES,
  ICPC_ANCHORS,
  CASE_HOLDER_TERMS,
  OUT_OF_HOURS_RULES,
} from './resolve';
export type { PolicyOverrideIssue, PolicyOverrideValidation } from './resolve';
export { VERIFY_SETTINGS, VERIFY_UI_TEXT, verifyDefault } from './verify-settings';
export type { VerifySetting } from './verify-settings';
