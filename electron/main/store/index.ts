// Public surface of the store. Everything with SQL lives under this folder.
export { openStore, Store, DB_FILE, BACKUP_DIR, type OpenStoreOptions } from './store';
export {
  resolveDataDir,
  checkNotNetworkPath,
  DATA_DIR_ENV,
  NETWORK_PATH_MESSAGE,
} from './data-dir';
export { openConnection, createKysely, BUSY_TIMEOUT_MS } from './connection';
export { migrate, MIGRATIONS, SCHEMA_VERSION, schemaVersion } from './migrations/index';
export { verifyAuditChain, appendAudit } from './audit';
export {
  createBackup,
  listBackups,
  rotateBackups,
  verifyDatabaseFile,
  DEFAULT_BACKUP_KEEP,
} from './backup';
export { restoreBackup, restoreNewestGoodBackup } from './restore';
export * from './errors';
export type { Database } from './schema';
