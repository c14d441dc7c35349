// One recorded decision on the referral page: its status, reasons, police and family decisions,
// the follow-ups it set in motion, and (for managers) sign-off.

import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FollowUp } from '../../../../shared/checklist';
import type { AppUser, DecisionRecord, DecisionStatus } from '../../../../shared/domain/records';
import { RESPONSE_LABELS } from '../../../../shared/domain/types';
import {
  FAMILY_AGREEMENT_LABELS,
  LEAD_PRACTITIONER_ROLE_LABELS,
  familyWithheldReasonLabel,
  type Decision,
} from '../../../../shared/validation/decision';
import { formatUkDate } from '../../../../shared/validation/formats';
import { ApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatDateTime, formatDayDate, londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { ErrorPanel } from '../../components/StatePanels';
import { useSignOff } from './decision-queries';
import { TextBox } from './fields';
import { canCall } from '../../../../shared/ipc/access';

const STATUS: Record<
  DecisionStatus,
  { label: string; color: 'warning' | 'success' | 'error' | 'default' }
> = {
  'awaiting-sign-off': { label: 'Awaiting manager sign-off', color: 'warning' },
  final: { label: 'Final', color: 'success' },
  returned: { label: 'Returned by a manager', color: 'error' },
  superseded: { label: 'Replaced by a later decision', color: 'default' },
};

/** What the family is told, as recorded (older decisions may carry a since-removed reason). */
function familyText(rec: Decision): string {
  switch (rec.familyInformed) {
    case 'yes':
      return 'will be told';
    case 'not-yet':
      return `not yet told: ${rec.familyToBeToldBy ?? 'someone'} will tell them by ${rec.familyToBeToldOn ? formatUkDate(rec.familyToBeToldOn) : 'a date not recorded'}`;
    case 'no-withheld':
      return `not told: ${rec.familyWithheldReason ? familyWithheldReasonLabel(rec.familyWithheldReason) : ''}${rec.familyWithheldExplanation ? `. ${rec.familyWithheldExplanation}` : ''}`;
  }
}

function dueText(f: FollowUp, today: string): string {
  if (f.due)
    return f.due < today ? `Was due ${formatDayDate(f.due)}` : `Due ${formatDayDate(f.due)}`;
  if (f.dueAt) return `By ${formatDateTime(f.dueAt)}`;
  if (f.withinHours !== undefined) return `Within ${String(f.withinHours)} hours`;
  return 'As soon as possible';
}

export function FollowUpList(props: { decision: DecisionRecord }): ReactElement {
  const d = props.decision;
  const today = londonDay(useNow());
  const police = d.decision.policeNotification;
  return (
    <Box component="ul" data-testid="follow-ups" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {police?.notified ? (
        <FollowUpRow
          title="Police told"
          detail={[
            police.officerName,
            police.forceOrTeam,
            police.notifiedAt ? formatDateTime(police.notifiedAt) : undefined,
            police.reference
              ? `reference ${police.reference}`
              : police.referenceAwaited
                ? 'reference awaited'
                : undefined,
          ]
            .filter(Boolean)
            .join(', ')}
          due="Done"
        />
      ) : null}
      {d.decision.leadPractitioner ? (
        <FollowUpRow
          title="Lead practitioner"
          detail={[
            d.decision.leadPractitioner,
            d.decision.leadPractitionerRole
              ? LEAD_PRACTITIONER_ROLE_LABELS[d.decision.leadPractitionerRole].toLowerCase()
              : undefined,
            d.decision.leadPractitionerAllocatedBy
              ? `named by ${d.decision.leadPractitionerAllocatedBy}`
              : undefined,
          ]
            .filter(Boolean)
            .join(', ')}
          due="Named"
        />
      ) : null}
      {d.followUps.map((f) => (
        <FollowUpRow
          key={f.kind}
          title={f.title}
          detail={f.detail}
          due={dueText(f, today)}
          late={f.due !== undefined && f.due < today}
        />
      ))}
    </Box>
  );
}

function FollowUpRow(props: {
  title: string;
  detail: string;
  due: string;
  late?: boolean;
}): ReactElement {
  return (
    <Box
      component="li"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: '1fr 220px' },
        gap: 1,
        py: 1.5,
        borderTop: 1,
        borderColor: 'divider',
      }}
    >
      <Box>
        <Typography sx={{ fontWeight: 600 }}>{props.title}</Typography>
        <Typography color="text.secondary">{props.detail}</Typography>
      </Box>
      <Typography
        sx={{
          fontWeight: 600,
          textAlign: { md: 'right' },
          color: props.late ? 'error.main' : 'text.primary',
        }}
      >
        {props.due}
      </Typography>
    </Box>
  );
}

