// What a Chinese screen may not show: an i18n key, an English code the API stores (enum values,
// audit verbs, resource names) or a label react-admin derived from a source (Entry date gte).
// Codes the demo data does not show are checked by name in i18n.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { domains } from '../../api/domains';
import { db } from '../../api/db/knex';
import { chinese } from '../src/i18n/zh';
import { screenshot, settle } from './browser';
import type { Choice } from '../src/shared/exporter';

// logins are legitimately Latin (the audit log names its actors: demo users, the seeding 'demo', 'system')
const LOGINS = ['admin', 'finance', 'hr', 'procurement', 'referral', 'auditor', 'demo', 'system'];

// codes the API writes that no CHECK constraint lists, and labels react-admin derives from a source
const KNOWN_CODES = [
  'manual',
  'hired',
  'transfer',
  'post',
  'deliveries',
  'expense-requests',
  'risk-fund-entries',
  'return_to_market',
  'calculate',
  'recalculate',
  'import',
  'seed',
  'update',
  'budget_override',
  'reveal_id',
  'gte',
  'lte',
  'Id',
  'Entry date',
  'wrong username or password',
  'true',
  'false',
  'null',
];

/** A translation key left on screen, such as enums.request_status.paid (org paths like hq.b1.t07 are not). */
const I18N_KEY = /(?<![\w@./-])[a-z][a-z_]*(\.[a-z][a-z_-]*){2,}(?![\w-])/g;

/** A capitalised English word: what react-admin draws from a source without a label (Entry date gte, Id). */
const HUMANISED = /(?<![\w.-])[A-Z][a-z]{1,}(?![\w-])/g;
// …except the Latin a Chinese screen legitimately shows
const LATIN_ALLOWED = new Set(['Excel']);

/** Every string literal of the database's CHECK constraints: the values the API can store. */
async function checkedValues(): Promise<string[]> {
  const { rows } = await db().raw<{ rows: { def: string }[] }>("select pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c'");
  return rows.flatMap(({ def }) => [...def.matchAll(/'([A-Za-z][\w-]*)'/g)].map((m) => m[1]));
}

/** The modules of the admin UI whose file name ends with `suffix` (choices.ts, messages.ts). */
async function uiModules(suffix: string): Promise<Record<string, unknown>[]> {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
  const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith(suffix));
  return Promise.all(files.map((f) => import(path.join(src, f)) as Promise<Record<string, unknown>>));
}

/** The ids of every choice list of the admin UI. */
async function choiceIds(): Promise<string[]> {
  const modules = await uiModules('choices.ts');
  return modules.flatMap((m) =>
    Object.values(m).flatMap((v) =>
      Array.isArray(v) ? (v as unknown[]).map((c) => String(typeof c === 'object' ? (c as Choice).id : (c as string | number))) : [],
    ),
  );
}

/** Every resource and action verb the roles are granted. */
const grantWords = () =>
  domains
    .flatMap((d) => (d.grants ? [d.grants] : []))
    .flatMap((table) =>
      Object.values(table).flatMap((grants) => Object.entries(grants ?? {}).flatMap(([resource, actions]) => [resource, ...(actions ?? [])])),
    );

/** One pattern matching any code as a whole token (doctor-V001 or I63.9 are not tokens of it). */
async function codePattern(): Promise<RegExp> {
  const words = new Set([...(await checkedValues()), ...(await choiceIds()), ...grantWords(), ...KNOWN_CODES]);
  for (const login of LOGINS) words.delete(login);
  const alternatives = [...words]
    .filter((w) => /[A-Za-z]/.test(w))
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  // a code before a slash is a unit's part (血红蛋白 (g/L)), not a stored value shown raw
  return new RegExp(`(?<![\\w./-])(${alternatives.join('|')})(?![\\w/-])`, 'g');
}

/** The Chinese text of an i18n key in the app's or a domain's messages, or undefined when it has none. */
export async function chineseTexts(): Promise<(key: string) => string | undefined> {
  const bundles = [chinese, ...(await uiModules('messages.ts')).map((m) => m.zh)];
  const at = (bundle: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);
  return (key) => bundles.map((b) => at(b, key)).find((t): t is string => typeof t === 'string' && /\p{Script=Han}/u.test(t));
}

/** The page's visible text, without raw JSON shown to auditors (<pre>). */
const visibleText = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('pre')].reduce((text, pre) => text.replace(pre.innerText, ''), document.body.innerText));

/** The checks of a page's text, its filter menu and its tabs; each returns what it found, with where. */
export interface LanguageChecker {
  problems(page: Page, where: string): Promise<string[]>;
  filterMenuProblems(page: Page, where: string): Promise<string[]>;
  tabProblems(page: Page, where: string): Promise<string[]>;
}

export async function languageChecker(): Promise<LanguageChecker> {
  const codes = await codePattern();
  /** What is wrong with the page's text: keys and codes found, with where they were. */
  async function problems(page: Page, where: string): Promise<string[]> {
    const text = await visibleText(page);
    const humanised = (text.match(HUMANISED) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
    const found = [...(text.match(I18N_KEY) ?? []), ...(text.match(codes) ?? []), ...humanised];
    if (!found.length) return [];
    const shot = await screenshot(page, `i18n${new URL(page.url()).pathname.replaceAll('/', '-')}`);
    return [...new Set(found)].map((f) => `${where}: ${f} (${shot})`);
  }

  /** Opens the list's "add filter" menu (its labels are only drawn then) and reads it. */
  async function filterMenuProblems(page: Page, where: string): Promise<string[]> {
    const button = page.locator('.RaFilterButton-root button, button[aria-label="添加筛选"]').first();
    if (!(await button.isVisible().catch(() => false))) return [];
    // the app keeps other popovers mounted (closed): the filter menu is gone when their count is back
    // (waiting for every popover to go had cost the walk 3 s on each list)
    const before = await page.evaluate(() => document.querySelectorAll('.MuiPopover-root').length);
    // a list that is still loading redraws its toolbar: the button may go before the click lands
    if (
      !(await button.click({ timeout: 3000 }).then(
        () => true,
        () => false,
      ))
    )
      return [];
    const found = await problems(page, `${where} (筛选)`);
    await page.keyboard.press('Escape');
    const closed = (n: number) => document.querySelectorAll('.MuiPopover-root').length <= n;
    await page.waitForFunction(closed, before, { timeout: 3000, polling: 20 }).catch(() => undefined);
    return found;
  }

  /** Clicks each tab of a show page and reads it. */
  async function tabProblems(page: Page, where: string): Promise<string[]> {
    const tabs = page.locator('[role="tab"]');
    const found: string[] = [];
    for (let i = 1; i < (await tabs.count()); i += 1) {
      await tabs
        .nth(i)
        .click({ timeout: 5000 })
        .catch(() => undefined);
      await settle(page);
      found.push(...(await problems(page, `${where} [${i}]`)));
    }
    return found;
  }
  return { problems, filterMenuProblems, tabProblems };
}
