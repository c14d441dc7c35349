// Words for the referral page's letters section and the letter dialog: who was told and how, what
// is due, each letter made and sent. Kept free of React so it can be tested alone.
//
// Domain §2.5 (WT 2018 ch.1 para 60): the referrer is told, telephone first then the letter, and
// the date and method of each is recorded; the page shows "Referrer told: <date>, <method>".

import type { WorkingDayCalendar } from '../../../../shared/calendar';
import { londonDate } from '../../../../shared/calendar';
import {
  SEND_METHOD_LABELS,
  type LetterRecord,
  type ReferralLetters,
} from '../../../../shared/domain/letters';
import {
  LETTER_KIND_LABELS,
  LETTER_OUTCOME_LABELS,
  type LetterKind,
  type LetterOutcome,
  type VariantReason,
} from '../../../../shared/letters/types';
import { formatDateTime, formatDayDate, formatUkDate, workingDays } from '../../components/format';

/** "Referrer told: 24/11/2026, Secure email", or that nobody has told them yet. */
export function toldText(told: ReferralLetters['told']): string {
  if (told === null) return 'Referrer not told yet';
  return `Referrer told: ${formatUkDate(londonDate(told.at))}, ${SEND_METHOD_LABELS[told.method]}`;
}

/** "Outcome letter — No further action" or "Acknowledgement of receipt". */
export function kindText(kind: LetterKind, outcome: LetterOutcome | null): string {
  const base = LETTER_KIND_LABELS[kind];
  return kind === 'outcome' && outcome !== null
    ? `${base} — ${LETTER_OUTCOME_LABELS[outcome]}`
    : base;
}

/** The verb-phrase buttons use: "Prepare the acknowledgement", "Prepare the outcome letter". */
export const PREPARE_LABELS: Record<LetterKind, string> = {
  acknowledgement: 'Prepare acknowledgement letter',
  outcome: 'Prepare outcome letter',
};

export const DIALOG_TITLES: Record<LetterKind, string> = {
  acknowledgement: 'Prepare the acknowledgement letter',
  outcome: 'Prepare the outcome letter',
};

/**
 * When a letter is due, in words, on the working-day calendar (domain §4): "Due today", "Due Wed
 * 25/11/2026", or "Overdue by 2 working days (was due Mon 23/11/2026)". The main process says
 * whether it is overdue; the calendar only counts by how much.
 */
export function dueText(
  due: ReferralLetters['due'][number],
  today: string,
  calendar: WorkingDayCalendar,
): string {
  if (due.overdue) {
    const late = calendar.workingDaysBetween(due.dueOn, today);
    return late > 0
      ? `Overdue by ${workingDays(late)} (was due ${formatDayDate(due.dueOn)})`
      : `Overdue (was due ${formatDayDate(due.dueOn)})`;
  }
  if (due.dueOn === today) return `Due today, ${formatDayDate(due.dueOn)}`;
  return `Due ${formatDayDate(due.dueOn)}`;
}

/** "Outcome letter, letter 2 — No further action": the number first, so it is never lost. */
export function letterTitle(letter: LetterRecord): string {
  const base = `${LETTER_KIND_LABELS[letter.kind]}, letter ${String(letter.sequence)}`;
  return letter.kind === 'outcome' && letter.outcome !== null
    ? `${base} — ${LETTER_OUTCOME_LABELS[letter.outcome]}`
    : base;
}

/** "Made by Dana Wilson on 24/11/2026 10:00, to Priya Patel". */
export function madeText(letter: LetterRecord): string {
  const by = letter.createdBy ? ` by ${letter.createdBy.displayName}` : '';
  const to = letter.recipient.trim() === '' ? '' : `, to ${letter.recipient}`;
  return `Made${by} on ${formatDateTime(letter.createdAt)}${to}`;
}

/** "Sent: Secure email, 24/11/2026 10:30, by Sam Admin", or "Not sent". */
export function sentText(letter: LetterRecord): string {
  const s = letter.sent;
  if (s === null) return 'Not sent';
  const by = s.by ? `, by ${s.by.displayName}` : '';
  return `Sent: ${SEND_METHOD_LABELS[s.method]}, ${formatDateTime(s.at)}${by}`;
}

/** The latest letter of a kind, by its number. */
export function latestOfKind(
  letters: readonly LetterRecord[],
  kind: LetterKind,
): LetterRecord | null {
  let latest: LetterRecord | null = null;
  for (const l of letters) {
    if (l.kind === kind && (latest === null || l.sequence > latest.sequence)) latest = l;
  }
  return latest;
}

/**
 * What finalising again does to the letters already made (issue 13: re-sending makes a new
 * version; the bytes actually sent stay downloadable). Null for the first letter of its kind.
 */
export function nextLetterNote(letters: readonly LetterRecord[], kind: LetterKind): string | null {
  const latest = latestOfKind(letters, kind);
  if (latest === null) return null;
  const n = latest.sequence;
  return latest.sent === null
    ? `This makes letter ${String(n + 1)}; letter ${String(n)} stays as it was made, and has not been sent.`
    : `This makes letter ${String(n + 1)}; letter ${String(n)} stays as it was sent.`;
}

/** A reason as a sentence: "Member of the public — general assurance only." */
export function reasonSentence(reason: VariantReason): string {
  const text = reason.text.trim();
  return /[.!?:]$/.test(text) ? text : `${text}.`;
}

/** "Member of the public — general assurance only. Source: Working Together 2018 ch.1 para 29". */
export function reasonText(reason: VariantReason): string {
  return `${reasonSentence(reason)} Source: ${reason.source}`;
}

/**
 * Which letters the worker may prepare here: each kind that is due or has been made (to send it
 * again), and the acknowledgement whenever a letter is offered at all (it is due on receipt).
 * The outcome letter waits for a decision.
 */
export function preparableKinds(data: ReferralLetters, hasDecision: boolean): LetterKind[] {
  if (data.eligibility.kind === 'none') return [];
  const kinds: LetterKind[] = ['acknowledgement'];
  const outcomeKnown =
    hasDecision ||
    data.due.some((d) => d.kind === 'outcome') ||
    data.letters.some((l) => l.kind === 'outcome');
  if (outcomeKnown) kinds.push('outcome');
  return kinds;
}
