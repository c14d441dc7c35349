// A real store + services + dispatch env on a temp folder, with users holding chosen roles.
import { expect } from 'vitest';
import type { AppUser } from '../../../shared/domain/records';
import type { UserRole } from '../../../shared/domain/types';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { createSessionEnv, type SessionEnv } from '../../../electron/main/ipc/env';
import { createServices, type Services } from '../../../electron/main/services';
import { openStore, type Store } from '../../../electron/main/store/store';
import type { IpcResult } from '../../../shared/ipc/contract';
import { fixedClock, removeDir, tempDir } from '../../helpers/store-fixtures';

export type IpcFixture = {
  store: Store;
  services: Services;
  /** A dispatch env acting as this OS account. */
  as(osAccount: string): SessionEnv;
  call(env: SessionEnv, channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /** Creates an account with exactly these roles (the admin sets them). */
  userWithRoles(osAccount: string, roles: UserRole[]): Promise<AppUser>;
  close(): void;
};

export async function ipcFixture(): Promise<IpcFixture> {
  const dir = tempDir('front-door-ipc-');
  const store = openStore({ dataDir: dir });
  const clock = fixedClock();
  const services = createServices(store, clock);
  const quiet = (channel: string, error: unknown): void => {
    if (process.env.IPC_DEBUG) console.error(channel, error);
  };
  const as = (osAccount: string): SessionEnv =>
    createSessionEnv({ store, services, clock, osAccount, logError: quiet });
  const admin = as('admin.first');
  const adminUser = await admin.signIn(); // first user on a new database: admin
  if (!adminUser?.roles.includes('admin')) throw new Error('first user was not made admin');
  return {
    store,
    services,
    as,
    call: (env, channel, input) => dispatch(env, channel, input),
    async userWithRoles(osAccount, roles) {
      const created = await as(osAccount).signIn();
      if (!created) throw new Error('could not sign in');
      return services.users.setRoles(
        { user: adminUser },
        { id: created.id, version: created.version, roles },
      );
    },
    close() {
      store.close();
      removeDir(dir);
    },
  };
}

/** The field errors of a refusal, checking it was refused as VALIDATION. */
export function fieldErrors(r: IpcResult<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error.code).toBe('VALIDATION');
  return { ...r.error.fieldErrors };
}
