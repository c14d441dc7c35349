// Deactivating a leaver and reactivating them. Nothing is deleted: the user row stays, so their
// name still shows on every record and audit entry they made (issue 14: "deactivate a leaver
// without losing their history"). Split from admin.ts to keep that file small.
import type { AppUser } from '../../../shared/domain/records';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { appendAudit } from '../store/audit';
import { ConflictError, NotFoundError } from '../store/errors';
import { listUsers, setUserActive, userById } from '../store/repositories/users';
import { canCall } from '../../../shared/ipc/access';
import { type ServiceContext, type ServiceDeps, nowIso, requireCall } from './context';

export type SetActiveInput = ChannelParsed<'users:set-active'>;

export async function setUserActiveChecked(
  { store, clock }: Pick<ServiceDeps, 'store' | 'clock'>,
  ctx: ServiceContext,
  { id, version, active, reason }: SetActiveInput,
): Promise<AppUser> {
  requireCall(ctx, 'users:set-active', 'deactivate or reactivate users');
  const at = nowIso(clock);
  return store.transaction(async (trx) => {
    const target = await userById(trx, id);
    if (!target) throw new NotFoundError('The user');
    if (!active) {
      // Switching yourself off would lock you out mid-task; a colleague must do it.
      if (target.id === ctx.user.id)
        throw new ConflictError('You cannot deactivate yourself. Ask another administrator.');
      // Someone must always be able to give roles (the same rule as users:set-roles).
      if (canCall('users:set-roles', target)) {
        const others = (await listUsers(trx)).filter(
          (u) => u.id !== target.id && canCall('users:set-roles', u),
        );
        if (others.length === 0)
          throw new ConflictError(
            'This is the only active administrator. Make someone else an administrator first.',
          );
      }
    }
    await setUserActive(trx, id, version, active, { at, userId: ctx.user.id });
    const why = reason === undefined || reason === '' ? null : reason;
    await appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'roles',
      entityType: 'user',
      entityId: id,
      summary: `${target.displayName} ${active ? 'reactivated' : 'deactivated'}${
        why === null ? '' : `: ${why}`
      }`,
      details: { before: { active: target.active }, after: { active }, reason: why },
    });
    const updated = await userById(trx, id);
    if (!updated) throw new NotFoundError('The user');
    return updated;
  });
}
