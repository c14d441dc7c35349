// "CIN census extract" (issue 14 "Measures"): choose a collection year, check its referral rows
// against the year's rules (each failing row named with what to put right), and export the CSV
// once every row passes. Shown only to those who may export it (canCall, from the contract).
import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { Link as RouterLink } from 'react-router';
import {
  CENSUS_BOOLEANS,
  CENSUS_OPTION_TEXT,
  DEFAULT_CENSUS_OPTIONS,
  selectableCollectionYears,
  type CensusBooleans,
  type CensusOptions,
} from '../../../../shared/census/specs';
import type { CensusRowFailure } from '../../../../shared/census/validate';
import { collectionYearLabel, collectionYearRange } from '../../../../shared/codes/collection-year';
import { canCall } from '../../../../shared/ipc/access';
import type { CensusCheck, CensusLastOptions } from '../../../../shared/ipc/channels/census';
import { call, errorMessage } from '../../api/client';
import { completeHandOver } from '../../api/files';
import { useSession } from '../../api/queries';
import { formatDateTime, formatUkDate, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';

type FailureRow = CensusRowFailure & { id: string };

const columns: GridColDef<FailureRow>[] = [
  {
    field: 'reference',
    headerName: 'Referral',
    width: 160,
    renderCell: (p) => (
      <Link component={RouterLink} to={`/referrals/${p.row.referralId}`} tabIndex={p.tabIndex}>
        {p.row.reference}
      </Link>
    ),
  },
  { field: 'childName', headerName: 'Child', width: 170 },
  {
    field: 'personId',
    headerName: 'Child id (LAchildID)',
    width: 200,
    valueGetter: (_v, row) => row.personId ?? 'Not linked',
  },
  {
    field: 'problems',
    headerName: 'What to put right',
    flex: 1,
    minWidth: 280,
    sortable: false,
    renderCell: (p) => (
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {p.row.problems.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </Box>
    ),
  },
];

function yearText(year: number): string {
  const { start, end } = collectionYearRange(year);
  return `${collectionYearLabel(year)} (${formatUkDate(start)} to ${formatUkDate(end)})`;
}

function Findings(props: { check: CensusCheck; refused: boolean }): ReactElement {
  const { check } = props;
  const rows = useMemo<FailureRow[]>(
    () => check.failures.map((f, i) => ({ ...f, id: `${f.referralId}-${String(i)}` })),
    [check],
  );
  const n = check.failures.length;
  if (n === 0) {
    return (
      <Alert severity="success">
        {check.label}: {check.rows} row{check.rows === 1 ? '' : 's'}, all pass the year&apos;s
        checks. The extract can be exported.
      </Alert>
    );
  }
  return (
    <Stack spacing={1.5}>
      <Alert severity={props.refused ? 'error' : 'warning'}>
        {props.refused ? 'Not exported: nothing was written. ' : ''}
        {n} of {check.rows} row{check.rows === 1 ? '' : 's'} for {check.label}{' '}
        {n === 1 ? 'needs' : 'need'} putting right on the referral or the child&apos;s record before
        the extract can be exported.
      </Alert>
      <Box sx={{ width: '100%' }}>
        <DataGrid
          aria-label={`Rows that fail the ${check.label} checks`}
          rows={rows}
          columns={columns}
          disableColumnMenu
          disableRowSelectionOnClick
          pageSizeOptions={[10, 25, 50]}
          initialState={{ pagination: { paginationModel: { pageSize: 10 } } }}
          getRowHeight={() => 'auto'}
          sx={{
            '& .MuiDataGrid-cell': { py: 0.75, display: 'flex', alignItems: 'center' },
            '& .MuiDataGrid-cell[data-field="problems"]': { whiteSpace: 'normal', lineHeight: 1.3 },
          }}
        />
      </Box>
    </Stack>
  );
}

const LAST_OPTIONS_KEY = ['census', 'last-options'] as const;

/** Where the readings shown came from: this screen, the last export, or the defaults. */
function startingPoint(last: CensusLastOptions | undefined, changedHere: boolean): string {
  if (changedHere) return 'Changed here; the export keeps them for the next extract.';
  if (last === undefined) return '';
  if (last.exportedAt === null) return 'No export yet: the defaults. An export keeps its choices.';
  return `As at the last export (${last.exportedBy ?? 'unknown'}, ${formatDateTime(last.exportedAt)}); change them for this extract if needed.`;
}

/** The two local readings of the year's guide, each with its default and why it is a choice. */
function LocalReadings(props: {
  options: CensusOptions;
  onChange: (next: CensusOptions) => void;
  source: string;
}): ReactElement {
  const { options, onChange } = props;
  const text = CENSUS_OPTION_TEXT;
  return (
    <>
      {props.source !== '' ? (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ mb: 1 }}
          data-testid="census-readings-source"
        >
          {props.source}
        </Typography>
      ) : null}
      <Stack
        direction="row"
        spacing={3}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start', mb: 2 }}
      >
        <Box sx={{ maxWidth: 520 }}>
          <FormControlLabel
            control={
              <Checkbox
                id="field-census-early-help"
                checked={options.earlyHelpIsNfa}
                onChange={(e) => {
                  onChange({ ...options, earlyHelpIsNfa: e.target.checked });
                }}
                slotProps={{ input: { 'aria-describedby': 'field-census-early-help-note' } }}
              />
            }
            label={text.earlyHelpIsNfa.label}
          />
          <FormHelperText id="field-census-early-help-note" sx={{ mt: 0, ml: 4 }}>
            {text.earlyHelpIsNfa.note} Default: counted.
          </FormHelperText>
        </Box>
        <TextField
          select
          size="small"
          id="field-census-booleans"
          label={text.booleans.label}
          value={options.booleans}
          onChange={(e) => {
            const value = CENSUS_BOOLEANS.find((b) => b === e.target.value);
            if (value !== undefined) onChange({ ...options, booleans: value });
          }}
          helperText="Local reading: the specification writes true / false (the default)."
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 300, maxWidth: 360 }}
        >
          {CENSUS_BOOLEANS.map((b: CensusBooleans) => (
            <option key={b} value={b}>
              {text.booleans.choices[b]}
            </option>
          ))}
        </TextField>
      </Stack>
    </>
  );
}

