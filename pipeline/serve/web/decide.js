// Decisions on a case: approve (archive, or wait for a second approval),
// reject with a reason, change the document type.

import { api, apiMessage, state } from './api.js';
import { caseEditable, labelsOf, renderCase, setFocus } from './case.js';
import { $, toast } from './dom.js';
import { hideFieldValues, recover409 } from './fields.js';
import { nextCase } from './queue.js';
import { fieldLabel, humanField } from './words.js';

export const NEXT_CASE_DELAY_MS = 1200;

export function dirtyField() {
  return state.fieldUi.findIndex((ui) => ui.dirty);
}

export async function approve() {
  const c = state.caseData;
  if (!c || !caseEditable() || state.busy) return;
  const d = dirtyField();
  if (d >= 0) {
    const f = c.fields[d];
    toast(`${fieldLabel(f)} is gewijzigd maar niet opgeslagen: Enter slaat op, Esc maakt ongedaan.`, 'error');
    setFocus(d, { edit: true });
    return;
  }
  state.busy = true;
  try {
    const res = await api('POST', `/api/cases/${c.id}/approve`);
    hideFieldValues();
    if (res.status === 202 || res.data?.state === 'awaiting_second') {
      showResult('Opgeslagen. Dit document wacht op tweede beoordeling door een senior beoordelaar.', 'info');
    } else {
      showResult('Goedgekeurd. Het document is gearchiveerd.', 'ok');
    }
    state.holding = null; // the decision ends the claim
    setTimeout(() => { if (state.caseId === c.id) nextCase(); }, NEXT_CASE_DELAY_MS);
  } catch (e) {
    if (e.status === 422) {
      const names = (e.body?.fields ?? []).map((x) => (typeof x === 'string' ? x : x.name ?? x.field));
      const labels = labelsOf(c);
      const list = names.map((n) => humanField(n, labels)).join(', ');
      toast(list ? `Nog niet klaar: ${list} ontbreekt of is ongeldig.` : apiMessage(e, 'Nog niet klaar om goed te keuren.'), 'error');
      const first = c.fields.findIndex((f) => names.includes(f.name));
      if (first >= 0) setFocus(first, { edit: true });
      else if (!c.doctype?.id) $('case-doctype').focus();
    } else if (e.status === 409 && (await recover409(e))) {
      state.busy = false;
      return approve();
    } else {
      toast(apiMessage(e, 'Goedkeuren is niet gelukt.'), 'error');
    }
  } finally {
    state.busy = false;
  }
}

export function showResult(text, kind) {
  $('toast').hidden = true;
  const el = $('case-result');
  el.className = `result ${kind}`;
  el.textContent = text;
  el.hidden = false;
  document.body.classList.add('readonly');
  for (const b of ['btn-approve', 'btn-reject']) $(b).disabled = true;
  for (const ui of state.fieldUi) ui.input.disabled = true;
}

export function openReject() {
  if (!caseEditable() || state.busy) return;
  const dlg = $('dlg-reject');
  $('reject-reason').value = '';
  dlg.showModal();
  $('reject-reason').focus();
}

export async function submitReject(ev) {
  ev.preventDefault();
  const reason = $('reject-reason').value.trim();
  if (!reason) {
    $('reject-reason').reportValidity();
    return;
  }
  const c = state.caseData;
  $('dlg-reject').close();
  if (!c) return;
  state.busy = true;
  try {
    await api('POST', `/api/cases/${c.id}/reject`, { reason });
    hideFieldValues();
    showResult('Afgewezen. Het document gaat niet naar het archief.', 'info');
    state.holding = null;
    setTimeout(() => { if (state.caseId === c.id) nextCase(); }, NEXT_CASE_DELAY_MS);
  } catch (e) {
    if (e.status === 409 && (await recover409(e))) {
      state.busy = false;
      try {
        await api('POST', `/api/cases/${c.id}/reject`, { reason });
        showResult('Afgewezen. Het document gaat niet naar het archief.', 'info');
        state.holding = null;
        setTimeout(() => { if (state.caseId === c.id) nextCase(); }, NEXT_CASE_DELAY_MS);
      } catch (e2) {
        toast(apiMessage(e2, 'Afwijzen is niet gelukt.'), 'error');
      }
    } else {
      toast(apiMessage(e, 'Afwijzen is niet gelukt.'), 'error');
    }
  } finally {
    state.busy = false;
  }
}

export async function changeDoctype() {
  const c = state.caseData;
  const sel = $('case-doctype');
  if (!c || !caseEditable()) return;
  const to = sel.value;
  const old = c.doctype?.id ?? '';
  if (!to || to === old) return;
  const name = sel.options[sel.selectedIndex]?.textContent ?? to;
  if (!window.confirm(`Documenttype wijzigen in "${name}"? De velden worden opnieuw gelezen; correcties vervallen.`)) {
    sel.value = old;
    return;
  }
  try {
    const { data } = await api('POST', `/api/cases/${c.id}/doctype`, { doctype: to });
    toast(`Documenttype is nu ${name}.`, 'ok');
    renderCase(data, { initial: true });
  } catch (e) {
    sel.value = old;
    toast(apiMessage(e, 'Het documenttype kon niet worden gewijzigd.'), 'error');
  }
}
