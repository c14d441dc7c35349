import type { Menu, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { applicationMenuTemplate } from './window-options';

/** The only origin our renderer is served from (architecture §1, reliability promise 6). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'front-door';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Content Security Policy for every renderer response. No 'unsafe-eval', no remote origins;
 * MUI/emotion injects <style> elements, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** True only for a URL on our own app:// origin (exact scheme and host, parsed, not prefixed). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Deny every permission request (camera, notifications, geolocation, ...): the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** No navigation away from the app and no new windows (Electron security checklist 13, 14). */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** What {@link installApplicationMenu} needs of Electron's Menu, so a plain-Node test can pass a fake. */
export type MenuPort = {
  setApplicationMenu(menu: Menu | null): void;
  buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
};

/**
 * Replaces Electron's default menu (Reload, Force Reload, Toggle Developer Tools and their
 * keyboard shortcuts) with none, or on macOS with a minimal one (see applicationMenuTemplate).
 */
export function installApplicationMenu(menu: MenuPort, platform: NodeJS.Platform): void {
  const template = applicationMenuTemplate(platform);
  menu.setApplicationMenu(template === null ? null : menu.buildFromTemplate(template));
}

/**
 * The spellchecker off for the whole session as well as in webPreferences: on Windows and Linux
 * Chromium would otherwise fetch dictionaries from the internet
 * (https://www.electronjs.org/docs/latest/api/session#sessetspellcheckerenabledenable).
 */
export function disableSpellChecker(session: Pick<Session, 'setSpellCheckerEnabled'>): void {
  session.setSpellCheckerEnabled(false);
}