export function CensusExtract(): ReactElement | null {
  const session = useSession();
  const nowSource = useNowSource();
  const years = useMemo(() => selectableCollectionYears(londonDay(nowSource())), [nowSource]);
  const [year, setYear] = useState<number>(() => years[0] ?? 2013);
  const queryClient = useQueryClient();
  const user = session.data?.user;
  const allowed = user !== undefined && canCall('census:export', user);
  const last = useQuery({
    queryKey: LAST_OPTIONS_KEY,
    queryFn: () => call('census:last-options', {}),
    enabled: allowed,
  });
  // Null until changed here: the screen starts from the last export's readings.
  const [chosen, setChosen] = useState<CensusOptions | null>(null);
  const options = chosen ?? last.data?.options ?? DEFAULT_CENSUS_OPTIONS;
  const [said, setSaid] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (y: number) => call('census:check', { year: y, ...options }),
  });
  const exporting = useMutation({
    mutationFn: (y: number) => call('census:export', { year: y, ...options }),
    onSuccess: (out) => {
      if (out.kind === 'exported') {
        // The readings exported are now the last export's: show them as that.
        setChosen(null);
        void queryClient.invalidateQueries({ queryKey: LAST_OPTIONS_KEY });
        setSaid(
          `Exported ${String(out.rows)} row${out.rows === 1 ? '' : 's'}. ${completeHandOver(out.outcome)}`,
        );
      }
    },
  });
  if (!allowed) return null;

  const refused = exporting.data?.kind === 'refused' ? exporting.data.check : null;
  const shown = refused ?? check.data ?? null;
  const busy = check.isPending || exporting.isPending;
  const error = check.error ?? exporting.error;
  const reset = () => {
    setSaid(null);
    check.reset();
    exporting.reset();
  };

  return (
    // Drawn like the other sections of the Measures page (MeasureSections.tsx).
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="census-extract-heading"
      sx={{ p: 2 }}
    >
      <Typography variant="h5" component="h2" id="census-extract-heading" sx={{ mb: 0.5 }}>
        CIN census extract
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, fontSize: '0.9rem' }}>
        The Children in Need census referral items for a collection year: one row per child on each
        referral received in it, in census codes. Check the year first: the extract is exported only
        when every row passes the year&apos;s rules. The file holds census codes, dates as
        YYYY-MM-DD and the child&apos;s record id, never a name; each export is recorded in the
        audit log.
      </Typography>
      <LocalReadings
        options={options}
        source={startingPoint(last.data, chosen !== null)}
        onChange={(next) => {
          setChosen(next);
          reset();
        }}
      />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          size="small"
          id="field-census-year"
          label="Collection year"
          value={String(year)}
          onChange={(e) => {
            setYear(Number(e.target.value));
            reset();
          }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 300 }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {yearText(y)}
            </option>
          ))}
        </TextField>
        <Button
          variant="outlined"
          startIcon={<FactCheckIcon />}
          disabled={busy}
          onClick={() => {
            reset();
            check.mutate(year);
          }}
        >
          {check.isPending ? 'Checking…' : 'Check'}
        </Button>
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          disabled={busy}
          onClick={() => {
            reset();
            exporting.mutate(year);
          }}
        >
          {exporting.isPending ? 'Exporting…' : 'Export CSV'}
        </Button>
      </Stack>
      <div role="status" aria-live="polite">
        {said !== null ? (
          <Alert severity="success" sx={{ mt: 2 }}>
            {said}
          </Alert>
        ) : null}
        {error !== null ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorMessage(error)}
          </Alert>
        ) : null}
      </div>
      {shown !== null ? (
        <Box sx={{ mt: 2 }}>
          <Findings check={shown} refused={refused !== null} />
        </Box>
      ) : null}
    </Paper>
  );
}
