// The start-up flow below the window, with no Electron import so it runs and is tested in Node.
// Whatever goes wrong (the folder, its lock, the database, its check, signing in) ends as a
// store status with a typed problem, never as an exception: the window always opens and the
// renderer shows the recovery or start-up error screen, with the cause in plain words.
import type { StoreStatus } from '../../shared/domain/records';
import type { SessionEnv } from './ipc/env';
import { Store, type OpenStoreOptions } from './store/store';

export type StartupDeps = {
  storeOptions: OpenStoreOptions;
  /** Builds services and the IPC environment over the store (pure wiring; see index.ts). */
  createEnv: (store: Store) => SessionEnv;
  log?: (message: string, error: unknown) => void;
};

export type StartupOutcome = { store: Store; env: SessionEnv; status: StoreStatus };

export async function startUp(deps: StartupDeps): Promise<StartupOutcome> {
  const log =
    deps.log ??
    ((message: string, error: unknown) => {
      console.error(`Front Door: ${message}`, error);
    });
  const store = new Store(deps.storeOptions);
  try {
    store.open();
  } catch (error) {
    // open() turns every known failure into a status; anything else is still shown, not thrown.
    log('opening the records failed', error);
    store.refuse(error, 'open');
  }
  const env = deps.createEnv(store);
  if (store.status().state === 'ok') {
    try {
      await env.signIn();
    } catch (error) {
      log('signing in failed', error);
      store.refuse(error, 'sign-in');
    }
  }
  return { store, env, status: store.status() };
}
