// The "What has happened" form as plain data, and the pure rules that turn it into a progress
// entry (shared/progress): field errors in page order, checked against what is already recorded.

import type { ReferralRecord } from '../../../../shared/domain/records';
import {
  PROGRESS_KINDS,
  PROGRESS_KIND_LABELS,
  SINGLE_PROGRESS_KINDS,
  checkProgressEvent,
  progressEventSchema,
  type ProgressEventInput,
  type ProgressKind,
  type S47Outcome,
  type S47Type,
} from '../../../../shared/progress';
import { londonDate } from '../../../../shared/calendar';
import { parseUkDate } from '../../../../shared/validation/formats';

export type ProgressForm = {
  kind: ProgressKind | '';
  date: string;
  s47: '' | 'yes' | 'no';
  s47Type: S47Type | '';
  outcome: S47Outcome | '';
  reason: string;
  note: string;
};

export function emptyProgressForm(): ProgressForm {
  return { kind: '', date: '', s47: '', s47Type: '', outcome: '', reason: '', note: '' };
}

/** What can be recorded now: single entries already recorded, and 2010-only ones, are left out. */
export function kindsToOffer(
  r: ReferralRecord,
  hasInitialAssessment: boolean,
): { value: ProgressKind; label: string }[] {
  const recorded = new Set(r.progress.filter((p) => p.withdrawn === null).map((p) => p.event.kind));
  // PROGRESS_KINDS is in the usual order of a child protection enquiry.
  return PROGRESS_KINDS.filter(
    (k) =>
      !(SINGLE_PROGRESS_KINDS.includes(k) && recorded.has(k)) &&
      (k !== 'initial-assessment-completed' || hasInitialAssessment),
  ).map((k) => ({ value: k, label: PROGRESS_KIND_LABELS[k] }));
}

const FIELD_ORDER = ['kind', 'date', 's47', 's47Type', 'outcome', 'reason', 'note'];

export type ProgressBuild =
  { ok: true; event: ProgressEventInput } | { ok: false; errors: Record<string, string> };

/** Form → entry, or every error at once in page order (field paths as the service names them). */
export function buildProgress(
  form: ProgressForm,
  r: ReferralRecord,
  ctx: { today: string; hasInitialAssessment: boolean },
): ProgressBuild {
  const errors: Record<string, string> = {};
  if (form.kind === '') return { ok: false, errors: { 'event.kind': 'Select what happened' } };
  const iso = parseUkDate(form.date.trim());
  const raw: Record<string, unknown> = { kind: form.kind, date: iso ?? form.date.trim() };
  if (form.date.trim() === '') errors['event.date'] = 'Enter the date it happened';
  else if (iso === null)
    errors['event.date'] = 'Enter a real date as DD/MM/YYYY, for example 27/03/2026';
  if (form.note.trim() !== '') raw.note = form.note.trim();
  if (form.kind === 'strategy-discussion') {
    if (form.s47 !== '') raw.s47 = form.s47;
    if (form.s47 === 'yes' && form.s47Type !== '') raw.s47Type = form.s47Type;
  }
  if (form.kind === 's47-outcome' && form.outcome !== '') raw.outcome = form.outcome;
  if (form.kind === 'icpc-not-required') raw.reason = form.reason.trim();

  const parsed = progressEventSchema({ today: ctx.today }).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = `event.${issue.path.join('.') || 'kind'}`;
      errors[key] ??= issue.message;
    }
  } else {
    const more = checkProgressEvent(parsed.data, r.progress, {
      referralDate: londonDate(r.receivedAt),
      hasInitialAssessment: ctx.hasInitialAssessment,
    });
    for (const [k, v] of Object.entries(more)) errors[`event.${k}`] ??= v;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    const ordered = Object.entries(errors).sort((a, b) => rank(a[0]) - rank(b[0]));
    return { ok: false, errors: Object.fromEntries(ordered) };
  }
  return { ok: true, event: parsed.data };
}

function rank(path: string): number {
  const i = FIELD_ORDER.indexOf(path.replace(/^event\./, ''));
  return i === -1 ? FIELD_ORDER.length : i;
}
