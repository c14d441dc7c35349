import type { ReactElement } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { RulesPage } from '../features/rules/RulesPage';

export function App(): ReactElement {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AppBar position="static" component="header">
        <Toolbar>
          <Typography variant="h6" component="p">
            Front Door
          </Typography>
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: 4 }}>
        <RulesPage />
      </Box>
    </ThemeProvider>
  );
}
