// Scheduling and minutes schemas (shared/strategy): field messages beside each field, text kept
// as entered, drafts accepted half-written and finalised minutes complete.
import { describe, expect, it } from 'vitest';
import {
  inviteeSchema,
  minutesDraftSchema,
  minutesFinalSchema,
  scheduleSchema,
} from '../../../../shared/strategy';
import { fieldErrorsFromZod } from '../../../../shared/validation/errors';

const base = {
  referralId: 'ref-1',
  trigger: { kind: 'decision', decisionId: 'dec-1' },
  startsAt: '2026-11-24T10:00:00.000Z',
  endsAt: '2026-11-24T11:00:00.000Z',
  format: 'video',
  joinLink: 'https://teams.example/meet/1',
  chairId: 'user-1',
  children: [{ referralChildId: 'child-1', lookedAfter: false }],
};

function errors(
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  v: unknown,
) {
  const r = schema.safeParse(v);
  if (r.success) return {};
  return fieldErrorsFromZod(r.error as Parameters<typeof fieldErrorsFromZod>[0]);
}

describe('scheduling', () => {
  it('accepts a video discussion with a joining link', () => {
    expect(scheduleSchema.safeParse(base).success).toBe(true);
  });

  it('puts each problem beside its field, all in one round', () => {
    const e = errors(scheduleSchema, {
      ...base,
      endsAt: '2026-11-24T09:00:00.000Z',
      format: 'in-person',
      joinLink: undefined,
      children: [{ lookedAfter: false }],
      trigger: { kind: 'emergency-action', decisionId: 'dec-1', measure: 'epo' },
    });
    expect(e).toMatchObject({
      endsAt: 'End the discussion after it starts',
      location: 'Enter where the meeting is',
      'children.0.name': "Enter the child's name, or choose a child on the referral",
      'trigger.takenAt': 'Enter the date and time the child was protected',
    });
  });

  it('refuses a meeting longer than 8 hours and a video call with no joining details', () => {
    expect(errors(scheduleSchema, { ...base, endsAt: '2026-11-25T10:00:00.000Z' }).endsAt).toMatch(
      /at most 8 hours/,
    );
    expect(errors(scheduleSchema, { ...base, joinLink: '' }).joinLink).toBe(
      'Enter the joining link or meeting details for the video call',
    );
  });

  it('keeps hostile text exactly (newlines, ; , \\ and BEGIN:VEVENT) in a multi-line location', () => {
    const hostile = 'Room 2;\nBEGIN:VEVENT\nSUMMARY:x, y \\ z';
    const r = scheduleSchema.parse({ ...base, format: 'in-person', location: hostile });
    expect(r.location).toBe(hostile);
  });

  it('an invitee needs a name, an agency and a seniority; the role they cover is a known role', () => {
    expect(
      errors(inviteeSchema, { name: '', agency: '', seniority: 'x', covers: 'mayor' }),
    ).toMatchObject({
      name: "Enter the invitee's name",
      agency: 'Enter the agency they represent, for example the police or the GP practice',
      seniority: 'Say whether they can make decisions for their agency',
      covers: 'Select the role they cover',
    });
  });
});

describe('minutes', () => {
  it('a draft may be empty or half-written', () => {
    expect(minutesDraftSchema.safeParse({}).success).toBe(true);
    expect(
      minutesDraftSchema.safeParse({ reason: 'Bruising', actions: [{ what: 'Visit' }] }).success,
    ).toBe(true);
  });

  it('finalised minutes need every section, and a s47 "yes" needs its type and a next step', () => {
    const e = errors(minutesFinalSchema, {
      reason: 'Bruising',
      decision: {
        s47: 'yes',
        criminalInvestigation: 'no',
        medicalExamination: 'no',
        legalPlanning: 'no',
        ladoReferral: 'no',
        rationale: 'Injury unexplained',
      },
      family: { told: 'withheld' },
      next: { step: 'none' },
    });
    expect(e).toMatchObject({
      risks: 'Enter the risks identified',
      strengths: 'Enter the strengths and protective factors',
      safetyPlan: 'Enter the immediate safety plan',
      'decision.s47Type': 'Say whether the enquiry is single-agency or joint with the police',
      'family.withheldGround': 'Enter why the family is not told',
      'next.step': 'A section 47 enquiry leads to a conference or another discussion: choose one',
    });
  });

  it('refuses unknown fields (strict), so nothing unexpected is stored', () => {
    expect(minutesDraftSchema.safeParse({ surprise: 1 }).success).toBe(false);
  });
});
