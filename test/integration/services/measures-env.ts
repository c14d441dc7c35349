// The hand-counted dataset's steps for the measures test: each goes through the real services with
// the clock set to when it happened.
import type { ReferralRecord } from '../../../shared/domain/records';
import type { ResponseType } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import type { Decision } from '../../../shared/validation/decision';
import type { ReferralInput } from '../../../shared/validation/referral';
import {
  checklistAnswers,
  decisionInput,
  referralInput,
  type TestEnv,
} from '../../helpers/store-fixtures';
import { fullMinutes, health, police, scheduleFor, socialWorker } from './strategy-env';

export const manager = {
  ...socialWorker,
  name: 'Jo Morgan',
  jobTitle: 'Practice supervisor',
  email: 'jo.morgan@council.example',
  seniority: 'decision-maker' as const,
  covers: 'sw-manager' as const,
};

export const ANSWERS: Record<ResponseType, Decision['answers']> = {
  nfa: checklistAnswers(),
  'information-advice': checklistAnswers({ 'advice-sufficient': 'yes' }),
  'early-help': checklistAnswers({
    'early-help-needs': 'yes',
    'family-consents-early-help': 'yes',
  }),
  's17-assessment': checklistAnswers({ 'child-in-need': 'yes' }),
  'strategy-discussion': checklistAnswers({ 'significant-harm': 'yes' }),
  'emergency-action': checklistAnswers({ 'needs-protection-now': 'yes' }),
};

/** A referral received at `at` (clock moved there), about a new child unless `linkTo` is given. */
export async function receive(
  env: TestEnv,
  at: string,
  over: Partial<ReferralInput> = {},
  linkTo?: ReferralRecord,
): Promise<ReferralRecord> {
  env.clock.set(at);
  const r = await env.services.referrals.create(
    { user: env.admin },
    {
      referral: referralInput({ receivedAt: at, ...over }),
      ...(linkTo === undefined ? { newChildren: [0] } : {}),
    },
  );
  const personId = linkTo?.children[0]?.personId;
  if (personId === undefined) return r;
  await env.services.people.link(
    { user: env.admin },
    {
      referralId: r.id,
      version: r.version,
      childIndex: 0,
      personId,
    },
  );
  return env.services.referrals.get({ user: env.admin }, { id: r.id });
}

export async function decide(
  env: TestEnv,
  r: ReferralRecord,
  at: string,
  response: ResponseType,
  answers: Decision['answers'] = ANSWERS[response],
): Promise<ReferralRecord> {
  env.clock.set(at);
  const current = await env.services.referrals.get({ user: env.admin }, { id: r.id });
  await env.services.decisions.record(
    { user: env.admin },
    {
      referralId: r.id,
      version: current.version,
      decision: decisionInput({
        answers,
        recommendedResponse: response,
        chosenResponse: response,
        decidedAt: at,
      }),
    },
  );
  return env.services.referrals.get({ user: env.admin }, { id: r.id });
}

export async function tellOutcome(env: TestEnv, r: ReferralRecord, sentAt: string): Promise<void> {
  env.clock.set(sentAt);
  const preview = await env.services.letters.preview(
    { user: env.admin },
    { referralId: r.id, kind: 'outcome' },
  );
  const letter = await env.services.letters.finalise(
    { user: env.admin },
    {
      referralId: r.id,
      kind: 'outcome',
      paragraphs: preview.content?.paragraphs ?? ['Outcome.'],
    },
  );
  await env.services.letters.markSent(
    { user: env.admin },
    {
      letterIds: [letter.id],
      method: 'secure-email',
      sentAt,
    },
  );
}

/** A strategy discussion 14:00–15:00 on `day`, held, minutes finalised with who attended. */
export async function discussion(
  env: TestEnv,
  r: ReferralRecord,
  day: string,
  absent: 'police' | 'none',
  withManager = false,
): Promise<void> {
  env.clock.set(`${day}T09:00:00.000Z`);
  const d = await env.services.strategy.schedule(
    { user: env.admin },
    scheduleFor(env, r, {
      startsAt: `${day}T14:00:00.000Z`,
      endsAt: `${day}T15:00:00.000Z`,
      invitees: withManager
        ? [socialWorker, manager, health, police]
        : [socialWorker, health, police],
    }),
  );
  env.clock.set(`${day}T15:10:00.000Z`);
  const held = await env.services.strategy.markHeld(
    { user: env.admin },
    {
      id: d.id,
      version: d.version,
      decision: { s47: 'yes', s47Type: 'joint-with-police' },
    },
  );
  const draft = await env.services.strategy.saveMinutes(
    { user: env.admin },
    {
      id: d.id,
      minutesVersion: null,
      minutes: {},
    },
  );
  const minutes = fullMinutes(held, { family: { told: 'to-be-told', by: 'Sam Patel', when: day } });
  await env.services.strategy.finaliseMinutes(
    { user: env.admin },
    {
      id: d.id,
      minutesVersion: draft.version,
      minutes: {
        ...minutes,
        attendance: held.invitees.map((i) =>
          absent === 'police' && i.covers === 'police'
            ? {
                inviteeId: i.id,
                status: 'apologies' as const,
                informationSent: 'yes' as const,
                absenceNote: 'On another call-out',
              }
            : { inviteeId: i.id, status: 'attended' as const },
        ),
      },
    },
  );
}

export async function progress(
  env: TestEnv,
  r: ReferralRecord,
  event: ChannelParsed<'progress:record'>['event'],
): Promise<void> {
  env.clock.set(`${event.date}T17:30:00.000Z`);
  await env.services.progress.record({ user: env.admin }, { referralId: r.id, event });
}
