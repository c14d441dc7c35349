// The page frame every Front Door document shares, and the one place a PDF is produced.
// Domain §6: the protective marking at the top and bottom of every page; names never in the
// metadata. Issue 12: "Page N of M", the organisation, a DRAFT watermark until final.
import pdfmake from 'pdfmake';
import { BASE_FONT, loadFonts } from './fonts';
import { PdfWriter, STYLES, strong, ukDateTime } from './writer';
import type { PdfInline, PdfNode } from './types';

/** Domain §6: documents about individual children are OFFICIAL-SENSITIVE unless set otherwise. */
export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

export type PdfOptions = {
  /** The protective marking (organisation setting); OFFICIAL-SENSITIVE when not given. */
  marking?: string;
  /** When the document was produced, printed in the footer; now when not given. */
  generatedAt?: Date;
  /** Where the fonts are; found beside the app when not given (fonts.ts). */
  fontsDirectory?: string;
};

export type DocumentFrame = {
  /**
   * Metadata title and the running title on every page: what the document is and its case
   * reference or record id, e.g. "Strategy discussion minutes FD-2026-000123". Never a name.
   */
  title: string;
  /** Metadata subject, e.g. "Strategy discussion". Never a name. */
  subject: string;
  /** Metadata keywords: references, kinds, version. Never a name. */
  keywords: readonly string[];
  organisation: string;
  /** Print the DRAFT watermark on every page. */
  draft: boolean;
};

const SIDE = 48;
const MUTED = '#444444';

/** A writer for a document's body, with the fonts loaded (once per process). */
export function createWriter(options: PdfOptions = {}): PdfWriter {
  return new PdfWriter(loadFonts(options.fontsDirectory));
}

function missingNotice(writer: PdfWriter): PdfNode[] {
  if (writer.missing.size === 0) return [];
  return [
    {
      table: {
        widths: ['*'],
        body: [
          [
            strong(
              'Some characters in this document cannot be printed with the fonts Front Door ' +
                'ships, so they show as empty boxes. Check names against the record in Front ' +
                'Door before relying on this copy.',
            ),
          ],
        ],
      },
      style: 'notice',
    },
  ];
}

/**
 * Lays out `content` on A4 pages inside the shared frame and returns the PDF's bytes. The body
 * must have been written with `writer` (so characters it could not print are flagged at the top).
 */
export async function renderPdf(
  frame: DocumentFrame,
  writer: PdfWriter,
  content: readonly PdfNode[],
  options: PdfOptions = {},
): Promise<Uint8Array> {
  loadFonts(options.fontsDirectory);
  const marking = (options.marking ?? '').trim() === '' ? DEFAULT_MARKING : (options.marking ?? '');
  const printed = ukDateTime((options.generatedAt ?? new Date()).toISOString());
  const organisation = writer.text(frame.organisation);
  const markingLine = (top: boolean): PdfInline => ({
    text: marking,
    alignment: 'center',
    bold: true,
    fontSize: 10,
    margin: top ? [SIDE, 16, SIDE, 4] : [SIDE, 4, SIDE, 0],
  });
  const definition = {
    pageSize: 'A4',
    pageMargins: [SIDE, 70, SIDE, 62],
    language: 'en-GB',
    info: {
      title: frame.title,
      subject: frame.subject,
      author: frame.organisation,
      keywords: frame.keywords.join(', '),
      creator: 'Front Door',
      producer: 'Front Door (pdfmake)',
    },
    defaultStyle: { font: BASE_FONT, fontSize: 9.5, lineHeight: 1.15 },
    styles: STYLES,
    header: (): PdfNode => ({
      stack: [
        markingLine(true),
        {
          columns: [
            { ...organisation, fontSize: 8, color: MUTED },
            { text: frame.title, alignment: 'right', fontSize: 8, color: MUTED },
          ],
          margin: [SIDE, 0, SIDE, 0],
        },
        {
          canvas: [{ type: 'line', x1: SIDE, y1: 3, x2: 595.28 - SIDE, y2: 3, lineWidth: 0.5 }],
        },
      ],
    }),
    footer: (currentPage: number, pageCount: number): PdfNode => ({
      stack: [
        {
          canvas: [{ type: 'line', x1: SIDE, y1: 0, x2: 595.28 - SIDE, y2: 0, lineWidth: 0.5 }],
        },
        {
          columns: [
            { text: `Printed ${printed}`, fontSize: 8, color: MUTED },
            {
              text: `Page ${currentPage} of ${pageCount}`,
              alignment: 'right',
              fontSize: 8,
              color: MUTED,
            },
          ],
          margin: [SIDE, 4, SIDE, 0],
        },
        markingLine(false),
      ],
    }),
    ...(frame.draft
      ? {
          watermark: {
            text: 'DRAFT',
            font: BASE_FONT,
            bold: true,
            color: '#9e9e9e',
            opacity: 0.18,
            fontSize: 120,
          },
        }
      : {}),
    // A heading left alone at the foot of a page moves to the next page with its section (the
    // table after it may already have started on this page with no rows, so also look at where
    // the heading sits: in the last 12% of the page it goes over).
    pageBreakBefore: (
      node: { headlineLevel?: number; startPosition?: { verticalRatio?: number } },
      nodes: { getFollowingNodesOnPage: () => unknown[] },
    ): boolean =>
      node.headlineLevel !== undefined &&
      ((node.startPosition?.verticalRatio ?? 0) > 0.88 ||
        nodes.getFollowingNodesOnPage().length === 0),
    content: [...missingNotice(writer), ...content],
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
