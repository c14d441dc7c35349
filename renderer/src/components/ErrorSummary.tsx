import { useEffect, useRef, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';

/**
 * GOV.UK error summary pattern: at the top of the form, focused when it appears, a link per error
 * that moves focus to the field. Field ids are the dotted paths used by zod and IPC fieldErrors,
 * turned into DOM ids by `fieldId`.
 */
export type SummaryError = { field: string; message: string };

export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The errors in the order their fields appear on the page, whichever check found them (the
 * form's own or the main process's): a reader works down the summary as down the form. Errors
 * whose field is not on the page keep their order, after the rest.
 */
export function inPageOrder(errors: readonly SummaryError[]): SummaryError[] {
  const placed = errors.map((e, i) => ({ e, i, el: document.getElementById(fieldId(e.field)) }));
  placed.sort((a, b) => {
    if (a.el && b.el && a.el !== b.el) {
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }
    if (a.el && !b.el) return -1;
    if (!a.el && b.el) return 1;
    return a.i - b.i;
  });
  return placed.map((p) => p.e);
}

export function ErrorSummary(props: {
  errors: SummaryError[];
  title?: string;
}): ReactElement | null {
  const ref = useRef<HTMLDivElement>(null);
  const count = props.errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <Box
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      sx={{
        border: 4,
        borderColor: 'error.main',
        p: 3,
        mb: 3,
        bgcolor: 'background.paper',
        outline: 'none',
      }}
    >
      <Typography id="error-summary-title" variant="h2" component="h2" gutterBottom>
        {props.title ?? 'There is a problem'}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {inPageOrder(props.errors).map((e) => (
          <li key={`${e.field}:${e.message}`}>
            <Link
              href={`#${fieldId(e.field)}`}
              color="error"
              sx={{ fontWeight: 600 }}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(fieldId(e.field));
                target?.focus();
                target?.scrollIntoView({ block: 'center' });
              }}
            >
              {e.message}
            </Link>
          </li>
        ))}
      </Box>
    </Box>
  );
}

/** IPC/zod fieldErrors map → summary entries, in a stable order. */
export function summaryFromFieldErrors(
  fieldErrors: Record<string, string> | undefined,
): SummaryError[] {
  if (!fieldErrors) return [];
  return Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
}
