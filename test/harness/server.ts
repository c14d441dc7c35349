// The browser harness (architecture §4): the real main-process services in Node behind a
// loopback-only HTTP bridge, serving the built renderer with the app's own CSP. Playwright and
// people on this machine open the printed HARNESS_URL in Chromium.

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { MAX_INPUT_BYTES, dispatch, type DispatchEnv } from '../../electron/main/ipc/dispatch';
import { resolveRendererFile } from '../../electron/main/protocol-path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { CHANNELS, type IpcError } from '../../shared/ipc/contract';
import type { EventHub } from '../../electron/main/services/events-hub';
import { EVENTS_PATH, bridgeScript, injectBridge } from './bridge';
import { DOWNLOAD_PREFIX, contentDisposition, type DownloadRegistry } from './downloads';
import {
  API_PREFIX,
  BRIDGE_PATH,
  TOKEN_HEADER,
  hostAllowed,
  isJsonContentType,
  newToken,
  originAllowed,
  tokenMatches,
} from './guards';

export type HarnessServerOptions = {
  /** The checked IPC core's environment: real services, the harness user, the clock. */
  env: DispatchEnv;
  /** Built renderer folder (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Files the services offered, served once each as a browser download. */
  downloads?: DownloadRegistry;
  /** Progress events, streamed to the pages (window.appEvents in the bridge). */
  events?: EventHub;
};

export type HarnessServer = {
  /** `http://127.0.0.1:PORT/?token=…` — opens the app. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const COMMON_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, error: IpcError): void {
  send(res, status, JSON.stringify({ ok: false, error }), TYPES['.json'] ?? 'application/json');
}

const refused = (message: string): IpcError => ({ code: 'BAD_SENDER', message });

class BodyTooLarge extends Error {}

/** Deepest JSON nesting accepted; a referral is about 6 levels (see also MAX_INPUT_DEPTH). */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `text` nests arrays/objects deeper than `max`. One linear pass over the characters
 * (brackets inside strings ignored), so a hostile body is refused before JSON.parse builds it and
 * before anything walks it recursively; bounded by the body limit, it never blocks for long.
 */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The body as text, or BodyTooLarge as soon as it passes `limit` — whether the size was declared
 * (Content-Length) or not (chunked). Reading then stops, so the 413 goes out at once instead of
 * after the whole upload, and the socket is closed after it (see serveApi).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const token = options.token ?? newToken();
  const bridge = bridgeScript(CHANNELS);
  let port = 0;

  async function serveApi(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'POST') {
      sendError(res, 405, refused('Only POST is accepted here.'));
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!tokenMatches(token, typeof given === 'string' ? given : undefined)) {
      sendError(res, 403, refused('Request refused: the harness token is missing or wrong.'));
      return;
    }
    if (!originAllowed(req.headers.origin, port)) {
      sendError(res, 403, refused('Request refused: it came from another website.'));
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendError(res, 415, refused('Request refused: send JSON.'));
      return;
    }
    let raw: string;
    try {
      raw = await readBody(req, MAX_INPUT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read: answer, then close the connection.
        res.once('finish', () => {
          req.socket.destroySoon();
        });
        send(
          res,
          413,
          JSON.stringify({
            ok: false,
            error: { code: 'VALIDATION', message: 'What was sent is too large to save.' },
          }),
          TYPES['.json'] ?? 'application/json',
          { Connection: 'close' },
        );
      } else {
        sendError(res, 400, { code: 'VALIDATION', message: 'The request could not be read.' });
      }
      return;
    }
    if (jsonNestingExceeds(raw, MAX_JSON_DEPTH)) {
      sendError(res, 400, {
        code: 'VALIDATION',
        message: 'What was sent is nested too deeply to be a form. Nothing was saved.',
      });
      return;
    }
    let input: unknown;
    try {
      input = raw.length === 0 ? {} : (JSON.parse(raw) as unknown);
    } catch {
      sendError(res, 400, { code: 'VALIDATION', message: 'The request was not valid JSON.' });
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(pathname.slice(API_PREFIX.length));
    } catch {
      channel = '';
    }
    const result = await dispatch(options.env, channel, input);
    send(res, 200, JSON.stringify(result), TYPES['.json'] ?? 'application/json');
  }

  function serveDownload(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const file = req.method === 'GET' ? (options.downloads?.take(pathname) ?? null) : null;
    if (!file) {
      send(res, 404, 'This download has expired. Download it again.', 'text/plain; charset=utf-8');
      return;
    }
    send(res, 200, Buffer.from(file.bytes), file.mime, {
      'Content-Disposition': contentDisposition(file.fileName),
    });
  }

  /** Server-sent events over a fetch stream: the token travels in the header, as for the API. */
  function serveEvents(req: IncomingMessage, res: ServerResponse) {
    const given = req.headers[TOKEN_HEADER];
    if (
      req.method !== 'GET' ||
      !tokenMatches(token, typeof given === 'string' ? given : undefined)
    ) {
      sendError(res, 403, refused('Request refused: the harness token is missing or wrong.'));
      return;
    }
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const stop = options.events?.listen((name, payload) => {
      res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const beat = setInterval(() => res.write(': still here\n\n'), 20_000);
    req.on('close', () => {
      clearInterval(beat);
      stop?.();
    });
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      return;
    }
    if (pathname === BRIDGE_PATH) {
      send(res, 200, bridge, TYPES['.js'] ?? 'text/javascript');
      return;
    }
    const file = resolveRendererFile(options.rendererDir, `http://harness${pathname}`);
    if (file === null) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    const ext = extname(file).toLowerCase();
    const type = TYPES[ext] ?? 'application/octet-stream';
    if (ext === '.html') {
      const html = injectBridge(body.toString('utf8'), BRIDGE_PATH);
      send(res, 200, html, type, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
      return;
    }
    send(res, 200, body, type);
  }

  const server = createServer((req, res) => {
    void (async () => {
      // DNS-rebinding guard on everything, pages included.
      if (!hostAllowed(req.headers.host, port)) {
        sendError(res, 403, refused('Request refused: unexpected host name.'));
        return;
      }
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://harness').pathname;
      } catch {
        send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
        return;
      }
      if (pathname.startsWith(API_PREFIX)) await serveApi(req, res, pathname);
      else if (pathname.startsWith(DOWNLOAD_PREFIX)) serveDownload(req, res, pathname);
      else if (pathname === EVENTS_PATH) serveEvents(req, res);
      else await serveStatic(req, res, pathname);
    })().catch((error: unknown) => {
      options.env.logError('harness', error);
      if (!res.headersSent) {
        sendError(res, 500, {
          code: 'INTERNAL',
          message: 'Something went wrong in the harness and nothing was saved.',
        });
      } else {
        res.destroy();
      }
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
