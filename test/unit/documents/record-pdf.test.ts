// Referral and child's record PDFs (issue 11) from records made through the real services, read
// back with pdf.js: the marking and page N of M on every page, what a worker needs on paper, the
// reference (never a name) in the metadata and file name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFileName } from '../../../electron/main/documents/file-name';
import { buildChildRecordPdf, buildReferralPdf } from '../../../electron/main/documents/record-pdf';
import type { PersonDetail, ReferralRecord } from '../../../shared/domain/records';
import {
  bornChild,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';
import { ARABIC, CHINESE } from './minutes-fixture';
import { readPdf, type ReadPdf } from './read-pdf';

const ORGANISATION = 'Northshire County Council Children’s Services';
const NAMES = [
  'فاطمة',
  'حسين',
  'Zoë',
  'Łukasz',
  '王小明',
  'Kim',
  'Smith',
  'Nguyễn',
  'Pat',
  'Neighbour',
];

function flat(doc: ReadPdf): string {
  return doc.pages
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, ' ');
}

function metadata(doc: ReadPdf): string {
  return JSON.stringify([
    doc.info.Title,
    doc.info.Subject,
    doc.info.Author,
    doc.info.Keywords,
    doc.info.Creator,
    doc.info.Producer,
    doc.xmp,
  ]);
}

function framedOnEveryPage(doc: ReadPdf): void {
  doc.pages.forEach((page, i) => {
    expect(page.text.split('OFFICIAL-SENSITIVE').length - 1).toBe(2);
    expect(page.text).toContain(`Page ${i + 1} of ${doc.pages.length}`);
    expect(page.text).not.toContain('DRAFT');
  });
}

describe('referral and child record PDFs', () => {
  let env: TestEnv;
  let referral: ReferralRecord;
  let child: PersonDetail;

  beforeAll(async () => {
    env = await testEnv();
    const ctx = { user: env.admin };
    const created = await env.services.referrals.create(ctx, {
      referral: referralInput({
        referrer: {
          kind: 'public',
          name: 'Pat Neighbour',
          relationship: 'acquaintance',
          phone: '01632 960002',
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
        children: [
          bornChild({ givenNames: 'فاطمة', familyName: 'حسين', dateOfBirth: '2016-04-03' }),
          bornChild({ givenNames: 'Zoë Łukasz', familyName: 'Nguyễn', dateOfBirth: '2018-02-01' }),
          bornChild({ givenNames: '王小明', familyName: 'Smith', dateOfBirth: '2020-06-30' }),
        ],
        concern: 'Bruising seen at school.\n'.repeat(3) + 'Long account. '.repeat(600),
      }),
      newChildren: [0, 1, 2],
    });
    const decided = await env.services.decisions.record(ctx, {
      referralId: created.id,
      version: created.version,
      decision: decisionInput(),
    });
    referral = await env.services.referrals.get(ctx, { id: decided.referralId });
    const personId = referral.children[0]?.personId;
    if (personId === null || personId === undefined) throw new Error('child not linked');
    child = await env.services.people.get(ctx, { id: personId });
  }, 120_000);

  afterAll(() => {
    env.close();
  });

  it('prints a referral with the marking and page numbers on every page', async () => {
    const doc = await readPdf(await buildReferralPdf(referral, ORGANISATION));
    expect(doc.pages.length).toBeGreaterThan(1);
    framedOnEveryPage(doc);
    const all = flat(doc);
    expect(all).toContain(`Reference ${referral.reference}`);
    expect(all).toContain(ARABIC);
    expect(all).toContain('Zoë Łukasz Nguyễn');
    expect(all).toContain(`${CHINESE} Smith`);
    expect(all).toContain('Bruising seen at school.');
    expect(all).toMatch(/Kim Smith\s+Mother\s+None recorded\s+Yes\s+Yes/);
    // The referrer is a member of the public: the paper copy says not to tell the family.
    expect(all).toContain('Pat Neighbour');
    expect(all).toContain('Member of the public: do not tell the family who made this referral.');
    expect(all).toContain('Section 17 assessment (child in need)');
    expect(all).toContain('Bruising and the child says she is scared');
    expect(all).toMatch(/Chronology\s+When\s+What happened\s+By/);
  }, 60_000);

  it('keeps names out of the referral PDF metadata and file name', async () => {
    const doc = await readPdf(await buildReferralPdf(referral, ORGANISATION));
    expect(doc.info.Title).toBe(`Referral record ${referral.reference}`);
    expect(doc.info.Keywords).toContain(referral.reference);
    for (const name of NAMES) expect(metadata(doc)).not.toContain(name);
    expect(documentFileName(referral.reference, 'referral-record')).toBe(
      `${referral.reference} referral record.pdf`,
    );
  }, 60_000);

  it("prints a child's record: identity, siblings, household and every referral with its outcome", async () => {
    const doc = await readPdf(await buildChildRecordPdf(child, ORGANISATION, { marking: '' }));
    framedOnEveryPage(doc);
    const all = flat(doc);
    expect(all).toContain(ARABIC);
    expect(all).toContain('03/04/2016');
    expect(all).toMatch(/Siblings\s+Name\s+Date of birth\s+On referral/);
    expect(all).toContain('Zoë Łukasz Nguyễn');
    expect(all).toContain(`${CHINESE} Smith`);
    expect(all).toContain('Kim Smith');
    expect(all).toContain(referral.reference);
    expect(all).toContain('Section 17 assessment (child in need)');
    expect(doc.info.Title).toBe(`Child record ${child.person.id}`);
    for (const name of NAMES) expect(metadata(doc)).not.toContain(name);
    expect(documentFileName(child.person.id, 'child-record')).toBe(
      `${child.person.id} child record.pdf`,
    );
  }, 60_000);
});
