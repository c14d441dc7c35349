// A value that follows its input once the input has been still for `ms`: searches beside a form
// (existing records, known adults) run when the worker pauses, not on every keystroke.

import { useEffect, useState } from 'react';

export function useDebounced<T>(value: T, ms: number): T {
  // Keyed on the JSON of value, so a new but equal object does not restart the timer.
  const key = JSON.stringify(value);
  const [v, setV] = useState(key);
  useEffect(() => {
    const t = window.setTimeout(() => {
      setV(key);
    }, ms);
    return () => {
      window.clearTimeout(t);
    };
  }, [key, ms]);
  return JSON.parse(v) as T;
}
