// Kysely's view of the schema (migrations/001–004). Column types are what SQLite returns through
// better-sqlite3: TEXT → string, INTEGER → number (booleans are 0/1), JSON columns are TEXT.
// Repositories map these rows to the domain records in shared/domain/records.ts, in one place
// each.
import type { Generated, Insertable, Selectable } from 'kysely';

type Stamps = {
  version: Generated<number>;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};

export type UsersTable = Stamps & {
  id: string;
  os_account: string;
  display_name: string;
  /** JSON array of UserRole. */
  roles: string;
  active: Generated<number>;
};

export type PeopleTable = Stamps & {
  id: string;
  kind: 'child' | 'adult';
  status: 'born' | 'unborn';
  given_names: string | null;
  family_name: string | null;
  other_names: string | null;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  gender: string | null;
  nhs_number: string | null;
  postcode: string | null;
  /** JSON AddressInput. */
  address: string | null;
  name_key: string;
  family_key: string;
  given_key: string;
  family_phonetic1: string | null;
  family_phonetic2: string | null;
  given_phonetic1: string | null;
  given_phonetic2: string | null;
  merged_into: string | null;
  legal_hold: Generated<number>;
  /** Migration 4: "about N" when the date of birth is not known. */
  approx_birth_year: number | null;
};

export type DirectoryTable = Stamps & {
  id: string;
  kind: 'professional' | 'agency';
  name: string;
  role: string | null;
  agency: string | null;
  agency_type: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  active: Generated<number>;
};

export type ReferenceCountersTable = { year: number; last: number };

export type ReferralStatus =
  'draft' | 'awaiting-decision' | 'awaiting-sign-off' | 'decided' | 'closed';

export type ReferralsTable = Stamps & {
  id: string;
  reference: string;
  status: ReferralStatus;
  received_at: string;
  counted_from: string;
  decision_due: string;
  channel: string;
  referrer_id: string | null;
  /** JSON ReferrerInput snapshot as typed. */
  referrer: string;
  referrer_label: string;
  source_code: string;
  narrative: string;
  whereabouts: string;
  immediate_protection: number;
  parents_aware: string;
  parents_agree: string;
  reason: string | null;
  assigned_to: string | null;
  /** JSON ReferralInput: the full validated input so nothing typed is lost. */
  data: string;
  legal_hold: Generated<number>;
};

export type ReferralChildrenTable = {
  id: string;
  referral_id: string;
  person_id: string | null;
  position: number;
  display_name: string;
  /** JSON ChildInput snapshot. */
  child: string;
};

export type HouseholdMembersTable = {
  id: string;
  referral_id: string;
  person_id: string | null;
  position: number;
  parental_responsibility: number;
  /** JSON HouseholdMemberInput snapshot. */
  data: string;
  /** Migration 4: name search keys (shared/matching), as on people. */
  family_key: Generated<string>;
  given_key: Generated<string>;
  family_phonetic1: string | null;
  family_phonetic2: string | null;
};

export type AssessmentFactorsTable = { referral_id: string; code: string };

export type ConsentDecisionsTable = {
  id: string;
  referral_id: string;
  status: string;
  data: string;
  recorded_by: string | null;
  recorded_at: string;
};

export type InfoSharingLogTable = {
  id: string;
  referral_id: string;
  decision: 'shared' | 'not-shared';
  date: string;
  what: string;
  with_whom: string;
  why: string;
  lawful_basis: string | null;
  data: string;
  recorded_by: string | null;
  recorded_at: string;
};

export type ChecklistAnswersTable = Stamps & { referral_id: string; answers: string };

export type DecisionStatus = 'awaiting-sign-off' | 'final' | 'returned' | 'superseded';

export type DecisionsTable = Stamps & {
  id: string;
  referral_id: string;
  answers: string;
  recommended: string;
  chosen: string;
  rationale: string;
  /** JSON Decision (shared/validation decisionSchema output). */
  data: string;
  status: DecisionStatus;
  recorded_by: string;
  recorded_at: string;
};

