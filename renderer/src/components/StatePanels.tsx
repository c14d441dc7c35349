import type { ReactElement, ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { errorMessage } from '../api/client';

/** A calm "loading" line; announced politely to screen readers. */
export function Loading(props: { label: string }): ReactElement {
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 4 }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{props.label}</Typography>
    </Box>
  );
}

/** What went wrong, in plain words, with a way to try again. */
export function ErrorPanel(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}): ReactElement {
  return (
    <Alert
      severity="error"
      action={
        props.onRetry ? (
          <Button color="inherit" onClick={props.onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{props.title}</AlertTitle>
      {errorMessage(props.error)}
      {props.children}
    </Alert>
  );
}
