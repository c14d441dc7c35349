// Who may chair a strategy discussion: a meeting chair or a manager (domain §2.4 names a chair for
// each discussion). The chair finalises and amends the minutes, so they must also be allowed those
// channels (shared/ipc/access.ts); a leaver cannot chair. Used by the schedule form to list
// chairs and by the main process to refuse anyone else.
import type { UserRole } from '../domain/types';
import { canCall, type Caller } from '../ipc/access';

const CHAIRING: readonly UserRole[] = ['chair', 'manager'];

export function canChair(user: Caller): boolean {
  return (
    user.roles.some((r) => CHAIRING.includes(r)) &&
    canCall('strategy:finalise-minutes', user) &&
    canCall('strategy:amend-minutes', user)
  );
}
