// The first half of the minutes form (domain §2.4): why the discussion was held, who attended
// (one row per invitee, with a warning where a required agency was absent), the information each
// agency shared and whether the family may hear it, each child's views, and risks and strengths.

import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Path, PathValue } from 'react-hook-form';
import { ROLE_LABELS } from '../../../../../shared/domain/types';
import type { StrategyDiscussionRecord } from '../../../../../shared/domain/strategy';
import { ATTENDANCE, ATTENDANCE_LABELS } from '../../../../../shared/strategy';
import { fieldId } from '../../../components/ErrorSummary';
import { Section } from '../../../components/Section';
import { ChoiceGroup, TextBox } from '../../decisions/fields';
import { RepeatingSection } from '../../intake/RepeatingSection';
import { emptyInformation, type MinutesForm } from './minutes-form';

export type SetField = <P extends Path<MinutesForm>>(
  path: P,
  value: PathValue<MinutesForm, P>,
) => void;

export type SectionProps = {
  form: MinutesForm;
  errors: Record<string, string>;
  set: SetField;
  discussion: StrategyDiscussionRecord;
};

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export function ReasonSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  return (
    <Section variant="rule" id="min-reason" title="Why the discussion was held">
      <TextBox
        path="reason"
        label="Reason for the discussion"
        multiline
        value={form.reason}
        error={errors.reason}
        onChange={(v) => {
          set('reason', v);
        }}
      />
      <TextBox
        path="immediateAction"
        label="Immediate action already taken (optional)"
        multiline
        value={form.immediateAction}
        error={errors.immediateAction}
        onChange={(v) => {
          set('immediateAction', v);
        }}
      />
    </Section>
  );
}

