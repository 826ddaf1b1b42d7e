// The foundation screens in a real browser against the running API and the demo group.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { loggedInPage, login, newPage, PHONE, shotForReview, startBrowserTest } from './browser';

describe('admin UI: foundation', function () {
  this.timeout(60_000);
  let browser: Browser;
  let baseUrl: string;
  const pages: Page[] = [];

  async function open(username: string, viewport?: { width: number; height: number }) {
    const page = await loggedInPage(browser, baseUrl, username, viewport);
    pages.push(page);
    return page;
  }

  before(async function () {
    this.timeout(180_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  it('admin expands the org tree from HQ down to the villages of a township', async () => {
    const page = await open('admin');
    await page.goto(`${baseUrl}/org-tree`);
    await page.getByTestId('tree-node-HQ').waitFor();
    expect(await page.getByTestId('tree-node-B1').count()).to.equal(0);
    for (const code of ['HQ', 'B1', 'T01']) await page.getByTestId(`tree-toggle-${code}`).click();
    await page.getByTestId('tree-node-V001').waitFor();
    expect(await page.getByTestId('tree-node-V001').textContent()).to.contain('(V001)');
    await shotForReview(page, 'org-tree-admin');

    await page.getByTestId('tree-node-V001').getByRole('link').click();
    await page.waitForURL(/\/org-units\/\d+\/show$/);
    await page.getByText('V001', { exact: true }).waitFor();
  });

  it('a village doctor sees only their own clinic and no admin screens', async () => {
    const page = await open('doctor-V001');
    const menu = page.locator('.RaMenu-open, .RaMenu-closed').first();
    await menu.locator('a[href="/org-units"]').waitFor();
    expect(await menu.locator('a[href="/users"]').count()).to.equal(0);
    expect(await menu.locator('a[href="/audit-log"]').count()).to.equal(0);
    expect(await page.getByTestId('menu-group-system').count()).to.equal(0);

    await page.goto(`${baseUrl}/org-tree`);
    await page.getByTestId('tree-node-V001').waitFor();
    expect(await page.locator('[data-testid^="tree-node-"]').count()).to.equal(1);
    expect(await page.locator('[data-testid^="tree-toggle-"]').count()).to.equal(0);
    await shotForReview(page, 'org-tree-doctor');
  });

  it('is in Chinese by default and switches to English', async () => {
    const page = await open('admin');
    await page.getByTestId('menu-group-org').getByText('组织机构').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByTestId('menu-group-org').getByText('Organisation').waitFor();
    // a domain's English comes when chosen (messages.en), not with the first load
    await page.getByTestId('menu-group-hr').getByText('Human resources').waitFor();
    await page.getByText('Units per level in your scope').waitFor();
    await shotForReview(page, 'dashboard-english');
  });

  it('fits a phone screen: login page and a list', async () => {
    const page = await newPage(browser, PHONE);
    pages.push(page);
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[name="username"]').waitFor();
    await shotForReview(page, 'login-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);

    await login(page, baseUrl, 'director-B1');
    await page.goto(`${baseUrl}/org-units`);
    await page.getByText('大通县人民医院').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);
    await shotForReview(page, 'org-units-phone');
  });
});
