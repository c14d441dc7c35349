// Bank holidays (domain §4): where they come from, the last year known, the GOV.UK file import, and
// the holidays themselves for this year and the next two, each year saying whether it is from the
// imported file, Front Door's own table, or provisional (worked out by rule).

import { useRef, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  GOV_UK_BANK_HOLIDAYS_URL,
  MAX_BANK_HOLIDAY_FILE_CHARS,
} from '../../../../shared/calendar/gov-uk-import';
import type { ImportedBankHolidays } from '../../../../shared/calendar';
import type {
  BankHolidayImportResult,
  BankHolidayStatus,
} from '../../../../shared/ipc/channels/calendar';
import type { IsoDate } from '../../../../shared/domain/types';
import { ApiError, errorMessage } from '../../api/client';
import { ErrorSummary, fieldId } from '../../components/ErrorSummary';
import { formatDateTime } from '../../components/format';
import {
  SOURCE_LABELS,
  daysText,
  holidayYears,
  importWarningText,
  knownToText,
} from './calendar-model';
import { useImportBankHolidays } from './calendar-queries';

/** The file's text as UTF-8 (GOV.UK serves UTF-8: the curly apostrophes in the titles). */
function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read'));
    };
    reader.readAsText(file, 'utf-8');
  });
}

function importedText(status: BankHolidayStatus): string {
  const i = status.imported;
  if (i === null) {
    return `No GOV.UK file has been imported yet. Front Door uses its own table of bank holidays for ${String(status.shipped.from)} to ${String(status.shipped.to)}.`;
  }
  const who = i.importedBy === null ? '' : ` by ${i.importedBy.displayName}`;
  const file = i.fileName === null ? '' : ` (${i.fileName})`;
  return `Imported from GOV.UK${file} on ${formatDateTime(i.importedAt)}${who}: England and Wales ${String(i.covers.from)} to ${String(i.covers.to)}, ${String(i.events)} bank holidays.`;
}

function resultText(r: BankHolidayImportResult): string[] {
  const lines: string[] = [];
  if (r.added.length > 0) lines.push(`Now bank holidays: ${daysText(r.added)}.`);
  if (r.removed.length > 0) lines.push(`No longer bank holidays: ${daysText(r.removed)}.`);
  if (r.added.length === 0 && r.removed.length === 0) {
    lines.push('The file lists the same bank holidays Front Door was already using.');
  }
  if (r.decisionDatesChanged > 0) {
    lines.push(
      `Decision due dates moved on ${String(r.decisionDatesChanged)} open referral${r.decisionDatesChanged === 1 ? '' : 's'}; each referral’s history says so.`,
    );
  }
  return lines;
}

