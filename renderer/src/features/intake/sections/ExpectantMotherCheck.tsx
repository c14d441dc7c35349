// Is the expectant mother (or another adult in the household) already known? An unborn baby has
// no date of birth to search on, so search first looks for the mother instead: in the households
// of earlier referrals, by sound-alike name (and date of birth where typed), with the reasons.

import type { ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { parseTypedDate } from '../../../../../shared/validation/typed-dates';
import { call } from '../../../api/client';
import { londonDate } from '../../../../../shared/calendar/clocks';
import { formatUkDate } from '../../../components/format';
import { useDebounced } from '../../../components/useDebounced';
import type { ReferralForm } from '../form-model';

type AdultQuery = {
  key: string;
  label: string;
  givenNames?: string;
  familyName: string;
  dateOfBirth?: string;
};

/** "Leanne Smyth" → given "Leanne", family "Smyth"; one word is taken as the family name. */
function splitName(full: string): { givenNames?: string; familyName: string } | null {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  const family = parts.at(-1);
  if (family === undefined) return null;
  const given = parts.slice(0, -1).join(' ');
  return given === '' ? { familyName: family } : { givenNames: given, familyName: family };
}

function KnownAdults(props: { q: AdultQuery; excludeReferralId?: string }): ReactElement | null {
  const q = useDebounced(props.q, 400);
  const found = useQuery({
    queryKey: ['people', 'known-adults', q, props.excludeReferralId],
    queryFn: () =>
      call('people:known-adults', {
        familyName: q.familyName,
        ...(q.givenNames ? { givenNames: q.givenNames } : {}),
        ...(q.dateOfBirth ? { dateOfBirth: q.dateOfBirth } : {}),
        ...(props.excludeReferralId ? { excludeReferralId: props.excludeReferralId } : {}),
      }),
    staleTime: 30_000,
  });
  const list = found.data ?? [];
  if (list.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="known-adult">
      <AlertTitle>{q.label} may already be known</AlertTitle>
      <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }}>
        {list.map((a) => (
          <li key={`${a.referralId}-${a.name}`}>
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {a.name}
            </Typography>
            , {a.relationship.toLowerCase()}
            {a.dateOfBirth ? `, born ${formatUkDate(a.dateOfBirth)}` : ''}, on referral{' '}
            <RouterLink to={`/referrals/${a.referralId}`}>{a.reference}</RouterLink> received{' '}
            {formatUkDate(londonDate(a.receivedAt))}
            {a.children.length > 0 ? ` (${a.children.join(', ')})` : ''}.{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              Why: {a.reasons.map((r) => r.text).join('; ')}.
            </Box>
          </li>
        ))}
      </Stack>
    </Alert>
  );
}

export function ExpectantMotherCheck(props: {
  today: string;
  excludeReferralId?: string;
}): ReactElement | null {
  const { control } = useFormContext<ReferralForm>();
  const children = useWatch({ control, name: 'children' });
  const household = useWatch({ control, name: 'householdMembers' });
  const queries = new Map<string, AdultQuery>();
  for (const c of children) {
    if (c.status !== 'unborn' || c.motherName.trim() === '') continue;
    const name = splitName(c.motherName);
    if (!name) continue;
    const key = `${name.givenNames ?? ''}|${name.familyName}`.toLowerCase();
    queries.set(key, { key, label: `The expectant mother, ${c.motherName.trim()},`, ...name });
  }
  for (const m of household) {
    if (m.familyName.trim() === '') continue;
    const key = `${m.givenNames.trim()}|${m.familyName.trim()}`.toLowerCase();
    const dob = parseTypedDate(m.dateOfBirth, { today: props.today, twoDigitYears: 'past' });
    const name = `${m.givenNames.trim()} ${m.familyName.trim()}`.trim();
    queries.set(key, {
      key,
      label: name,
      familyName: m.familyName.trim(),
      ...(m.givenNames.trim() ? { givenNames: m.givenNames.trim() } : {}),
      ...(dob.ok ? { dateOfBirth: dob.date } : {}),
    });
  }
  if (queries.size === 0) return null;
  return (
    <Stack spacing={1.5} aria-live="polite">
      {[...queries.values()].map((q) => (
        <KnownAdults
          key={q.key}
          q={q}
          {...(props.excludeReferralId ? { excludeReferralId: props.excludeReferralId } : {})}
        />
      ))}
    </Stack>
  );
}
