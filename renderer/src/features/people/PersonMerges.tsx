// The merges on a child's record, each with its reason and (for managers and administrators) an
// undo; and who has viewed and changed the record, from the audit log.
import { useState, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { MergeRecord, PersonDetail } from '../../../../shared/domain/records';
import { formatDateTime } from '../../components/format';
import { AuditTable } from '../../components/AuditTable';
import { UndoMergeDialog } from './MergeDialogs';
import { usePersonAudit } from './person-queries';

function mergeSentence(m: MergeRecord, personId: string, names: Record<string, string>): string {
  const other = m.keptId === personId ? m.mergedId : m.keptId;
  const name = names[other] ?? 'another record';
  return m.keptId === personId
    ? `The record of ${name} was merged into this one`
    : `This record was merged into the record of ${name}`;
}

export function MergesList(props: { detail: PersonDetail; canMerge: boolean }): ReactElement {
  const { detail } = props;
  const names = detail.mergeNames ?? {};
  const [undoing, setUndoing] = useState<MergeRecord | null>(null);
  if (detail.merges.length === 0) {
    return (
      <Typography color="text.secondary">No records have been merged with this one.</Typography>
    );
  }
  return (
    <>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="merges">
        {detail.merges.map((m) => {
          const other = m.keptId === detail.person.id ? m.mergedId : m.keptId;
          return (
            <Box component="li" key={m.id} sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}>
              <Typography>
                {mergeSentence(m, detail.person.id, names)} on {formatDateTime(m.mergedAt)} by{' '}
                {m.mergedBy.displayName}.{' '}
                <Link component={RouterLink} to={`/people/${other}`}>
                  Open {names[other] ?? 'the other record'}
                </Link>
              </Typography>
              <Typography color="text.secondary">Reason: {m.reason ?? 'not recorded'}</Typography>
              {m.undoneAt !== null ? (
                <Typography sx={{ mt: 0.5 }}>
                  <strong>Undone</strong> on {formatDateTime(m.undoneAt)}
                  {m.undoneBy ? ` by ${m.undoneBy.displayName}` : ''}. Reason:{' '}
                  {m.undoReason ?? 'not recorded'}
                </Typography>
              ) : props.canMerge ? (
                <Button
                  variant="outlined"
                  size="small"
                  sx={{ mt: 1 }}
                  onClick={() => {
                    setUndoing(m);
                  }}
                >
                  Undo this merge
                </Button>
              ) : null}
            </Box>
          );
        })}
      </Box>
      <UndoMergeDialog
        mergeId={undoing?.id ?? null}
        description={
          undoing
            ? `${mergeSentence(undoing, detail.person.id, names)} on ${formatDateTime(undoing.mergedAt)}. Undoing it puts each referral back on the record it was on before.`
            : ''
        }
        onClose={() => {
          setUndoing(null);
        }}
      />
    </>
  );
}

/** Who has viewed and changed this child's record: loaded when asked for, newest first. */
export function PersonAudit(props: { personId: string }): ReactElement {
  return (
    <AuditTable
      id={props.personId}
      useEntries={usePersonAudit}
      buttonLabel="Show who has viewed and changed this record"
      caption="Every view and change of this record, newest first"
      testId="person-audit"
    />
  );
}
