// Which SQL statements ran while `fn` ran, and how long each took, seen at execution (the store
// keeps prepared statements, so watching `prepare` would miss every statement after its first
// use).
import type BetterSqlite3 from 'better-sqlite3';

type Runner = 'all' | 'get' | 'run' | 'iterate';
const RUNNERS: readonly Runner[] = ['all', 'get', 'run', 'iterate'];

export async function statementsRun<T>(
  raw: BetterSqlite3.Database,
  fn: () => Promise<T>,
): Promise<{
  result: T;
  statements: string[];
  timings: { source: string; ms: number }[];
  /** Each statement with the values it was run with (to EXPLAIN it as it ran). */
  calls: { source: string; args: unknown[] }[];
}> {
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as Record<
    Runner,
    (this: BetterSqlite3.Statement, ...args: unknown[]) => unknown
  >;
  const statements: string[] = [];
  const timings: { source: string; ms: number }[] = [];
  const calls: { source: string; args: unknown[] }[] = [];
  const originals = RUNNERS.map((name) => [name, proto[name]] as const);
  for (const [name, original] of originals) {
    proto[name] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      statements.push(this.source);
      calls.push({ source: this.source, args });
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        timings.push({ source: this.source, ms: performance.now() - t0 });
      }
    };
  }
  try {
    return { result: await fn(), statements, timings, calls };
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
}
