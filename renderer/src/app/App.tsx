import { useState, type ReactElement } from 'react';
import { HashRouter, Link as RouterLink, Navigate, Route, Routes } from 'react-router';
import { canCall } from '../../../shared/ipc/access';
import { navItemsFor } from './nav-items';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CssBaseline from '@mui/material/CssBaseline';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import type { SessionInfo, SettingsRecord } from '../../../shared/domain/records';
import { ApiError } from '../api/client';
import { createQueryClient, useSession, useSettings, useSystemStatus } from '../api/queries';
import { NowProvider } from '../components/now';
import { ErrorPanel, Loading } from '../components/StatePanels';
import { EditReferralPage, NewReferralPage } from '../features/intake/NewReferralPage';
import { QueuePage } from '../features/queue/QueuePage';
import { DecisionPage } from '../features/decisions/DecisionPage';
import { WorkQueuePage } from '../features/letters/WorkQueuePage';
import { TemplatesEditorPage } from '../features/letters/TemplatesEditorPage';
import { TemplatesPage } from '../features/letters/TemplatesPage';
import { ReferralPage } from '../features/referrals/ReferralPage';
import { RulesPage } from '../features/rules/RulesPage';
import { PersonPage } from '../features/people/PersonPage';
import { UsersPage } from '../features/admin/UsersPage';
import { AuditPage } from '../features/admin/AuditPage';
import { MeasuresPage } from '../features/measures/MeasuresPage';
import { BackupWarningBanner, BackupsPage } from '../features/backups';
import { IdleLock } from '../features/idle-lock';
import { OrganisationPage } from '../features/organisation/OrganisationPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { BankHolidayBanner } from '../features/calendar/BankHolidayBanner';
import { SearchPage } from '../features/search/SearchPage';
import { DiscussionPage } from '../features/strategy/DiscussionPage';
import { MyDiscussionsPage } from '../features/strategy/MyDiscussionsPage';
import { SchedulePage } from '../features/strategy/SchedulePage';
import { AppShell } from './AppShell';
import { RecoveryScreen } from './RecoveryScreen';
import { StartupCheckBanner } from './StartupCheckBanner';
import { theme } from './theme';

export type AppProps = {
  /** Injectable clock (tests); the app uses the system clock. */
  now?: () => Date;
  /** Injectable query client (tests). */
  queryClient?: QueryClient;
};

/** Providers, then the gate: store health → who is signed in → the screens they may use. */
export function App(props: AppProps): ReactElement {
  const [client] = useState(() => props.queryClient ?? createQueryClient());
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={client}>
        <NowProvider now={props.now}>
          <HashRouter>
            <AppGate />
          </HashRouter>
        </NowProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

function Centred(props: { children: React.ReactNode }): ReactElement {
  return (
    <Box component="main" id="main" sx={{ maxWidth: 720, mx: 'auto', px: 3, py: 8 }}>
      {props.children}
    </Box>
  );
}

function AppGate(): ReactElement {
  const status = useSystemStatus();
  // No user can be read while the database needs recovery, so only ask once it is ok.
  const session = useSession(status.data?.state === 'ok');

  if (status.isPending) {
    return (
      <Centred>
        <Loading label="Opening Front Door…" />
      </Centred>
    );
  }
  if (status.isError) {
    return (
      <Centred>
        <ErrorPanel
          title="Front Door could not start"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      </Centred>
    );
  }
  if (status.data.state !== 'ok') {
    return <RecoveryScreen status={status.data} />;
  }
  if (session.isPending) {
    return (
      <Centred>
        <Loading label="Signing you in…" />
      </Centred>
    );
  }
  if (session.isError) {
    const noUser = session.error instanceof ApiError && session.error.code === 'NO_USER';
    return (
      <Centred>
        <ErrorPanel
          title={
            noUser ? 'You are not set up in Front Door yet' : 'Front Door could not sign you in'
          }
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </Centred>
    );
  }
  return (
    <IdleLock displayName={session.data.user.displayName}>
      <SignedIn session={session.data} />
    </IdleLock>
  );
}

function SignedIn(props: { session: SessionInfo }): ReactElement {
  const { session } = props;
  const hasRole = session.user.roles.length > 0;
  const settingsQuery = useSettings(hasRole);
  const settings: SettingsRecord = settingsQuery.data ?? session.settings;
  const shell = {
    user: session.user,
    organisation: settings.organisation.name,
    marking: settings.organisation.marking,
  };

  if (!hasRole) {
    return (
      <AppShell {...shell} showNav={false}>
        <Stack spacing={3} sx={{ maxWidth: 720 }}>
          <Typography variant="h1">You do not have a role in Front Door yet</Typography>
          <Alert severity="info">
            <AlertTitle>What to do</AlertTitle>
            {session.message ??
              'You need a role (duty worker, manager, meeting chair, minute-taker or administrator) before you can use Front Door. An administrator can give you a role in Users and roles.'}
          </Alert>
          <Typography>
            You are signed in as {session.user.displayName} (computer account{' '}
            {session.user.osAccount}). Tell your administrator this name when you ask for access.
          </Typography>
        </Stack>
      </AppShell>
    );
  }

  return (
    <AppShell {...shell}>
      {session.message ? (
        <Alert severity="info" sx={{ mb: 3 }}>
          {session.message}
        </Alert>
      ) : null}
      <BankHolidayBanner user={session.user} settings={settings} />
      <StartupCheckBanner />
      <BackupWarningBanner user={session.user} />
      <Routes>
        <Route
          index
          element={
            canCall('referrals:queue', session.user) ? (
              <QueuePage
                closures={settings.closures}
                bankHolidays={settings.bankHolidays ?? null}
                decisionWorkingDays={settings.policy.decisionWorkingDays}
              />
            ) : (
              // No queue for this role (a minute-taker): start on the first screen they may use.
              <Navigate to={navItemsFor(session.user)[0]?.to ?? '/rules'} replace />
            )
          }
        />
        <Route path="referrals/new" element={<NewReferralPage />} />
        <Route path="referrals/:id" element={<ReferralPage />} />
        <Route path="referrals/:id/decision" element={<DecisionPage />} />
        <Route path="referrals/:id/edit" element={<EditReferralPage />} />
        <Route path="referrals/:id/strategy/new" element={<SchedulePage />} />
        <Route path="strategy" element={<MyDiscussionsPage />} />
        <Route path="strategy/:id" element={<DiscussionPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route
          path="letters"
          element={
            <WorkQueuePage
              closures={settings.closures}
              bankHolidays={settings.bankHolidays ?? null}
            />
          }
        />
        <Route path="letters/templates" element={<TemplatesPage />} />
        <Route path="letters/templates/:key" element={<TemplatesEditorPage />} />
        <Route path="people/:id" element={<PersonPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/audit" element={<AuditPage />} />
        <Route path="measures" element={<MeasuresPage />} />
        <Route path="admin/backups" element={<BackupsPage />} />
        <Route path="admin/organisation" element={<OrganisationPage />} />
        <Route path="admin/calendar" element={<CalendarPage />} />
        <Route path="admin/settings" element={<SettingsPage />} />
        <Route
          path="rules"
          element={
            <RulesPage
              configuredEdition={settings.edition}
              overrides={settings.overrides}
              closures={settings.closures}
              bankHolidays={settings.bankHolidays ?? null}
            />
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppShell>
  );
}

function NotFound(): ReactElement {
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Page not found</Typography>
      <Typography>This page does not exist in Front Door.</Typography>
      <Box>
        <Button component={RouterLink} to="/" variant="contained">
          Go to the queue
        </Button>
      </Box>
    </Stack>
  );
}