export type PoliceNotificationsTable = {
  id: string;
  referral_id: string;
  decision_id: string | null;
  officer_name: string | null;
  force_or_team: string | null;
  notified_at: string | null;
  reference: string | null;
  data: string;
  recorded_by: string | null;
  recorded_at: string;
};

export type ManagerSignoffsTable = {
  id: string;
  decision_id: string;
  signed_by: string;
  signed_at: string;
  comment: string | null;
  outcome: 'agreed' | 'returned';
};

/** Migration 8: strategy discussions (replaces migration 1's unused sketch). */
export type StrategyDiscussionsTable = Stamps & {
  id: string;
  referral_id: string;
  sequence: number;
  trigger_kind: 'decision' | 'emergency-action' | 'new-information';
  /** JSON TriggerInput as validated. */
  trigger: string;
  status: 'scheduled' | 'confirmed' | 'held' | 'minutes-finalised' | 'cancelled';
  starts_at: string;
  ends_at: string;
  format: 'in-person' | 'video' | 'phone';
  location: string | null;
  join_link: string | null;
  chair_id: string;
  minute_taker: string | null;
  ics_uid: string;
  ics_sequence: number;
  missing_roles_reason: string | null;
  cancelled_reason: string | null;
  /** The progress entry recorded when the discussion was held or its minutes finalised. */
  progress_event_id: string | null;
};

export type StrategyChildrenTable = {
  id: string;
  discussion_id: string;
  position: number;
  referral_child_id: string | null;
  name: string | null;
  looked_after: number;
};

export type StrategyInviteesTable = {
  id: string;
  discussion_id: string;
  directory_id: string | null;
  name: string;
  job_title: string | null;
  agency: string;
  email: string | null;
  seniority: 'decision-maker' | 'practitioner' | 'not-known';
  covers: string | null;
  added_at: string;
  added_by: string | null;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
};

export type StrategyHistoryTable = {
  id: string;
  discussion_id: string;
  kind: string;
  /** JSON Slot, or null. */
  from_slot: string | null;
  to_slot: string | null;
  reason: string | null;
  at: string;
  by: string | null;
};

export type StrategyMinutesTable = {
  id: string;
  discussion_id: string;
  number: number;
  status: 'draft' | 'finalised';
  /** JSON MinutesDraft as validated. */
  data: string;
  /** JSON { whatChanged, why } on an amendment. */
  amendment: string | null;
  version: number;
  saved_at: string;
  saved_by: string | null;
  finalised_at: string | null;
  finalised_by: string | null;
};

export type ActionsTable = Stamps & {
  id: string;
  referral_id: string;
  discussion_id: string | null;
  description: string;
  owner: string | null;
  agency: string | null;
  due: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  kind: string | null;
  /** The decision whose follow-ups opened this action (migration 5); null for meeting actions. */
  decision_id: string | null;
};

/** Migration 7: documents kept exactly as generated (replaces generated_documents). */
export type DocumentsTable = {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  subject_version: number;
  title: string;
  file_name: string;
  mime: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string | null;
};

export type LettersTable = Stamps & {
  id: string;
  referral_id: string;
  kind: string;
  recipient: string;
  method: string | null;
  sent_at: string | null;
  sent_by: string | null;
  document_id: string | null;
  data: Generated<string>;
  variant: string | null;
  outcome: string | null;
  sequence: Generated<number>;
  email_document_id: string | null;
};

export type LetterTemplatesTable = {
  id: string;
  key: string;
  version: number;
  text: string;
  is_default: number;
  created_at: string;
  created_by: string | null;
};

/** Migration 11: each import of the GOV.UK England & Wales bank holidays, kept as imported. */
export type BankHolidayImportsTable = {
  seq: Generated<number>;
  id: string;
  division: string;
  /** JSON [{date, title}] as validated (shared/calendar/gov-uk-import), sorted by date. */
  events: string;
  event_count: number;
  first_year: number;
  last_year: number;
  sha256: string;
  file_name: string | null;
  imported_at: string;
  imported_by: string | null;
};

