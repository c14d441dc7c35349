// The letterhead of a referrer letter: the logo (if set) on the left, the organisation's name,
// address and contact details on the right, and the contact line under a rule (issue 13:
// "letterhead from settings (organisation name, address, logo, contact line, signatory)").
import type { LetterFacts } from '../../../shared/letters/types';
import type { PdfNode } from './pdf/types';
import type { PdfWriter } from './pdf/writer';

/** An image node (pdfmake reads data URLs itself; nothing is fetched). */
export type PdfImage = { image: string; fit: [number, number]; width?: number };
/** A column of a row: any node, with its width. */
export type LetterColumn = (PdfNode | PdfImage) & { width?: number | '*' | 'auto' };
export type LetterNode =
  | PdfNode
  | PdfImage
  | {
      columns: LetterColumn[];
      columnGap?: number;
      margin?: [number, number, number, number];
    };

/** Settings allow a PNG or JPEG logo of at most 300 KB (records.ts OrganisationDetails.logo). */
const LOGO_MAX_CHARS = Math.ceil((300 * 1024 * 4) / 3) + 64;
const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;
const SIGNATURES: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47],
  jpeg: [0xff, 0xd8, 0xff],
};

/**
 * The logo if it is a well-formed PNG or JPEG data URL whose bytes start as that format does;
 * otherwise null (the letter is still made, without a logo, rather than failing to send).
 */
export function logoImage(logo: string | undefined): string | null {
  if (logo === undefined || logo.length > LOGO_MAX_CHARS) return null;
  const match = LOGO_DATA_URL.exec(logo);
  if (match === null) return null;
  const kind = match[1] ?? '';
  const head = Buffer.from(logo.slice(logo.indexOf(',') + 1, logo.indexOf(',') + 13), 'base64');
  const expected = SIGNATURES[kind] ?? [];
  return expected.every((b, i) => head[i] === b) ? logo : null;
}

export function letterhead(
  w: PdfWriter,
  o: LetterFacts['organisation'],
  logo: string | null,
): LetterNode[] {
  const details: PdfNode[] = [
    w.text(o.name, { bold: true, fontSize: 13, alignment: 'right', margin: [0, 0, 0, 3] }),
    ...o.addressLines.map((l) => w.text(l, { alignment: 'right', fontSize: 9, lineHeight: 1.05 })),
    ...(o.phone === ''
      ? []
      : [
          {
            text: `Phone ${o.phone}`,
            alignment: 'right' as const,
            fontSize: 9.5,
            margin: [0, 3, 0, 0] as [number, number, number, number],
          },
        ]),
    ...(o.email === '' ? [] : [w.text(o.email, { alignment: 'right', fontSize: 9.5 })]),
  ];
  return [
    {
      columns: [
        logo === null ? { text: '', width: 150 } : { image: logo, fit: [150, 64], width: 150 },
        { stack: details, width: '*' },
      ],
      columnGap: 12,
    },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 6, x2: 471.28, y2: 6, lineWidth: 1, lineColor: '#1d4f91' },
      ],
      margin: [0, 0, 0, 4],
    },
    ...(o.contactLine === ''
      ? []
      : [w.text(o.contactLine, { fontSize: 9, color: '#333333', alignment: 'right' })]),
    { text: '', margin: [0, 0, 0, 14] },
  ];
}
