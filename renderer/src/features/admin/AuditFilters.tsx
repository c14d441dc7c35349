// The filters above the audit log: referral reference, user, action, and London days from and to
// (typed DD/MM/YYYY with the app's calendar button, read by the one shared date parser). A child
// filter, set from an entry or the page address, shows as a chip that can be cleared.
import { useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_LABELS,
  type AuditAction,
} from '../../../../shared/domain/audit';
import type { AppUser } from '../../../../shared/domain/records';
import { FilterDateField } from '../../components/DateTextField';
import type { AuditFilters as Filters } from './audit-model';

const ACTIONS_BY_LABEL = [...AUDIT_ACTIONS].sort((a, b) =>
  AUDIT_ACTION_LABELS[a].localeCompare(AUDIT_ACTION_LABELS[b], 'en-GB'),
);

export function AuditFilters(props: {
  value: Filters;
  onChange: (next: Filters) => void;
  users: readonly AppUser[];
  /** Beside the referral field: why the search was refused ("The referral was not found"). */
  referralError: string | null;
  /** Beside "To": an end before the start. */
  datesError: string | null;
}): ReactElement {
  const { value, onChange } = props;
  const [referralText, setReferralText] = useState(value.referral);
  const applyReferral = (): void => {
    if (referralText.trim() !== value.referral)
      onChange({ ...value, referral: referralText.trim() });
  };
  return (
    <Box
      role="group"
      aria-label="Filters"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1.5, px: 1.5, py: 1 }}
    >
      {value.personId !== null ? (
        <Chip
          label="One child's record and referrals"
          onDelete={() => {
            onChange({ ...value, personId: null });
          }}
          sx={{ mt: 0.5 }}
          data-testid="audit-child-filter"
        />
      ) : null}
      <TextField
        size="small"
        id="field-audit-referral"
        label="Referral reference"
        placeholder="FD-2026-000123"
        value={referralText}
        error={props.referralError !== null}
        helperText={props.referralError ?? undefined}
        onChange={(e) => {
          setReferralText(e.target.value);
          if (e.target.value.trim() === '' && value.referral !== '')
            onChange({ ...value, referral: '' });
        }}
        onBlur={applyReferral}
        onKeyDown={(e) => {
          if (e.key === 'Enter') applyReferral();
        }}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 100 } }}
        sx={{ width: 180 }}
      />
      <TextField
        select
        size="small"
        id="field-audit-user"
        label="Who"
        value={value.userId}
        onChange={(e) => {
          onChange({ ...value, userId: e.target.value });
        }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ width: 170 }}
      >
        <option value="">Anyone</option>
        {props.users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        id="field-audit-action"
        label="Action"
        value={value.action}
        onChange={(e) => {
          const a = AUDIT_ACTIONS.find((x: AuditAction) => x === e.target.value);
          onChange({ ...value, action: a ?? '' });
        }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ width: 180 }}
      >
        <option value="">Any action</option>
        {ACTIONS_BY_LABEL.map((a) => (
          <option key={a} value={a}>
            {AUDIT_ACTION_LABELS[a]}
          </option>
        ))}
      </TextField>
      <FilterDateField
        id="field-audit-from"
        label="From"
        width={182}
        value={value.from}
        onChange={(from) => {
          onChange({ ...value, from });
        }}
      />
      <FilterDateField
        id="field-audit-to"
        label="To"
        width={182}
        value={value.to}
        problem={props.datesError}
        onChange={(to) => {
          onChange({ ...value, to });
        }}
      />
    </Box>
  );
}
