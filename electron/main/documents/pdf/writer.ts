// Building blocks every Front Door document is made of, in one house style: headings, a details
// table, data tables whose header row repeats on every page, and text that prints in the right
// font for its script. Empty answers print "None recorded", never a blank (issue 12).
import { formatUkDate } from '../../../../shared/validation/formats';
import { londonDate, londonTime } from '../../../../shared/calendar/clocks';
import type { IsoDate, IsoInstant } from '../../../../shared/domain/types';
import type { LoadedFamily } from './fonts';
import { textRuns } from './text-runs';
import type { PdfCell, PdfInline, PdfNode, PdfStyle, PdfTableLayout } from './types';

export const NONE_RECORDED = 'None recorded';

const RULE = '#9e9e9e';
const HEADER_FILL = '#e8eaed';
const LABEL_FILL = '#f5f5f5';

/** Thin grey rules, a little padding: reads as a form when printed in black and white. */
export const GRID: PdfTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export type Column = { header: string; width: number | '*' | 'auto' | `${number}%` };

/** `DD/MM/YYYY` (en-GB). */
export function ukDate(value: IsoDate | null | undefined): string {
  return value === null || value === undefined || value === ''
    ? NONE_RECORDED
    : formatUkDate(value);
}

/** `DD/MM/YYYY HH:mm` in Europe/London. */
export function ukDateTime(instant: IsoInstant): string {
  return `${formatUkDate(londonDate(instant))} ${londonTime(instant).slice(0, 5)}`;
}

/** `HH:mm` in Europe/London. */
export function ukTime(instant: IsoInstant): string {
  return londonTime(instant).slice(0, 5);
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** Bold words (labels, warnings): fixed wording, not entered text. */
export function strong(text: string): PdfInline {
  return { text, bold: true };
}

function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

/** Writes the nodes of one document; remembers characters no shipped font can print. */
export class PdfWriter {
  readonly missing = new Set<string>();

  constructor(private readonly families: readonly LoadedFamily[]) {}

  /** Text exactly as entered, in the fonts its scripts need; "None recorded" when empty. */
  text(value: string | null | undefined, style: PdfStyle = {}): PdfInline {
    if (isBlank(value) || value === NONE_RECORDED)
      return { ...style, text: NONE_RECORDED, italics: true, color: '#555555' };
    return { ...style, text: textRuns(value, this.families, this.missing) };
  }

  /** A section heading; kept with what follows it. */
  heading(title: string): PdfNode {
    return this.text(title, { style: 'h2', headlineLevel: 2 });
  }

  /** A sub-heading, often a name (a child, an agency), so it goes through the script runs. */
  subheading(title: string): PdfNode {
    return this.text(title, { style: 'h3', headlineLevel: 3 });
  }

  /** A labelled paragraph: "Risks" then the text as recorded (line breaks kept). */
  paragraph(label: string | null, value: string | null | undefined): PdfNode {
    const body = this.text(value, { margin: [0, 0, 0, 6] });
    return label === null ? body : { stack: [{ text: label, style: 'label' }, body] };
  }

  /** A two-column details table: label on the left, value on the right. */
  details(rows: readonly (readonly [string, string | PdfNode | null | undefined])[]): PdfNode {
    return {
      table: {
        widths: [150, '*'],
        dontBreakRows: true,
        body: rows.map(([label, value]) => [
          { text: label, bold: true, fillColor: LABEL_FILL },
          typeof value === 'string' || value === null || value === undefined
            ? this.text(value)
            : value,
        ]),
      },
      layout: GRID,
      margin: [0, 0, 0, 8],
    };
  }

  /**
   * A data table whose header row repeats on every page it runs onto (pdfmake headerRows) and
   * whose rows never split across pages. No rows prints "None recorded".
   */
  table(columns: readonly Column[], rows: readonly (readonly PdfCell[])[]): PdfNode {
    if (rows.length === 0) return this.text(null, { margin: [0, 0, 0, 8] });
    return {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: columns.map((c) => c.width),
        body: [
          columns.map((c) => ({ text: c.header, bold: true, fillColor: HEADER_FILL })),
          // Plain strings go through the script runs too: a cell may hold a name.
          ...rows.map((r) => r.map((c) => (typeof c === 'string' ? this.text(c) : c))),
        ],
      },
      layout: GRID,
      margin: [0, 0, 0, 8],
    };
  }

  /** A bulleted list, or "None recorded". */
  list(items: readonly (string | PdfNode)[]): PdfNode {
    if (items.length === 0) return this.text(null, { margin: [0, 0, 0, 6] });
    return {
      ul: items.map((i) => (typeof i === 'string' ? this.text(i) : i)),
      margin: [0, 0, 0, 6],
    };
  }
}

export const STYLES: Record<string, PdfStyle> = {
  title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
  subtitle: { fontSize: 11, color: '#333333', margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 4] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 3] },
  label: { bold: true, margin: [0, 2, 0, 1] },
  notice: { fontSize: 10, margin: [0, 0, 0, 10] },
};
