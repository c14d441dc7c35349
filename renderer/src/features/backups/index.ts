// The Backups feature: the page (route #/admin/backups), the administrators' warning banner, and
// the status line the Settings page shows too.
export { BackupsPage } from './BackupsPage';
export { BackupStatusLine } from './BackupStatusLine';
export { BackupWarningBanner } from './BackupWarningBanner';
