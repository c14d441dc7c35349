// Splits text into runs, each printed in a shipped font that has its characters, so a name in
// Arabic, Chinese or Bengali prints as real glyphs beside English text (pdfmake has no font
// fallback of its own: one inline, one font).
//
// Right-to-left scripts: pdfkit lays text out word by word and fontkit reverses each word's glyphs
// on its own, so "محمد الأحمد" would print its words left to right (the wrong order, with the
// space at the wrong end). A right-to-left run is therefore kept on one line (noWrap) and given
// fontFeatures, which makes pdfkit hand the whole run to fontkit in one piece
// (pdfkit EmbeddedFont.layout: `if (features) return this.layoutRun(text, features)`); fontkit
// then shapes the letters and reverses the run as a whole, words included (pdfmake issue #184:
// no bidi of its own). Mixed-direction text inside one run (digits in Arabic) is not reordered.
import { covers } from './cmap';
import type { LoadedFamily } from './fonts';
import type { PdfInline } from './types';

const MARK = /\p{M}/u;

/** Combining marks, zero-width (non-)joiners and variation selectors take the letter's font. */
function joinsPrevious(ch: string, cp: number): boolean {
  return cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || MARK.test(ch);
}
const SPACE = /[ \u00a0\u2009\u202f]/u;
/** Not a printable character: never reported as missing. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

type Segment = { family: LoadedFamily; text: string };

function familyFor(cp: number, families: readonly LoadedFamily[]): LoadedFamily | undefined {
  return families.find((f) => covers(f.coverage, cp));
}

/**
 * The runs of `text` by font. Characters no shipped font has are printed in the base font (an
 * empty box) and added to `missing`, so the document can say so (architecture §2: never drop or
 * alter a name; say when a glyph cannot be printed).
 */
export function textRuns(
  text: string,
  families: readonly LoadedFamily[],
  missing: Set<string>,
): PdfInline[] {
  const base = families[0];
  if (base === undefined) throw new Error('No fonts are loaded');
  const segments: Segment[] = [];
  let pendingSpaces = '';
  const push = (family: LoadedFamily, chars: string): void => {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.family === family) last.text += chars;
    else segments.push({ family, text: chars });
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = segments[segments.length - 1];
    if (SPACE.test(ch)) {
      pendingSpaces += ch;
      continue;
    }
    if (joinsPrevious(ch, cp) && last !== undefined && pendingSpaces === '') {
      if (!covers(last.family.coverage, cp) && !INVISIBLE.test(ch)) missing.add(ch);
      last.text += ch;
      continue;
    }
    let family = INVISIBLE.test(ch) ? base : familyFor(cp, families);
    if (family === undefined) {
      missing.add(ch);
      family = base;
    }
    // Spaces between two runs of the same script stay inside the run (a name is one run).
    if (pendingSpaces !== '') {
      push(last !== undefined && last.family === family ? family : base, pendingSpaces);
      pendingSpaces = '';
    }
    push(family, ch);
  }
  if (pendingSpaces !== '') push(base, pendingSpaces);
  return segments.map(({ family, text: t }) => {
    if (family === base) return { text: t };
    if (family.rtl) return { text: t, font: family.name, noWrap: true, fontFeatures: [] };
    return { text: t, font: family.name };
  });
}
