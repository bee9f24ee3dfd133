// fetch() for the GridPivot API: JSON in and out, problem+json turned into an ApiError with the field errors.
export class ApiError extends Error {
  constructor(status, title, detail, errors = []) {
    super(detail || title || `HTTP ${status}`);
    this.status = status; this.title = title; this.detail = detail; this.errors = errors || [];
  }
}

async function problemOf(res) {
  const type = res.headers.get('content-type') || '';
  if (type.includes('json')) {
    try {
      const p = await res.json();
      return new ApiError(res.status, p.title, p.detail, p.errors);
    } catch { /* fall through */ }
  }
  return new ApiError(res.status, res.statusText, `The service answered ${res.status} ${res.statusText}`.trim());
}

/** Words for a refused key (401 or 403), or null for any other error. */
export function keyRefusal(e) {
  if (e?.status === 401) {
    return apiKey()
      ? `The API key you entered was not accepted (${e.detail || 'unknown key'}). Check it in the API key field at the top, or ask your admin for one.`
      : 'The service needs an API key. Enter yours in the API key field at the top: the admin key printed at first start, or one from your admin.';
  }
  if (e?.status === 403) return `Your API key may not do this: ${e.detail || 'forbidden'}. Ask your admin for a key with that role.`;
  return null;
}

const KEY_STORE = 'gridpivot.apiKey';

/** The API key the dashboard sends as X-API-Key (kept in this browser's local storage). */
export function apiKey() { try { return localStorage.getItem(KEY_STORE) || ''; } catch { return ''; } }
export function setApiKey(key) {
  try { if (key) localStorage.setItem(KEY_STORE, key.trim()); else localStorage.removeItem(KEY_STORE); } catch { /* private mode */ }
}

async function send(url, { method = 'GET', body, signal, accept = 'application/json' } = {}) {
  let res;
  const key = apiKey();
  try {
    res = await fetch(url, {
      method, signal,
      headers: {
        Accept: `${accept}, application/problem+json`,
        ...(key ? { 'X-API-Key': key } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Unreachable', 'The GridPivot service cannot be reached. Check the connection and try again.');
  }
  if (!res.ok) {
    const err = await problemOf(res);
    if (res.status === 401 || res.status === 403) window.dispatchEvent(new CustomEvent('gridpivot:auth', { detail: err }));
    throw err;
  }
  return res;
}

export async function getJson(url, opts) { return (await send(url, opts)).json(); }
export async function postJson(url, body, opts = {}) { return (await send(url, { ...opts, method: 'POST', body })).json(); }
export async function putJson(url, body, opts = {}) { return (await send(url, { ...opts, method: 'PUT', body })).json(); }
export async function deleteJson(url, opts = {}) { return (await send(url, { ...opts, method: 'DELETE' })).json(); }
/** DELETE answered without a body (204). */
export async function deleteNoContent(url, opts = {}) { await send(url, { ...opts, method: 'DELETE' }); }
/** A file answer (export) as a Blob. */
export async function fetchBlob(url, { method = 'GET', body, signal, accept = '*/*' } = {}) {
  return (await send(url, { method, body, signal, accept })).blob();
}

/** Every item of a paged list. */
// Every item of a paged list. A list that answers nextCursor (the allocation runs) is followed by cursor, which costs
// the same at every depth and skips or repeats nothing while items are added; the others by page number.
export async function getAll(url, size = 200) {
  const out = [];
  const sep = url.includes('?') ? '&' : '?';
  let cursor = null;
  for (let page = 0; ; page++) {
    const p = await getJson(`${url}${sep}${cursor ? `cursor=${encodeURIComponent(cursor)}` : `page=${page}`}&size=${size}`);
    out.push(...p.items);
    if (p.nextCursor !== undefined) {
      if (!p.nextCursor) return out;
      cursor = p.nextCursor;
    } else if (page + 1 >= p.totalPages) {
      return out;
    }
  }
}
