// Settings: the edition, local policy, organisation details and closure days (issue 14). A change
// is checked the same way whether it is previewed or saved; the preview says in plain words what
// it would do (shared/policy/change-sentences) with today's counts, and the save keeps the change
// in the audit log field by field, before → after (shared/policy/settings-text reads it back).
import { createHash } from 'node:crypto';
import { createWorkingDayCalendar, londonDate } from '../../../shared/calendar';
import { closureDateProblem } from '../../../shared/calendar/closure-range';
import { decisionClock } from '../../../shared/calendar/referral-clocks';
import type { SettingsRecord } from '../../../shared/domain/records';
import { contract, type ChannelParsed } from '../../../shared/ipc/contract';
import type { SettingsPreview } from '../../../shared/ipc/channels/settings';
import { POLICY_RULE_KEYS, resolvePolicy, validatePolicyOverrides } from '../../../shared/policy';
import {
  describeSettingsChange,
  type ChangeCounts,
  type SettingsSide,
} from '../../../shared/policy/change-sentences';
import { settingsChangeLabel } from '../../../shared/policy/settings-text';
import type { ResolvedPolicy } from '../../../shared/policy/types';
import { fieldErrorsFromZod } from '../../../shared/validation/errors';
import { appendAudit } from '../store/audit';
import { ValidationError } from '../store/errors';
import type { Db } from '../store/repositories/common';
import { openDecisionClocks } from '../store/repositories/decision-clocks';
import { putSetting, type AppSettingsValue } from '../store/repositories/settings';
import {
  countDecisionsAwaitingSignOff,
  countFinalDecisionsNotSignedOff,
  countUpcomingDiscussionsWithoutRole,
} from '../store/repositories/settings-effects';
import { strategyToArrange } from '../store/repositories/strategy-arrange';
import { dueDate } from '../../../shared/calendar';
import { refreshDecisionClocks } from './decision-clocks';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
  settingsRecord,
} from './context';

export type SettingsUpdateInput = ChannelParsed<'settings:update'>;
export type SettingsPreviewInput = ChannelParsed<'settings:preview'>;
type ChangeInput = Omit<SettingsUpdateInput, 'version'>;

export type SettingsService = {
  get(ctx: ServiceContext): Promise<SettingsRecord>;
  update(ctx: ServiceContext, input: SettingsUpdateInput): Promise<SettingsRecord>;
  /** What the change would do, in sentences; nothing is saved. Refused as a save would be. */
  preview(ctx: ServiceContext, input: SettingsPreviewInput): Promise<SettingsPreview>;
};

/** How far back "strategy discussions to arrange" looks (services/strategy-arrange). */
const ARRANGE_LOOKBACK_DAYS = 90;

/** The settings after the change; every field not in the input stays as it is. */
function applyChange(current: AppSettingsValue, input: ChangeInput): AppSettingsValue {
  const next = { ...current };
  if (input.edition !== undefined) next.edition = input.edition;
  if (input.overrides !== undefined) next.overrides = input.overrides;
  if (input.organisation !== undefined) next.organisation = input.organisation;
  if (input.closures !== undefined) next.closures = [...new Set(input.closures)].sort();
  return next;
}

/** Every problem with the changed settings, under the input's field paths. */
function changeErrors(
  next: AppSettingsValue,
  input: ChangeInput,
  at: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  // Local policy may tighten statutory timescales, never loosen them (shared/policy).
  const check = validatePolicyOverrides(next.edition, next.overrides);
  if (!check.ok) for (const e of check.errors) errors[`overrides.${e.key}`] ??= e.message;
  // Only closure days being set now: an older list is not re-judged on every change.
  const closureRange =
    input.closures === undefined ? null : closureDateProblem(input.closures, londonDate(at));
  if (closureRange !== null) errors.closures = closureRange;
  try {
    createWorkingDayCalendar({ closures: next.closures });
  } catch (err) {
    errors.closures =
      closureRange ?? (err instanceof Error ? err.message : 'Enter real dates for closure days');
  }
  return errors;
}

