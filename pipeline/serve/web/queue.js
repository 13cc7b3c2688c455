// The queue: open cases, oldest first, filtered by type and reason; and
// picking the next free case.

import { api, apiMessage, can, state, WORK_ROLES } from './api.js';
import { leaveCase } from './case.js';
import { $, clear, formatClock, formatTime, go, h, isExpired, showView, toast } from './dom.js';
import { humanField, reasonClass, reasonText } from './words.js';

export function normType(t) {
  return typeof t === 'string' ? { id: t, name: t } : { id: t.id, name: t.name ?? t.id };
}

export function normReason(r) {
  return typeof r === 'string' ? r : (r.reason ?? r.id ?? String(r));
}

export function queueQuery() {
  const q = new URLSearchParams();
  if (state.filters.type) q.set('type', state.filters.type);
  if (state.filters.reason) q.set('reason', state.filters.reason);
  const s = q.toString();
  return s ? `/api/cases?${s}` : '/api/cases';
}

export async function loadQueue() {
  const { data } = await api('GET', queueQuery());
  state.queue = {
    cases: data?.cases ?? [],
    types: (data?.types ?? []).map(normType),
    reasons: (data?.reasons ?? []).map(normReason),
  };
  return state.queue;
}

// Options may name a group ({value, label, group}); groups keep their order.
export function fillSelect(select, first, options, current) {
  clear(select);
  select.append(h('option', { value: '' }, first));
  const groups = new Map();
  for (const o of options) {
    const opt = h('option', { value: o.value }, o.label);
    if (!o.group) {
      select.append(opt);
      continue;
    }
    if (!groups.has(o.group)) {
      groups.set(o.group, h('optgroup', { label: o.group }));
      select.append(groups.get(o.group));
    }
    groups.get(o.group).append(opt);
  }
  if (current && !options.some((o) => o.value === current)) {
    select.append(h('option', { value: current }, current));
  }
  select.value = current;
}

export async function showQueue() {
  showView('queue');
  document.title = 'Wachtrij · Scanstraat';
  const notice = $('queue-notice');
  notice.hidden = !state.queueNotice;
  notice.textContent = state.queueNotice ?? '';
  state.queueNotice = null;
  try {
    await loadQueue();
  } catch (e) {
    notice.textContent = apiMessage(e, 'De wachtrij kon niet worden geladen.');
    notice.hidden = false;
    return;
  }
  renderQueue();
}

export function renderQueue() {
  const { cases, types, reasons } = state.queue;
  // Types may come as bare ids; the cases carry their names.
  const names = new Map(cases.map((c) => [c.doctype, c.doctype_name]));
  const typeLabel = (t) => (t.name && t.name !== t.id ? t.name : names.get(t.id) ?? humanField(t.id || 'onbekend'));
  fillSelect($('filter-type'), 'Alle typen', types.map((t) => ({ value: t.id, label: typeLabel(t) })), state.filters.type);
  // Kinds ("invalid") first, then whole reasons ("invalid:bsn").
  const kinds = reasons.filter((r) => !r.includes(':'));
  const whole = reasons.filter((r) => r.includes(':'));
  fillSelect($('filter-reason'), 'Alle redenen', [
    ...kinds.map((r) => ({ value: r, label: reasonText(r), group: 'Soort' })),
    ...whole.map((r) => ({ value: r, label: reasonText(r), group: 'Veld' })),
  ], state.filters.reason);
  $('btn-take').hidden = !can(WORK_ROLES);

  const body = $('queue-body');
  // Keep the selection (and keyboard focus) on the same case across refreshes.
  const focusedId = document.activeElement?.closest?.('#queue-body tr')?.dataset.id;
  const selectedId = state.selectedId ?? null;
  const at = cases.findIndex((c) => String(c.id) === String(selectedId));
  state.selectedRow = at >= 0 ? at : Math.min(state.selectedRow, Math.max(0, cases.length - 1));
  clear(body);
  const me = state.me?.name;
  cases.forEach((c, i) => {
    const claimedByOther = c.claimed_by && c.claimed_by !== me && !isExpired(c.claim_expires);
    let holder = '—';
    if (c.claimed_by && !isExpired(c.claim_expires)) {
      holder = c.claimed_by === me ? 'u' : c.claimed_by;
      const until = formatClock(c.claim_expires);
      if (until) holder += ` (tot ${until})`;
    }
    const tr = h('tr', {
      class: [claimedByOther ? 'claimed' : '', i === state.selectedRow ? 'selected' : ''].join(' ').trim() || null,
      dataset: { id: c.id, index: i },
      onclick: (ev) => { if (!(ev.target instanceof HTMLAnchorElement)) go(`#/zaak/${c.id}`); },
    },
    h('td', {}, h('a', { href: `#/zaak/${c.id}` }, `Zaak ${c.id}`)),
    h('td', {}, c.doctype_name || (c.doctype ? c.doctype : 'onbekend')),
    h('td', {}, h('ul', { class: 'chips' },
      (c.reasons ?? []).map((r) => h('li', { class: reasonClass(r) }, reasonText(r))),
      c.awaiting_second ? h('li', { class: 'chip second' }, 'wacht op tweede beoordeling') : null)),
    h('td', { class: 'nowrap' }, formatTime(c.created_at)),
    h('td', { class: claimedByOther ? 'claim other' : 'claim' }, holder),
    h('td', { class: 'mono muted' }, c.doc ?? ''));
    body.append(tr);
  });
  if (focusedId) body.querySelector(`tr[data-id="${CSS.escape(focusedId)}"] a`)?.focus({ preventScroll: true });
  $('queue-empty').hidden = cases.length > 0;
  $('queue-table').hidden = cases.length === 0;
  const n = cases.length;
  $('queue-count').textContent = n === 1 ? '1 open zaak' : `${n} open zaken`;
}

export function selectRow(delta) {
  const rows = [...$('queue-body').rows];
  if (!rows.length) return;
  state.selectedRow = Math.min(rows.length - 1, Math.max(0, state.selectedRow + delta));
  rows.forEach((r, i) => r.classList.toggle('selected', i === state.selectedRow));
  const row = rows[state.selectedRow];
  state.selectedId = row.dataset.id;
  row.scrollIntoView({ block: 'nearest' });
  row.querySelector('a')?.focus({ preventScroll: true });
}

// Opens the oldest case that is free (or ours), skipping the current one and
// those passed over in this tab; reviewers skip cases that wait for a senior.
export async function nextCase() {
  if (!can(WORK_ROLES)) return;
  const current = state.caseId;
  if (current !== null) state.skipped.add(current);
  await leaveCase();
  try {
    await loadQueue();
  } catch (e) {
    toast(apiMessage(e, 'De wachtrij kon niet worden geladen.'), 'error');
    return;
  }
  const me = state.me.name;
  const senior = state.me.role === 'senior' || state.me.role === 'admin';
  const free = (c) => !c.claimed_by || c.claimed_by === me || isExpired(c.claim_expires);
  const usable = state.queue.cases.filter((c) => free(c) && (senior || !c.awaiting_second));
  let pick = usable.find((c) => c.id !== current && !state.skipped.has(c.id));
  if (!pick && state.skipped.size) {
    state.skipped.clear();
    pick = usable.find((c) => c.id !== current);
  }
  if (pick) {
    go(`#/zaak/${pick.id}`);
  } else {
    state.queueNotice = 'Geen andere vrije zaken in de wachtrij.';
    go('#/');
  }
}
