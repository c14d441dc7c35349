// A referral or a child's record as an A4 PDF through the service (issue 11): read back with
// pdf.js, the marking and page numbers on every page, the reference in the title and file name,
// never the child's name there; kept and audited like every document.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { readPdf } from '../../unit/documents/read-pdf';

let env: TestEnv;
const as = () => ({ user: env.admin });
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

async function readSaved(out: DocumentDownloadRecord) {
  if (out.outcome.kind !== 'saved') throw new Error('expected a saved file');
  return readPdf(new Uint8Array(readFileSync(out.outcome.location)));
}

describe('record PDFs', () => {
  it('exports a referral with the marking on every page and no name in the metadata', async () => {
    const r = await env.services.referrals.create(as(), {
      referral: referralInput(),
      newChildren: [0],
    });
    const child = r.children[0]?.child;
    if (!child) throw new Error('no child');
    const out = await env.services.recordFiles.referralPdf(as(), { id: r.id });
    expect(out.document.fileName).toBe(`${r.reference} referral record.pdf`);
    const pdf = await readSaved(out);
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toContain(r.reference);
    expect(all).toContain(child.familyName ?? '');
    pdf.pages.forEach((p, i) => {
      expect(p.text.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(p.text).toContain(`Page ${String(i + 1)} of ${String(pdf.pages.length)}`);
    });
    const meta = JSON.stringify(pdf.info) + (pdf.xmp ?? '');
    expect(meta).toContain(r.reference);
    for (const part of [child.givenNames, child.familyName]) {
      if (part) {
        expect(meta).not.toContain(part);
        expect(out.document.fileName).not.toContain(part);
      }
    }
    const audit = await env.services.audit.list(as(), { entityType: 'referral', entityId: r.id });
    expect(audit.map((a) => a.summary)).toContain(
      `Document made: Referral record ${r.reference} (version ${String(r.version)})`,
    );
  });

  it("exports a child's record named by its id", async () => {
    const r = await env.services.referrals.create(as(), {
      referral: referralInput(),
      newChildren: [0],
    });
    const personId = r.children[0]?.personId;
    if (!personId) throw new Error('no person');
    const out = await env.services.recordFiles.childPdf(as(), { id: personId });
    expect(out.document.fileName).toBe(`${personId} child record.pdf`);
    const pdf = await readSaved(out);
    expect(String(pdf.info.Title)).toBe(`Child record ${personId}`);
    expect(pdf.pages.map((p) => p.text).join('\n')).toContain(r.reference);
    await expect(env.services.recordFiles.childPdf(as(), { id: 'no-such-person' })).rejects.toThrow(
      /could not be found/,
    );
  });
});
