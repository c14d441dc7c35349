// The parts of the decision that follow the response: the police (where the checklist says a crime
// has or may have been committed), the family (told, to be told by whom and when, or withheld on
// one of the two grounds the guidance allows), the family's agreement to a section 17 assessment
// or early help, seeing the child, and the 2023 lead practitioner.

import { memo, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ResolvedPolicy } from '../../../../shared/policy/types';
import {
  FAMILY_AGREEMENT_LABELS,
  FAMILY_AGREEMENT_VALUES,
  FAMILY_WITHHELD_REASONS,
  FAMILY_WITHHELD_REASON_LABELS,
  LEAD_PRACTITIONER_ROLES,
  LEAD_PRACTITIONER_ROLE_LABELS,
} from '../../../../shared/validation/decision';
import { TYPED_DATE_HINT } from '../../../../shared/validation/typed-dates';
import { DateTimeField } from '../../components/DateTimeField';
import { londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { Section } from '../../components/Section';
import {
  type FAMILY_FIELDS,
  type POLICE_FIELDS,
  type SEEING_FIELDS,
  crimeSuspected,
  needsFamilyAgreement,
  needsLeadPractitioner,
  needsSeeingPlan,
  nowDateTime,
  seeChildWarning,
  seeingStandard,
  type DecisionForm,
} from './decision-model';
import { ChoiceGroup, DateBox, TextBox } from './fields';

/** A section gets only the fields it reads (decision-model *_FIELDS) and is memoised on them. */
type Props<K extends keyof DecisionForm> = {
  form: Pick<DecisionForm, K>;
  errors: Record<string, string>;
  update: (patch: Partial<DecisionForm>) => void;
};

const indent = { pl: 2, borderLeft: 4, borderColor: 'divider' } as const;

export function FamilyAgreementField(
  props: Props<'chosenResponse' | 'familyAgreement'>,
): ReactElement | null {
  const { form, errors, update } = props;
  if (!needsFamilyAgreement(form)) return null;
  return (
    <ChoiceGroup
      path="familyAgreement"
      legend={
        form.chosenResponse === 'early-help'
          ? 'Has the family agreed to early help?'
          : 'Has the family agreed to the assessment?'
      }
      hint="A section 17 assessment and early help are provided with the family’s agreement (a section 47 enquiry does not need it). If they refuse, think again about whether the child may be suffering significant harm."
      options={FAMILY_AGREEMENT_VALUES.map((v) => ({
        value: v,
        label: FAMILY_AGREEMENT_LABELS[v],
      }))}
      value={form.familyAgreement}
      error={errors.familyAgreement}
      onChange={(v) => {
        update({ familyAgreement: v });
      }}
    />
  );
}

export const PoliceSection = memo(function PoliceSection(
  props: Props<(typeof POLICE_FIELDS)[number]>,
): ReactElement {
  const { form, errors, update } = props;
  const nowSource = useNowSource();
  const crime = crimeSuspected(form);
  const police = form.police;
  return (
    <Section id="sec-police" title="The police">
      {crime === undefined ? (
        <Typography color="text.secondary">
          Answer the crime question in the checklist: if a crime has or may have been committed,
          record here who you told at the police.
        </Typography>
      ) : crime ? (
        <Stack spacing={3} sx={indent} id="police-details">
          <Typography sx={{ fontWeight: 600 }}>
            {form.answers['crime-suspected'] === 'unknown'
              ? 'You cannot tell whether a crime has been committed: discuss it with the police. Who you told:'
              : 'A crime has or may have been committed. Who you told at the police:'}
          </Typography>
          {errors.policeNotification ? (
            <Typography color="error" sx={{ fontWeight: 600 }}>
              {errors.policeNotification}
            </Typography>
          ) : null}
          <TextBox
            path="policeNotification.officerName"
            label="Officer's name"
            value={police.officerName}
            error={errors['policeNotification.officerName']}
            width={480}
            onChange={(v) => {
              update({ police: { ...police, officerName: v } });
            }}
          />
          <TextBox
            path="policeNotification.rankOrRole"
            label="Rank or role (optional)"
            value={police.rankOrRole}
            error={errors['policeNotification.rankOrRole']}
            width={480}
            onChange={(v) => {
              update({ police: { ...police, rankOrRole: v } });
            }}
          />
          <TextBox
            path="policeNotification.forceOrTeam"
            label="Police force or team"
            value={police.forceOrTeam}
            error={errors['policeNotification.forceOrTeam']}
            width={480}
            onChange={(v) => {
              update({ police: { ...police, forceOrTeam: v } });
            }}
          />
          <Box>
            <DateTimeField
              path="policeNotification.notifiedAt"
              today={londonDay(nowSource())}
              // Something that happened: 14/6/25 is 2025, never 2125.
              twoDigitYears="past"
              maxDate={londonDay(nowSource())}
              legend="When you told them"
              value={police.notifiedAt}
              error={errors['policeNotification.notifiedAt']}
              onChange={(v) => {
                update({ police: { ...police, notifiedAt: v } });
              }}
            />
            <Button
              size="small"
              sx={{ mt: 1 }}
              onClick={() => {
                update({ police: { ...police, notifiedAt: nowDateTime(nowSource()) } });
              }}
            >
              Use the time now
            </Button>
          </Box>
          <Box>
            <TextBox
              path="policeNotification.reference"
              label="Police reference number"
              hint="If the police have not given one yet, tick “Reference awaited”: you will be reminded to add it."
              value={police.reference}
              error={errors['policeNotification.reference']}
              width={320}
              onChange={(v) => {
                update({ police: { ...police, reference: v } });
              }}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={police.referenceAwaited}
                  disabled={police.reference.trim() !== ''}
                  onChange={(e) => {
                    update({ police: { ...police, referenceAwaited: e.target.checked } });
                  }}
                />
              }
              label="Reference awaited"
            />
          </Box>
        </Stack>
      ) : (
        <Typography>
          No crime is suspected, so there is nothing to record here. If that changes, change your
          answer in the checklist.
        </Typography>
      )}
    </Section>
  );
});

