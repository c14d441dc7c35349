// Warn before leaving the templates screen with unsaved changes. The app uses a HashRouter, where
// react-router's useBlocker is not available (it needs a data router), so the links and the
// Alt+N shortcut that leave the page are caught before the router sees them, and the reader is
// asked first; a "Leave" carries on to where they were going.
//
// Closing the window is not caught here: in Electron a renderer's beforeunload cancels the close
// silently unless the main process asks the user ('will-prevent-unload'), which would leave a
// window that will not close.

import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';

/** Where a link inside the app goes ("/strategy"), or null for any other link. */
export function inAppTarget(href: string | null): string | null {
  if (href === null || !href.startsWith('#/')) return null;
  return href.slice(1);
}

export function useLeaveGuard(dirty: boolean, ask: (leave: () => void) => void): void {
  const navigate = useNavigate();
  // The latest ask, without re-adding the listeners on every render.
  const askRef = useRef(ask);
  askRef.current = ask;

  useEffect(() => {
    if (!dirty) return;
    const onClick = (e: MouseEvent): void => {
      if (e.defaultPrevented || e.button !== 0) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      const to = inAppTarget(link?.getAttribute('href') ?? null);
      if (to === null || `#${to}` === window.location.hash) return;
      e.preventDefault();
      e.stopPropagation();
      askRef.current(() => {
        void navigate(to);
      });
    };
    // Alt+N (a new referral from anywhere, AppShell) leaves the page too.
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        e.stopPropagation();
        askRef.current(() => {
          void navigate('/referrals/new');
        });
      }
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [dirty, navigate]);
}
