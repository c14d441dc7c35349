// One titled section of a page or form: a labelled region with an h2, used by every screen.

import type { ReactElement, ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export function Section(props: {
  id: string;
  title: string;
  children: ReactNode;
  /** The heading can take focus, so a link or button elsewhere can move the reader here. */
  focusable?: boolean;
  /** Space between the children (default 3); 0 for free layout. */
  spacing?: number;
}): ReactElement {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={props.id} sx={{ p: 3 }}>
      <Typography
        id={props.id}
        variant="h2"
        gutterBottom
        tabIndex={props.focusable ? -1 : undefined}
      >
        {props.title}
      </Typography>
      <Stack spacing={props.spacing ?? 3}>{props.children}</Stack>
    </Paper>
  );
}
