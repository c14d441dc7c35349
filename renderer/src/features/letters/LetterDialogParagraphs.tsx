// The letter's wording as editable paragraphs: one multiline box per paragraph, each with its
// error beside it, a way to remove it, and a way to add another at the end. Focus follows the
// change (into the new box; into the neighbouring box when one is removed), so the keyboard user
// is never left on a button that has gone.

import { useEffect, useRef, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { LETTER_PARAGRAPHS_MAX } from '../../../../shared/ipc/channels/letters';
import { fieldId } from '../../components/ErrorSummary';
import { visuallyHidden } from '../decisions/a11y';
import { newParagraph, PARAGRAPHS_PATH, paragraphPath, type ParagraphDraft } from './letter-draft';

export function ParagraphsEditor(props: {
  paragraphs: ParagraphDraft[];
  errors: Record<string, string>;
  onChange: (next: ParagraphDraft[], changedShape: boolean) => void;
}): ReactElement {
  const { paragraphs, errors } = props;
  // Which box to focus after the list changes shape (index into the new list).
  const focusNext = useRef<number | null>(null);
  useEffect(() => {
    const i = focusNext.current;
    if (i === null) return;
    focusNext.current = null;
    document.getElementById(fieldId(paragraphPath(i)))?.focus();
  }, [paragraphs.length]);

  const listError = errors[PARAGRAPHS_PATH];
  return (
    <Stack spacing={2.5} data-testid="letter-paragraphs">
      {paragraphs.map((p, i) => {
        const path = paragraphPath(i);
        const id = fieldId(path);
        const error = errors[path];
        const n = String(i + 1);
        return (
          <Box
            key={p.key}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: '1fr auto' },
              gap: 1,
              alignItems: 'start',
              pl: error ? 2 : 0,
              borderLeft: error ? 4 : 0,
              borderColor: 'error.main',
            }}
          >
            <TextField
              id={id}
              label={`Paragraph ${n}`}
              value={p.text}
              multiline
              minRows={2}
              fullWidth
              error={Boolean(error)}
              helperText={
                error ? (
                  <>
                    <Box component="span" sx={visuallyHidden}>
                      Error:{' '}
                    </Box>
                    <Box component="span" sx={{ fontWeight: 600, fontSize: '1rem' }}>
                      {error}
                    </Box>
                  </>
                ) : undefined
              }
              onChange={(e) => {
                props.onChange(
                  paragraphs.map((q) => (q.key === p.key ? { ...q, text: e.target.value } : q)),
                  false,
                );
              }}
            />
            <Button
              startIcon={<DeleteOutlineIcon />}
              disabled={paragraphs.length <= 1}
              aria-label={`Remove paragraph ${n}`}
              sx={{ mt: 1 }}
              onClick={() => {
                focusNext.current = Math.min(i, paragraphs.length - 2);
                props.onChange(
                  paragraphs.filter((q) => q.key !== p.key),
                  true,
                );
              }}
            >
              Remove
            </Button>
          </Box>
        );
      })}
      <Box>
        <Button
          id={fieldId(PARAGRAPHS_PATH)}
          variant="outlined"
          startIcon={<AddIcon />}
          disabled={paragraphs.length >= LETTER_PARAGRAPHS_MAX}
          aria-describedby={listError ? `${fieldId(PARAGRAPHS_PATH)}-error` : undefined}
          onClick={() => {
            focusNext.current = paragraphs.length;
            props.onChange([...paragraphs, newParagraph()], true);
          }}
        >
          Add a paragraph
        </Button>
        {listError ? (
          <FormHelperText
            id={`${fieldId(PARAGRAPHS_PATH)}-error`}
            error
            sx={{ fontWeight: 600, mx: 0, fontSize: '1rem' }}
          >
            <Box component="span" sx={visuallyHidden}>
              Error:{' '}
            </Box>
            {listError}
          </FormHelperText>
        ) : null}
      </Box>
    </Stack>
  );
}
