// A child's audit for a subject access request (issue 14): an A4 PDF of every entry about the
// child's record and their referral — not another child's — read back with pdf.js: the child's
// name in the body only (never the metadata or file name), the marking and page numbers on every
// page, a change shown before → after; kept as a document and audited.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/main/store/audit';
import { referralInput, bornChild, testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { readPdf } from '../../unit/documents/read-pdf';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

describe("a child's audit for a subject access request", () => {
  it('prints every entry about the child, with the marking on every page', async () => {
    const as = { user: env.admin };
    const mine = await env.services.referrals.create(as, {
      referral: referralInput({
        children: [bornChild({ givenNames: 'Ruby', familyName: 'Okafor' })],
      }),
      newChildren: [0],
    });
    const other = await env.services.referrals.create(as, {
      referral: referralInput({
        children: [bornChild({ givenNames: 'Zed', familyName: 'Other' })],
      }),
      newChildren: [0],
    });
    const personId = mine.children[0]?.personId;
    if (personId === undefined || personId === null) throw new Error('no person');
    // Enough entries to run over several pages.
    await env.store.transaction(async (trx) => {
      for (let i = 0; i < 120; i++) {
        await appendAudit(trx, {
          at: new Date(Date.parse('2026-11-23T09:00:00Z') + i * 60_000).toISOString(),
          userId: env.admin.id,
          action: 'view',
          entityType: i % 2 === 0 ? 'referral' : 'person',
          entityId: i % 2 === 0 ? mine.id : personId,
          summary: `Looked at it ${String(i)}`,
        });
      }
      await appendAudit(trx, {
        at: '2026-11-23T12:00:00.000Z',
        userId: env.admin.id,
        action: 'update',
        entityType: 'referral',
        entityId: mine.id,
        summary: 'Referral details updated',
        details: { before: { whereabouts: 'At school' }, after: { whereabouts: 'At home' } },
      });
      await appendAudit(trx, {
        at: '2026-11-23T12:01:00.000Z',
        userId: env.admin.id,
        action: 'view',
        entityType: 'referral',
        entityId: other.id,
        summary: 'Not about this child',
      });
    });

    const out = await env.services.auditSearch.exportSubject(as, { personId });
    expect(out.document.kind).toBe('audit-export');
    expect(out.document.fileName).toBe(`${personId} audit for subject access request.pdf`);
    if (out.outcome.kind !== 'saved') throw new Error('expected a saved file');
    const pdf = await readPdf(new Uint8Array(readFileSync(out.outcome.location)));
    expect(pdf.pages.length).toBeGreaterThan(1);
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toContain('Ruby');
    expect(all).toContain('Okafor');
    expect(all).toContain(mine.reference);
    expect(all).toContain('Looked at it 0');
    expect(all).toContain('Looked at it 119');
    // pdf.js gives the runs with their own spacing: compare with spaces collapsed.
    expect(all.replace(/\s+/g, ' ')).toContain('Whereabouts was: At school; now: At home');
    // Every character printable in the shipped fonts (no empty boxes notice).
    expect(all).not.toContain('Some characters in this document cannot be printed');
    expect(all).not.toContain('Not about this child');
    expect(all).not.toContain(other.reference);
    pdf.pages.forEach((p, i) => {
      expect(p.text.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(p.text).toContain(`Page ${String(i + 1)} of ${String(pdf.pages.length)}`);
    });
    const meta = JSON.stringify(pdf.info) + (pdf.xmp ?? '');
    expect(meta).toContain(personId);
    for (const part of ['Ruby', 'Okafor']) {
      expect(meta).not.toContain(part);
      expect(out.document.fileName).not.toContain(part);
      expect(out.document.title).not.toContain(part);
    }
    const audit = await env.services.audit.list(as, { entityType: 'person', entityId: personId });
    expect(audit.map((a) => a.summary)).toContain(
      `Document made: Audit of child record ${personId} for a subject access request`,
    );
  });

  it('refuses a duty worker and an unknown child', async () => {
    const worker = await env.signIn('dee', ['duty-worker']);
    await expect(
      env.services.auditSearch.exportSubject({ user: worker }, { personId: 'p-x' }),
    ).rejects.toThrow(/permission/);
    await expect(
      env.services.auditSearch.exportSubject({ user: env.admin }, { personId: 'p-x' }),
    ).rejects.toThrow(/child record/i);
  });
});
