// One headline figure: what it measures, "41 of 52, 79%" large, what counts in a line, and
// buttons that open the referrals behind the numbers.
import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { DrillRequest } from './measures-model';

export type TileDrill = DrillRequest & { text: string; count: number };

export function MeasureTile(props: {
  title: string;
  figure: string;
  /** The percentage alone, large; null when there is nothing to measure. */
  big?: string | null;
  children?: ReactNode;
  drills: TileDrill[];
  onDrill: (d: DrillRequest) => void;
}): ReactElement {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={props.title}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 0.5, minWidth: 0 }}
    >
      <Typography component="h3" sx={{ fontWeight: 600, fontSize: '1rem' }}>
        {props.title}
      </Typography>
      {props.big !== undefined && props.big !== null ? (
        <Typography sx={{ fontSize: '2rem', fontWeight: 700, lineHeight: 1.1 }}>
          {props.big}
        </Typography>
      ) : null}
      <Typography sx={{ fontSize: '1.05rem' }}>{props.figure}</Typography>
      {props.children !== undefined ? (
        <Typography color="text.secondary" sx={{ fontSize: '0.875rem' }}>
          {props.children}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 'auto', pt: 0.5 }}>
        {props.drills
          .filter((d) => d.count > 0)
          .map((d) => (
            <Button
              key={`${d.drill}:${d.key ?? ''}`}
              size="small"
              variant="outlined"
              sx={{ textTransform: 'none' }}
              onClick={() => {
                props.onDrill(d);
              }}
            >
              {d.text}
            </Button>
          ))}
      </Box>
    </Paper>
  );
}
