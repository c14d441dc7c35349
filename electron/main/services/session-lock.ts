// The idle lock (issue 14; reliability "Idle lock after a configurable time"): the time is a
// setting under its own key ('idle-lock') in the settings table, versioned on its own so changing
// it never makes the organisation settings form stale (and the reverse). Locking and unlocking are
// recorded in the audit log against the person signed in.
import { IDLE_LOCK_DEFAULT_MINUTES, type IdleLockSetting } from '../../../shared/domain/idle-lock';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { appendAudit } from '../store/audit';
import { type Db, userNames, userRef } from '../store/repositories/common';
import { getSetting, putSetting } from '../store/repositories/settings';
import { type ServiceContext, type ServiceDeps, nowIso } from './context';

export const IDLE_LOCK_SETTING_KEY = 'idle-lock';

type IdleLockValue = { minutes: number };

export type SessionLockService = {
  lock(ctx: ServiceContext, input: ChannelParsed<'session:lock'>): Promise<{ lockedAt: string }>;
  unlock(ctx: ServiceContext): Promise<{ unlockedAt: string }>;
  setting(ctx: ServiceContext): Promise<IdleLockSetting>;
  setSetting(
    ctx: ServiceContext,
    input: ChannelParsed<'session:set-lock-setting'>,
  ): Promise<IdleLockSetting>;
};

async function readSetting(db: Db): Promise<IdleLockSetting> {
  const stored = await getSetting<IdleLockValue>(db, IDLE_LOCK_SETTING_KEY, {
    minutes: IDLE_LOCK_DEFAULT_MINUTES,
  });
  return {
    minutes: stored.value.minutes,
    version: stored.version,
    updatedAt: stored.updatedAt,
    updatedBy: userRef(await userNames(db), stored.updatedBy),
  };
}

export function createSessionLockService({ store, clock }: ServiceDeps): SessionLockService {
  return {
    async lock(ctx, { idleMinutes }) {
      const at = nowIso(clock);
      await store.transaction((trx) =>
        appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'lock',
          entityType: 'user',
          entityId: ctx.user.id,
          summary: `Screen locked after ${String(idleMinutes)} ${idleMinutes === 1 ? 'minute' : 'minutes'} without use`,
          details: { idleMinutes },
        }),
      );
      return { lockedAt: at };
    },
    async unlock(ctx) {
      const at = nowIso(clock);
      await store.transaction((trx) =>
        appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'unlock',
          entityType: 'user',
          entityId: ctx.user.id,
          summary: 'Screen unlocked',
        }),
      );
      return { unlockedAt: at };
    },
    setting: () => readSetting(store.db),
    setSetting: (ctx, { minutes, version }) =>
      store.transaction(async (trx) => {
        const before = await readSetting(trx);
        const at = nowIso(clock);
        // A stale version is refused with who changed it and when (StaleWriteError).
        await putSetting(trx, IDLE_LOCK_SETTING_KEY, { minutes }, version, {
          at,
          userId: ctx.user.id,
        });
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'settings',
          entityType: 'settings',
          entityId: IDLE_LOCK_SETTING_KEY,
          summary: `Screen lock time changed from ${String(before.minutes)} to ${String(minutes)} minutes`,
          details: { before: before.minutes, after: minutes },
        });
        return readSetting(trx);
      }),
  };
}
