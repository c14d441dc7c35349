// The browser harness's files port (a real download from a one-time address) and its events
// stream (window.appEvents), exercised over HTTP without a browser.
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { createSessionEnv } from '../../../electron/main/ipc/env';
import { createServices } from '../../../electron/main/services';
import { createEventHub } from '../../../electron/main/services/events-hub';
import { openStore, type Store } from '../../../electron/main/store/store';
import { createDownloadRegistry, contentDisposition } from '../../harness/downloads';
import { EVENTS_PATH, bridgeScript } from '../../harness/bridge';
import { TOKEN_HEADER } from '../../harness/guards';
import { startHarnessServer, type HarnessServer } from '../../harness/server';
import { fixedClock, removeDir, tempDir } from '../../helpers/store-fixtures';

let dir: string;
let store: Store;
let server: HarnessServer;
const downloads = createDownloadRegistry();
const events = createEventHub();

beforeAll(async () => {
  dir = tempDir();
  store = openStore({ dataDir: dir });
  const clock = fixedClock();
  const services = createServices(store, clock, { files: downloads.port, events });
  const env = createSessionEnv({ store, services, clock, osAccount: 'harness.user' });
  await env.signIn();
  server = await startHarnessServer({ env, rendererDir: dir, downloads, events });
});
afterAll(async () => {
  await server.close();
  store.close();
  removeDir(dir);
});

describe('harness downloads', () => {
  it('serves an offered file once, as an attachment with its name', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 exact bytes');
    const offered = await downloads.port.offer({
      suggestedName: 'FD-2026-000123 minutes v2.pdf',
      mime: 'application/pdf',
      bytes,
    });
    if (offered.kind !== 'download') throw new Error('expected a download');
    expect(offered.url).toMatch(/^\/__harness\/files\/[A-Za-z0-9_-]{32}$/);
    const first = await fetch(`${server.origin}${offered.url}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe(
      contentDisposition('FD-2026-000123 minutes v2.pdf'),
    );
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(bytes);
    const second = await fetch(`${server.origin}${offered.url}`);
    expect(second.status).toBe(404);
    const guessed = await fetch(`${server.origin}/__harness/files/${'A'.repeat(32)}`);
    expect(guessed.status).toBe(404);
  });

  it('names files with any script safely in the header', () => {
    expect(contentDisposition('Zoë "x".pdf')).toBe(
      `attachment; filename="Zo_ _x_.pdf"; filename*=UTF-8''Zo%C3%AB%20%22x%22.pdf`,
    );
  });
});

describe('harness bridge script', () => {
  it('is valid JavaScript, so window.api and window.appEvents exist in the page', () => {
    const script = bridgeScript(CHANNELS);
    expect(() => new Script(script)).not.toThrow();
    // The event stream splits on blank lines: the escapes must reach the page as escapes.
    expect(script).toContain(`indexOf('\\n\\n')`);
  });
});

describe('harness events stream', () => {
  it('refuses a stream without the token', async () => {
    const r = await fetch(`${server.origin}${EVENTS_PATH}`);
    expect(r.status).toBe(403);
  });

  it('streams every event the services emit', async () => {
    const controller = new AbortController();
    const r = await fetch(`${server.origin}${EVENTS_PATH}`, {
      headers: { [TOKEN_HEADER]: server.token },
      signal: controller.signal,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = r.body;
    if (!body) throw new Error('no body');
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');
    events.emit('task:progress', {
      taskId: 'letters-1',
      label: 'Making letters',
      done: 2,
      total: 5,
      state: 'running',
    });
    while (!text.includes('letters-1')) text += decoder.decode((await reader.read()).value);
    const data = text
      .split('\n')
      .find((l) => l.startsWith('data: '))
      ?.slice(6);
    expect(JSON.parse(data ?? '')).toEqual({
      name: 'task:progress',
      payload: {
        taskId: 'letters-1',
        label: 'Making letters',
        done: 2,
        total: 5,
        state: 'running',
      },
    });
    controller.abort();
  });
});
