#!/usr/bin/env node
// End-to-end test of the review screen in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core): log in, open the first case
// in the queue, correct its field(s), approve, and see the case leave the
// queue. Saves a screenshot of the case screen with its boxes drawn.
//
// Usage: node review_e2e.mjs [SCREENSHOT.png]
// Environment:
//   SCANSTRAAT_URL      base URL of `scanstraat serve` (required)
//   REVIEW_USER         account name (default anna)
//   REVIEW_PASSWORD     its password (default secret-pass-1)
//   REVIEW_FIXES        JSON object field → corrected value, e.g. {"geboortedatum":"28-02-1984"};
//                       masked fields among them are revealed first
//   REVIEW_SECRETS      JSON array of clear personal-data values that must not appear in any
//                       page HTML or API response before they are revealed
//   SCREENSHOT          where to save the case screenshot (or the first argument)
//   SCREENSHOT_QUEUE    optional: also save the queue
//   CHROMIUM            browser binary (default /usr/bin/chromium)
// Prints one JSON line: {"case", "doc", "approve": {status, body}, "next_case"}.
// Exits non-zero with a message on the first failed expectation.
import { chromium } from 'playwright-core';

const base = (process.env.SCANSTRAAT_URL ?? '').replace(/\/$/, '');
const user = process.env.REVIEW_USER ?? 'anna';
const password = process.env.REVIEW_PASSWORD ?? 'secret-pass-1';
const fixes = JSON.parse(process.env.REVIEW_FIXES ?? '{}');
const secrets = JSON.parse(process.env.REVIEW_SECRETS ?? '[]').map(String).filter(Boolean);
const screenshot = process.argv[2] ?? process.env.SCREENSHOT ?? '';
const screenshotQueue = process.env.SCREENSHOT_QUEUE ?? '';
const TIMEOUT = 20000;

function check(cond, message) {
  if (!cond) throw new Error(message);
}

