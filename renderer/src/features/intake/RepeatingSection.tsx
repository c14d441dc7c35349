// A list of cards the worker can add to and remove from (children, household members,
// information-sharing decisions): one look and one keyboard behaviour for all of them.

import { useRef, type ReactElement, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export function RepeatingSection<T extends { id: string }>(props: {
  items: readonly T[];
  /** The card heading, e.g. "Child 2"; omitted when the card's first field says it already. */
  heading?: (index: number) => string;
  /** The noun in "Remove child 2". */
  noun: string;
  /** The least number of cards (Remove is hidden at this count). */
  min?: number;
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  testId?: (index: number) => string;
  children: (item: T, index: number) => ReactNode;
}): ReactElement {
  const addRef = useRef<HTMLButtonElement>(null);
  const canRemove = props.items.length > (props.min ?? 0);
  return (
    <>
      {props.items.map((item, i) => (
        <Paper
          key={item.id}
          variant="outlined"
          sx={{ p: 3 }}
          data-testid={props.testId ? props.testId(i) : undefined}
        >
          <Stack spacing={2.5}>
            {props.heading || canRemove ? (
              <Stack
                direction="row"
                sx={{ justifyContent: 'space-between', alignItems: 'center', minHeight: 36 }}
              >
                {props.heading ? (
                  <Typography variant="h3" sx={{ fontSize: '1.2rem', fontWeight: 700 }}>
                    {props.heading(i)}
                  </Typography>
                ) : (
                  <span />
                )}
                {canRemove ? (
                  <Button
                    color="inherit"
                    onClick={() => {
                      props.onRemove(i);
                      // The removed card held the focus: put it somewhere sensible, not <body>.
                      addRef.current?.focus();
                    }}
                  >
                    Remove {props.noun} {i + 1}
                  </Button>
                ) : null}
              </Stack>
            ) : null}
            {props.children(item, i)}
          </Stack>
        </Paper>
      ))}
      <Box>
        <Button ref={addRef} variant="outlined" onClick={props.onAdd}>
          {props.addLabel}
        </Button>
      </Box>
    </>
  );
}
