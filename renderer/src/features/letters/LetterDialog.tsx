// "Prepare letter": asks the main process for the wording ('letters:preview'), lets the worker
// edit it, makes it ('letters:finalise'), then offers what sends it: the PDF, an email draft for
// a referrer with an email address, and "Mark sent". Focus goes to the dialog's heading at each
// step, so a keyboard or screen-reader user always knows where they are.

import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LetterPreview, LetterRecord } from '../../../../shared/domain/letters';
import type { ReferralRecord } from '../../../../shared/domain/records';
import type { LetterContent, LetterKind, VariantReason } from '../../../../shared/letters/types';
import { Loading, ErrorPanel } from '../../components/StatePanels';
import { useLetterPreview } from './letter-queries';
import { DIALOG_TITLES, kindText, letterTitle } from './letter-text';
import { LetterEditStage } from './LetterDialogEdit';
import { useFocusOnMount } from './LetterDialogMarkSent';
import { ReasonList, SendActions } from './LetterDialogParts';

export function LetterDialog(props: {
  referral: ReferralRecord;
  kind: LetterKind;
  /** The letters already made for this referral (to say what finalising again does). */
  letters: readonly LetterRecord[];
  onClose: () => void;
  /** The worker wants to record how the new letter was sent. */
  onMarkSent: (letter: LetterRecord, postalAllowed: boolean) => void;
}): ReactElement {
  const { referral, kind } = props;
  const preview = useLetterPreview(referral.id, kind);
  const [made, setMade] = useState<LetterRecord | null>(null);
  const data = preview.data;
  const editable = data !== undefined && isEditable(data) ? data : null;

  return (
    <Dialog
      open
      onClose={(_e, reason) => {
        // A stray click outside must not throw away edited wording; Escape and the buttons close.
        if (reason === 'backdropClick' && made === null && editable !== null) return;
        props.onClose();
      }}
      aria-labelledby="letter-dialog-title"
      maxWidth="md"
      fullWidth
    >
      {made !== null ? (
        <MadeStage
          letter={made}
          canEmail={canEmail(referral, editable?.content ?? null)}
          onClose={props.onClose}
          onMarkSent={() => {
            props.onMarkSent(made, editable?.eligibility.postalAllowed ?? false);
          }}
        />
      ) : editable !== null ? (
        <LetterEditStage
          referral={referral}
          kind={kind}
          preview={editable}
          letters={props.letters}
          onCancel={props.onClose}
          onMade={setMade}
        />
      ) : data !== undefined ? (
        <NoLetterStage kind={kind} reasons={data.eligibility.reasons} onClose={props.onClose} />
      ) : (
        <>
          <DialogTitle id="letter-dialog-title">{DIALOG_TITLES[kind]}</DialogTitle>
          <DialogContent>
            {preview.isError ? (
              <ErrorPanel
                title="The wording could not be prepared"
                error={preview.error}
                onRetry={() => {
                  void preview.refetch();
                }}
              />
            ) : (
              <Loading label="Preparing the wording…" />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Go back</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

type Editable = LetterPreview & {
  eligibility: Extract<LetterPreview['eligibility'], { kind: 'letter' }>;
  content: LetterContent;
};

function isEditable(p: LetterPreview): p is Editable {
  return p.eligibility.kind === 'letter' && p.content !== null;
}

/** An email draft needs an address to go to: the letter's recipient's, or the referrer's. */
export function canEmail(referral: ReferralRecord, content: LetterContent | null): boolean {
  if (content?.facts.recipient.email) return true;
  const r = referral.referrer;
  return r.kind !== 'anonymous' && r.email !== undefined && r.email.trim() !== '';
}

function NoLetterStage(props: {
  kind: LetterKind;
  reasons: readonly VariantReason[];
  onClose: () => void;
}): ReactElement {
  const heading = useFocusOnMount();
  return (
    <>
      <DialogTitle id="letter-dialog-title" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
        No {kindText(props.kind, null).toLowerCase()} is offered
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography>No letter is offered to this referrer, because:</Typography>
          <ReasonList reasons={props.reasons} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose}>
          Close
        </Button>
      </DialogActions>
    </>
  );
}

function MadeStage(props: {
  letter: LetterRecord;
  canEmail: boolean;
  onClose: () => void;
  onMarkSent: () => void;
}): ReactElement {
  const { letter } = props;
  const heading = useFocusOnMount();
  return (
    <>
      <DialogTitle id="letter-dialog-title" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
        Letter {letter.sequence} is made
      </DialogTitle>
      <DialogContent>
        <Stack spacing={3}>
          <Alert severity="success" id="letter-made-what">
            {letterTitle(letter)} is made and kept exactly as worded. Save the PDF
            {props.canEmail ? ' or an email draft' : ''} to send it, then record how it was sent.
          </Alert>
          <SendActions
            letterId={letter.id}
            referralId={letter.referralId}
            canEmail={props.canEmail}
            describedBy="letter-made-what"
            onMarkSent={props.onMarkSent}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Done</Button>
      </DialogActions>
    </>
  );
}
