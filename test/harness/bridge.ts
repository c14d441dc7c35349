// The browser side of the harness: a classic script that defines window.api exactly as the
// Electron preload does (one function per contract channel), but over loopback HTTP.
// It is generated at serve time from the contract so a new channel needs no harness change.

import { APP_EVENTS } from '../../shared/ipc/events';
import { API_PREFIX, TOKEN_HEADER } from './guards';

/** The stream of the events map (main → window), read with fetch so the token stays a header. */
export const EVENTS_PATH = '/__harness/events';

/** Where the bridge keeps the token for the tab: survives reloads, gone when the tab closes. */
export const TOKEN_STORAGE_KEY = 'front-door-harness-token';

export function bridgeScript(channels: readonly string[]): string {
  const config = JSON.stringify({
    channels,
    prefix: API_PREFIX,
    header: TOKEN_HEADER,
    storageKey: TOKEN_STORAGE_KEY,
    events: APP_EVENTS,
    eventsPath: EVENTS_PATH,
  });
  return `// Front Door browser harness bridge (test/harness). Not part of the app.
(function () {
  'use strict';
  var config = ${config};
  var params = new URLSearchParams(window.location.search);
  var fromUrl = params.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(config.storageKey, fromUrl);
    params.delete('token');
    var rest = params.toString();
    // Keep the secret out of the address bar, history and any screenshot.
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + (rest ? '?' + rest : '') + window.location.hash
    );
  }
  var token = window.sessionStorage.getItem(config.storageKey) || '';

  function failure(message) {
    return { ok: false, error: { code: 'INTERNAL', message: message } };
  }

  function call(channel, input) {
    var headers = { 'Content-Type': 'application/json' };
    headers[config.header] = token;
    return window
      .fetch(config.prefix + encodeURIComponent(channel), {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(input === undefined ? {} : input),
        credentials: 'omit',
        cache: 'no-store',
      })
      .then(function (response) {
        return response.json().catch(function () {
          return failure('The harness sent an answer Front Door could not read (HTTP ' + response.status + ').');
        });
      })
      .catch(function () {
        return failure('Front Door could not reach the harness. Check it is still running, then reload.');
      });
  }

  var api = {};
  config.channels.forEach(function (channel) {
    api[channel] = function (input) {
      return call(channel, input);
    };
  });
  Object.defineProperty(window, 'api', {
    value: Object.freeze(api),
    writable: false,
    configurable: false,
    enumerable: true,
  });

  // window.appEvents, as the preload gives it: one stream, opened on first use, reopened if lost.
  var listeners = {};
  var streaming = false;
  function deliver(block) {
    var data = block
      .split('\\n')
      .filter(function (line) { return line.indexOf('data: ') === 0; })
      .map(function (line) { return line.slice(6); })
      .join('\\n');
    if (!data) return;
    var message;
    try { message = JSON.parse(data); } catch (e) { return; }
    (listeners[message.name] || []).slice().forEach(function (listener) {
      try { listener(message.payload); } catch (e) { /* one listener must not stop the rest */ }
    });
  }
  function stream() {
    streaming = true;
    var headers = {};
    headers[config.header] = token;
    window
      .fetch(config.eventsPath, { headers: headers, credentials: 'omit', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok || !response.body) throw new Error('no stream');
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffered = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('stream ended');
            buffered += decoder.decode(chunk.value, { stream: true });
            var at;
            while ((at = buffered.indexOf('\\n\\n')) >= 0) {
              deliver(buffered.slice(0, at));
              buffered = buffered.slice(at + 2);
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {
        window.setTimeout(stream, 2000);
      });
  }
  var appEvents = {
    on: function (name, listener) {
      if (config.events.indexOf(name) < 0) return function () {};
      (listeners[name] = listeners[name] || []).push(listener);
      if (!streaming) stream();
      return function () {
        listeners[name] = (listeners[name] || []).filter(function (l) { return l !== listener; });
      };
    },
  };
  Object.defineProperty(window, 'appEvents', {
    value: Object.freeze(appEvents),
    writable: false,
    configurable: false,
    enumerable: true,
  });
})();
`;
}

/** Insert the bridge as a classic script before the first module script, so it runs first. */
export function injectBridge(html: string, src: string): string {
  const tag = `<script src="${src}"></script>`;
  const at = html.search(/<script\b[^>]*type=["']?module/i);
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at);
  const head = html.search(/<\/head>/i);
  if (head >= 0) return html.slice(0, head) + tag + '\n  ' + html.slice(head);
  return tag + html;
}
