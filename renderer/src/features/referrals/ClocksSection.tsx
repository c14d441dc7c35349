// The referral's statutory clocks: each with its rule, the source in a few words (the full wording
// on hover and on Rules and clocks), when it is due, and where it stands. Clocks that wait for
// something say what; a conference that is not required says why.

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  COUNTING_CONVENTION,
  isProvisional,
  shortRuleSource,
  type ImportedBankHolidays,
  type StatutoryClock,
} from '../../../../shared/calendar';
import type { SettingsRecord } from '../../../../shared/domain/records';
import { editionLabel } from '../../../../shared/policy';
import { ClockChip } from '../../components/ClockChip';
import { formatDayDate } from '../../components/format';

/**
 * What to show under the clock's name: when it is due, or what it waits for. A date in a year
 * whose bank holidays are not yet known (computed by rule only) says so: it may move.
 */
function dueText(c: StatutoryClock, bankHolidays: ImportedBankHolidays | null): string {
  const date = c.due ?? c.provisionalDue;
  if (date === null) return '';
  const text =
    c.due !== null ? `Due ${formatDayDate(date)}` : `Would be due ${formatDayDate(date)}`;
  return isProvisional(date, bankHolidays) ? `${text} (provisional)` : text;
}

/** Clocks worth a line: started, met, waiting with something to say, or not required. */
export function visibleClocks(clocks: readonly StatutoryClock[]): StatutoryClock[] {
  return clocks.filter(
    (c) =>
      c.due !== null ||
      c.status.kind === 'met' ||
      c.status.kind === 'not-required' ||
      (c.waitingFor !== null && c.id !== 'first-core-group' && c.id !== 'first-review-conference'),
  );
}

export function ClocksList(props: {
  clocks: readonly StatutoryClock[];
  /** The imported GOV.UK bank holidays (settings), which decide which dates are provisional. */
  bankHolidays?: ImportedBankHolidays | null;
}): ReactElement {
  return (
    <Box component="ul" data-testid="clocks" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {visibleClocks(props.clocks).map((c) => (
        <Box
          component="li"
          key={c.id}
          data-clock={c.id}
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: '1fr 220px 240px' },
            gap: 1.5,
            alignItems: 'center',
            py: 1.25,
            borderTop: 1,
            borderColor: 'divider',
          }}
        >
          <Box>
            <Typography sx={{ fontWeight: 600 }}>{c.label}</Typography>
            <Typography variant="body2">{c.plain}</Typography>
            {c.waitingFor !== null && c.status.kind === 'not-started' ? (
              <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
                {c.waitingFor}.
              </Typography>
            ) : null}
            {c.status.kind === 'not-required' ? (
              <Typography variant="body2">{c.status.reason}</Typography>
            ) : null}
            <Typography variant="body2" color="text.secondary" title={c.rule}>
              Source: {shortRuleSource(c.source)}
            </Typography>
          </Box>
          <Typography>{dueText(c, props.bankHolidays ?? null)}</Typography>
          <Box>
            <ClockChip status={c.status} size="small" />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

export function HowWeCount(props: { settings: SettingsRecord }): ReactElement {
  const { settings } = props;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
      How we count: {COUNTING_CONVENTION} Rules from {editionLabel(settings.edition)}
      {settings.policy.overrides.length > 0 ? ' with local policy' : ''}: see{' '}
      <RouterLink to="/rules">Rules and clocks</RouterLink> for each rule&apos;s source.
    </Typography>
  );
}
