// Nothing withheld reaches a letter (issue 13): unique marker strings in every field a letter
// must never carry — the decision's reasons, police details, why the family is not told, the
// concern, household members, the referrer's own confidential identity — and every variant of
// every letter is read back with pdf.js and searched for them.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferrerInput } from '../../../shared/validation/referrer';
import type { LetterKind } from '../../../shared/letters/types';
import {
  checklistAnswers,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';
import { readPdf } from '../../unit/documents/read-pdf';

let env: TestEnv;
const as = () => ({ user: env.admin });
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

const MARKERS = {
  rationale: 'MKR-RATIONALE-4c1e',
  differs: 'MKR-DIFFERS-77aa',
  officer: 'MKR-OFFICER-0b2d',
  policeRef: 'MKR-POLREF-9e0f',
  concern: 'MKR-CONCERN-51c3',
  whereabouts: 'MKR-WHERE-2f6a',
  householdName: 'Mkrhouseholdname',
  householdNotes: 'MKR-HHNOTES-8d21',
  seeing: 'MKR-SEEING-3a9b',
  parentsReason: 'MKR-PARENTS-6e4f',
};

const REFERRERS: { variant: string; referrer: ReferrerInput; source: string }[] = [
  {
    variant: 'professional',
    source: '2A',
    referrer: {
      kind: 'professional',
      name: 'Jo Teacher',
      role: 'Designated safeguarding lead',
      agencyName: 'Oak Primary School',
      agencyType: 'school',
      phone: '01632 960001',
      wantsFeedback: true,
      feedbackMethod: 'phone',
    },
  },
  {
    variant: 'public',
    source: '1B',
    referrer: {
      kind: 'public',
      name: 'Pat Neighbour',
      relationship: 'acquaintance',
      phone: '01632 960002',
      wantsFeedback: true,
      feedbackMethod: 'phone',
    },
  },
  {
    variant: 'family',
    source: '1A',
    referrer: {
      kind: 'public',
      name: 'Kim Smith',
      relationship: 'family-member',
      parentalResponsibility: true,
      phone: '01632 960003',
      wantsFeedback: true,
      feedbackMethod: 'phone',
    },
  },
];

describe('withheld information never reaches a letter', () => {
  it('leaves every marker out of every variant of both letters', async () => {
    for (const { variant, referrer, source } of REFERRERS) {
      const r = await env.services.referrals.create(as(), {
        referral: referralInput({
          referrer,
          referralSourceCode: source,
          concern: `Bruising seen. ${MARKERS.concern}`,
          currentWhereabouts: `At school ${MARKERS.whereabouts}`,
          parentsReason: `Risk ${MARKERS.parentsReason}`,
          householdMembers: [
            {
              givenNames: MARKERS.householdName,
              familyName: 'Smith',
              relationship: 'Stepfather',
              parentalResponsibility: false,
              livesInHousehold: true,
              notes: MARKERS.householdNotes,
            },
          ],
        }),
        newChildren: [0],
      });
      await env.services.decisions.record(as(), {
        referralId: r.id,
        version: r.version,
        decision: decisionInput({
          answers: checklistAnswers({ 'child-in-need': 'yes', 'crime-suspected': 'yes' }),
          recommendedResponse: 's17-assessment',
          chosenResponse: 'early-help',
          differsReason: `Family prefers support. ${MARKERS.differs}`,
          rationale: `Reasons for the record only. ${MARKERS.rationale}`,
          crimeSuspected: true,
          policeNotification: {
            notified: true,
            officerName: MARKERS.officer,
            notifiedAt: '2026-11-23T10:01:00.000Z',
            reference: MARKERS.policeRef,
          },
          seeingChildPlan: `Visit ${MARKERS.seeing}`,
        }),
      });
      for (const kind of ['acknowledgement', 'outcome'] as LetterKind[]) {
        const preview = await env.services.letters.preview(as(), { referralId: r.id, kind });
        expect(preview.content?.variant, `${variant} ${kind}`).toBe(variant);
        const letter = await env.services.letters.finalise(as(), {
          referralId: r.id,
          kind,
          paragraphs: preview.content?.paragraphs ?? [],
        });
        const out = await env.services.letters.download(as(), { letterId: letter.id });
        if (out.outcome.kind !== 'saved') throw new Error('expected a saved file');
        const pdf = await readPdf(new Uint8Array(readFileSync(out.outcome.location)));
        const text = pdf.pages.map((p) => p.text).join('\n') + JSON.stringify(pdf.info);
        expect(text).toContain(r.reference);
        for (const [field, marker] of Object.entries(MARKERS)) {
          expect(text, `${variant} ${kind} letter carries ${field}`).not.toContain(marker);
        }
      }
    }
  });
});
