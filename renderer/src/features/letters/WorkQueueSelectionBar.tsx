// The bar above the work queue grid: what the selection can become (make, mark sent), the
// rows that cannot go yet with their reasons, the filters' reset and the total shown.
import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { WorkItem } from '../../../../shared/domain/letters';
import { plural } from './work-queue-model';

/** What the selection can become, with the rows that cannot be made in one go explained. */
export function SelectionBar(props: {
  selectedCount: number;
  makeable: number;
  blocked: readonly WorkItem[];
  sendable: number;
  running: boolean;
  /** "Showing 1–25 of 312", once the first page has loaded. */
  showing: string | null;
  /** Null when no filter is set. */
  onClearFilters: (() => void) | null;
  onMake: () => void;
  onMarkSent: () => void;
}): ReactElement {
  return (
    <Box sx={{ px: 1.5, py: 0.75, borderTop: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
        <Typography data-testid="work-selected" sx={{ minWidth: 110 }}>
          {props.selectedCount === 0
            ? 'None selected'
            : `${props.selectedCount.toLocaleString('en-GB')} selected`}
        </Typography>
        <Button
          variant="contained"
          disabled={props.makeable === 0 || props.running}
          onClick={props.onMake}
        >
          {props.makeable > 0
            ? `Make selected letters (${props.makeable.toLocaleString('en-GB')})`
            : 'Make selected letters'}
        </Button>
        <Button
          variant="outlined"
          disabled={props.sendable === 0 || props.running}
          onClick={props.onMarkSent}
        >
          {props.sendable > 0
            ? `Mark selected sent (${props.sendable.toLocaleString('en-GB')})`
            : 'Mark selected sent'}
        </Button>
        {props.selectedCount === 0 && props.onClearFilters === null ? (
          <Typography variant="body2" color="text.secondary">
            Tick rows to make or mark sent.
          </Typography>
        ) : null}
        {props.onClearFilters !== null ? (
          <Button size="small" onClick={props.onClearFilters} sx={{ ml: 'auto' }}>
            Clear filters
          </Button>
        ) : null}
        {props.showing !== null ? (
          <Typography
            aria-live="polite"
            data-testid="work-showing"
            sx={{ fontWeight: 600, ml: props.onClearFilters === null ? 'auto' : 0 }}
          >
            {props.showing}
          </Typography>
        ) : null}
      </Box>
      {props.blocked.length > 0 ? (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="work-blocked-selected">
          {plural(props.blocked.length, 'selected row', 'selected rows')} cannot go yet and will be
          skipped:
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {props.blocked.map((b) => (
              <li key={b.key}>
                {b.reference}: {b.blocked}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
    </Box>
  );
}
