// One case: claim and release, the page images with a box per field, the
// focused field. The field list itself is in fields.js.

import { api, apiMessage, can, state, WORK_ROLES } from './api.js';
import { $, clear, go, h, percent, scrollIntoPane, showView } from './dom.js';
import { hideFieldValues, renderFields } from './fields.js';
import { fieldLabel, reasonClass, reasonText, stateText } from './words.js';

export const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 3];

export async function claim(id) {
  await api('POST', `/api/cases/${id}/claim`);
  state.holding = id;
}

export async function release(id) {
  if (state.holding !== id) return;
  state.holding = null;
  try { await api('POST', `/api/cases/${id}/release`); } catch { /* the claim expires anyway */ }
}

export async function leaveCase() {
  const id = state.caseId;
  if (id === null) return;
  hideFieldValues();
  state.caseId = null;
  state.caseData = null;
  state.fieldUi = [];
  state.pagesKey = '';
  clear($('pages'));
  clear($('fields'));
  await release(id);
}

export async function openCase(id) {
  if (state.caseId !== null && state.caseId !== id) await leaveCase();
  $('case-result').hidden = true;
  const mayWork = can(WORK_ROLES);
  if (mayWork && state.holding !== id) {
    try {
      await claim(id);
    } catch (e) {
      state.caseId = null;
      if (e.status === 409) {
        const c = state.queue.cases.find((x) => x.id === id);
        const who = e.body?.claimed_by ?? c?.claimed_by;
        state.queueNotice = who
          ? `Zaak ${id} is in behandeling bij ${who}. Kies een andere zaak.`
          : (e.body?.message ?? `Zaak ${id} is in behandeling bij een collega. Kies een andere zaak.`);
      } else if (e.status === 404) {
        state.queueNotice = `Zaak ${id} bestaat niet of is al afgehandeld.`;
      } else {
        state.queueNotice = apiMessage(e, `Zaak ${id} kon niet worden geopend.`);
      }
      go('#/');
      return;
    }
  }
  let data;
  try {
    ({ data } = await api('GET', `/api/cases/${id}`));
  } catch (e) {
    await release(id);
    state.queueNotice = e.status === 404
      ? `Zaak ${id} bestaat niet of is al afgehandeld.`
      : apiMessage(e, `Zaak ${id} kon niet worden geopend.`);
    go('#/');
    return;
  }
  state.caseId = id;
  showView('case');
  renderCase(data, { initial: true });
}

const CLOSED = new Set(['approved', 'rejected', 'archived', 'closed']);

// Shows the case as the server has it now (after a conflict).
export async function reloadCase() {
  const id = state.caseData?.id;
  if (id === undefined || id === null) return;
  try {
    const { data } = await api('GET', `/api/cases/${id}`);
    if (state.caseData?.id === id) renderCase(data);
  } catch { /* keep what is on screen */ }
}

export function caseEditable() {
  const c = state.caseData;
  return Boolean(c) && can(WORK_ROLES) && !CLOSED.has(c.state) && state.holding === c.id;
}

export function labelsOf(c) {
  const labels = {};
  for (const f of c?.fields ?? []) labels[f.name] = fieldLabel(f);
  return labels;
}

