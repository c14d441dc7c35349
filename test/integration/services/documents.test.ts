// Documents kept exactly as generated (issue 12 "Where documents and files live"): the bytes,
// their hash, who and when, which version of which record; downloading again gives the same
// bytes; every generation and download is audited; a failed or cancelled hand-over loses nothing.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/services';
import { createEventHub } from '../../../electron/main/services/events-hub';
import { createFolderFilesPort, safeFileName } from '../../../electron/main/services/files-folder';
import type { FilesPort } from '../../../electron/main/services/ports';
import type { TaskProgress } from '../../../shared/ipc/events';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function aReferral() {
  return env.services.referrals.create({ user: env.admin }, { referral: referralInput() });
}

describe('documents', () => {
  it('keeps the exact bytes with their hash and hands them over, then again unchanged', async () => {
    const referral = await aReferral();
    const content = bytes('%PDF-1.7 minutes ÄÖÜ 中文 عربى\u0000binary');
    const made = await env.services.documents.keepAndOffer(
      { user: env.admin },
      {
        kind: 'referral-record',
        subject: { type: 'referral', id: referral.id, version: referral.version },
        title: `Referral ${referral.reference}`,
        fileName: `${referral.reference} referral.pdf`,
        mime: 'application/pdf',
        bytes: content,
      },
    );
    expect(made.document.sha256).toBe(sha(content));
    expect(made.document.size).toBe(content.byteLength);
    expect(made.document.subjectVersion).toBe(referral.version);
    expect(made.document.createdBy?.id).toBe(env.admin.id);
    if (made.outcome.kind !== 'saved') throw new Error('expected a saved file');
    expect(path.dirname(made.outcome.location)).toBe(env.filesDir);
    expect(path.basename(made.outcome.location)).toBe(`${referral.reference} referral.pdf`);
    expect(new Uint8Array(readFileSync(made.outcome.location))).toEqual(content);

    const again = await env.services.documents.download(
      { user: env.admin },
      { id: made.document.id },
    );
    if (again.outcome.kind !== 'saved') throw new Error('expected a saved file');
    // Never overwrites the first copy.
    expect(path.basename(again.outcome.location)).toBe(`${referral.reference} referral (2).pdf`);
    expect(new Uint8Array(readFileSync(again.outcome.location))).toEqual(content);

    const listed = await env.services.documents.list(
      { user: env.admin },
      { subjectType: 'referral', subjectId: referral.id },
    );
    expect(listed.map((d) => d.id)).toEqual([made.document.id]);

    const audit = await env.services.audit.list(
      { user: env.admin },
      { entityType: 'referral', entityId: referral.id },
    );
    const lines = audit.map((a) => a.summary);
    expect(lines).toContain(`Document made: Referral ${referral.reference}`);
    expect(
      lines.filter((l) => l === `Document downloaded: Referral ${referral.reference}`),
    ).toHaveLength(2);
  });

  it('never changes a kept document', async () => {
    const referral = await aReferral();
    const made = await env.services.documents.keepAndOffer(
      { user: env.admin },
      {
        kind: 'referral-record',
        subject: { type: 'referral', id: referral.id, version: 1 },
        title: 'Referral',
        fileName: 'x.pdf',
        mime: 'application/pdf',
        bytes: bytes('one'),
      },
    );
    expect(() =>
      env.store.raw
        .prepare('UPDATE documents SET bytes = ? WHERE id = ?')
        .run(Buffer.from('two'), made.document.id),
    ).toThrow(/kept as generated/);
  });

  it('keeps the document and audits no download when the save dialog is closed', async () => {
    const referral = await aReferral();
    const cancelling: FilesPort = { offer: () => Promise.resolve({ kind: 'cancelled' }) };
    const services = createServices(env.store, env.clock, { files: cancelling });
    const made = await services.documents.keepAndOffer(
      { user: env.admin },
      {
        kind: 'referral-record',
        subject: { type: 'referral', id: referral.id, version: 1 },
        title: 'Referral FD',
        fileName: 'FD.pdf',
        mime: 'application/pdf',
        bytes: bytes('kept'),
      },
    );
    expect(made.outcome).toEqual({ kind: 'cancelled' });
    const listed = await services.documents.list(
      { user: env.admin },
      { subjectType: 'referral', subjectId: referral.id },
    );
    expect(listed).toHaveLength(1);
    const audit = await services.audit.list(
      { user: env.admin },
      { entityType: 'referral', entityId: referral.id },
    );
    expect(audit.some((a) => a.summary.startsWith('Document downloaded'))).toBe(false);
  });

  it('says why a file could not be written, and the document stays kept', async () => {
    const referral = await aReferral();
    // A file where the folder should be: every write into it fails.
    const blocked = path.join(env.filesDir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const services = createServices(env.store, env.clock, {
      files: createFolderFilesPort(path.join(blocked, 'inside')),
    });
    await expect(
      services.documents.keepAndOffer(
        { user: env.admin },
        {
          kind: 'referral-record',
          subject: { type: 'referral', id: referral.id, version: 1 },
          title: 'Referral FD',
          fileName: 'FD.pdf',
          mime: 'application/pdf',
          bytes: bytes('kept'),
        },
      ),
    ).rejects.toThrow(/could not be saved.*kept in Front Door/);
    const listed = await services.documents.list(
      { user: env.admin },
      { subjectType: 'referral', subjectId: referral.id },
    );
    expect(listed).toHaveLength(1);
  });

  it('offers safe file names only', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('FD-2026-000123 minutes v2.pdf')).toBe('FD-2026-000123 minutes v2.pdf');
    expect(safeFileName('a:b*c?"<>|.pdf')).toBe('a-b-c-----.pdf');
    expect(safeFileName('...')).toBe('document');
    expect(safeFileName('x'.repeat(300)).length).toBe(120);
  });

  it('passes progress events to every listener, and a failing listener stops none', () => {
    const hub = createEventHub();
    const heard: TaskProgress[] = [];
    hub.listen(() => {
      throw new Error('window gone');
    });
    const stop = hub.listen((_name, payload) => {
      heard.push(payload);
    });
    const p: TaskProgress = {
      taskId: 't',
      label: 'Making letters',
      done: 1,
      total: 3,
      state: 'running',
    };
    hub.emit('task:progress', p);
    stop();
    hub.emit('task:progress', { ...p, done: 2 });
    expect(heard).toEqual([p]);
  });
});

describe('folder files port', () => {
  it('makes its folder on first use', async () => {
    const dir = path.join(env.filesDir, 'new', 'deeper');
    const port = createFolderFilesPort(dir);
    const out = await port.offer({
      suggestedName: 'a.ics',
      mime: 'text/calendar',
      bytes: bytes('x'),
    });
    expect(out).toEqual({ kind: 'saved', location: path.join(dir, 'a.ics') });
    mkdirSync(dir, { recursive: true });
  });
});
