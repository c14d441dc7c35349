/**
 * Text for screen readers only (e.g. "Error:" before a field message). Sizes are strings: in MUI's
 * sx a bare 1 means 100%, which would stretch the hidden text across the page.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
  margin: '-1px',
  padding: 0,
} as const;
