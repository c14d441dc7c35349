// The one typed IPC contract (architecture §1). Main handlers, the preload, the browser harness
// and the renderer client all derive their types from this map; nothing is typed twice.
// Channel names are `area:verb`. Every input is a strict zod schema (unknown keys rejected),
// shared with the forms, so the main process re-checks everything the renderer sends.

import * as z from 'zod';
import type * as Records from '../domain/records';
import type { SearchResults } from '../domain/search';
import type { DocumentDownloadRecord } from '../domain/documents';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE_MAX, type AuditSearchResult } from '../domain/audit';
import { DRAFT_KINDS } from '../domain/records';
import { CASE_ROLES, USER_ROLES, type UserRole } from '../domain/types';
import { EDITIONS } from '../domain/types';
import { progressEventSchema } from '../progress/events';
import { decisionSchema } from '../validation/decision';
import { isIsoDate } from '../validation/formats';
import { referralSchema } from '../validation/referral';
import { documentChannels } from './channels/documents';
import { recordFileChannels } from './channels/record-files';
import { letterChannels } from './channels/letters';
import { measuresChannels } from './channels/measures';
import { censusChannels } from './channels/census';
import { strategyFileChannels } from './channels/strategy-files';
import { channel, result, type SchemaOf, type InputSchema, type IpcResult } from './define';
import { strategyChannels } from './channels/strategy';
import { settingsChannels } from './channels/settings';
import { calendarChannels } from './channels/calendar';
import { backupChannels } from './channels/backups';
import { sessionChannels } from './channels/session';
import type { BackupListItem, RestoreResult } from '../domain/backups';

export * from './define';

const id = z.string().trim().min(1, 'Missing record id').max(100, 'Record id is too long');
const version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const empty = z.object({}).strict();
// A real calendar date (no 30 February), as the forms send after parsing DD/MM/YYYY.
const isoDate = z.string().refine(isIsoDate, 'Enter a real date, for example 27/03/2024');
const searchText = z.string().trim().max(200, 'Search for 200 characters or fewer');
/** Why a record was changed in a way that needs explaining later (kept with it and audited). */
const reasonText = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(2_000, 'Give the reason in 2,000 characters or fewer');

// Every role that reads case records: all but the minute-taker (domain/types.ts CASE_ROLES).
const ALL: readonly UserRole[] = CASE_ROLES;
const CASEWORK: readonly UserRole[] = ['duty-worker', 'manager'];
// Chairs record what their strategy discussions decided.
const PROGRESS: readonly UserRole[] = ['duty-worker', 'manager', 'chair'];
const MANAGERS: readonly UserRole[] = ['manager'];
const ADMIN: readonly UserRole[] = ['admin'];

export const QUEUE_FILTERS = [
  'all',
  'mine',
  'unassigned',
  'due-today',
  'overdue',
  'awaiting-sign-off',
] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/**
 * How the queue grid may be ordered. Whatever is chosen, referrals that may need immediate
 * protection stay at the top: they cannot wait (Children Act 1989 ss44, 46; WT 2018 ch.1
 * "immediate protection").
 * `urgency`: running decision clocks before those waiting for sign-off, then soonest due.
 */
export const QUEUE_SORT_FIELDS = [
  'urgency',
  'decisionDue',
  'receivedAt',
  'reference',
  'referrer',
  'assignedTo',
] as const;
export type QueueSortField = (typeof QUEUE_SORT_FIELDS)[number];
/** The most rows one queue page returns (the community DataGrid's page-size limit too). */
export const QUEUE_PAGE_SIZE_MAX = 100;

