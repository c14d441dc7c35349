// A strategy discussion as the documents see it: the calendar invite (documents/invite-ics.ts)
// and the minutes PDF (documents/minutes-view.ts). Pure mappings over records already loaded, so
// the documents service can build, keep and offer the files (services/documents.ts).
import type { InviteMeeting } from '../documents/invite-ics';
import type {
  MinutesAgencyInformation,
  MinutesAttendee,
  MinutesChild,
  MinutesFamilyInformed,
  MinutesNextStep,
  MinutesPerson,
  MinutesTrigger,
  MinutesView,
} from '../documents/minutes-view';
import type { OrganisationDetails, ReferralRecord } from '../../../shared/domain/records';
import type {
  MinutesVersionRecord,
  StrategyDiscussionRecord,
} from '../../../shared/domain/strategy';
import { ROLE_LABELS } from '../../../shared/domain/types';
import { OTHER_RESPONSE_LABELS } from '../../../shared/strategy/types';
import { approximateAgeText } from '../../../shared/validation/child';
import { formatUkDate } from '../../../shared/validation/formats';

const HTTPS = /^https:\/\/\S+$/i;

/** The roles the policy requires for this meeting (edition, local policy, circumstances). */
function requiredRoleSet(record: StrategyDiscussionRecord): Set<string> {
  return new Set(record.roleCheck.roles.flatMap((r) => r.anyOf));
}

/**
 * The invite for a discussion. Domain §6 and issue 12: the case reference only, never a child's
 * or family's name; the children's initials only where the organisation setting
 * `inviteInitials` allows. Invitees without an email address cannot be sent an invite and are
 * left out (the screen lists them).
 */
export function inviteMeetingFor(
  record: StrategyDiscussionRecord,
  organisation: OrganisationDetails,
  createdAt: string,
): InviteMeeting {
  const required = requiredRoleSet(record);
  const joinLink = record.joinLink ?? undefined;
  const meeting: InviteMeeting = {
    uid: record.icsUid,
    sequence: record.icsSequence,
    status: record.status === 'cancelled' ? 'cancelled' : 'scheduled',
    start: record.startsAt,
    end: record.endsAt,
    reference: record.referralReference,
    format: record.format,
    // The chair organises; users have no mailbox of their own here, so replies go to the team's.
    organiser: { name: record.chair.displayName, email: organisation.email },
    attendees: record.invitees
      .filter((i) => i.email !== null && i.email !== '')
      .map((i) => ({
        name: i.name,
        email: i.email ?? '',
        required: i.covers !== null && required.has(i.covers),
        role: i.covers !== null ? ROLE_LABELS[i.covers] : (i.jobTitle ?? 'Invitee'),
        agency: i.agency,
      })),
    marking: organisation.marking,
    createdAt,
  };
  if (record.location !== null) meeting.location = record.location;
  if (joinLink !== undefined) {
    if (HTTPS.test(joinLink)) meeting.joinUrl = joinLink;
    else meeting.joinDetails = joinLink;
  }
  if (organisation.inviteInitials === true) {
    meeting.childInitials = record.children.map((c) => c.initials).join(', ');
  }
  return meeting;
}

/** Names the invite must never contain (children discussed, household), for the builder's check. */
export function withheldNamesFor(
  record: StrategyDiscussionRecord,
  referral: ReferralRecord,
): string[] {
  const names = record.children.map((c) => c.name);
  for (const m of referral.householdMembers) {
    for (const part of [m.member.givenNames, m.member.familyName]) if (part) names.push(part);
  }
  for (const c of referral.children) {
    for (const part of [c.child.givenNames, c.child.familyName]) if (part) names.push(part);
  }
  return [...new Set(names.filter((n) => n.trim().length > 1))];
}

function triggerOf(record: StrategyDiscussionRecord): MinutesTrigger {
  const t = record.trigger;
  switch (t.kind) {
    case 'decision':
      return { kind: 'referral' };
    case 'emergency-action':
      return { kind: 'emergency-action', action: t.measure, at: t.takenAt };
    case 'new-information':
      return { kind: 'new-information', summary: t.summary };
  }
}

const yes = (v: 'yes' | 'no' | undefined): boolean => v === 'yes';

/**
 * The minutes PDF's view of one minutes version. A draft may be incomplete: what is missing is
 * shown blank (the PDF carries the DRAFT watermark until finalised).
 */
