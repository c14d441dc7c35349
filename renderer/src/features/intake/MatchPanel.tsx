// Search first (domain §7): people who may be this child, with the reasons and what is already
// known, beside the form. The worker links the child or confirms them as new.

import { useEffect, useState, type ReactElement } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PersonMatch } from '../../../../shared/domain/records';
import type { MatchQueryInput } from '../../../../shared/ipc/contract';
import { formatUkDate, isValidNhsNumber, parseUkDate } from '../../../../shared/validation';
import { call, errorMessage } from '../../api/client';
import type { ChildInput } from '../../../../shared/validation/child';
import type { ChildForm } from './form-model';

/** The match query for a child, or null until enough is typed (name + DOB, or an NHS number). */
export function matchQueryFor(child: ChildForm): MatchQueryInput | null {
  const dob = child.status === 'born' ? parseUkDate(child.dateOfBirth.trim()) : null;
  const nhs = child.nhsNumber.trim();
  const nhsOk = child.status === 'born' && nhs !== '' && isValidNhsNumber(nhs);
  const named = child.givenNames.trim() !== '' && child.familyName.trim() !== '';
  if (!(named && dob) && !nhsOk) return null;
  const q: MatchQueryInput = {};
  if (child.givenNames.trim()) q.givenNames = child.givenNames.trim();
  if (child.familyName.trim()) q.familyName = child.familyName.trim();
  if (dob) q.dateOfBirth = dob;
  if (nhsOk) q.nhsNumber = nhs;
  if (child.address.postcode.trim()) q.postcode = child.address.postcode.trim().slice(0, 10);
  return q;
}

function useDebounced<T>(value: T, ms: number): T {
  // Keyed on the JSON of value, so a new but equal object does not restart the timer.
  const key = JSON.stringify(value);
  const [v, setV] = useState(key);
  useEffect(() => {
    const t = window.setTimeout(() => {
      setV(key);
    }, ms);
    return () => {
      window.clearTimeout(t);
    };
  }, [key, ms]);
  return JSON.parse(v) as T;
}

function personName(m: PersonMatch): string {
  return [m.person.givenNames, m.person.familyName].filter(Boolean).join(' ') || 'Name not known';
}

/** The match query for a child already saved on a referral (the referral page's link step). */
export function matchQueryForChild(child: ChildInput): MatchQueryInput | null {
  const q: MatchQueryInput = { givenNames: child.givenNames, familyName: child.familyName };
  if (child.status === 'born') {
    q.dateOfBirth = child.dateOfBirth;
    if (child.nhsNumber) q.nhsNumber = child.nhsNumber;
  }
  if (child.address?.postcode) q.postcode = child.address.postcode.slice(0, 10);
  return child.status === 'born' ? q : null;
}

export type MatchDecision = '' | 'linked' | 'new';

/**
 * Search-first candidates for one child. Used beside the new-referral form (decision kept in the
 * form until the referral is saved) and on the referral page (decision saved at once).
 */
export function MatchPanel(props: {
  index: number;
  name: string;
  query: MatchQueryInput | null;
  decision: MatchDecision;
  personId: string;
  /** Shown when there is no query yet (what to type to start the search). */
  waiting?: string;
  /** An unborn baby has no date of birth to search on: they can be confirmed new directly. */
  newWithoutSearch?: boolean;
  busy?: boolean;
  onLink: (personId: string) => void;
  onNew: () => void;
  onUndo?: () => void;
}): ReactElement | null {
  const query = useDebounced(props.query, 400);
  const matches = useQuery({
    queryKey: ['people', 'match', query],
    queryFn: () => call('people:match', query ?? {}),
    enabled: query !== null,
    staleTime: 30_000,
  });
  const label = `Child ${props.index + 1}${props.name.trim() ? `: ${props.name.trim()}` : ''}`;
  const headingId = `match-heading-${props.index}`;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      data-testid={`match-panel-${props.index}`}
      sx={{ p: 2.5 }}
    >
      <Typography id={headingId} variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 700, mb: 1 }}>
        Already known? {label}
      </Typography>
      {query === null ? (
        <Typography color="text.secondary">
          {props.waiting ??
            "Type the child's first and last name and date of birth, or an NHS number, to check for existing records."}
        </Typography>
      ) : null}
      {query !== null && matches.isPending ? <Typography>Checking records…</Typography> : null}
      {matches.isError ? <Alert severity="error">{errorMessage(matches.error)}</Alert> : null}
      {props.decision === 'linked' ? (
        <Alert
          severity="success"
          action={
            props.onUndo ? (
              <Button color="inherit" size="small" onClick={props.onUndo}>
                Change
              </Button>
            ) : undefined
          }
          sx={{ mb: 1.5 }}
        >
          Linked to an existing record.
        </Alert>
      ) : null}
      {props.decision === 'new' ? (
        <Alert
          severity="info"
          action={
            props.onUndo ? (
              <Button color="inherit" size="small" onClick={props.onUndo}>
                Change
              </Button>
            ) : undefined
          }
          sx={{ mb: 1.5 }}
        >
          Confirmed as a new child.
        </Alert>
      ) : null}
      {query !== null && matches.data ? (
        <Stack spacing={2}>
          {matches.data.length === 0 && props.decision === '' ? (
            <Typography>No existing records match. This looks like a new child.</Typography>
          ) : null}
          {matches.data.map((m) => (
            <Candidate
              key={m.person.id}
              match={m}
              linked={props.decision === 'linked' && props.personId === m.person.id}
              busy={props.busy ?? false}
              onLink={() => {
                props.onLink(m.person.id);
              }}
              name={personName(m)}
            />
          ))}
          {props.decision === '' ? (
            <Box>
              <Button variant="outlined" disabled={props.busy} onClick={props.onNew}>
                {matches.data.length === 0 ? 'Confirm as a new child' : 'None of these – new child'}
              </Button>
            </Box>
          ) : null}
        </Stack>
      ) : null}
      {query === null && props.newWithoutSearch === true && props.decision === '' ? (
        <Box sx={{ mt: 1.5 }}>
          <Button variant="outlined" disabled={props.busy} onClick={props.onNew}>
            Confirm as a new record
          </Button>
        </Box>
      ) : null}
    </Paper>
  );
}

