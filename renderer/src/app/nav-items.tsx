// The navigation entries. Each names the channels its screen needs; the entry is shown exactly when
// the user may call all of them (shared/ipc/access.ts canCall), so the navigation never offers a
// screen the main process would refuse.
import type { ReactElement } from 'react';
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import RuleIcon from '@mui/icons-material/Rule';
import MarkEmailReadOutlinedIcon from '@mui/icons-material/MarkEmailReadOutlined';
import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import ManageSearchOutlinedIcon from '@mui/icons-material/ManageSearchOutlined';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import BackupOutlinedIcon from '@mui/icons-material/BackupOutlined';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import EventBusyOutlinedIcon from '@mui/icons-material/EventBusyOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import type { Channel } from '../../../shared/ipc/contract';
import { canCallAll, type Caller } from '../../../shared/ipc/access';

export type NavItem = {
  to: string;
  label: string;
  icon: ReactElement;
  end?: boolean;
  /** The channels the screen cannot work without; shown to everyone if empty. */
  channels: readonly Channel[];
};

export const NAV_ITEMS: NavItem[] = [
  {
    to: '/',
    label: 'Queue',
    icon: <InboxOutlinedIcon />,
    end: true,
    channels: ['referrals:queue'],
  },
  {
    to: '/referrals/new',
    label: 'New referral (Alt+N)',
    icon: <NoteAddOutlinedIcon />,
    channels: ['referrals:create'],
  },
  {
    to: '/strategy',
    label: 'My strategy discussions',
    icon: <GroupsOutlinedIcon />,
    channels: ['strategy:list-mine'],
  },
  {
    to: '/letters',
    label: 'Letters and invites',
    icon: <MarkEmailReadOutlinedIcon />,
    // Not also "current" on /letters/templates, which has its own entry.
    end: true,
    channels: ['letters:queue'],
  },
  // Only administrators change templates and the letterhead.
  {
    to: '/letters/templates',
    label: 'Letter templates',
    icon: <ArticleOutlinedIcon />,
    channels: ['letter-templates:save'],
  },
  { to: '/rules', label: 'Rules and clocks', icon: <RuleIcon />, channels: [] },
  {
    to: '/admin/users',
    label: 'Users and roles',
    icon: <ManageAccountsOutlinedIcon />,
    channels: ['users:set-roles', 'users:set-active'],
  },
  {
    to: '/admin/settings',
    label: 'Settings',
    icon: <SettingsOutlinedIcon />,
    channels: ['settings:update', 'settings:preview'],
  },
  {
    to: '/admin/organisation',
    label: 'Organisation',
    icon: <ApartmentOutlinedIcon />,
    channels: ['settings:update'],
  },
  {
    to: '/admin/calendar',
    label: 'Closure days and bank holidays',
    icon: <EventBusyOutlinedIcon />,
    channels: ['settings:update', 'bank-holidays:import'],
  },
  {
    to: '/measures',
    label: 'Measures',
    icon: <InsightsOutlinedIcon />,
    channels: ['measures:get', 'measures:drill'],
  },
  {
    to: '/admin/audit',
    label: 'Audit log',
    icon: <ManageSearchOutlinedIcon />,
    channels: ['audit:search'],
  },
  {
    to: '/admin/backups',
    label: 'Backups',
    icon: <BackupOutlinedIcon />,
    channels: ['backups:list'],
  },
];

export function navItemsFor(user: Caller): NavItem[] {
  return NAV_ITEMS.filter((item) => canCallAll(item.channels, user));
}
