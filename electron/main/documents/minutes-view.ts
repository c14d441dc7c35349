// The minutes of one strategy discussion as the PDF shows them (issue 12 "Recording and minutes").
// The meeting service maps its stored record to this; buildMinutesPdf formats dates (DD/MM/YYYY)
// and times (Europe/London) itself, so every field here is plain data: ISO dates and instants,
// and text exactly as it was entered. Names may appear in the body (these are minutes), never in
// the PDF's metadata or file name.
import type { IsoDate, IsoInstant } from '../../../shared/domain/types';

export type MinutesFormat = 'in-person' | 'video' | 'phone';

/** What led to this discussion (issue 12 "Scheduling and attendees"). */
export type MinutesTrigger =
  | { kind: 'referral' }
  /** Emergency action: police protection or an emergency protection order, and when it began. */
  | { kind: 'emergency-action'; action: 'police-protection' | 'epo'; at: IsoInstant }
  | { kind: 'new-information'; summary: string };

export type MinutesPerson = {
  name: string;
  /** Role in the meeting or job title, e.g. "Police", "Named nurse". */
  role: string;
  agency: string;
};

export type MinutesAttendance = 'attended' | 'apologies' | 'did-not-attend';

export type MinutesAttendee = MinutesPerson & {
  attendance: MinutesAttendance;
  /** Whether the agency sent its information when it could not attend (or before the meeting). */
  informationSent: boolean;
};

/** A role the policy requires (domain §2.4) with nobody present for it, and the chair's reason. */
export type MinutesMissingRole = { role: string; reason: string };

export type MinutesInformationItem = {
  text: string;
  /** Whether this item may be shared with the family (otherwise it is withheld from them). */
  mayShareWithFamily: boolean;
};

export type MinutesAgencyInformation = {
  agency: string;
  /** Who gave it, if recorded. */
  sharedBy: string | null;
  items: MinutesInformationItem[];
};

export type MinutesChild = {
  name: string;
  dateOfBirth: IsoDate | null;
  /** Shown where there is no date of birth, e.g. "about 6", "unborn (due 04/02/2027)". */
  ageNote: string | null;
  /** The child's views and lived experience, as recorded. */
  viewsAndLivedExperience: string;
};

export type MinutesDecision = {
  /** Section 47 enquiry (Children Act 1989 s47): yes or no. */
  section47: boolean;
  /** When s47 is yes, the date the enquiry starts. */
  section47StartDate: IsoDate | null;
  /** When s47 is no, the other response (e.g. "Section 17 assessment"). */
  otherResponse: string | null;
  /** Single-agency (children's social care) or joint with the police. */
  enquiryType: 'single-agency' | 'joint-with-police' | null;
  criminalInvestigation: boolean;
  /** The timing of the criminal investigation and any ABE interview, as agreed. */
  criminalInvestigationTiming: string | null;
  medicalExamination: boolean;
  medicalExaminationDetails: string | null;
  legalPlanning: boolean;
  legalPlanningDetails: string | null;
  ladoReferral: boolean;
  ladoDetails: string | null;
  /** The chair's rationale for the decision. */
  rationale: string;
};

/**
 * What the family is told, by whom and when, or the ground for withholding it: a police
 * investigation would be jeopardised or the child put at risk of significant harm (domain §2.1).
 */
export type MinutesFamilyInformed =
  | { told: true; what: string; byWhom: string; when: string }
  | { told: false; groundForWithholding: string };

export type MinutesAction = {
  what: string;
  owner: string;
  agency: string;
  due: IsoDate;
};

export type MinutesNextStep =
  | { kind: 'next-discussion'; date: IsoDate; note: string | null }
  | { kind: 'icpc'; targetDate: IsoDate; note: string | null }
  | { kind: 'none'; note: string | null };

export type MinutesDissent = {
  agency: string;
  /** Who disagreed and with what. */
  view: string;
  /** The escalation route (e.g. the partnership's resolution of professional disagreements). */
  escalationRoute: string;
};

export type MinutesVersionInfo = {
  version: number;
  status: 'draft' | 'final';
  /** When finalised, who by and when. */
  finalisedBy: string | null;
  finalisedAt: IsoInstant | null;
  /** For version 2 onwards: when it was amended, what changed and why. */
  amendment: { at: IsoInstant; by: string; whatChanged: string; why: string } | null;
};

export type MinutesView = {
  organisation: string;
  /** The referral's case reference, e.g. FD-2026-000123 (also in the file name and metadata). */
  caseReference: string;
  meeting: {
    start: IsoInstant;
    end: IsoInstant;
    format: MinutesFormat;
    /** Room and address, or the video/phone joining details. */
    location: string;
  };
  /** This discussion's number in the sequence for the referral (1 for the first). */
  sequenceNumber: number;
  trigger: MinutesTrigger;
  /** Why the discussion was held and any immediate action already taken (domain §2.4). */
  reason: string;
  chair: MinutesPerson;
  minuteTaker: MinutesPerson;
  children: MinutesChild[];
  attendees: MinutesAttendee[];
  missingRequiredRoles: MinutesMissingRole[];
  informationShared: MinutesAgencyInformation[];
  risks: string;
  strengths: string;
  decision: MinutesDecision;
  familyInformed: MinutesFamilyInformed;
  immediateSafetyPlan: string;
  actions: MinutesAction[];
  nextStep: MinutesNextStep;
  dissent: MinutesDissent[];
  /** Circulated to participants only (issue 12): names with agency. */
  distribution: MinutesPerson[];
  version: MinutesVersionInfo;
};
