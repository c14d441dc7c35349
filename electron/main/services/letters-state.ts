// Which letters a referral still needs, and where each stands: worked out the same way for the
// referral page and the admin work queue, from the referral's receipt, its standing decision,
// finalised strategy minutes, and the letters already made and sent.
// WT 2018 ch.1 para 60 (WT 2023 ch.2): acknowledge receipt within one working day, then tell the
// referrer the outcome; tell them again when a strategy discussion changes it.
import type { WorkingDayCalendar } from '../../../shared/calendar/working-days';
import type { IsoDate, ResponseType } from '../../../shared/domain/types';
import { letterOutcomeFor, lettersDue, type StrategyResult } from '../../../shared/letters/outcome';
import type { LetterKind, LetterOutcome } from '../../../shared/letters/types';
import type { FamilyTold } from '../../../shared/letters/variant';
import { OTHER_RESPONSES, type OtherResponse } from '../../../shared/strategy/types';
import { fromJson } from '../store/repositories/common';
import type { LetterRow } from '../store/repositories/letters';
import type { ProgressEventRecord } from '../../../shared/progress/events';

export type LetterStep = {
  kind: LetterKind;
  dueOn: IsoDate;
  outcome: LetterOutcome | null;
  /** 'due': none made yet; 'ready': made and not sent; 'sent': done. */
  state: 'due' | 'ready' | 'sent';
  /** The letter made for this step, if any (the latest). */
  letterId: string | null;
};

export type OutcomeHistory = {
  /** The outcome to report now, null before a final decision. */
  current: LetterOutcome | null;
  /** When the current outcome was set (the decision, or the minutes that changed it). */
  since: string | null;
};

/** What finalised minutes decided, read defensively from their stored JSON. */
export function strategyResultOf(data: string): StrategyResult | undefined {
  const parsed = fromJson(data);
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const decision = (parsed as { decision?: unknown }).decision;
  if (typeof decision !== 'object' || decision === null) return undefined;
  const d = decision as { s47?: unknown; otherResponse?: unknown };
  if (d.s47 !== 'yes' && d.s47 !== 'no') return undefined;
  const other = OTHER_RESPONSES.find<OtherResponse>(
    (o): o is OtherResponse => o === d.otherResponse,
  );
  return { s47: d.s47, otherResponse: other };
}

/** A progress entry that started child protection enquiries (section 47). */
export type Escalation = { at: string };

/**
 * The outcome now, and when it last changed: the decision's response, then each later change —
 * finalised strategy-discussion minutes that decided something different, or a progress entry
 * (a strategy discussion or an assessment) that started a section 47 enquiry.
 */
export function outcomeHistory(
  decision: { chosen: ResponseType; recordedAt: string } | null,
  minutes: readonly { finalisedAt: string; data: string }[],
  escalations: readonly Escalation[] = [],
): OutcomeHistory {
  if (decision === null) return { current: null, since: null };
  let current: LetterOutcome = letterOutcomeFor(decision.chosen);
  let since = decision.recordedAt;
  const changes: { at: string; result: StrategyResult }[] = [
    ...minutes.flatMap((m) => {
      const result = strategyResultOf(m.data);
      return result === undefined ? [] : [{ at: m.finalisedAt, result }];
    }),
    ...escalations.map((e) => ({ at: e.at, result: { s47: 'yes' as const } })),
  ]
    .filter((c) => c.at > decision.recordedAt)
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const change of changes) {
    const next = letterOutcomeFor(decision.chosen, change.result);
    if (next !== current) {
      current = next;
      since = change.at;
    }
  }
  return { current, since };
}

/** Progress entries (not withdrawn) that started a section 47 enquiry. */
export function escalationsOf(progress: readonly ProgressEventRecord[]): Escalation[] {
  return progress
    .filter(
      (p) =>
        p.withdrawn === null &&
        (p.event.kind === 's47-started' ||
          (p.event.kind === 'strategy-discussion' && p.event.s47 === 'yes')),
    )
    .map((p) => ({ at: p.recordedAt }));
}

/** The decision's "family informed" answer as the letter rules read it. */
export function familyToldOf(familyInformed: string | null | undefined): FamilyTold {
  if (familyInformed === 'yes') return 'yes';
  if (familyInformed === 'not-yet') return 'not-yet';
  if (familyInformed === 'no-withheld') return 'withheld';
  return 'not-decided';
}

function latest(rows: readonly LetterRow[]): LetterRow | undefined {
  return [...rows].sort((a, b) => b.sequence - a.sequence)[0];
}

/**
 * The letters still wanted for one referral. The acknowledgement is no longer wanted once an
 * outcome letter has been sent (the referrer has been told more than receipt). An outcome
 * letter is wanted for the current outcome: one made for it after it was set satisfies it.
 */
export function letterSteps(
  input: {
    countedFrom: IsoDate;
    history: OutcomeHistory;
    letters: readonly LetterRow[];
  },
  calendar: WorkingDayCalendar,
): LetterStep[] {
  const { history, letters } = input;
  const due = lettersDue({ countedFrom: input.countedFrom, decidedAt: history.since }, calendar);
  const steps: LetterStep[] = [];
  const acks = letters.filter((l) => l.kind === 'acknowledgement');
  const outcomes = letters.filter((l) => l.kind === 'outcome');
  const outcomeSent = outcomes.some((l) => l.sent_at !== null);
  const ackDue = due.find((d) => d.kind === 'acknowledgement');
  const ack = latest(acks);
  if (ackDue !== undefined) {
    if (ack !== undefined && ack.sent_at !== null) {
      steps.push({ ...ackDue, outcome: null, state: 'sent', letterId: ack.id });
    } else if (ack !== undefined) {
      steps.push({ ...ackDue, outcome: null, state: 'ready', letterId: ack.id });
    } else if (!outcomeSent) {
      steps.push({ ...ackDue, outcome: null, state: 'due', letterId: null });
    }
  }
  const outcomeDue = due.find((d) => d.kind === 'outcome');
  if (outcomeDue !== undefined && history.current !== null && history.since !== null) {
    const since = history.since;
    const forCurrent = latest(
      outcomes.filter((l) => l.outcome === history.current && l.created_at >= since),
    );
    steps.push({
      kind: 'outcome',
      dueOn: outcomeDue.dueOn,
      outcome: history.current,
      state: forCurrent === undefined ? 'due' : forCurrent.sent_at === null ? 'ready' : 'sent',
      letterId: forCurrent?.id ?? null,
    });
  }
  return steps;
}
