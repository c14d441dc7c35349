// Warns administrators three months before the bank holidays Front Door knows run out (domain §4:
// later years are worked out by rule and a one-off holiday announced since would be missing, so
// every clock counted over it would be a day early). Worked out from today in Europe/London and
// the table in the settings; shown only to those who may import the GOV.UK file.

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { shouldWarnToImport } from '../../../../shared/calendar';
import type { AppUser, SettingsRecord } from '../../../../shared/domain/records';
import { canCall } from '../../../../shared/ipc/access';
import { londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { importWarningText } from './calendar-model';

export function BankHolidayBanner(props: {
  user: AppUser;
  settings: SettingsRecord;
}): ReactElement | null {
  const today = londonDay(useNow());
  if (!canCall('bank-holidays:import', props.user)) return null;
  const { warn, knownTo } = shouldWarnToImport(today, props.settings.bankHolidays);
  if (!warn) return null;
  return (
    <Alert severity="warning" sx={{ mb: 3 }} data-testid="bank-holiday-banner">
      {importWarningText(today, knownTo)}{' '}
      <Link component={RouterLink} to="/admin/calendar" color="inherit">
        Go to closure days and bank holidays
      </Link>
    </Alert>
  );
}
