import { contextBridge } from 'electron';

// The sandboxed preload exposes functions only, never ipcRenderer or Node objects (Electron
// security checklist 3). The typed window.api built from shared/ipc/contract.ts arrives with the
// store and services.
contextBridge.exposeInMainWorld('frontDoor', { platform: process.platform });
