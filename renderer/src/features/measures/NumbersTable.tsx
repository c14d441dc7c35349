// A table of the numbers behind a chart, for screen readers and for anyone who prefers numbers:
// a caption, column headings, a heading cell per row, and counts that open their referrals.
import type { ReactElement } from 'react';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { DrillRequest } from './measures-model';

export type NumberCell = { text: string; drill?: DrillRequest; count?: number };
export type NumberRow = { key: string; label: string; cells: NumberCell[] };

export function NumbersTable(props: {
  caption: string;
  headings: string[];
  rows: NumberRow[];
  onDrill: (d: DrillRequest) => void;
}): ReactElement {
  return (
    <Table size="small" sx={{ '& caption': { captionSide: 'top', px: 0, fontWeight: 600 } }}>
      <caption>{props.caption}</caption>
      <TableHead>
        <TableRow>
          {props.headings.map((h, i) => (
            <TableCell key={h} align={i === 0 ? 'left' : 'right'} scope="col">
              {h}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell component="th" scope="row">
              {r.label}
            </TableCell>
            {r.cells.map((c, i) => (
              <TableCell key={`${r.key}-${String(i)}`} align="right">
                {c.drill !== undefined && c.count !== 0 ? (
                  <Button
                    size="small"
                    sx={{ minWidth: 0, textTransform: 'none', p: 0.25 }}
                    aria-label={`${c.text}: see the referrals (${c.drill.label})`}
                    onClick={() => {
                      if (c.drill !== undefined) props.onDrill(c.drill);
                    }}
                  >
                    {c.text}
                  </Button>
                ) : (
                  c.text
                )}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
