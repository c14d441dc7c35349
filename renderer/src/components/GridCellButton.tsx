// A small button inside a data-grid cell, shared by the work lists (letters, users). Its visible
// label is short ("Save PDF"); screen readers hear whose row it acts on ("Save PDF for
// FD-2026-000123"), since the grid reads a cell without its row. The grid's roving tab stop
// decides `tabIndex`.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactElement } from 'react';

/** Visually hidden, still read aloud. */
export const srOnly = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function GridCellButton(props: {
  label: string;
  /** Whose row: read after the label by screen readers. */
  forWhom: string;
  tabIndex: -1 | 0;
  onClick: () => void;
  disabled?: boolean;
  color?: 'primary' | 'error';
}): ReactElement {
  return (
    <Button
      size="small"
      variant="outlined"
      tabIndex={props.tabIndex}
      disabled={props.disabled}
      color={props.color ?? 'primary'}
      onClick={props.onClick}
      sx={{ py: 0, px: 0.75, minWidth: 0, whiteSpace: 'nowrap', fontSize: '0.8125rem' }}
    >
      {props.label}
      <Box component="span" sx={srOnly}>
        {` for ${props.forWhom}`}
      </Box>
    </Button>
  );
}
