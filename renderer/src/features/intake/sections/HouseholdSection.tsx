// The household and who has parental responsibility. For an unborn baby, says whether the
// expectant mother is already known (her record from the directory of people), so the search
// first step covers her too.

import type { ReactElement } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import Stack from '@mui/material/Stack';
import { Radios, Text, YES_NO } from '../fields';
import { Section } from '../../../components/Section';
import { emptyHouseholdMember, type ReferralForm } from '../form-model';
import { RepeatingSection } from '../RepeatingSection';
import { ExpectantMotherCheck } from './ExpectantMotherCheck';

export function HouseholdSection(props: { today: string }): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  const household = useFieldArray({ control, name: 'householdMembers' });
  return (
    <Section variant="rule" title="Household and parental responsibility" id="sec-household">
      <ExpectantMotherCheck today={props.today} />
      <RepeatingSection
        items={household.fields}
        heading={(i) => `Person ${String(i + 1)}`}
        noun="person"
        addLabel="Add a household member"
        onAdd={() => {
          household.append(emptyHouseholdMember(), {
            focusName: `householdMembers.${String(household.fields.length)}.givenNames`,
          });
        }}
        onRemove={(i) => {
          household.remove(i);
        }}
      >
        {(_f, i) => (
          <>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Text name={`householdMembers.${i}.givenNames`} label="First name" width={300} />
              <Text name={`householdMembers.${i}.familyName`} label="Last name" width={300} />
            </Stack>
            <Text
              name={`householdMembers.${i}.relationship`}
              label="Relationship"
              hint="For example mother of Amy and Ben"
            />
            <Text
              name={`householdMembers.${i}.dateOfBirth`}
              label="Date of birth (optional)"
              date={{ maxDate: props.today }}
              width={260}
            />
            <Radios
              name={`householdMembers.${i}.parentalResponsibility`}
              legend="Parental responsibility?"
              options={YES_NO}
            />
            <Radios
              name={`householdMembers.${i}.livesInHousehold`}
              legend="Lives in the child's household?"
              options={YES_NO}
            />
          </>
        )}
      </RepeatingSection>
    </Section>
  );
}
