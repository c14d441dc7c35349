// Backups and recovery (issue 14, Backups page): make a verified backup with progress, list them
// with each one's last full check, say where they are kept and whether the newest good one is
// from the last day, check one on request, and restore one while Front Door is running (the
// current records are copied aside first; store/backup.ts). Who may call each is decided by the
// channel's access in the contract alone.
import type { BackupListItem, BackupStatus, RestoreResult } from '../../../shared/domain/backups';
import { backupWarning } from '../../../shared/domain/backups';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { appendAudit } from '../store/audit';
import { checkBackup, createBackup, listBackups } from '../store/backup';
import { PRE_RESTORE_KEEP, restoreBackup, restoreNewestGoodBackup } from '../store/restore';
import { ConflictError } from '../store/errors';
import type { StoreStatus } from '../../../shared/domain/records';
import { type ServiceContext, type ServiceDeps, nowIso } from './context';

export type BackupRestoreInput = ChannelParsed<'backups:restore'>;
export type BackupCreateInput = ChannelParsed<'backups:create'>;
export type BackupCheckInput = ChannelParsed<'backups:check'>;

const PROGRESS_LABEL = 'Making a backup';
const STAGE_LABELS = {
  copying: 'Copying the records',
  checking: 'Checking the backup is complete',
} as const;

export type BackupService = {
  create(ctx: ServiceContext, input?: BackupCreateInput): Promise<BackupListItem>;
  list(ctx: ServiceContext): Promise<BackupListItem[]>;
  restore(ctx: ServiceContext, input: BackupRestoreInput): Promise<RestoreResult>;
  status(ctx: ServiceContext): Promise<BackupStatus>;
  check(ctx: ServiceContext, input: BackupCheckInput): Promise<BackupListItem>;
};

export function createBackupService(
  { store, clock, events }: ServiceDeps,
  keep: number,
): BackupService {
  return {
    create: async (ctx, input) => {
      const taskId = input?.taskId;
      const report = (
        done: number,
        total: number,
        state: 'running' | 'finished',
        label: string = PROGRESS_LABEL,
      ) => {
        if (taskId !== undefined)
          events.emit('task:progress', { taskId, label, done, total, state });
      };
      try {
        const made = await createBackup(store, {
          now: clock.now(),
          keep,
          userId: ctx.user.id,
          onProgress: (done, total, stage) => {
            report(done, total, 'running', STAGE_LABELS[stage]);
          },
        });
        report(1, 1, 'finished');
        return made;
      } catch (err) {
        if (taskId !== undefined) {
          events.emit('task:progress', {
            taskId,
            label: PROGRESS_LABEL,
            done: 0,
            total: 0,
            state: 'failed',
            message: err instanceof Error ? err.message.slice(0, 2_000) : 'The backup failed',
          });
        }
        throw err;
      }
    },
    list: () => Promise.resolve(listBackups(store.backupDir)),
    restore: (ctx, { file }) =>
      restoreBackup(store, file, { now: clock.now(), userId: ctx.user.id }),
    status: () => {
      const backups = listBackups(store.backupDir);
      const lastVerified = backups.find((b) => b.verified) ?? null;
      return Promise.resolve({
        folder: store.backupDir,
        keep,
        safetyCopiesKept: PRE_RESTORE_KEEP,
        lastBackup: backups[0] ?? null,
        lastVerified,
        warning: backupWarning(lastVerified?.createdAt ?? null, clock.now()),
      });
    },
    check: async (ctx, { file }) => {
      const checked = await checkBackup(store, file, clock.now());
      await store.transaction((trx) =>
        appendAudit(trx, {
          at: nowIso(clock),
          userId: ctx.user.id,
          action: 'backup-check',
          entityType: 'database',
          entityId: null,
          summary: checked.verified
            ? `Backup checked: ${file} is complete`
            : `Backup checked: ${file} is damaged`,
          details: { file, ok: checked.verified, reason: checked.problem },
        }),
      );
      return checked;
    },
  };
}

/**
 * Store status and the recovery path. Usable when the database cannot be opened (no user can be
 * resolved then), so restore here works only while recovery is needed — otherwise use
 * backups.restore as an administrator.
 */
export type StatusService = {
  get(): StoreStatus;
  restoreNewestGoodBackup(): Promise<RestoreResult>;
  restore(input: BackupRestoreInput): Promise<RestoreResult>;
};

export function createStatusService({ store, clock }: ServiceDeps): StatusService {
  const mustNeedRecovery = () => {
    if (store.status().state !== 'recovery-needed') {
      throw new ConflictError(
        'The database is working. An administrator can restore a backup from the Backups page.',
      );
    }
  };
  return {
    get: () => store.status(),
    restoreNewestGoodBackup: async () => {
      mustNeedRecovery();
      return restoreNewestGoodBackup(store, { now: clock.now(), userId: null });
    },
    restore: async ({ file }) => {
      mustNeedRecovery();
      return restoreBackup(store, file, { now: clock.now(), userId: null });
    },
  };
}
