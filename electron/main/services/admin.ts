// Drafts, directory, settings, users, audit, backups and store status: the smaller services.
import os from 'node:os';
import type {
  AppUser,
  AuditEntry,
  AuditVerification,
  DirectoryEntry,
  DraftRecord,
  SessionInfo,
} from '../../../shared/domain/records';
import { USER_ROLES, type UserRole } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { canCall } from '../../../shared/ipc/access';
import { appendAudit, listAuditForEntity, verifyAuditChainInSlices } from '../store/audit';
import { readAuditCheckpoint, writeAuditCheckpoint } from '../store/audit-checkpoint';
import { anchorMap } from '../store/audit-anchor';
import { ConflictError, NotFoundError, ValidationError } from '../store/errors';
import {
  getDirectoryEntry,
  insertDirectoryEntry,
  listDirectory,
  updateDirectoryEntry,
} from '../store/repositories/directory';
import { deleteDraft, getDraft, listDrafts, upsertDraft } from '../store/repositories/drafts';
import { checkDraftLimits } from './draft-limits';
import { setUserActiveChecked } from './user-access';
import {
  countUsers,
  insertUser,
  listUsers,
  setUserRoles,
  userByOsAccount,
  userById,
} from '../store/repositories/users';
import {
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  requireCall,
  settingsRecord,
} from './context';

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

export type DraftSaveInput = ChannelParsed<'drafts:save'>;
export type DraftKeyInput = ChannelParsed<'drafts:get'>;

export type DraftService = {
  save(ctx: ServiceContext, input: DraftSaveInput): Promise<DraftRecord>;
  get(ctx: ServiceContext, input: DraftKeyInput): Promise<DraftRecord | null>;
  list(ctx: ServiceContext): Promise<DraftRecord[]>;
  discard(ctx: ServiceContext, input: DraftKeyInput): Promise<{ discarded: boolean }>;
};

// Drafts are the user's own unfinished typing, saved about every second: they are not audited
// (the audit log records the referral when it is saved as a record).
export function createDraftService({ store, clock }: ServiceDeps): DraftService {
  return {
    save: (ctx, { kind, key, data }) =>
      store.transaction(async (trx) => {
        await checkDraftLimits(trx, ctx.user.id, kind, key, data);
        return upsertDraft(trx, ctx.user.id, kind, key, data, nowIso(clock));
      }),
    get: (ctx, { kind, key }) => getDraft(store.db, ctx.user.id, kind, key),
    list: (ctx) => listDrafts(store.db, ctx.user.id),
    discard: async (ctx, { kind, key }) => ({
      discarded: await store.transaction((trx) => deleteDraft(trx, ctx.user.id, kind, key)),
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Directory
// ---------------------------------------------------------------------------------------------

export type DirectoryListInput = ChannelParsed<'directory:list'>;
export type DirectorySaveInput = ChannelParsed<'directory:save'>;

export type DirectoryService = {
  list(ctx: ServiceContext, input: DirectoryListInput): Promise<DirectoryEntry[]>;
  save(ctx: ServiceContext, input: DirectorySaveInput): Promise<DirectoryEntry>;
};

export function createDirectoryService({ store, clock }: ServiceDeps): DirectoryService {
  return {
    list: (_ctx, { text }) => listDirectory(store.db, text),
    async save(ctx, { id, version, entry }) {
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        let entryId: string;
        if (id === undefined) {
          entryId = await insertDirectoryEntry(trx, entry, stamp);
        } else {
          if (version === undefined)
            throw new ValidationError({ version: 'Reload the entry before changing it' });
          await updateDirectoryEntry(trx, id, version, entry, stamp);
          entryId = id;
        }
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: id === undefined ? 'create' : 'update',
          entityType: 'directory',
          entityId: entryId,
          summary: `Directory entry ${id === undefined ? 'added' : 'changed'}: ${entry.name}`,
        });
        const saved = await getDirectoryEntry(trx, entryId);
        if (!saved) throw new NotFoundError('The directory entry');
        return saved;
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

// The settings service lives in settings-change.ts (the change, its preview and its audit).
export {
  createSettingsService,
  type SettingsService,
  type SettingsUpdateInput,
} from './settings-change';

// ---------------------------------------------------------------------------------------------
// Users and the session
// ---------------------------------------------------------------------------------------------

export type SetRolesInput = ChannelParsed<'users:set-roles'>;
export type { SetActiveInput } from './user-access';
import type { SetActiveInput } from './user-access';

export type UserService = {
  /**
   * The current user from the operating-system account. On a new database the first user
   * becomes admin (with every role, so one person can run a pilot); later unknown accounts are
   * added with no roles until an administrator gives them some.
   */
  signIn(osAccount?: string, displayName?: string): Promise<SessionInfo>;
  /** The user for an OS account, read without writing anything; null for a stranger. */
  find(osAccount?: string): Promise<AppUser | null>;
  session(ctx: ServiceContext): Promise<SessionInfo>;
  list(ctx: ServiceContext): Promise<AppUser[]>;
  setRoles(ctx: ServiceContext, input: SetRolesInput): Promise<AppUser>;
  /** Deactivate a leaver (nothing of theirs is deleted) or reactivate them. */
  setActive(ctx: ServiceContext, input: SetActiveInput): Promise<AppUser>;
};

export const ALL_ROLES_FOR_FIRST_USER: UserRole[] = ['admin', 'manager', 'duty-worker', 'chair'];

export function createUserService(
  { store, clock }: ServiceDeps,
  osAccount: () => string,
): UserService {
  return {
    async signIn(account, displayName) {
      const os = (account ?? osAccount()).trim();
      if (os === '')
        throw new ValidationError({ osAccount: 'The computer did not say who is signed in' });
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        let user = await userByOsAccount(trx, os);
        let isNewUser = false;
        let message: string | null = null;
        if (!user) {
          const first = (await countUsers(trx)) === 0;
          user = await insertUser(
            trx,
            {
              osAccount: os,
              displayName: displayName ?? os,
              roles: first ? ALL_ROLES_FOR_FIRST_USER : [],
            },
            at,
          );
          isNewUser = true;
          message = first
            ? 'You are the first person to use Front Door on this database, so you have been made its administrator. Give your colleagues their roles in Users and roles.'
            : `You are signed in as ${os}, but you have no role yet, so you cannot see or change records. An administrator can give you a role in Users and roles.`;
          await appendAudit(trx, {
            at,
            userId: user.id,
            action: 'create',
            entityType: 'user',
            entityId: user.id,
            summary: first
              ? `First user ${os} added as administrator`
              : `New user ${os} added with no roles`,
          });
        } else if (!user.active) {
          message = 'Your account has been switched off. Ask an administrator if you need access.';
        } else if (user.roles.length === 0) {
          message =
            'You have no role yet, so you cannot see or change records. An administrator can give you a role in Users and roles.';
        }
        await appendAudit(trx, {
          at,
          userId: user.id,
          action: 'login',
          entityType: 'user',
          entityId: user.id,
          summary: 'Signed in',
        });
        return { user, isNewUser, message, settings: await settingsRecord(trx) };
      });
    },
    async find(account) {
      const os = (account ?? osAccount()).trim();
      return os === '' ? null : ((await userByOsAccount(store.db, os)) ?? null);
    },
    async session(ctx) {
      const user = await userById(store.db, ctx.user.id);
      if (!user) throw new NotFoundError('Your user account');
      return { user, isNewUser: false, message: null, settings: await settingsRecord(store.db) };
    },
    list: () => listUsers(store.db),
    async setRoles(ctx, { id, version, roles }) {
      requireCall(ctx, 'users:set-roles', 'change roles');
      const clean = USER_ROLES.filter((r) => roles.includes(r));
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const target = await userById(trx, id);
        if (!target) throw new NotFoundError('The user');
        // Someone must always be able to give roles: the last person who may cannot lose it.
        if (
          canCall('users:set-roles', target) &&
          !canCall('users:set-roles', { active: target.active, roles: clean })
        ) {
          const others = (await listUsers(trx)).filter(
            (u) => u.id !== target.id && canCall('users:set-roles', u),
          );
          if (others.length === 0) {
            throw new ConflictError(
              'This is the only administrator. Make someone else an administrator first.',
            );
          }
        }
        await setUserRoles(trx, id, version, clean, { at, userId: ctx.user.id });
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'roles',
          entityType: 'user',
          entityId: id,
          summary: `Roles for ${target.displayName} set to ${clean.join(', ') || 'none'}`,
          details: { before: target.roles, after: clean },
        });
        const updated = await userById(trx, id);
        if (!updated) throw new NotFoundError('The user');
        return updated;
      });
    },
    setActive: (ctx, input) => setUserActiveChecked({ store, clock }, ctx, input),
  };
}

