// Reads a PDF back with pdf.js (an independent reader, architecture §2), never with our own code.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfPageText = {
  /** The page's text in content order: items joined as pdf.js gives them, lines by newlines. */
  text: string;
  /** Each text item as pdf.js reads it (a right-to-left run comes back in logical order). */
  items: { str: string; dir: string }[];
  /** Names of the fonts the page's text is drawn in, e.g. "ABCDEF+NotoSansArabic-Regular". */
  fonts: string[];
};

export type ReadPdf = {
  pages: PdfPageText[];
  info: Record<string, unknown>;
  /** XMP metadata, if the file has any. */
  xmp: string | null;
};

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, dir: item.dir, eol: item.hasEOL }] : [],
      );
      const ops = await page.getOperatorList();
      const fontIds = new Set<string>();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (ops.argsArray[i] as unknown[])[0];
        if (typeof id === 'string') fontIds.add(id);
      });
      const fonts = [...fontIds].map((id) => {
        const font = page.commonObjs.get(id) as { name?: string };
        return font.name ?? id;
      });
      pages.push({
        items: items.map(({ str, dir }) => ({ str, dir })),
        text: items.map((i) => i.str + (i.eol ? '\n' : '')).join(''),
        fonts,
      });
    }
    const meta = await doc.getMetadata();
    return {
      pages,
      info: meta.info as Record<string, unknown>,
      // pdf.js gives null when the file has no XMP stream, whatever its types say.
      xmp:
        (meta.metadata as typeof meta.metadata | null) === null
          ? null
          : JSON.stringify([...meta.metadata]),
    };
  } finally {
    await doc.destroy();
  }
}
