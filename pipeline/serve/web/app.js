// Scanstraat review screen: the queue, one case (page images with a box per
// field, the fields beside them), and the audit log. Plain ES module, no build
// step; talks to the JSON API in pipeline/serve/API.md.
//
// Personal data: masked fields arrive masked. A clear value (POST reveal) is
// only ever put into that field's <input> property `value` while shown; it is
// never kept in a variable, an attribute, the DOM text or storage.

import { api, apiMessage, AUDIT_ROLES, can, loadMe, QUEUE_ROLES, state } from './api.js';
import { showAudit } from './audit.js';
import { caseEditable, leaveCase, openCase, setFocus, zoom } from './case.js';
import { approve, changeDoctype, openReject, submitReject } from './decide.js';
import { $, go, showView } from './dom.js';
import { moveFocus, revertField, saveField, toggleReveal } from './fields.js';
import { loadQueue, nextCase, renderQueue, selectRow, showQueue } from './queue.js';
import { ROLE_NAMES } from './words.js';

async function route() {
  const hash = window.location.hash || '#/';
  const m = hash.match(/^#\/zaak\/(\d+)$/);
  if (m && can(QUEUE_ROLES)) {
    await openCase(Number(m[1]));
    return;
  }
  await leaveCase();
  if (hash === '#/audit' && can(AUDIT_ROLES)) {
    await showAudit();
  } else if (can(QUEUE_ROLES)) {
    if (hash !== '#/') history.replaceState(null, '', '#/');
    await showQueue();
  } else if (can(AUDIT_ROLES)) {
    if (hash !== '#/audit') history.replaceState(null, '', '#/audit');
    await showAudit();
  } else {
    showView('queue');
    $('queue-notice').textContent = 'Uw rol heeft hier geen toegang toe.';
    $('queue-notice').hidden = false;
  }
}

function isTyping(el) {
  return el instanceof HTMLElement
    && (el.isContentEditable || el.matches('input:not([type=checkbox]):not([type=button]), textarea, select'));
}

function onKey(e) {
  if (document.querySelector('dialog[open]')) return; // dialogs handle their own keys
  if (e.defaultPrevented || e.isComposing) return;
  const t = e.target;
  const typing = isTyping(t);
  const inField = t instanceof HTMLElement && t.classList.contains('field-input');
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey;

  if (e.key === '?' && !typing) {
    e.preventDefault();
    $('dlg-keys').showModal();
    return;
  }

  if (state.view === 'case') {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      approve();
      return;
    }
    if (inField) {
      const i = Number(t.closest('li.field')?.dataset.index ?? state.focus);
      const last = state.fieldUi.length - 1;
      // Tab past the first or last field leaves the list as usual.
      if (e.key === 'Tab' && ((e.shiftKey && i <= 0) || (!e.shiftKey && i >= last))) return;
      if ((e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)) && plain) {
        e.preventDefault();
        moveFocus(+1, true);
      } else if ((e.key === 'ArrowUp' || (e.key === 'Tab' && e.shiftKey)) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        moveFocus(-1, true);
      } else if (e.key === 'Enter' && plain) {
        e.preventDefault();
        saveField(i);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        revertField(i);
        state.fieldUi[i]?.li.focus({ preventScroll: true });
      } else if (e.altKey && (e.key === 'v' || e.code === 'KeyV')) {
        e.preventDefault();
        toggleReveal(i);
      }
      return;
    }
    if (typing || !plain) return;
    switch (e.key) {
      case 'j': case 'ArrowDown': e.preventDefault(); moveFocus(+1, false); break;
      case 'k': case 'ArrowUp': e.preventDefault(); moveFocus(-1, false); break;
      case 'Enter': case 'e':
        if (t instanceof HTMLButtonElement || t instanceof HTMLAnchorElement) return;
        e.preventDefault();
        if (state.focus >= 0 && caseEditable()) setFocus(state.focus, { edit: true });
        break;
      case 'a': e.preventDefault(); approve(); break;
      case 'r': e.preventDefault(); openReject(); break;
      case 'n': e.preventDefault(); nextCase(); break;
      case 't': e.preventDefault(); if (!$('case-doctype').disabled) $('case-doctype').focus(); break;
      case 'v': e.preventDefault(); if (state.focus >= 0) toggleReveal(state.focus); break;
      case '+': case '=': e.preventDefault(); zoom(+1); break;
      case '-': e.preventDefault(); zoom(-1); break;
      case 'Escape': e.preventDefault(); go('#/'); break;
      default: break;
    }
    return;
  }

  if (state.view === 'queue' && !typing && plain) {
    switch (e.key) {
      case 'j': case 'ArrowDown': e.preventDefault(); selectRow(+1); break;
      case 'k': case 'ArrowUp': e.preventDefault(); selectRow(-1); break;
      case 'Enter': {
        if (t instanceof HTMLButtonElement || t instanceof HTMLAnchorElement) return;
        const row = $('queue-body').rows[state.selectedRow];
        if (row) { e.preventDefault(); go(`#/zaak/${row.dataset.id}`); }
        break;
      }
      case 'n': e.preventDefault(); nextCase(); break;
      default: break;
    }
  }
}

