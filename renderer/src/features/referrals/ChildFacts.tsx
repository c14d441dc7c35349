// What the referral page shows of each child and of consent, as recorded at intake (older records
// without an answer say "Not recorded" rather than fail).

import type { ReactElement, ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReferralChildRecord, ReferralRecord } from '../../../../shared/domain/records';
import { CONSENT_STATUS_LABELS } from '../../../../shared/validation/consent';
import { approximateAgeText, childSexLabel } from '../../../../shared/validation/child';
import { formatNhsNumber } from '../../../../shared/validation/formats';
import { formatUkDate } from '../../components/format';
import { ageInYears } from '../queue/queue-model';
import { YES_NO_UNKNOWN, addressText } from './referral-model';
import { Facts } from '../../components/Facts';

/** Yes / No / Not known, or "Not recorded" for older records without the answer. */
export function known(v: string | undefined): string {
  return v === undefined ? 'Not recorded' : (YES_NO_UNKNOWN[v] ?? v);
}

export function consentText(r: ReferralRecord): string {
  // Older records may lack the consent block: say so rather than fail.
  const input: Partial<ReferralRecord['input']> = r.input;
  const c = input.consent;
  if (c === undefined) return 'Not recorded';
  switch (c.status) {
    case 'given':
      return `${CONSENT_STATUS_LABELS.given} by ${c.givenBy} on ${formatUkDate(c.date)}${c.scope ? ` (${c.scope})` : ''}`;
    case 'refused':
      return `${CONSENT_STATUS_LABELS.refused} by ${c.refusedBy} on ${formatUkDate(c.date)}: ${c.reason}`;
    case 'not-sought':
      return `${CONSENT_STATUS_LABELS['not-sought']}: ${c.reason}`;
  }
}

export function ChildFacts(props: { c: ReferralChildRecord; today: string }): ReactElement {
  const { c, today } = props;
  const child = c.child;
  const birth =
    child.status === 'unborn'
      ? `Unborn, expected ${formatUkDate(child.expectedDateOfBirth)}`
      : child.dateOfBirth === undefined
        ? `Not known${child.approximateAge === undefined ? '' : `: ${approximateAgeText(child.approximateAge)} when referred`}`
        : (() => {
            const age = ageInYears(child.dateOfBirth, today);
            return `${formatUkDate(child.dateOfBirth)} (${age < 1 ? 'under 1' : `age ${String(age)}`})`;
          })();
  return (
    <Box>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}
      >
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.2rem', fontWeight: 700 }}>
          {c.personId ? (
            <Link component={RouterLink} to={`/people/${c.personId}`}>
              {c.displayName}
            </Link>
          ) : (
            c.displayName
          )}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={c.personId ? 'primary' : 'warning'}
          label={c.personId ? "Linked to the child's record" : 'Not yet checked against records'}
        />
        {c.reReferral ? (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label="Re-referral: referred within the last 12 months"
          />
        ) : null}
      </Stack>
      <Facts
        items={[
          [child.status === 'unborn' ? 'Expected' : 'Date of birth', birth],
          [
            'NHS number',
            child.status === 'born' && child.nhsNumber
              ? formatNhsNumber(child.nhsNumber)
              : 'Not recorded',
          ],
          ['Address', addressText(child.address)],
          ['School or nursery', child.school ?? 'Not recorded'],
          ['GP', child.gp ?? 'Not recorded'],
          [
            'Language',
            `${child.firstLanguage ?? 'Not recorded'}${
              child.interpreterNeeded === 'unknown'
                ? ' (whether an interpreter is needed is not known)'
                : child.interpreterNeeded
                  ? ' (interpreter needed)'
                  : ''
            }`,
          ],
          ...(child.status === 'born'
            ? ([
                ['Sex', childSexLabel(child.gender)],
                ['Ethnicity', child.ethnicity ?? 'Not recorded'],
                [
                  'Disability',
                  `${YES_NO_UNKNOWN[child.disability] ?? child.disability}${child.disabilityDetails ? `: ${child.disabilityDetails}` : ''}`,
                ],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
    </Box>
  );
}