export function defaultOsAccount(): string {
  return os.userInfo().username;
}

// ---------------------------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------------------------

export type AuditListInput = ChannelParsed<'audit:list'>;

export type AuditService = {
  list(ctx: ServiceContext, input: AuditListInput): Promise<AuditEntry[]>;
  verify(ctx: ServiceContext, input?: ChannelParsed<'audit:verify'>): Promise<AuditVerification>;
};

export function createAuditService({ store, events }: ServiceDeps): AuditService {
  return {
    list: (_ctx, { entityType, entityId }) => listAuditForEntity(store.db, entityType, entityId),
    async verify(ctx, input) {
      requireCall(ctx, 'audit:verify', 'check the audit log');
      // Called without options (start-up, backups, tests): every entry. The screen's call
      // (options always given) starts after the last good check unless told to start over.
      const taskId = input?.taskId;
      const fromStart = input === undefined || input.fromStart === true;
      const label = 'Checking the audit log';
      // The anchor first, then the chain (verifyAuditChainInSlices reads the head after it).
      const anchor = anchorMap(store.dataDir);
      const checkpoint = fromStart ? null : readAuditCheckpoint(store.dataDir);
      const result = await verifyAuditChainInSlices(store.raw, {
        anchor,
        ...(checkpoint === null ? {} : { from: { seq: checkpoint.seq, hash: checkpoint.hash } }),
        onProgress: (done, total) => {
          if (taskId !== undefined)
            events.emit('task:progress', { taskId, label, done, total, state: 'running' });
        },
      });
      if (result.ok && result.count > 0) {
        const row = store.raw
          .prepare('SELECT hash FROM audit_log WHERE seq = ?')
          .get(result.count) as { hash: string } | undefined;
        if (row !== undefined) {
          writeAuditCheckpoint(store.dataDir, {
            seq: result.count,
            hash: row.hash,
            at: new Date().toISOString(),
          });
        }
      }
      if (taskId !== undefined) {
        events.emit('task:progress', {
          taskId,
          label,
          done: result.ok ? result.count : result.firstBrokenSeq,
          total: result.ok ? result.count : result.firstBrokenSeq,
          state: result.ok ? 'finished' : 'failed',
          ...(result.ok ? {} : { message: result.reason }),
        });
      }
      return result;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Backups and recovery: in backups.ts (the Backups page, checks, restore while running).
// ---------------------------------------------------------------------------------------------

export {
  createBackupService,
  createStatusService,
  type BackupRestoreInput,
  type BackupService,
  type StatusService,
} from './backups';
