// "Closure days and bank holidays" (issue 14, administrators): the days that are not working days
// besides weekends (domain §4), which every statutory clock counts over. Closure days are the
// authority's own; bank holidays come from the GOV.UK file once imported, from Front Door's own
// table before that, and by rule (provisional) for years neither covers.

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useSettings } from '../../api/queries';
import { londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { BankHolidaysSection } from './BankHolidaysSection';
import { ClosureDays } from './ClosureDays';
import { useBankHolidayStatus } from './calendar-queries';

export function CalendarPage(): ReactElement {
  const settings = useSettings();
  const status = useBankHolidayStatus();
  const today = londonDay(useNow());
  return (
    <Stack spacing={3} sx={{ maxWidth: 880 }}>
      <Box>
        <Typography variant="h1" gutterBottom>
          Closure days and bank holidays
        </Typography>
        <Typography color="text.secondary">
          Weekends, England and Wales bank holidays and your closure days are not working days, so
          every deadline counted in working days steps over them. A change here moves the due dates
          of open referrals at once, and each referral’s history says so.
        </Typography>
      </Box>
      <Section
        id="closure-days-heading"
        title="Closure days"
        intro="Weekdays your office is shut that are not bank holidays, for example the days between Christmas and New Year."
      >
        {settings.isPending ? (
          <Loading label="Loading the closure days…" />
        ) : settings.isError ? (
          <ErrorPanel
            title="The closure days could not be loaded"
            error={settings.error}
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <ClosureDays
            settings={settings.data}
            today={today}
            onRefresh={() => void settings.refetch()}
          />
        )}
      </Section>
      <Section id="bank-holidays-heading" title="Bank holidays (England and Wales)">
        {status.isPending || settings.isPending ? (
          <Loading label="Loading the bank holidays…" />
        ) : status.isError ? (
          <ErrorPanel
            title="The bank holidays could not be loaded"
            error={status.error}
            onRetry={() => void status.refetch()}
          />
        ) : (
          <BankHolidaysSection
            status={status.data}
            bankHolidays={settings.data?.bankHolidays ?? null}
            today={today}
          />
        )}
      </Section>
    </Stack>
  );
}
