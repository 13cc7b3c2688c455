// The JSON API (pipeline/serve/API.md): requests with the CSRF token, errors
// as ApiError, the signed-in user and what their role may do.

export const WORK_ROLES = new Set(['reviewer', 'senior', 'admin']);
export const QUEUE_ROLES = new Set(['reviewer', 'senior', 'admin', 'archivist']);
export const AUDIT_ROLES = new Set(['auditor', 'admin']);

// Everything the screen knows; shared by the modules.
export const state = {
  me: null,                 // {name, role, csrf}
  view: null,               // 'queue' | 'case' | 'audit'
  queue: { cases: [], types: [], reasons: [] },
  filters: { type: '', reason: '' },
  selectedRow: 0,           // queue row under the keyboard
  selectedId: null,         // …and its case id, kept across refreshes
  queueNotice: null,
  caseData: null,           // the case as the API gave it (masked)
  caseId: null,
  holding: null,            // id of the case whose claim we hold
  focus: -1,                // index into caseData.fields
  fieldUi: [],              // per field: {li, input, status, rects[], dirty, revealed, seq, timer}
  skipped: new Set(),       // cases passed over with 'n' in this tab
  busy: false,
  zoom: 1,
  pagesKey: '',
  audit: { entries: [], done: false },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

export async function api(method, path, body, { retried = false } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') headers['X-CSRF-Token'] = state.me?.csrf ?? '';
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, { error: 'network', message: 'Geen verbinding met de server.' });
  }
  if (res.status === 401) {
    window.location.assign('/login?verlopen');
    throw new ApiError(401, { error: 'session', message: 'Uw sessie is verlopen.' });
  }
  let data = null;
  const text = await res.text();
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (res.status === 403 && data?.error === 'csrf' && !retried) {
    await loadMe();
    return api(method, path, body, { retried: true });
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return { status: res.status, data };
}

export async function loadMe() {
  const { data } = await api('GET', '/api/me');
  state.me = data;
  return data;
}

export function can(set) { return set.has(state.me?.role); }

export function apiMessage(e, fallback) {
  if (e instanceof ApiError && e.body?.message) return e.body.message;
  if (e instanceof ApiError && e.status === 0) return 'Geen verbinding met de server.';
  return fallback;
}
