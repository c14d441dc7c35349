// What is being decided, beside the checklist: the concern, the children with their previous
// involvement (referrals in the last 12 months and their outcomes) and re-referral flags, and the
// assessment factors. A worker answers the safety questions looking at the concern, not from
// memory of another screen. Search first: what is already known about each child is in front of
// the worker before the decision is made; CIN census guide: a re-referral is a referral within 12
// months of a previous referral for the same child.

import { memo, type ReactElement, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReferralChildRecord, ReferralRecord } from '../../../../shared/domain/records';
import { call, errorMessage } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { birthLine } from '../queue/queue-model';
import { factorLabel } from '../referrals/referral-model';

const small = { fontSize: '0.95rem' } as const;

function Heading(props: { children: ReactNode }): ReactElement {
  return (
    <Typography
      variant="h3"
      component="h3"
      sx={{ fontSize: '1.05rem', fontWeight: 700, mt: 2, mb: 0.5 }}
    >
      {props.children}
    </Typography>
  );
}

/**
 * The panel. On a wide screen it stays beside the form as the worker scrolls (and scrolls on its
 * own if it is taller than the window, so it can take keyboard focus to be scrolled); on a narrow
 * one it sits above the checklist.
 */
export const DecisionContext = memo(function DecisionContext(props: {
  referral: ReferralRecord;
  today: string;
}): ReactElement {
  const r = props.referral;
  return (
    <Box
      component="aside"
      aria-labelledby="decision-context-heading"
      data-testid="decision-context"
      tabIndex={0}
      sx={{
        p: 2.5,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'grey.50',
        '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
        position: { lg: 'sticky' },
        top: { lg: 88 },
        maxHeight: { lg: 'calc(100vh - 112px)' },
        overflowY: { lg: 'auto' },
      }}
    >
      <Typography id="decision-context-heading" variant="h2" sx={{ fontSize: '1.25rem' }}>
        What is being decided
      </Typography>

      <Heading>The concern</Heading>
      <Typography sx={{ ...small, whiteSpace: 'pre-wrap' }}>{r.input.concern}</Typography>
      {r.input.currentWhereabouts ? (
        <Typography sx={{ ...small, mt: 1 }}>
          <strong>Where the child is now:</strong> {r.input.currentWhereabouts}
        </Typography>
      ) : null}

      <Heading>{r.children.length === 1 ? 'The child' : 'The children'}</Heading>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {r.children.map((c) => (
          <ChildInvolvement key={c.id} child={c} referralId={r.id} today={props.today} />
        ))}
      </Box>

      <Heading>Assessment factors</Heading>
      {r.assessmentFactors.length === 0 ? (
        <Typography sx={small}>None recorded.</Typography>
      ) : (
        <Box component="ul" sx={{ ...small, m: 0, pl: 2.5 }}>
          {r.assessmentFactors.map((f) => (
            <li key={f}>{factorLabel(f)}</li>
          ))}
        </Box>
      )}
    </Box>
  );
});

/** "Born 20/01/2012 (age 14)", "about 6", or the expected date for an unborn baby. */
function childLine(c: ReferralChildRecord, today: string): string | null {
  const child = c.child;
  // A child whose date of birth is not known may carry an approximate age instead.
  const approximate =
    'approximateAge' in child && typeof child.approximateAge === 'number'
      ? { approximateAge: child.approximateAge }
      : {};
  const birthDate: string | null =
    child.status === 'born' ? (child.dateOfBirth ?? null) : child.expectedDateOfBirth;
  return birthLine(
    {
      position: c.position,
      displayName: c.displayName,
      personId: c.personId,
      birthDate,
      unborn: child.status === 'unborn',
      ...approximate,
    },
    today,
  );
}

function ChildInvolvement(props: {
  child: ReferralChildRecord;
  referralId: string;
  today: string;
}): ReactElement {
  const c = props.child;
  const line = childLine(c, props.today);
  return (
    <Box
      component="li"
      data-testid="context-child"
      sx={{ py: 1, '& + &': { borderTop: 1, borderColor: 'divider' } }}
    >
      <Typography sx={{ fontWeight: 700 }}>{c.displayName}</Typography>
      {line ? (
        <Typography sx={small} color="text.secondary">
          {line}
        </Typography>
      ) : null}
      {c.reReferral ? (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label="Re-referral: referred within the last 12 months"
          sx={{
            mt: 0.5,
            maxWidth: '100%',
            height: 'auto',
            '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 },
          }}
        />
      ) : null}
      {c.personId === null ? (
        <Typography sx={{ ...small, mt: 0.5 }}>
          Not yet checked against existing records.
        </Typography>
      ) : (
        <Involvement personId={c.personId} referralId={props.referralId} />
      )}
    </Box>
  );
}

function Involvement(props: { personId: string; referralId: string }): ReactElement {
  const person = useQuery({
    queryKey: ['people', 'get', props.personId],
    queryFn: () => call('people:get', { id: props.personId }),
    staleTime: 60_000,
  });
  if (person.isPending) {
    return (
      <Typography role="status" sx={{ ...small, mt: 0.5 }} color="text.secondary">
        Checking previous involvement…
      </Typography>
    );
  }
  if (person.isError) {
    return (
      <Box sx={{ mt: 0.5 }}>
        <Typography sx={small}>
          Previous involvement could not be loaded: {errorMessage(person.error)}
        </Typography>
        <Button size="small" onClick={() => void person.refetch()}>
          Try again
        </Button>
      </Box>
    );
  }
  // The referral being decided is not previous involvement.
  const notThis = (x: { referralId: string }): boolean => x.referralId !== props.referralId;
  const recent = person.data.previousInvolvement.referralsLast12Months.filter(notThis);
  const older = person.data.referrals.filter(notThis).length - recent.length;
  if (recent.length === 0) {
    return (
      <Typography sx={{ ...small, mt: 0.5 }}>
        No other referrals in the last 12 months
        {older > 0 ? ` (${String(older)} before that)` : ''}.
      </Typography>
    );
  }
  return (
    <Box sx={{ mt: 0.5 }}>
      <Typography sx={{ ...small, fontWeight: 600 }}>Referrals in the last 12 months</Typography>
      <Box component="ul" sx={{ ...small, m: 0, pl: 2.5 }}>
        {recent.map((x) => (
          <li key={x.referralId}>
            <Link component={RouterLink} to={`/referrals/${x.referralId}`}>
              {x.reference}
            </Link>
            , received {formatDateTime(x.receivedAt).slice(0, 10)}:{' '}
            {x.outcomeLabel ?? 'no decision yet'}
          </li>
        ))}
      </Box>
    </Box>
  );
}
