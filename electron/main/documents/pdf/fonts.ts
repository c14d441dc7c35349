// The fonts every Front Door PDF embeds, shipped with the app (architecture §2: never fetched at
// run time). They are read from disk once per process and handed to pdfmake from memory, so no
// document can make pdfmake read any other file (its local access policy refuses everything).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { readCoverage, type Coverage } from './cmap';

type FamilySpec = {
  /** pdfmake family name used in document definitions. */
  name: string;
  regular: string;
  /** Scripts with one weight print bold text in the regular weight rather than fake a bold. */
  bold: string;
  italic: string;
  boldItalic: string;
  /** Laid out right to left (fontkit reverses the shaped run; see text-runs.ts). */
  rtl: boolean;
};

const one = (name: string, file: string, rtl = false): FamilySpec => ({
  name,
  regular: file,
  bold: file,
  italic: file,
  boldItalic: file,
  rtl,
});

/**
 * In order of preference: each character prints in the first family that has a glyph for it.
 * Noto Sans first, so digits, spaces and punctuation between scripts look the same everywhere.
 */
const FAMILY_SPECS: readonly FamilySpec[] = [
  {
    name: 'NotoSans',
    regular: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italic: 'NotoSans-Italic.ttf',
    boldItalic: 'NotoSans-BoldItalic.ttf',
    rtl: false,
  },
  {
    name: 'NotoSansArabic',
    regular: 'NotoSansArabic-Regular.ttf',
    bold: 'NotoSansArabic-Bold.ttf',
    // Arabic script has no italic; slanting a name would misrepresent it.
    italic: 'NotoSansArabic-Regular.ttf',
    boldItalic: 'NotoSansArabic-Bold.ttf',
    rtl: true,
  },
  {
    name: 'NotoSansHebrew',
    regular: 'NotoSansHebrew-Regular.ttf',
    bold: 'NotoSansHebrew-Bold.ttf',
    italic: 'NotoSansHebrew-Regular.ttf',
    boldItalic: 'NotoSansHebrew-Bold.ttf',
    rtl: true,
  },
  one('NotoSansDevanagari', 'NotoSansDevanagari-Regular.ttf'),
  one('NotoSansBengali', 'NotoSansBengali-Regular.ttf'),
  one('NotoSansGurmukhi', 'NotoSansGurmukhi-Regular.ttf'),
  one('NotoSansEthiopic', 'NotoSansEthiopic-Regular.ttf'),
  one('DroidSansFallback', 'DroidSansFallbackFull.ttf'),
];

/** The family for ordinary text (and for the watermark, header and footer). */
export const BASE_FONT = 'NotoSans';

export const FONT_FILES: readonly string[] = [
  ...new Set(FAMILY_SPECS.flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic])),
];

export type LoadedFamily = { name: string; rtl: boolean; coverage: Coverage };

const MARKER = 'NotoSans-Regular.ttf';

/**
 * Where the fonts are: in the packaged app electron-builder copies resources/fonts to
 * `<resources>/fonts` (electron-builder.yml extraResources); from the source tree (tests, the
 * harness, `npm run dev`) it is `resources/fonts` at the repository root, found by walking up from
 * this module (electron/main/documents/pdf in source, out/main once bundled).
 */
export function defaultFontsDirectory(
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
  from: string = dirname(fileURLToPath(import.meta.url)),
): string {
  if (resourcesPath !== undefined) {
    const packaged = join(resourcesPath, 'fonts');
    if (existsSync(join(packaged, MARKER))) return packaged;
  }
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, MARKER))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `The PDF fonts were not found (looked for resources/fonts/${MARKER} above ${from}). Reinstall Front Door.`,
  );
}

let loaded: { dir: string; families: LoadedFamily[] } | null = null;

/**
 * Registers the fonts with pdfmake once per process and returns them in order of preference
 * with the characters each covers. Reading ~7 MB and their character maps takes tens of
 * milliseconds, which a document build must not repeat. A second call with another directory is
 * refused rather than silently mixing fonts.
 */
export function loadFonts(fontsDirectory: string = defaultFontsDirectory()): LoadedFamily[] {
  const dir = resolve(fontsDirectory);
  if (loaded !== null) {
    if (loaded.dir !== dir)
      throw new Error(`PDF fonts are already loaded from ${loaded.dir}; cannot switch to ${dir}.`);
    return loaded.families;
  }
  const bytes = new Map<string, Buffer>();
  for (const file of FONT_FILES) {
    const content = readFileSync(join(dir, file));
    bytes.set(file, content);
    pdfmake.virtualfs.writeFileSync(file, content);
  }
  pdfmake.setFonts(
    Object.fromEntries(
      FAMILY_SPECS.map((f) => [
        f.name,
        { normal: f.regular, bold: f.bold, italics: f.italic, bolditalics: f.boldItalic },
      ]),
    ),
  );
  // Documents never fetch anything: no URLs, and no files beyond the fonts above (in memory).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const families = FAMILY_SPECS.map((f) => {
    const content = bytes.get(f.regular);
    if (content === undefined) throw new Error(`Font file ${f.regular} was not read`);
    return { name: f.name, rtl: f.rtl, coverage: readCoverage(content) };
  });
  loaded = { dir, families };
  return families;
}
