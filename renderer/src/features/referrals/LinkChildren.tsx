// Search first on a saved referral (domain §7): a child not yet linked to a record is matched here
// and linked, or confirmed as new, before the decision can be recorded.

import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReferralRecord } from '../../../../shared/domain/records';
import { ApiError } from '../../api/client';
import { useLinkChild } from '../decisions/decision-queries';
import { londonDate } from '../../../../shared/calendar/clocks';
import { MatchPanel, matchQueryForChild } from '../intake/MatchPanel';

/** Children on the referral who are neither linked to a record nor confirmed new (1-based). */
export function unresolvedChildren(r: ReferralRecord): number[] {
  return r.children.flatMap((c, i) => (c.personId === null ? [i + 1] : []));
}

export function LinkChildren(props: { r: ReferralRecord }): ReactElement | null {
  const { r } = props;
  const link = useLinkChild();
  const pending = r.children.flatMap((c, i) => (c.personId === null ? [{ c, i }] : []));
  if (pending.length === 0) return null;
  const stale =
    link.error instanceof ApiError &&
    (link.error.code === 'STALE' || link.error.code === 'CONFLICT');
  return (
    <Stack spacing={2}>
      <Typography>
        {pending.length === 1
          ? 'Check whether this child is already known, then link them to their record or confirm them as new.'
          : 'Check whether these children are already known, then link each one to their record or confirm them as new.'}{' '}
        The decision can be recorded once {pending.length === 1 ? 'that is' : 'every child is'}{' '}
        done.
      </Typography>
      {link.isError ? (
        <Alert severity="warning" role="alert">
          {stale
            ? 'Someone else changed this referral just now, so the link was not saved. The page now shows their change; try again.'
            : link.error.message}
        </Alert>
      ) : null}
      {pending.map(({ c, i }) => (
        <MatchPanel
          key={c.id}
          index={i}
          name={c.displayName}
          query={matchQueryForChild(c.child, londonDate(r.receivedAt))}
          decision=""
          personId=""
          // Saved children carry all that is known of them: with too little to search on, they
          // can still be confirmed as new rather than hold up the decision.
          newWithoutSearch
          waiting={
            c.child.status === 'unborn'
              ? 'An unborn baby is not searched for by date of birth: confirm the baby as a new record.'
              : 'Too little is known of this child to search existing records (a name with a date of birth or an age, or an NHS number). Confirm the child as a new record, or correct the referral first if more is now known.'
          }
          busy={link.isPending}
          onLink={(personId) => {
            link.mutate({ referralId: r.id, version: r.version, childIndex: i, personId });
          }}
          onNew={() => {
            link.mutate({ referralId: r.id, version: r.version, childIndex: i, personId: null });
          }}
        />
      ))}
    </Stack>
  );
}
