// Beside the form: for each child, people who may be the same child (search first, domain §7).

import type { ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import type { IsoDate } from '../../../../shared/domain/types';
import { displayFormChildName, type ReferralForm } from './form-model';
import { MatchPanel, matchQueryFor, tooLittleToSearch } from './MatchPanel';

export function MatchAside(props: {
  fields: readonly { id: string }[];
  today: IsoDate;
}): ReactElement {
  const { control, setValue } = useFormContext<ReferralForm>();
  const children = useWatch({ control, name: 'children' });
  return (
    <Box
      component="aside"
      aria-label="Existing records"
      sx={{
        position: { lg: 'sticky' },
        top: { lg: 88 },
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      {props.fields.map((f, i) => {
        const child = children[i];
        if (!child) return null;
        return (
          <MatchPanel
            key={f.id}
            index={i}
            name={displayFormChildName(child)}
            query={matchQueryFor(child, props.today)}
            decision={child.matchDecision}
            personId={child.personId}
            newWithoutSearch={child.status === 'unborn' || tooLittleToSearch(child, props.today)}
            waiting={
              child.status === 'unborn'
                ? 'An unborn baby is not searched for by date of birth. Check the mother is known in the household section, then confirm the baby as a new record.'
                : tooLittleToSearch(child, props.today)
                  ? 'Too little is known to search existing records: a name with a date of birth or an age, or an NHS number, is needed. Add an approximate age if you can; otherwise confirm the child as a new record.'
                  : undefined
            }
            onLink={(personId) => {
              setValue(`children.${i}.personId`, personId, { shouldDirty: true });
              setValue(`children.${i}.matchDecision`, 'linked', { shouldDirty: true });
            }}
            onNew={() => {
              setValue(`children.${i}.personId`, '', { shouldDirty: true });
              setValue(`children.${i}.matchDecision`, 'new', { shouldDirty: true });
            }}
            onUndo={() => {
              setValue(`children.${i}.personId`, '', { shouldDirty: true });
              setValue(`children.${i}.matchDecision`, '', { shouldDirty: true });
            }}
          />
        );
      })}
    </Box>
  );
}