export function minutesViewFor(
  record: StrategyDiscussionRecord,
  referral: ReferralRecord,
  version: MinutesVersionRecord,
  organisation: OrganisationDetails,
): MinutesView {
  const m = version.minutes;
  const org = organisation.name;
  const required = requiredRoleSet(record);
  const inviteeById = new Map(record.invitees.map((i) => [i.id, i]));
  const person = (i: {
    name: string;
    jobTitle: string | null;
    agency: string;
    covers: string | null;
  }): MinutesPerson => ({
    name: i.name,
    role:
      i.covers !== null && i.covers in ROLE_LABELS
        ? ROLE_LABELS[i.covers as keyof typeof ROLE_LABELS]
        : (i.jobTitle ?? ''),
    agency: i.agency,
  });

  const attendees: MinutesAttendee[] = (m.attendance ?? []).flatMap((a) => {
    const inv = inviteeById.get(a.inviteeId);
    if (!inv) return [];
    return [
      {
        ...person(inv),
        attendance: a.status ?? 'did-not-attend',
        informationSent: a.informationSent === 'yes' || a.status === 'attended',
      },
    ];
  });

  const missingRequiredRoles = record.roleCheck.roles
    .filter((r) => !r.covered)
    .map((r) => ({ role: r.label, reason: record.missingRolesReason ?? 'No reason recorded' }));
  for (const a of m.attendance ?? []) {
    const inv = inviteeById.get(a.inviteeId);
    if (
      inv?.covers &&
      required.has(inv.covers) &&
      a.status !== undefined &&
      a.status !== 'attended'
    ) {
      missingRequiredRoles.push({
        role: `${ROLE_LABELS[inv.covers]} (${inv.name}, ${inv.agency})`,
        reason: a.absenceNote ?? 'No reason recorded',
      });
    }
  }

  const byAgency = new Map<string, MinutesAgencyInformation>();
  for (const item of m.information ?? []) {
    const agency = item.agency ?? '';
    const entry = byAgency.get(agency) ?? { agency, sharedBy: item.contributor ?? null, items: [] };
    entry.items.push({ text: item.text ?? '', mayShareWithFamily: item.shareWithFamily === true });
    byAgency.set(agency, entry);
  }

  const views = new Map((m.childViews ?? []).map((v) => [v.childId, v.views ?? '']));
  const referralChild = new Map(referral.children.map((c) => [c.id, c.child]));
  const children: MinutesChild[] = record.children.map((c) => {
    const child = c.referralChildId !== null ? referralChild.get(c.referralChildId) : undefined;
    let dateOfBirth: string | null = null;
    let ageNote: string | null = null;
    if (child?.status === 'born') {
      dateOfBirth = child.dateOfBirth ?? null;
      if (dateOfBirth === null && child.approximateAge !== undefined)
        ageNote = approximateAgeText(child.approximateAge);
    } else if (child?.status === 'unborn') {
      ageNote = `unborn (due ${formatUkDate(child.expectedDateOfBirth)})`;
    }
    return { name: c.name, dateOfBirth, ageNote, viewsAndLivedExperience: views.get(c.id) ?? '' };
  });

  const d = m.decision;
  const s47Start = referral.progress.find(
    (p) => p.withdrawn === null && p.event.kind === 's47-started',
  );
  const f = m.family;
  const familyInformed: MinutesFamilyInformed =
    f?.told === 'withheld'
      ? { told: false, groundForWithholding: f.withheldGround ?? '' }
      : {
          told: true,
          what: f?.what ?? '',
          byWhom: f?.by ?? '',
          when: f?.when ? formatUkDate(f.when) : '',
        };

  const n = m.next;
  const nextStep: MinutesNextStep =
    n?.step === 'icpc' && n.date
      ? { kind: 'icpc', targetDate: n.date, note: n.note ?? null }
      : n?.step === 'next-discussion' && n.date
        ? { kind: 'next-discussion', date: n.date, note: n.note ?? null }
        : { kind: 'none', note: n?.note ?? null };

  const chair: MinutesPerson = { name: record.chair.displayName, role: 'Chair', agency: org };
  return {
    organisation: org,
    caseReference: record.referralReference,
    meeting: {
      start: record.startsAt,
      end: record.endsAt,
      format: record.format,
      location: [record.location, record.joinLink]
        .filter((x): x is string => x !== null)
        .join('\n'),
    },
    sequenceNumber: record.sequence,
    trigger: triggerOf(record),
    reason: [
      m.reason,
      m.immediateAction ? `Immediate action already taken: ${m.immediateAction}` : null,
    ]
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .join('\n\n'),
    chair,
    minuteTaker: { name: record.minuteTaker ?? '', role: 'Minute-taker', agency: org },
    children,
    attendees,
    missingRequiredRoles,
    informationShared: [...byAgency.values()],
    risks: m.risks ?? '',
    strengths: m.strengths ?? '',
    decision: {
      section47: yes(d?.s47),
      section47StartDate: yes(d?.s47) ? (s47Start?.event.date ?? null) : null,
      otherResponse: d?.otherResponse ? OTHER_RESPONSE_LABELS[d.otherResponse] : null,
      enquiryType: d?.s47Type ?? null,
      criminalInvestigation: yes(d?.criminalInvestigation),
      criminalInvestigationTiming: d?.criminalInvestigationTiming ?? null,
      medicalExamination: yes(d?.medicalExamination),
      medicalExaminationDetails: d?.medicalDetails ?? null,
      legalPlanning: yes(d?.legalPlanning),
      legalPlanningDetails: d?.legalDetails ?? null,
      ladoReferral: yes(d?.ladoReferral),
      ladoDetails: d?.ladoDetails ?? null,
      rationale: d?.rationale ?? '',
    },
    familyInformed,
    immediateSafetyPlan: m.safetyPlan ?? '',
    actions: (m.actions ?? []).map((a) => ({
      what: a.what ?? '',
      owner: a.owner ?? '',
      agency: a.agency ?? '',
      due: a.due ?? '',
    })),
    nextStep,
    dissent: (m.dissent ?? []).map((x) => ({
      agency: x.agency ?? '',
      view: x.view ?? '',
      escalationRoute: x.escalation ?? '',
    })),
    // Distribution: participants only (domain §2.4), with the chair.
    distribution: [chair, ...record.invitees.map(person)],
    version: {
      version: version.number,
      status: version.status === 'finalised' ? 'final' : 'draft',
      finalisedBy: version.finalisedBy?.displayName ?? null,
      finalisedAt: version.finalisedAt,
      amendment:
        version.amendment === null
          ? null
          : {
              at: version.finalisedAt ?? version.savedAt,
              by: version.savedBy?.displayName ?? 'Unknown user',
              ...version.amendment,
            },
    },
  };
}
