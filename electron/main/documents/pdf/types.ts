// The pdfmake document-definition nodes Front Door's documents are built from: a typed subset
// of https://pdfmake.github.io/docs/0.3/document-definition-object/ so a mistake is a type error.

export type PdfStyle = {
  style?: string | string[];
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: [number, number, number, number];
  /** Keep a run on one line: a right-to-left run is laid out whole (see scripts.ts). */
  noWrap?: boolean;
  /** Set for right-to-left runs so pdfkit shapes and orders the run as one (see scripts.ts). */
  fontFeatures?: string[];
  fillColor?: string;
  colSpan?: number;
  lineHeight?: number;
  unbreakable?: boolean;
  headlineLevel?: number;
  pageBreak?: 'before' | 'after';
  id?: string;
};

export type PdfInline = PdfStyle & { text: string | PdfInline[] };

export type PdfTableLayout = {
  hLineWidth?: (i: number, node: { table: { body: unknown[] } }) => number;
  vLineWidth?: (i: number, node: { table: { widths?: unknown[] } }) => number;
  hLineColor?: (i: number) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
  fillColor?: (rowIndex: number) => string | null;
};

export type PdfCell = PdfNode | (PdfStyle & { text: ''; colSpan?: number });

export type PdfNode =
  | string
  | PdfInline
  | (PdfStyle & { stack: PdfNode[] })
  | (PdfStyle & { columns: PdfNode[]; columnGap?: number; width?: number | string })
  | (PdfStyle & { ul: PdfNode[] })
  | (PdfStyle & {
      table: {
        /** Rows repeated at the top of every page the table runs onto. */
        headerRows?: number;
        /** Keep the header row with at least the first body row. */
        keepWithHeaderRows?: number;
        dontBreakRows?: boolean;
        widths: (number | '*' | 'auto' | `${number}%`)[];
        body: PdfCell[][];
      };
      layout?: PdfTableLayout | 'noBorders' | 'lightHorizontalLines' | 'headerLineOnly';
    })
  | (PdfStyle & {
      canvas: {
        type: 'line' | 'rect';
        x?: number;
        y?: number;
        w?: number;
        h?: number;
        x1?: number;
        y1?: number;
        x2?: number;
        y2?: number;
        lineWidth?: number;
        lineColor?: string;
        color?: string;
      }[];
    });
