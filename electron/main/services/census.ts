// The CIN census referral extract (issue 14 "Measures"): for a collection year, one row per child
// on each referral received in the year, in the year's census items and codes (shared/census).
// "Check" names every row the year's rules refuse; "Export" writes the CSV only when none is
// refused, through the files port, and audits what left the building.
import { createHash } from 'node:crypto';
import { londonDate } from '../../../shared/calendar/clocks';
import { londonInstant } from '../../../shared/calendar/london-instant';
import { computeReferralClocks } from '../../../shared/calendar/referral-clocks';
import { addDaysIso } from '../../../shared/calendar/dates';
import { censusRow, type CensusFacts, type CensusReferralRow } from '../../../shared/census/rows';
import {
  DEFAULT_CENSUS_OPTIONS,
  censusFileName,
  censusSpec,
  type CensusOptions,
  type CensusSpec,
} from '../../../shared/census/specs';
import { validateCensusRows } from '../../../shared/census/validate';
import { collectionYearRange } from '../../../shared/codes/collection-year';
import type { IsoDate } from '../../../shared/domain/types';
import {
  type CensusCheck,
  type CensusExport,
  type CensusLastOptions,
  censusOptionsSchema,
} from '../../../shared/ipc/channels/census';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { toReferralEvents } from '../../../shared/progress/check';
import { plural } from '../../../shared/text/plural';
import type { ProgressEventRecord } from '../../../shared/progress/events';
import { censusCsv } from '../documents/census-csv';
import { appendAudit } from '../store/audit';
import {
  type CensusDecisionRow,
  censusChildren,
  censusDecisions,
  censusFactors,
  snapshotChild,
  standingPeople,
} from '../store/repositories/census';
import { type Db, userNames } from '../store/repositories/common';
import { progressFor } from '../store/repositories/progress';
import { getSetting, putSetting } from '../store/repositories/settings';
import { userById } from '../store/repositories/users';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
} from './context';

type YearInput = ChannelParsed<'census:check'>;

export type CensusService = {
  lastOptions(ctx: ServiceContext): Promise<CensusLastOptions>;
  check(ctx: ServiceContext, input: YearInput): Promise<CensusCheck>;
  exportCsv(ctx: ServiceContext, input: YearInput): Promise<CensusExport>;
};

const CHUNK = 500;

/** The settings row keeping the last export's local readings. */
const CENSUS_SETTING = 'census';

function dayStarts(day: IsoDate): string {
  const at = londonInstant(day, '00:00');
  // Midnight is never skipped or repeated in the UK (the clocks change at 01:00 and 02:00).
  if (at.kind !== 'ok') throw new Error(`Midnight on ${day} is not a single instant in London`);
  return at.instant;
}

/** Latest of each referral's decisions matching `keep` (rows come oldest first). */
function latest(
  rows: readonly CensusDecisionRow[],
  keep: (d: CensusDecisionRow) => boolean,
): Map<string, CensusDecisionRow> {
  const out = new Map<string, CensusDecisionRow>();
  for (const d of rows) if (keep(d)) out.set(d.referral_id, d);
  return out;
}

/**
 * The ICPC target by the referral's own clocks (WT 2018 ch.1: within 15 working days of the
 * strategy discussion; where the count starts is a local setting), as the referral page shows it;
 * provisional before the enquiry's outcome.
 */
function icpcTarget(
  pc: PolicyContext,
  receivedAt: string,
  immediateProtection: boolean,
  progress: readonly ProgressEventRecord[],
  decision: CensusDecisionRow | undefined,
  now: string,
): IsoDate | null {
  try {
    const clocks = computeReferralClocks({
      receivedAt,
      immediateProtection,
      policy: pc.policy,
      calendar: pc.calendar,
      events: toReferralEvents(
        progress,
        decision === undefined ? null : { at: decision.recorded_at, response: decision.chosen },
      ),
      now,
    });
    const icpc = clocks.clocks.find((c) => c.id === 'icpc');
    return icpc?.due ?? icpc?.provisionalDue ?? null;
  } catch {
    // A recorded date the clocks cannot read: no target, and the check names the row.
    return null;
  }
}