function side(policy: ResolvedPolicy, s: AppSettingsValue): SettingsSide {
  return {
    policy,
    marking: s.organisation.marking,
    inviteInitials: s.organisation.inviteInitials === true,
    closures: s.closures,
  };
}

/** Today's records the change touches: exact, by the same functions the app uses. */
async function changeCounts(
  db: Db,
  pc: PolicyContext,
  next: AppSettingsValue,
  policy: ResolvedPolicy,
  now: Date,
): Promise<ChangeCounts> {
  // The imported bank holidays stay as they are: only the change itself may move a date.
  const calendar = createWorkingDayCalendar({
    closures: next.closures,
    bankHolidays: pc.bankHolidays,
  });
  let decisionDatesMoved = 0;
  for (const r of await openDecisionClocks(db)) {
    const c = decisionClock(r.received_at, r.immediate_protection === 1, policy, calendar);
    if (c.countedFrom !== r.counted_from || c.due !== r.decision_due) decisionDatesMoved += 1;
  }
  let strategyDatesMoved = 0;
  const since = new Date(now.getTime() - ARRANGE_LOOKBACK_DAYS * 86_400_000).toISOString();
  for (const r of await strategyToArrange(db, since)) {
    const decidedOn = londonDate(r.decided_at);
    const was = dueDate(decidedOn, pc.policy.strategyDiscussionWorkingDays, pc.calendar);
    if (dueDate(decidedOn, policy.strategyDiscussionWorkingDays, calendar) !== was)
      strategyDatesMoved += 1;
  }
  return {
    awaitingSignOff: await countDecisionsAwaitingSignOff(db),
    finalNotSignedOff: await countFinalDecisionsNotSignedOff(db),
    decisionDatesMoved,
    strategyDatesMoved,
    upcomingWithoutManager: await countUpcomingDiscussionsWithoutRole(db, 'sw-manager'),
  };
}

/** A logo in the audit log by what it is, not its bytes (they would make every entry 400 KB). */
function logoFingerprint(logo: unknown): unknown {
  if (typeof logo !== 'string') return logo;
  const kind = /^data:image\/(png|jpeg);/.exec(logo)?.[1]?.toUpperCase() ?? 'Image';
  const base64 = logo.slice(logo.indexOf(',') + 1);
  const bytes = Math.floor((base64.length * 3) / 4);
  const sha = createHash('sha256').update(logo).digest('hex').slice(0, 16);
  return `${kind} image, ${String(Math.max(1, Math.round(bytes / 1024)))} KB (SHA-256 ${sha}…)`;
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * The change as the audit log keeps it: only what changed, before and after, under the paths
 * shared/policy/settings-text names (edition, policy.<rule>, localPolicy.<rule>, organisation.*,
 * closures).
 */
export function settingsAuditChange(
  before: { settings: AppSettingsValue; policy: ResolvedPolicy },
  after: { settings: AppSettingsValue; policy: ResolvedPolicy },
): { before: Record<string, unknown>; after: Record<string, unknown>; paths: string[] } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const paths: string[] = [];
  const put = (group: string | null, key: string, bv: unknown, av: unknown): void => {
    if (!differs(bv, av)) return;
    paths.push(group === null ? key : `${group}.${key}`);
    if (group === null) {
      b[key] = bv;
      a[key] = av;
      return;
    }
    ((b[group] ??= {}) as Record<string, unknown>)[key] = bv;
    ((a[group] ??= {}) as Record<string, unknown>)[key] = av;
  };
  put(null, 'edition', before.settings.edition, after.settings.edition);
  for (const key of POLICY_RULE_KEYS) put('policy', key, before.policy[key], after.policy[key]);
  const bo = before.settings.overrides as Record<string, unknown>;
  const ao = after.settings.overrides as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(bo), ...Object.keys(ao)])].sort()) {
    if (key !== 'notes') put('localPolicy', key, bo[key], ao[key]);
  }
  const bn = before.settings.overrides.notes ?? {};
  const an = after.settings.overrides.notes ?? {};
  for (const key of [...new Set([...Object.keys(bn), ...Object.keys(an)])].sort()) {
    const bv = (bn as Record<string, unknown>)[key];
    const av = (an as Record<string, unknown>)[key];
    if (differs(bv, av)) {
      paths.push(`localPolicy.notes.${key}`);
      const bl = (b.localPolicy ??= {}) as Record<string, unknown>;
      const al = (a.localPolicy ??= {}) as Record<string, unknown>;
      ((bl.notes ??= {}) as Record<string, unknown>)[key] = bv;
      ((al.notes ??= {}) as Record<string, unknown>)[key] = av;
    }
  }
  const borg = before.settings.organisation as Record<string, unknown>;
  const aorg = after.settings.organisation as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(borg), ...Object.keys(aorg)])].sort()) {
    const fix = key === 'logo' ? logoFingerprint : (v: unknown) => v;
    put('organisation', key, fix(borg[key]), fix(aorg[key]));
  }
  put(null, 'closures', before.settings.closures, after.settings.closures);
  return { before: b, after: a, paths };
}

