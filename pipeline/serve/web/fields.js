// The field list: values (masked ones masked), live validation while typing,
// saving a correction, revealing a masked value into its input only.

import { api, apiMessage, can, state, WORK_ROLES } from './api.js';
import { caseEditable, claim, drawBoxes, fieldClass, labelsOf, reloadCase, renderCase, setFocus, showRevealedOnPages } from './case.js';
import { $, clear, h, percent, toast } from './dom.js';
import { errorText, fieldLabel, fieldReasonText, reasonClass } from './words.js';

export const CHECK_DELAY_MS = 250;

export function displayValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  return String(v);
}

export function renderFields(c, editable) {
  const list = $('fields');
  clear(list);
  state.fieldUi = [];
  const fields = c.fields ?? [];
  const doubtful = fields.filter((f) => f.doubtful).length;
  $('fields-summary').textContent = fields.length
    ? `${fields.length} · ${doubtful === 0 ? 'geen twijfel' : `${doubtful} met twijfel`}`
    : '';
  const labels = labelsOf(c);
  fields.forEach((f, i) => {
    const ui = { dirty: false, revealed: false, seq: 0, timer: 0, rects: [] };
    const id = `veld-${i}`;
    const label = fieldLabel(f);
    const checkbox = f.type === 'checkbox' || typeof f.value === 'boolean';

    const input = checkbox
      ? h('input', { type: 'checkbox', id, class: 'field-input', 'aria-describedby': `${id}-info ${id}-status` })
      : h('input', {
        type: 'text', id, class: 'field-input', autocomplete: 'off', spellcheck: 'false',
        'aria-describedby': `${id}-info ${id}-status`,
        placeholder: f.masked && f.value ? '' : 'leeg',
      });
    if (checkbox) input.checked = f.value === true;
    else input.value = displayValue(f.value); // a property, never the attribute
    if (!editable) {
      if (checkbox) input.disabled = true;
      else input.readOnly = true;
    }
    if (f.masked) input.dataset.masked = 'true';
    const empty = f.value === null || f.value === undefined || f.value === '';
    if (f.valid === false && !empty) input.setAttribute('aria-invalid', 'true');

    input.addEventListener('focus', () => {
      if (state.focus !== i) setFocus(i, { edit: false, smooth: true });
      if (!checkbox) input.select();
    });
    input.addEventListener('input', () => onFieldInput(i));

    const reveal = f.masked && f.revealable && can(WORK_ROLES)
      ? h('button', {
        type: 'button', class: 'ghost small reveal', 'aria-pressed': 'false',
        'aria-controls': id, title: 'Afgeschermde waarde tonen (v)',
        onclick: () => toggleReveal(i),
      }, 'Toon')
      : null;
    const status = h('p', { class: 'check', id: `${id}-status`, 'aria-live': 'polite' });

    const badges = [];
    if (f.required) badges.push(h('span', { class: 'badge' }, 'verplicht'));
    if (f.masked) badges.push(h('span', { class: 'badge masked', title: 'Persoonsgegeven: afgeschermd' }, 'afgeschermd'));
    if (f.review === 'double') badges.push(h('span', { class: 'badge double', title: 'Een wijziging vraagt een tweede beoordeling' }, 'vier ogen'));

    const info = [];
    if (!f.corrected) {
      for (const r of f.reasons ?? []) info.push(h('li', { class: reasonClass(r) }, fieldReasonText(r, labels)));
    }
    if (f.valid === false && !empty && (f.errors ?? []).length) {
      info.push(h('li', { class: 'error' }, (f.errors ?? []).map((e) => errorText(e, f.type)).join(', ')));
    }
    if (!f.masked && f.raw !== null && f.raw !== undefined && displayValue(f.raw) !== displayValue(f.value)) {
      info.push(h('li', { class: 'raw' }, 'gelezen: ', h('span', { class: 'mono' }, displayValue(f.raw))));
    }
    if (empty && !f.corrected) info.push(h('li', { class: 'muted' }, 'niet gevonden op de pagina'));
    else if (!empty && !f.corrected && (f.page === null || f.page === undefined || !f.bbox)) {
      info.push(h('li', { class: 'muted' }, 'plek op de pagina onbekend'));
    }
    if (f.corrected) {
      info.push(h('li', { class: 'corrected' }, f.corrected_by ? `gecorrigeerd door ${f.corrected_by}` : 'gecorrigeerd'));
    }
    if (f.second_needed) info.push(h('li', { class: 'chip second' }, 'tweede beoordeling nodig'));

    const li = h('li', {
      class: `field ${fieldClass(f)}`, tabindex: '-1', dataset: { index: i, name: f.name },
      onclick: (ev) => {
        if (ev.target === li || !(ev.target.closest('input, button'))) setFocus(i, { edit: editable && !checkbox });
      },
    },
    h('div', { class: 'field-head' },
      h('label', { for: id }, label),
      h('span', { class: 'badges' }, badges),
      h('span', {
        class: `conf${(f.reasons ?? []).some((r) => r.startsWith('low_confidence:')) ? ' low' : ''}`,
        title: 'Zekerheid van de herkenning',
      }, percent(f.confidence))),
    h('div', { class: 'field-row' }, input, reveal),
    status,
    h('ul', { class: 'field-info', id: `${id}-info` }, info));
    ui.li = li;
    ui.input = input;
    ui.status = status;
    ui.reveal = reveal;
    ui.checkbox = checkbox;
    state.fieldUi.push(ui);
    list.append(li);
  });
  if (!fields.length) {
    list.append(h('li', { class: 'empty' }, c.doctype?.id
      ? 'Dit documenttype heeft geen velden.'
      : 'Kies eerst het documenttype (t); dan worden de velden gelezen.'));
  }
  drawBoxes();
}

