// The minutes form → the shared minutes schema's value: for the autosaved draft (anything may be
// missing; a date not yet readable is left out until it is) and for finalising (the same
// minutesFinalSchema the main process checks with, plus the discussion's own rule that a required
// agency's absence is explained). Every problem comes back at once, keyed by the schema's path.

import type { IsoDate } from '../../../../../shared/domain/types';
import type { StrategyDiscussionRecord } from '../../../../../shared/domain/strategy';
import {
  minutesDraftSchema,
  minutesFinalSchema,
  type MinutesDraft,
  type MinutesFinal,
} from '../../../../../shared/strategy/minutes';
import { fieldErrorsFromZod } from '../../../../../shared/validation/errors';
import { parseTypedDate, type TwoDigitYears } from '../../../../../shared/validation/typed-dates';
import type { MinutesForm } from './minutes-form';

type Built = { minutes: MinutesDraft; errors: Record<string, string> };

const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
const pick = <T extends string>(v: T | ''): T | undefined => (v === '' ? undefined : v);

/** The form as the schema's value; dates that cannot be read are left out and reported. */
export function buildMinutes(form: MinutesForm, today: IsoDate): Built {
  const errors: Record<string, string> = {};
  const date = (v: string, path: string, years: TwoDigitYears): string | undefined => {
    if (v.trim() === '') return undefined;
    const parsed = parseTypedDate(v, { today, twoDigitYears: years });
    if (parsed.ok) return parsed.date;
    errors[path] = parsed.error;
    return undefined;
  };
  const d = form.decision;
  const minutes: MinutesDraft = {
    reason: text(form.reason),
    immediateAction: text(form.immediateAction),
    attendance: form.attendance.map((a) => ({
      inviteeId: a.inviteeId,
      status: pick(a.status),
      // Whether an absent agency's information was obtained (domain §2.4); not asked of those
      // who attended.
      informationSent: a.status === 'attended' ? undefined : pick(a.informationSent),
      absenceNote: a.status === 'attended' ? undefined : text(a.absenceNote),
    })),
    information: form.information.map((x) => ({
      agency: text(x.agency),
      contributor: text(x.contributor),
      text: text(x.text),
      shareWithFamily: x.shareWithFamily,
    })),
    childViews: form.childViews.map((c) => ({ childId: c.childId, views: text(c.views) })),
    risks: text(form.risks),
    strengths: text(form.strengths),
    decision: {
      s47: pick(d.s47),
      // Only the answer that fits the s47 decision is kept (the other may linger from a change
      // of mind): a type for an enquiry, another response for none.
      s47Type: d.s47 === 'yes' ? pick(d.s47Type) : undefined,
      otherResponse: d.s47 === 'no' ? pick(d.otherResponse) : undefined,
      criminalInvestigation: pick(d.criminalInvestigation),
      criminalInvestigationTiming:
        d.criminalInvestigation === 'yes' ? text(d.criminalInvestigationTiming) : undefined,
      medicalExamination: pick(d.medicalExamination),
      medicalDetails: d.medicalExamination === 'yes' ? text(d.medicalDetails) : undefined,
      legalPlanning: pick(d.legalPlanning),
      legalDetails: d.legalPlanning === 'yes' ? text(d.legalDetails) : undefined,
      ladoReferral: pick(d.ladoReferral),
      ladoDetails: d.ladoReferral === 'yes' ? text(d.ladoDetails) : undefined,
      rationale: text(d.rationale),
    },
    family: familyOf(form, (v, p) => date(v, p, 'near')),
    safetyPlan: text(form.safetyPlan),
    actions: form.actions.map((a, i) => ({
      what: text(a.what),
      owner: text(a.owner),
      agency: text(a.agency),
      due: date(a.due, `actions.${String(i)}.due`, 'future'),
    })),
    next: {
      step: pick(form.next.step),
      date: form.next.step === 'none' ? undefined : date(form.next.date, 'next.date', 'future'),
      note: text(form.next.note),
    },
    dissent: form.dissent.map((x) => ({
      agency: text(x.agency),
      view: text(x.view),
      escalation: text(x.escalation),
    })),
  };
  return { minutes, errors };
}

