// Editing one letter template: the text, the fields it may use (a click puts `{{field}}` where the
// cursor is), a preview that follows the typing, and saving a new version. Saving sends the
// version the administrator started from, so a colleague's save in the meantime is never
// overwritten unseen (architecture §3: optimistic concurrency). The standard wording can be put
// back, as a new version, after a confirmation.

import { useEffect, useRef, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TemplateRecord } from '../../../../shared/domain/letters';
import { DEFAULT_TEMPLATES } from '../../../../shared/letters/templates';
import { ApiError, errorMessage } from '../../api/client';
import { fieldId } from '../../components/ErrorSummary';
import { ConfirmDialog, LeaveDialog } from './TemplatesDialogs';
import { TemplatesFields } from './TemplatesFields';
import { TemplatesPreview } from './TemplatesPreview';
import { useLeaveGuard } from './template-leave';
import { insertField, templateStatus, templateTitle } from './template-model';
import { useSaveTemplate, useTemplatePreview } from './template-queries';

const TEXT_ID = fieldId('text');

type Conflict = { message: string };

function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'STALE' || error.code === 'CONFLICT');
}

export function TemplatesEditor(props: {
  /** The template as the store has it now (refreshed after a conflict). */
  record: TemplateRecord;
  editable: boolean;
  /** Ask the store for the templates again (after a colleague saved first). */
  onRefresh: () => Promise<unknown>;
}): ReactElement {
  const { record } = props;
  const [text, setText] = useState(record.text);
  // What the text was when editing started or was last saved, and its version.
  const [base, setBase] = useState({ text: record.text, version: record.version });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const [leave, setLeave] = useState<(() => void) | null>(null);
  const input = useRef<HTMLTextAreaElement | null>(null);
  const save = useSaveTemplate();
  const { preview, settled } = useTemplatePreview(record.key, text);
  const dirty = text !== base.text;
  // A newer version saved elsewhere (seen when the list is fetched again) replaces an unchanged
  // text at once; changed text waits for the save, which then says whose version it met.
  useEffect(() => {
    if (!dirty && conflict === null && record.version > base.version) {
      setText(record.text);
      setBase({ text: record.text, version: record.version });
    }
  }, [dirty, conflict, record.version, record.text, base.version]);
  useLeaveGuard(props.editable && dirty, (go) => {
    setLeave(() => go);
  });

  const standard = DEFAULT_TEMPLATES[record.key];
  const previewErrors = settled && preview.isSuccess ? preview.data.errors : [];
  // The main process's reason for refusing a save, while the text is still what was sent (the
  // preview's own findings say the same thing sooner, so they take its place when there are any).
  const saveFieldError =
    save.error instanceof ApiError && save.variables?.text === text && previewErrors.length === 0
      ? save.error.fieldErrors?.text
      : undefined;
  const fieldErrors = [...previewErrors, ...(saveFieldError ? [saveFieldError] : [])];

  const submit = (value: string, version: number): void => {
    setSavedVersion(null);
    setConflict(null);
    save.mutate(
      { key: record.key, text: value, version },
      {
        onSuccess: (saved) => {
          setText(saved.text);
          setBase({ text: saved.text, version: saved.version });
          setSavedVersion(saved.version);
        },
        onError: (error) => {
          if (!isConflict(error)) return;
          setConflict({ message: errorMessage(error) });
          void props.onRefresh();
        },
      },
    );
  };

  const onInsert = (field: string): void => {
    const el = input.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = insertField(text, start, end, field);
    setText(next.text);
    setSavedVersion(null);
    // After React has put the new text in the box: the cursor straight after the field.
    window.requestAnimationFrame(() => {
      const box = input.current;
      if (!box) return;
      box.focus();
      box.setSelectionRange(next.caret, next.caret);
    });
  };

  const otherSaved = conflict !== null && record.version !== base.version;

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1" gutterBottom>
          {templateTitle(record.key)}
        </Typography>
        <Typography color="text.secondary">
          {base.version > 0 ? `Version ${base.version} · ` : ''}
          {templateStatus(record)}
          {dirty ? ' · you have unsaved changes' : ''}
        </Typography>
      </Box>
      {savedVersion !== null ? (
        <Alert severity="success" role="status">
          Saved as version {savedVersion}. Letters made from now on use this wording.
        </Alert>
      ) : null}
      {conflict ? (
        <Alert severity="warning" role="alert">
          <AlertTitle>Someone else saved this template first</AlertTitle>
          {/* Their version, once fetched, says who and when; the choice is made here, so the
              main process's own advice (copy and reopen) is only needed until then. */}
          {otherSaved
            ? `It is now version ${record.version} (${templateStatus(record)}). Your wording is still in the box: use theirs, or keep yours and save it as version ${record.version + 1}.`
            : `${conflict.message} Your wording is still in the box.`}
          {otherSaved ? (
            <Stack direction="row" spacing={1.5} sx={{ mt: 1.5 }}>
              <Button
                variant="outlined"
                color="inherit"
                onClick={() => {
                  setText(record.text);
                  setBase({ text: record.text, version: record.version });
                  setConflict(null);
                }}
              >
                Use their wording
              </Button>
              <Button
                variant="outlined"
                color="inherit"
                onClick={() => {
                  // Choosing to keep theirs as the base on purpose: the next save replaces it.
                  setBase({ text: record.text, version: record.version });
                  setConflict(null);
                }}
              >
                Keep my wording (then save)
              </Button>
            </Stack>
          ) : null}
        </Alert>
      ) : null}
      {save.isError && !isConflict(save.error) && !saveFieldError ? (
        <Alert severity="error">The template was not saved: {errorMessage(save.error)}</Alert>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gap: 4,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
          alignItems: 'start',
        }}
      >
        <Stack spacing={2.5}>
          <TextField
            id={TEXT_ID}
            label="Wording"
            multiline
            minRows={14}
            fullWidth
            value={text}
            inputRef={input}
            onChange={(e) => {
              setText(e.target.value);
              setSavedVersion(null);
            }}
            error={fieldErrors.length > 0}
            helperText={
              fieldErrors.length > 0 ? (
                <Box component="span" data-testid="template-errors">
                  {fieldErrors.map((m) => (
                    <Box component="span" key={m} sx={{ display: 'block' }}>
                      {m}
                    </Box>
                  ))}
                </Box>
              ) : (
                'Leave a blank line between paragraphs. Fields in double braces are filled in from the referral.'
              )
            }
            slotProps={{
              htmlInput: { readOnly: !props.editable, spellCheck: true },
              // The preview's findings arrive as the administrator pauses: read out, not shouted.
              formHelperText: { 'aria-live': 'polite' },
            }}
          />
          {props.editable ? (
            <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Button
                variant="contained"
                disabled={save.isPending}
                onClick={() => {
                  submit(text, base.version);
                }}
              >
                {save.isPending ? 'Saving…' : 'Save as a new version'}
              </Button>
              {dirty ? (
                <Button
                  variant="outlined"
                  onClick={() => {
                    setText(base.text);
                    save.reset();
                  }}
                >
                  Undo my changes
                </Button>
              ) : null}
              {!record.isDefault || text !== standard ? (
                <Button
                  variant="text"
                  onClick={() => {
                    setConfirmRestore(true);
                  }}
                >
                  Restore standard wording
                </Button>
              ) : null}
            </Stack>
          ) : null}
          {props.editable ? <TemplatesFields onInsert={onInsert} /> : null}
        </Stack>
        {/* Kept in view beside the box while the administrator scrolls the fields. */}
        <Box sx={{ position: { lg: 'sticky' }, top: { lg: 88 } }}>
          <TemplatesPreview preview={preview} settled={settled} />
        </Box>
      </Box>
      <ConfirmDialog
        open={confirmRestore}
        title="Restore the standard wording?"
        confirm="Restore the standard wording"
        cancel="Keep the current wording"
        busy={save.isPending}
        onCancel={() => {
          setConfirmRestore(false);
        }}
        onConfirm={() => {
          setConfirmRestore(false);
          submit(standard, base.version);
        }}
      >
        The wording Front Door came with will be saved as version {base.version + 1} of this
        template, replacing{' '}
        {base.version > 0 ? `version ${base.version}` : 'the wording in the box'}
        {dirty ? ' and the changes you have not saved' : ''}. Letters already made keep their
        wording.
      </ConfirmDialog>
      <LeaveDialog
        open={leave !== null}
        onStay={() => {
          setLeave(null);
        }}
        onLeave={() => {
          const go = leave;
          setLeave(null);
          go?.();
        }}
      />
    </Stack>
  );
}
