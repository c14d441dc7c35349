// "Letters to the referrer" on the referral page (issue 13): who was told and how, the letters
// due (overdue said in words), each letter made with who made it and whether and how it was
// sent, each downloadable exactly as made. Preparing a letter opens the letter dialog; "Mark
// sent" records the method and time. Where no letter is offered (an anonymous referrer), the
// section says why, with the rule's source, and offers nothing else.

import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { createWorkingDayCalendar } from '../../../../shared/calendar';
import type { LetterRecord, ReferralLetters as Letters } from '../../../../shared/domain/letters';
import type { AppUser, ReferralRecord, SettingsRecord } from '../../../../shared/domain/records';
import { LETTER_VARIANT_LABELS, type LetterKind } from '../../../../shared/letters/types';
import { londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { useReferralLetters } from './letter-queries';
import {
  dueText,
  kindText,
  letterTitle,
  madeText,
  PREPARE_LABELS,
  preparableKinds,
  sentText,
  toldText,
} from './letter-text';
import { canEmail, LetterDialog } from './LetterDialog';
import { MarkSentDialog } from './LetterDialogMarkSent';
import { ReasonList, SendActions } from './LetterDialogParts';
import { canCall } from '../../../../shared/ipc/access';

/** The section is shown exactly when listing a referral's letters would be allowed. */
export function canWorkLetters(user: AppUser): boolean {
  return canCall('letters:for-referral', user);
}

export function ReferralLetters(props: {
  referral: ReferralRecord;
  settings: SettingsRecord;
}): ReactElement {
  const r = props.referral;
  const letters = useReferralLetters(r.id);
  return (
    <Section spacing={0} id="sec-letters" title="Letters to the referrer" focusable>
      {letters.isPending ? <Loading label="Looking up the letters…" /> : null}
      {letters.isError ? (
        <ErrorPanel
          title="The letters could not be listed"
          error={letters.error}
          onRetry={() => {
            void letters.refetch();
          }}
        />
      ) : null}
      {letters.data ? (
        <LettersBody referral={r} settings={props.settings} data={letters.data} />
      ) : null}
    </Section>
  );
}

type Open =
  | { kind: 'prepare'; letterKind: LetterKind }
  | { kind: 'mark-sent'; letter: LetterRecord; postalAllowed: boolean }
  | null;

function LettersBody(props: {
  referral: ReferralRecord;
  settings: SettingsRecord;
  data: Letters;
}): ReactElement {
  const { referral, data } = props;
  const now = useNow();
  const today = londonDay(now);
  const closuresKey = props.settings.closures.join(',');
  // The query keeps an equal refetched table the same object, so this changes only with an import.
  const bankHolidays = props.settings.bankHolidays ?? null;
  const calendar = useMemo(
    () =>
      createWorkingDayCalendar({
        closures: closuresKey === '' ? [] : closuresKey.split(','),
        bankHolidays,
      }),
    [closuresKey, bankHolidays],
  );
  const [open, setOpen] = useState<Open>(null);
  const [said, setSaid] = useState<string | null>(null);
  const eligibility = data.eligibility;

  if (eligibility.kind === 'none') {
    return (
      <Stack spacing={2}>
        {/* "Not told yet" would read as a task left undone: say it only if someone was told. */}
        {data.told !== null ? (
          <Typography sx={{ fontWeight: 600 }} data-testid="referrer-told">
            {toldText(data.told)}
          </Typography>
        ) : null}
        <Alert severity="info" data-testid="no-letter">
          <AlertTitle>No letter is offered to this referrer</AlertTitle>
          <ReasonList reasons={eligibility.reasons} />
        </Alert>
      </Stack>
    );
  }

  const kinds = preparableKinds(data, referral.decisions.length > 0);
  const dueKinds = new Set(data.due.map((d) => d.kind));
  const letters = [...data.letters].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence,
  );
  const emailable = canEmail(referral, null);

  return (
    <Stack spacing={3}>
      <Box>
        <Typography sx={{ fontWeight: 600 }} data-testid="referrer-told">
          {toldText(data.told)}
        </Typography>
        <Typography color="text.secondary">
          Letters are written for: {LETTER_VARIANT_LABELS[eligibility.variant]}.
        </Typography>
      </Box>

      <Box component="section" aria-labelledby="letters-due-title">
        <Typography id="letters-due-title" variant="h3" sx={{ mb: 1 }}>
          Due
        </Typography>
        {data.due.length === 0 ? (
          <Typography color="text.secondary">No letter is due.</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="letters-due">
            {data.due.map((d) => (
              <Box
                component="li"
                key={`${d.kind}-${d.dueOn}`}
                sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}
              >
                <Typography component="span" sx={{ fontWeight: 600 }}>
                  {kindText(d.kind, d.outcome)}
                </Typography>
                {': '}
                <Typography
                  component="span"
                  color={d.overdue ? 'error' : 'text.primary'}
                  sx={{ fontWeight: d.overdue ? 600 : 400 }}
                >
                  {dueText(d, today, calendar)}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
          {kinds.map((k) => (
            <Button
              key={k}
              variant={dueKinds.has(k) ? 'contained' : 'outlined'}
              onClick={() => {
                setSaid(null);
                setOpen({ kind: 'prepare', letterKind: k });
              }}
            >
              {PREPARE_LABELS[k]}
            </Button>
          ))}
        </Stack>
      </Box>

      <Box component="section" aria-labelledby="letters-made-title">
        <Typography id="letters-made-title" variant="h3" sx={{ mb: 1 }}>
          Letters made
        </Typography>
        {letters.length === 0 ? (
          <Typography color="text.secondary">No letter has been made yet.</Typography>
        ) : (
          <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="letters-made">
            {letters.map((l) => (
              <LetterItem
                key={l.id}
                letter={l}
                canEmail={emailable}
                onMarkSent={() => {
                  setSaid(null);
                  setOpen({
                    kind: 'mark-sent',
                    letter: l,
                    postalAllowed: eligibility.postalAllowed,
                  });
                }}
              />
            ))}
          </Box>
        )}
      </Box>

      <div role="status" aria-live="polite">
        {said !== null ? <Alert severity="success">{said}</Alert> : null}
      </div>

      {open?.kind === 'prepare' ? (
        <LetterDialog
          referral={referral}
          kind={open.letterKind}
          letters={data.letters}
          onClose={() => {
            setOpen(null);
          }}
          onMarkSent={(letter, postalAllowed) => {
            setOpen({ kind: 'mark-sent', letter, postalAllowed });
          }}
        />
      ) : null}
      {open?.kind === 'mark-sent' ? (
        <MarkSentDialog
          letter={open.letter}
          postalAllowed={open.postalAllowed}
          onClose={(sent) => {
            if (sent) setSaid(`${letterTitle(open.letter)} is recorded as sent.`);
            setOpen(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

function LetterItem(props: {
  letter: LetterRecord;
  canEmail: boolean;
  onMarkSent: () => void;
}): ReactElement {
  const l = props.letter;
  const titleId = `letter-${l.id}-title`;
  return (
    <Box
      component="li"
      data-testid="letter-item"
      sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography id={titleId} sx={{ fontWeight: 600 }}>
        {letterTitle(l)}
      </Typography>
      <Typography color="text.secondary">{madeText(l)}</Typography>
      <Typography
        sx={{ mb: 1.5, fontWeight: l.sent === null ? 600 : 400 }}
        color={l.sent === null ? 'warning.dark' : 'text.primary'}
      >
        {sentText(l)}
      </Typography>
      <SendActions
        letterId={l.id}
        referralId={l.referralId}
        canEmail={props.canEmail}
        describedBy={titleId}
        // A letter sent stays as sent: sending again is a new letter (Prepare…), never an edit.
        onMarkSent={l.sent === null ? props.onMarkSent : null}
      />
    </Box>
  );
}
