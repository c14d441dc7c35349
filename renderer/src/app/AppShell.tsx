import { useEffect, type ReactElement, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import AccountCircleOutlinedIcon from '@mui/icons-material/AccountCircleOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import type { AppUser } from '../../../shared/domain/records';
import { formatRoles } from '../components/format';
import { useFocusHeading } from '../components/useFocusHeading';
import { SearchBox } from '../features/search/SearchBox';
import { navItemsFor } from './nav-items';
import { canCall } from '../../../shared/ipc/access';

const NAV_WIDTH = 232;

/** Header, navigation and main landmarks around every screen. */
export function AppShell(props: {
  user: AppUser;
  organisation: string;
  marking: string;
  /** Hide the navigation (no role yet: nothing to navigate to). */
  showNav?: boolean;
  children: ReactNode;
}): ReactElement {
  const showNav = props.showNav ?? true;
  // Offered exactly when the call would be allowed (a minute-taker neither searches nor refers).
  const maySearch = showNav && canCall('search:all', props.user);
  const mayRefer = showNav && canCall('referrals:create', props.user);
  const navigate = useNavigate();
  useFocusHeading();
  // Alt+N opens a new referral from anywhere (issue 4).
  useEffect(() => {
    if (!mayRefer) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        void navigate('/referrals/new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [navigate, mayRefer]);
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          bgcolor: 'background.paper',
          px: 2,
          py: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to main content
      </Link>
      <AppBar position="sticky" elevation={0} sx={{ borderBottom: 1, borderColor: 'primary.dark' }}>
        <Toolbar sx={{ gap: 2, minHeight: 64 }}>
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1.5, flexGrow: 1, minWidth: 0 }}>
            <Typography
              component="span"
              sx={{ fontSize: '1.25rem', fontWeight: 700, whiteSpace: 'nowrap', flexShrink: 0 }}
            >
              Front Door
            </Typography>
            <Typography component="span" noWrap sx={{ opacity: 0.9 }}>
              {props.organisation}
            </Typography>
          </Box>
          {/* Search from anywhere (Ctrl+K / ⌘K); not before the user has a role to see records. */}
          {maySearch ? <SearchBox /> : null}
          <Chip
            icon={<LockOutlinedIcon />}
            label={props.marking}
            title={`Records here are ${props.marking}: share them only with people who need them.`}
            sx={{
              bgcolor: 'common.white',
              color: 'primary.dark',
              fontWeight: 700,
              '& .MuiChip-icon': { color: 'primary.dark' },
            }}
          />
          <Box
            sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}
            aria-label="Signed in as"
            role="group"
          >
            <AccountCircleOutlinedIcon aria-hidden />
            {/* Someone with every role: the list is cut short (all of it on hover) rather than
                squeezing the app's name onto two lines at 1280 px. */}
            <Box sx={{ lineHeight: 1.2, minWidth: 0, maxWidth: 300 }}>
              <Typography component="div" sx={{ fontWeight: 600 }} noWrap>
                {props.user.displayName}
              </Typography>
              <Typography
                component="div"
                variant="body2"
                noWrap
                sx={{ opacity: 0.9 }}
                title={formatRoles(props.user.roles)}
              >
                {props.user.roles.length > 0 ? formatRoles(props.user.roles) : 'No role yet'}
              </Typography>
            </Box>
          </Box>
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flexGrow: 1 }}>
        {showNav ? (
          <Box
            component="nav"
            aria-label="Main"
            sx={{
              width: NAV_WIDTH,
              flexShrink: 0,
              borderRight: 1,
              borderColor: 'divider',
              bgcolor: 'background.paper',
              pt: 2,
            }}
          >
            <List>
              {navItemsFor(props.user).map((item) => (
                <ListItem key={item.to} disablePadding>
                  <ListItemButton
                    component={NavLink}
                    to={item.to}
                    end={item.end}
                    sx={{
                      mx: 1,
                      borderRadius: 1,
                      '&.active': {
                        bgcolor: 'rgba(29, 79, 145, 0.1)',
                        color: 'primary.dark',
                        fontWeight: 700,
                        '& .MuiListItemIcon-root': { color: 'primary.dark' },
                      },
                    }}
                  >
                    <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
                    <ListItemText primary={item.label} />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </Box>
        ) : null}
        <Box
          component="main"
          id="main"
          tabIndex={-1}
          sx={{ flexGrow: 1, minWidth: 0, px: { xs: 2, md: 5 }, py: 4, outline: 'none' }}
        >
          <Box sx={{ maxWidth: 1320 }}>{props.children}</Box>
        </Box>
      </Box>
    </Box>
  );
}
