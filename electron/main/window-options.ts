import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Hardened options for the main window (Electron security checklist; reliability promise 6).
 * A pure function so a plain-Node test can check every flag.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Front Door',
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: true,
      // webSecurity and allowRunningInsecureContent are left at their safe defaults.
    },
  };
}