function familyOf(
  form: MinutesForm,
  date: (v: string, path: string) => string | undefined,
): MinutesDraft['family'] {
  const f = form.family;
  // WT 2018 ch.1: the family is told unless telling them would put the child at risk or
  // prejudice an investigation; then the ground for withholding is recorded instead.
  if (f.told === 'withheld') {
    return { told: 'withheld', withheldGround: text(f.withheldGround) };
  }
  return {
    told: pick(f.told),
    what: text(f.what),
    by: text(f.by),
    when: date(f.when, 'family.when'),
  };
}

/**
 * The draft to autosave. A value the schema would refuse (text too long, a pasted control
 * character) is left out of this save rather than losing the whole save; the form shows why
 * when the chair finalises.
 */
export function draftToSave(form: MinutesForm, today: IsoDate): MinutesDraft {
  let value: unknown = buildMinutes(form, today).minutes;
  for (let round = 0; round < 5; round += 1) {
    const parsed = minutesDraftSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    value = withoutPaths(
      value,
      parsed.error.issues.map((i) => i.path),
    );
  }
  return {};
}

function withoutPaths(value: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  for (const path of paths) {
    if (path.length === 0) return {};
    let node: unknown = copy;
    for (const key of path.slice(0, -1)) {
      node =
        node !== null && typeof node === 'object'
          ? (node as Record<PropertyKey, unknown>)[key]
          : undefined;
    }
    const last = path[path.length - 1];
    if (node !== null && typeof node === 'object' && last !== undefined) {
      // Left out of this save (an optional field may be undefined; JSON drops it).
      (node as Record<PropertyKey, unknown>)[last] = undefined;
    }
  }
  return copy;
}

/** Invitees covering a required role of this discussion (the policy's required roles). */
export function requiredInviteeIds(
  discussion: Pick<StrategyDiscussionRecord, 'invitees' | 'roleCheck'>,
): Set<string> {
  const roles = new Set(discussion.roleCheck.roles.flatMap((r) => r.anyOf));
  return new Set(
    discussion.invitees.filter((i) => i.covers !== null && roles.has(i.covers)).map((i) => i.id),
  );
}

export type FinalCheck =
  { ok: true; value: MinutesFinal } | { ok: false; errors: Record<string, string> };

/** The minutes complete enough to finalise, or every problem at once. */
export function checkFinal(
  form: MinutesForm,
  today: IsoDate,
  discussion: Pick<StrategyDiscussionRecord, 'invitees' | 'roleCheck'>,
): FinalCheck {
  const built = buildMinutes(form, today);
  const parsed = minutesFinalSchema.safeParse(built.minutes);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  // A date typed but not readable says so, rather than "enter the date".
  Object.assign(errors, built.errors);
  // Issue 12: a required agency that did not attend is flagged, with the reason recorded.
  const required = requiredInviteeIds(discussion);
  const names = new Map(discussion.invitees.map((i) => [i.id, i.name]));
  form.attendance.forEach((a, i) => {
    const path = `attendance.${String(i)}.absenceNote`;
    if (
      required.has(a.inviteeId) &&
      (a.status === 'apologies' || a.status === 'did-not-attend') &&
      a.absenceNote.trim() === '' &&
      errors[path] === undefined
    ) {
      errors[path] =
        `${names.get(a.inviteeId) ?? 'This invitee'} covers a required role and did not attend: record why`;
    }
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

/** The main process's errors (under `minutes.`) as the form's paths. */
export function formErrorsFromServer(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    out[path.startsWith('minutes.') ? path.slice('minutes.'.length) : path] = message;
  }
  return out;
}
