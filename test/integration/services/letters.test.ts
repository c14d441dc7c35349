// Referrer letters through the service (issue 13): which letter applies, finalising with the
// worker's wording, the work queue, a batch with progress and a failure, recording sends, email
// drafts read back with a real MIME parser, and re-sending as a new version.
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { TaskProgress } from '../../../shared/ipc/events';
import {
  bornChild,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';
import { readPdf } from '../../unit/documents/read-pdf';

let env: TestEnv;
const as = () => ({ user: env.admin });
const QUEUE = { page: 0, pageSize: 100 } as const;

beforeEach(async () => {
  env = await testEnv();
  const s = await env.services.settings.get(as());
  await env.services.settings.update(as(), {
    version: s.version,
    organisation: {
      ...s.organisation,
      email: 'frontdoor@example.gov.uk',
      name: 'Exampleshire Council',
    },
  });
});
afterEach(() => {
  env.close();
});

function saved(out: DocumentDownloadRecord): Uint8Array {
  if (out.outcome.kind !== 'saved') throw new Error('expected a saved file');
  return new Uint8Array(readFileSync(out.outcome.location));
}

async function decidedReferral(over: Parameters<typeof referralInput>[0] = {}) {
  const r = await env.services.referrals.create(as(), {
    referral: referralInput(over),
    newChildren: [0],
  });
  await env.services.decisions.record(as(), {
    referralId: r.id,
    version: r.version,
    decision: decisionInput(),
  });
  return env.services.referrals.get(as(), { id: r.id });
}

describe('referrer letters', () => {
  it('prepares, finalises and sends an outcome letter to a professional, then re-sends it', async () => {
    const r = await decidedReferral({
      referrer: {
        kind: 'professional',
        name: 'Jo Teacher',
        role: 'Designated safeguarding lead',
        agencyName: 'Oak Primary School',
        agencyType: 'school',
        email: 'jo.teacher@oak.sch.uk',
        wantsFeedback: true,
        feedbackMethod: 'email',
      },
    });
    const before = await env.services.letters.forReferral(as(), { referralId: r.id });
    expect(before.eligibility.kind).toBe('letter');
    expect(before.due.map((d) => d.kind)).toEqual(['acknowledgement', 'outcome']);
    expect(before.told).toBeNull();

    const preview = await env.services.letters.preview(as(), { referralId: r.id, kind: 'outcome' });
    expect(preview.content?.variant).toBe('professional');
    expect(preview.content?.facts.outcome).toBe('s17-assessment');
    const paragraphs = [...(preview.content?.paragraphs ?? []), 'EDITED-BY-WORKER paragraph.'];
    const letter = await env.services.letters.finalise(as(), {
      referralId: r.id,
      kind: 'outcome',
      paragraphs,
    });
    expect(letter.sequence).toBe(1);
    const pdf = await readPdf(
      saved(await env.services.letters.download(as(), { letterId: letter.id })),
    );
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(text).toContain('EDITED-BY-WORKER');
    expect(text).toContain(r.reference);
    // WT: the rationale is the service's own record, never the referrer's letter.
    expect(text).not.toContain('scared: assessment needed');

    const queue = await env.services.letters.queue(as(), QUEUE);
    const mine = queue.rows.filter((i) => i.referralId === r.id);
    expect(mine.map((i) => [i.kind, i.state])).toEqual(
      expect.arrayContaining([
        ['acknowledgement', 'due'],
        ['outcome', 'ready'],
      ]),
    );

    const eml = await simpleParser(
      Buffer.from(saved(await env.services.letters.emailDraft(as(), { letterId: letter.id }))),
    );
    expect(eml.headers.get('x-unsent')).toBe('1');
    expect(eml.subject).toBe(`[OFFICIAL-SENSITIVE] Your referral ${r.reference}`);
    const attached = eml.attachments[0];
    const stored = saved(await env.services.letters.download(as(), { letterId: letter.id }));
    expect(Buffer.compare(attached?.content ?? Buffer.alloc(0), Buffer.from(stored))).toBe(0);

    const sentAt = '2026-11-23T10:05:00.000Z';
    const [sent] = await env.services.letters.markSent(as(), {
      letterIds: [letter.id],
      method: 'secure-email',
      sentAt,
    });
    expect(sent?.sent?.method).toBe('secure-email');
    await expect(
      env.services.letters.markSent(as(), { letterIds: [letter.id], method: 'post', sentAt }),
    ).rejects.toThrow(/already recorded as sent/);

    const after = await env.services.letters.forReferral(as(), { referralId: r.id });
    expect(after.told).toEqual({ at: sentAt, method: 'secure-email', kind: 'outcome' });
    // Once the outcome has been sent, an acknowledgement is no longer owed.
    expect(after.due).toEqual([]);
    const referral = await env.services.referrals.get(as(), { id: r.id });
    expect(referral.chronology.map((c) => c.text).join('\n')).toMatch(
      /Outcome letter 1 sent to the referrer: Secure email, 23\/11\/2026/,
    );

    const again = await env.services.letters.finalise(as(), {
      referralId: r.id,
      kind: 'outcome',
      paragraphs: ['Our second letter about your referral.'],
    });
    expect(again.sequence).toBe(2);
    const first = saved(await env.services.letters.download(as(), { letterId: letter.id }));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(stored))).toBe(0);
  });

  it('offers nothing to an anonymous referrer, and the queue never lists them', async () => {
    const r = await decidedReferral({
      referrer: {
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: false,
        feedbackMethod: 'none',
      },
      referralSourceCode: '9',
    });
    const letters = await env.services.letters.forReferral(as(), { referralId: r.id });
    expect(letters.eligibility.kind).toBe('none');
    expect(letters.due).toEqual([]);
    await expect(
      env.services.letters.finalise(as(), {
        referralId: r.id,
        kind: 'acknowledgement',
        paragraphs: ['Thank you.'],
      }),
    ).rejects.toThrow(/No letter can be sent/);
    const queue = await env.services.letters.queue(as(), QUEUE);
    expect(queue.rows.some((i) => i.referralId === r.id)).toBe(false);
  });

  it('makes a batch with progress, reports each failure with its reason, and can be cancelled', async () => {
    const a = await decidedReferral();
    const b = await decidedReferral();
    const anon = await decidedReferral({
      referrer: {
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: false,
        feedbackMethod: 'none',
      },
      referralSourceCode: '9',
    });
    const seen: TaskProgress[] = [];
    const stop = env.services.events.listen((_name, p) => {
      seen.push(p);
    });
    const out = await env.services.letters.generate(as(), {
      taskId: 'batch-1',
      items: [
        { referralId: a.id, kind: 'outcome' },
        { referralId: anon.id, kind: 'outcome' },
        { referralId: b.id, kind: 'outcome' },
      ],
    });
    stop();
    expect(out.cancelled).toBe(false);
    expect(out.results.map((r) => r.outcome.ok)).toEqual([true, false, true]);
    const failed = out.results[1]?.outcome;
    expect(failed?.ok === false ? failed.reason : '').toMatch(/anonymous|No letter/i);
    expect(seen.at(-1)).toMatchObject({ taskId: 'batch-1', done: 3, total: 3, state: 'finished' });
    expect(seen.filter((p) => p.state === 'running').map((p) => p.done)).toEqual([0, 1, 2, 3]);

    const letterIds = out.results.flatMap((r) => (r.outcome.ok ? [r.outcome.letter.id] : []));
    await env.services.letters.markSent(as(), {
      letterIds,
      method: 'hand-delivered',
      sentAt: '2026-11-23T10:05:00.000Z',
    });
    const queue = await env.services.letters.queue(as(), QUEUE);
    expect(queue.rows.filter((i) => i.referralId === a.id || i.referralId === b.id)).toEqual([]);

    // Cancelling stops after the letter being made.
    const c = await decidedReferral();
    const d = await decidedReferral();
    const stopAfterFirst = env.services.events.listen((_name, p) => {
      if (p.taskId === 'batch-2' && p.done === 1)
        env.services.letters.cancel(as(), { taskId: 'batch-2' });
    });
    const partial = await env.services.letters.generate(as(), {
      taskId: 'batch-2',
      items: [
        { referralId: c.id, kind: 'outcome' },
        { referralId: d.id, kind: 'outcome' },
      ],
    });
    stopAfterFirst();
    expect(partial.cancelled).toBe(true);
    expect(partial.results).toHaveLength(1);
  });

  it('makes each selected letter once, and never a second copy of one made or sent', async () => {
    const a = await decidedReferral();
    const first = await env.services.letters.generate(as(), {
      taskId: 'dupes',
      items: [
        { referralId: a.id, kind: 'outcome' },
        { referralId: a.id, kind: 'outcome' },
      ],
    });
    expect(first.results).toHaveLength(1);
    expect(first.results[0]?.outcome.ok).toBe(true);
    const again = await env.services.letters.generate(as(), {
      taskId: 'again',
      items: [{ referralId: a.id, kind: 'outcome' }],
    });
    const refused = again.results[0]?.outcome;
    expect(refused?.ok === false ? refused.reason : '').toMatch(/already made and waiting/);
    const letters = await env.services.letters.forReferral(as(), { referralId: a.id });
    expect(letters.letters.filter((l) => l.kind === 'outcome')).toHaveLength(1);
  });

  it('owes a new outcome letter when a section 47 enquiry starts after the referrer was told', async () => {
    const r = await decidedReferral();
    const preview = await env.services.letters.preview(as(), { referralId: r.id, kind: 'outcome' });
    const first = await env.services.letters.finalise(as(), {
      referralId: r.id,
      kind: 'outcome',
      paragraphs: preview.content?.paragraphs ?? [],
    });
    await env.services.letters.markSent(as(), {
      letterIds: [first.id],
      method: 'hand-delivered',
      sentAt: '2026-11-23T10:05:00.000Z',
    });
    expect((await env.services.letters.forReferral(as(), { referralId: r.id })).due).toEqual([]);
    env.clock.set('2026-11-24T09:00:00.000Z');
    await env.services.progress.record(as(), {
      referralId: r.id,
      event: { kind: 's47-started', date: '2026-11-24' },
    });
    const after = await env.services.letters.forReferral(as(), { referralId: r.id });
    expect(after.due).toEqual([
      { kind: 'outcome', dueOn: '2026-11-24', outcome: 's47-enquiry', overdue: false },
    ]);
    const queue = await env.services.letters.queue(as(), QUEUE);
    expect(
      queue.rows.filter((i) => i.referralId === r.id).map((i) => [i.kind, i.outcome, i.state]),
    ).toEqual([['outcome', 's47-enquiry', 'due']]);
    const second = await env.services.letters.preview(as(), { referralId: r.id, kind: 'outcome' });
    expect(second.content?.facts.outcome).toBe('s47-enquiry');
  });

  it("never lets a letter go by post to the child's household", async () => {
    const home = { line1: '12 Elm Road', town: 'Exampleton', postcode: 'EX1 4ZZ' };
    const r = await decidedReferral({
      referrer: {
        kind: 'public',
        name: 'Pat Neighbour',
        relationship: 'acquaintance',
        address: { line1: '12 elm rd', postcode: 'ex14zz' },
        wantsFeedback: true,
        feedbackMethod: 'letter',
      },
      referralSourceCode: '1B',
      children: [bornChild({ address: home })],
    });
    const preview = await env.services.letters.preview(as(), { referralId: r.id, kind: 'outcome' });
    expect(preview.eligibility.kind === 'letter' && preview.eligibility.postalAllowed).toBe(false);
    const letter = await env.services.letters.finalise(as(), {
      referralId: r.id,
      kind: 'outcome',
      paragraphs: preview.content?.paragraphs ?? [],
    });
    await expect(
      env.services.letters.markSent(as(), {
        letterIds: [letter.id],
        method: 'post',
        sentAt: '2026-11-23T10:05:00.000Z',
      }),
    ).rejects.toThrow(/must not go by post/);
    const after = await env.services.letters.forReferral(as(), { referralId: r.id });
    expect(after.letters[0]?.sent).toBeNull();
  });

  it('keeps template versions, refuses unknown fields and a stale version, and previews', async () => {
    const list = await env.services.letterTemplates.list(as());
    const ack = list.find((t) => t.key === 'acknowledgement.professional');
    expect(ack?.version).toBe(0);
    await expect(
      env.services.letterTemplates.save(as(), {
        key: 'acknowledgement.professional',
        text: 'Hello {{childsSecret}}',
        version: 0,
      }),
    ).rejects.toThrow(/childsSecret/);
    const saved1 = await env.services.letterTemplates.save(as(), {
      key: 'acknowledgement.professional',
      text: 'We received your referral {{reference}} on {{receivedDate}}. TEMPLATE-V1',
      version: 0,
    });
    expect(saved1.version).toBe(1);
    await expect(
      env.services.letterTemplates.save(as(), {
        key: 'acknowledgement.professional',
        text: 'Another {{reference}}',
        version: 0,
      }),
    ).rejects.toThrow(/Someone else saved/);
    const r = await decidedReferral();
    const preview = await env.services.letters.preview(as(), {
      referralId: r.id,
      kind: 'acknowledgement',
    });
    expect(preview.content?.paragraphs.join(' ')).toContain(`${r.reference} on`);
    expect(preview.content?.paragraphs.join(' ')).toContain('TEMPLATE-V1');
    expect(preview.templates[0]).toMatchObject({ version: 1, isDefault: false });
    const sample = env.services.letterTemplates.preview(as(), {
      key: 'acknowledgement.professional',
      text: 'Ref {{reference}}',
    });
    expect(sample).toEqual({ paragraphs: ['Ref FD-2026-000123'], errors: [] });
  });
});
