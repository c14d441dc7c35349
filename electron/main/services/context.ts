// What every service needs: the store, a clock, and the current user per call. Plain Node (no
// Electron), so the same services run in the app, the browser harness and the tests.
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../../shared/calendar';
import { clockStatus, londonDate } from '../../../shared/calendar/clocks';
import type { FollowUp } from '../../../shared/checklist/follow-ups';
import { followUpsFor } from '../../../shared/checklist/follow-ups';
import type { AppUser, SettingsRecord } from '../../../shared/domain/records';
import type { IsoDate } from '../../../shared/domain/types';
import { resolvePolicy } from '../../../shared/policy';
import type { ResolvedPolicy } from '../../../shared/policy/types';
import type { Decision } from '../../../shared/validation/decision';
import { fieldErrorsFromZod } from '../../../shared/validation/errors';
import type * as z from 'zod';
import { ForbiddenError, ValidationError } from '../store/errors';
import { canCall } from '../../../shared/ipc/access';
import type { Channel } from '../../../shared/ipc/contract';
import type { ImportedBankHolidays } from '../../../shared/calendar/imported-holidays';
import { bankHolidaysInForce } from '../store/repositories/bank-holidays';
import { type Db, userNames, userRef } from '../store/repositories/common';
import type { FollowUpReferral, ReadHelpers } from '../store/repositories/referral-read';
import {
  DEFAULT_SETTINGS,
  getSetting,
  type AppSettingsValue,
} from '../store/repositories/settings';
import type { Store } from '../store/store';
import type { EventsPort, FilesPort } from './ports';

export type Clock = { now(): Date };

/** Per-call context: who is asking. The IPC layer resolves the user once per window session. */
export type ServiceContext = { user: AppUser };

export type ServiceDeps = {
  store: Store;
  clock: Clock;
  /** Hands files to the user: save dialog (app), browser download (harness), folder (tests). */
  files: FilesPort;
  /** Tells the windows how long work is going (shared/ipc/events.ts). */
  events: EventsPort;
};

/**
 * Refuses the call unless the contract lets this user call `channel` (shared/ipc/access.ts): the
 * same test the IPC dispatcher makes and the renderer uses to show a control, so a service that
 * is also reached another way (a batch, a document mapping) can never allow more than the channel.
 */
export function requireCall(ctx: ServiceContext, channel: Channel, doing: string): void {
  if (!canCall(channel, ctx.user)) {
    throw new ForbiddenError(
      `You do not have permission to ${doing}. Ask an administrator if you need it.`,
    );
  }
}

/** Parses with a zod schema, turning issues into a ValidationError with field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error));
  return r.data;
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

export function todayLondon(clock: Clock): IsoDate {
  return londonDate(clock.now().toISOString());
}

export type PolicyContext = {
  settings: AppSettingsValue;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  policy: ResolvedPolicy;
  /** The GOV.UK England & Wales table imported by an administrator, or null (rules apply). */
  bankHolidays: ImportedBankHolidays | null;
  calendar: WorkingDayCalendar;
};

/** The policy in force: edition + local overrides, with closure days and imported bank holidays. */
export async function policyContext(db: Db): Promise<PolicyContext> {
  const s = await getSetting<AppSettingsValue>(db, 'app', DEFAULT_SETTINGS);
  let policy: ResolvedPolicy;
  try {
    policy = resolvePolicy(s.value.edition, s.value.overrides);
  } catch {
    // Stored overrides are validated on save; if a later edition change made them invalid, the
    // edition's own rules apply until an administrator fixes them (shown on the settings page).
    policy = resolvePolicy(s.value.edition);
  }
  const bankHolidays = await bankHolidaysInForce(db);
  const calendar = createWorkingDayCalendar({ closures: s.value.closures, bankHolidays });
  return {
    settings: s.value,
    version: s.version,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
    policy,
    bankHolidays,
    calendar,
  };
}

export async function settingsRecord(db: Db, pc?: PolicyContext): Promise<SettingsRecord> {
  const p = pc ?? (await policyContext(db));
  const names = await userNames(db);
  return {
    edition: p.settings.edition,
    overrides: p.settings.overrides,
    organisation: p.settings.organisation,
    closures: [...p.settings.closures],
    bankHolidays: p.bankHolidays,
    policy: p.policy,
    version: p.version,
    updatedAt: p.updatedAt,
    updatedBy: userRef(names, p.updatedBy),
  };
}

export function computeFollowUps(
  pc: PolicyContext,
  decision: Decision,
  referral: FollowUpReferral,
  recordedAt: string,
): FollowUp[] {
  const r = referral.referrer;
  return followUpsFor(decision, pc.policy, {
    countedFrom: referral.countedFrom,
    referralDate: referral.referralDate,
    decidedOn: londonDate(recordedAt),
    calendar: pc.calendar,
    referrer: {
      anonymous: r.kind === 'anonymous',
      wantsFeedback: r.kind === 'anonymous' ? false : r.wantsFeedback,
    },
  });
}

/** The read helpers repositories need, bound to today's calendar and policy. */
export function readHelpers(
  db: Db,
  pc: PolicyContext,
  clock: Clock,
  reReferral: ReadHelpers['reReferral'],
): ReadHelpers {
  const today = todayLondon(clock);
  return {
    clock: (due, metOn) => clockStatus(due, today, pc.calendar, metOn),
    londonDate: (instant) => londonDate(instant),
    followUps: (decision, referral, recordedAt) =>
      computeFollowUps(pc, decision, referral, recordedAt),
    reReferral,
  };
}
