// A strategy discussion's documents through the service: the invite (and its cancellation), a
// week's invites and the minutes PDF are made from the record, kept exactly as made, written by
// the files port, and read back by independent readers (ical.js, pdf.js).
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import { testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { readPdf } from '../../unit/documents/read-pdf';
import {
  decidedReferral,
  fullMinutes,
  health,
  police,
  scheduleFor,
  socialWorker,
  updateOf,
} from './strategy-env';

let env: TestEnv;
let rec: ReferralRecord;
let d: StrategyDiscussionRecord;
const as = () => ({ user: env.admin });

beforeEach(async () => {
  env = await testEnv();
  const settings = await env.services.settings.get(as());
  await env.services.settings.update(as(), {
    version: settings.version,
    organisation: {
      ...settings.organisation,
      name: 'Northshire Council',
      email: 'mash@northshire.example',
    },
  });
  rec = await decidedReferral(env);
  d = await env.services.strategy.schedule(
    as(),
    scheduleFor(env, rec, { invitees: [socialWorker, health, police] }),
  );
});
afterEach(() => {
  env.close();
});

function savedBytes(out: DocumentDownloadRecord): Uint8Array {
  if (out.outcome.kind !== 'saved')
    throw new Error(`expected a saved file, got ${out.outcome.kind}`);
  return new Uint8Array(readFileSync(out.outcome.location));
}

function vevents(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

describe('strategy discussion documents', () => {
  it('makes the invite from the record, with no child name, and keeps it as made', async () => {
    const out = await env.services.strategyFiles.invite(as(), { id: d.id });
    const text = new TextDecoder().decode(savedBytes(out));
    const { cal, events } = vevents(text);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const ev = events[0];
    if (!ev) throw new Error('no event');
    expect(ev.getFirstPropertyValue('uid')).toBe(d.icsUid);
    expect(ev.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(ev.getFirstPropertyValue('summary'))).toContain(rec.reference);
    const attendees = ev.getAllProperties('attendee').map((p) => ({
      to: String(p.getFirstValue()).toLowerCase(),
      role: p.getParameter('role'),
    }));
    expect(attendees).toContainEqual({
      to: 'mailto:lee.grant@police.example',
      role: 'REQ-PARTICIPANT',
    });
    for (const c of rec.children) {
      for (const part of [c.child.givenNames, c.child.familyName]) {
        if (part) expect(text).not.toContain(part);
      }
    }
    expect(out.document.fileName).toBe(`${rec.reference}-strategy-discussion.ics`);
    expect(out.document.kind).toBe('invite');
    const again = await env.services.documents.download(as(), { id: out.document.id });
    expect(savedBytes(again)).toEqual(savedBytes(out));
  });

  it('raises SEQUENCE when the time changes, and sends a cancellation with the same UID', async () => {
    d = await env.services.strategy.update(
      as(),
      updateOf(d, {
        startsAt: '2026-11-23T15:00:00.000Z',
        endsAt: '2026-11-23T16:00:00.000Z',
        reason: 'Police officer in court until 14:45',
      }),
    );
    const moved = vevents(
      new TextDecoder().decode(
        savedBytes(await env.services.strategyFiles.invite(as(), { id: d.id })),
      ),
    ).events[0];
    expect(moved?.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(moved?.getFirstPropertyValue('dtstart'))).toBe('2026-11-23T15:00:00Z');

    d = await env.services.strategy.cancel(as(), {
      id: d.id,
      version: d.version,
      reason: 'Child moved out of area',
    });
    const cancelled = await env.services.strategyFiles.invite(as(), { id: d.id });
    const { cal, events } = vevents(new TextDecoder().decode(savedBytes(cancelled)));
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]?.getFirstPropertyValue('uid')).toBe(d.icsUid);
    expect(Number(events[0]?.getFirstPropertyValue('sequence'))).toBeGreaterThan(1);
    expect(cancelled.document.fileName).toBe(`${rec.reference}-strategy-discussion-cancelled.ics`);
  });

  it("puts a week's discussions in one file and says which were left out", async () => {
    const second = await decidedReferral(env);
    await env.services.strategy.schedule(
      as(),
      scheduleFor(env, second, {
        startsAt: '2026-11-25T10:00:00.000Z',
        endsAt: '2026-11-25T11:00:00.000Z',
        invitees: [police],
      }),
    );
    const out = await env.services.strategyFiles.weekInvites(as(), { weekOf: '2026-11-26' });
    const { events } = vevents(new TextDecoder().decode(savedBytes(out)));
    expect(events.map((e) => e.getFirstPropertyValue('uid')).sort()).toHaveLength(2);
    expect(out.document.fileName).toBe('strategy-discussions-week-of-2026-11-23.ics');
    expect(out.leftOut).toEqual([]);
    await expect(
      env.services.strategyFiles.weekInvites(as(), { weekOf: '2026-12-07' }),
    ).rejects.toMatchObject({
      fieldErrors: { weekOf: expect.stringMatching(/no strategy discussions/) as unknown },
    });
  });

  it('makes the minutes PDF: a draft marked DRAFT, the finalised version kept and handed over again', async () => {
    d = await env.services.strategy.confirm(as(), { id: d.id, version: d.version });
    const draft = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: fullMinutes(d),
    });
    const draftPdf = await readPdf(
      savedBytes(await env.services.strategyFiles.minutesPdf(as(), { id: d.id })),
    );
    expect(draftPdf.pages.map((p) => p.text).join('\n')).toContain('DRAFT');

    env.clock.set('2026-11-23T16:00:00.000Z');
    await env.services.strategy.finaliseMinutes(as(), {
      id: d.id,
      minutesVersion: draft.version,
      minutes: fullMinutes(d),
    });
    const first = await env.services.strategyFiles.minutesPdf(as(), { id: d.id });
    const pdf = await readPdf(savedBytes(first));
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toContain(rec.reference);
    expect(all).toContain('DS Lee Grant');
    expect(all).toContain('Child protection medical');
    expect(all).not.toContain('DRAFT');
    pdf.pages.forEach((p, i) => {
      expect(p.text).toContain(`Page ${String(i + 1)} of ${String(pdf.pages.length)}`);
    });
    expect(String(pdf.info.Title)).toBe(`Strategy discussion minutes ${rec.reference}`);
    expect(first.document.fileName).toBe(`${rec.reference} strategy discussion minutes v1.pdf`);
    // Finalised minutes are not made again: the same kept document, the same bytes.
    const second = await env.services.strategyFiles.minutesPdf(as(), { id: d.id });
    expect(second.document.id).toBe(first.document.id);
    expect(savedBytes(second)).toEqual(savedBytes(first));
  });

  it('says to set the team mailbox first, and keeps nothing', async () => {
    const settings = await env.services.settings.get(as());
    await env.services.settings.update(as(), {
      version: settings.version,
      organisation: { ...settings.organisation, email: '' },
    });
    await expect(env.services.strategyFiles.invite(as(), { id: d.id })).rejects.toMatchObject({
      fieldErrors: { _form: expect.stringMatching(/team mailbox.*Settings/) as unknown },
    });
    expect(
      await env.services.documents.list(as(), {
        subjectType: 'strategy-discussion',
        subjectId: d.id,
      }),
    ).toEqual([]);
  });

  it('refuses an invite nobody can receive, and keeps nothing', async () => {
    const bare = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        startsAt: '2026-11-24T10:00:00.000Z',
        endsAt: '2026-11-24T11:00:00.000Z',
      }),
    );
    await expect(env.services.strategyFiles.invite(as(), { id: bare.id })).rejects.toMatchObject({
      fieldErrors: { _form: expect.any(String) as unknown },
    });
    const kept = await env.services.documents.list(as(), {
      subjectType: 'strategy-discussion',
      subjectId: bare.id,
    });
    expect(kept).toEqual([]);
  });
});
