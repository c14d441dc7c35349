// Part of a watched form for one section of it: the same object from render to render until one
// of its fields changes, so a memoised section skips every keystroke elsewhere in the form.
// react-hook-form's useWatch hands back a fresh copy of every value on each change, so fields
// are compared by content, not identity.
import { useRef } from 'react';

/** Plain form values (strings, numbers, booleans, null, arrays and plain objects) by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

export function usePick<T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Pick<T, K> {
  const kept = useRef<Pick<T, K> | null>(null);
  const before = kept.current;
  if (before !== null && keys.every((k) => sameValue(before[k], value[k]))) return before;
  const picked = {} as Pick<T, K>;
  for (const k of keys) picked[k] = value[k];
  kept.current = picked;
  return picked;
}

/** The same object while its content is unchanged (for props such as a map of field errors). */
export function useSameContent<T>(value: T): T {
  const kept = useRef(value);
  if (!sameValue(kept.current, value)) kept.current = value;
  return kept.current;
}
