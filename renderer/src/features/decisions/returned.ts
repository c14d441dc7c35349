// A decision a manager returned, in the words the queue, the referral page and the decision form
// all use. Where local policy keeps manager sign-off (WT 2013 and 2015 Flowchart 1: the social
// worker decides with their manager), a returned decision must be unmissable: who returned it,
// when, and what they asked for.

import type {
  DecisionRecord,
  ReferralRecord,
  ReturnedDecision,
} from '../../../../shared/domain/records';
import { formatDateTime } from '../../components/format';

export type LastReturn = ReturnedDecision & { decision: DecisionRecord };

/** The return of the referral's latest decision; null when its latest decision was not returned. */
export function lastReturn(referral: Pick<ReferralRecord, 'decisions'>): LastReturn | null {
  const latest = [...referral.decisions]
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .at(-1);
  if (latest?.status !== 'returned') return null;
  const signOff = latest.signOffs
    .filter((s) => s.outcome === 'returned')
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  return {
    decision: latest,
    by: signOff?.by.displayName ?? 'a manager',
    at: signOff?.at ?? latest.recordedAt,
    comment: signOff?.comment ?? '',
  };
}

/** The comment as a sentence: a full stop added unless it already ends one. */
function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * "Returned by Jo Morgan: Add the police reference." — with the date ("on 30/11/2026") where
 * there is room for it.
 */
export function returnedText(r: ReturnedDecision, options: { withDate: boolean }): string {
  const on = options.withDate ? ` on ${formatDateTime(r.at).slice(0, 10)}` : '';
  const comment = sentence(r.comment);
  return `Returned by ${r.by}${on}${comment === '' ? '.' : `: ${comment}`}`;
}
