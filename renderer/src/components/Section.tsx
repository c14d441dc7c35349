// One titled section of a page or form: a labelled region with an h2, used by every screen.
// A card (outlined) on pages made of blocks; a rule above it on a long single-column form such as
// the referral, where cards inside cards would crowd the page.

import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export function Section(props: {
  id: string;
  title: string;
  children: ReactNode;
  /** A sentence under the heading saying what the section is for. */
  intro?: string;
  /** The heading can take focus, so a link or button elsewhere can move the reader here. */
  focusable?: boolean;
  /** Space between the children (default 3 for a card, 2.5 for a rule); 0 for free layout. */
  spacing?: number;
  variant?: 'card' | 'rule';
}): ReactElement {
  const rule = props.variant === 'rule';
  const spacing = props.spacing ?? (rule ? 2.5 : 3);
  const body =
    spacing === 0 ? (
      props.children
    ) : (
      <Stack spacing={spacing} useFlexGap>
        {props.children}
      </Stack>
    );
  const heading = (
    <>
      <Typography
        id={props.id}
        variant="h2"
        gutterBottom={!rule}
        sx={rule ? { mb: props.intro ? 0.5 : 2 } : undefined}
        tabIndex={props.focusable ? -1 : undefined}
      >
        {props.title}
      </Typography>
      {props.intro ? (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {props.intro}
        </Typography>
      ) : null}
    </>
  );
  if (rule) {
    return (
      <Box
        component="section"
        aria-labelledby={props.id}
        sx={{ borderTop: 1, borderColor: 'divider', pt: 3, pb: 1 }}
      >
        {heading}
        {body}
      </Box>
    );
  }
  return (
    <Paper component="section" variant="outlined" aria-labelledby={props.id} sx={{ p: 3 }}>
      {heading}
      {body}
    </Paper>
  );
}
