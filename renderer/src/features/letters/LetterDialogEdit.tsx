// The letter before it is made: which letter applies and why (each reason with its source), the
// cautions, who it goes to, and the wording as editable paragraphs. "Finalise letter" makes it
// exactly as worded; the main process's refusals show beside the field they concern.
//
// Issue 13 "Safe for the kind of referrer": the preview shows which variant applies and why; the
// worker can edit the text before it is finalised.

import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LetterPreview, LetterRecord } from '../../../../shared/domain/letters';
import type { ReferralRecord } from '../../../../shared/domain/records';
import {
  LETTER_VARIANT_LABELS,
  type LetterContent,
  type LetterEligibility,
  type LetterKind,
} from '../../../../shared/letters/types';
import { FORM_ERROR_KEY } from '../../../../shared/validation/errors';
import { ApiError, errorMessage } from '../../api/client';
import { ErrorSummary, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { TextBox } from '../decisions/fields';
import { checkLetter, draftsFrom, SAFE_CONTACT_PATH, type ParagraphDraft } from './letter-draft';
import { useFinaliseLetter } from './letter-queries';
import { DIALOG_TITLES, nextLetterNote } from './letter-text';
import { Cautions, ReasonList } from './LetterDialogParts';
import { ParagraphsEditor } from './LetterDialogParagraphs';
import { useFocusOnMount } from './LetterDialogMarkSent';

type Eligible = Extract<LetterEligibility, { kind: 'letter' }>;

export function LetterEditStage(props: {
  referral: ReferralRecord;
  kind: LetterKind;
  preview: LetterPreview & { eligibility: Eligible; content: LetterContent };
  letters: readonly LetterRecord[];
  onCancel: () => void;
  onMade: (letter: LetterRecord) => void;
}): ReactElement {
  const { referral, kind, preview } = props;
  const eligibility = preview.eligibility;
  const content = preview.content;
  const finalise = useFinaliseLetter();
  const heading = useFocusOnMount();
  const [paragraphs, setParagraphs] = useState<ParagraphDraft[]>(() =>
    draftsFrom(content.paragraphs),
  );
  // A child who referred themselves may already have said how to reach them safely at intake.
  const [safeContact, setSafeContact] = useState(() =>
    referral.referrer.kind === 'public' ? (referral.referrer.safeContact ?? '') : '',
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const note = nextLetterNote(props.letters, kind);
  const recipient = content.facts.recipient;
  const changed = preview.templates.filter((t) => !t.isDefault);

  const submit = (): void => {
    setFailure(null);
    const checked = checkLetter({
      referralId: referral.id,
      kind,
      paragraphs,
      needsSafeContact: eligibility.needsSafeContact,
      safeContact,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    finalise.mutate(checked.input, {
      onSuccess: props.onMade,
      onError: (e) => {
        if (e instanceof ApiError && e.fieldErrors) {
          const { [FORM_ERROR_KEY]: whole, ...fields } = e.fieldErrors;
          setErrors(fields);
          setFailure(whole ?? (Object.keys(fields).length === 0 ? e.message : null));
        } else {
          setFailure(errorMessage(e));
        }
      },
    });
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <DialogTitle id="letter-dialog-title" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
        {DIALOG_TITLES[kind]}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={3} sx={{ pt: 1 }}>
          <ErrorSummary errors={summaryFromFieldErrors(errors)} />
          <Box component="section" aria-labelledby="letter-variant-title">
            <Typography id="letter-variant-title" variant="h3" sx={{ mb: 1 }}>
              Which letter applies: {LETTER_VARIANT_LABELS[eligibility.variant]}
            </Typography>
            <ReasonList reasons={eligibility.reasons} />
          </Box>
          {note !== null ? (
            <Alert severity="info" data-testid="letter-next-note">
              {note}
            </Alert>
          ) : null}
          <Cautions eligibility={eligibility} />
          <Box component="section" aria-labelledby="letter-to-title">
            <Typography id="letter-to-title" variant="h3" sx={{ mb: 1 }}>
              Who it goes to
            </Typography>
            <Typography>
              {[recipient.name, recipient.roleAndOrganisation].filter((t) => t !== '').join(', ')}
            </Typography>
            {recipient.addressLines.length > 0 ? (
              <Typography color="text.secondary">{recipient.addressLines.join(', ')}</Typography>
            ) : null}
            {recipient.email !== null ? (
              <Typography color="text.secondary">Email: {recipient.email}</Typography>
            ) : null}
            <Typography sx={{ mt: 1 }}>
              <strong>Heading:</strong> {content.subject}
            </Typography>
          </Box>
          <Box component="section" aria-labelledby="letter-wording-title">
            <Typography id="letter-wording-title" variant="h3" sx={{ mb: 0.5 }}>
              The wording
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              Change it as you need: each box is one paragraph. The letterhead, the addresses, the
              greeting, the signature and the {content.marking} marking are added when it is made.
              {changed.length > 0
                ? ' Some of this wording was written by your administrator, not the standard text.'
                : ''}
            </Typography>
            <ParagraphsEditor
              paragraphs={paragraphs}
              errors={errors}
              onChange={(next, changedShape) => {
                setParagraphs(next);
                if (changedShape) {
                  // Paragraph numbers moved: an old error would sit beside the wrong box.
                  setErrors((old) =>
                    Object.fromEntries(
                      Object.entries(old).filter(([k]) => !k.startsWith('paragraphs')),
                    ),
                  );
                }
              }}
            />
          </Box>
          {eligibility.needsSafeContact ? (
            <TextBox
              path={SAFE_CONTACT_PATH}
              label="How is it safe to contact the child?"
              hint="Required. For example: only by text to their own phone, after school; never by post home."
              multiline
              value={safeContact}
              error={errors[SAFE_CONTACT_PATH]}
              onChange={setSafeContact}
            />
          ) : null}
          {failure !== null ? (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Go back</Button>
        <Button type="submit" variant="contained" disabled={finalise.isPending}>
          {finalise.isPending ? 'Making the letter…' : 'Finalise letter'}
        </Button>
      </DialogActions>
    </Box>
  );
}