export function fieldValue(i) {
  const ui = state.fieldUi[i];
  if (ui.checkbox) return ui.input.checked;
  const v = ui.input.value.trim();
  return v === '' ? null : v;
}

export function onFieldInput(i) {
  const ui = state.fieldUi[i];
  ui.dirty = true;
  ui.li.classList.add('dirty');
  clearTimeout(ui.timer);
  ui.seq += 1;
  ui.status.className = 'check pending';
  ui.status.textContent = 'controleren…';
  ui.timer = setTimeout(() => checkField(i), CHECK_DELAY_MS);
}

export async function checkField(i) {
  const ui = state.fieldUi[i];
  const f = state.caseData?.fields?.[i];
  if (!ui || !f || !caseEditable()) return;
  const seq = ui.seq;
  const value = fieldValue(i);
  if (value === null) {
    ui.status.className = f.required ? 'check bad' : 'check';
    ui.status.textContent = f.required ? '✗ verplicht veld is leeg' : 'leeg: wordt gewist bij opslaan';
    return;
  }
  try {
    const { data } = await api('POST', `/api/cases/${state.caseData.id}/check`, { field: f.name, value });
    if (ui !== state.fieldUi[i] || seq !== ui.seq) return; // a newer edit
    showCheck(ui, data, f);
  } catch (e) {
    if (ui !== state.fieldUi[i] || seq !== ui.seq) return;
    if (e.status === 409 && (await recover409(e))) return checkField(i);
    ui.status.className = 'check bad';
    ui.status.textContent = apiMessage(e, 'Controle niet gelukt.');
  }
}

export function showCheck(ui, data, f) {
  const ok = Boolean(data?.valid);
  ui.status.className = `check ${ok ? 'good' : 'bad'}`;
  ui.input.setAttribute('aria-invalid', ok ? 'false' : 'true');
  if (ok) {
    ui.status.textContent = '✓ geldig · Enter om op te slaan';
  } else {
    const errs = (data?.errors ?? []).map((e) => errorText(e, f.type));
    ui.status.textContent = `✗ ongeldig${errs.length ? `: ${errs.join(', ')}` : ''}`;
  }
}

export async function saveField(i) {
  const ui = state.fieldUi[i];
  const f = state.caseData?.fields?.[i];
  if (!ui || !f || !caseEditable()) return;
  if (!ui.dirty) { // unchanged: accept it and go on
    moveFocus(+1, true);
    return;
  }
  if (state.busy) return;
  clearTimeout(ui.timer);
  ui.seq += 1;
  const value = fieldValue(i);
  state.busy = true;
  ui.status.className = 'check pending';
  ui.status.textContent = 'opslaan…';
  try {
    const { data } = await api('POST', `/api/cases/${state.caseData.id}/fields`, { field: f.name, value });
    toast(`${fieldLabel(f)} opgeslagen.`, 'ok');
    // Go on with the next field that still needs attention, else the next one.
    const fields = data?.fields ?? [];
    const after = fields.findIndex((g, j) => j > i && g.doubtful);
    const nextName = fields[after >= 0 ? after : Math.min(i + 1, fields.length - 1)]?.name;
    renderCase(data, { focusName: nextName });
  } catch (e) {
    if (e.status === 422) {
      showCheck(ui, { valid: false, errors: e.body?.errors ?? [] }, f);
      toast(`${fieldLabel(f)} is niet opgeslagen: de waarde is ongeldig.`, 'error');
    } else if (e.status === 409 && (await recover409(e))) {
      state.busy = false;
      return saveField(i);
    } else {
      ui.status.className = 'check bad';
      ui.status.textContent = apiMessage(e, 'Opslaan niet gelukt.');
    }
  } finally {
    state.busy = false;
  }
}