export function renderCase(c, { initial = false, focusName = null } = {}) {
  hideFieldValues();
  state.caseData = c;
  const labels = labelsOf(c);
  const editable = caseEditable();
  document.body.classList.toggle('readonly', !editable);
  document.title = `Zaak ${c.id} · Scanstraat`;

  $('case-title').textContent = `Zaak ${c.id}`;
  $('case-doc').textContent = c.doc ? `document ${c.doc}` : '';
  const chips = $('case-reasons');
  clear(chips);
  // A reason whose field has been corrected is shown as dealt with.
  const corrected = new Set((c.fields ?? []).filter((f) => f.corrected).map((f) => f.name));
  for (const r of c.reasons ?? []) {
    const resolved = corrected.has(String(r).slice(String(r).indexOf(':') + 1));
    chips.append(h('li', {
      class: `${reasonClass(r)}${resolved ? ' resolved' : ''}`,
      title: resolved ? 'Gecorrigeerd' : null,
    }, reasonText(r, labels)));
  }

  // Document type.
  const sel = $('case-doctype');
  clear(sel);
  const current = c.doctype?.id ?? '';
  if (!current || !(c.doctypes ?? []).some((d) => d.id === current)) {
    sel.append(h('option', { value: current }, current ? (c.doctype?.name ?? current) : '— onbekend —'));
  }
  for (const d of c.doctypes ?? []) sel.append(h('option', { value: d.id }, d.name ?? d.id));
  sel.value = current;
  sel.disabled = !editable;
  sel.title = c.doctype?.confidence ? `Herkend met zekerheid ${percent(c.doctype.confidence)}` : 'Niet herkend';

  // Actions.
  const senior = state.me.role === 'senior' || state.me.role === 'admin';
  $('btn-approve').hidden = !can(WORK_ROLES);
  $('btn-reject').hidden = !can(WORK_ROLES);
  $('btn-next').hidden = !can(WORK_ROLES);
  $('btn-approve').disabled = !editable;
  $('btn-reject').disabled = !editable;
  $('btn-approve').firstChild.textContent = c.awaiting_second && senior ? 'Tweede goedkeuring ' : 'Goedkeuren ';

  // Banner: errors, four eyes, read-only.
  const notes = [];
  if (c.error) notes.push(typeof c.error === 'string' ? `Verwerkingsfout: ${c.error}` : `Verwerkingsfout: ${c.error.message ?? c.error.code ?? ''}`);
  if (c.awaiting_second) {
    notes.push(senior
      ? 'Een collega heeft een vier-ogen-veld gewijzigd. Controleer het en geef de tweede goedkeuring.'
      : 'Wacht op tweede beoordeling door een senior beoordelaar.');
  }
  if (CLOSED.has(c.state)) notes.push(`Deze zaak is ${stateText(c.state)}; u kunt niets meer wijzigen.`);
  else if (!can(WORK_ROLES)) notes.push('Alleen lezen: uw rol mag geen zaken afhandelen en ziet geen afgeschermde gegevens.');
  else if (state.holding !== c.id) notes.push('Alleen lezen: u heeft deze zaak niet in behandeling.');
  const banner = $('case-banner');
  banner.textContent = notes.join(' ');
  banner.hidden = notes.length === 0;

  const before = state.focus;
  state.focus = -1;
  renderPages(c);
  renderFields(c, editable);

  // Focus: the named field, else the first doubtful one, else the first.
  const fields = c.fields ?? [];
  let idx = focusName ? fields.findIndex((f) => f.name === focusName) : -1;
  if (idx < 0 && !initial && before >= 0 && before < fields.length) idx = before;
  if (idx < 0 && c.awaiting_second) idx = fields.findIndex((f) => f.second_needed);
  if (idx < 0) idx = fields.findIndex((f) => f.doubtful);
  if (idx < 0) idx = fields.length ? 0 : -1;
  if (idx >= 0) setFocus(idx, { edit: editable, smooth: false });
}

// Page images, each with an SVG layer in bbox coordinates on top.
export function renderPages(c) {
  const pages = c.pages ?? [];
  const key = `${c.id}|${pages.map((p) => `${p.url}@${p.width}x${p.height}x${p.scale}`).join(',')}`;
  const container = $('pages');
  if (key !== state.pagesKey) {
    state.pagesKey = key;
    clear(container);
    $('pages-pane').scrollTo(0, 0);
    pages.forEach((p) => {
      const scale = Number(p.scale) || 1;
      const svg = h('svg', {
        class: 'boxes', viewBox: `0 0 ${p.width * scale} ${p.height * scale}`,
        preserveAspectRatio: 'none', 'aria-hidden': 'true',
      });
      const img = h('img', {
        src: p.url, alt: `Pagina ${p.page} van ${pages.length}`,
        width: p.width, height: p.height, decoding: 'async',
      });
      img.addEventListener('load', () => {
        // bbox = image pixels × scale, whatever size the image really is.
        if (img.naturalWidth && img.naturalWidth !== p.width) {
          svg.setAttribute('viewBox', `0 0 ${img.naturalWidth * scale} ${img.naturalHeight * scale}`);
        }
      });
      img.addEventListener('error', () => {
        frame.classList.add('broken');
        frame.append(h('p', { class: 'img-error' }, `Pagina ${p.page} kon niet worden geladen.`));
      });
      const frame = h('div', { class: 'page-frame' }, img, svg);
      container.append(h('figure', { class: 'page', dataset: { page: p.page } },
        h('figcaption', {}, pages.length > 1 ? `Pagina ${p.page} van ${pages.length}` : 'Pagina 1'),
        frame));
    });
    if (!pages.length) container.append(h('p', { class: 'empty' }, 'Geen pagina-afbeelding beschikbaar.'));
  }
  applyZoom();
  // Boxes are redrawn every time: values and doubts change.
  for (const svg of container.querySelectorAll('svg.boxes')) clear(svg);
  showRevealedOnPages(); // nothing is revealed after a re-render
}

