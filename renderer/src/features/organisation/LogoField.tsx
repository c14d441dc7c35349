// The letterhead logo: a PNG or JPEG of 300 KB or smaller (the size 'settings:update' accepts),
// shown as it will be printed, replaced or removed. A refused file is explained beside the field
// and leaves the logo as it was.

import { useRef, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { fieldId } from '../../components/ErrorSummary';
import { logoFileProblem } from '../letters/template-model';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read'));
    };
    reader.readAsDataURL(file);
  });
}

export function LogoField(props: {
  /** The logo as a data URL, or '' for none. */
  logo: string;
  error: string | undefined;
  onChange: (logo: string) => void;
  onProblem: (message: string) => void;
}): ReactElement {
  const fileInput = useRef<HTMLInputElement | null>(null);
  const errorId = 'organisation-logo-error';

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const problem = logoFileProblem(file);
    if (problem) {
      props.onProblem(problem);
      return;
    }
    try {
      props.onChange(await readAsDataUrl(file));
    } catch {
      props.onProblem(`${file.name} could not be read. Choose it again.`);
    }
  };

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" sx={{ fontWeight: 600, mb: 0.5, p: 0 }}>
        Logo
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        A PNG or JPEG image of 300 KB or smaller, printed in the letterhead.
      </Typography>
      {props.logo !== '' ? (
        <Box
          component="img"
          src={props.logo}
          alt="The letterhead logo as it will be printed"
          data-testid="logo-preview"
          sx={{
            display: 'block',
            maxHeight: 96,
            maxWidth: 320,
            mb: 1.5,
            border: 1,
            borderColor: 'divider',
            p: 1,
            bgcolor: 'common.white',
          }}
        />
      ) : (
        <Typography sx={{ mb: 1.5 }}>No logo: letters are printed without one.</Typography>
      )}
      <Stack direction="row" spacing={1.5}>
        <Button
          id={fieldId('organisation.logo')}
          variant="outlined"
          onClick={() => fileInput.current?.click()}
          aria-describedby={props.error ? errorId : undefined}
        >
          {props.logo !== '' ? 'Choose a different logo' : 'Choose a logo'}
        </Button>
        {props.logo !== '' ? (
          <Button
            variant="text"
            onClick={() => {
              props.onChange('');
            }}
          >
            Remove the logo
          </Button>
        ) : null}
      </Stack>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        data-testid="logo-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Choosing the same file again after a fix should still be read.
          e.target.value = '';
          void onFile(file);
        }}
      />
      {props.error ? (
        <FormHelperText error id={errorId} sx={{ mt: 1 }}>
          {props.error}
        </FormHelperText>
      ) : null}
    </Box>
  );
}
