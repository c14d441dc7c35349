import type { ReactElement, ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { RESPONSE_LABELS } from '../../../../shared/domain/types';
import {
  REFERRAL_STATUS_LABELS,
  type ReferralChildRecord,
  type ReferralRecord,
} from '../../../../shared/domain/records';
import { REFERRAL_CHANNEL_LABELS } from '../../../../shared/validation/referral';
import { useReferral } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { formatDateTime, formatDayDate, formatUkDate, londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { ageInYears } from '../queue/queue-model';

function Section(props: { id: string; title: string; children: ReactNode }): ReactElement {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={props.id} sx={{ p: 3 }}>
      <Typography id={props.id} variant="h2" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

/** Label and value pairs as a description list: read in order by screen readers. */
function Facts(props: { items: [string, ReactNode][] }): ReactElement {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(160px, max-content) 1fr' },
        columnGap: 3,
        rowGap: 1.25,
        m: 0,
        '& dt': { color: 'text.secondary' },
        '& dd': { m: 0 },
      }}
    >
      {props.items.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Box>
      ))}
    </Box>
  );
}

function referrerText(r: ReferralRecord): string {
  const ref = r.referrer;
  switch (ref.kind) {
    case 'professional':
      return `${ref.name}, ${ref.role}, ${ref.agencyName}`;
    case 'public':
      return `${ref.name} (member of the public)`;
    case 'anonymous':
      return 'Anonymous';
  }
}

function birthText(c: ReferralChildRecord, today: string): string {
  const child = c.child;
  if (child.status === 'unborn') {
    return `Unborn, expected ${formatUkDate(child.expectedDateOfBirth)}`;
  }
  const age = ageInYears(child.dateOfBirth, today);
  return `Born ${formatUkDate(child.dateOfBirth)} (${age < 1 ? 'under 1' : `age ${String(age)}`})`;
}

/** Read-only summary of one referral (the full referral page comes with intake and decisions). */
export function ReferralSummaryPage(): ReactElement {
  const params = useParams();
  const id = params.id ?? '';
  const referral = useReferral(id);

  return (
    <Stack spacing={3}>
      <Box>
        <Button component={RouterLink} to="/" startIcon={<ArrowBackIcon />}>
          Back to the queue
        </Button>
      </Box>
      {referral.isPending ? <Loading label="Opening the referral…" /> : null}
      {referral.isError ? (
        <ErrorPanel
          title="The referral could not be opened"
          error={referral.error}
          onRetry={() => void referral.refetch()}
        />
      ) : null}
      {referral.data ? <Summary r={referral.data} /> : null}
    </Stack>
  );
}

function Summary(props: { r: ReferralRecord }): ReactElement {
  const { r } = props;
  const names = r.children.map((c) => c.displayName).join(', ');
  const today = londonDay(useNow());
  return (
    <>
      <Box>
        <Typography variant="h1" gutterBottom>
          {names}
        </Typography>
        <Stack
          direction="row"
          spacing={1.5}
          sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
        >
          <ClockChip status={r.clock} />
          <Chip label={REFERRAL_STATUS_LABELS[r.status]} variant="outlined" />
          <Typography color="text.secondary">Reference {r.reference}</Typography>
        </Stack>
      </Box>

      {r.input.immediateProtectionMayBeNeeded ? (
        <Alert severity="error">The referrer said the child may need immediate protection.</Alert>
      ) : null}

      <Section id="sec-received" title="Received">
        <Facts
          items={[
            ['Received', formatDateTime(r.receivedAt)],
            ['How', REFERRAL_CHANNEL_LABELS[r.channel]],
            ['Clock counted from', formatDayDate(r.countedFrom)],
            ['Decision due', formatDayDate(r.decisionDue)],
            ['Referrer', referrerText(r)],
            ['Assigned to', r.assignedTo?.displayName ?? 'Unassigned'],
          ]}
        />
      </Section>

      <Section id="sec-children" title={r.children.length === 1 ? 'Child' : 'Children'}>
        <Stack spacing={2}>
          {r.children.map((c) => (
            <Box key={c.id}>
              <Typography sx={{ fontWeight: 600 }}>{c.displayName}</Typography>
              <Typography color="text.secondary">{birthText(c, today)}</Typography>
              {c.reReferral ? (
                <Chip
                  size="small"
                  color="warning"
                  variant="outlined"
                  label="Re-referral: referred within the last 12 months"
                  sx={{ mt: 0.5 }}
                />
              ) : null}
            </Box>
          ))}
        </Stack>
      </Section>

      <Section id="sec-concern" title="The concern">
        <Typography sx={{ whiteSpace: 'pre-wrap', maxWidth: '75ch' }}>{r.input.concern}</Typography>
        <Box sx={{ mt: 2 }}>
          <Facts items={[["Child's whereabouts", r.input.currentWhereabouts]]} />
        </Box>
      </Section>

      {r.decisions.length > 0 ? (
        <Section id="sec-decisions" title="Decisions">
          <Stack spacing={2}>
            {r.decisions.map((d) => (
              <Box key={d.id}>
                <Typography sx={{ fontWeight: 600 }}>{RESPONSE_LABELS[d.chosen]}</Typography>
                <Typography color="text.secondary">
                  Recorded by {d.recordedBy.displayName} on {formatDateTime(d.recordedAt)}
                </Typography>
                <Typography sx={{ whiteSpace: 'pre-wrap', maxWidth: '75ch', mt: 0.5 }}>
                  {d.rationale}
                </Typography>
              </Box>
            ))}
          </Stack>
        </Section>
      ) : null}

      {r.chronology.length > 0 ? (
        <Section id="sec-chronology" title="What has happened">
          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {r.chronology.map((e) => (
              <li key={e.id}>
                <Typography>
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    {formatDateTime(e.at)}
                  </Box>{' '}
                  {e.text}
                  {e.by ? ` (${e.by.displayName})` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </Section>
      ) : null}
    </>
  );
}
