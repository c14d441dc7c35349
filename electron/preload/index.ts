import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Api } from '../../shared/ipc/contract';

// window.api: one function per channel of the typed contract, each a plain invoke. The renderer
// gets functions only, never ipcRenderer itself (Electron security checklist 3 and 17).
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as Api;

contextBridge.exposeInMainWorld('api', api satisfies Api);
