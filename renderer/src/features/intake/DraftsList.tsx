// "Your unfinished referrals": autosaved drafts, so work is never lost (issue 4).

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { call } from '../../api/client';
import { formatDateTime } from '../../components/format';
import type { ReferralForm } from './form-model';

function describe(data: unknown): string {
  const form = data as Partial<ReferralForm> | null;
  const names = (form?.children ?? [])
    .map((c) => `${c.givenNames} ${c.familyName}`.trim())
    .filter((n) => n !== '');
  return names.length > 0 ? names.join(', ') : 'Children not entered yet';
}

export function DraftsList(): ReactElement | null {
  const drafts = useQuery({
    queryKey: ['drafts', 'list'],
    queryFn: () => call('drafts:list', {}),
  });
  const referralDrafts = (drafts.data ?? []).filter((d) => d.kind === 'referral');
  if (referralDrafts.length === 0) return null;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="drafts-heading"
      sx={{ px: 3, py: 2 }}
    >
      <Typography id="drafts-heading" variant="h2" sx={{ mb: 1 }}>
        Your unfinished referrals
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {referralDrafts.map((d) => (
          <li key={d.id} data-testid="draft-row">
            <Link component={RouterLink} to={`/referrals/new?draft=${encodeURIComponent(d.key)}`}>
              {describe(d.data)}
            </Link>{' '}
            – last saved {formatDateTime(d.updatedAt)}
          </li>
        ))}
      </ul>
    </Paper>
  );
}
