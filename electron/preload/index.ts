import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type Api } from '../../shared/ipc/contract';
import { APP_EVENTS, type AppEventsApi } from '../../shared/ipc/events';

// window.api: one function per channel of the typed contract, each a plain invoke. The renderer
// gets functions only, never ipcRenderer itself (Electron security checklist 3 and 17).
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as Api;

contextBridge.exposeInMainWorld('api', api satisfies Api);

// window.appEvents: listen to the events map (main → window), one event name at a time. The
// listener receives the payload only, never the IpcRendererEvent (which carries `sender`).
const appEvents: AppEventsApi = {
  on(name, listener) {
    if (!APP_EVENTS.includes(name)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(`event:${name}`, wrapped);
    return () => {
      ipcRenderer.off(`event:${name}`, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('appEvents', appEvents);
