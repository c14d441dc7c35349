// Read-only parts of the discussion page: its details, its history (every change of time or
// place, confirmation, cancellation), and the documents kept exactly as they were handed out.

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { DocumentRecord } from '../../../../shared/domain/documents';
import type { HistoryEntry, StrategyDiscussionRecord } from '../../../../shared/domain/strategy';
import {
  EMERGENCY_MEASURE_LABELS,
  STRATEGY_FORMAT_LABELS,
  STRATEGY_STATUS_LABELS,
  type Slot,
  type StrategyStatus,
} from '../../../../shared/strategy/types';
import { Facts } from '../../components/Facts';
import { londonDate } from '../../../../shared/calendar';
import { formatDateTime, formatDayDate } from '../../components/format';

// The border carries the colour; the text stays dark (WCAG 1.4.3 contrast on a white page).
const STATUS_COLOURS: Record<StrategyStatus, string> = {
  scheduled: 'warning.main',
  confirmed: 'info.main',
  held: 'info.main',
  'minutes-finalised': 'success.main',
  cancelled: 'grey.500',
};

export function StatusChip(props: { status: StrategyStatus }): ReactElement {
  return (
    <Chip
      label={STRATEGY_STATUS_LABELS[props.status]}
      variant="outlined"
      sx={{
        fontWeight: 600,
        borderWidth: 2,
        borderColor: STATUS_COLOURS[props.status],
        // In a narrow grid column the words wrap onto a second line rather than being cut off
        // ("Scheduled (not y…").
        height: 'auto',
        minHeight: 32,
        '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 },
      }}
    />
  );
}

/** `Tue 24/11/2026 14:00–15:00` (the end's date too when it is another day). */
export function slotText(startsAt: string, endsAt: string): string {
  const s = formatDateTime(startsAt);
  const e = formatDateTime(endsAt);
  const day = (instant: string, text: string): string => {
    try {
      return formatDayDate(londonDate(instant));
    } catch {
      return text.slice(0, 10);
    }
  };
  return s.slice(0, 10) === e.slice(0, 10)
    ? `${day(startsAt, s)} ${s.slice(11)}–${e.slice(11)}`
    : `${day(startsAt, s)} ${s.slice(11)} to ${day(endsAt, e)} ${e.slice(11)}`;
}

function placeText(s: Pick<Slot, 'format' | 'location' | 'joinLink'>): string {
  const where = s.format === 'in-person' ? s.location : s.joinLink;
  return where ? `${STRATEGY_FORMAT_LABELS[s.format]}: ${where}` : STRATEGY_FORMAT_LABELS[s.format];
}

function triggerText(d: StrategyDiscussionRecord): string {
  const t = d.trigger;
  switch (t.kind) {
    case 'decision':
      return 'The decision on the referral (strategy discussion)';
    case 'emergency-action':
      return `Emergency action: ${EMERGENCY_MEASURE_LABELS[t.measure]}, from ${formatDateTime(t.takenAt)}`;
    case 'new-information':
      return `New information: ${t.summary}`;
  }
}

export function DiscussionDetails(props: { discussion: StrategyDiscussionRecord }): ReactElement {
  const d = props.discussion;
  return (
    <Facts
      items={[
        ['When (London time)', slotText(d.startsAt, d.endsAt)],
        ['How', placeText(d)],
        ['Chair', d.chair.displayName],
        ['Minute-taker', d.minuteTaker ?? 'Not named yet'],
        ['What led to it', triggerText(d)],
        [
          'Children discussed',
          d.children.map((c) => (c.lookedAfter ? `${c.name} (looked after)` : c.name)).join(', '),
        ],
        [
          'Calendar invite',
          d.icsSequence === 0
            ? 'First version: the time and place have not changed'
            : `Version ${String(d.icsSequence)}: the time or place changed ${d.icsSequence === 1 ? 'once' : `${String(d.icsSequence)} times`}, so invitees need the latest invite`,
        ],
        ...(d.missingRolesReason
          ? ([['Confirmed without a required role because', d.missingRolesReason]] as [
              string,
              string,
            ][])
          : []),
        ...(d.cancelledReason
          ? ([['Cancelled because', d.cancelledReason]] as [string, string][])
          : []),
      ]}
    />
  );
}

/** What moved: the time, the place, or both (the place is named once when it stayed). */
function changeText(from: Slot, to: Slot): string {
  const before = placeText(from);
  const after = placeText(to);
  const times = `From ${slotText(from.startsAt, from.endsAt)} to ${slotText(to.startsAt, to.endsAt)}`;
  if (before === after) return `${times}. ${after}.`;
  if (from.startsAt === to.startsAt && from.endsAt === to.endsAt) {
    return `From ${before} to ${after}.`;
  }
  return `${times}; from ${before} to ${after}.`;
}

const HISTORY_LABELS: Record<HistoryEntry['kind'], string> = {
  rescheduled: 'Time changed',
  moved: 'Place changed',
  cancelled: 'Cancelled',
  confirmed: 'Confirmed',
  held: 'Held',
};

export function HistoryList(props: { discussion: StrategyDiscussionRecord }): ReactElement {
  const { history } = props.discussion;
  if (history.length === 0) {
    return <Typography>No changes since it was scheduled.</Typography>;
  }
  return (
    <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="history">
      {[...history].reverse().map((h) => (
        <Box component="li" key={h.id} sx={{ mb: 1 }}>
          <Typography>
            <strong>{HISTORY_LABELS[h.kind]}</strong> on {formatDateTime(h.at)}
            {h.by ? ` by ${h.by.displayName}` : ''}
          </Typography>
          {h.from && h.to ? (
            <Typography variant="body2" color="text.secondary">
              {changeText(h.from, h.to)}
            </Typography>
          ) : null}
          {h.reason ? (
            <Typography variant="body2" color="text.secondary">
              Reason: {h.reason}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${String(bytes)} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function DocumentsList(props: {
  documents: readonly DocumentRecord[];
  busy: boolean;
  onDownload: (doc: DocumentRecord) => void;
}): ReactElement {
  if (props.documents.length === 0) {
    return <Typography>No documents made yet.</Typography>;
  }
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="documents">
      {props.documents.map((doc) => (
        <Box
          component="li"
          key={doc.id}
          sx={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            gap: 2,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Box>
            <Typography sx={{ fontWeight: 600 }}>{doc.title}</Typography>
            <Typography variant="body2" color="text.secondary">
              {doc.fileName} · {sizeText(doc.size)} · made {formatDateTime(doc.createdAt)}
              {doc.createdBy ? ` by ${doc.createdBy.displayName}` : ''}
            </Typography>
          </Box>
          <Button
            size="small"
            variant="outlined"
            disabled={props.busy}
            aria-label={`Download ${doc.title} again`}
            onClick={() => {
              props.onDownload(doc);
            }}
          >
            Download again
          </Button>
        </Box>
      ))}
    </Box>
  );
}