// The server blacks out masked fields in the page image; a revealed field is
// shown there too (?reveal=field names, audited by the server), and hidden again
// with its value.
export function showRevealedOnPages() {
  const c = state.caseData;
  if (!c) return;
  const byPage = new Map();
  state.fieldUi.forEach((ui, i) => {
    const f = c.fields?.[i];
    if (!ui.revealed || !f || f.page === null || f.page === undefined) return;
    const list = byPage.get(Number(f.page)) ?? [];
    list.push(f.name);
    byPage.set(Number(f.page), list);
  });
  for (const p of c.pages ?? []) {
    const img = $('pages').querySelector(`figure.page[data-page="${Number(p.page)}"] img`);
    if (!img) continue;
    const names = byPage.get(Number(p.page)) ?? [];
    const src = names.length ? `${p.url}?reveal=${names.map(encodeURIComponent).join(',')}` : p.url;
    if (img.getAttribute('src') !== src) img.setAttribute('src', src);
  }
}

export function applyZoom() {
  $('pages').style.setProperty('--zoom', String(state.zoom));
  $('zoom-level').textContent = `${Math.round(state.zoom * 100)}%`;
}

export function zoom(dir) {
  const i = ZOOMS.indexOf(state.zoom);
  const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? 1 : i) + dir))];
  if (next === state.zoom) return;
  state.zoom = next;
  applyZoom();
  if (state.focus >= 0) scrollBoxIntoView(state.focus, false);
}

export function fieldClass(f) {
  if (f.valid === false && f.value !== null && f.value !== undefined) return 'invalid';
  if (f.doubtful) return 'doubtful';
  return 'sure';
}

export function drawBoxes() {
  const c = state.caseData;
  if (!c) return;
  const svgs = new Map();
  for (const fig of $('pages').querySelectorAll('figure.page')) {
    svgs.set(Number(fig.dataset.page), fig.querySelector('svg.boxes'));
  }
  for (const svg of svgs.values()) clear(svg);
  (c.fields ?? []).forEach((f, i) => {
    const ui = state.fieldUi[i];
    if (!ui) return;
    ui.rects = [];
    const svg = svgs.get(Number(f.page));
    if (!svg || !Array.isArray(f.bbox) || f.bbox.length !== 4) return;
    const page = (c.pages ?? []).find((p) => Number(p.page) === Number(f.page));
    const pad = 4 * (Number(page?.scale) || 1);
    const [x0, y0, x1, y1] = f.bbox.map(Number);
    const rect = h('rect', {
      class: `box ${fieldClass(f)}${i === state.focus ? ' focused' : ''}`,
      x: x0 - pad, y: y0 - pad, width: Math.max(1, x1 - x0 + 2 * pad), height: Math.max(1, y1 - y0 + 2 * pad),
      rx: pad, dataset: { index: i },
    }, h('title', {}, fieldLabel(f)));
    rect.addEventListener('click', () => setFocus(i, { edit: caseEditable() }));
    svg.append(rect);
    ui.rects.push(rect);
  });
}

export function setFocus(i, { edit = false, smooth = true } = {}) {
  const n = state.fieldUi.length;
  if (!n) return;
  i = Math.max(0, Math.min(n - 1, i));
  const prev = state.fieldUi[state.focus];
  if (prev) {
    prev.li.classList.remove('focused');
    for (const r of prev.rects) r.classList.remove('focused');
  }
  state.focus = i;
  const ui = state.fieldUi[i];
  ui.li.classList.add('focused');
  for (const r of ui.rects) {
    r.classList.add('focused');
    r.parentNode.append(r); // draw on top
  }
  scrollIntoPane($('fields'), ui.li, 'nearest', false);
  scrollBoxIntoView(i, smooth);
  if (edit && document.activeElement !== ui.input) {
    ui.input.focus({ preventScroll: true });
  } else if (!edit && document.activeElement?.classList?.contains('field-input') && document.activeElement !== ui.input) {
    ui.li.focus({ preventScroll: true });
  }
}

export function scrollBoxIntoView(i, smooth) {
  const rect = state.fieldUi[i]?.rects[0];
  if (rect) scrollIntoPane($('pages-pane'), rect, 'center', smooth);
}
