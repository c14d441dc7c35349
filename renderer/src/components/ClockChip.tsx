import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import AccessTimeIcon from '@mui/icons-material/AccessTime';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import type { ClockStatus } from '../../../shared/calendar';
import { clockText, clockTone, type ClockTone } from './clock-text';

const STYLE: Record<
  ClockTone,
  { color: 'error' | 'warning' | 'success' | 'default'; variant: 'filled' | 'outlined' }
> = {
  overdue: { color: 'error', variant: 'filled' },
  'due-today': { color: 'warning', variant: 'filled' },
  'on-time': { color: 'success', variant: 'outlined' },
  done: { color: 'default', variant: 'outlined' },
  waiting: { color: 'default', variant: 'outlined' },
};

const ICON: Record<ClockTone, ReactElement> = {
  overdue: <ErrorOutlineIcon />,
  'due-today': <HourglassBottomIcon />,
  'on-time': <AccessTimeIcon />,
  done: <CheckCircleOutlineIcon />,
  waiting: <AccessTimeIcon />,
};

/** A working-day clock as a chip: colour plus icon plus words, so colour is never the only cue. */
export function ClockChip(props: { status: ClockStatus; size?: 'small' | 'medium' }): ReactElement {
  const tone = clockTone(props.status);
  const style = STYLE[tone];
  return (
    <Chip
      data-testid="clock-chip"
      data-tone={tone}
      icon={ICON[tone]}
      label={clockText(props.status)}
      color={style.color}
      variant={style.variant}
      size={props.size ?? 'medium'}
      // Never truncate the words: wrap onto a second line in a narrow column instead.
      sx={{
        fontWeight: 600,
        height: 'auto',
        minHeight: props.size === 'small' ? 24 : 32,
        '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 },
      }}
    />
  );
}
