// Pieces the letters section and the letter dialog share: why a kind of letter applies (each
// reason with its source), the cautions before anything is sent, and the buttons that hand a
// letter over exactly as it was made (the PDF, or an email draft with it attached), saying
// what happened beside the button as SavePdfButton does.

import { useState, type ReactElement, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useMutation } from '@tanstack/react-query';
import type { DocumentDownloadRecord } from '../../../../shared/domain/documents';
import type { LetterEligibility, VariantReason } from '../../../../shared/letters/types';
import { call, errorMessage } from '../../api/client';
import { completeHandOver } from '../../api/files';
import { reasonSentence } from './letter-text';
import { useRefreshLetters } from './letter-queries';

/** Each reason on its own line, with where the rule comes from. */
export function ReasonList(props: { reasons: readonly VariantReason[] }): ReactElement {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="letter-reasons">
      {props.reasons.map((r) => (
        <li key={`${r.text}|${r.source}`}>
          <Typography component="span">{reasonSentence(r)}</Typography>{' '}
          <Typography component="span" color="text.secondary">
            Source: {r.source}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * What the worker must keep in mind before sending: the main process's cautions (a confidential
 * referrer, …), and the two that change how it may be sent, said here from the eligibility's own
 * flags so they can never be missing. Issue 13 "Safe contact": no letter by post to an address
 * that matches the child's household or an alleged perpetrator's; a child who referred
 * themselves is asked how it is safe to contact them.
 */
export function Cautions(props: {
  eligibility: Extract<LetterEligibility, { kind: 'letter' }>;
}): ReactElement | null {
  const e = props.eligibility;
  const lines: string[] = [...e.cautions];
  const mentions = (word: RegExp): boolean => lines.some((l) => word.test(l));
  if (!e.postalAllowed && !mentions(/\bpost/i)) {
    lines.push(
      "Do not post this letter: the referrer's address matches the child's household or an alleged perpetrator's address. Send it by secure email or hand it over in person.",
    );
  }
  if (e.needsSafeContact && !mentions(/referred themsel/i)) {
    lines.push(
      'The child referred themselves: record below how it is safe to contact them before the letter is made.',
    );
  }
  if (lines.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="letter-cautions">
      <AlertTitle>Before you send this</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * One hand-over (a download in the harness, a save dialog in the app), with what happened said
 * beside it. `describedBy` names the letter it is for, for a screen reader moving by buttons.
 */
export function HandOverButton(props: {
  label: string;
  pendingLabel: string;
  icon: ReactNode;
  describedBy?: string;
  make: () => Promise<DocumentDownloadRecord>;
  onDone?: () => void;
}): ReactElement {
  const [said, setSaid] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: props.make,
    onSuccess: (out) => {
      setSaid(completeHandOver(out.outcome));
      props.onDone?.();
    },
  });
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        startIcon={props.icon}
        disabled={save.isPending}
        aria-describedby={props.describedBy}
        onClick={() => {
          setSaid(null);
          save.mutate();
        }}
      >
        {save.isPending ? props.pendingLabel : props.label}
      </Button>
      <div role="status" aria-live="polite">
        {said !== null ? <Alert severity="success">{said}</Alert> : null}
        {save.isError ? <Alert severity="error">{errorMessage(save.error)}</Alert> : null}
      </div>
    </Stack>
  );
}

/**
 * Save the PDF (exactly as made), the email draft where the referrer has an email address, and
 * "Mark sent": the same row in the section and in the dialog once a letter is made.
 */
export function SendActions(props: {
  letterId: string;
  referralId: string;
  canEmail: boolean;
  describedBy?: string;
  /** Null once the letter has been sent. */
  onMarkSent: (() => void) | null;
}): ReactElement {
  const refresh = useRefreshLetters();
  const after = (): void => {
    void refresh(props.referralId);
  };
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
    >
      <HandOverButton
        label="Save PDF"
        pendingLabel="Saving the PDF…"
        icon={<PictureAsPdfIcon />}
        describedBy={props.describedBy}
        make={() => call('letters:download', { letterId: props.letterId })}
        onDone={after}
      />
      {props.canEmail ? (
        <HandOverButton
          label="Email draft"
          pendingLabel="Making the email draft…"
          icon={<EmailOutlinedIcon />}
          describedBy={props.describedBy}
          make={() => call('letters:email-draft', { letterId: props.letterId })}
          onDone={after}
        />
      ) : null}
      {props.onMarkSent !== null ? (
        <Button variant="contained" aria-describedby={props.describedBy} onClick={props.onMarkSent}>
          Mark sent
        </Button>
      ) : null}
    </Stack>
  );
}
