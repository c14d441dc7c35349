// "Audit log" (issue 14 "Audit viewer"): managers and administrators search who viewed and changed
// what — by child, referral, user, action and London days — newest first, a page at a time from
// the store; an entry opens field by field. Administrators can verify the chain's integrity.
// The page address may carry ?person=<id> to open on one child's entries.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridPaginationModel } from '@mui/x-data-grid';
import type { AuditEntry } from '../../../../shared/domain/records';
import { ApiError, errorMessage } from '../../api/client';
import { completeHandOver } from '../../api/files';
import { useSession, useUsers } from '../../api/queries';
import { canCall } from '../../../../shared/ipc/access';
import { AuditDetails } from './AuditDetails';
import { AuditFilters } from './AuditFilters';
import { AuditGrid } from './AuditGrid';
import { AuditVerify } from './AuditVerify';
import {
  AUDIT_DEFAULT_PAGE_SIZE,
  NO_AUDIT_FILTERS,
  auditSearchInput,
  auditShowingText,
  type AuditFilters as Filters,
} from './audit-model';
import { useAuditSearch, useExportSubjectAudit } from './audit-queries';

const NO_ROWS: readonly AuditEntry[] = [];
const NO_REFERENCES: Record<string, string> = {};

export function AuditPage(): ReactElement {
  const [params, setParams] = useSearchParams();
  const personParam = params.get('person');
  const [filters, setFilters] = useState<Filters>({ ...NO_AUDIT_FILTERS, personId: personParam });
  const [paging, setPaging] = useState<GridPaginationModel>({
    page: 0,
    pageSize: AUDIT_DEFAULT_PAGE_SIZE,
  });
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const exportSubject = useExportSubjectAudit();
  const [exported, setExported] = useState<string | null>(null);
  const session = useSession();
  const users = useUsers();
  // Shown exactly when 'audit:verify' would be allowed.
  const mayVerify = session.data !== undefined && canCall('audit:verify', session.data.user);

  // The address follows the child filter, so the view can be bookmarked or linked to.
  useEffect(() => {
    if ((params.get('person') ?? null) !== filters.personId) {
      setParams(filters.personId === null ? {} : { person: filters.personId }, { replace: true });
    }
  }, [filters.personId, params, setParams]);
  // A new filter starts at the first page (the old page may not exist in it).
  useEffect(() => {
    setPaging((p) => (p.page === 0 ? p : { ...p, page: 0 }));
  }, [filters]);

  const datesError =
    filters.from !== null && filters.to !== null && filters.from > filters.to
      ? 'The end date must be on or after the start date'
      : null;
  const input = useMemo(() => auditSearchInput(filters, paging), [filters, paging]);
  const audit = useAuditSearch(input, datesError === null);
  const referralError =
    audit.error instanceof ApiError && audit.error.code === 'NOT_FOUND' && filters.referral !== ''
      ? 'No referral has this reference'
      : null;
  const rows = audit.isError ? NO_ROWS : (audit.data?.rows ?? NO_ROWS);
  const total = audit.isError ? 0 : (audit.data?.total ?? 0);
  const references = audit.data?.references ?? NO_REFERENCES;

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Box>
        <Typography variant="h4" component="h1" id="audit-heading" tabIndex={-1}>
          Audit log
        </Typography>
        <Typography color="text.secondary">
          Who viewed and changed which records, and when. Searching the log is itself recorded.
        </Typography>
      </Box>
      {mayVerify ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <AuditVerify />
        </Paper>
      ) : null}
      <Paper variant="outlined">
        <AuditFilters
          value={filters}
          onChange={setFilters}
          users={users.data ?? []}
          referralError={referralError}
          datesError={datesError}
        />
        {filters.personId !== null ? (
          <Box
            sx={{
              px: 1.5,
              pb: 1,
              display: 'flex',
              flexWrap: 'wrap',
              gap: 1.5,
              alignItems: 'center',
            }}
          >
            <Button
              variant="outlined"
              disabled={exportSubject.isPending}
              onClick={() => {
                const personId = filters.personId;
                if (personId === null) return;
                setExported(null);
                exportSubject.mutate(
                  { personId },
                  {
                    onSuccess: (out) => {
                      setExported(completeHandOver(out.outcome));
                    },
                  },
                );
              }}
            >
              {exportSubject.isPending
                ? 'Making the PDF…'
                : "Export this child's audit (PDF, for a subject access request)"}
            </Button>
            <Typography
              role="status"
              sx={{ fontSize: '0.875rem' }}
              data-testid="audit-export-status"
            >
              {exportSubject.isError
                ? `The audit could not be exported: ${errorMessage(exportSubject.error)}`
                : (exported ?? '')}
            </Typography>
          </Box>
        ) : null}
        {audit.isError && referralError === null ? (
          <Alert severity="error" sx={{ mx: 1.5, mb: 1 }}>
            The audit log could not be searched: {errorMessage(audit.error)}
          </Alert>
        ) : null}
        <Typography
          id="audit-grid-caption"
          role="status"
          sx={{ px: 1.5, pb: 0.5, fontSize: '0.875rem', color: 'text.secondary' }}
        >
          {audit.isPending ? 'Searching…' : auditShowingText(paging.page, paging.pageSize, total)}
        </Typography>
        <Box sx={{ height: 560 }}>
          <AuditGrid
            rows={rows}
            total={total}
            references={references}
            loading={audit.isFetching}
            paginationModel={paging}
            onPaginationModelChange={setPaging}
            onOpen={setOpen}
            labelledBy="audit-heading"
          />
        </Box>
      </Paper>
      <AuditDetails
        entry={open}
        reference={
          open !== null && open.entityType === 'referral' && open.entityId !== null
            ? (references[open.entityId] ?? null)
            : null
        }
        onClose={() => {
          setOpen(null);
        }}
        onShowChild={(personId) => {
          setOpen(null);
          setFilters((f) => ({ ...f, personId }));
        }}
      />
    </Stack>
  );
}
