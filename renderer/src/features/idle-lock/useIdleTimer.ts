// Calls `onIdle` once after `minutes` with no keyboard, mouse or pointer activity in the window
// (issue 14, idle lock). Activity only notes the time; one timer checks it when due, so moving the
// mouse costs no timer work.
import { useEffect, useRef } from 'react';

/** What counts as someone using Front Door. */
export const ACTIVITY_EVENTS = [
  'keydown',
  'mousedown',
  'mousemove',
  'pointerdown',
  'pointermove',
  'wheel',
  'touchstart',
] as const;

export function useIdleTimer(minutes: number, active: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (!active) return undefined;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const due = (): void => {
      const idle = Date.now() - last;
      if (idle >= limit) {
        timer = undefined;
        latest.current();
      } else {
        timer = setTimeout(due, limit - idle);
      }
    };
    const touch = (): void => {
      last = Date.now();
    };
    // Capture: a control that stops the event (a grid, a dialog) still counts as activity.
    for (const e of ACTIVITY_EVENTS)
      window.addEventListener(e, touch, { capture: true, passive: true });
    timer = setTimeout(due, limit);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch, { capture: true });
    };
  }, [minutes, active]);
}
