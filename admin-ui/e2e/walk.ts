// The walk of a new user exploring from the home page: each menu entry is clicked, then the first
// row of its list. No page may show react-admin's error page or throw in the page, and every
// screen is in Chinese: the walk reads each screen's text, its filter menu, and the first row's page
// with each of its tabs (language.ts says what may not show). The roles are
// walked in two test files, the office's and the field's, so that the test runner runs both at once.
// A screen is walked once per view of it: a role whose grants over the screen's menu group (what it
// may do with each of the group's resources) match an earlier walker's sees the same screens, and
// skips them; a role that holds fewer or other grants there walks them (finance on the staff record,
// where HR's tabs were hidden from it, was found so).
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { clickMenu, errorShown, login, menuPaths, newPage, openFirstRow, screenshot, startBrowserTest } from './browser';
import { languageChecker, type LanguageChecker } from './language';

/**
 * Each menu path's view: the path with the user's grants over its menu group, every resource of
 * the group with the actions the user holds on it (the session the app keeps in localStorage).
 */
async function viewsOf(page: Page): Promise<Record<string, string>> {
  // read in the page, worked out here: a function declared inside evaluate() would need tsx's helpers
  const { session, menu } = await page.evaluate(() => ({
    session: localStorage.getItem('erp.user') ?? '{}',
    menu: [...document.querySelectorAll('[data-testid^="menu-group-"], a.RaMenuItemLink-root[href]')].map((el) => ({
      group: el.getAttribute('data-testid'),
      href: el.getAttribute('href') ?? '',
    })),
  }));
  const user = JSON.parse(session) as { permissions?: { resource: string; actions: string[] }[] };
  const actions = (href: string) => [...(user.permissions?.find((p) => `/${p.resource}` === href)?.actions ?? [])].sort();
  const members = new Map<string, string[]>();
  const groupOf = new Map<string, string>();
  let group = '';
  for (const entry of menu) {
    if (entry.group) group = entry.group;
    else {
      groupOf.set(entry.href, group);
      members.set(group, [...(members.get(group) ?? []), entry.href]);
    }
  }
  return Object.fromEntries([...groupOf].map(([href, g]) => [href, JSON.stringify([href, (members.get(g) ?? []).map((h) => [h, actions(h)])])]));
}

export interface Walker {
  username: string;
  viewport?: { width: number; height: number };
}

/** The walk of `walkers`, one test each; a view of a screen (see viewsOf) is walked and read by the first walker that has it. */
export function walkEveryList(title: string, walkers: Walker[]) {
  describe(title, function () {
    this.timeout(900_000);
    let baseUrl: string;
    let browser: Browser;
    let language: LanguageChecker;
    const walked = new Set<string>();
    before(async () => {
      ({ baseUrl, browser } = await startBrowserTest());
      language = await languageChecker();
    });
    after(() => browser?.close());

    /** What a screen shows that it must not: the error page, and what `readLanguage` finds (English, raw words). */
    async function pageProblems(page: Page, where: string, shotName: string, readLanguage: (where: string) => Promise<string[]>): Promise<string[]> {
      const found = (await errorShown(page)) ? [`${where}: error page ${await screenshot(page, shotName)}`] : [];
      return [...found, ...(await readLanguage(where))];
    }

    for (const { username, viewport } of walkers) {
      it(`${username}${viewport ? ' on a phone' : ''}: opens each menu entry and its first row, in Chinese, without an error`, async () => {
        const page = await newPage(browser, viewport);
        const thrown: string[] = [];
        page.on('pageerror', (e) => thrown.push(`${page.url()}: ${e.message}`));
        await login(page, baseUrl, username);
        const failures = await language.problems(page, `${username} home`);
        const paths = await menuPaths(page);
        const views = await viewsOf(page);
        expect(paths.length, 'menu entries').to.be.greaterThan(1);
        let rowsOpened = 0;
        const seen: string[] = [];
        for (const path of paths) {
          // a phone draws other screens (lists of cards, a drawer): its views are its own
          const view = `${viewport ? 'phone' : 'desk'} ${views[path]}`;
          if (walked.has(view)) continue;
          walked.add(view);
          await clickMenu(page, path);
          const shot = `error${path.replaceAll('/', '-')}`;
          failures.push(
            ...(await pageProblems(page, path, shot, async (where) => [
              ...(await language.problems(page, where)),
              ...(await language.filterMenuProblems(page, where)),
            ])),
          );
          const opened = await openFirstRow(page);
          if (!opened && (await page.locator('.MuiDialog-root').count())) {
            // a row that opens a dialog over its list (a person's fund year) is read there, then closed as a user would
            failures.push(...(await pageProblems(page, `${path} → dialog`, `${shot}-dialog`, (where) => language.problems(page, where))));
            await page.keyboard.press('Escape');
            await page.locator('.MuiDialog-root').waitFor({ state: 'detached', timeout: 5000 });
            seen.push(`${path} → dialog`);
            rowsOpened += 1;
            continue;
          }
          seen.push(opened ? `${path} → ${page.url().slice(baseUrl.length)}` : `${path}: no row opened`);
          if (!opened) continue;
          rowsOpened += 1;
          // a row the user may click leads to a page they may see
          if (new URL(page.url()).pathname === '/access-denied') failures.push(`${path}: its first row leads to the access-denied page`);
          failures.push(
            ...(await pageProblems(page, `${path} → ${page.url()}`, `${shot}-row`, async (where) => [
              ...(await language.problems(page, where)),
              ...(await language.tabProblems(page, where)),
            ])),
          );
        }
        await page.context().close();
        expect([...failures, ...thrown]).to.deep.equal([]);
        // (a walker whose every view an earlier one walked opens none)
        if (seen.length) expect(rowsOpened, `rows opened: ${seen.join('; ')}`).to.be.greaterThan(0);
      });
    }
  });
}
