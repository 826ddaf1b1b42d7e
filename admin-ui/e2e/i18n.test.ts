// Chinese everywhere: the names of what the demo data rarely shows (jobs, audit verbs, audited
// resources) and the login form's message. Every screen's text is read by the walk in first-row.test.ts.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { listJobs } from '../../api/jobs/service';
import { AUDITED_RESOURCES, AUDIT_ACTIONS } from '../src/system/auditLog/choices';
import { DEMO_PASSWORD, newPage, startBrowserTest } from './browser';
import { chineseTexts, languageChecker, type LanguageChecker } from './language';
import { listsWithoutWords } from './catalogues';

describe('admin UI: Chinese where the demo data rarely shows it', function () {
  this.timeout(300_000);
  let baseUrl: string;
  let browser: Browser;
  let language: LanguageChecker;
  before(async () => {
    ({ baseUrl, browser } = await startBrowserTest());
    language = await languageChecker();
  });
  after(() => browser?.close());

  it('names every job, audit verb and audited resource in Chinese (few of them are in the demo data)', async () => {
    const keys = [
      ...listJobs().map((j) => `enums.job.${j.name}`),
      ...AUDIT_ACTIONS.map((a) => `enums.audit_action.${a}`),
      ...AUDITED_RESOURCES.map((r) => `resources.${r}.name`),
    ];
    const chineseText = await chineseTexts();
    expect(keys.filter((key) => !chineseText(key))).to.deep.equal([]);
    expect(chineseText('enums.job.referrals.escalate')).to.equal('转诊超时上报');
  });

  it('every list a screen names is in a catalogue that screen loads (another domain’s list travels with it)', async () => {
    expect(await listsWithoutWords()).to.deep.equal([]);
  });

  it('the login form tells a wrong password in Chinese', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[name="username"]').fill('finance');
    await page.locator('input[name="password"]').fill(`${DEMO_PASSWORD}-wrong`);
    await page.locator('button[type="submit"]').click();
    await page.getByText('用户名或密码错误').waitFor();
    expect(await language.problems(page, 'login')).to.deep.equal([]);
    await page.context().close();
  });
});
