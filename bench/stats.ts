// Timing and the results table. Each measured call is paired with its raw floor (the simplest
// hand-written better-sqlite3 statements doing the same index lookups), run in turn with it in
// the same loop, so both see the same cache and the same load on the machine.

export type Summary = { n: number; p50: number; p95: number; max: number };

export type Figure = {
  group: string;
  name: string;
  app: Summary;
  floor: Summary | null;
  /**
   * app p50 / floor p50: the typical cost over the floor. p95 on this shared machine is mostly
   * scheduling (another process on the core), which a sub-millisecond floor rarely meets.
   */
  ratio: number | null;
  ratioP95: number | null;
  /** The target in words ("p95 < 30 ms and ≤ 3× floor"), or null when none is set. */
  target: string | null;
  met: boolean | null;
  note: string;
};

export function summarise(times: readonly number[]): Summary {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0 };
}

/**
 * Runs `app` and `floor` for each sample in turn, after `warmup` unmeasured rounds (statement
 * caches filled, pages read), and returns both sets of times in milliseconds.
 */
export async function paired(
  samples: number,
  warmup: number,
  app: (i: number) => Promise<unknown>,
  floor: ((i: number) => unknown) | null,
): Promise<{ app: number[]; floor: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await app(samples + i);
    floor?.(samples + i);
  }
  const a: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await app(i);
    a.push(performance.now() - t0);
    if (floor !== null) {
      const t1 = performance.now();
      floor(i);
      f.push(performance.now() - t1);
    }
  }
  return { app: a, floor: f };
}

export type Target = { p95Below?: number; ratioBelow?: number; either?: boolean };

/** A figure with its target checked: both limits must hold, or either with `either`. */
export function figure(
  group: string,
  name: string,
  times: { app: number[]; floor: number[] },
  target: Target | null,
  note = '',
): Figure {
  const app = summarise(times.app);
  const floor = times.floor.length > 0 ? summarise(times.floor) : null;
  const ratio = floor !== null && floor.p50 > 0 ? app.p50 / floor.p50 : null;
  const ratioP95 = floor !== null && floor.p95 > 0 ? app.p95 / floor.p95 : null;
  let met: boolean | null = null;
  let words: string | null = null;
  if (target !== null) {
    const checks: boolean[] = [];
    const parts: string[] = [];
    if (target.p95Below !== undefined) {
      checks.push(app.p95 < target.p95Below);
      parts.push(`p95 < ${String(target.p95Below)} ms`);
    }
    if (target.ratioBelow !== undefined) {
      checks.push(ratio !== null && ratio <= target.ratioBelow);
      parts.push(`≤ ${String(target.ratioBelow)}× floor (p50)`);
    }
    met = target.either === true ? checks.some(Boolean) : checks.every(Boolean);
    words = parts.join(target.either === true ? ' or ' : ' and ');
  }
  return { group, name, app, floor, ratio, ratioP95, target: words, met, note };
}

/** A single measured value (a load, an open, a size) shown in the table without percentiles. */
export function single(
  group: string,
  name: string,
  ms: number[],
  target: { below: number } | null,
  note = '',
): Figure {
  const app = summarise(ms);
  const met = target === null ? null : app.max < target.below;
  return {
    group,
    name,
    app,
    floor: null,
    ratio: null,
    ratioP95: null,
    target: target === null ? null : `< ${String(target.below)} ms`,
    met,
    note,
  };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

export function table(figures: readonly Figure[]): string {
  const head = [
    'What',
    'n',
    'p50',
    'p95',
    'max',
    'floor p50',
    'floor p95',
    '×p50',
    '×p95',
    'target',
    '',
  ];
  const rows = figures.map((f) => [
    `${f.group}: ${f.name}`,
    String(f.app.n),
    ms(f.app.p50),
    ms(f.app.p95),
    ms(f.app.max),
    f.floor === null ? '' : ms(f.floor.p50),
    f.floor === null ? '' : ms(f.floor.p95),
    f.ratio === null ? '' : `${f.ratio.toFixed(1)}×`,
    f.ratioP95 === null ? '' : `${f.ratioP95.toFixed(1)}×`,
    f.target ?? '',
    f.met === null ? f.note : f.met ? `ok ${f.note}` : `MISSED ${f.note}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [head, ...rows]
    .map((r) => r.map((c, i) => pad(c, i === r.length - 1 ? 0 : (widths[i] ?? 0))).join('  '))
    .join('\n');
}