// Undo an edit: back to the value as it was (masked again for a masked field).
export function revertField(i) {
  const ui = state.fieldUi[i];
  const f = state.caseData?.fields?.[i];
  if (!ui || !f) return;
  clearTimeout(ui.timer);
  ui.seq += 1;
  if (ui.checkbox) ui.input.checked = f.value === true;
  else ui.input.value = displayValue(f.value);
  if (ui.revealed) setRevealed(ui, false);
  ui.dirty = false;
  ui.li.classList.remove('dirty');
  ui.status.className = 'check';
  ui.status.textContent = '';
  ui.input.setAttribute('aria-invalid', f.valid === false ? 'true' : 'false');
}

export function setRevealed(ui, on) {
  ui.revealed = on;
  ui.li.classList.toggle('revealed', on);
  if (ui.reveal) {
    ui.reveal.textContent = on ? 'Verberg' : 'Toon';
    ui.reveal.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  showRevealedOnPages();
}

export async function toggleReveal(i) {
  const ui = state.fieldUi[i];
  const f = state.caseData?.fields?.[i];
  if (!ui || !f || !f.masked || !ui.reveal) return;
  if (ui.revealed) {
    revertField(i);
    return;
  }
  if (!caseEditable()) return;
  try {
    const { data } = await api('POST', `/api/cases/${state.caseData.id}/reveal`, { field: f.name });
    if (ui !== state.fieldUi[i]) return;
    // The clear value goes into the input and nowhere else.
    const clearValue = data?.value ?? data?.raw ?? null;
    if (ui.checkbox) ui.input.checked = clearValue === true;
    else ui.input.value = displayValue(clearValue);
    ui.dirty = false;
    setRevealed(ui, true);
    ui.status.className = 'check';
    ui.status.textContent = 'getoond (vastgelegd in het auditlog)';
    ui.input.focus();
    ui.input.select();
  } catch (e) {
    if (e.status === 409 && (await recover409(e))) return toggleReveal(i);
    toast(apiMessage(e, 'De waarde kan niet worden getoond.'), 'error');
  }
}

// Empties every shown clear value (before a re-render or leaving the case).
export function hideFieldValues() {
  for (const ui of state.fieldUi) {
    if (ui.revealed && !ui.checkbox) ui.input.value = '';
    ui.revealed = false;
    clearTimeout(ui.timer);
  }
}

export function moveFocus(delta, edit) {
  if (!state.fieldUi.length) return;
  const i = state.focus < 0 ? 0 : state.focus + delta;
  setFocus(Math.max(0, Math.min(state.fieldUi.length - 1, i)), { edit, smooth: true });
}

// After a 409 on an action: true when the action may be tried once more.
// The claim may have expired (15 minutes): take the case again if it is still
// free. Someone else may hold it now, or the case may have changed meanwhile:
// then say so and show the case as it is.
let lastRecovery = 0;
export async function recover409(e) {
  const id = state.caseData?.id;
  if (id === undefined || id === null) return false;
  const code = e.body?.error;
  if (code === 'not_claimed' && Date.now() - lastRecovery > 3000) {
    lastRecovery = Date.now();
    state.holding = null;
    try {
      await claim(id);
      return true;
    } catch (e2) {
      e = e2;
    }
  }
  if (e.body?.error === 'claimed' || e.body?.claimed_by) {
    state.holding = null;
    const who = e.body?.claimed_by;
    toast(who ? `Deze zaak is nu in behandeling bij ${who}.` : apiMessage(e, 'U heeft deze zaak niet meer in behandeling.'), 'error');
    document.body.classList.add('readonly');
    for (const ui of state.fieldUi) ui.input.readOnly = true;
    return false;
  }
  toast(apiMessage(e, 'De zaak is intussen gewijzigd.'), 'error');
  await reloadCase();
  return false;
}
