// Every referral on a child's record, newest first: its decision and outcome, whether it was a
// re-referral (CIN census: within 12 months of a previous referral for the same child), the
// strategy discussions arranged about the child (each linking to its page), and what has been
// recorded since — discussions held, section 47 enquiries, conferences.
import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { REFERRAL_STATUS_LABELS, type PersonDetail } from '../../../../shared/domain/records';
import { STRATEGY_FORMAT_LABELS, STRATEGY_STATUS_LABELS } from '../../../../shared/strategy/types';
import { formatDateTime } from '../../components/format';
import { Section } from '../../components/Section';
import { progressSummary } from '../referrals/ProgressSection';
import { slotText } from '../strategy/DiscussionParts';

export function PersonReferrals(props: { detail: PersonDetail }): ReactElement {
  const { detail } = props;
  const history = new Map((detail.history ?? []).map((h) => [h.referralId, h]));
  return (
    <Section
      id="person-referrals"
      title={`Referrals (${String(detail.referrals.length)})`}
      spacing={0}
    >
      {detail.referrals.length === 0 ? (
        <Typography color="text.secondary">No referrals are linked to this record.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="person-referrals">
          {detail.referrals.map((r) => {
            const h = history.get(r.referralId);
            const progress = h?.progress ?? [];
            return (
              <Box
                component="li"
                key={r.referralId}
                sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}
              >
                <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Link
                    component={RouterLink}
                    to={`/referrals/${r.referralId}`}
                    sx={{ fontWeight: 700, fontSize: '1.05rem' }}
                  >
                    {r.reference}
                  </Link>
                  <Typography component="span" color="text.secondary">
                    received {formatDateTime(r.receivedAt)} · {REFERRAL_STATUS_LABELS[r.status]}
                  </Typography>
                  {h?.reReferral ? (
                    <Chip
                      size="small"
                      color="warning"
                      variant="outlined"
                      label="Re-referral: within 12 months of a previous referral"
                    />
                  ) : null}
                </Box>
                <Typography sx={{ mt: 0.5 }}>
                  <strong>Decision:</strong>{' '}
                  {r.outcomeLabel
                    ? `${r.outcomeLabel}${r.decidedAt ? ` (decided ${formatDateTime(r.decidedAt)})` : ''}`
                    : 'No decision yet'}
                </Typography>
                {(h?.discussions ?? []).length > 0 ? (
                  <>
                    <Typography sx={{ mt: 0.5, fontWeight: 700 }}>Strategy discussions</Typography>
                    <Box component="ul" sx={{ my: 0.5, pl: 2.5 }} data-testid="person-discussions">
                      {(h?.discussions ?? []).map((d) => (
                        <li key={d.discussionId}>
                          <Link component={RouterLink} to={`/strategy/${d.discussionId}`}>
                            Strategy discussion {d.sequence}
                          </Link>
                          : {slotText(d.startsAt, d.endsAt)}, {STRATEGY_FORMAT_LABELS[d.format]} ·{' '}
                          {STRATEGY_STATUS_LABELS[d.status]}
                        </li>
                      ))}
                    </Box>
                  </>
                ) : null}
                {progress.length > 0 ? (
                  <>
                    <Typography sx={{ mt: 0.5, fontWeight: 700 }}>
                      What has happened since
                    </Typography>
                    <Box component="ul" sx={{ my: 0.5, pl: 2.5 }}>
                      {progress.map((e) => (
                        <li key={e.id}>
                          {e.withdrawn ? (
                            <>
                              <s>{progressSummary(e.event)}</s> (withdrawn: {e.withdrawn.reason})
                            </>
                          ) : (
                            progressSummary(e.event)
                          )}
                        </li>
                      ))}
                    </Box>
                  </>
                ) : null}
              </Box>
            );
          })}
        </Box>
      )}
    </Section>
  );
}
