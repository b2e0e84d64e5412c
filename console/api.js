// Talking to the server: the token from this browser session (never in a URL), JSON in and
// out, and every error as the contract's {"error":{"code","message","details"}}.

import { errorCodes } from './words.js';

const TOKEN_KEY = 'hotline.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A refusal from the server: `message` says what kind in Chinese, then the server's own
 *  sentence as is (`serverMessage`). */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(`${errorCodes[code] || '请求失败'}：${message}`);
    this.serverMessage = message;
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

/** GET (no body) or POST (body) `path`; resolves to the JSON answer or throws ApiError. */
export async function call(path, body, method) {
  const headers = { Authorization: `Bearer ${token()}` };
  const init = { method: method || (body === undefined ? 'GET' : 'POST'), headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    // A retry of the same click is the same request: the server answers it once.
    headers['Idempotency-Key'] = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `无法连接服务器（${e.message}）`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(response.status, 'bad_answer', `服务器的回答无法读取（HTTP ${response.status}）`);
  }
  if (!response.ok) {
    const e = (json && json.error) || {};
    throw new ApiError(response.status, e.code || 'error', e.message || `请求失败（${response.status}）`, e.details);
  }
  return json;
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether `e` is the server refusing query parameter `name` (a filter it does not have yet). */
export function unknownParameter(e, name) {
  return e instanceof ApiError && e.status === 422 && e.details.field === name;
}
