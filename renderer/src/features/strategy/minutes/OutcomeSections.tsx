// The second half of the minutes form (domain §2.4): the decision (s47 enquiry and its type or
// the other response, criminal investigation, medical examination, legal planning, LADO), what the
// family is told or why not, the safety plan, and what comes next.

import type { ReactElement } from 'react';
import Stack from '@mui/material/Stack';
import { S47_TYPES, S47_TYPE_LABELS } from '../../../../../shared/progress/events';
import {
  NEXT_STEPS,
  NEXT_STEP_LABELS,
  OTHER_RESPONSES,
  OTHER_RESPONSE_LABELS,
} from '../../../../../shared/strategy';
import { Section } from '../../../components/Section';
import { ChoiceGroup, DateBox, TextBox } from '../../decisions/fields';
import type { SectionProps } from './MeetingSections';
import type { MinutesForm, YesNo } from './minutes-form';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

type DecisionKey = keyof MinutesForm['decision'];

/** A yes/no question with its details box when the answer is yes. */
function YesNoWithDetails(
  props: SectionProps & {
    question: DecisionKey;
    details: DecisionKey;
    legend: string;
    detailsLabel: string;
    hint?: string;
  },
): ReactElement {
  const { form, errors, set, question, details } = props;
  const answer = form.decision[question] as YesNo;
  return (
    <>
      <ChoiceGroup
        path={`decision.${question}`}
        legend={props.legend}
        hint={props.hint}
        options={YES_NO}
        value={answer}
        error={errors[`decision.${question}`]}
        row
        onChange={(v) => {
          set(`decision.${question}`, v);
        }}
      />
      {answer === 'yes' ? (
        <TextBox
          path={`decision.${details}`}
          label={props.detailsLabel}
          multiline
          value={form.decision[details]}
          error={errors[`decision.${details}`]}
          onChange={(v) => {
            set(`decision.${details}`, v);
          }}
        />
      ) : null}
    </>
  );
}

export function DecisionSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  const d = form.decision;
  return (
    <Section variant="rule" id="min-decision" title="The decision">
      <ChoiceGroup
        path="decision.s47"
        legend="Is a section 47 enquiry to start?"
        hint="Children Act 1989 s47: reasonable cause to suspect the child is suffering, or likely to suffer, significant harm"
        options={YES_NO}
        value={d.s47}
        error={errors['decision.s47']}
        row
        onChange={(v) => {
          set('decision.s47', v);
        }}
      />
      {d.s47 === 'yes' ? (
        <ChoiceGroup
          path="decision.s47Type"
          legend="Single-agency or joint with the police?"
          options={S47_TYPES.map((v) => ({ value: v, label: S47_TYPE_LABELS[v] }))}
          value={d.s47Type}
          error={errors['decision.s47Type']}
          onChange={(v) => {
            set('decision.s47Type', v);
          }}
        />
      ) : null}
      {d.s47 === 'no' ? (
        <ChoiceGroup
          path="decision.otherResponse"
          legend="What happens instead?"
          options={OTHER_RESPONSES.map((v) => ({ value: v, label: OTHER_RESPONSE_LABELS[v] }))}
          value={d.otherResponse}
          error={errors['decision.otherResponse']}
          onChange={(v) => {
            set('decision.otherResponse', v);
          }}
        />
      ) : null}
      <YesNoWithDetails
        {...props}
        question="criminalInvestigation"
        details="criminalInvestigationTiming"
        legend="Will a criminal investigation proceed?"
        detailsLabel="Timing, including any ABE (Achieving Best Evidence) interview"
      />
      <YesNoWithDetails
        {...props}
        question="medicalExamination"
        details="medicalDetails"
        legend="Is a medical examination needed?"
        detailsLabel="Medical examination: who, where and when"
      />
      <YesNoWithDetails
        {...props}
        question="legalPlanning"
        details="legalDetails"
        legend="Is legal planning needed?"
        hint="For example an Emergency Protection Order or a legal planning meeting"
        detailsLabel="Legal planning details"
      />
      <YesNoWithDetails
        {...props}
        question="ladoReferral"
        details="ladoDetails"
        legend="Is a referral to the designated officer (LADO) needed?"
        hint="Where the concern is about someone who works with children"
        detailsLabel="LADO referral details"
      />
      <TextBox
        path="decision.rationale"
        label="Reasons for the decision"
        multiline
        value={d.rationale}
        error={errors['decision.rationale']}
        onChange={(v) => {
          set('decision.rationale', v);
        }}
      />
    </Section>
  );
}

