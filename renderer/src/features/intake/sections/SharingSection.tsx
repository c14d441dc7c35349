// Each decision to share, or not to share, information: what, with whom, why, and the bases in
// law (UK GDPR Article 6; Article 9 for special category data; Article 10 for criminal offence
// data). An entry recorded before the basis was split into its parts shows its old value.

import type { ReactElement } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import {
  ARTICLE6_BASIS_LABELS,
  CRIMINAL_OFFENCE_DATA_LABELS,
  LEGACY_LAWFUL_BASES,
  SPECIAL_CATEGORY_LABELS,
  legacyLawfulBasisText,
} from '../../../../../shared/validation';
import { Radios, Select, Text, labelled } from '../fields';
import { Section } from '../../../components/Section';
import { emptySharing, type ReferralForm } from '../form-model';
import { RepeatingSection } from '../RepeatingSection';

function LegacyLawfulBasis(props: { index: number }): ReactElement | null {
  const { control } = useFormContext<ReferralForm>();
  const value = useWatch({ control, name: `informationSharing.${props.index}.lawfulBasis` });
  const basis = LEGACY_LAWFUL_BASES.find((b) => b === value);
  if (basis === undefined) return null;
  return (
    <Alert severity="info">{`${legacyLawfulBasisText(basis)} — choose the bases below`}</Alert>
  );
}

export function SharingSection(props: { today: string }): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  const sharing = useFieldArray({ control, name: 'informationSharing' });
  return (
    <Section
      variant="rule"
      title="Information sharing"
      id="sec-sharing"
      intro="Record each decision to share, or not to share, information."
    >
      <RepeatingSection
        items={sharing.fields}
        noun="decision"
        addLabel="Add an information-sharing decision"
        onAdd={() => {
          sharing.append(emptySharing(), {
            focusName: `informationSharing.${String(sharing.fields.length)}.decision`,
          });
        }}
        onRemove={(i) => {
          sharing.remove(i);
        }}
      >
        {(_f, i) => (
          <>
            <Radios
              name={`informationSharing.${i}.decision`}
              legend={`Decision ${String(i + 1)}`}
              options={[
                { value: 'shared', label: 'Shared' },
                { value: 'not-shared', label: 'Not shared' },
              ]}
            />
            <Text
              name={`informationSharing.${i}.date`}
              label="Date"
              width={260}
              date={{ maxDate: props.today }}
            />
            <Text name={`informationSharing.${i}.what`} label="What" />
            <Text name={`informationSharing.${i}.withWhom`} label="With whom" />
            <Text name={`informationSharing.${i}.why`} label="Why" />
            <LegacyLawfulBasis index={i} />
            <Select
              name={`informationSharing.${i}.article6Basis`}
              label="Lawful basis (UK GDPR Article 6)"
              hint="Usually public task for a council. Since 2024 DfE's information-sharing advice is clear that consent is not needed to share where a child is at risk of harm."
              options={labelled(ARTICLE6_BASIS_LABELS)}
            />
            <Select
              name={`informationSharing.${i}.specialCategory`}
              label="Special category data"
              hint="For example health, ethnicity, religion or sex life (UK GDPR Article 9)"
              options={labelled(SPECIAL_CATEGORY_LABELS)}
            />
            <Select
              name={`informationSharing.${i}.criminalOffenceData`}
              label="Criminal offence data"
              hint="Allegations, offences or convictions (UK GDPR Article 10)"
              options={labelled(CRIMINAL_OFFENCE_DATA_LABELS)}
            />
            <Text
              name={`informationSharing.${i}.lawfulBasisDetails`}
              label="Lawful basis details (optional)"
            />
            <Text name={`informationSharing.${i}.recordedBy`} label="Recorded by" />
          </>
        )}
      </RepeatingSection>
    </Section>
  );
}
