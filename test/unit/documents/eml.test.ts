// Email drafts read back with mailparser (issue 13, "Tests": attachment bytes equal the stored
// document, X-Unsent: 1, the subject carries the marking, hostile input stays inside headers).
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
  buildEmlDraft,
  EmlInputError,
  type EmlDraftInput,
} from '../../../electron/main/documents/eml';
import { buildInviteIcs } from '../../../electron/main/documents/invite-ics';
import { meeting } from './invite-fixture';
import { addresses, draft, headerLines, PDF, readEml } from './eml-read';

const HOSTILE = [
  'Evil\r\nBcc: attacker@example.com',
  'O\'Brien, "Jo" <x>',
  'Zoë Łukasiewicz',
  'محمد',
  'Semi; colon <evil@example.com>, "unterminated',
];

async function refusal(input: EmlDraftInput): Promise<EmlInputError> {
  const error: unknown = await buildEmlDraft(input).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof EmlInputError))
    throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('buildEmlDraft: a letter draft', () => {
  it('is an unsent UTF-8 message from the team mailbox with the PDF byte for byte', async () => {
    const bytes = await buildEmlDraft(draft());
    const mail = await readEml(bytes);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe('[OFFICIAL-SENSITIVE] Your referral FD-2026-000123');
    expect(addresses(mail.from)).toEqual([
      { name: 'Northshire Council', address: 'mash@northshire.example' },
    ]);
    expect(addresses(mail.to)).toEqual([
      { name: 'Dr Ana Costa', address: 'ana.costa@nhs.example' },
    ]);
    expect(mail.date?.toISOString()).toBe('2026-11-23T10:15:00.000Z');
    expect(mail.text?.trim()).toBe(
      'OFFICIAL-SENSITIVE\n\nYour referral, case reference FD-2026-000123.',
    );
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf?.filename).toBe('FD-2026-000123 letter.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.contentDisposition).toBe('attachment');
    expect(new Uint8Array(pdf?.content ?? [])).toEqual(PDF);
  });

  it('writes every line with CRLF, none longer than RFC 5322 allows, and no Bcc at all', async () => {
    const bytes = await buildEmlDraft(draft());
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toMatch(/[^\r]\n/);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(headerLines(bytes).filter((l) => /^bcc:/i.test(l))).toEqual([]);
    expect(headerLines(bytes).filter((l) => /^x-unsent:/i.test(l))).toEqual(['X-Unsent: 1']);
  });

  it('keeps a non-Latin body and subject exact', async () => {
    const mail = await readEml(
      await buildEmlDraft(
        draft({ subject: '[OFFICIAL-SENSITIVE] Zoë — محمد', text: 'Łódź\nمحمد\n日本語' }),
      ),
    );
    expect(mail.subject).toBe('[OFFICIAL-SENSITIVE] Zoë — محمد');
    expect(mail.text?.trim()).toBe('Łódź\nمحمد\n日本語');
  });
});

