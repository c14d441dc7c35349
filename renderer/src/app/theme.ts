import { createTheme } from '@mui/material/styles';

// Calm, high-contrast palette: duty workers read this all day. Colours pass WCAG AA on white.
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1d4f91' },
    secondary: { main: '#00703c' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    success: { main: '#00703c' },
    background: { default: '#f5f7fa', paper: '#ffffff' },
  },
  typography: {
    fontFamily: '"Segoe UI", "Helvetica Neue", Arial, sans-serif',
    fontSize: 15,
    h1: { fontSize: '1.8rem', fontWeight: 600 },
    h2: { fontSize: '1.4rem', fontWeight: 600 },
    h3: { fontSize: '1.15rem', fontWeight: 600 },
  },
  shape: { borderRadius: 6 },
  components: {
    // Sentence case reads more calmly than MUI's default capitals.
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } },
    },
    // Filters: unselected buttons in full-contrast text on white; the chosen one filled.
    MuiToggleButton: {
      styleOverrides: {
        root: {
          textTransform: 'none',
          color: '#1f2328',
          backgroundColor: '#ffffff',
          '&.Mui-selected, &.Mui-selected:hover': {
            color: '#ffffff',
            backgroundColor: '#1d4f91',
          },
          '&:hover': { backgroundColor: '#eef3fa' },
        },
      },
    },
  },
});
