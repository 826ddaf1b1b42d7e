// Browser helpers for the admin UI tests: the system's Chromium, headless, and a demo login.
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { system } from '../../scripts/test/harness';
import * as clock from '../../api/core/clock';
import { ensureUiBuilt } from '../../scripts/uiBuild';

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
 * Opens a fresh page (own storage) as a user in the group would: Chinese, Asia/Shanghai, and the
 * page's clock on the system's (TEST_TODAY moves both).
 */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (process.env.TEST_TODAY) await context.clock.setSystemTime(clock.now());
  return context.newPage();
}

/** Logs in through the login form and waits for the dashboard greeting. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('greeting').waitFor();
}

/** Saves a full-page screenshot outside the repository and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `erp-ui-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
