// The audit log, newest first, for auditors and admins.

import { api, apiMessage, state } from './api.js';
import { $, clear, formatTime, h, showView, toast } from './dom.js';
import { AUDIT_ACTIONS, AUDIT_RESULTS } from './words.js';

export function auditEntries(data) {
  if (Array.isArray(data)) return data;
  return data?.entries ?? data?.audit ?? data?.items ?? [];
}

export async function showAudit(more = false) {
  showView('audit');
  document.title = 'Auditlog · Scanstraat';
  const q = new URLSearchParams({ limit: '100' });
  if (more && state.audit.entries.length) {
    const last = state.audit.entries[state.audit.entries.length - 1];
    q.set('before', String(last.seq ?? last.id ?? ''));
  }
  let entries;
  try {
    const { data } = await api('GET', `/api/audit?${q}`);
    entries = auditEntries(data);
  } catch (e) {
    toast(apiMessage(e, 'Het auditlog kon niet worden geladen.'), 'error');
    return;
  }
  state.audit.entries = more ? state.audit.entries.concat(entries) : entries;
  state.audit.done = entries.length < 100;
  const body = $('audit-body');
  if (!more) clear(body);
  for (const a of entries) {
    const action = String(a.action ?? '');
    const result = String(a.result ?? '');
    body.append(h('tr', { class: result && result !== 'ok' ? 'failed' : null },
      h('td', { class: 'nowrap' }, formatTime(a.at ?? a.time ?? a.ts ?? a.created_at)),
      h('td', {}, a.actor ?? ''),
      h('td', { title: action }, AUDIT_ACTIONS[action] ?? action),
      h('td', { class: 'mono' }, a.object ?? ''),
      h('td', { class: 'mono muted' }, a.detail ?? ''),
      h('td', { title: result }, AUDIT_RESULTS[result] ?? result),
      h('td', { class: 'mono muted' }, a.origin ?? '')));
  }
  $('audit-empty').hidden = state.audit.entries.length > 0;
  $('audit-count').textContent = state.audit.entries.length === 1 ? '1 regel' : `${state.audit.entries.length} regels`;
  $('btn-audit-more').hidden = state.audit.done;
}
