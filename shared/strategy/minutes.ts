// The minutes form (domain §2.4 "what the discussion does and the minutes record"). One builder
// makes two schemas from the same fields: a draft, where anything may still be missing (autosave
// keeps half-written minutes), and the finalised minutes, complete and consistent.
import * as z from 'zod';
import { S47_TYPES } from '../progress/events';
import {
  NAME_MAX,
  NOTES_MAX,
  SHORT_TEXT_MAX,
  everyTime,
  isoDate,
  optionalText,
  requiredText,
} from '../validation/fields';
import { ATTENDANCE, FAMILY_TOLD, INFORMATION_SENT, NEXT_STEPS, OTHER_RESPONSES } from './types';

export const MINUTES_LIST_MAX = 200;

type Mode = 'draft' | 'final';

/** Required in the finalised minutes, optional in a draft; typed per mode. */
type Req<M extends Mode, T extends z.ZodType> = M extends 'final' ? T : z.ZodOptional<T>;

function req<M extends Mode, T extends z.ZodType>(mode: M, schema: T): Req<M, T> {
  return (mode === 'final' ? schema : schema.optional()) as Req<M, T>;
}

function text<M extends Mode>(mode: M, label: string, required: string, max = NOTES_MAX) {
  return req(mode, requiredText({ max, multiline: true, label, required }));
}

function choice<M extends Mode, const T extends readonly [string, ...string[]]>(
  mode: M,
  values: T,
  error: string,
) {
  return req(mode, z.enum(values, { error }));
}

function list<T extends z.ZodType>(item: T, label: string) {
  return z
    .array(item)
    .max(MINUTES_LIST_MAX, `${label}: at most ${String(MINUTES_LIST_MAX)} entries`)
    .optional();
}