describe('buildEmlDraft: hostile names stay inside their headers', () => {
  it('adds no header and no recipient, and each name reads back as given', async () => {
    const to = HOSTILE.map((name, i) => ({ name, address: `person${String(i)}@example.org` }));
    const bytes = await buildEmlDraft(
      draft({ from: { name: HOSTILE[0] ?? '', address: 'mash@northshire.example' }, to }),
    );
    const mail = await readEml(bytes);
    expect(mail.bcc).toBeUndefined();
    expect(mail.cc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(headerLines(bytes).filter((l) => /^(bcc|cc):/i.test(l))).toEqual([]);
    // Line breaks become one space; everything else comes back exactly.
    expect(addresses(mail.to)).toEqual([
      { name: 'Evil Bcc: attacker@example.com', address: 'person0@example.org' },
      { name: 'O\'Brien, "Jo" <x>', address: 'person1@example.org' },
      { name: 'Zoë Łukasiewicz', address: 'person2@example.org' },
      { name: 'محمد', address: 'person3@example.org' },
      { name: 'Semi; colon <evil@example.com>, "unterminated', address: 'person4@example.org' },
    ]);
    expect(addresses(mail.from)).toEqual([
      { name: 'Evil Bcc: attacker@example.com', address: 'mash@northshire.example' },
    ]);
    const everyone = [...addresses(mail.from), ...addresses(mail.to)].map((a) => a.address);
    expect(everyone).not.toContain('attacker@example.com');
    expect(everyone).not.toContain('evil@example.com');
    expect(everyone).not.toContain('x');
    // The header block has exactly the fields we set, each once.
    const names = headerLines(bytes).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
    expect(names.sort()).toEqual(
      [
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'subject',
        'to',
        'x-unsent',
      ].sort(),
    );
  });

  it('drops control characters and bidi overrides from names and the subject', async () => {
    const mail = await readEml(
      await buildEmlDraft(
        draft({
          to: [{ name: 'Ana\u0000 \u202ECosta\u0085\u0007', address: 'ana.costa@nhs.example' }],
          subject: 'Line one\r\nX-Injected: yes',
        }),
      ),
    );
    expect(addresses(mail.to)).toEqual([{ name: 'Ana Costa', address: 'ana.costa@nhs.example' }]);
    expect(mail.subject).toBe('Line one X-Injected: yes');
    expect(mail.headers.has('x-injected')).toBe(false);
  });

  it('refuses an address with a line break, naming the recipient', async () => {
    const error = await refusal(
      draft({
        to: [
          { name: 'Dr Ana Costa', address: 'ana.costa@nhs.example' },
          { name: 'Jo Bloggs', address: 'jo@example.org\r\nBcc: attacker@example.com' },
        ],
      }),
    );
    expect(error.field).toBe('to.1.address');
    expect(error.message).toMatch(/^The email address for Jo Bloggs contains a line break/);
  });

  it.each([
    ['a space', 'jo bloggs@example.org', /contains a space/],
    ['angle brackets', '<jo@example.org>', /is not valid/],
    ['two addresses', 'jo@example.org, eve@example.org', /contains a space/],
    ['a comma', 'jo@example.org,eve@example.org', /is not valid/],
    ['a semicolon', 'jo@example.org;eve@example.org', /is not valid/],
    ['no domain', 'jo@', /is not valid/],
    ['nothing', '  ', /^Enter an email address for recipient 1\.$/],
  ])('refuses an address with %s', async (_what, address, message) => {
    const error = await refusal(draft({ to: [{ name: '', address }] }));
    expect(error.field).toBe('to.0.address');
    expect(error.message).toMatch(message);
  });

  it('refuses a bad sender address and a draft with nobody to send it to', async () => {
    const bad = await refusal(draft({ from: { name: 'Team', address: 'mash@\nexample.org' } }));
    expect(bad.field).toBe('from.address');
    expect(bad.message).toMatch(/^The email address for Team contains a line break/);
    expect((await refusal(draft({ to: [] }))).message).toBe('Add at least one recipient.');
  });
});

describe('buildEmlDraft: a calendar invitation', () => {
  const ics = buildInviteIcs(meeting());
  const icsBytes = new TextEncoder().encode(ics);
  const invite = (method: 'REQUEST' | 'CANCEL', content = icsBytes): EmlDraftInput =>
    draft({
      attachments: [
        {
          fileName: 'FD-2026-000123-strategy-discussion.ics',
          contentType: 'text/calendar',
          content,
          method,
        },
      ],
    });

  it('carries the .ics as text/calendar; method=REQUEST, readable by ical.js, byte for byte', async () => {
    const bytes = await buildEmlDraft(invite('REQUEST'));
    const mail = await readEml(bytes);
    const file = mail.attachments.find(
      (a) => a.filename === 'FD-2026-000123-strategy-discussion.ics',
    );
    if (!file) throw new Error('no .ics attachment');
    expect(file.contentType).toBe('text/calendar');
    expect(file.contentDisposition).toBe('attachment');
    expect(new Uint8Array(file.content)).toEqual(icsBytes);
    const cal = ICAL.Component.fromString(file.content.toString('utf8'));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    // The alternative part Outlook reads as the invitation, with the same method and bytes.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    const calendarParts = raw.match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/g);
    expect(calendarParts).toHaveLength(2);
    expect(mail.text?.trim()).toBe(
      'OFFICIAL-SENSITIVE\n\nYour referral, case reference FD-2026-000123.',
    );
  });

  it('labels a cancellation method=CANCEL', async () => {
    const cancelled = new TextEncoder().encode(
      buildInviteIcs(meeting({ status: 'cancelled', sequence: 1 })),
    );
    const bytes = await buildEmlDraft(invite('CANCEL', cancelled));
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.match(/method=CANCEL/g)).toHaveLength(2);
    expect(raw).not.toMatch(/method=REQUEST/);
    const mail = await readEml(bytes);
    const file = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(new Uint8Array(file?.content ?? [])).toEqual(cancelled);
  });

  it("refuses a method that is not the file's own METHOD, and two invitations in one email", async () => {
    const wrong = await refusal(invite('CANCEL'));
    expect(wrong.message).toMatch(/says METHOD:REQUEST, not CANCEL/);
    const two = invite('REQUEST');
    const first = two.attachments[0];
    if (!first) throw new Error('no attachment');
    two.attachments.push({ ...first, fileName: 'second.ics' });
    expect((await refusal(two)).message).toMatch(/one invitation/);
    const pdfInvite = await refusal(
      draft({
        attachments: [
          { fileName: 'a.pdf', contentType: 'application/pdf', content: PDF, method: 'REQUEST' },
        ],
      }),
    );
    expect(pdfInvite.message).toMatch(/Only a calendar file/);
  });

  it('refuses a file name or content type that could leave its header', async () => {
    const name = await refusal(
      draft({
        attachments: [
          { fileName: 'a.pdf"\r\nX-Evil: 1', contentType: 'application/pdf', content: PDF },
        ],
      }),
    );
    expect(name.field).toBe('attachments.0.fileName');
    const type = await refusal(
      draft({
        attachments: [
          { fileName: 'a.pdf', contentType: 'application/pdf\r\nX-Evil: 1', content: PDF },
        ],
      }),
    );
    expect(type.field).toBe('attachments.0.contentType');
  });
});