if (!base) {
  console.error('review_e2e: set SCANSTRAAT_URL (e.g. http://127.0.0.1:8080)');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const problems = [];   // console errors, page errors, CSP violations
const bodies = [];     // [{url, text, revealed}] of every API response
const revealedFields = new Set();
let exitCode = 0;

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A refused request (401, 409 …) is logged by the browser; the screen handles those.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', async (r) => {
    const url = r.url();
    if (!url.startsWith(`${base}/api/`) || url.includes('/pages/')) return;
    const revealed = url.endsWith('/reveal');
    try { bodies.push({ url, text: await r.text(), revealed }); } catch { /* redirected or gone */ }
  });
  const leaks = (html, where) => {
    for (const s of secrets) check(!html.includes(s), `clear personal data (${s.length} chars) found in ${where}`);
  };

  // Without a session everything leads to the login page.
  const first = await page.goto(`${base}/`);
  check(new URL(page.url()).pathname === '/login', `/ without a session went to ${page.url()}`);
  check(first.ok(), `login page answered ${first.status()}`);
  const csp = (await first.allHeaders())['content-security-policy'] ?? '';
  check(csp.includes("default-src 'self'"), `login page CSP is "${csp}"`);

  // A wrong password: back to the form with a message, never the name in the address.
  await page.fill('#name', user);
  await page.fill('#password', 'wrong-password');
  await Promise.all([page.waitForURL(/\/login\?fout=/), page.click('button[type=submit]')]);
  check(!page.url().includes(user), 'the name appears in the address after a failed login');
  await page.locator('#fout-1').waitFor({ state: 'visible' });

  // Log in.
  await page.fill('#name', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  const cookie = (await context.cookies()).find((c) => c.name === 'ss_session');
  check(cookie, 'no ss_session cookie after login');
  check(cookie.httpOnly, 'ss_session is not HttpOnly');
  check(cookie.sameSite === 'Strict', `ss_session SameSite=${cookie.sameSite}`);

  // The queue.
  await page.locator('#queue-body tr').first().waitFor();
  check(await page.locator('#user-name').textContent() === user, 'user name not shown');
  leaks(await page.content(), 'the queue page');
  if (screenshotQueue) await page.screenshot({ path: screenshotQueue });
  const firstRow = page.locator('#queue-body tr').first();
  const caseId = Number(await firstRow.getAttribute('data-id'));
  check(caseId > 0, 'first queue row has no case id');

  // Open it: claim, then the case.
  const claimed = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/claim`));
  const loaded = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}`) && r.request().method() === 'GET');
  await firstRow.locator('a').click();
  check((await claimed).ok(), `claim answered ${(await claimed).status()}`);
  const caseJson = await (await loaded).json();
  await page.waitForURL(new RegExp(`#/zaak/${caseId}$`));
  await page.locator('#fields li.field').first().waitFor();
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('#pages img')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
  const boxes = await page.locator('#pages svg.boxes rect.box').count();
  const located = caseJson.fields.filter((f) => Array.isArray(f.bbox) && f.page).length;
  check(boxes === located, `${boxes} boxes drawn for ${located} located fields`);
  const doubtfulLocated = caseJson.fields.filter((f) => f.doubtful && Array.isArray(f.bbox) && f.page).length;
  check(await page.locator('#pages rect.box.doubtful, #pages rect.box.invalid').count() === doubtfulLocated,
    `${doubtfulLocated} doubtful fields on the page, not all marked`);
  check(await page.locator('#pages rect.box.focused').count() <= 1, 'more than one focused box');

  // Masked values: masked in the inputs, and no clear value anywhere yet.
  for (const f of caseJson.fields.filter((x) => x.masked && x.value)) {
    const v = await page.locator(`li.field[data-name="${f.name}"] .field-input`).inputValue();
    check(v.includes('*'), `masked field ${f.name} shows an unmasked value`);
  }
  leaks(await page.content(), 'the case page before reveal');
  for (const b of bodies) leaks(b.text, `API response ${new URL(b.url).pathname} before reveal`);

  // Screenshot of the case as the reviewer first sees it (boxes drawn, first doubt focused).
  await page.waitForTimeout(600); // smooth scroll to the focused box
  if (screenshot) await page.screenshot({ path: screenshot });

  // Correct the field(s).
  for (const [name, value] of Object.entries(fixes)) {
    const li = page.locator(`li.field[data-name="${name}"]`);
    check(await li.count() === 1, `field ${name} not on the case screen`);
    const input = li.locator('.field-input');
    const f = caseJson.fields.find((x) => x.name === name);
    if (f?.masked && f.revealable) {
      const rev = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/reveal`));
      await li.locator('button.reveal').click();
      check((await rev).ok(), `reveal answered ${(await rev).status()}`);
      revealedFields.add(name);
      await page.waitForFunction((el) => !el.value.includes('*'), await input.elementHandle());
      // Shown in the input only: never in the page's HTML.
      leaks(await page.content(), `the case page after revealing ${name}`);
    }
    await input.click();
    await input.fill(String(value));
    await li.locator('.check.good').waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/fields`));
    await input.press('Enter');
    const res = await saved;
    check(res.status() === 200, `saving ${name} answered ${res.status()}: ${await res.text()}`);
    await page.locator(`li.field[data-name="${name}"] .corrected`).waitFor();
  }

  // Approve with the keyboard.
  const approved = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/approve`));
  await page.keyboard.press('Control+Enter');
  const ares = await approved;
  const abody = await ares.json().catch(() => ({}));
  check(ares.status() === 200 && abody.state === 'approved',
    `approve answered ${ares.status()} ${JSON.stringify(abody)}`);
  await page.locator('#case-result.ok').waitFor();

  // The screen goes on to the next case (or back to an empty queue).
  await page.waitForFunction((id) => window.location.hash !== `#/zaak/${id}`, caseId, { timeout: TIMEOUT });
  const m = (await page.evaluate(() => window.location.hash)).match(/^#\/zaak\/(\d+)$/);
  const nextCase = m ? Number(m[1]) : null;
  if (nextCase !== null) await page.locator('#fields li.field, #fields li.empty').first().waitFor();

  // The approved case has left the queue.
  const open = await page.evaluate(async () => (await (await fetch('/api/cases')).json()).cases.map((c) => c.id));
  check(!open.includes(caseId), `case ${caseId} still in the queue after approval`);

  // Nothing but revealed fields' values ever reached the browser in clear.
  for (const b of bodies.filter((x) => !x.revealed)) leaks(b.text, `API response ${new URL(b.url).pathname}`);
  check(problems.length === 0, `browser reported:\n  ${problems.join('\n  ')}`);

  console.log(JSON.stringify({ case: caseId, doc: caseJson.doc, approve: { status: ares.status(), body: abody }, next_case: nextCase }));
} catch (e) {
  console.error(`review_e2e: FAIL: ${e.message}`);
  if (problems.length) console.error(`browser reported:\n  ${problems.join('\n  ')}`);
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