/** The invitee or child an entry is about (their id on the discussion). */
const recordRef = z
  .string({ error: 'Choose who this is about' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Choose who this is about' });

/**
 * Inside the generic builder zod cannot name the object's fields yet; the cross-field checks read
 * them through this loose view (every field optional, as a draft may be).
 */
type Loose = {
  status?: string;
  informationSent?: string;
  s47?: string;
  s47Type?: string;
  otherResponse?: string;
  told?: string;
  by?: string;
  when?: string;
  withheldGround?: string;
  step?: string;
  date?: string;
  decision?: { s47?: string };
  next?: { step?: string };
};
function loose(value: unknown): Loose {
  return value as Loose;
}

function build<M extends Mode>(mode: M) {
  const yesNo = (error: string) => choice(mode, ['yes', 'no'] as const, error);

  const attendance = z
    .strictObject({
      inviteeId: recordRef,
      status: choice(
        mode,
        ATTENDANCE,
        'Say whether they attended, sent apologies or did not attend',
      ),
      /** For an absent invitee: whether their agency's information was obtained. */
      informationSent: z
        .enum(INFORMATION_SENT, { error: 'Say whether their information was obtained' })
        .optional(),
      /** Why a required agency was absent (a warning on the minutes until recorded). */
      absenceNote: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Why they were absent',
      }),
    })
    .check(
      everyTime((raw, ctx) => {
        const a = loose(raw);
        if (
          mode === 'final' &&
          a.status !== undefined &&
          a.status !== 'attended' &&
          a.informationSent === undefined
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['informationSent'],
            message: 'Say whether their agency’s information was obtained',
          });
        }
      }),
    );

  const information = z.strictObject({
    agency: text(mode, 'Agency', 'Enter the agency that shared this', NAME_MAX),
    contributor: optionalText({ max: NAME_MAX, label: 'Who shared it' }),
    text: text(mode, 'Information shared', 'Enter what the agency shared'),
    // Domain §2.4: information shared is attributed to each agency and marked for the family.
    shareWithFamily: z
      .boolean({ error: 'Say whether this may be shared with the family' })
      .optional(),
  });

  const action = z.strictObject({
    what: text(mode, 'Action', 'Enter what is to be done', SHORT_TEXT_MAX),
    owner: text(mode, 'Owner', 'Enter who will do it', NAME_MAX),
    agency: text(mode, 'Agency', 'Enter their agency', NAME_MAX),
    due: req(mode, isoDate({ required: 'Enter the date it is due by' })),
  });

  const dissent = z.strictObject({
    agency: text(mode, 'Agency', 'Enter the agency that disagrees', NAME_MAX),
    view: text(mode, 'Their view', 'Enter what they disagree with and why'),
    escalation: optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Escalation route' }),
  });

  const childView = z.strictObject({
    childId: recordRef,
    views: text(
      mode,
      "The child's views and lived experience",
      "Enter the child's views and lived experience, or why they are not known",
    ),
  });

  const decision = z
    .strictObject({
      // WT 2018 ch.1: the strategy discussion decides whether to start s47 enquiries.
      s47: yesNo('Say whether a section 47 enquiry is to start'),
      s47Type: z
        .enum(S47_TYPES, {
          error: 'Say whether the enquiry is single-agency or joint with the police',
        })
        .optional(),
      otherResponse: z.enum(OTHER_RESPONSES, { error: 'Select what happens instead' }).optional(),
      criminalInvestigation: yesNo('Say whether a criminal investigation will proceed'),
      /** Timing, e.g. the ABE (Achieving Best Evidence) interview. */
      criminalInvestigationTiming: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Timing of the investigation',
      }),
      medicalExamination: yesNo('Say whether a medical examination is needed'),
      medicalDetails: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Medical examination details',
      }),
      legalPlanning: yesNo('Say whether legal planning is needed (for example an EPO)'),
      legalDetails: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Legal planning details',
      }),
      ladoReferral: yesNo('Say whether a referral to the designated officer (LADO) is needed'),
      ladoDetails: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'LADO referral details',
      }),
      rationale: text(mode, 'Reasons for the decision', 'Enter the reasons for the decision'),
    })
    .check(
      everyTime((raw, ctx) => {
        if (mode !== 'final') return;
        const d = loose(raw);
        if (d.s47 === 'yes' && d.s47Type === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['s47Type'],
            message: 'Say whether the enquiry is single-agency or joint with the police',
          });
        }
        if (d.s47 === 'no' && d.otherResponse === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['otherResponse'],
            message: 'Select what happens instead of a section 47 enquiry',
          });
        }
        if (d.s47 === 'no' && d.s47Type !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['s47Type'],
            message: 'There is no enquiry: clear the type of enquiry',
          });
        }
      }),
    );

  const family = z
    .strictObject({
      told: choice(mode, FAMILY_TOLD, 'Say whether the family is told, will be told, or why not'),
      what: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'What the family is told',
      }),
      by: optionalText({ max: NAME_MAX, label: 'Who tells the family' }),
      when: isoDate({ required: 'Enter when the family will be told' }).optional(),
      /** WT 2018 ch.1: withheld only where telling would jeopardise an investigation or raise risk. */
      withheldGround: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Why the family is not told',
      }),
    })
    .check(
      everyTime((raw, ctx) => {
        if (mode !== 'final') return;
        const f = loose(raw);
        if (f.told === 'withheld' && !f.withheldGround) {
          ctx.addIssue({
            code: 'custom',
            path: ['withheldGround'],
            message: 'Enter why the family is not told',
          });
        }
        if (f.told === 'to-be-told' && (!f.by || f.when === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: [!f.by ? 'by' : 'when'],
            message: !f.by
              ? 'Enter who will tell the family'
              : 'Enter when the family will be told',
          });
        }
      }),
    );

  const next = z
    .strictObject({
      step: choice(
        mode,
        NEXT_STEPS,
        'Say what comes next: a conference, another discussion, or neither',
      ),
      date: isoDate({ required: 'Enter the date' }).optional(),
      note: optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Note' }),
    })
    .check(
      everyTime((raw, ctx) => {
        const n = loose(raw);
        if (mode === 'final' && n.step === 'next-discussion' && n.date === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['date'],
            message: 'Enter the date of the next discussion',
          });
        }
      }),
    );

  const shape = {
    reason: text(mode, 'Reason for the discussion', 'Enter why the discussion was held'),
    immediateAction: optionalText({
      max: NOTES_MAX,
      multiline: true,
      label: 'Immediate action already taken',
    }),
    attendance: list(attendance, 'Attendance'),
    information: list(information, 'Information shared'),
    // Domain §2.4: the child's lived experience and views, for each child discussed.
    childViews: list(childView, "Children's views"),
    risks: text(mode, 'Risks', 'Enter the risks identified'),
    strengths: text(
      mode,
      'Strengths and protective factors',
      'Enter the strengths and protective factors',
    ),
    decision: req(mode, decision),
    family: req(mode, family),
    safetyPlan: text(mode, 'Immediate safety plan', 'Enter the immediate safety plan'),
    actions: list(action, 'Actions'),
    next: req(mode, next),
    dissent: list(dissent, 'Dissent'),
  };
  return z.strictObject(shape).check(
    everyTime((raw, ctx) => {
      if (mode !== 'final') return;
      const m = loose(raw);
      if (m.decision?.s47 === 'yes' && m.next?.step === 'none') {
        ctx.addIssue({
          code: 'custom',
          path: ['next', 'step'],
          message: 'A section 47 enquiry leads to a conference or another discussion: choose one',
        });
      }
    }),
  );
}

/** Minutes as saved while being written: any field may be missing. */
export const minutesDraftSchema = build('draft');
/** Minutes the chair finalises: complete and consistent. */
export const minutesFinalSchema = build('final');

export type MinutesDraft = z.infer<typeof minutesDraftSchema>;
export type MinutesFinal = z.infer<typeof minutesFinalSchema>;

/** Why an amendment was made: kept with the new version. */
export const amendmentSchema = z.strictObject({
  whatChanged: requiredText({
    max: SHORT_TEXT_MAX,
    multiline: true,
    label: 'What changed',
    required: 'Say what the amendment changes',
  }),
  why: requiredText({
    max: SHORT_TEXT_MAX,
    multiline: true,
    label: 'Why',
    required: 'Say why the minutes are being amended',
  }),
});
export type AmendmentInput = z.infer<typeof amendmentSchema>;
