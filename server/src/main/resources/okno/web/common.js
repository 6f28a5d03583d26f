'use strict';
/*
 * Shared helpers of the okno web UIs (plain script, no build step): query parameters, JSON API calls with the
 * page's bearer token, error sentences, DOM building without innerHTML, and a WebSocket stream that
 * reconnects by itself.
 */
const Okno = (() => {
  const query = new URLSearchParams(location.search);

  /** @return the query parameter, or the fallback when it is missing or empty */
  function param(name, fallback) {
    const value = query.get(name);
    return value === null || value === '' ? fallback : value;
  }

  /** An API answer that is not 2xx, or no answer at all (status 0, code "network_error"). */
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** Calls the JSON API; resolves to {status, body} (body null for 204), rejects with an ApiError. */
  async function api(method, path, token, body) {
    const headers = {};
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(path, {
        method, headers, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (e) {
      throw new ApiError(0, 'network_error', 'The server cannot be reached.');
    }
    let json = null;
    if (response.status !== 204) {
      try {
        json = await response.json();
      } catch (e) {
        json = null;
      }
    }
    if (!response.ok) {
      throw new ApiError(response.status, (json && json.error) || 'http_' + response.status,
        (json && json.message) || response.statusText || 'HTTP ' + response.status);
    }
    return { status: response.status, body: json };
  }

  /** @return a fresh random request id (one per visitor action; reused when that action is retried) */
  function requestId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  /** Sentences for the error codes a staff page meets; anything else shows the server's own message. */
  const STAFF_ERRORS = {
    network_error: 'No connection to the server. Check the network and try again.',
    centre_closed: 'The centre is closed at this time.',
    token_required: 'This page needs an access token (?token=...).',
    unknown_token: 'The access token is not known to the server.',
    wrong_role: 'This access token may not do that.',
    wrong_centre: 'This access token belongs to another centre.',
    rate_limited: 'Too many requests; wait a moment and try again.'
  };

  /** @return a clear sentence for an error, in the page's dictionary when it has one */
  function describe(error, sentences) {
    const table = sentences || STAFF_ERRORS;
    if (error instanceof ApiError) {
      return table[error.code] || error.message;
    }
    return String(error && error.message ? error.message : error);
  }

  /** Builds an element: el('div', {class: 'x', onclick: f}, 'text', child...). Text is never parsed as HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key.startsWith('on')) {
        node.addEventListener(key.substring(2), value);
      } else if (key === 'class') {
        node.className = value;
      } else if (key === 'dataset') {
        Object.assign(node.dataset, value);
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  /** Replaces the children of a node. */
  function fill(node, ...children) {
    node.replaceChildren();
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
  }

  /** Shows a message in a box with role="alert"; kind is "error", "info" or "ok"; empty text hides it. */
  function say(box, text, kind, ...extra) {
    box.hidden = !text;
    box.className = 'message ' + (kind || 'error');
    fill(box, el('span', {}, text || ''), ...extra);
  }

  /**
   * @return fn run at most once per ms: the first call schedules it, later calls before it runs join that run.
   * Unlike a debounce it cannot starve while events keep arriving.
   */
  function coalesce(fn, ms) {
    let timer = null;
    return () => {
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          fn();
        }, ms);
      }
    };
  }

  /**
   * Opens a WebSocket event stream and keeps it open: on close it reconnects after 0.5 s, doubling up to 10 s.
   * The first message after each (re)connect is the server's Snapshot.
   *
   * @param path     e.g. /ws/centres/tverskoy/events
   * @param onEvent  called with each parsed message
   * @param onState  called with "connecting", "live" or "offline"
   */
  function stream(path, token, onEvent, onState) {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const url = scheme + location.host + path + '?access_token=' + encodeURIComponent(token || '');
    let delay = 500;
    let socket = null;
    let stopped = false;
    const connect = () => {
      onState('connecting');
      socket = new WebSocket(url);
      socket.onopen = () => {
        delay = 500;
        onState('live');
      };
      socket.onmessage = message => onEvent(JSON.parse(message.data));
      socket.onclose = () => {
        if (stopped) {
          return;
        }
        onState('offline');
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 10000);
      };
      socket.onerror = () => socket.close();
    };
    connect();
    return {
      close() {
        stopped = true;
        socket.close();
      }
    };
  }

  /** Shows a stream's state in a small badge. */
  function linkBadge(badge) {
    const labels = { connecting: 'connecting…', live: 'live', offline: 'offline — reconnecting' };
    return state => {
      badge.className = 'badge link-' + state;
      badge.textContent = labels[state];
      badge.dataset.state = state;
    };
  }

  /** @return "mm:ss" (or "h:mm:ss") since an ISO instant */
  function elapsed(sinceIso, nowMs) {
    const seconds = Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor(seconds / 60) % 60;
    const s = seconds % 60;
    const mmss = String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
    return h > 0 ? h + ':' + mmss : mmss;
  }

  /**
   * The server clock may differ from the browser's (or run in another time in tests), so timers count from the
   * engine time of GET /api/health: resolves to (server ms - browser ms), 0 when the server cannot tell.
   */
  async function serverOffset() {
    try {
      const health = await api('GET', '/api/health');
      return health.body.engineTime ? Date.parse(health.body.engineTime) - Date.now() : 0;
    } catch (e) {
      return 0;
    }
  }

  /** @return "HH:MM" (or "HH:MM:SS") of an epoch ms in the network's time zone (?tz=, Moscow by default) */
  function localTime(epochMs, withSeconds) {
    return new Date(epochMs).toLocaleTimeString('ru-RU', {
      hour: '2-digit', minute: '2-digit', second: withSeconds ? '2-digit' : undefined,
      timeZone: param('tz', 'Europe/Moscow')
    });
  }

  return {
    param, api, ApiError, requestId, describe, el, fill, say, coalesce, stream, linkBadge, elapsed, serverOffset,
    localTime
  };
})();