export function BankHolidaysSection(props: {
  status: BankHolidayStatus;
  bankHolidays: ImportedBankHolidays | null;
  today: IsoDate;
}): ReactElement {
  const { status } = props;
  const importer = useImportBankHolidays();
  const fileInput = useRef<HTMLInputElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<BankHolidayImportResult | null>(null);
  const doneRef = useRef<HTMLDivElement | null>(null);
  const thisYear = Number(props.today.slice(0, 4));
  const years = holidayYears([thisYear, thisYear + 1, thisYear + 2], props.bankHolidays);
  const errorId = 'bank-holiday-file-error';

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setDone(null);
    // Refused before it is read: a file this big is not the GOV.UK file (about 20 KB).
    if (file.size > MAX_BANK_HOLIDAY_FILE_CHARS) {
      setProblem(
        `${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB. The GOV.UK bank holidays file is about 20 KB: choose the file downloaded from ${GOV_UK_BANK_HOLIDAYS_URL}.`,
      );
      return;
    }
    let text: string;
    try {
      text = await readAsText(file);
    } catch {
      setProblem(`${file.name} could not be read. Choose it again.`);
      return;
    }
    importer.mutate(
      { text, fileName: file.name.slice(0, 255) },
      {
        onSuccess: (result) => {
          setProblem(null);
          setDone(result);
          requestAnimationFrame(() => doneRef.current?.focus());
        },
        onError: (error) => {
          const reason =
            error instanceof ApiError
              ? (error.fieldErrors?.text ?? error.message)
              : errorMessage(error);
          setProblem(`${file.name} was not imported, and nothing was changed. ${reason}`);
        },
      },
    );
  };

  return (
    <Stack spacing={2.5}>
      <ErrorSummary
        errors={problem === null ? [] : [{ field: 'bankHolidayFile', message: problem }]}
      />
      <Box data-testid="bank-holiday-status">
        <Typography sx={{ fontWeight: 600 }}>
          Bank holidays are known to {knownToText(status.knownTo)}.
        </Typography>
        <Typography>{importedText(status)}</Typography>
        <Typography>
          Later years are <strong>provisional</strong>: worked out by the standing rules, so a
          one-off bank holiday announced later (a jubilee, a state occasion) is missing until a
          newer file is imported. Dates in those years are marked “provisional” wherever they are
          shown.
        </Typography>
      </Box>
      {status.warn ? (
        <Alert severity="warning" data-testid="bank-holiday-warning">
          {importWarningText(status.today, status.knownTo)}
        </Alert>
      ) : null}
      {done !== null ? (
        <Alert
          severity="success"
          role="status"
          ref={doneRef}
          tabIndex={-1}
          data-testid="bank-holiday-imported"
        >
          <AlertTitle>
            Imported: England and Wales bank holidays {String(done.status.imported?.covers.from)} to{' '}
            {String(done.status.imported?.covers.to)}
          </AlertTitle>
          {resultText(done).map((line) => (
            <Box key={line}>{line}</Box>
          ))}
        </Alert>
      ) : null}
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="h3" sx={{ mb: 1, p: 0 }}>
          Import the GOV.UK file
        </Typography>
        <Typography sx={{ mb: 1.5 }}>
          In your web browser, open{' '}
          <Box component="code" sx={{ fontWeight: 600, userSelect: 'all' }}>
            {GOV_UK_BANK_HOLIDAYS_URL}
          </Box>{' '}
          and save it as a file, then choose that file here. Only England and Wales is read. A file
          that is incomplete or not GOV.UK’s is refused whole, with the reason, and nothing changes.
        </Typography>
        <Button
          id={fieldId('bankHolidayFile')}
          variant="outlined"
          onClick={() => fileInput.current?.click()}
          disabled={importer.isPending}
          aria-describedby={problem !== null ? errorId : undefined}
        >
          {importer.isPending ? 'Importing…' : 'Choose the GOV.UK file…'}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="bank-holiday-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Choosing the same file again after a fix should still be read.
            e.target.value = '';
            void onFile(file);
          }}
        />
        {problem !== null ? (
          <FormHelperText error id={errorId} sx={{ mt: 1, fontSize: '1rem' }}>
            {problem}
          </FormHelperText>
        ) : null}
      </Box>
      {years.map((y) => (
        <Box key={y.year} data-testid={`holidays-${String(y.year)}`}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 0.5 }}>
            <Typography component="h3" variant="h3">
              {y.year}
            </Typography>
            <Chip
              size="small"
              label={SOURCE_LABELS[y.source]}
              color={y.source === 'provisional' ? 'warning' : 'default'}
              variant={y.source === 'provisional' ? 'filled' : 'outlined'}
            />
          </Stack>
          <Table size="small" aria-label={`Bank holidays ${String(y.year)}`} sx={{ maxWidth: 640 }}>
            <TableBody>
              {y.holidays.map((h) => (
                <TableRow key={h.date}>
                  <TableCell sx={{ width: 160 }}>{h.label}</TableCell>
                  <TableCell>
                    {h.name}
                    {y.source === 'provisional' ? ' (provisional)' : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Stack>
  );
}
