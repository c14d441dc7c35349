// After every navigation (and so after every save that moves to a new screen), focus lands on the
// new screen's main heading: a screen-reader user hears where they are, and a keyboard user
// continues from the top of the page rather than from a button that no longer exists. The heading
// appears once the screen's data has loaded, so it is looked for for a short while. Focus is not
// taken from someone who has already moved it into the new screen or into the header's search.

import { useEffect } from 'react';
import { useLocation } from 'react-router';

const LOOK_FOR_MS = 4_000;

export function useFocusHeading(mainId = 'main'): void {
  const location = useLocation();
  const where = `${location.pathname}${location.search}`;
  useEffect(() => {
    const started = Date.now();
    const before = document.activeElement;
    let frame = 0;
    const tryFocus = (): void => {
      const main = document.getElementById(mainId);
      const h1 = main?.querySelector('h1');
      const active = document.activeElement;
      // The user already moved into the new screen: leave them there.
      // The header counts too: someone who pressed Ctrl+K as the screen opened is typing a search.
      const userMoved =
        active !== null &&
        active !== before &&
        active !== document.body &&
        (main?.contains(active) === true || active.closest('header') !== null);
      if (userMoved) return;
      if (h1 instanceof HTMLElement && h1.isConnected) {
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        // A heading is not something to act on: no focus ring drawn round it (the screen reader
        // still announces it, and Tab goes on from here).
        h1.style.outline = 'none';
        h1.focus({ preventScroll: false });
        return;
      }
      if (Date.now() - started < LOOK_FOR_MS) frame = window.requestAnimationFrame(tryFocus);
    };
    frame = window.requestAnimationFrame(tryFocus);
    return () => {
      window.cancelAnimationFrame(frame);
    };
  }, [where, mainId]);
}
