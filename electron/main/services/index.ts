// The services: plain code over the store, a clock and the current user (architecture §1: thin
// IPC handlers, pure rules in shared/, services orchestrate). No Electron imports, so the same
// object serves the app, the browser harness and the tests:
//
//   const store = openStore({ dataDir });          // check store.status().state
//   const services = createServices(store, { now: () => new Date() });
//   const { user } = await services.users.signIn(); // OS account → app user
//   await services.referrals.list({ user }, { filter: 'all' });
import type { Store } from '../store/store';
import {
  type AuditService,
  type BackupService,
  type DirectoryService,
  type DraftService,
  type SettingsService,
  type StatusService,
  type UserService,
  createAuditService,
  createBackupService,
  createDirectoryService,
  createDraftService,
  createSettingsService,
  createStatusService,
  createUserService,
  defaultOsAccount,
} from './admin';
import type { Clock, ServiceDeps } from './context';
import { type DocumentService, createDocumentService } from './documents';
import { type BankHolidayService, createBankHolidayService } from './bank-holidays';
import { type StrategyFilesService, createStrategyFilesService } from './strategy-files';
import { type LetterService, createLetterService } from './letters';
import { type MeasuresService, createMeasuresService } from './measures';
import { type CensusService, createCensusService } from './census';
import { type LetterTemplateService, createLetterTemplateService } from './letter-templates';
import { type RecordFilesService, createRecordFilesService } from './record-files';
import { type StrategyArrangeService, createStrategyArrangeService } from './strategy-arrange';
import { type EventHub, createEventHub } from './events-hub';
import { type SessionLockService, createSessionLockService } from './session-lock';
import { createFolderFilesPort } from './files-folder';
import type { FilesPort } from './ports';
import { type DecisionService, createDecisionService } from './decisions';
import { type ClockRefresh, refreshDecisionClocks } from './decision-clocks';
import { type ProgressService, createProgressService } from './progress';
import { nowIso, policyContext } from './context';
import { type PeopleService, createPeopleService } from './people';
import { type ReferralService, createReferralService } from './referrals';
import { type SearchService, createSearchService } from './search';
import { type AuditSearchService, createAuditSearchService } from './audit-search';
import { type StrategyService, createStrategyService } from './strategy';
import { DEFAULT_BACKUP_KEEP } from '../store/backup';

export type { Clock, ServiceContext } from './context';
export * from '../store/errors';

export type Services = {
  /** Progress of long work, for whoever shows the windows to pass on. */
  events: EventHub;
  /** Documents kept exactly as generated, and their downloads. */
  documents: DocumentService;
  /** A strategy discussion's invite, a week's invites, and its minutes as a PDF. */
  strategyFiles: StrategyFilesService;
  letters: LetterService;
  /** The front door's measures for a period, and the referrals behind each figure. */
  measures: MeasuresService;
  /** The CIN census referral extract: check a collection year, export it as CSV. */
  census: CensusService;
  letterTemplates: LetterTemplateService;
  /** A referral or a child's record as an A4 PDF. */
  recordFiles: RecordFilesService;
  /** Referrals whose strategy discussion is not yet held (the queue's list to arrange). */
  strategyArrange: StrategyArrangeService;
  referrals: ReferralService;
  drafts: DraftService;
  people: PeopleService;
  /** Children and referrals by name, reference, NHS number, date of birth, postcode, school. */
  search: SearchService;
  decisions: DecisionService;
  progress: ProgressService;
  /** Strategy discussions: scheduling, invitees, required roles, minutes. */
  strategy: StrategyService;
  /** Start-up upkeep: open referrals' stored decision clocks brought in step with the rules. */
  clocks: { refresh(): Promise<ClockRefresh> };
  directory: DirectoryService;
  settings: SettingsService;
  /** The GOV.UK England & Wales bank holidays: import and what the import covers. */
  bankHolidays: BankHolidayService;
  users: UserService;
  audit: AuditService;
  /** The audit screen's search by child, referral, user, action and date. */
  auditSearch: AuditSearchService;
  backups: BackupService;
  status: StatusService;
  /** The idle lock: its time (a setting) and the audit of each lock and unlock. */
  sessionLock: SessionLockService;
};

export type ServicesOptions = {
  /** The signed-in operating-system account (default os.userInfo().username). */
  osAccount?: () => string;
  /** Backups to keep when rotating (default 14). */
  backupKeep?: number;
  /** How files reach the user (default: written into a fresh temp folder, as in the tests). */
  files?: FilesPort;
  /** Where progress events go (default: a hub nobody listens to yet; listen with `events`). */
  events?: EventHub;
};

export const systemClock: Clock = { now: () => new Date() };

export function createServices(
  store: Store,
  clock: Clock = systemClock,
  options: ServicesOptions = {},
): Services {
  const events = options.events ?? createEventHub();
  const deps: ServiceDeps = {
    store,
    clock,
    files: options.files ?? createFolderFilesPort(),
    events,
  };
  return {
    events,
    documents: createDocumentService(deps),
    strategyFiles: createStrategyFilesService(deps),
    letters: createLetterService(deps),
    measures: createMeasuresService(deps),
    census: createCensusService(deps),
    letterTemplates: createLetterTemplateService(deps),
    recordFiles: createRecordFilesService(deps),
    strategyArrange: createStrategyArrangeService(deps),
    referrals: createReferralService(deps),
    drafts: createDraftService(deps),
    people: createPeopleService(deps),
    search: createSearchService(deps),
    decisions: createDecisionService(deps),
    progress: createProgressService(deps),
    strategy: createStrategyService(deps),
    clocks: {
      refresh: () =>
        store.transaction(async (trx) =>
          refreshDecisionClocks(
            trx,
            await policyContext(trx),
            { at: nowIso(clock), userId: null },
            'the working-day calendar or the rules in force have changed since it was set',
          ),
        ),
    },
    directory: createDirectoryService(deps),
    settings: createSettingsService(deps),
    bankHolidays: createBankHolidayService(deps),
    users: createUserService(deps, options.osAccount ?? defaultOsAccount),
    audit: createAuditService(deps),
    auditSearch: createAuditSearchService(deps),
    backups: createBackupService(deps, options.backupKeep ?? DEFAULT_BACKUP_KEEP),
    status: createStatusService(deps),
    sessionLock: createSessionLockService(deps),
  };
}
