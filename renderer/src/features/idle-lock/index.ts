// The idle lock: the lock screen over the signed-in app, and the administrator's setting (placed
// on the Settings page).
export { IdleLock } from './IdleLock';
export { IdleLockSetting } from './IdleLockSetting';