/** Every row of the year's extract, in received order. */
async function gatherRows(db: Db, spec: CensusSpec, now: string): Promise<CensusReferralRow[]> {
  const { start, end } = collectionYearRange(spec.year);
  const children = await censusChildren(db, {
    from: dayStarts(start),
    to: dayStarts(addDaysIso(end, 1)),
  });
  const referralIds = [...new Set(children.map((c) => c.referral_id))];
  const personIds = [
    ...new Set(children.flatMap((c) => (c.person_id === null ? [] : [c.person_id]))),
  ];
  const pc = await policyContext(db);
  const names = await userNames(db);
  const [people, decisions, factors] = await Promise.all([
    standingPeople(db, personIds),
    censusDecisions(db, referralIds),
    censusFactors(db, referralIds),
  ]);
  const progress = new Map<string, ProgressEventRecord[]>();
  for (let i = 0; i < referralIds.length; i += CHUNK) {
    for (const [id, list] of await progressFor(db, referralIds.slice(i, i + CHUNK), names))
      progress.set(id, list);
  }
  const standing = latest(decisions, () => true);
  const final = latest(decisions, (d) => d.status === 'final');
  const rows: CensusReferralRow[] = [];
  for (const c of children) {
    const decision = standing.get(c.referral_id);
    // CIN census guide: information about a child whose case is already open is not a new
    // referral, so it is not returned (the measures count it the same way).
    if (decision?.open_case === 'yes') continue;
    const done = final.get(c.referral_id);
    const entries = progress.get(c.referral_id) ?? [];
    const events = toReferralEvents(entries, null);
    const person = c.person_id === null ? undefined : people.get(c.person_id);
    const own = snapshotChild(c.child);
    // The child's record is the one kept up to date (a birth, a corrected sex), so it wins over
    // the referral's copy made on the day.
    const unborn = (person?.status ?? own.status) === 'unborn';
    const facts: CensusFacts = {
      referralId: c.referral_id,
      reference: c.reference,
      childName: c.display_name,
      personId: person?.id ?? null,
      unborn,
      birthDate: person === undefined ? own.dateOfBirth : person.date_of_birth,
      expectedBirthDate:
        person === undefined ? own.expectedDateOfBirth : person.expected_date_of_birth,
      storedSex: person === undefined ? own.gender : person.gender,
      referralDate: londonDate(c.received_at),
      referralSource: c.source_code,
      finalResponse: done?.chosen ?? null,
      finalDecidedOn: done === undefined ? null : londonDate(done.recorded_at),
      assessmentStart: events.assessmentStartDate ?? null,
      assessmentAuthorised: events.assessmentCompletedDate ?? null,
      factors: factors.get(c.referral_id) ?? [],
      s47Start: events.s47StartDate ?? null,
      icpcTarget:
        events.s47StartDate === undefined
          ? null
          : icpcTarget(pc, c.received_at, c.immediate_protection === 1, entries, decision, now),
      icpcDate: events.icpcDate ?? null,
      icpcNotRequiredDate: events.icpcNotRequired?.date ?? null,
    };
    rows.push(censusRow(facts, spec));
  }
  return rows;
}

function checkOf(spec: CensusSpec, rows: readonly CensusReferralRow[]): CensusCheck {
  return {
    year: spec.year,
    label: spec.label,
    fields: [...spec.fields],
    rows: rows.length,
    failures: validateCensusRows(rows, spec),
    source: spec.source,
    options: spec.options,
  };
}

function specFor(input: YearInput): CensusSpec {
  const options: CensusOptions = {
    earlyHelpIsNfa: input.earlyHelpIsNfa ?? DEFAULT_CENSUS_OPTIONS.earlyHelpIsNfa,
    booleans: input.booleans ?? DEFAULT_CENSUS_OPTIONS.booleans,
  };
  return censusSpec(input.year, options);
}

