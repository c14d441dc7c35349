// "Measures" (issue 14): the front door's figures for a period of London dates, each with the
// numbers behind it ("41 of 52, 79%") and the referrals it counts a click away. Charts, or the
// same numbers as tables (for screen readers, or anyone who prefers them).
import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { daysBetweenIso } from '../../../../shared/calendar/dates';
import {
  MAX_PERIOD_DAYS,
  defaultPeriod,
  describePeriod,
  type Period,
} from '../../../../shared/measures/period';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { CensusExtract } from './CensusExtract';
import { DrillDialog } from './DrillDialog';
import { MeasureSections } from './MeasureSections';
import { PeriodPicker } from './PeriodPicker';
import type { DrillRequest } from './measures-model';
import { useMeasures } from './measures-queries';

export type MeasuresView = 'charts' | 'tables';

function periodProblems(p: Period): { from: string | null; to: string | null } {
  if (p.from > p.to) return { from: null, to: 'The end date must be on or after the start date' };
  if (daysBetweenIso(p.from, p.to) > MAX_PERIOD_DAYS)
    return { from: 'Choose a period of ten years or less', to: null };
  return { from: null, to: null };
}

export function MeasuresPage(props: { initialView?: MeasuresView }): ReactElement {
  const nowSource = useNowSource();
  const today = useMemo(() => londonDay(nowSource()), [nowSource]);
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(today));
  const [view, setView] = useState<MeasuresView>(props.initialView ?? 'charts');
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const problems = periodProblems(period);
  const valid = problems.from === null && problems.to === null;
  const measures = useMeasures(period, valid);
  const m = measures.data;

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Box>
        <Typography variant="h4" component="h1" id="measures-heading" tabIndex={-1}>
          Measures
        </Typography>
        <Typography color="text.secondary">
          How the front door is doing for referrals received in a period. Every figure shows the
          numbers behind it; open any count to see the referrals it counts.
        </Typography>
      </Box>
      <Paper
        variant="outlined"
        sx={{
          p: 2,
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          alignItems: 'flex-start',
          justifyContent: 'space-between',
        }}
      >
        <PeriodPicker value={period} today={today} problem={problems} onChange={setPeriod} />
        <ToggleButtonGroup
          exclusive
          size="small"
          aria-label="Show the numbers as"
          value={view}
          onChange={(_e, next: unknown) => {
            if (next === 'charts' || next === 'tables') setView(next);
          }}
          sx={{ mt: 0.25 }}
        >
          <ToggleButton value="charts" sx={{ textTransform: 'none', px: 2 }}>
            Charts
          </ToggleButton>
          <ToggleButton value="tables" sx={{ textTransform: 'none', px: 2 }}>
            Tables
          </ToggleButton>
        </ToggleButtonGroup>
      </Paper>
      {!valid ? null : measures.isPending ? (
        <Loading label="Counting…" />
      ) : measures.isError ? (
        <ErrorPanel
          title="The measures could not be worked out"
          error={measures.error}
          onRetry={() => void measures.refetch()}
        />
      ) : m === undefined ? null : m.empty ? (
        <Alert severity="info" role="status">
          Nothing was received in this period ({describePeriod(m)}): no contacts, strategy
          discussions or conferences to count. Choose another period.
        </Alert>
      ) : (
        <>
          <Typography role="status" sx={{ fontWeight: 600 }}>
            Referrals received {describePeriod(m)}
            {measures.isFetching ? ' (updating…)' : ''}
          </Typography>
          <MeasureSections m={m} view={view} onDrill={setDrill} />
        </>
      )}
      <CensusExtract />
      <DrillDialog
        period={period}
        request={drill}
        onClose={() => {
          setDrill(null);
        }}
      />
    </Stack>
  );
}
