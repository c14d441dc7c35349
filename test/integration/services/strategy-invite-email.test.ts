// A strategy discussion's invite as an email draft (issue 13, "Email drafts (.eml)"), through the
// service: made from the record, kept as made, written by the files port, and read back by
// independent readers (mailparser for the message, ical.js for the calendar inside it).
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import type { InviteeInput } from '../../../shared/strategy/schemas';
import { testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { decidedReferral, health, police, scheduleFor, socialWorker } from './strategy-env';

let env: TestEnv;
let rec: ReferralRecord;
let d: StrategyDiscussionRecord;
const as = () => ({ user: env.admin });

// An invitee whose name needs quoting and encoding, and one with no email address.
const school: InviteeInput = {
  name: 'Zoë O\'Brien, "DSL"',
  jobTitle: 'Designated safeguarding lead',
  agency: 'Oak Primary School',
  email: 'zoe.obrien@school.example',
  seniority: 'practitioner',
  covers: null,
};
const gp: InviteeInput = {
  name: 'Dr محمد Khan',
  jobTitle: 'GP',
  agency: 'Northshire Surgery',
  seniority: 'practitioner',
  covers: null,
};

beforeEach(async () => {
  env = await testEnv();
  const settings = await env.services.settings.get(as());
  await env.services.settings.update(as(), {
    version: settings.version,
    organisation: {
      ...settings.organisation,
      name: 'Northshire Council',
      email: 'mash@northshire.example',
      marking: 'OFFICIAL-SENSITIVE',
    },
  });
  rec = await decidedReferral(env);
  d = await env.services.strategy.schedule(
    as(),
    scheduleFor(env, rec, { invitees: [socialWorker, health, police, school, gp] }),
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

function people(value: AddressObject | AddressObject[] | undefined) {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

async function read(bytes: Uint8Array) {
  const mail = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true });
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  if (!ics) throw new Error('no .ics attachment');
  const cal = ICAL.Component.fromString(ics.content.toString('utf8'));
  return { mail, ics, cal, event: cal.getFirstSubcomponent('vevent') };
}

describe('strategy:invite-email', () => {
  it('writes one unsent email to every invitee with an address, the invite attached', async () => {
    const out = await env.services.strategyFiles.inviteEmail(as(), { id: d.id });
    const bytes = savedBytes(out);
    const { mail, ics, cal, event } = await read(bytes);

    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe(
      `[OFFICIAL-SENSITIVE] Strategy discussion ${rec.reference}, Monday 23/11/2026, 14:00 GMT`,
    );
    expect(people(mail.from)).toEqual([
      { name: 'Northshire Council', address: 'mash@northshire.example' },
    ]);
    expect(people(mail.to)).toEqual([
      { name: 'Sam Patel', address: 'sam.patel@council.example' },
      { name: 'Dr Ana Costa', address: 'ana.costa@nhs.example' },
      { name: 'DS Lee Grant', address: 'lee.grant@police.example' },
      { name: 'Zoë O\'Brien, "DSL"', address: 'zoe.obrien@school.example' },
    ]);
    expect(mail.bcc).toBeUndefined();
    expect(mail.cc).toBeUndefined();
    expect(out.recipients).toBe(4);
    expect(out.notIncluded).toEqual([{ name: 'Dr محمد Khan', agency: 'Northshire Surgery' }]);

    // The calendar inside: an invitation to the same people, text/calendar; method=REQUEST.
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.filename).toBe(`${rec.reference}-strategy-discussion.ics`);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(
      /Content-Type: text\/calendar; charset=utf-8; method=REQUEST;\s+name=/,
    );
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event?.getFirstPropertyValue('uid')).toBe(d.icsUid);
    const attendees = (event?.getAllProperties('attendee') ?? []).map((p) =>
      String(p.getFirstValue()).toLowerCase(),
    );
    expect(attendees.sort()).toEqual(
      people(mail.to)
        .map((p) => `mailto:${p.address}`)
        .sort(),
    );

    // Neutral: no child or family name anywhere in the message, the body says how to send it.
    const everything = `${mail.subject ?? ''}\n${mail.text ?? ''}\n${ics.content.toString('utf8')}`;
    for (const c of rec.children) {
      for (const part of [c.child.givenNames, c.child.familyName]) {
        if (part) expect(everything).not.toContain(part);
      }
    }
    expect(mail.text).toContain(
      "This email and its attachment are OFFICIAL-SENSITIVE. Send it only through the council's secure email.",
    );

    // Kept as made: the stored document is the file written, byte for byte.
    expect(out.document.kind).toBe('email-draft');
    expect(out.document.mime).toBe('message/rfc822');
    expect(out.document.fileName).toBe(`${rec.reference}-strategy-discussion.eml`);
    expect(out.document.title).not.toContain(rec.children[0]?.child.familyName ?? '@@');
    const again = await env.services.documents.download(as(), { id: out.document.id });
    expect(savedBytes(again)).toEqual(bytes);
  });

  it('sends the cancellation once cancelled: method=CANCEL, same UID, "Cancelled" in the subject', async () => {
    d = await env.services.strategy.cancel(as(), {
      id: d.id,
      version: d.version,
      reason: 'Child moved out of area',
    });
    const out = await env.services.strategyFiles.inviteEmail(as(), { id: d.id });
    const bytes = savedBytes(out);
    const { mail, cal, event } = await read(bytes);
    expect(mail.subject).toMatch(/^\[OFFICIAL-SENSITIVE\] Cancelled: strategy discussion /);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event?.getFirstPropertyValue('uid')).toBe(d.icsUid);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/method=CANCEL/);
    expect(raw).not.toMatch(/method=REQUEST/);
    expect(out.document.fileName).toBe(`${rec.reference}-strategy-discussion-cancelled.eml`);
  });

  it('refuses when nobody invited has an email address, and keeps nothing', async () => {
    const bare = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        startsAt: '2026-11-24T10:00:00.000Z',
        endsAt: '2026-11-24T11:00:00.000Z',
        invitees: [gp],
      }),
    );
    await expect(
      env.services.strategyFiles.inviteEmail(as(), { id: bare.id }),
    ).rejects.toMatchObject({
      fieldErrors: {
        _form: expect.stringMatching(/^Nobody invited has an email address/) as unknown,
      },
    });
    expect(
      await env.services.documents.list(as(), {
        subjectType: 'strategy-discussion',
        subjectId: bare.id,
      }),
    ).toEqual([]);
  });

  it('says to set the team mailbox first, and keeps nothing', async () => {
    const settings = await env.services.settings.get(as());
    await env.services.settings.update(as(), {
      version: settings.version,
      organisation: { ...settings.organisation, email: '' },
    });
    await expect(env.services.strategyFiles.inviteEmail(as(), { id: d.id })).rejects.toMatchObject({
      fieldErrors: { _form: expect.stringMatching(/team mailbox.*Settings/) as unknown },
    });
    expect(
      await env.services.documents.list(as(), {
        subjectType: 'strategy-discussion',
        subjectId: d.id,
      }),
    ).toEqual([]);
  });
});