export function createCensusService(deps: ServiceDeps): CensusService {
  const { store, clock, files } = deps;
  /**
   * A check reads every child's census facts and shows the failing rows by name: a view of those
   * children's records (architecture §3: every view of case data audited), naming the referrals
   * so a subject access request finds it.
   */
  const auditCheck = (ctx: ServiceContext, check: CensusCheck) =>
    store.transaction((trx) =>
      appendAudit(trx, {
        at: nowIso(clock),
        userId: ctx.user.id,
        action: 'view',
        entityType: 'census',
        entityId: check.label,
        summary: `CIN census referral extract ${check.label} checked: ${plural(check.rows, 'row')}, ${String(check.failures.length)} to put right`,
        details: {
          year: check.year,
          rows: check.rows,
          options: check.options,
          referralIds: [...new Set(check.failures.map((f) => f.referralId))],
        },
      }),
    );
  return {
    async lastOptions(ctx) {
      requireCall(ctx, 'census:last-options', 'see the CIN census extract');
      const stored = await getSetting<unknown>(store.db, CENSUS_SETTING, null);
      const options = censusOptionsSchema.safeParse(stored.value);
      if (!options.success)
        return { options: DEFAULT_CENSUS_OPTIONS, exportedAt: null, exportedBy: null };
      // One name, so one row: not the whole users table.
      const by = stored.updatedBy === null ? null : await userById(store.db, stored.updatedBy);
      return {
        options: options.data,
        exportedAt: stored.updatedAt,
        exportedBy: by?.displayName ?? null,
      };
    },
    async check(ctx, input) {
      requireCall(ctx, 'census:check', 'check the CIN census extract');
      const spec = specFor(input);
      const check = checkOf(spec, await gatherRows(store.db, spec, nowIso(clock)));
      await auditCheck(ctx, check);
      return check;
    },
    async exportCsv(ctx, input) {
      requireCall(ctx, 'census:export', 'export the CIN census extract');
      const { year } = input;
      const spec = specFor(input);
      // Gathered once: the rows checked are exactly the rows written.
      const rows = await gatherRows(store.db, spec, nowIso(clock));
      const check = checkOf(spec, rows);
      // The DfE loader would reject the return: nothing is written until every row passes.
      if (check.failures.length > 0) {
        // Refused with the failing rows named on screen: audited as the check it is.
        await auditCheck(ctx, check);
        return { kind: 'refused', check };
      }
      const bytes = censusCsv(rows, spec);
      const fileName = censusFileName(year);
      const outcome = await files.offer({ suggestedName: fileName, mime: 'text/csv', bytes });
      if (outcome.kind !== 'cancelled') {
        // An export of every listed child's census data (architecture §3: every export audited);
        // the referrals are named so a subject access request can show it.
        const at = nowIso(clock);
        await store.transaction(async (trx) => {
          // The readings used are kept for the next extract, so an authority that reads the
          // guide differently from the defaults chooses once, not at every export.
          const last = await getSetting<unknown>(trx, CENSUS_SETTING, null);
          await putSetting(trx, CENSUS_SETTING, spec.options, last.version, {
            at,
            userId: ctx.user.id,
          });
          await appendAudit(trx, {
            at,
            userId: ctx.user.id,
            action: 'export',
            entityType: 'census',
            entityId: spec.label,
            summary: `CIN census referral extract ${spec.label} exported: ${plural(rows.length, 'row')}`,
            details: {
              year,
              options: spec.options,
              fileName,
              rows: rows.length,
              sha256: createHash('sha256').update(bytes).digest('hex'),
              to: outcome.kind === 'saved' ? 'file' : 'browser download',
              referralIds: [...new Set(rows.map((r) => r.referralId))],
            },
          });
        });
      }
      return { kind: 'exported', rows: rows.length, fileName, outcome };
    },
  };
}