/** "Settings changed: Guidance edition, Manager sign-off of decisions and 4 more". */
function changeSummary(paths: readonly string[]): string {
  if (paths.length === 0) return 'Settings saved with no change';
  // A rule in force and its local policy entry say the same change twice: name the rule once.
  const labels = [
    ...new Set(
      paths
        .filter((p) => !(p.startsWith('localPolicy.') && paths.includes(`policy.${p.slice(12)}`)))
        .map((p) => settingsChangeLabel(p) ?? p),
    ),
  ];
  const shown = labels.slice(0, 3).join(', ');
  return labels.length > 3
    ? `Settings changed: ${shown} and ${String(labels.length - 3)} more`
    : `Settings changed: ${shown}`;
}

/** The policy a checked change makes (the overrides were validated just before). */
function resolved(next: AppSettingsValue): ResolvedPolicy {
  return resolvePolicy(next.edition, next.overrides);
}

export function createSettingsService({ store, clock }: ServiceDeps): SettingsService {
  return {
    get: () => settingsRecord(store.db),

    async preview(ctx, input) {
      requireCall(ctx, 'settings:preview', 'change settings');
      // The whole input as settings:update would read it (its organisation schema included).
      const parsed = contract['settings:update'].input.safeParse({ ...input, version: 1 });
      if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
      const { version: _v, ...change } = parsed.data;
      const at = nowIso(clock);
      const pc = await policyContext(store.db);
      const next = applyChange(pc.settings, change);
      const errors = changeErrors(next, change, at);
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const policy = resolved(next);
      const counts = await changeCounts(store.db, pc, next, policy, clock.now());
      return {
        sentences: describeSettingsChange(side(pc.policy, pc.settings), side(policy, next), counts),
      };
    },

    async update(ctx, input) {
      requireCall(ctx, 'settings:update', 'change settings');
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const next = applyChange(pc.settings, input);
        const errors = changeErrors(next, input, at);
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);
        await putSetting(trx, 'app', next, input.version, { at, userId: ctx.user.id });
        const after = await policyContext(trx);
        // The queue's stored decision dates follow the new rules at once (WT: one working day,
        // counted with the office hours, closure days and out-of-hours rule now in force).
        const refreshed = await refreshDecisionClocks(
          trx,
          after,
          { at, userId: ctx.user.id },
          'the settings changed',
        );
        const change = settingsAuditChange(
          { settings: pc.settings, policy: pc.policy },
          { settings: next, policy: after.policy },
        );
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'settings',
          entityType: 'settings',
          entityId: 'app',
          summary: changeSummary(change.paths),
          details: {
            before: change.before,
            after: change.after,
            decisionDatesChanged: refreshed.changed.length,
          },
        });
        return settingsRecord(trx);
      });
    },
  };
}
