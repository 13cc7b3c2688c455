// DOM helpers for the review screen: building elements (never innerHTML,
// never inline style: the CSP forbids it), times, messages, scrolling.

import { state } from './api.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'rect', 'title', 'g']);

export const $ = (id) => document.getElementById(id);

// Builds an element. Attributes only; never innerHTML, never inline style.
export function h(tag, attrs, ...children) {
  const el = SVG_TAGS.has(tag) ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export function clear(el) { el.replaceChildren(); }

export const reduceMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// A time from the API: ISO 8601 text, or Unix seconds (0 or empty: none).
export function parseTime(s) {
  if (s === null || s === undefined || s === '' || s === 0) return null;
  const n = typeof s === 'number' ? s : (/^\d+$/.test(String(s)) ? Number(s) : NaN);
  const d = Number.isNaN(n) ? new Date(String(s).replace(' ', 'T')) : new Date(n < 1e12 ? n * 1000 : n);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatTime(s) {
  const d = parseTime(s);
  if (!d) return s ? String(s) : '';
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? `vandaag ${d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })}`
    : d.toLocaleString('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatClock(s) {
  const d = parseTime(s);
  return d ? d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' }) : '';
}

// True when the time has passed (a claim without an expiry never expires here).
export function isExpired(s) {
  const d = parseTime(s);
  return d !== null && d.getTime() < Date.now();
}

export function percent(c) {
  return typeof c === 'number' && c > 0 ? `${Math.round(c * 100)}%` : '—';
}

let toastTimer = 0;
export function toast(text, kind = 'info') {
  const el = $('toast');
  el.textContent = text;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, kind === 'error' ? 7000 : 3500);
}

// Scrolls one pane only (two smooth scrollIntoView calls would cancel each other).
export function scrollIntoPane(pane, el, block, smooth) {
  const scroller = pane.id === 'fields' ? pane.closest('.fields-pane') : pane;
  if (!scroller || !el) return;
  const pr = scroller.getBoundingClientRect();
  const er = el.getBoundingClientRect();
  let top = scroller.scrollTop;
  let left = scroller.scrollLeft;
  if (block === 'center') {
    top += er.top - pr.top - (pr.height - er.height) / 2;
    if (er.left < pr.left || er.right > pr.right) left += er.left - pr.left - (pr.width - er.width) / 2;
  } else {
    const margin = 8;
    if (er.top < pr.top + margin) top += er.top - pr.top - margin;
    else if (er.bottom > pr.bottom - margin) top += er.bottom - pr.bottom + margin;
    else return;
  }
  scroller.scrollTo({ top, left, behavior: smooth && !reduceMotion() ? 'smooth' : 'auto' });
}

// Shows one of the views (queue, case, audit) and hides the others.
export function showView(name) {
  state.view = name;
  $('loading').hidden = true;
  for (const v of ['queue', 'case', 'audit']) $(`view-${v}`).hidden = v !== name;
  $('nav-queue').classList.toggle('active', name === 'queue' || name === 'case');
  $('nav-audit').classList.toggle('active', name === 'audit');
  document.body.dataset.view = name;
}

// Navigates; the same address again still re-runs its route.
export function go(hash) {
  if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}
