// The idle lock (issue 14; reliability "Idle lock after a configurable time → the screen hides
// case data until the user returns"). After the set time without use, a lock screen covers the
// whole window. Nothing underneath is unmounted — a half-typed form is there, exactly as it was,
// after "Continue" — but everything else in the page (the app and any open dialog or menu) is made
// `inert` and aria-hidden, so it can be neither seen, reached with Tab, clicked, nor read by a
// screen reader. The lock and the return are recorded in the audit log.
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { IDLE_LOCK_DEFAULT_MINUTES } from '../../../../shared/domain/idle-lock';
import { call } from '../../api/client';
import { useIdleLockSetting } from './idle-lock-queries';
import { useIdleTimer } from './useIdleTimer';

/** Above every MUI layer (modal 1300, snackbar 1400, tooltip 1500) and the skip link (2000). */
const LOCK_Z_INDEX = 5000;

type Hidden = { el: Element; inert: boolean; ariaHidden: string | null };

/** Makes every other child of <body> inert and hidden from assistive technology; returns undo. */
function hideEverythingBut(keep: Element): () => void {
  const hidden: Hidden[] = [];
  for (const el of Array.from(document.body.children)) {
    if (el === keep || el.tagName === 'SCRIPT') continue;
    hidden.push({
      el,
      inert: el.hasAttribute('inert'),
      ariaHidden: el.getAttribute('aria-hidden'),
    });
    el.setAttribute('inert', '');
    el.setAttribute('aria-hidden', 'true');
  }
  return () => {
    for (const h of hidden) {
      if (!h.inert) h.el.removeAttribute('inert');
      if (h.ariaHidden === null) h.el.removeAttribute('aria-hidden');
      else h.el.setAttribute('aria-hidden', h.ariaHidden);
    }
  };
}

export function IdleLock(props: { displayName: string; children: ReactNode }): ReactElement {
  const setting = useIdleLockSetting();
  // Until the setting is read (or if it cannot be), the default applies: never no lock at all.
  const minutes = setting.data?.minutes ?? IDLE_LOCK_DEFAULT_MINUTES;
  const [locked, setLocked] = useState(false);
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.setAttribute('data-testid', 'idle-lock-host');
    return el;
  });
  const returnFocus = useRef<Element | null>(null);
  const continueButton = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    document.body.appendChild(host);
    return () => {
      host.remove();
    };
  }, [host]);

  useIdleTimer(minutes, !locked, () => {
    returnFocus.current = document.activeElement;
    setLocked(true);
    // The audit entry is best effort: the screen locks whether or not it can be written.
    call('session:lock', { idleMinutes: minutes }).catch(() => undefined);
  });

  useEffect(() => {
    if (!locked) return undefined;
    const undo = hideEverythingBut(host);
    continueButton.current?.focus();
    return undo;
  }, [locked, host]);

  const unlock = (): void => {
    setLocked(false);
    call('session:unlock', {}).catch(() => undefined);
    // Back to where the person was typing, once the page is no longer inert.
    const back = returnFocus.current;
    window.setTimeout(() => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    }, 0);
  };

  return (
    <>
      {props.children}
      {locked
        ? createPortal(
            <Box
              role="dialog"
              aria-modal="true"
              aria-labelledby="idle-lock-title"
              aria-describedby="idle-lock-why"
              data-testid="idle-lock"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  unlock();
                } else if (e.key === 'Tab') {
                  // Continue is the lock's only control and the page behind is inert: Tab (and
                  // Shift+Tab) stays on it rather than leaving for the browser's own controls.
                  e.preventDefault();
                  continueButton.current?.focus();
                }
              }}
              sx={{
                position: 'fixed',
                inset: 0,
                zIndex: LOCK_Z_INDEX,
                // Opaque: nothing of the screen underneath shows through.
                bgcolor: 'primary.dark',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                p: 3,
              }}
            >
              <Paper sx={{ p: 4, maxWidth: 520, textAlign: 'center' }} elevation={6}>
                <LockOutlinedIcon sx={{ fontSize: 48, color: 'primary.dark' }} aria-hidden />
                <Typography id="idle-lock-title" variant="h5" component="h1" sx={{ my: 1 }}>
                  Front Door is locked — {props.displayName}
                </Typography>
                <Typography id="idle-lock-why" sx={{ mb: 3 }}>
                  Case details are hidden because Front Door has not been used for{' '}
                  {minutes === 1 ? '1 minute' : `${String(minutes)} minutes`}. Anything you were
                  typing is kept.
                </Typography>
                <Button
                  ref={continueButton}
                  variant="contained"
                  size="large"
                  onClick={unlock}
                  autoFocus
                >
                  Continue
                </Button>
                <Typography variant="body2" sx={{ mt: 3 }}>
                  Not {props.displayName}? Do not continue: lock this computer (Windows key + L) and
                  sign in as yourself.
                </Typography>
              </Paper>
            </Box>,
            host,
          )
        : null}
    </>
  );
}