function Candidate(props: {
  match: PersonMatch;
  name: string;
  linked: boolean;
  busy: boolean;
  onLink: () => void;
}): ReactElement {
  const { match: m } = props;
  const pi = m.previousInvolvement;
  const dob = m.person.dateOfBirth ?? m.person.expectedDateOfBirth;
  return (
    <Box
      data-testid="match-candidate"
      sx={{
        border: 1,
        borderColor: props.linked ? 'success.main' : 'divider',
        borderRadius: 1,
        p: 2,
      }}
    >
      <Typography sx={{ fontWeight: 700, fontSize: '1.05rem' }}>{props.name}</Typography>
      <Typography color="text.secondary">
        {dob ? `Born ${formatUkDate(dob)}` : 'Date of birth not known'}
        {m.person.postcode ? ` · ${m.person.postcode}` : ''} · match score {m.score}
      </Typography>
      {pi.reReferral ? (
        <Alert severity="warning" sx={{ mt: 1.5 }} data-testid="re-referral-warning">
          Re-referral: referred{' '}
          {pi.referralsLast12Months.length === 1
            ? 'once'
            : `${pi.referralsLast12Months.length} times`}{' '}
          in the last 12 months.
        </Alert>
      ) : null}
      <Typography sx={{ fontWeight: 600, mt: 1.5 }}>Why this may be the same child</Typography>
      <Box component="ul" sx={{ my: 0.5, pl: 2.5 }}>
        {m.reasons.map((r) => (
          <li key={r.code + r.text}>{r.text}</li>
        ))}
      </Box>
      {pi.referralsLast12Months.length > 0 ? (
        <>
          <Typography sx={{ fontWeight: 600, mt: 1 }}>Referrals in the last 12 months</Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 2.5 }}>
            {pi.referralsLast12Months.map((r) => (
              <li key={r.referralId}>
                {r.reference}, received {formatUkDate(r.receivedAt.slice(0, 10))}:{' '}
                {r.outcomeLabel ?? 'no decision yet'}
              </li>
            ))}
          </Box>
        </>
      ) : (
        <Typography sx={{ mt: 1 }}>
          No referrals in the last 12 months ({pi.totalReferrals} in all).
        </Typography>
      )}
      {pi.siblings.length > 0 ? (
        <Typography sx={{ mt: 1 }}>
          <strong>Siblings:</strong> {pi.siblings.map((s) => s.name).join(', ')}
        </Typography>
      ) : null}
      {pi.householdMembers.length > 0 ? (
        <Typography sx={{ mt: 0.5 }}>
          <strong>Household:</strong>{' '}
          {pi.householdMembers
            .map((h) => (h.relationship ? `${h.name} (${h.relationship})` : h.name))
            .join(', ')}
        </Typography>
      ) : null}
      {props.linked ? null : (
        <Button variant="contained" sx={{ mt: 1.5 }} disabled={props.busy} onClick={props.onLink}>
          This is the same child
        </Button>
      )}
    </Box>
  );
}
