import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  EDITIONS,
  RESPONSE_LABELS,
  RESPONSE_TYPES,
  type Edition,
  type ResponseType,
} from '../../../../shared/domain/types';
import { editionLabel, type PolicyOverrides } from '../../../../shared/policy';
import {
  S47_OUTCOMES,
  S47_OUTCOME_LABELS,
  isProvisional,
  londonNow,
  type ImportedBankHolidays,
  type S47Outcome,
} from '../../../../shared/calendar';
import { ChecklistRules } from './ChecklistRules';
import { formatUkDate } from '../../../../shared/validation/formats';
import {
  COUNTING_CONVENTION,
  VERIFY_UI_TEXT,
  attendeeRows,
  calculateClocks,
  holidaysFor,
  holidaySourceText,
  policyFor,
  ruleRows,
  statusText,
  type CalculatorResult,
} from './rules-model';
import { Section } from '../../components/Section';

export type RulesPageProps = {
  /** The edition the authority has chosen (from settings); the page can show any edition. */
  configuredEdition?: Edition;
  overrides?: PolicyOverrides;
  closures?: readonly string[];
  /** The imported GOV.UK bank holidays (settings), or none: the rules apply. */
  bankHolidays?: ImportedBankHolidays | null;
  /** Injectable clock for tests. */
  now?: () => Date;
};

/**
 * "Rules and clocks": the statutory rules of the chosen Working Together edition with the source of
 * each, the strategy discussion attendees, and a working-day calculator for the clocks.
 */
