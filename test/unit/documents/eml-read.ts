// Reads an email draft back with mailparser, a real MIME parser (an independent reader,
// architecture §2 "Tests"), never with our own composer; and a valid draft to vary.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { EmlDraftInput } from '../../../electron/main/documents/eml';

export async function readEml(bytes: Uint8Array): Promise<ParsedMail> {
  return simpleParser(Buffer.from(bytes), { skipHtmlToText: true });
}

/** Every address in a parsed header (To, Cc, Bcc…), flattened. */
export function addresses(value: AddressObject | AddressObject[] | undefined) {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

/** The raw header block (before the first blank line), unfolded, one field a line. */
export function headerLines(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  return text
    .slice(0, end)
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n');
}

export const PDF = new Uint8Array([
  0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80, 0x81,
]);

export function draft(over: Partial<EmlDraftInput> = {}): EmlDraftInput {
  return {
    from: { name: 'Northshire Council', address: 'mash@northshire.example' },
    to: [{ name: 'Dr Ana Costa', address: 'ana.costa@nhs.example' }],
    subject: '[OFFICIAL-SENSITIVE] Your referral FD-2026-000123',
    text: 'OFFICIAL-SENSITIVE\n\nYour referral, case reference FD-2026-000123.',
    attachments: [
      { fileName: 'FD-2026-000123 letter.pdf', contentType: 'application/pdf', content: PDF },
    ],
    date: new Date('2026-11-23T10:15:00Z'),
    ...over,
  };
}
