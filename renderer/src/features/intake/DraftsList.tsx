// "Your unfinished referrals": autosaved drafts, so work is never lost. Each says what it is about
// (the children, the referrer, the start of the concern) and can be opened or deleted (with a
// confirmation). Compact, so the queue still shows on a 1280×720 screen.

import { useState, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { DraftRecord } from '../../../../shared/domain/records';
import { call } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { displayFormChildName, type ReferralForm } from './form-model';

const SHOWN = 3;

/** What a draft is about, in one line: "Tyler (about 6), Maisie Smyth — from Northgate Primary". */
export function describeDraft(data: unknown): string {
  const form = (data ?? {}) as Partial<ReferralForm>;
  const names = (form.children ?? [])
    .map((c) => {
      const name = displayFormChildName({
        givenNames: typeof c.givenNames === 'string' ? c.givenNames : '',
        familyName: typeof c.familyName === 'string' ? c.familyName : '',
      });
      return name === '' ? '' : c.approximateAge ? `${name} (about ${c.approximateAge})` : name;
    })
    .filter((n) => n !== '');
  const who = names.length > 0 ? names.join(', ') : 'Children not entered yet';
  const r = form.referrer;
  const from =
    r?.kind === 'anonymous'
      ? 'anonymous referrer'
      : r?.agencyName || r?.name
        ? (r.agencyName || r.name || '').trim()
        : '';
  const concern = typeof form.concern === 'string' ? form.concern.trim() : '';
  const gist = concern.length > 60 ? `${concern.slice(0, 57)}…` : concern;
  return [who, from ? `from ${from}` : '', gist ? `“${gist}”` : ''].filter(Boolean).join(' · ');
}

export function DraftsList(): ReactElement | null {
  const client = useQueryClient();
  const drafts = useQuery({ queryKey: ['drafts', 'list'], queryFn: () => call('drafts:list', {}) });
  const [showAll, setShowAll] = useState(false);
  const [toDelete, setToDelete] = useState<DraftRecord | null>(null);
  const discard = useMutation({
    mutationFn: (d: DraftRecord) => call('drafts:discard', { kind: 'referral', key: d.key }),
    onSuccess: async () => {
      setToDelete(null);
      await client.invalidateQueries({ queryKey: ['drafts'] });
    },
  });
  const referralDrafts = (drafts.data ?? []).filter((d) => d.kind === 'referral');
  if (referralDrafts.length === 0) return null;
  const shown = showAll ? referralDrafts : referralDrafts.slice(0, SHOWN);
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="drafts-heading"
      sx={{ px: 2.5, py: 1.5 }}
    >
      <Typography id="drafts-heading" variant="h2" sx={{ fontSize: '1.1rem', mb: 0.5 }}>
        Your unfinished referrals ({referralDrafts.length})
      </Typography>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {shown.map((d) => (
          <Box
            component="li"
            key={d.id}
            data-testid="draft-row"
            sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25, flexWrap: 'wrap' }}
          >
            <Link component={RouterLink} to={`/referrals/new?draft=${encodeURIComponent(d.key)}`}>
              {describeDraft(d.data)}
            </Link>
            <Typography variant="body2" color="text.secondary">
              saved {formatDateTime(d.updatedAt)}
            </Typography>
            <Button
              size="small"
              color="inherit"
              aria-label={`Delete the draft: ${describeDraft(d.data)}`}
              onClick={() => {
                setToDelete(d);
              }}
            >
              Delete
            </Button>
          </Box>
        ))}
      </Box>
      {referralDrafts.length > SHOWN ? (
        <Button
          size="small"
          onClick={() => {
            setShowAll((v) => !v);
          }}
        >
          {showAll ? 'Show fewer' : `Show all ${String(referralDrafts.length)}`}
        </Button>
      ) : null}
      <Dialog
        open={toDelete !== null}
        onClose={() => {
          setToDelete(null);
        }}
        aria-labelledby="delete-draft-title"
      >
        <DialogTitle id="delete-draft-title">Delete this unfinished referral?</DialogTitle>
        <DialogContent>
          <Typography>
            {toDelete ? describeDraft(toDelete.data) : ''}. Everything typed on it will be deleted.
            This cannot be undone.
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setToDelete(null);
            }}
          >
            Keep it
          </Button>
          <Button
            color="error"
            variant="contained"
            disabled={discard.isPending}
            onClick={() => {
              if (toDelete) discard.mutate(toDelete);
            }}
          >
            Delete draft
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
