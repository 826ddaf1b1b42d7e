// The walk of a new user exploring from the home page: each menu entry is clicked, then the first
// row of its list. No page may show react-admin's error page or throw in the page, and every
// screen is in Chinese: the first walk to reach a screen reads its text, its filter menu, and the
// first row's page with each of its tabs (language.ts says what may not show). The roles are
// walked in two test files, the office's and the field's, so that the test runner runs both at once.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { clickMenu, errorShown, login, menuPaths, newPage, openFirstRow, screenshot, startBrowserTest } from './browser';
import { languageChecker, type LanguageChecker } from './language';

export interface Walker {
  username: string;
  viewport?: { width: number; height: number };
}

/** The walk of `walkers`, one test each; a screen's language is read by the first walk that reaches it. */
export function walkEveryList(title: string, walkers: Walker[]) {
  describe(title, function () {
    this.timeout(900_000);
    let baseUrl: string;
    let browser: Browser;
    let language: LanguageChecker;
    const read = new Set<string>();
    before(async () => {
      ({ baseUrl, browser } = await startBrowserTest());
      language = await languageChecker();
    });
    after(() => browser?.close());

    /** What a screen shows that it must not: the error page, and (on its first visit) English. */
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
        expect(paths.length, 'menu entries').to.be.greaterThan(1);
        let rowsOpened = 0;
        const seen: string[] = [];
        for (const path of paths) {
          const first = !read.has(path);
          read.add(path);
          await clickMenu(page, path);
          const shot = `error${path.replaceAll('/', '-')}`;
          failures.push(
            ...(await pageProblems(page, path, shot, async (where) =>
              first ? [...(await language.problems(page, where)), ...(await language.filterMenuProblems(page, where))] : [],
            )),
          );
          const opened = await openFirstRow(page);
          seen.push(opened ? `${path} → ${page.url().slice(baseUrl.length)}` : `${path}: no row opened`);
          if (!opened) continue;
          rowsOpened += 1;
          failures.push(
            ...(await pageProblems(page, `${path} → ${page.url()}`, `${shot}-row`, async (where) =>
              first ? [...(await language.problems(page, where)), ...(await language.tabProblems(page, where))] : [],
            )),
          );
        }
        await page.context().close();
        expect([...failures, ...thrown]).to.deep.equal([]);
        expect(rowsOpened, `rows opened: ${seen.join('; ')}`).to.be.greaterThan(0);
      });
    }
  });
}