export function RulesPage(props: RulesPageProps): ReactElement {
  const now = props.now ?? (() => new Date());
  const configured = props.configuredEdition ?? 2023;
  const [edition, setEdition] = useState<Edition>(configured);
  const overrides = edition === configured ? props.overrides : undefined;
  const policy = useMemo(() => policyFor(edition, overrides), [edition, overrides]);
  const rows = ruleRows(policy);
  const attendees = attendeeRows(policy);

  const start = londonNow(now());
  const [receivedDate, setReceivedDate] = useState(formatUkDate(start.date));
  const [receivedTime, setReceivedTime] = useState(start.time);
  const [response, setResponse] = useState<ResponseType | ''>('');
  const [discussionDate, setDiscussionDate] = useState('');
  const [s47, setS47] = useState<'yes' | 'no' | ''>('');
  const [s47Outcome, setS47Outcome] = useState<S47Outcome | ''>('');
  const [result, setResult] = useState<CalculatorResult | null>(null);
  const [year, setYear] = useState(Number(start.date.slice(0, 4)));

  const calculate = (): void => {
    setResult(
      calculateClocks({
        edition,
        ...(overrides ? { overrides } : {}),
        closures: props.closures ?? [],
        bankHolidays: props.bankHolidays ?? null,
        receivedDate,
        receivedTime,
        response,
        strategyDiscussionDate: discussionDate,
        s47,
        s47Outcome,
        now: now(),
      }),
    );
  };
  const errors = result && !result.ok ? result.errors : {};

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Box>
        <Typography variant="h1" gutterBottom>
          Rules and clocks
        </Typography>
        <Typography color="text.secondary">
          The rules Front Door applies, from {editionLabel(configured)} plus your local policy. Pick
          another edition to compare.
        </Typography>
      </Box>

      <ToggleButtonGroup
        exclusive
        value={edition}
        onChange={(_e, value: Edition | null) => {
          if (value !== null) setEdition(value);
        }}
        aria-label="Working Together edition"
        size="small"
      >
        {EDITIONS.map((e) => (
          <ToggleButton key={e} value={e} aria-label={editionLabel(e)}>
            {e}
            {e === configured ? ' (in use)' : ''}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>

      <Section spacing={0} title="Timescales and decisions" id="rules-timescales">
        <Table size="small" aria-labelledby="rules-timescales">
          <TableHead>
            <TableRow>
              <TableCell scope="col" sx={{ width: '28%' }}>
                Rule
              </TableCell>
              <TableCell scope="col" sx={{ width: '22%' }}>
                Value
              </TableCell>
              <TableCell scope="col">Where it comes from</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableCell>{row.label}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <span>{row.value}</span>
                    {row.overridden && <Chip size="small" color="primary" label="Local policy" />}
                    {row.localSetting && !row.overridden && (
                      <Chip
                        size="small"
                        variant="outlined"
                        label="Local setting"
                        title={VERIFY_UI_TEXT}
                      />
                    )}
                  </Stack>
                </TableCell>
                <TableCell sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                  {row.source}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Alert severity="info" sx={{ mt: 2 }}>
          <strong>How working days are counted.</strong> {COUNTING_CONVENTION}
        </Alert>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Rules marked “Local setting” are left to local policy by the guidance. {VERIFY_UI_TEXT}
        </Typography>
      </Section>

      <Section spacing={0} title="The decision checklist" id="rules-checklist">
        <ChecklistRules edition={edition} />
      </Section>

      <Section spacing={0} title="Strategy discussion: who must be involved" id="rules-attendees">
        <Table size="small" aria-labelledby="rules-attendees">
          <TableHead>
            <TableRow>
              <TableCell scope="col" sx={{ width: '30%' }}>
                Who
              </TableCell>
              <TableCell scope="col" sx={{ width: '18%' }}>
                Involvement
              </TableCell>
              <TableCell scope="col">Who names them</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {attendees.map((a) => (
              <TableRow key={a.role}>
                <TableCell>{a.role}</TableCell>
                <TableCell>
                  {a.required ? (
                    <Chip size="small" color="primary" label="Must be involved" />
                  ) : (
                    <Chip size="small" variant="outlined" label="Also named" />
                  )}
                </TableCell>
                <TableCell sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                  {a.source}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section spacing={0} title="Working-day calculator" id="rules-calculator">
        <Box
          component="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            calculate();
          }}
          sx={{ display: 'grid', gridTemplateColumns: { md: 'repeat(4, 1fr)' }, gap: 2, mb: 2 }}
        >
          <TextField
            label="Referral received (date)"
            value={receivedDate}
            onChange={(e) => {
              setReceivedDate(e.target.value);
            }}
            error={Boolean(errors.receivedDate)}
            helperText={errors.receivedDate ?? 'DD/MM/YYYY'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <TextField
            label="Time received"
            value={receivedTime}
            onChange={(e) => {
              setReceivedTime(e.target.value);
            }}
            error={Boolean(errors.receivedTime)}
            helperText={errors.receivedTime ?? '24-hour, HH:mm (UK time)'}
          />
          <TextField
            select
            label="Decision (if made)"
            value={response}
            onChange={(e) => {
              setResponse(e.target.value as ResponseType | '');
            }}
            helperText="Changes which clocks apply"
          >
            <MenuItem value="">Not decided yet</MenuItem>
            {RESPONSE_TYPES.map((r) => (
              <MenuItem key={r} value={r}>
                {RESPONSE_LABELS[r]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Strategy discussion held on"
            value={discussionDate}
            onChange={(e) => {
              setDiscussionDate(e.target.value);
            }}
            error={Boolean(errors.strategyDiscussionDate)}
            helperText={errors.strategyDiscussionDate ?? 'Optional, DD/MM/YYYY'}
          />
          <TextField
            select
            label="Section 47 enquiry started?"
            value={s47}
            onChange={(e) => {
              setS47(e.target.value as 'yes' | 'no' | '');
            }}
            helperText="What the strategy discussion decided"
          >
            <MenuItem value="">Not recorded</MenuItem>
            <MenuItem value="yes">Yes</MenuItem>
            <MenuItem value="no">No</MenuItem>
          </TextField>
          <TextField
            select
            label="Outcome of the enquiry"
            value={s47Outcome}
            disabled={s47 !== 'yes'}
            onChange={(e) => {
              setS47Outcome(e.target.value as S47Outcome | '');
            }}
            helperText="A conference follows only a finding of likely significant harm"
          >
            <MenuItem value="">Not known yet</MenuItem>
            {S47_OUTCOMES.map((o) => (
              <MenuItem key={o} value={o}>
                {S47_OUTCOME_LABELS[o]}
              </MenuItem>
            ))}
          </TextField>
          <Box>
            <Button type="submit" variant="contained">
              Work out the clocks
            </Button>
          </Box>
        </Box>
        {result?.ok && (
          <>
            <Alert severity="info" sx={{ mb: 2 }}>
              {result.receiptReason} Day 0 is {formatUkDate(result.countedFrom)}.
            </Alert>
            <Table size="small" aria-label="Statutory clocks">
              <TableHead>
                <TableRow>
                  <TableCell scope="col">Clock</TableCell>
                  <TableCell scope="col">Counts from</TableCell>
                  <TableCell scope="col">Due by</TableCell>
                  <TableCell scope="col">Today</TableCell>
                  <TableCell scope="col">Rule</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.clocks.map((clock) => (
                  <TableRow key={clock.id}>
                    <TableCell>{clock.label}</TableCell>
                    <TableCell>{clock.startsFrom ? formatUkDate(clock.startsFrom) : '—'}</TableCell>
                    <TableCell>
                      {clock.due
                        ? formatUkDate(clock.due)
                        : clock.provisionalDue
                          ? `Would be ${formatUkDate(clock.provisionalDue)}`
                          : 'When it starts'}
                      {(clock.due ?? clock.provisionalDue) !== null &&
                      isProvisional(clock.due ?? clock.provisionalDue ?? '', props.bankHolidays)
                        ? ' (provisional: bank holidays not yet known)'
                        : ''}
                    </TableCell>
                    <TableCell>
                      {statusText(clock.status)}
                      {clock.status.kind === 'not-required' ? `: ${clock.status.reason}` : ''}
                      {clock.waitingFor !== null && clock.status.kind === 'not-started'
                        ? `. ${clock.waitingFor}.`
                        : ''}
                    </TableCell>
                    <TableCell sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                      {clock.rule}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Section>

      <Section spacing={0} title="Bank holidays (England and Wales)" id="rules-holidays">
        <TextField
          type="number"
          label="Year"
          value={year}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1978 && n <= 9999) setYear(n);
          }}
          sx={{ mb: 2, width: 140 }}
        />
        <HolidaySourceLine year={year} bankHolidays={props.bankHolidays ?? null} />
        <Table size="small" aria-label={`Bank holidays ${year}`}>
          <TableBody>
            {holidaysFor(year, props.bankHolidays).map((h) => (
              <TableRow key={h.date}>
                <TableCell sx={{ width: 140 }}>{h.date}</TableCell>
                <TableCell>{h.name}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </Stack>
  );
}

function HolidaySourceLine(props: {
  year: number;
  bankHolidays: ImportedBankHolidays | null;
}): ReactElement {
  const { source, text } = holidaySourceText(props.year, props.bankHolidays);
  return source === 'provisional' ? (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="holidays-source">
      {text}
    </Alert>
  ) : (
    <Typography sx={{ mb: 2 }} color="text.secondary" data-testid="holidays-source">
      {text}
    </Typography>
  );
}
