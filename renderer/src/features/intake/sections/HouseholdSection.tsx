// The household and who has parental responsibility. For an unborn baby, says whether the
// expectant mother is already known (her record from the directory of people), so the search
// first step covers her too. Who is alleged to have caused harm, and where someone living
// elsewhere lives, let the letter rules keep letters away from them (issue 13 "Safe contact").

import type { ReactElement } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Check, Radios, Text, YES_NO } from '../fields';
import { Section } from '../../../components/Section';
import { emptyHouseholdMember, type ReferralForm } from '../form-model';
import { RepeatingSection } from '../RepeatingSection';
import { ExpectantMotherCheck } from './ExpectantMotherCheck';

/** Where someone who does not live with the child lives: letters must keep away from it. */
function MemberAddress(props: { index: number }): ReactElement | null {
  const i = props.index;
  const { control } = useFormContext<ReferralForm>();
  const lives = useWatch({ control, name: `householdMembers.${i}.livesInHousehold` });
  if (lives !== 'no') return null;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" sx={{ fontWeight: 600, mb: 1.5 }}>
        Address, if known
      </Typography>
      <Stack spacing={2.5}>
        <Text name={`householdMembers.${i}.address.line1`} label="Address line 1" />
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Text name={`householdMembers.${i}.address.town`} label="Town or city" width={300} />
          <Text name={`householdMembers.${i}.address.postcode`} label="Postcode" width={180} />
        </Stack>
      </Stack>
    </Box>
  );
}

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
            <MemberAddress index={i} />
            <Check
              name={`householdMembers.${i}.allegedHarm`}
              label="Alleged to have caused harm"
              hint="No letter about this referral will go to this person's address."
            />
          </>
        )}
      </RepeatingSection>
    </Section>
  );
}
