// Shared set-up for the strategy discussion service tests: a referral decided as a strategy
// discussion, and scheduling input for it.
import type { ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import type {
  InviteeInput,
  RescheduleInput,
  ScheduleInput,
} from '../../../shared/strategy/schemas';
import type { MinutesFinal } from '../../../shared/strategy/minutes';
import {
  checklistAnswers,
  decisionInput,
  referralInput,
  type TestEnv,
} from '../../helpers/store-fixtures';

export const harmYes = {
  answers: checklistAnswers({ 'significant-harm': 'yes' }),
  recommendedResponse: 'strategy-discussion',
  chosenResponse: 'strategy-discussion',
} as const;

/** A referral received and decided (strategy discussion) on Monday 23/11/2026. */
export async function decidedReferral(env: TestEnv): Promise<ReferralRecord> {
  const r = await env.services.referrals.create(
    { user: env.admin },
    { referral: referralInput(), newChildren: [0] },
  );
  await env.services.decisions.record(
    { user: env.admin },
    { referralId: r.id, version: r.version, decision: decisionInput(harmYes) },
  );
  return env.services.referrals.get({ user: env.admin }, { id: r.id });
}

/** 14:00–15:00 London on 23/11/2026 (GMT), by video, chaired by the admin (all roles). */
export function scheduleFor(
  env: TestEnv,
  rec: ReferralRecord,
  over: Partial<ScheduleInput> = {},
): ScheduleInput {
  const decision = rec.decisions.at(-1);
  if (!decision) throw new Error('no decision');
  const child = rec.children[0];
  if (!child) throw new Error('no child');
  return {
    referralId: rec.id,
    trigger: { kind: 'decision', decisionId: decision.id },
    startsAt: '2026-11-23T14:00:00.000Z',
    endsAt: '2026-11-23T15:00:00.000Z',
    format: 'video',
    joinLink: 'https://teams.example/meet/123',
    chairId: env.admin.id,
    minuteTaker: 'Pat Notes',
    children: [{ referralChildId: child.id, lookedAfter: false }],
    ...over,
  };
}

export const police: InviteeInput = {
  name: 'DS Lee Grant',
  jobTitle: 'Detective Sergeant',
  agency: 'Northshire Police',
  email: 'lee.grant@police.example',
  seniority: 'decision-maker',
  covers: 'police',
};
export const health: InviteeInput = {
  name: 'Dr Ana Costa',
  jobTitle: 'Named doctor',
  agency: 'Northshire NHS Trust',
  email: 'ana.costa@nhs.example',
  seniority: 'decision-maker',
  covers: 'health',
};
export const socialWorker: InviteeInput = {
  name: 'Sam Patel',
  jobTitle: 'Social worker',
  agency: "Northshire Children's Services",
  email: 'sam.patel@council.example',
  seniority: 'practitioner',
  covers: 'social-worker',
};

/** Complete minutes for a discussion: everyone attended, s47 yes (joint), next step the ICPC. */
export function fullMinutes(
  d: StrategyDiscussionRecord,
  over: Partial<MinutesFinal> = {},
): MinutesFinal {
  return {
    reason: 'Unexplained bruising; Amy says she is scared to go home.',
    attendance: d.invitees.map((i) => ({ inviteeId: i.id, status: 'attended' as const })),
    information: [
      { agency: 'Northshire Police', text: 'No previous call-outs.', shareWithFamily: true },
      { agency: 'Northshire NHS Trust', text: 'Missed two appointments.', shareWithFamily: false },
    ],
    childViews: d.children.map((c) => ({ childId: c.id, views: 'Says she is scared of Kim.' })),
    risks: 'Injury unexplained.',
    strengths: 'School attendance good.',
    decision: {
      s47: 'yes',
      s47Type: 'joint-with-police',
      criminalInvestigation: 'yes',
      criminalInvestigationTiming: 'ABE interview tomorrow 10:00',
      medicalExamination: 'yes',
      legalPlanning: 'no',
      ladoReferral: 'no',
      rationale: 'Reasonable cause to suspect significant harm.',
    },
    family: { told: 'to-be-told', by: 'Sam Patel', when: '2026-11-24' },
    safetyPlan: 'Amy stays with her aunt tonight.',
    actions: [
      { what: 'Child protection medical', owner: 'Dr Costa', agency: 'NHS', due: '2026-11-24' },
    ],
    next: { step: 'icpc' },
    ...over,
  };
}

/** `strategy:update` input that changes nothing, then `over`. */
export function updateOf(
  d: StrategyDiscussionRecord,
  over: Partial<RescheduleInput> = {},
): RescheduleInput {
  return {
    id: d.id,
    version: d.version,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    format: d.format,
    location: d.location ?? undefined,
    joinLink: d.joinLink ?? undefined,
    chairId: d.chair.id,
    minuteTaker: d.minuteTaker ?? undefined,
    children: d.children.map((c) =>
      c.referralChildId !== null
        ? { referralChildId: c.referralChildId, lookedAfter: c.lookedAfter }
        : { name: c.name, lookedAfter: c.lookedAfter },
    ),
    ...over,
  };
}
