// The referral queue as a work list: the whole open queue (referrals:list) and one sorted,
// filtered page of it with the total (referrals:queue). Reading the queue is not audited as a
// view of each child's record (it shows names and dates of birth only, as the list always has);
// opening a referral is.
import type { QueueItem, QueuePage } from '../../../shared/domain/records';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { listQueue, pageQueue } from '../store/repositories/queue';
import {
  type ServiceContext,
  type ServiceDeps,
  policyContext,
  readHelpers,
  todayLondon,
} from './context';

export type ReferralListInput = ChannelParsed<'referrals:list'>;
export type ReferralQueueInput = ChannelParsed<'referrals:queue'>;

/** Every open referral the filter selects (the first 500), soonest decision due first. */
export async function listQueueFor(
  deps: ServiceDeps,
  ctx: ServiceContext,
  { filter }: ReferralListInput,
): Promise<QueueItem[]> {
  const db = deps.store.db;
  const pc = await policyContext(db);
  return listQueue(
    db,
    { filter, today: todayLondon(deps.clock), userId: ctx.user.id },
    readHelpers(db, pc, deps.clock, () => Promise.resolve(false)),
  );
}

/**
 * One page of the queue and how many referrals match in all. Referrals that may need immediate
 * protection come first whatever the sort (repositories/queue.ts queueOrder); the default order
 * is urgency: running decision clocks, soonest due first.
 */
export async function pageQueueFor(
  deps: ServiceDeps,
  ctx: ServiceContext,
  input: ReferralQueueInput,
): Promise<QueuePage> {
  const db = deps.store.db;
  const pc = await policyContext(db);
  // No write transaction for a read: a save landing between the count and the page shifts the
  // total by one until the next refetch (every 30 s and on focus), which the grid then shows.
  return pageQueue(
    db,
    {
      filter: input.filter,
      today: todayLondon(deps.clock),
      userId: ctx.user.id,
      text: input.text,
      assignedTo: input.assignedTo,
      status: input.status,
      page: input.page,
      pageSize: input.pageSize,
      sort: input.sort ?? { field: 'urgency', direction: 'asc' },
    },
    readHelpers(db, pc, deps.clock, () => Promise.resolve(false)),
  );
}