// ---------------------------------------------------------------- start

async function logout() {
  try { await leaveCase(); } catch { /* ignore */ }
  try { await api('POST', '/api/logout'); } catch { /* ignore */ }
  window.location.assign('/login?uitgelogd');
}

function wire() {
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', () => { route(); });
  $('btn-logout').addEventListener('click', logout);
  $('btn-keys').addEventListener('click', () => $('dlg-keys').showModal());
  $('filter-type').addEventListener('change', (e) => { state.filters.type = e.target.value; state.selectedRow = 0; showQueue(); });
  $('filter-reason').addEventListener('change', (e) => { state.filters.reason = e.target.value; state.selectedRow = 0; showQueue(); });
  $('btn-refresh').addEventListener('click', () => showQueue());
  $('btn-take').addEventListener('click', () => nextCase());
  $('btn-approve').addEventListener('click', () => approve());
  $('btn-reject').addEventListener('click', () => openReject());
  $('btn-next').addEventListener('click', () => nextCase());
  $('btn-zoom-in').addEventListener('click', () => zoom(+1));
  $('btn-zoom-out').addEventListener('click', () => zoom(-1));
  $('case-doctype').addEventListener('change', () => changeDoctype());
  $('reject-form').addEventListener('submit', submitReject);
  $('reject-cancel').addEventListener('click', () => $('dlg-reject').close());
  $('reject-reason').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { // a short reason: Enter sends, Shift+Enter a new line
      e.preventDefault();
      $('reject-form').requestSubmit();
    }
  });
  $('btn-audit-refresh').addEventListener('click', () => showAudit(false));
  $('btn-audit-more').addEventListener('click', () => showAudit(true));
  // Give the claim back when the tab closes (keepalive can carry the CSRF header).
  window.addEventListener('pagehide', () => {
    if (state.holding === null) return;
    fetch(`/api/cases/${state.holding}/release`, {
      method: 'POST', keepalive: true, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': state.me?.csrf ?? '' },
    }).catch(() => {});
  });
  // Keep the queue current while it is on screen.
  setInterval(() => {
    if (state.view === 'queue' && document.visibilityState === 'visible' && !document.querySelector('dialog[open]')) {
      loadQueue().then(renderQueue).catch(() => {});
    }
  }, 30000);
}

async function start() {
  wire();
  try {
    await loadMe();
  } catch (e) {
    if (e.status !== 401) {
      $('loading').textContent = apiMessage(e, 'De server is niet bereikbaar. Probeer het later opnieuw.');
    }
    return;
  }
  $('user-name').textContent = state.me.name;
  $('user-role').textContent = ROLE_NAMES[state.me.role] ?? state.me.role;
  $('nav-queue').hidden = !can(QUEUE_ROLES);
  $('nav-audit').hidden = !can(AUDIT_ROLES);
  await route();
}

start();
