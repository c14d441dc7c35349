// Search first (domain §7): people who may be this child, with the reasons and what is already
// known, beside the form. The worker links the child or confirms them as new.

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PersonMatch } from '../../../../shared/domain/records';
import type { MatchQueryInput } from '../../../../shared/ipc/contract';
import {
  estimatedBirthYear,
  formatUkDate,
  isValidNhsNumber,
  parseTypedDate,
} from '../../../../shared/validation';
import { call, errorMessage } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useDebounced } from '../../components/useDebounced';
import { childBirthDate, type ChildInput } from '../../../../shared/validation/child';
import type { IsoDate } from '../../../../shared/domain/types';
import type { ChildForm } from './form-model';

type KnownFacts = {
  givenNames: string;
  familyName: string;
  dateOfBirth: IsoDate | null;
  approximateAge: number | null;
  nhsNumber: string;
  postcode: string;
};

/**
 * The match query from what is known of a child, or null when there is too little to search on:
 * an NHS number; or a first or last name with a date of birth or an approximate age; or a date of
 * birth at a postcode. "A boy called Tyler, about 6" is searched on the first name and the year.
 */
function buildMatchQuery(f: KnownFacts, today: IsoDate): MatchQueryInput | null {
  const nhs = f.nhsNumber.trim();
  const nhsOk = nhs !== '' && isValidNhsNumber(nhs);
  const given = f.givenNames.trim();
  const family = f.familyName.trim();
  const postcode = f.postcode.trim();
  const when = f.dateOfBirth !== null || f.approximateAge !== null;
  const enough =
    nhsOk || ((given !== '' || family !== '') && when) || (f.dateOfBirth !== null && postcode);
  if (!enough) return null;
  const q: MatchQueryInput = {};
  if (given) q.givenNames = given;
  if (family) q.familyName = family;
  if (f.dateOfBirth) q.dateOfBirth = f.dateOfBirth;
  else if (f.approximateAge !== null)
    q.approxBirthYear = estimatedBirthYear(f.approximateAge, today);
  if (nhsOk) q.nhsNumber = nhs;
  if (postcode) q.postcode = postcode.slice(0, 10);
  return q;
}

/** The match query for a child being typed on the new-referral form (see buildMatchQuery). */
export function matchQueryFor(child: ChildForm, today: IsoDate): MatchQueryInput | null {
  if (child.status !== 'born') return null;
  const typed = parseTypedDate(child.dateOfBirth, { today, twoDigitYears: 'past' });
  const age = child.approximateAge.trim();
  return buildMatchQuery(
    {
      givenNames: child.givenNamesNotKnown ? '' : child.givenNames,
      familyName: child.familyNameNotKnown ? '' : child.familyName,
      dateOfBirth: !child.dateOfBirthNotKnown && typed.ok ? typed.date : null,
      approximateAge: child.dateOfBirthNotKnown && /^\d{1,2}$/.test(age) ? Number(age) : null,
      nhsNumber: child.nhsNumber,
      postcode: child.address.postcode,
    },
    today,
  );
}

/**
 * True when the form says all that is known of a born child (each name and the date of birth is
 * typed or ticked "not known") but that is too little to search on: the worker may then confirm
 * the child as a new record rather than be stuck.
 */
export function tooLittleToSearch(child: ChildForm, today: IsoDate): boolean {
  if (child.status !== 'born' || matchQueryFor(child, today) !== null) return false;
  const given = child.givenNames.trim() !== '' || child.givenNamesNotKnown;
  const family = child.familyName.trim() !== '' || child.familyNameNotKnown;
  const dob = child.dateOfBirth.trim() !== '' || child.dateOfBirthNotKnown;
  return given && family && dob;
}

function personName(m: PersonMatch): string {
  return [m.person.givenNames, m.person.familyName].filter(Boolean).join(' ') || 'Name not known';
}

/**
 * The match query for a child already saved on a referral (the referral page's link step); an
 * approximate age is placed in a year from the date the referral was received.
 */
export function matchQueryForChild(child: ChildInput, receivedOn: IsoDate): MatchQueryInput | null {
  if (child.status !== 'born') return null;
  return buildMatchQuery(
    {
      givenNames: child.givenNames ?? '',
      familyName: child.familyName ?? '',
      dateOfBirth: childBirthDate(child),
      approximateAge: child.approximateAge ?? null,
      nhsNumber: child.nhsNumber ?? '',
      postcode: child.address?.postcode ?? '',
    },
    receivedOn,
  );
}

export type MatchDecision = '' | 'linked' | 'new';

/**
 * How strong the evidence is, in words a worker uses instead of a number: an NHS number, or the
 * same name and date of birth, is strong; a surname and a date of birth is likely; less is
 * possible (shared/matching MATCH_WEIGHTS).
 */
export function matchStrength(score: number): string {
  if (score >= 60) return 'strong match';
  if (score >= 45) return 'likely match';
  return 'possible match';
}

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
      <Typography sx={{ fontWeight: 700, fontSize: '1.05rem' }}>
        {/* The whole record (every referral, merges, who has viewed it); the form is autosaved. */}
        <Link component={RouterLink} to={`/people/${m.person.id}`}>
          {props.name}
        </Link>
      </Typography>
      <Typography color="text.secondary">
        {dob
          ? `Born ${formatUkDate(dob)}`
          : m.person.approxBirthYear !== null
            ? `Date of birth not known (born around ${String(m.person.approxBirthYear)})`
            : 'Date of birth not known'}
        {m.person.postcode ? ` · ${m.person.postcode}` : ''} · {matchStrength(m.score)}
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
                {r.reference}, received {formatDateTime(r.receivedAt).slice(0, 10)}:{' '}
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