export const queueQuerySchema = z
  .object({
    filter: z.enum(QUEUE_FILTERS),
    /** 0-based page number. */
    page: z.number().int().min(0).max(1_000_000),
    pageSize: z.number().int().min(1).max(QUEUE_PAGE_SIZE_MAX),
    sort: z
      .object({ field: z.enum(QUEUE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    /** Reference (from its start), a child's name or the referrer (anywhere in the text). */
    text: searchText.optional(),
    /** A worker's user id, or null for referrals nobody holds. */
    assignedTo: id.nullable().optional(),
    status: z.enum(['awaiting-decision', 'awaiting-sign-off']).optional(),
  })
  .strict();
export type QueueQueryInput = z.infer<typeof queueQuerySchema>;

/** A draft's free-form data: JSON only, and bounded so a runaway autosave cannot fill the disk. */
const draftData = z.unknown().refine((v) => {
  try {
    const json = JSON.stringify(v);
    return typeof json === 'string' && json.length <= 2_000_000;
  } catch {
    return false;
  }
}, 'This draft is too large to save (over 2 MB)');

export const matchQuerySchema = z
  .object({
    givenNames: z.string().trim().max(200).optional(),
    familyName: z.string().trim().max(200).optional(),
    dateOfBirth: isoDate.optional(),
    /** Where the date of birth is not known: the year "about N" points to (matched ±1). */
    approxBirthYear: z.number().int().min(1900).max(2200).optional(),
    nhsNumber: z.string().trim().max(20).optional(),
    postcode: z.string().trim().max(10).optional(),
    /** Referral to leave out of "previous involvement" (the one being entered). */
    excludeReferralId: id.optional(),
  })
  .strict();
export type MatchQueryInput = z.infer<typeof matchQuerySchema>;

export const contract = {
  ...documentChannels,
  ...strategyFileChannels,
  ...letterChannels,
  ...measuresChannels,
  ...censusChannels,
  ...recordFileChannels,
  ...settingsChannels,
  ...calendarChannels,
  ...backupChannels,
  ...sessionChannels,
  'session:current': channel({
    summary: 'Who is using the app, their roles, and the organisation settings they need',
    access: 'any-user',
    input: empty,
    result: result<Records.SessionInfo>(),
  }),
  'system:status': channel({
    summary: 'Store health: ok, or recovery needed with the backups that could be restored',
    access: 'any-user',
    recovery: true,
    input: empty,
    result: result<Records.StoreStatus>(),
  }),
  'system:recover': channel({
    summary: 'Restore a backup when the database cannot be opened (the newest good one by default)',
    access: 'any-user',
    recovery: true,
    input: z.object({ file: z.string().trim().min(1).max(300).optional() }).strict(),
    result: result<Records.BackupInfo>(),
  }),

  'referrals:list': channel({
    summary: 'The referral queue, soonest decision due first',
    access: ALL,
    input: z.object({ filter: z.enum(QUEUE_FILTERS) }).strict(),
    result: result<Records.QueueItem[]>(),
  }),
  'referrals:queue': channel({
    summary: 'One page of the referral queue with the total, sorted and filtered by the store',
    access: ALL,
    input: queueQuerySchema,
    result: result<Records.QueuePage>(),
  }),
  'referrals:get': channel({
    summary: "Open one referral (audited as a view of the children's records)",
    access: ALL,
    input: z.object({ id }).strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'referrals:create': channel({
    summary: 'Save a new referral',
    access: CASEWORK,
    input: (ctx) =>
      z
        .object({
          referral: referralSchema(ctx),
          draftKey: id.optional(),
          /** Search first: children the worker confirmed as new people (positions, 0-based). */
          newChildren: z.array(z.number().int().min(0).max(19)).max(20).optional(),
        })
        .strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'referrals:update': channel({
    summary: 'Save changes to a referral (refused if someone else saved first)',
    access: CASEWORK,
    input: (ctx) =>
      z
        .object({
          id,
          version,
          referral: referralSchema(ctx),
          /** Children added in the correction and confirmed as new people (positions, 0-based). */
          newChildren: z.array(z.number().int().min(0).max(19)).max(20).optional(),
        })
        .strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'referrals:assign': channel({
    summary: 'Assign a referral to a worker, or unassign it',
    access: CASEWORK,
    input: z.object({ id, version, userId: id.nullable() }).strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'referrals:add-event': channel({
    summary: "Add a significant event to a referral's chronology",
    access: CASEWORK,
    input: z
      .object({
        id,
        // When it happened (may be earlier than now, never in the future).
        at: z.iso.datetime({ offset: true, message: 'Enter when it happened' }),
        text: z
          .string()
          .trim()
          .min(1, 'Describe what happened')
          .max(10_000, 'Describe what happened in 10,000 characters or fewer'),
      })
      .strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'referrals:search': channel({
    summary: 'Full-text search over referrals',
    access: ALL,
    input: z
      .object({ text: searchText, limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    result: result<Records.ReferralSearchHit[]>(),
  }),

  'search:all': channel({
    summary:
      "Find children and referrals by name, reference, NHS number, date of birth, postcode, school or referrer, with why each matched (audited as a view of the children's records when any are shown)",
    access: ALL,
    input: z
      .object({ text: searchText, limit: z.number().int().min(1).max(50).optional() })
      .strict(),
    result: result<SearchResults>(),
  }),

  'drafts:save': channel({
    summary: 'Autosave a form being typed',
    access: CASEWORK,
    input: z.object({ kind: z.enum(DRAFT_KINDS), key: id, data: draftData }).strict(),
    result: result<Records.DraftRecord>(),
  }),
  'drafts:get': channel({
    summary: 'Load an autosaved draft',
    access: CASEWORK,
    input: z.object({ kind: z.enum(DRAFT_KINDS), key: id }).strict(),
    result: result<Records.DraftRecord | null>(),
  }),
  'drafts:list': channel({
    summary: 'My unfinished drafts',
    access: CASEWORK,
    input: empty,
    result: result<Records.DraftRecord[]>(),
  }),
  'drafts:discard': channel({
    summary: 'Throw away a draft',
    access: CASEWORK,
    input: z.object({ kind: z.enum(DRAFT_KINDS), key: id }).strict(),
    result: result<{ discarded: boolean }>(),
  }),

  'people:match': channel({
    summary: 'People who may be this child, with the reasons and their previous involvement',
    access: ALL,
    input: matchQuerySchema,
    result: result<Records.PersonMatch[]>(),
  }),
  'people:known-adults': channel({
    summary:
      'Adults already recorded in the households of earlier referrals who may be this person (for example an expectant mother)',
    access: ALL,
    input: z
      .object({
        givenNames: z.string().trim().max(200).optional(),
        familyName: z.string().trim().min(1).max(200),
        dateOfBirth: isoDate.optional(),
        excludeReferralId: id.optional(),
      })
      .strict(),
    result: result<Records.KnownAdult[]>(),
  }),
  'people:search': channel({
    summary: 'Full-text search over people',
    access: ALL,
    input: z
      .object({ text: searchText, limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    result: result<Records.PersonRecord[]>(),
  }),
  'people:get': channel({
    summary: "Open a person's record with previous involvement (audited as a view)",
    access: ALL,
    input: z.object({ id }).strict(),
    result: result<Records.PersonDetail>(),
  }),
  'people:link': channel({
    summary: 'Link a child on a referral to an existing person, or confirm them as new',
    access: CASEWORK,
    input: z
      .object({
        referralId: id,
        version,
        childIndex: z.number().int().min(0).max(19),
        personId: id.nullable(),
      })
      .strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'people:merge': channel({
    summary: 'Merge a duplicate person into another (can be undone)',
    access: [...MANAGERS, ...ADMIN],
    input: z
      .object({
        keepId: id,
        mergeId: id,
        reason: reasonText('Say why these are the same child (for example, the NHS numbers match)'),
      })
      .strict(),
    result: result<Records.MergeRecord>(),
  }),
  'people:unmerge': channel({
    summary: 'Undo a merge exactly',
    access: [...MANAGERS, ...ADMIN],
    input: z
      .object({ mergeId: id, reason: reasonText('Say why the merge is being undone') })
      .strict(),
    result: result<Records.MergeRecord>(),
  }),

  'decisions:record': channel({
    summary: 'Record the decision on the type of response',
    access: CASEWORK,
    input: z.object({ referralId: id, version, decision: decisionSchema }).strict(),
    result: result<Records.DecisionRecord>(),
  }),
  'decisions:sign-off': channel({
    summary: 'A manager agrees a decision or returns it with a comment',
    access: MANAGERS,
    input: z
      .object({
        decisionId: id,
        version,
        outcome: z.enum(['agreed', 'returned']),
        comment: z.string().trim().max(10_000).optional(),
      })
      .strict(),
    result: result<Records.DecisionRecord>(),
  }),

  'progress:record': channel({
    summary:
      'Record what has happened: a strategy discussion and its s47 decision, the enquiry, a conference, the assessment',
    access: PROGRESS,
    input: (ctx) => z.object({ referralId: id, event: progressEventSchema(ctx) }).strict(),
    result: result<Records.ReferralRecord>(),
  }),
  'progress:withdraw': channel({
    summary: 'Withdraw a progress entry recorded in error (it stays visible, with the reason)',
    access: PROGRESS,
    input: z
      .object({
        referralId: id,
        id,
        reason: reasonText('Say why the entry is being withdrawn'),
      })
      .strict(),
    result: result<Records.ReferralRecord>(),
  }),

  'directory:list': channel({
    summary: 'Professionals and agencies in the directory',
    access: ALL,
    input: z.object({ text: searchText.optional() }).strict(),
    result: result<Records.DirectoryEntry[]>(),
  }),
  'directory:save': channel({
    summary: 'Add or change a directory entry',
    access: ['duty-worker', 'manager', 'admin'],
    input: z
      .object({
        id: id.optional(),
        version: version.optional(),
        entry: z
          .object({
            name: z.string().trim().min(1, 'Enter a name').max(200),
            role: z.string().trim().max(200).optional(),
            agency: z.string().trim().max(200).optional(),
            agencyType: z.string().trim().max(50),
            phone: z.string().trim().max(50).optional(),
            email: z.string().trim().max(320).optional(),
            address: z.string().trim().max(2_000).optional(),
          })
          .strict(),
      })
      .strict(),
    result: result<Records.DirectoryEntry>(),
  }),

  'settings:get': channel({
    summary: 'Edition, local policy, organisation details and closure days',
    access: 'any-user',
    input: empty,
    result: result<Records.SettingsRecord>(),
  }),
  'settings:update': channel({
    summary: 'Change the edition, local policy, organisation details or closure days',
    access: ADMIN,
    input: z
      .object({
        version,
        edition: z.union(EDITIONS.map((e) => z.literal(e))).optional(),
        overrides: z.record(z.string().max(60), z.unknown()).optional(),
        organisation: z
          .object({
            name: z.string().trim().min(1, 'Enter the organisation name').max(200),
            address: z.string().trim().max(2_000),
            phone: z.string().trim().max(50),
            email: z.string().trim().max(320),
            marking: z.string().trim().min(1, 'Enter the protective marking').max(100),
            inviteInitials: z.boolean().optional(),
            contactLine: z.string().trim().max(300).optional(),
            signatory: z.string().trim().max(120).optional(),
            signatoryRole: z.string().trim().max(200).optional(),
            logo: z
              .string()
              .max(400_000, 'The logo must be 300 KB or smaller')
              .regex(
                /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/,
                'The logo must be a PNG or JPEG image',
              )
              .optional(),
          })
          .strict()
          .optional(),
        closures: z.array(isoDate).max(400).optional(),
      })
      .strict(),
    result: result<Records.SettingsRecord>(),
  }),

  'audit:list': channel({
    summary: 'Who viewed and changed a record, and when',
    access: [...MANAGERS, ...ADMIN, 'duty-worker'],
    input: z.object({ entityType: z.string().trim().min(1).max(50), entityId: id }).strict(),
    result: result<Records.AuditEntry[]>(),
  }),
  'audit:search': channel({
    summary:
      'Search the audit log by child, referral, user, action and London dates, newest first (audited as a view)',
    access: [...MANAGERS, ...ADMIN],
    input: z
      .object({
        /** A child's person record: entries about it and about every referral they are on. */
        personId: id.optional(),
        /** A referral's id or its reference (FD-YYYY-NNNNNN). */
        referral: z.string().trim().min(1).max(100, 'Enter a referral reference').optional(),
        userId: id.optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        /** London days, inclusive. */
        from: isoDate.optional(),
        to: isoDate.optional(),
        page: z.number().int().min(0).max(1_000_000),
        pageSize: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX),
      })
      .strict()
      .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
        message: 'The end date must be on or after the start date',
        path: ['to'],
      }),
    result: result<AuditSearchResult>(),
  }),
  'audit:export-subject': channel({
    summary:
      "A child's audit as an A4 PDF for a subject access request: their record and every referral they are on",
    access: [...MANAGERS, ...ADMIN],
    input: z.object({ personId: id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
  'audit:verify': channel({
    summary:
      'Check the audit log has not been altered: from the last checked entry, or from the start; progress is reported',
    access: ADMIN,
    input: z
      .object({
        /** Chosen by the caller to follow the check's task:progress events. */
        taskId: z.string().min(1).max(100).optional(),
        /** Check every entry, not only those added since the last good check. */
        fromStart: z.boolean().optional(),
      })
      .strict(),
    result: result<Records.AuditVerification>(),
  }),

  'users:list': channel({
    summary: 'App users and their roles',
    // Names only: a minute-taker's discussion page shows who chairs and who is invited.
    access: USER_ROLES,
    input: empty,
    result: result<Records.AppUser[]>(),
  }),
  'users:set-roles': channel({
    summary: "Change a user's roles",
    access: ADMIN,
    input: z
      .object({ id, version, roles: z.array(z.enum(USER_ROLES)).max(USER_ROLES.length) })
      .strict(),
    result: result<Records.AppUser>(),
  }),
  'users:set-active': channel({
    summary: 'Deactivate a leaver (their records and history stay) or reactivate them',
    access: ADMIN,
    input: z
      .object({
        id,
        version,
        active: z.boolean(),
        reason: z.string().trim().max(500, 'Give the reason in 500 characters or fewer').optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        // A leaver's access is removed for a reason someone may later need to know (audited).
        if (!v.active && (v.reason ?? '') === '')
          ctx.addIssue({
            code: 'custom',
            path: ['reason'],
            message: 'Say why this person is being deactivated',
          });
      }),
    result: result<Records.AppUser>(),
  }),

  'backups:create': channel({
    summary: 'Back up the database now (verified); progress is reported',
    access: ADMIN,
    // Chosen by the caller to follow the backup's task:progress events.
    input: z.object({ taskId: z.string().min(1).max(100).optional() }).strict(),
    result: result<BackupListItem>(),
  }),
  'backups:list': channel({
    summary: 'Backups available to restore',
    access: ADMIN,
    input: empty,
    result: result<BackupListItem[]>(),
  }),
  'backups:restore': channel({
    summary: 'Restore the database from a chosen backup',
    access: ADMIN,
    input: z.object({ file: z.string().trim().min(1).max(300) }).strict(),
    result: result<RestoreResult>(),
  }),

  ...strategyChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

type SpecOf<C extends Channel> = Contract[C];
type InputSchemaOf<C extends Channel> = SchemaOf<SpecOf<C>['input']> & z.ZodType;
/** What the renderer sends. */
export type ChannelInput<C extends Channel> = z.input<InputSchemaOf<C>>;
/** What a handler receives after the schema has parsed (and normalised) it. */
export type ChannelParsed<C extends Channel> = z.output<InputSchemaOf<C>>;
export type ChannelOutput<C extends Channel> = SpecOf<C>['result'];

/** window.api: one function per channel, keyed by channel name. */
export type Api = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
};

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function inputSchemaFor(name: Channel, today: string): z.ZodType {
  const spec: InputSchema = contract[name].input;
  return typeof spec === 'function' ? spec({ today }) : spec;
}
