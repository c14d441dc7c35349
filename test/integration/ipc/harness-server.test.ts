// The browser harness's HTTP bridge under hostile requests, over a real socket: a body over the
// limit gets 413 whether its size is declared or sent chunked without end, and at once rather
// than after the upload; JSON nested absurdly deep is refused before it is parsed; and the
// server keeps answering afterwards.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../electron/main/ipc/dispatch';
import { API_PREFIX, TOKEN_HEADER } from '../../harness/guards';
import {
  jsonNestingExceeds,
  MAX_JSON_DEPTH,
  startHarnessServer,
  type HarnessServer,
} from '../../harness/server';
import { removeDir, tempDir } from '../../helpers/store-fixtures';
import { ipcFixture, type IpcFixture } from './ipc-env';

type Reply = { status: number; body: string; ms: number };

describe('harness HTTP bridge limits', () => {
  let fx: IpcFixture;
  let server: HarnessServer;
  const rendererDir = tempDir('front-door-renderer-');

  beforeAll(async () => {
    fx = await ipcFixture();
    server = await startHarnessServer({ env: fx.as('admin.first'), rendererDir });
  });
  afterAll(async () => {
    await server.close();
    fx.close();
    removeDir(rendererDir);
  });

  /** POSTs to a channel; `body` is sent in 64 KB chunks (no Content-Length) when a generator. */
  function post(
    channel: string,
    body: string | (() => Generator<Buffer>),
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `${API_PREFIX}${channel}`,
          headers: {
            Host: `127.0.0.1:${String(server.port)}`,
            'Content-Type': 'application/json',
            [TOKEN_HEADER]: server.token,
            ...headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started });
          });
        },
      );
      req.on('error', reject);
      if (typeof body === 'string') {
        req.end(body);
        return;
      }
      const chunks = body();
      let answered = false;
      req.on('response', () => (answered = true));
      const pump = (): void => {
        while (!answered) {
          const next = chunks.next();
          if (next.done === true) {
            req.end();
            return;
          }
          if (!req.write(next.value)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  }

  function* endless(): Generator<Buffer> {
    const chunk = Buffer.from(`{"text":"${'a'.repeat(64 * 1024)}`);
    for (let i = 0; i < 2_000; i++) yield chunk; // up to 128 MB, far past the limit
  }

  it('answers 413 to a chunked body that passes the limit, at once', async () => {
    const reply = await post('settings:get', endless);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'What was sent is too large to save.' },
    });
    console.log(`413 for an endless chunked body after ${reply.ms.toFixed(0)} ms`);
    expect(reply.ms).toBeLessThan(10_000);
  });

  it('answers 413 to a declared size over the limit without reading it', async () => {
    const reply = await post('settings:get', '{}', {
      'Content-Length': String(MAX_INPUT_BYTES + 1),
    }).catch(() => null);
    // The body is shorter than declared: the server must answer anyway, not wait for it.
    expect(reply?.status ?? 413).toBe(413);
  });

  it('refuses JSON nested too deeply before parsing it, quickly', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const reply = await post('settings:get', deep);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/nested too deeply/);
    expect(reply.ms).toBeLessThan(2_000);
  });

  it('keeps serving afterwards', async () => {
    const reply = await post('settings:get', '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('counts nesting outside strings only', () => {
    expect(jsonNestingExceeds('{"a":"[[[[[[[[[["}', 2)).toBe(false);
    expect(jsonNestingExceeds('{"a":"\\"[[["}', 1)).toBe(false);
    expect(jsonNestingExceeds('[[[]]]', 2)).toBe(true);
    expect(jsonNestingExceeds('[[[]]]', 3)).toBe(false);
    const atLimit = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(jsonNestingExceeds(atLimit, MAX_JSON_DEPTH)).toBe(false);
  });
});
