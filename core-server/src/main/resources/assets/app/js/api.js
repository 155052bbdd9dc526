// The REST API client. The access token lives only in this module's memory; the refresh token is an
// HttpOnly SameSite=Strict cookie (login with ?session=cookie) that no script on the page can read.
// The server decides every permission: a 403 from it is shown as it is.

/** A failed call: HTTP status, the error code and message of the server's error shape, and its details. */
export class ApiError extends Error {
  constructor(status, code, message, details = [], retryAfter = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = Array.isArray(details) ? details : [];
    this.retryAfter = retryAfter;
  }
}

const state = { access: null, expiresAt: 0, timer: null, user: null, refreshing: null };
const listeners = new Set();

/** Called with the user (or null) whenever the session starts or ends. */
export function onSession(listener) {
  listeners.add(listener);
}

function emit() {
  for (const listener of listeners) listener(state.user);
}

export function currentUser() {
  return state.user;
}

/** True when the server grants the signed-in user {@code permission} (from GET /auth/me). */
export function can(permission) {
  return Boolean(state.user && state.user.permissions && state.user.permissions.includes(permission));
}

function minutes(seconds) {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'a minute' : `${m} minutes`;
}

/** Turns the server's error shape into an ApiError with a message a person can act on. */
async function failure(res, { login = false } = {}) {
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  const retryAfter = Number(res.headers.get('Retry-After')) || null;
  const code = (body && body.error) || `HTTP_${res.status}`;
  let message = (body && body.message) || res.statusText || `The server answered ${res.status}.`;
  if (res.status === 429) {
    message = login && /failed logins/.test(message)
      ? `Too many failed sign-ins for this name. Try again in ${minutes(retryAfter || 900)}.`
      : `Too many requests. Try again in ${retryAfter ? `${retryAfter} s` : 'a moment'}.`;
  } else if (code === 'INVALID_CREDENTIALS') {
    message = 'The username or password is wrong.';
  } else if (res.status === 403) {
    message = `Not allowed: ${message}`;
  } else if (res.status >= 500) {
    message = `The server could not do this (${code}). ${body && body.message ? body.message : ''}`.trim();
  }
  return new ApiError(res.status, code, message, body && body.details, retryAfter);
}

function networkError() {
  return new ApiError(0, 'NETWORK', 'The server could not be reached. Check that it is running, then try again.');
}

function setTokens(tokens) {
  state.access = tokens.access_token;
  const ttl = Number(tokens.expires_in) || 900;
  state.expiresAt = Date.now() + ttl * 1000;
  clearTimeout(state.timer);
  scheduleRefresh(Math.max(10, ttl - 60));
}

/** Silent refresh a minute before the access token ends; a rate-limited refresh is tried again later. */
function scheduleRefresh(seconds) {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => refresh().catch((e) => {
    if (e instanceof ApiError && (e.status === 429 || e.status === 0) && Date.now() < state.expiresAt) {
      scheduleRefresh(Math.min(e.retryAfter || 10, Math.max(1, (state.expiresAt - Date.now()) / 1000 - 1)));
    } else {
      ended();
    }
  }), seconds * 1000);
}

function clearTokens() {
  state.access = null;
  state.expiresAt = 0;
  clearTimeout(state.timer);
}

function ended() {
  const wasSignedIn = state.user !== null;
  clearTokens();
  state.user = null;
  if (wasSignedIn) emit();
}

async function post(path, json, options) {
  let res;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (e) {
    throw networkError();
  }
  if (!res.ok) throw await failure(res, options);
  return res.status === 204 ? null : res.json();
}

/** Signs in; answers whether the password must be changed before anything else. */
export async function signIn(username, password) {
  const tokens = await post('/api/v1/auth/login?session=cookie', { username, password }, { login: true });
  setTokens(tokens);
  if (tokens.password_change_required) {
    state.user = null;
    return { passwordChangeRequired: true };
  }
  await loadUser();
  return { passwordChangeRequired: false };
}

/** The forced (or voluntary) password change; the server then revokes every refresh token, so sign in again. */
export async function changePassword(username, currentPassword, newPassword) {
  await call('PUT', '/api/v1/auth/me/password', { json: { currentPassword, newPassword } });
  return signIn(username, newPassword);
}

/**
 * Rotates the refresh cookie for a new access token. Tabs share the cookie, so refreshes are
 * serialised across tabs (a token presented twice revokes the whole session).
 */
export function refresh() {
  if (!state.refreshing) {
    const run = async () => setTokens(await post('/api/v1/auth/refresh'));
    const locked = navigator.locks ? navigator.locks.request('jobpricing-refresh', run) : run();
    state.refreshing = locked.finally(() => {
      state.refreshing = null;
    });
  }
  return state.refreshing;
}

/** Resumes a session from the refresh cookie (a reload or a new tab); false when there is none. */
export async function resume() {
  try {
    await refresh();
    await loadUser();
    return true;
  } catch (e) {
    clearTokens();
    // the server unreachable or refusing for now is not "signed out": say so instead of a sign-in form
    if (e instanceof ApiError && (e.status === 0 || e.status === 429 || e.status >= 500)) throw e;
    return false;
  }
}

async function loadUser() {
  state.user = await call('GET', '/api/v1/auth/me');
  emit();
}

export async function signOut() {
  try {
    await post('/api/v1/auth/logout');
  } finally {
    ended();
  }
}

/**
 * One API call. {@code json} is sent as JSON, {@code body} as is with {@code type}; answers JSON, text,
 * or the Response itself with {@code raw}. A 401 refreshes the session once and retries.
 */
export async function call(method, path, options = {}) {
  const { json, body, type, accept, raw, signal } = options;
  if (state.access && Date.now() > state.expiresAt - 5000) {
    await refresh().catch(() => ended());
  }
  const headers = {};
  if (state.access) headers.Authorization = `Bearer ${state.access}`;
  let payload = body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (type) {
    headers['Content-Type'] = type;
  }
  if (accept) headers.Accept = accept;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw networkError();
  }
  if (res.status === 401 && !options.retried && state.access) {
    try {
      await refresh();
    } catch (e) {
      ended();
      throw new ApiError(401, 'SESSION_ENDED', 'Your session has ended. Please sign in again.');
    }
    return call(method, path, { ...options, retried: true });
  }
  if (!res.ok) throw await failure(res);
  if (raw) return res;
  if (res.status === 204 || res.status === 202 && res.headers.get('Content-Length') === '0') return null;
  const contentType = res.headers.get('Content-Type') || '';
  return contentType.includes('json') ? res.json() : res.text();
}

export const get = (path, options) => call('GET', path, options);
export const postJson = (path, json, options) => call('POST', path, { ...options, json });
export const putJson = (path, json, options) => call('PUT', path, { ...options, json });

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