export function DecisionCard(props: { decision: DecisionRecord; user: AppUser }): ReactElement {
  const d = props.decision;
  const rec = d.decision;
  const status = STATUS[d.status];
  const mayOffer =
    d.status === 'awaiting-sign-off' &&
    canCall('decisions:sign-off', props.user) &&
    d.recordedBy.id !== props.user.id;
  return (
    <Box
      data-testid="decision"
      sx={{ '& + &': { mt: 3, pt: 3, borderTop: 2, borderColor: 'divider' } }}
    >
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
      >
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.25rem', fontWeight: 700 }}>
          {RESPONSE_LABELS[d.chosen]}
        </Typography>
        <Chip label={status.label} color={status.color} variant="outlined" />
      </Stack>
      <Typography color="text.secondary" sx={{ mt: 0.5 }}>
        Recorded by {d.recordedBy.displayName}
        {d.decision.onBehalfOf ? ` on behalf of ${d.decision.onBehalfOf}` : ''} on{' '}
        {formatDateTime(d.recordedAt)}
        {d.recommended !== d.chosen
          ? `. The checklist recommended ${RESPONSE_LABELS[d.recommended]}.`
          : '.'}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', maxWidth: '75ch', mt: 1.5 }}>
        {d.rationale}
      </Typography>
      {rec.differsReason ? (
        <Typography sx={{ mt: 1, maxWidth: '75ch' }}>
          <strong>Why a different response:</strong> {rec.differsReason}
        </Typography>
      ) : null}
      <Typography sx={{ mt: 1 }}>
        <strong>Family:</strong> {familyText(rec)}
      </Typography>
      {rec.familyAgreement ? (
        <Typography sx={{ mt: 1 }}>
          <strong>Family’s agreement:</strong> {FAMILY_AGREEMENT_LABELS[rec.familyAgreement]}
        </Typography>
      ) : null}
      {rec.seeingChildPlan ? (
        <Typography sx={{ mt: 1, maxWidth: '75ch' }}>
          <strong>Seeing the child:</strong> {rec.seeingChildPlan}
          {rec.seeChildBy ? ` (by ${formatDateTime(rec.seeChildBy)})` : ''}
        </Typography>
      ) : null}
      {d.signOffs.map((s) => (
        <Alert key={s.id} severity={s.outcome === 'agreed' ? 'success' : 'warning'} sx={{ mt: 2 }}>
          {s.outcome === 'agreed' ? 'Signed off' : 'Returned'} by {s.by.displayName} on{' '}
          {formatDateTime(s.at)}
          {s.comment ? `: ${s.comment}` : ''}
        </Alert>
      ))}
      {d.status === 'final' || d.status === 'awaiting-sign-off' ? (
        <Box sx={{ mt: 2 }}>
          <Typography
            variant="h4"
            component="h4"
            sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}
          >
            What happens next
          </Typography>
          {d.status === 'awaiting-sign-off' ? (
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              These start once a manager signs the decision off.
            </Typography>
          ) : null}
          <FollowUpList decision={d} />
        </Box>
      ) : null}
      {mayOffer ? <SignOffPanel decision={d} /> : null}
    </Box>
  );
}

function SignOffPanel(props: { decision: DecisionRecord }): ReactElement {
  const signOff = useSignOff();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const send = async (outcome: 'agreed' | 'returned'): Promise<void> => {
    setFailure(null);
    if (outcome === 'returned' && comment.trim() === '') {
      setError('Say why you are returning the decision');
      return;
    }
    setError(null);
    try {
      await signOff.mutateAsync({
        decisionId: props.decision.id,
        version: props.decision.version,
        outcome,
        ...(outcome === 'returned' ? { comment: comment.trim() } : {}),
      });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors?.comment) setError(e.fieldErrors.comment);
      else setFailure(e);
    }
  };

  return (
    <Box
      component="section"
      aria-labelledby={`signoff-${props.decision.id}`}
      sx={{ mt: 3, p: 2.5, border: 2, borderColor: 'warning.main', borderRadius: 1 }}
    >
      <Typography
        id={`signoff-${props.decision.id}`}
        variant="h4"
        component="h4"
        sx={{ fontSize: '1.1rem', fontWeight: 700 }}
      >
        Manager sign-off
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Agree this decision, or return it to the worker with a comment.
      </Typography>
      <ErrorSummary errors={error ? [{ field: 'comment', message: error }] : []} />
      {failure ? <ErrorPanel title="Sign-off was not saved" error={failure} /> : null}
      {returning ? (
        <Stack spacing={2}>
          <TextBox
            path="comment"
            label="Why are you returning it?"
            value={comment}
            error={error ?? undefined}
            multiline
            onChange={setComment}
          />
          <Stack direction="row" spacing={2}>
            <Button
              variant="contained"
              color="warning"
              disabled={signOff.isPending}
              onClick={() => void send('returned')}
            >
              Return with comment
            </Button>
            <Button
              onClick={() => {
                setReturning(false);
                setError(null);
              }}
            >
              Cancel
            </Button>
          </Stack>
        </Stack>
      ) : (
        <Stack direction="row" spacing={2}>
          <Button
            variant="contained"
            disabled={signOff.isPending}
            onClick={() => void send('agreed')}
          >
            Agree
          </Button>
          <Button
            variant="outlined"
            onClick={() => {
              setReturning(true);
            }}
          >
            Return with comment
          </Button>
        </Stack>
      )}
    </Box>
  );
}
