// When and how the referral arrived. The date and time are read as typed (1/12/26 09:05); a time
// on the night the clocks go back is asked about, never guessed; a time in the future gets the
// same message here as in the error summary; out-of-hours receipt is explained with the rule.

import { useMemo, type ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { calendarFromSettings, receiptDay } from '../../../../../shared/calendar';
import { REFERRAL_CHANNEL_LABELS } from '../../../../../shared/validation';
import { useSettings } from '../../../api/queries';
import { useNowSource } from '../../../components/now';
import { Radios, Select, Text, labelled } from '../fields';
import { Section } from '../../../components/Section';
import { FUTURE_RECEIVED_MESSAGE, receivedInstant } from '../form-input';
import type { ReferralForm } from '../form-model';

export function ReceivedSection(props: { today: string }): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  // Read as each change is typed (this section re-renders on its own fields), not when the form
  // opened: a receipt typed half an hour later is not in the future.
  const now = useNowSource()();
  const value = useWatch({ control, name: 'received' });
  const settings = useSettings();
  const received = receivedInstant(value, props.today);
  const instant =
    received.kind === 'ok'
      ? received.instant
      : received.kind === 'ambiguous' && value.dstChoice !== ''
        ? value.dstChoice === 'earlier'
          ? received.earlier
          : received.later
        : null;
  const future = instant !== null && Date.parse(instant) > now.getTime() + 5 * 60_000;
  const policy = settings.data?.policy;
  const closures = settings.data?.closures;
  const bankHolidays = settings.data?.bankHolidays;
  const receipt = useMemo(() => {
    if (!policy || instant === null) return null;
    try {
      return receiptDay(
        instant,
        policy,
        calendarFromSettings({ closures: closures ?? [], bankHolidays }),
      );
    } catch {
      return null;
    }
  }, [policy, closures, bankHolidays, instant]);
  return (
    <Section variant="rule" title="Received" id="sec-received">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Text
          name="received.date"
          date={{ maxDate: props.today }}
          label="Date"
          hint="For example 27/03/2026 or 27/3/26"
          width={220}
          alsoErrorFor="receivedAt"
        />
        <Text name="received.time" label="Time (24-hour)" hint="For example 14:05" width={170} />
      </Stack>
      {received.kind === 'ambiguous' ? (
        <Radios
          name="received.dstChoice"
          legend={received.message}
          options={[
            {
              value: 'earlier',
              label: `${value.time.trim()} the first time (British Summer Time, before the clocks went back)`,
            },
            {
              value: 'later',
              label: `${value.time.trim()} the second time (Greenwich Mean Time, after the clocks went back)`,
            },
          ]}
          row={false}
        />
      ) : null}
      {future ? (
        <Alert severity="error" data-testid="received-future">
          {FUTURE_RECEIVED_MESSAGE}
        </Alert>
      ) : receipt?.outOfHours ? (
        <Alert severity="info" data-testid="out-of-hours">
          Out of hours. {receipt.reason}
        </Alert>
      ) : null}
      <Select
        name="channel"
        label="How it was received"
        options={labelled(REFERRAL_CHANNEL_LABELS)}
        width={300}
      />
    </Section>
  );
}
