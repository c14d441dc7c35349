// Whether the parents know about and agree with the referral, and consent (given, refused or not
// sought, with who, when and why).

import type { ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { CONSENT_STATUS_LABELS, YES_NO_UNKNOWN_LABELS } from '../../../../../shared/validation';
import { Radios, Text, labelled } from '../fields';
import { Section } from '../../../components/Section';
import type { ReferralForm } from '../form-model';

export function ConsentSection(props: { today: string }): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  const parentsAware = useWatch({ control, name: 'parentsAware' });
  const parentsAgree = useWatch({ control, name: 'parentsAgree' });
  const status = useWatch({ control, name: 'consent.status' });
  return (
    <Section variant="rule" title="Parents and consent" id="sec-consent">
      <Radios
        name="parentsAware"
        legend="Do the parents know about the referral?"
        options={labelled(YES_NO_UNKNOWN_LABELS)}
      />
      <Radios
        name="parentsAgree"
        legend="Do the parents agree with the referral?"
        options={labelled(YES_NO_UNKNOWN_LABELS)}
      />
      {parentsAware === 'no' || parentsAgree === 'no' ? (
        <Text name="parentsReason" label="Why not?" multiline rows={2} />
      ) : null}
      <Radios name="consent.status" legend="Consent" options={labelled(CONSENT_STATUS_LABELS)} />
      {status === 'given' ? (
        <>
          <Text name="consent.givenBy" label="Who gave consent" />
          <Text name="consent.date" label="Date" width={260} date={{ maxDate: props.today }} />
        </>
      ) : null}
      {status === 'refused' ? (
        <>
          <Text name="consent.refusedBy" label="Who refused consent" />
          <Text name="consent.date" label="Date" width={260} date={{ maxDate: props.today }} />
        </>
      ) : null}
      {status === 'refused' || status === 'not-sought' ? (
        <Text name="consent.reason" label="Reason" multiline rows={2} />
      ) : null}
    </Section>
  );
}
