// Builds the DispatchEnv that both the Electron main process and the browser harness use, so the
// two run the same checks over the same services. No Electron import.
import { londonDate } from '../../../shared/calendar';
import type { AppUser } from '../../../shared/domain/records';
import type { Clock, Services } from '../services';
import type { Store } from '../store/store';
import type { DispatchEnv } from './dispatch';
import { createHandlers } from './handlers';

export type SessionEnvOptions = {
  store: Store;
  services: Services;
  clock: Clock;
  /** The operating-system account to act as (default: the services' own, os.userInfo()). */
  osAccount?: string | undefined;
  logError?: (channel: string, error: unknown) => void;
};

export type SessionEnv = DispatchEnv & {
  /** Signs in (creating the user on first use; the first user on a new database is admin). */
  signIn(): Promise<AppUser | null>;
};

export function createSessionEnv(options: SessionEnvOptions): SessionEnv {
  const { store, services, clock } = options;
  let known: AppUser | null = null;
  const logError =
    options.logError ??
    ((channel: string, error: unknown) => {
      console.error(`[ipc] ${channel} failed`, error);
    });

  const signIn = async (): Promise<AppUser | null> => {
    if (store.status().state !== 'ok') return null;
    if (store.writesHeld) {
      // The start-up check is still reading a large file and saves wait for it: a known, active
      // user goes straight in, and the sign-in (an audit entry) and the clocks' refresh follow
      // once it passes. A stranger or a switched-off account waits, so the rules for new users
      // (the first is administrator; the rest have no role) are applied by the full sign-in.
      const found = await services.users.find(options.osAccount);
      if (found?.active === true) {
        known = found;
        void store
          .whenWritable()
          .then(signIn, () => null) // a failed check shows the recovery screen instead
          .catch((error: unknown) => {
            // Closed in the meantime (the app quitting): nothing to record.
            if (store.status().state === 'ok') logError('sign-in after the start-up check', error);
          });
        return known;
      }
    }
    known = (await services.users.signIn(options.osAccount)).user;
    // Once per start (and after a restore): the queue's stored decision dates follow the rules in
    // force, e.g. a bank-holiday table updated by a new build.
    await services.clocks.refresh();
    return known;
  };

  return {
    handlers: createHandlers(services),
    signIn,
    recoveryNeeded: () => store.status().state !== 'ok',
    // Re-read on every call so a role change or a switched-off account applies at once.
    currentUser: async () => {
      if (!known) return signIn();
      try {
        known = (await services.users.session({ user: known })).user;
        return known;
      } catch (error) {
        // After a restore the user may not exist in the restored copy yet: sign in again.
        if (error instanceof Error && error.name === 'NotFoundError') return signIn();
        throw error;
      }
    },
    now: () => clock.now(),
    today: (now) => londonDate(now.toISOString()),
    logError,
  };
}
