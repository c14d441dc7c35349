// Letters data for the referral page's letters section and the letter dialog (renderer tests),
// typed from shared/domain/letters so it cannot drift from the contract.

import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { LetterPreview, LetterRecord, ReferralLetters } from '../../../shared/domain/letters';
import type { AppUser, ReferralRecord } from '../../../shared/domain/records';
import type { LetterEligibility, LetterKind } from '../../../shared/letters/types';
import type { FakeHandlers } from '../../helpers/fake-api';
import { makeSession, makeUser, okStatus } from '../fixtures';
import { decidedRecord, fullReferral, settingsFor } from '../referral-page/referral-fixture';

export const PROFESSIONAL: Extract<LetterEligibility, { kind: 'letter' }> = {
  kind: 'letter',
  variant: 'professional',
  reasons: [
    {
      text: 'A professional referrer gets the outcome and the next steps relevant to their role',
      source: 'Working Together 2018 ch.1 para 29',
    },
  ],
  cautions: [],
  postalAllowed: true,
  needsSafeContact: false,
};

export const SELF_REFERRED: Extract<LetterEligibility, { kind: 'letter' }> = {
  kind: 'letter',
  variant: 'family',
  reasons: [
    {
      text: 'The child referred themselves: they are told what the family is told',
      source: 'Working Together 2018 ch.1 para 29',
    },
  ],
  cautions: [],
  postalAllowed: false,
  needsSafeContact: true,
};

export const ANONYMOUS: LetterEligibility = {
  kind: 'none',
  reasons: [
    {
      text: 'The referrer is anonymous: there is nobody to write to',
      source: 'Front Door letter rules (issue 13)',
    },
  ],
};

export function letterRecord(over: Partial<LetterRecord> = {}): LetterRecord {
  return {
    id: 'l1',
    referralId: 'r1',
    reference: 'REF-0001',
    kind: 'outcome',
    variant: 'professional',
    outcome: 'strategy-discussion',
    sequence: 1,
    recipient: 'Priya Shah',
    documentId: 'doc-l1',
    emailDocumentId: null,
    sent: null,
    createdAt: '2026-11-24T09:50:00Z',
    createdBy: { id: 'u-duty', displayName: 'Dana Wilson' },
    ...over,
  };
}

export function referralLetters(over: Partial<ReferralLetters> = {}): ReferralLetters {
  return { eligibility: PROFESSIONAL, due: [], letters: [], told: null, ...over };
}

export const PARAGRAPHS = [
  'Thank you for your referral about Noah Birch, received on 23 November 2026.',
  'We have decided to hold a strategy discussion with the police and health colleagues.',
  'If you are not satisfied with this response, you can ask for it to be reviewed.',
];

export function preview(
  eligibility: LetterEligibility = PROFESSIONAL,
  kind: LetterKind = 'outcome',
): LetterPreview {
  if (eligibility.kind === 'none') return { eligibility, content: null, templates: [] };
  return {
    eligibility,
    templates: [{ key: 'outcome.professional.strategy-discussion', version: 1, isDefault: true }],
    content: {
      kind,
      variant: eligibility.variant,
      subject: 'Your referral REF-0001',
      paragraphs: [...PARAGRAPHS],
      marking: 'OFFICIAL-SENSITIVE',
      facts: {
        reference: 'REF-0001',
        receivedDate: '23 November 2026',
        letterDate: '24 November 2026',
        children: [{ name: 'Noah Birch', dateOfBirth: '20 January 2012' }],
        childNames: 'Noah Birch',
        recipient: {
          name: 'Priya Shah',
          roleAndOrganisation: 'Designated safeguarding lead, Northgate Primary School',
          addressLines: ['Northgate Primary School', 'Harbourton', 'HB1 2AB'],
          email: 'p.shah@northgate.example.org',
          salutation: 'Dear Ms Shah',
        },
        outcome: kind === 'outcome' ? 'strategy-discussion' : null,
        outcomeLabel: 'A strategy discussion',
        contactName: 'Dana Wilson',
        organisation: {
          name: 'Exampleshire Council',
          addressLines: ['1 Civic Way'],
          phone: '01234 567890',
          email: 'mash@example.org',
          contactLine: 'Call 01234 567890',
          signatory: 'Jo Morgan',
          signatoryRole: 'Team Manager, Front Door',
        },
        edition: '2023',
      },
    },
  };
}

export function download(fileName: string): DocumentDownloadRecord {
  return {
    document: {
      id: 'doc-x',
      kind: 'letter',
      subjectType: 'referral',
      subjectId: 'r1',
      subjectVersion: 1,
      title: 'Outcome letter REF-0001',
      fileName,
      mime: 'application/pdf',
      size: 1234,
      sha256: 'ab'.repeat(32),
      createdAt: '2026-11-24T10:00:00Z',
      createdBy: null,
    },
    outcome: { kind: 'saved', location: `/home/dwilson/Documents/${fileName}` },
  };
}

/** A decided referral whose professional referrer has an email address. */
export function decidedReferral(over: Partial<ReferralRecord> = {}): ReferralRecord {
  const base = fullReferral({ status: 'decided', decisions: [decidedRecord('final')] });
  return {
    ...base,
    referrer: {
      kind: 'professional',
      name: 'Priya Shah',
      role: 'Designated safeguarding lead',
      agencyName: 'Northgate Primary School',
      agencyType: 'school',
      email: 'p.shah@northgate.example.org',
      wantsFeedback: true,
      feedbackMethod: 'email',
    },
    ...over,
  };
}

/** The channels the referral page needs besides the letters'. */
export function pageHandlers(
  user: AppUser = makeUser(),
  referral = decidedReferral(),
): FakeHandlers {
  const settings = settingsFor(2023);
  return {
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(user), settings }),
    'settings:get': () => settings,
    'referrals:get': () => referral,
    'audit:list': () => [],
    'drafts:get': () => null,
    'strategy:list-for-referral': () => [],
  };
}
