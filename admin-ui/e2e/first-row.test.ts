// Every role, from its home page: each menu entry is clicked, then the first row of its list,
// as a new user would explore. No page may show react-admin's error page or throw in the page.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { PHONE, clickMenu, errorShown, login, menuPaths, newPage, openFirstRow, screenshot, startBrowserTest } from './browser';

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
        await clickMenu(page, path);
        if (await errorShown(page)) failures.push(`${path}: error page ${await screenshot(page, `error${path.replaceAll('/', '-')}`)}`);
        const opened = await openFirstRow(page);
        seen.push(opened ? `${path} → ${page.url().slice(baseUrl.length)}` : `${path}: no row opened`);
        if (opened) rowsOpened += 1;
        if (await errorShown(page)) failures.push(`${path} → ${page.url()}: error page ${await screenshot(page, `error${path.replaceAll('/', '-')}-row`)}`);
      }
      await page.context().close();
      expect([...failures, ...thrown]).to.deep.equal([]);
      expect(rowsOpened, `rows opened: ${seen.join('; ')}`).to.be.greaterThan(0);
    });
  }
});