export function AttendanceSection(props: SectionProps & { required: Set<string> }): ReactElement {
  const { form, errors, set, discussion, required } = props;
  const invitees = new Map(discussion.invitees.map((i) => [i.id, i]));
  const uncovered = discussion.roleCheck.roles.filter((r) => !r.covered);
  return (
    <Section
      variant="rule"
      id="min-attendance"
      title="Attendance"
      intro="For each invitee: did they attend? For anyone absent, say whether their agency’s information was obtained."
    >
      {/* The summary's link for a whole-list error ("record whether each invitee attended"). */}
      <Box id={fieldId('attendance')} tabIndex={-1}>
        {errors.attendance ? (
          <Typography color="error" sx={{ fontWeight: 600 }}>
            {errors.attendance}
          </Typography>
        ) : null}
      </Box>
      {uncovered.length > 0 ? (
        <Alert severity="warning">
          <AlertTitle>Required roles with nobody invited</AlertTitle>
          {uncovered.map((r) => r.label).join(', ')}.{' '}
          {discussion.missingRolesReason
            ? `Reason recorded when the discussion was confirmed: ${discussion.missingRolesReason}`
            : 'No reason was recorded when the discussion was confirmed.'}
        </Alert>
      ) : null}
      {discussion.invitees.length === 0 ? (
        <Typography>Nobody was invited. Add invitees to the discussion first.</Typography>
      ) : null}
      {form.attendance.map((a, i) => {
        const inv = invitees.get(a.inviteeId);
        if (!inv) return null;
        const base = `attendance.${String(i)}`;
        const absent = a.status === 'apologies' || a.status === 'did-not-attend';
        const isRequired = required.has(inv.id);
        const role = inv.covers ? ROLE_LABELS[inv.covers] : (inv.jobTitle ?? null);
        return (
          <Paper
            key={inv.id}
            variant="outlined"
            sx={{ p: 2.5 }}
            data-testid={`attendance-${inv.id}`}
          >
            <Stack spacing={2}>
              <Box>
                <Typography component="h3" sx={{ fontWeight: 700, fontSize: '1.1rem' }}>
                  {inv.name}
                </Typography>
                <Typography color="text.secondary">
                  {[role, inv.agency].filter(Boolean).join(', ')}
                  {isRequired ? ' · required role' : ''}
                </Typography>
              </Box>
              <ChoiceGroup
                path={`${base}.status`}
                legend={`Did ${inv.name} attend?`}
                options={ATTENDANCE.map((v) => ({ value: v, label: ATTENDANCE_LABELS[v] }))}
                value={a.status}
                error={errors[`${base}.status`]}
                row
                onChange={(v) => {
                  set(`attendance.${i}.status`, v);
                }}
              />
              {absent && isRequired ? (
                <Alert severity="warning" data-testid="required-absent">
                  {inv.agency} covers a required role and was not at the discussion: record why
                  below. The minutes show this.
                </Alert>
              ) : null}
              {absent ? (
                <>
                  <ChoiceGroup
                    path={`${base}.informationSent`}
                    legend={`Was ${inv.agency}’s information obtained?`}
                    options={YES_NO}
                    value={a.informationSent}
                    error={errors[`${base}.informationSent`]}
                    row
                    onChange={(v) => {
                      set(`attendance.${i}.informationSent`, v);
                    }}
                  />
                  <TextBox
                    path={`${base}.absenceNote`}
                    label={isRequired ? 'Why they were absent' : 'Why they were absent (optional)'}
                    multiline
                    value={a.absenceNote}
                    error={errors[`${base}.absenceNote`]}
                    onChange={(v) => {
                      set(`attendance.${i}.absenceNote`, v);
                    }}
                  />
                </>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </Section>
  );
}

export function InformationSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  const items = form.information;
  return (
    <Section
      variant="rule"
      id="min-information"
      title="Information shared by each agency"
      intro="One entry for each piece of information, with the agency that shared it. Mark what may be shared with the family."
    >
      <RepeatingSection
        items={items}
        heading={(i) => `Information ${String(i + 1)}`}
        noun="information"
        addLabel="Add information from an agency"
        testId={(i) => `information-${String(i)}`}
        onAdd={() => {
          set('information', [...items, emptyInformation()]);
        }}
        onRemove={(i) => {
          set(
            'information',
            items.filter((_x, j) => j !== i),
          );
        }}
      >
        {(item, i) => {
          const base = `information.${String(i)}`;
          return (
            <>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                <TextBox
                  path={`${base}.agency`}
                  label="Agency"
                  value={item.agency}
                  error={errors[`${base}.agency`]}
                  width={320}
                  onChange={(v) => {
                    set(`information.${i}.agency`, v);
                  }}
                />
                <TextBox
                  path={`${base}.contributor`}
                  label="Who shared it (optional)"
                  value={item.contributor}
                  error={errors[`${base}.contributor`]}
                  width={320}
                  onChange={(v) => {
                    set(`information.${i}.contributor`, v);
                  }}
                />
              </Stack>
              <TextBox
                path={`${base}.text`}
                label="What they shared"
                multiline
                value={item.text}
                error={errors[`${base}.text`]}
                onChange={(v) => {
                  set(`information.${i}.text`, v);
                }}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    id={fieldId(`${base}.shareWithFamily`)}
                    checked={item.shareWithFamily}
                    onChange={(e) => {
                      set(`information.${i}.shareWithFamily`, e.target.checked);
                    }}
                  />
                }
                label="May be shared with the family"
              />
            </>
          );
        }}
      </RepeatingSection>
    </Section>
  );
}

export function ChildrenSection(props: SectionProps): ReactElement {
  const { form, errors, set, discussion } = props;
  const names = new Map(discussion.children.map((c) => [c.id, c.name]));
  return (
    <Section variant="rule" id="min-children" title="The children: views and lived experience">
      <Box id={fieldId('childViews')} tabIndex={-1}>
        {errors.childViews ? (
          <Typography color="error" sx={{ fontWeight: 600 }}>
            {errors.childViews}
          </Typography>
        ) : null}
      </Box>
      {form.childViews.map((c, i) => (
        <TextBox
          key={c.childId}
          path={`childViews.${String(i)}.views`}
          label={`${names.get(c.childId) ?? 'Child'}: views and lived experience`}
          hint="What the child has said, how they experience daily life, or why this is not known"
          multiline
          value={c.views}
          error={errors[`childViews.${String(i)}.views`]}
          onChange={(v) => {
            set(`childViews.${i}.views`, v);
          }}
        />
      ))}
    </Section>
  );
}

export function RisksSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  return (
    <Section variant="rule" id="min-risks" title="Risks and strengths">
      <TextBox
        path="risks"
        label="Risks"
        multiline
        value={form.risks}
        error={errors.risks}
        onChange={(v) => {
          set('risks', v);
        }}
      />
      <TextBox
        path="strengths"
        label="Strengths and protective factors"
        multiline
        value={form.strengths}
        error={errors.strengths}
        onChange={(v) => {
          set('strengths', v);
        }}
      />
    </Section>
  );
}