export const FamilySection = memo(function FamilySection(
  props: Props<(typeof FAMILY_FIELDS)[number]>,
): ReactElement {
  const { form, errors, update } = props;
  const nowSource = useNowSource();
  return (
    <Section id="sec-family" title="The family">
      <ChoiceGroup
        path="familyInformed"
        legend="Will the family be told about this decision?"
        hint="Tell the family unless that would jeopardise a police investigation or put the child at risk of significant harm. Those are the only two reasons not to."
        options={[
          { value: 'yes', label: 'Yes, the family has been or is being told' },
          { value: 'not-yet', label: 'Not yet: someone will tell them, by a date' },
          {
            value: 'no-withheld',
            label: 'No: telling them now would put the child or an investigation at risk',
          },
        ]}
        value={form.familyInformed}
        error={errors.familyInformed}
        onChange={(v) => {
          update({ familyInformed: v });
        }}
      />
      {form.familyInformed === 'not-yet' ? (
        <Stack spacing={3} sx={indent}>
          <TextBox
            path="familyToBeToldBy"
            label="Who will tell the family"
            value={form.familyToBeToldBy}
            error={errors.familyToBeToldBy}
            width={480}
            onChange={(v) => {
              update({ familyToBeToldBy: v });
            }}
          />
          <DateBox
            path="familyToBeToldOn"
            label="Tell them by"
            hint={TYPED_DATE_HINT}
            maxLength={24}
            value={form.familyToBeToldOn}
            error={errors.familyToBeToldOn}
            minDate={londonDay(nowSource())}
            onChange={(v) => {
              update({ familyToBeToldOn: v });
            }}
          />
        </Stack>
      ) : null}
      {form.familyInformed === 'no-withheld' ? (
        <Stack spacing={3} sx={indent}>
          <ChoiceGroup
            path="familyWithheldReason"
            legend="Why is the family not being told?"
            options={FAMILY_WITHHELD_REASONS.map((r) => ({
              value: r,
              label: FAMILY_WITHHELD_REASON_LABELS[r],
            }))}
            value={form.familyWithheldReason}
            error={errors.familyWithheldReason}
            onChange={(v) => {
              update({ familyWithheldReason: v });
            }}
          />
          <TextBox
            path="familyWithheldExplanation"
            label="Explain"
            value={form.familyWithheldExplanation}
            error={errors.familyWithheldExplanation}
            multiline
            onChange={(v) => {
              update({ familyWithheldExplanation: v });
            }}
          />
        </Stack>
      ) : null}
    </Section>
  );
});

export const SeeingChildSection = memo(function SeeingChildSection(
  props: Props<(typeof SEEING_FIELDS)[number]> & { policy: ResolvedPolicy },
): ReactElement | null {
  const { form, errors, update, policy } = props;
  const nowSource = useNowSource();
  if (!needsSeeingPlan(form)) return null;
  const later = seeChildWarning(policy, form, nowSource());
  return (
    <Section id="sec-see-child" title="Seeing the child">
      <TextBox
        path="seeingChildPlan"
        label="Who will see the child, and how"
        hint={seeingStandard(policy, form)}
        value={form.seeingChildPlan}
        error={errors.seeingChildPlan}
        multiline
        onChange={(v) => {
          update({ seeingChildPlan: v });
        }}
      />
      <Box>
        <DateTimeField
          path="seeChildBy"
          legend="See the child by (optional)"
          hint="Not before now. Date and time in 24 hours, for example 27/03/2026 16:55. This is the time “What happens next” will show."
          today={londonDay(nowSource())}
          // A plan: 14/6/27 is 2027.
          twoDigitYears="future"
          minDate={londonDay(nowSource())}
          value={form.seeChildBy}
          error={errors.seeChildBy}
          onChange={(v) => {
            update({ seeChildBy: v });
          }}
        />
        {later ? (
          <Alert severity="warning" data-testid="see-child-later" sx={{ mt: 1.5 }}>
            {later}
          </Alert>
        ) : null}
      </Box>
      {needsLeadPractitioner(policy, form) ? (
        <Stack spacing={3} sx={indent}>
          <Typography sx={{ fontWeight: 600 }}>
            Lead practitioner (Working Together 2023 ch.3)
          </Typography>
          <TextBox
            path="leadPractitioner"
            label="Lead practitioner"
            value={form.leadPractitioner}
            error={errors.leadPractitioner}
            width={480}
            onChange={(v) => {
              update({ leadPractitioner: v });
            }}
          />
          <TextBox
            path="leadPractitionerAllocatedBy"
            label="Named by (social-work-qualified manager or practice supervisor)"
            value={form.leadPractitionerAllocatedBy}
            error={errors.leadPractitionerAllocatedBy}
            width={480}
            onChange={(v) => {
              update({ leadPractitionerAllocatedBy: v });
            }}
          />
          <ChoiceGroup
            path="leadPractitionerRole"
            legend="Is the lead practitioner a social worker?"
            hint="Where there is a child protection enquiry (strategy discussion or emergency action) the lead practitioner must be a social worker."
            options={LEAD_PRACTITIONER_ROLES.map((r) => ({
              value: r,
              label: LEAD_PRACTITIONER_ROLE_LABELS[r],
            }))}
            value={form.leadPractitionerRole}
            error={errors.leadPractitionerRole}
            onChange={(v) => {
              update({ leadPractitionerRole: v });
            }}
          />
        </Stack>
      ) : null}
    </Section>
  );
});
