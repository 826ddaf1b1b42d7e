// Browser helpers for the admin UI tests: the system's Chromium, headless, and a demo login.
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { system } from '../../scripts/test/harness';
import * as clock from '../../api/core/clock';
import { ensureUiBuilt } from '../../scripts/uiBuild';
import { onFailure } from '../../scripts/test/onFailure';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo123';
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** What every browser test starts from: the UI built (before the system serves it), the test system booted, Chromium launched. */
export async function startBrowserTest(): Promise<{ baseUrl: string; browser: Browser }> {
  await ensureUiBuilt();
  return { baseUrl: (await system()).url, browser: await launchBrowser() };
}

/**
 * Opens a page with storage of its own as a user in the group would: Chinese, Asia/Shanghai, and
 * the page's clock on the system's (TEST_TODAY moves both). The service worker only where a test
 * asks for it (`'allow'`, the offline tests): in every fresh context it precaches the village
 * doctor's screens, work a test that never goes offline paid at each login.
 *
 * A page whose test closed its context is kept, emptied (recycle), for the next one: its renderer
 * has the app's scripts compiled, and a login there took 1.6 s of Chromium's CPU where a new
 * context's took 5.5 s — the browser tests' largest cost, some 120 logins.
 */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }, serviceWorkers: 'allow' | 'block' = 'block'): Promise<Page> {
  const kept = serviceWorkers === 'block' ? await reuse(browser, viewport) : undefined;
  // reduced motion, as the user's device may ask (the theme then draws menus and dialogs without
  // animation): a click no longer waits for a menu to finish growing, nor a check for a dialog to fade
  const page =
    kept ?? (await (await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers, reducedMotion: 'reduce' })).newPage());
  if (!kept && serviceWorkers === 'block') keepOnClose(browser, page);
  if (process.env.TEST_TODAY) await page.context().clock.setSystemTime(clock.now());
  trackRequests(page);
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

/** Each browser's emptied pages, waiting for a test (newPage). */
const idle = new WeakMap<Browser, Page[]>();

/** An emptied page of `browser`, sized to `viewport`, if one waits. */
async function reuse(browser: Browser, viewport: { width: number; height: number }): Promise<Page | undefined> {
  const page = idle.get(browser)?.pop();
  if (!page || page.isClosed()) return page && reuse(browser, viewport);
  await page.setViewportSize(viewport);
  return page;
}

/** The page's context, when its test closes it, is emptied and its page kept for the next test. */
function keepOnClose(browser: Browser, page: Page) {
  const context = page.context();
  const close = context.close.bind(context);
  context.close = async (options) => {
    if (!browser.isConnected() || page.isClosed()) return close(options);
    openPages.delete(page);
    await recycle(page);
    idle.set(browser, [...(idle.get(browser) ?? []), page]);
  };
}

/** The page events tests and these helpers listen to (a kept page drops the last test's listeners). */
const LISTENED = ['close', 'console', 'dialog', 'pageerror', 'popup', 'request', 'requestfailed', 'requestfinished', 'response'] as const;

/**
 * Empties a page as a new context would be: no other page, route, offline mode, cookie, listener or
 * stored data (localStorage, sessionStorage, IndexedDB: the session, the village copy, the outbox).
 * The storage is cleared from a file of the same origin that runs no script (the app would write to
 * it again), so the page keeps its renderer.
 */
async function recycle(page: Page) {
  const context = page.context();
  for (const other of context.pages()) if (other !== page) await other.close();
  await Promise.all([context.unrouteAll({ behavior: 'ignoreErrors' }), page.unrouteAll({ behavior: 'ignoreErrors' })]);
  await Promise.all([context.setOffline(false), context.clearCookies()]);
  for (const event of LISTENED) page.removeAllListeners(event);
  if (!page.url().startsWith('http')) return;
  await page.goto(new URL('/icon.svg', page.url()).href);
  // (no function declared inside: tsx would wrap it in a helper the page does not have)
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    for (const db of await indexedDB.databases())
      if (db.name)
        await new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(db.name!);
          request.onsuccess = request.onerror = request.onblocked = resolve;
        });
  });
}

