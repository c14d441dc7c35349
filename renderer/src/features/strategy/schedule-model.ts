// The scheduling and rescheduling forms as people fill them in (dates as typed, radios not yet
// chosen), and their reading into the channel's input: London dates and times by the one shared
// parseLondonDateTime (a clock-change time is asked about, never guessed), then the SAME zod
// schema `strategy:schedule` / `strategy:update` run (shared/strategy/schemas). Free of React.

import type { AppUser, DecisionRecord, ReferralRecord } from '../../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../../shared/domain/strategy';
import { canChair } from '../../../../shared/strategy/chairs';
import {
  rescheduleSchema,
  scheduleSchema,
  type RescheduleInput,
  type ScheduleInput,
} from '../../../../shared/strategy/schemas';
import type {
  EmergencyMeasure,
  StrategyFormat,
  TriggerKind,
} from '../../../../shared/strategy/types';
import { fieldErrorsFromZod } from '../../../../shared/validation/errors';
import type { DateTimeText } from '../../../../shared/validation/typed-dates';
import { dateTimeFromInstant, readDateTime } from '../decisions/decision-model';

export type ChildChoice = {
  referralChildId: string;
  name: string;
  include: boolean;
  lookedAfter: boolean;
};

/** Time, place, people and children: what scheduling and rescheduling share. */
export type SlotForm = {
  start: DateTimeText;
  end: DateTimeText;
  format: StrategyFormat | '';
  location: string;
  joinLink: string;
  chairId: string;
  minuteTaker: string;
  children: ChildChoice[];
};

export type ScheduleForm = SlotForm & {
  triggerKind: TriggerKind | '';
  measure: EmergencyMeasure | '';
  takenAt: DateTimeText;
  newInformation: string;
};

export type RescheduleForm = SlotForm & { reason: string };

type Check<V> = { ok: true; value: V } | { ok: false; errors: Record<string, string> };

const blank = (): DateTimeText => ({ date: '', time: '', choice: '' });

/** The standing decision (final or awaiting sign-off) a discussion can start from, if any. */
export function standingDecision(referral: ReferralRecord): DecisionRecord | null {
  const standing = referral.decisions.filter(
    (d) => d.status === 'final' || d.status === 'awaiting-sign-off',
  );
  return standing.at(-1) ?? null;
}

/** What can have led to a discussion on this referral, most fitting first. */
export function triggerChoices(referral: ReferralRecord): TriggerKind[] {
  const decision = standingDecision(referral);
  const out: TriggerKind[] = [];
  if (decision?.chosen === 'strategy-discussion') out.push('decision');
  if (decision?.chosen === 'emergency-action') out.push('emergency-action');
  if (decision !== null) out.push('new-information');
  return out;
}

export { canChair };

/** Every child on the referral by default (domain §2.4: all children in the household considered). */
export function emptyScheduleForm(referral: ReferralRecord, me: AppUser): ScheduleForm {
  const choices = triggerChoices(referral);
  const first = choices[0];
  return {
    triggerKind: choices.length === 1 && first ? first : (first ?? ''),
    measure: '',
    takenAt: blank(),
    newInformation: '',
    start: blank(),
    end: blank(),
    format: '',
    location: '',
    joinLink: '',
    chairId: canChair(me) ? me.id : '',
    minuteTaker: '',
    children: referral.children.map((c) => ({
      referralChildId: c.id,
      name: c.displayName,
      include: true,
      lookedAfter: false,
    })),
  };
}

export function rescheduleFormFrom(d: StrategyDiscussionRecord): RescheduleForm {
  return {
    start: dateTimeFromInstant(d.startsAt),
    end: dateTimeFromInstant(d.endsAt),
    format: d.format,
    location: d.location ?? '',
    joinLink: d.joinLink ?? '',
    chairId: d.chair.id,
    minuteTaker: d.minuteTaker ?? '',
    children: d.children.map((c) => ({
      referralChildId: c.referralChildId ?? '',
      name: c.name,
      include: true,
      lookedAfter: c.lookedAfter,
    })),
    reason: '',
  };
}

/** A typed date and time: the instant, or the error under the field's path. */
function instant(
  value: DateTimeText,
  now: Date,
  path: string,
  what: string,
  errors: Record<string, string>,
): string | undefined {
  const r = readDateTime(value, now, 'future', what);
  switch (r.kind) {
    case 'ok':
      return r.instant;
    case 'blank':
      return undefined;
    case 'error':
      errors[path] = r.message;
      return undefined;
    case 'choose':
      errors[path] = r.message;
      return undefined;
  }
}

