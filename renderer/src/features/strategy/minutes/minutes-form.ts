// The minutes form as plain data (domain §2.4 "what the discussion does and the minutes record"):
// what the chair and minute-taker type, read back from a saved draft, and turned into the shared
// minutes schema's value. Field paths follow the schema's (decision.s47, actions.0.due), so the
// main process's field errors land on the same fields. Kept free of React to test it alone.

import type {
  Attendance,
  FamilyTold,
  NextStep,
  OtherResponse,
} from '../../../../../shared/strategy';
import type { MinutesDraft } from '../../../../../shared/strategy/minutes';
import type { S47Type } from '../../../../../shared/progress/events';
import type { StrategyDiscussionRecord } from '../../../../../shared/domain/strategy';
import { formatUkDate } from '../../../../../shared/validation/formats';

export type YesNo = '' | 'yes' | 'no';

export type AttendanceRow = {
  inviteeId: string;
  status: Attendance | '';
  informationSent: YesNo;
  absenceNote: string;
};

export type InformationRow = {
  /** The card's identity on screen only; never sent. */
  id: string;
  agency: string;
  contributor: string;
  text: string;
  shareWithFamily: boolean;
};

export type ActionRow = { id: string; what: string; owner: string; agency: string; due: string };
export type DissentRow = { id: string; agency: string; view: string; escalation: string };

export type MinutesForm = {
  reason: string;
  immediateAction: string;
  attendance: AttendanceRow[];
  information: InformationRow[];
  childViews: { childId: string; views: string }[];
  risks: string;
  strengths: string;
  decision: {
    s47: YesNo;
    s47Type: S47Type | '';
    otherResponse: OtherResponse | '';
    criminalInvestigation: YesNo;
    criminalInvestigationTiming: string;
    medicalExamination: YesNo;
    medicalDetails: string;
    legalPlanning: YesNo;
    legalDetails: string;
    ladoReferral: YesNo;
    ladoDetails: string;
    rationale: string;
  };
  family: {
    told: FamilyTold | '';
    what: string;
    by: string;
    /** As typed (DD/MM/YYYY or words). */
    when: string;
    withheldGround: string;
  };
  safetyPlan: string;
  actions: ActionRow[];
  next: { step: NextStep | ''; date: string; note: string };
  dissent: DissentRow[];
};

let counter = 0;
/** A fresh key for a new card (screen identity only). */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${String(Date.now())}-${String(counter)}`;
}

export function emptyInformation(): InformationRow {
  return { id: newKey('info'), agency: '', contributor: '', text: '', shareWithFamily: false };
}
export function emptyAction(): ActionRow {
  return { id: newKey('action'), what: '', owner: '', agency: '', due: '' };
}
export function emptyDissent(): DissentRow {
  return { id: newKey('dissent'), agency: '', view: '', escalation: '' };
}

const s = (v: string | undefined): string => v ?? '';
const ukDate = (v: string | undefined): string => (v === undefined ? '' : formatUkDate(v));

/**
 * The form for a discussion, filled from saved minutes (or blank). Attendance has one row per
 * invitee and the children's views one per child discussed, in the discussion's order, whatever
 * order they were saved in: the rows sent always match the rows on screen.
 */
export function formFromMinutes(
  discussion: Pick<StrategyDiscussionRecord, 'invitees' | 'children'>,
  m: MinutesDraft | null,
): MinutesForm {
  const saved = new Map((m?.attendance ?? []).map((a) => [a.inviteeId, a]));
  const views = new Map((m?.childViews ?? []).map((v) => [v.childId, v.views]));
  const d = m?.decision;
  return {
    reason: s(m?.reason),
    immediateAction: s(m?.immediateAction),
    attendance: discussion.invitees.map((i) => {
      const a = saved.get(i.id);
      return {
        inviteeId: i.id,
        status: a?.status ?? '',
        informationSent: a?.informationSent ?? '',
        absenceNote: s(a?.absenceNote),
      };
    }),
    information: (m?.information ?? []).map((x) => ({
      id: newKey('info'),
      agency: s(x.agency),
      contributor: s(x.contributor),
      text: s(x.text),
      shareWithFamily: x.shareWithFamily === true,
    })),
    childViews: discussion.children.map((c) => ({ childId: c.id, views: s(views.get(c.id)) })),
    risks: s(m?.risks),
    strengths: s(m?.strengths),
    decision: {
      s47: d?.s47 ?? '',
      s47Type: d?.s47Type ?? '',
      otherResponse: d?.otherResponse ?? '',
      criminalInvestigation: d?.criminalInvestigation ?? '',
      criminalInvestigationTiming: s(d?.criminalInvestigationTiming),
      medicalExamination: d?.medicalExamination ?? '',
      medicalDetails: s(d?.medicalDetails),
      legalPlanning: d?.legalPlanning ?? '',
      legalDetails: s(d?.legalDetails),
      ladoReferral: d?.ladoReferral ?? '',
      ladoDetails: s(d?.ladoDetails),
      rationale: s(d?.rationale),
    },
    family: {
      told: m?.family?.told ?? '',
      what: s(m?.family?.what),
      by: s(m?.family?.by),
      when: ukDate(m?.family?.when),
      withheldGround: s(m?.family?.withheldGround),
    },
    safetyPlan: s(m?.safetyPlan),
    actions: (m?.actions ?? []).map((a) => ({
      id: newKey('action'),
      what: s(a.what),
      owner: s(a.owner),
      agency: s(a.agency),
      due: ukDate(a.due),
    })),
    next: { step: m?.next?.step ?? '', date: ukDate(m?.next?.date), note: s(m?.next?.note) },
    dissent: (m?.dissent ?? []).map((x) => ({
      id: newKey('dissent'),
      agency: s(x.agency),
      view: s(x.view),
      escalation: s(x.escalation),
    })),
  };
}

/**
 * Attendance rows added for invitees invited since the form opened (and rows of invitees since
 * taken off dropped), keeping what was typed for everyone else. Null when nothing changed.
 */
export function syncAttendance(
  rows: readonly AttendanceRow[],
  inviteeIds: readonly string[],
): AttendanceRow[] | null {
  if (rows.length === inviteeIds.length && rows.every((r, i) => r.inviteeId === inviteeIds[i])) {
    return null;
  }
  const byId = new Map(rows.map((r) => [r.inviteeId, r]));
  return inviteeIds.map(
    (id) => byId.get(id) ?? { inviteeId: id, status: '', informationSent: '', absenceNote: '' },
  );
}

/** Anything worth keeping as a draft: a first answer or some text (blank forms make none). */
export function hasSomethingToKeep(form: MinutesForm): boolean {
  const walk = (v: unknown, key: string): boolean => {
    if (key === 'id' || key === 'inviteeId' || key === 'childId') return false;
    if (typeof v === 'string') return v.trim() !== '';
    if (typeof v === 'boolean') return v;
    if (Array.isArray(v)) return v.some((x) => walk(x, ''));
    if (v !== null && typeof v === 'object') {
      return Object.entries(v as Record<string, unknown>).some(([k, x]) => walk(x, k));
    }
    return false;
  };
  return walk(form, '') || form.information.length > 0 || form.actions.length > 0;
}