/** The pages not yet closed: a failed test's screens are kept as screenshots (what it saw, for the log). */
const openPages = new Set<Page>();

onFailure(async (title) => {
  const name = `failed-${title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;
  for (const [i, page] of [...openPages].entries()) console.log(`  screen at the failure (${page.url()}): ${await screenshot(page, `${name}-${i}`)}`);
});

/** The page's requests in flight, and when that number last changed (for settle). */
const traffic = new WeakMap<Page, { inFlight: number; changedAt: number }>();

function trackRequests(page: Page) {
  const t = { inFlight: 0, changedAt: Date.now() };
  const change = (by: number) => () => {
    t.inFlight += by;
    t.changedAt = Date.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
  traffic.set(page, t);
}

/** Logs in through the login form and waits for the dashboard greeting. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('greeting').waitFor();
}

/** A fresh page (newPage) logged in as `username`: how a test opens each user's screen. */
export async function loggedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport?: { width: number; height: number },
  password?: string,
): Promise<Page> {
  const page = await newPage(browser, viewport);
  await login(page, baseUrl, username, password);
  return page;
}

/** Saves a full-page screenshot outside the repository and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `erp-ui-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screen a test keeps for a person to look at (erp-ui-<name>.png in the temp folder), taken only with
 * SCREENSHOTS=1: no test reads it, and a full-page shot costs 0.5–2 s on a busy machine (some 130
 * of them were a tenth of the browser tests' time). A failure's screens and the shots named in a
 * failure's message are taken regardless.
 */
export async function shotForReview(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '1') await screenshot(page, name);
}

/**
 * Picks an option of a react-admin SelectInput (named by its source) by its label, and waits for the
 * list to close: a click while the menu was still opening can leave it open, and an open menu hides
 * the rest of the form from the page's roles (the next "保存" is then not found).
 */
export async function selectOption(page: Page, source: string, label: string, scope: Page | Locator = page) {
  await scope.locator(`input[name="${source}"]`).locator('xpath=..').getByRole('combobox').click();
  const option = page.getByRole('option', { name: label, exact: true });
  await option.click();
  const closed = () => page.getByRole('listbox').waitFor({ state: 'detached', timeout: 3000 });
  await closed().catch(async () => {
    await option.click();
    await closed();
  });
}

/** The page fits its screen's width: nothing to scroll sideways (a phone's lists, tables and forms). */
export async function expectFits(page: Page, what: string) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: page ${scroll}px wide on a ${width}px screen`).to.be.at.most(width);
}

/**
 * Whether react-admin's error page (or its Chinese message) is on screen: one look at the page,
 * where three text locators each walked every element of a long table.
 */
export const errorShown = (page: Page) =>
  page.evaluate(() => !!document.querySelector('.RaError-root') || /出现错误|客户端出错/.test(document.body.textContent ?? ''));

/** How long a page's network must stay quiet to count as settled, once the page has also drawn a frame and run what it queued. */
const QUIET_MS = 60;

/** Waits `ms` in the test (between looks at the page's traffic). */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether the page is still busy once it has drawn a frame and run the tasks queued before it:
 * react-admin's loading indicator is up (a query is fetching), or a screen's module is still on its way
 * (lazyScreens' mark: without it a walk took a list still loading for a page without one).
 */
const loadingAfterFrame = (page: Page) =>
  page
    .evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() => setTimeout(() => resolve(!!document.querySelector('.RaLoadingIndicator-loader, [data-screen-loading]')), 0)),
        ),
    )
    .catch(() => false);

/**
 * Waits for the page's requests to finish and the page to go quiet: no request for QUIET_MS, then a
 * frame drawn and its queued tasks run (a chunk just loaded renders, and its screen's queries start)
 * with still no request and no loading indicator. The network is watched for 3 s at most (a page
 * that keeps polling is not waited for), the loading indicator for 8 s in all. A page from newPage
 * is watched as it goes, which spares the 500 ms that Playwright's 'networkidle' always waits; the
 * fixed 200 ms of quiet that this replaced was most of a walk's waiting.
 */
export async function settle(page: Page) {
  const t = traffic.get(page);
  const started = Date.now();
  if (!t) await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  while (Date.now() - started < 8000) {
    const watching = t && Date.now() - started < 3000;
    if (watching && (t.inFlight > 0 || Date.now() - Math.max(t.changedAt, started) < QUIET_MS)) {
      await pause(20);
      continue;
    }
    const mark = t?.changedAt;
    if (await loadingAfterFrame(page)) await pause(20);
    else if (!watching || (t.inFlight === 0 && t.changedAt === mark)) return;
  }
}

/** Makes the menu visible (on a phone it sits behind the toggle). */
export async function openMenu(page: Page) {
  const link = page.locator('a.RaMenuItemLink-root[href]').first();
  // only a closed menu is toggled: toggling an open one (while a busy page redraws it) would
  // collapse the desktop sidebar to its icons, and the page would then cover every entry
  const toggle = page.locator('button[aria-label="打开菜单"]').first();
  if (!(await link.isVisible()) && (await toggle.isVisible())) await toggle.click();
  await link.waitFor({ state: 'visible' });
}

/** The menu's entries (their paths), read from the menu as it is drawn for this user. */
export async function menuPaths(page: Page): Promise<string[]> {
  await openMenu(page);
  const hrefs = await page.locator('a.RaMenuItemLink-root[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h && h !== '/' && h !== '#/'))];
}

/**
 * Clicks a menu entry. A page left scrolled (a wide table) can lie over the fixed sidebar, so when
 * the page takes the click the walk scrolls back to the top left first, as a user would.
 */
async function clickEntry(page: Page, path: string) {
  const entry = page.locator(`a.RaMenuItemLink-root[href="${path}"]`).first();
  if (
    await entry.click({ timeout: 10_000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of document.querySelectorAll('#main-content, .RaLayout-content')) el.scrollLeft = 0;
  });
  await openMenu(page);
  await entry.click();
}

/** Clicks the menu entry to `path` as a user would, and waits for its page. */
export async function clickMenu(page: Page, path: string) {
  const arrived = () =>
    page
      .waitForURL((url) => url.pathname === path, { timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
  await openMenu(page);
  await clickEntry(page, path);
  // a click that only closed a popup (a menu, a date picker) is repeated
  if (!(await arrived())) {
    await page.keyboard.press('Escape');
    await openMenu(page);
    await clickEntry(page, path);
    await arrived();
  }
  await page
    .locator('.MuiDrawer-modal')
    .waitFor({ state: 'detached', timeout: 3000 })
    .catch(() => undefined);
  await settle(page);
}

/** The first row: a table's first cell that is not its selection box, or a phone list's first item. */
export const firstRow = (page: Page) =>
  page
    .locator('.RaDatagrid-row td')
    .filter({ hasNot: page.locator('input[type="checkbox"]') })
    .or(page.locator('.RaList-content .MuiListItemButton-root'))
    .first();

/** Opens the list's first row, if it has one; true when that led to another page. */
export async function openFirstRow(page: Page): Promise<boolean> {
  // a page that is no list (a tree, a planner, a report, a settings form) has no row to wait for
  if (!(await page.locator('.RaList-main').count())) return false;
  const row = firstRow(page);
  // a cold system may still be answering the list: wait for its first row, or for the list to have
  // drawn what it got without one (an empty list's message), not a fixed 3 s on every empty list
  await page
    .waitForFunction(
      () => {
        const main = document.querySelector('.RaList-main');
        if (!main || main.querySelector('.RaDatagrid-tbody .RaDatagrid-row, .RaList-content .MuiListItemButton-root')) return true;
        const content = main.querySelector('.RaList-content');
        const loading = document.querySelector('.RaLoadingIndicator-loader') || main.querySelector('.RaPlaceholder-root');
        return !loading && !!content?.textContent?.trim();
      },
      undefined,
      { timeout: 3000, polling: 50 },
    )
    .catch(() => undefined);
  if (!(await row.count())) return false;
  const before = page.url();
  await row.click({ timeout: 5000 }).catch(() => undefined);
  await settle(page);
  return page.url() !== before;
}
