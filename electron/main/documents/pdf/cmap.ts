// Which characters a TrueType font has glyphs for, read from its `cmap` table
// (OpenType spec, https://learn.microsoft.com/typography/opentype/spec/cmap: formats 4 and 12).
// Used to pick, character by character, a shipped font that can print it, and to say so on the
// document when none can (architecture §2: never drop or alter a name).

/** Sorted, non-overlapping inclusive code-point ranges. */
export type Coverage = { starts: Uint32Array; ends: Uint32Array };

function tableOffset(font: Buffer, tag: string): number {
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`The font has no ${tag} table`);
}

function format12(font: Buffer, at: number): [number, number][] {
  const groups = font.readUInt32BE(at + 12);
  const ranges: [number, number][] = [];
  for (let g = 0; g < groups; g++) {
    const p = at + 16 + 12 * g;
    const start = font.readUInt32BE(p);
    const end = font.readUInt32BE(p + 4);
    const glyph = font.readUInt32BE(p + 8);
    // A group mapping its first code point to glyph 0 (.notdef) starts one later.
    ranges.push([glyph === 0 ? start + 1 : start, end]);
  }
  return ranges.filter(([s, e]) => s <= e);
}

function format4(font: Buffer, at: number): [number, number][] {
  const segCount = font.readUInt16BE(at + 6) / 2;
  const endCodes = at + 14;
  const startCodes = endCodes + 2 * segCount + 2;
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  const ranges: [number, number][] = [];
  const add = (cp: number): void => {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  };
  for (let s = 0; s < segCount; s++) {
    const end = font.readUInt16BE(endCodes + 2 * s);
    const start = font.readUInt16BE(startCodes + 2 * s);
    const delta = font.readInt16BE(idDeltas + 2 * s);
    const rangeOffsetAt = idRangeOffsets + 2 * s;
    const rangeOffset = font.readUInt16BE(rangeOffsetAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (cp - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) add(cp);
    }
  }
  return ranges;
}

/** Reads the font's Unicode cmap (full-repertoire format 12 preferred, else BMP format 4). */
export function readCoverage(font: Buffer): Coverage {
  const cmap = tableOffset(font, 'cmap');
  const count = font.readUInt16BE(cmap + 2);
  let best: { at: number; format: number } | null = null;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const at = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (best === null || (format === 12 && best.format !== 12)) best = { at, format };
  }
  if (best === null) throw new Error('The font has no Unicode cmap (format 4 or 12)');
  const ranges = (best.format === 12 ? format12(font, best.at) : format4(font, best.at)).sort(
    (a, b) => a[0] - b[0],
  );
  return {
    starts: Uint32Array.from(ranges.map((r) => r[0])),
    ends: Uint32Array.from(ranges.map((r) => r[1])),
  };
}

export function covers(coverage: Coverage, codePoint: number): boolean {
  let lo = 0;
  let hi = coverage.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = coverage.starts[mid] ?? 0;
    if (codePoint < start) hi = mid - 1;
    else if (codePoint > (coverage.ends[mid] ?? 0)) lo = mid + 1;
    else return true;
  }
  return false;
}
