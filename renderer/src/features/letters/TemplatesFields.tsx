// The fields a template may use (TEMPLATE_FIELDS, the allow-list letters are filled from), each
// with what it holds. Choosing one puts `{{field}}` into the wording where the cursor was; only
// these fields exist, so nothing withheld from a referrer can be asked for by name.

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { TEMPLATE_FIELDS } from '../../../../shared/letters/templates';
import { placeholder } from './template-model';

export function TemplatesFields(props: { onInsert: (field: string) => void }): ReactElement {
  return (
    <Box component="section" aria-labelledby="template-fields-heading">
      <Typography variant="h2" id="template-fields-heading" gutterBottom>
        Fields you can use
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        Choose a field to put it into the wording where the cursor is.
      </Typography>
      <Box
        component="ul"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          // Buttons as wide as the longest field name, descriptions lined up beside them: each
          // row takes the list's columns (subgrid), so the rows stay list items for readers.
          gridTemplateColumns: 'max-content minmax(0, 1fr)',
          columnGap: 1.5,
          rowGap: 1,
        }}
        data-testid="template-fields"
      >
        {Object.entries(TEMPLATE_FIELDS).map(([name, description]) => (
          <Box
            component="li"
            key={name}
            sx={{
              display: 'grid',
              gridColumn: '1 / -1',
              gridTemplateColumns: 'subgrid',
              alignItems: 'baseline',
            }}
          >
            <Button
              size="small"
              variant="outlined"
              onClick={() => {
                props.onInsert(name);
              }}
              aria-label={`Insert ${placeholder(name)}: ${description}`}
              sx={{ justifyContent: 'flex-start', fontFamily: 'monospace', textTransform: 'none' }}
            >
              {placeholder(name)}
            </Button>
            <Typography variant="body2">{description}</Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
