// Every role, from its home page: each menu entry is clicked, then the first row of its list,
// as a new user would explore. No page may show react-admin's error page or throw in the page.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { PHONE, login, newPage, screenshot, startBrowserTest } from './browser';

const ROLES: { username: string; viewport?: { width: number; height: number } }[] = [
  { username: 'admin' },
  { username: 'finance' },
  { username: 'hr' },
  { username: 'procurement' },
  { username: 'referral' },
  { username: 'auditor' },
  { username: 'director-T01' },
  { username: 'doctor-V001' },
  { username: 'doctor-V001', viewport: PHONE },
];

/** Whether react-admin's error page (or its Chinese message) is on screen. */
const errorShown = async (page: Page) => (await page.locator('.RaError-root').or(page.getByText('出现错误')).or(page.getByText('客户端出错')).count()) > 0;

/** Waits for the page's requests to finish (bounded: a page that keeps polling is not waited for). */
const settle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);

async function openMenu(page: Page) {
  const link = page.locator('a.RaMenuItemLink-root[href]').first();
  const toggle = page.locator('.RaSidebarToggleButton-root, button[aria-label="打开菜单"]').first();
  if (!(await link.isVisible()) && (await toggle.count())) await toggle.click();
  await link.waitFor({ state: 'visible' });
}

/** The first row: a table's first cell that is not its selection box, or a phone list's first item. */
const firstRow = (page: Page) =>
  page
    .locator('.RaDatagrid-row td')
    .filter({ hasNot: page.locator('input[type="checkbox"]') })
    .or(page.locator('.RaList-content .MuiListItemButton-root'))
    .first();

/** The menu's entries (their paths), read from the menu as it is drawn for this user. */
async function menuPaths(page: Page): Promise<string[]> {
  await openMenu(page);
  const hrefs = await page.locator('a.RaMenuItemLink-root[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h && h !== '/' && h !== '#/'))];
}

describe('admin UI: every list and its first row, for every role', function () {
  this.timeout(900_000);
  let baseUrl: string;
  let browser: Browser;
  before(async () => ({ baseUrl, browser } = await startBrowserTest()));
  after(() => browser?.close());

  for (const { username, viewport } of ROLES) {
    it(`${username}${viewport ? ' on a phone' : ''}: opens each menu entry and its first row without an error`, async () => {
      const page = await newPage(browser, viewport);
      const thrown: string[] = [];
      page.on('pageerror', (e) => thrown.push(`${page.url()}: ${e.message}`));
      await login(page, baseUrl, username);
      const paths = await menuPaths(page);
      expect(paths.length, 'menu entries').to.be.greaterThan(1);
      const failures: string[] = [];
      let rowsOpened = 0;
      const seen: string[] = [];
      for (const path of paths) {
        await openMenu(page);
        await page.locator(`a.RaMenuItemLink-root[href="${path}"]`).first().click();
        await page.locator('.MuiDrawer-modal').waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
        await settle(page);
        if (await errorShown(page)) failures.push(`${path}: error page ${await screenshot(page, `error${path.replaceAll('/', '-')}`)}`);
        const row = firstRow(page);
        if (!(await row.count())) {
          seen.push(`${path}: no row`);
          continue;
        }
        const before = page.url();
        await row.click({ timeout: 5000 }).catch(() => undefined);
        await settle(page);
        seen.push(`${path} → ${page.url().slice(baseUrl.length)}`);
        if (page.url() !== before) rowsOpened += 1;
        if (await errorShown(page)) failures.push(`${path} → ${page.url()}: error page ${await screenshot(page, `error${path.replaceAll('/', '-')}-row`)}`);
      }
      await page.context().close();
      expect([...failures, ...thrown]).to.deep.equal([]);
      expect(rowsOpened, `rows opened: ${seen.join('; ')}`).to.be.greaterThan(0);
    });
  }
});
