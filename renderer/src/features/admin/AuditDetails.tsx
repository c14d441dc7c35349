// One audit entry read in full: who, when, what, and its details — a change shown field by field
// (before → after, issue 14), anything else as labelled text. From an entry about a child, the
// log can be narrowed to everything about that child.
import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { auditActionLabel, auditEntityLabel } from '../../../../shared/domain/audit';
import type { AuditEntry } from '../../../../shared/domain/records';
import { formatDateTime } from '../../components/format';
import { entryChanges, otherDetails } from './audit-model';

export function AuditDetails(props: {
  entry: AuditEntry | null;
  reference: string | null;
  onClose: () => void;
  onShowChild: (personId: string) => void;
}): ReactElement {
  const { entry } = props;
  const changes = entry === null ? null : entryChanges(entry);
  const others = entry === null ? [] : otherDetails(entry.details);
  return (
    <Dialog open={entry !== null} onClose={props.onClose} maxWidth="md" fullWidth>
      {entry !== null ? (
        <>
          <DialogTitle>Audit entry {entry.seq}</DialogTitle>
          <DialogContent>
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: 'max-content 1fr',
                columnGap: 2,
                rowGap: 0.5,
                m: 0,
                '& dt': { fontWeight: 700 },
                '& dd': { m: 0 },
              }}
            >
              <dt>When</dt>
              <dd>{formatDateTime(entry.at)}</dd>
              <dt>Who</dt>
              <dd>{entry.user?.displayName ?? 'The system'}</dd>
              <dt>Action</dt>
              <dd>{auditActionLabel(entry.action)}</dd>
              <dt>What</dt>
              <dd>
                {auditEntityLabel(entry.entityType)}
                {props.reference !== null ? ` ${props.reference}` : ''}
              </dd>
              <dt>Summary</dt>
              <dd>{entry.summary}</dd>
            </Box>
            {changes !== null ? (
              <Box sx={{ mt: 2 }}>
                <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
                  What changed
                </Typography>
                {changes.length === 0 ? (
                  <Typography>No field differs between before and after.</Typography>
                ) : (
                  <Table size="small" aria-label="What changed, field by field">
                    <TableHead>
                      <TableRow>
                        <TableCell component="th" scope="col">
                          Field
                        </TableCell>
                        <TableCell component="th" scope="col">
                          Before
                        </TableCell>
                        <TableCell component="th" scope="col" aria-hidden>
                          {' '}
                        </TableCell>
                        <TableCell component="th" scope="col">
                          After
                        </TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {changes.map((c) => (
                        <TableRow key={c.field} data-testid="audit-change">
                          <TableCell component="th" scope="row">
                            {c.field}
                          </TableCell>
                          <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{c.before}</TableCell>
                          <TableCell aria-hidden>→</TableCell>
                          <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{c.after}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </Box>
            ) : null}
            {others.length > 0 ? (
              <Box sx={{ mt: 2 }}>
                <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
                  {changes !== null ? 'Other details' : 'Details'}
                </Typography>
                <Box
                  component="dl"
                  sx={{
                    m: 0,
                    '& dt': { fontWeight: 700, mt: 1 },
                    '& dd': { m: 0, whiteSpace: 'pre-wrap', fontFamily: 'inherit' },
                  }}
                >
                  {others.map((o) => (
                    <Box key={o.label} sx={{ display: 'contents' }}>
                      <dt>{o.label}</dt>
                      <dd>{o.text}</dd>
                    </Box>
                  ))}
                </Box>
              </Box>
            ) : null}
          </DialogContent>
          <DialogActions>
            {entry.entityType === 'person' && entry.entityId !== null ? (
              <Button
                onClick={() => {
                  if (entry.entityId !== null) props.onShowChild(entry.entityId);
                }}
              >
                Show everything about this child
              </Button>
            ) : null}
            <Button variant="contained" onClick={props.onClose}>
              Close
            </Button>
          </DialogActions>
        </>
      ) : null}
    </Dialog>
  );
}