export type StrategyInviteSendsTable = {
  id: string;
  discussion_id: string;
  ics_sequence: number;
  method: string;
  sent_at: string;
  sent_by: string | null;
  recorded_at: string;
};

export type ChronologyTable = {
  id: string;
  referral_id: string;
  at: string;
  kind: 'auto' | 'significant';
  text: string;
  by_user: string | null;
};

export type DraftsTable = {
  id: string;
  user_id: string;
  kind: string;
  key: string;
  data: string;
  updated_at: string;
  version: Generated<number>;
};

export type SettingsTable = {
  key: string;
  value: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: string;
};

export type PersonMergesTable = {
  id: string;
  kept_id: string;
  merged_id: string;
  merged_at: string;
  merged_by: string;
  reason: string | null;
  /** JSON MergeRepointed: exactly which rows were repointed, for an exact unmerge. */
  repointed: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
};

export type AuditLogTable = {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  details: string;
  prev_hash: string;
  hash: string;
};

export type AuditHeadTable = { id: number; seq: number; hash: string };

export type PeopleFtsTable = {
  rowid: Generated<number>;
  person_id: string;
  names: string;
  other_names: string;
  address: string;
  postcode: string;
};

export type ReferralsFtsTable = {
  rowid: Generated<number>;
  referral_id: string;
  reference: string;
  narrative: string;
  referrer: string;
  children: string;
  /** The children's schools and nurseries (migration 6). */
  schools: string;
};

/** Migration 3: what has happened on a referral (shared/progress). */
export type ProgressEventsTable = {
  id: string;
  referral_id: string;
  kind: string;
  date: string;
  /** JSON ProgressEventInput as validated. */
  data: string;
  recorded_at: string;
  recorded_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
};

export type Database = {
  users: UsersTable;
  people: PeopleTable;
  directory: DirectoryTable;
  reference_counters: ReferenceCountersTable;
  referrals: ReferralsTable;
  referral_children: ReferralChildrenTable;
  household_members: HouseholdMembersTable;
  assessment_factors: AssessmentFactorsTable;
  consent_decisions: ConsentDecisionsTable;
  info_sharing_log: InfoSharingLogTable;
  checklist_answers: ChecklistAnswersTable;
  decisions: DecisionsTable;
  police_notifications: PoliceNotificationsTable;
  manager_signoffs: ManagerSignoffsTable;
  strategy_discussions: StrategyDiscussionsTable;
  strategy_children: StrategyChildrenTable;
  strategy_invitees: StrategyInviteesTable;
  strategy_history: StrategyHistoryTable;
  strategy_minutes: StrategyMinutesTable;
  actions: ActionsTable;
  documents: DocumentsTable;
  letters: LettersTable;
  letter_templates: LetterTemplatesTable;
  strategy_invite_sends: StrategyInviteSendsTable;
  bank_holiday_imports: BankHolidayImportsTable;
  chronology: ChronologyTable;
  drafts: DraftsTable;
  settings: SettingsTable;
  person_merges: PersonMergesTable;
  progress_events: ProgressEventsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  people_fts: PeopleFtsTable;
  referrals_fts: ReferralsFtsTable;
};

export type UserRow = Selectable<UsersTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewPersonRow = Insertable<PeopleTable>;
export type DirectoryRow = Selectable<DirectoryTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type ReferralChildRow = Selectable<ReferralChildrenTable>;
export type HouseholdMemberRow = Selectable<HouseholdMembersTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type ProgressEventRow = Selectable<ProgressEventsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type StrategyDiscussionRow = Selectable<StrategyDiscussionsTable>;
export type StrategyChildRow = Selectable<StrategyChildrenTable>;
export type StrategyInviteeRow = Selectable<StrategyInviteesTable>;
export type StrategyHistoryRow = Selectable<StrategyHistoryTable>;
export type StrategyMinutesRow = Selectable<StrategyMinutesTable>;
export type SettingRow = Selectable<SettingsTable>;
export type DraftRow = Selectable<DraftsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ChronologyRow = Selectable<ChronologyTable>;
