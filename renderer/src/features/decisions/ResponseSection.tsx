// "Your decision": the type of response (the recommendation marked), why a different one, the
// reasons, and the family's agreement where the response needs it. A response lower than the
// safety questions point to is flagged as waiting for a manager (local sign-off policy).

import { memo, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { censusFactorIssues } from '../../../../shared/codes';
import {
  RESPONSE_LABELS,
  RESPONSE_TYPES,
  type ResponseType,
} from '../../../../shared/domain/types';
import type { ResolvedPolicy } from '../../../../shared/policy/types';
import { Section } from '../../components/Section';
import { FamilyAgreementField } from './DecisionDetails';
import type { DecisionForm, FieldsOf, RESPONSE_FIELDS } from './decision-model';
import { ChoiceGroup, TextBox } from './fields';

export const ResponseSection = memo(function ResponseSection(props: {
  form: FieldsOf<typeof RESPONSE_FIELDS>;
  errors: Record<string, string>;
  update: (patch: Partial<DecisionForm>) => void;
  policy: ResolvedPolicy;
  /** The checklist's recommendation, once the safety questions are answered. */
  recommended: ResponseType | null;
  steppingDown: boolean;
  assessmentFactors: readonly string[];
}): ReactElement {
  const { form, errors, update, policy, recommended } = props;
  const differs = form.chosenResponse !== '' && form.chosenResponse !== recommended;
  // CIN census: factor 21 "no factors identified" stands only with no further action.
  const censusWarnings = censusFactorIssues(
    props.assessmentFactors,
    form.chosenResponse === '' ? undefined : form.chosenResponse,
  );
  return (
    <Section id="sec-your-decision" title="Your decision">
      <ChoiceGroup<ResponseType>
        path="chosenResponse"
        legend="What type of response have you decided on?"
        hint="You may choose differently from the recommendation; you will be asked why."
        options={RESPONSE_TYPES.map((r) => ({
          value: r,
          label: r === recommended ? `${RESPONSE_LABELS[r]} (recommended)` : RESPONSE_LABELS[r],
        }))}
        value={form.chosenResponse}
        error={errors.chosenResponse}
        onChange={(v) => {
          update({ chosenResponse: v });
        }}
      />
      {props.steppingDown ? (
        <Alert severity="warning" data-testid="step-down">
          <AlertTitle>This is lower than the safety questions point to</AlertTitle>
          {policy.managerSignOff === 'off'
            ? 'Your local policy has switched manager sign-off off, so it takes effect when you record it: explain fully why the child is safe without a strategy discussion.'
            : 'A manager must agree it: the decision will wait for sign-off after you record it. Explain fully why the child is safe without it.'}
        </Alert>
      ) : null}
      {differs ? (
        <TextBox
          path="differsReason"
          label={
            recommended === null
              ? 'Why have you chosen this response?'
              : 'Why have you chosen a different response from the recommendation?'
          }
          value={form.differsReason}
          error={errors.differsReason}
          multiline
          onChange={(v) => {
            update({ differsReason: v });
          }}
        />
      ) : null}
      <TextBox
        path="rationale"
        label="Reasons for your decision"
        hint="What you know, what you weighed up and why this response. At least 20 characters."
        value={form.rationale}
        error={errors.rationale}
        multiline
        onChange={(v) => {
          update({ rationale: v });
        }}
      />
      <FamilyAgreementField form={form} errors={errors} update={update} />
      {censusWarnings.length > 0 ? (
        <Alert severity="info" data-testid="census-warning">
          <AlertTitle>Assessment factors and the census</AlertTitle>
          {censusWarnings.join(' ')} Correct the factors on the referral page if needed.
        </Alert>
      ) : null}
    </Section>
  );
});
