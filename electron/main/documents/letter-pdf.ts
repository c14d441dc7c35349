// A referrer letter as an A4 PDF (issue 13): letterhead from the settings (logo, organisation,
// address, contact line), the date and the recipient's address block, "Our reference", the
// subject, the paragraphs as finally worded, "Yours sincerely" and the signatory. Domain §6: the
// protective marking top and bottom of every page and "Page N of M"; the case reference — never a
// child's or the referrer's name — in the PDF metadata. Built on the same fonts and script runs as
// every Front Door document (pdf/fonts.ts, pdf/text-runs.ts), so accented and non-Latin names
// print exactly.
import pdfmake from 'pdfmake';
import { LETTER_KIND_LABELS, type LetterContent } from '../../../shared/letters/types';
import { DEFAULT_MARKING, createWriter, type PdfOptions } from './pdf/render';
import { BASE_FONT, loadFonts } from './pdf/fonts';
import type { PdfInline, PdfNode } from './pdf/types';
import { strong, type PdfWriter } from './pdf/writer';
import { letterhead, logoImage, type LetterNode } from './letter-layout';

export type LetterPdfOptions = PdfOptions & {
  /** Letterhead logo: a PNG or JPEG data URL (settings). Anything else is left off. */
  logo?: string | undefined;
};

const SIDE = 62;
const PAGE_WIDTH = 595.28;
const MUTED = '#555555';

/** Metadata: what the document is and its reference only (domain §6: never a name). */
export function letterMetadata(content: LetterContent): {
  title: string;
  subject: string;
  keywords: string;
} {
  return {
    title: `Letter ${content.facts.reference}`,
    subject: LETTER_KIND_LABELS[content.kind],
    keywords: [content.facts.reference, 'referrer letter', content.kind, content.variant].join(
      ', ',
    ),
  };
}

/** "the duty team" reads as a sentence; in the reference block it starts a line. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function missingNotice(w: PdfWriter): PdfNode[] {
  if (w.missing.size === 0) return [];
  return [
    {
      ...strong(
        'Some characters in this letter cannot be printed with the fonts Front Door ships, so ' +
          'they show as empty boxes. Check names against the record before sending it.',
      ),
      fontSize: 10,
      margin: [0, 0, 0, 10],
    },
  ];
}

function body(w: PdfWriter, content: LetterContent): LetterNode[] {
  const f = content.facts;
  const o = f.organisation;
  const recipient: PdfNode[] = [
    w.text(f.recipient.name === '' ? 'The referrer' : f.recipient.name),
    ...(f.recipient.roleAndOrganisation === '' ? [] : [w.text(f.recipient.roleAndOrganisation)]),
    ...f.recipient.addressLines.map((l) => w.text(l)),
  ];
  const refBlock: PdfNode = {
    table: {
      widths: ['auto', '*'],
      body: [
        [strong('Date'), w.text(f.letterDate)],
        [strong('Our reference'), w.text(f.reference)],
        [strong('Contact'), w.text(sentenceCase(f.contactName))],
        ...(o.phone === '' ? [] : [[strong('Phone'), w.text(o.phone)]]),
      ],
    },
    layout: 'noBorders',
  };
  const childLines = f.children.map((c) =>
    w.text(c.dateOfBirth === null ? c.name : `${c.name} (born ${c.dateOfBirth})`),
  );
  const paragraph = (p: string): PdfInline =>
    w.text(p, { margin: [0, 0, 0, 8], lineHeight: 1.2, alignment: 'left' });
  // The sign-off never stands alone on a page: the last paragraph goes over with it.
  const last = content.paragraphs.at(-1);
  const signature: PdfNode = {
    stack: [
      ...(last === undefined ? [] : [paragraph(last)]),
      { text: 'Yours sincerely', margin: [0, 4, 0, 26] },
      w.text(o.signatory, { bold: true }),
      ...(o.signatoryRole === '' ? [] : [w.text(o.signatoryRole)]),
      ...(o.signatory === o.name ? [] : [w.text(o.name)]),
    ],
    unbreakable: true,
  };
  return [
    {
      columns: [
        { stack: recipient, width: '*' },
        { stack: [refBlock], width: 190 },
      ],
      columnGap: 16,
      margin: [0, 0, 0, 16],
    },
    w.text(`${f.recipient.salutation},`, { margin: [0, 0, 0, 10] }),
    w.text(content.subject, { bold: true, fontSize: 11.5, margin: [0, 0, 0, 4] }),
    ...(childLines.length === 0
      ? []
      : [
          {
            stack: [
              {
                text: childLines.length === 1 ? 'About this child:' : 'About these children:',
                color: MUTED,
              },
              ...childLines,
            ],
            margin: [0, 0, 0, 12],
          } satisfies PdfNode,
        ]),
    ...content.paragraphs.slice(0, -1).map(paragraph),
    signature,
  ];
}

/** The letter's bytes. */
export async function buildLetterPdf(
  content: LetterContent,
  opts: LetterPdfOptions = {},
): Promise<Uint8Array> {
  loadFonts(opts.fontsDirectory);
  const w = createWriter(opts);
  const marking = content.marking.trim() === '' ? DEFAULT_MARKING : content.marking.trim();
  const reference = content.facts.reference;
  const markingLine = (top: boolean): PdfInline => ({
    text: marking,
    alignment: 'center',
    bold: true,
    fontSize: 10,
    margin: top ? [SIDE, 18, SIDE, 0] : [SIDE, 4, SIDE, 0],
  });
  const logo = logoImage(opts.logo);
  const head = letterhead(w, content.facts.organisation, logo);
  const definition = {
    pageSize: 'A4',
    pageMargins: [SIDE, 44, SIDE, 58],
    language: 'en-GB',
    info: {
      ...letterMetadata(content),
      author: content.facts.organisation.name,
      creator: 'Front Door',
      producer: 'Front Door (pdfmake)',
    },
    defaultStyle: { font: BASE_FONT, fontSize: 10, lineHeight: 1.15 },
    header: (): PdfNode => markingLine(true),
    footer: (currentPage: number, pageCount: number): PdfNode => ({
      stack: [
        {
          canvas: [
            {
              type: 'line',
              x1: SIDE,
              y1: 0,
              x2: PAGE_WIDTH - SIDE,
              y2: 0,
              lineWidth: 0.5,
              lineColor: '#9e9e9e',
            },
          ],
        },
        {
          columns: [
            { text: `Our reference ${reference}`, fontSize: 8.5, color: MUTED },
            {
              text: `Page ${currentPage} of ${pageCount}`,
              alignment: 'right',
              fontSize: 8.5,
              color: MUTED,
            },
          ],
          margin: [SIDE, 4, SIDE, 0],
        },
        markingLine(false),
      ],
    }),
    content: [...head, ...body(w, content)],
  };
  // The missing-glyph notice must follow the body's writing (it is what finds them).
  definition.content.splice(head.length, 0, ...missingNotice(w));
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