export function FamilySection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  const f = form.family;
  return (
    <Section variant="rule" id="min-family" title="What the family is told">
      <ChoiceGroup
        path="family.told"
        legend="Is the family told about the discussion and its outcome?"
        options={[
          { value: 'told', label: 'Already told' },
          { value: 'to-be-told', label: 'To be told' },
          {
            value: 'withheld',
            label: 'Not told',
            hint: 'Only where telling them would put the child at risk or harm an investigation',
          },
        ]}
        value={f.told}
        error={errors['family.told']}
        onChange={(v) => {
          set('family.told', v);
        }}
      />
      {f.told === 'withheld' ? (
        <TextBox
          path="family.withheldGround"
          label="Why the family is not told"
          multiline
          value={f.withheldGround}
          error={errors['family.withheldGround']}
          onChange={(v) => {
            set('family.withheldGround', v);
          }}
        />
      ) : null}
      {f.told === 'told' || f.told === 'to-be-told' ? (
        <>
          <TextBox
            path="family.what"
            label="What the family is told"
            multiline
            value={f.what}
            error={errors['family.what']}
            onChange={(v) => {
              set('family.what', v);
            }}
          />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextBox
              path="family.by"
              label="By whom"
              value={f.by}
              error={errors['family.by']}
              width={320}
              onChange={(v) => {
                set('family.by', v);
              }}
            />
            <DateBox
              path="family.when"
              label="When"
              value={f.when}
              error={errors['family.when']}
              maxLength={20}
              onChange={(v) => {
                set('family.when', v);
              }}
            />
          </Stack>
        </>
      ) : null}
    </Section>
  );
}

export function SafetySection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  return (
    <Section variant="rule" id="min-safety" title="Immediate safety plan">
      <TextBox
        path="safetyPlan"
        label="Immediate safety plan"
        hint="Who does what, from now, to keep the child safe"
        multiline
        value={form.safetyPlan}
        error={errors.safetyPlan}
        onChange={(v) => {
          set('safetyPlan', v);
        }}
      />
    </Section>
  );
}

export function NextSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  const n = form.next;
  return (
    <Section variant="rule" id="min-next" title="What comes next">
      <ChoiceGroup
        path="next.step"
        legend="After this discussion"
        options={NEXT_STEPS.map((v) => ({ value: v, label: NEXT_STEP_LABELS[v] }))}
        value={n.step}
        error={errors['next.step']}
        onChange={(v) => {
          set('next.step', v);
        }}
      />
      {n.step === 'icpc' || n.step === 'next-discussion' ? (
        <DateBox
          path="next.date"
          label={n.step === 'icpc' ? 'Target date (optional)' : 'Date of the next discussion'}
          hint={
            n.step === 'icpc'
              ? "Leave blank to use the target from the referral's clocks (15 working days, counted as your local policy sets)"
              : 'As DD/MM/YYYY, for example 27/03/2026'
          }
          value={n.date}
          error={errors['next.date']}
          maxLength={20}
          onChange={(v) => {
            set('next.date', v);
          }}
        />
      ) : null}
      <TextBox
        path="next.note"
        label="Note (optional)"
        multiline
        value={n.note}
        error={errors['next.note']}
        onChange={(v) => {
          set('next.note', v);
        }}
      />
    </Section>
  );
}