function text(v: string): string | undefined {
  const t = v.trim();
  return t === '' ? undefined : t;
}

function slotValues(form: SlotForm, now: Date, errors: Record<string, string>) {
  const startsAt = instant(form.start, now, 'startsAt', 'the discussion starts', errors);
  const endsAt = instant(form.end, now, 'endsAt', 'the discussion ends', errors);
  if (startsAt === undefined && !errors.startsAt) {
    errors.startsAt = 'Enter the date and time the discussion starts';
  }
  if (endsAt === undefined && !errors.endsAt) {
    errors.endsAt = 'Enter the date and time the discussion ends';
  }
  const children = form.children
    .filter((c) => c.include)
    .map((c) =>
      c.referralChildId === ''
        ? { name: c.name, lookedAfter: c.lookedAfter }
        : { referralChildId: c.referralChildId, lookedAfter: c.lookedAfter },
    );
  return {
    startsAt,
    endsAt,
    format: form.format === '' ? undefined : form.format,
    // Only what the chosen format uses: a link left over from "video" is not sent for "phone".
    location: form.format === 'in-person' ? text(form.location) : undefined,
    joinLink: form.format === 'video' || form.format === 'phone' ? text(form.joinLink) : undefined,
    chairId: form.chairId === '' ? undefined : form.chairId,
    minuteTaker: text(form.minuteTaker),
    children,
  };
}

function finish<V>(
  parsed:
    | { success: true; data: V }
    | { success: false; error: Parameters<typeof fieldErrorsFromZod>[0] },
  errors: Record<string, string>,
): Check<V> {
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  const schemaErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  // The form's own reading (a date that does not exist, a clock-change choice) says more than
  // the schema's "missing"; and the schema's error on a whole part ("trigger") is dropped where
  // the form named the field in it ("trigger.kind"), so the summary says it once.
  const own = Object.keys(errors);
  const kept = Object.entries(schemaErrors).filter(
    ([path]) => !own.some((o) => o.startsWith(`${path}.`)),
  );
  return { ok: false, errors: { ...Object.fromEntries(kept), ...errors } };
}

export function buildSchedule(
  form: ScheduleForm,
  ctx: { referral: ReferralRecord; now: Date },
): Check<ScheduleInput> {
  const errors: Record<string, string> = {};
  const decisionId = standingDecision(ctx.referral)?.id;
  let trigger: Record<string, unknown> | undefined;
  switch (form.triggerKind) {
    case '':
      errors['trigger.kind'] = 'Select what led to this discussion';
      break;
    case 'decision':
      trigger = { kind: 'decision', decisionId };
      break;
    case 'emergency-action':
      trigger = {
        kind: 'emergency-action',
        decisionId,
        measure: form.measure === '' ? undefined : form.measure,
        takenAt: instant(
          form.takenAt,
          ctx.now,
          'trigger.takenAt',
          'the child was protected',
          errors,
        ),
      };
      break;
    case 'new-information':
      trigger = { kind: 'new-information', summary: text(form.newInformation) };
      break;
  }
  const input = { referralId: ctx.referral.id, trigger, ...slotValues(form, ctx.now, errors) };
  return finish(scheduleSchema.safeParse(input), errors);
}

export function buildReschedule(
  form: RescheduleForm,
  ctx: { discussion: StrategyDiscussionRecord; now: Date },
): Check<RescheduleInput> {
  const errors: Record<string, string> = {};
  const input = {
    id: ctx.discussion.id,
    version: ctx.discussion.version,
    ...slotValues(form, ctx.now, errors),
    reason: text(form.reason),
  };
  return finish(rescheduleSchema.safeParse(input), errors);
}

/** Whether the time or place differs: then the invite's SEQUENCE goes up (RFC 5545 3.8.7.4). */
export function movesTimeOrPlace(
  form: RescheduleForm,
  d: StrategyDiscussionRecord,
  now: Date,
): boolean {
  const errors: Record<string, string> = {};
  const v = slotValues(form, now, errors);
  return (
    v.startsAt !== d.startsAt ||
    v.endsAt !== d.endsAt ||
    v.format !== d.format ||
    (v.location ?? null) !== d.location ||
    (v.joinLink ?? null) !== d.joinLink
  );
}
