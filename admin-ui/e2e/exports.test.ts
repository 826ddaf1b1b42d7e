// 导出 from a list, as an office worker would: menu entry, 导出, then the downloaded file read
// back: a UTF-8 BOM, Chinese headers, every row of the list's filter (its total from the API's
// Content-Range), units as names and codes as their Chinese labels, row by row against the API.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { get, system, tokenFor, unitId } from '../../scripts/test/harness';
import { fetchAllRows } from '../src/shared/exporter';
import { readWorkbook } from '../../reports/xlsx';
import * as clock from '../../api/core/clock';
import { clickMenu, login, newPage, shotForReview, startBrowserTest } from './browser';

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += ch;
  }
  expect(row, 'text after the last CRLF').to.deep.equal([]);
  return rows;
}

type Row = Record<string, unknown>;

/** Every row the API lists for a query, paged the way the API allows (1,000 at most). */
async function apiRows(as: string, path: string, query: { filter: string; sort: string }): Promise<{ rows: Row[]; total: number }> {
  const rows: Row[] = [];
  for (;;) {
    const r = await get<Row[]>(path, { as, query: { ...query, range: [rows.length, rows.length + 999] } });
    expect(r.status, `${path} ${JSON.stringify(r.body)}`).to.equal(200);
    rows.push(...r.body);
    const total = Number(String(r.headers.get('content-range')).split('/')[1]);
    if (rows.length >= total || !r.body.length) return { rows, total };
  }
}

interface Case {
  user: string;
  menu: string;
  resource: string;
  /** headers the file must begin with */
  headers: string[];
  /** the unit column: its header, the row's field, and how a unit reads */
  unit: { header: string; source: string; reads: (u: Row) => string };
  /** an enum column: its header, the row's field, and the Chinese label of each code */
  choice: { header: string; source: string; labels: Record<string, string> };
  /** typed into the list's search box before exporting: the export follows the list's filter */
  search?: string;
}

const unitWithCode = (u: Row) => `${String(u.name)} (${String(u.code)})`;

const CASES: Case[] = [
  {
    user: 'hr',
    menu: '人员',
    resource: 'staff',
    search: '王',
    headers: ['姓名', '身份证号', '性别', '人员类别', '职称', '用工形式', '聘用单位', '工作单位', '状态'],
    unit: { header: '聘用单位', source: 'employer_org_unit_id', reads: unitWithCode },
    choice: { header: '状态', source: 'status', labels: { active: '在岗', on_leave: '休假/停岗', left: '离职' } },
  },
  {
    user: 'finance',
    menu: '支出申请',
    resource: 'expense-requests',
    headers: ['编号', '申请日期', '单位', '科目', '金额', '用途', '状态'],
    unit: { header: '单位', source: 'org_unit_id', reads: unitWithCode },
    choice: { header: '状态', source: 'status', labels: { pending: '审批中', approved: '已批准', rejected: '已驳回', cancelled: '已撤回', paid: '已付款' } },
  },
  {
    user: 'referral',
    menu: '转诊单',
    resource: 'referrals',
    headers: ['编号', '紧急程度', '患者', '身份证号', '诊断', '方向', '转出单位', '接收单位'],
    unit: { header: '转出单位', source: 'from_unit_name', reads: (u) => String(u.name) },
    choice: {
      header: '状态',
      source: 'status',
      labels: { requested: '待接收', accepted: '已接收', arrived: '已到院', completed: '已完成', rejected: '已拒绝', cancelled: '已取消' },
    },
  },
  {
    user: 'doctor-V001',
    menu: '居民档案',
    resource: 'residents',
    headers: ['姓名', '性别', '出生日期', '年龄', '身份证号', '户', '村卫生室', '重点人群'],
    unit: { header: '村卫生室', source: 'org_unit_id', reads: (u) => String(u.name) },
    choice: { header: '性别', source: 'sex', labels: { M: '男', F: '女' } },
  },
];

describe('admin UI: 导出 gives every row of the list as a CSV Excel opens', function () {
  this.timeout(180_000);
  let baseUrl: string;
  let browser: Browser;
  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });
  after(() => browser?.close());

  /** Opens the list from the menu; returns the query of the list's last request (its filter and sort). */
  async function openList(page: Page, c: Case) {
    const queries: URLSearchParams[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname === `/api/${c.resource}` && r.request().method() === 'GET' && !url.searchParams.get('filter')?.startsWith('{"id"'))
        queries.push(url.searchParams);
    });
    await page.getByRole('menuitem', { name: c.menu, exact: true }).click();
    await page.locator('.RaDatagrid-row').first().waitFor();
    if (c.search) {
      const searched = page.waitForResponse((r) => new URL(r.url()).searchParams.get('filter')?.includes(`"q":"${c.search}"`) ?? false);
      await page.getByPlaceholder('搜索').fill(c.search);
      await searched;
    }
    await page.waitForLoadState('networkidle');
    const last = queries.at(-1)!;
    return { filter: last.get('filter') ?? '{}', sort: last.get('sort') ?? '["id","ASC"]' };
  }

  /** Clicks 导出 and reads the file it downloads (kept outside the repository to be looked at). */
  async function download(page: Page, resource: string) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    const kept = path.join(os.tmpdir(), `erp-export-${resource}.csv`);
    await file.saveAs(kept);
    return { name: file.suggestedFilename(), text: await readFile(kept, 'utf8') };
  }

  for (const c of CASES) {
    it(`${c.user}: ${c.menu} → 导出 gives all rows, Chinese headers, unit names and Chinese labels`, async () => {
      const page = await newPage(browser, { width: 1400, height: 900 });
      await login(page, baseUrl, c.user);
      const query = await openList(page, c);
      const { name, text } = await download(page, c.resource);
      await shotForReview(page, `export-${c.resource}`);

      expect(name).to.match(new RegExp(`^${c.menu}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(text.charCodeAt(0), 'UTF-8 BOM').to.equal(0xfeff);
      const [header, ...lines] = parseCsv(text.slice(1));
      expect(header.slice(0, c.headers.length)).to.deep.equal(c.headers);
      for (const h of header) expect(h, 'every header in Chinese').to.match(/[\u4e00-\u9fff]/);

      const { rows, total } = await apiRows(c.user, `/api/${c.resource}`, query);
      expect(total, 'the list is not empty').to.be.greaterThan(0);
      if (c.search) expect((JSON.parse(query.filter) as { q?: string }).q, 'the list was searched').to.equal(c.search);
      expect(lines.length, 'rows in the file').to.equal(total);

      const units = new Map((await apiRows('admin', '/api/org-units', { filter: '{}', sort: '["id","ASC"]' })).rows.map((u) => [String(u.id), u]));
      const unitCol = header.indexOf(c.unit.header);
      const choiceCol = header.indexOf(c.choice.header);
      rows.forEach((row, i) => {
        const v = row[c.unit.source];
        const unit = typeof v === 'number' ? units.get(String(v)) : [...units.values()].find((u) => u.name === v);
        expect(lines[i][unitCol], `row ${i} unit`).to.equal(unit ? c.unit.reads(unit) : '');
        expect(lines[i][choiceCol], `row ${i} ${c.choice.source}`).to.equal(c.choice.labels[String(row[c.choice.source])]);
      });
      await page.context().close();
    });
  }

  it('finance: 监测评价 → 医共体监测指标 → 下载监测报表 gives the 14 indicators of the county, the year as the screen shows it; 诊疗人次导入 counts a small file’s rows and names its bad one', async () => {
    const page = await newPage(browser, { width: 1400, height: 900 });
    await login(page, baseUrl, 'finance');
    await clickMenu(page, '/monitoring-indicators');
    await page.getByTestId('dimension-integration').waitFor();
    // seconded doctors per 10,000 of the county's insured, its source named under the denominator
    expect(await page.getByTestId('source-seconded_doctors').textContent()).to.equal('医保基金年度参保人数');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('monitoring-download').click()]);
    const year = Number(clock.today().slice(0, 4));
    expect(file.suggestedFilename()).to.equal(`医共体监测指标-${year}.xlsx`);
    const wb = await readWorkbook(await readFile(await file.path()));
    const sheet = wb.getWorksheet('监测指标')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).to.deep.equal(['序号', '维度', '指标']);
    expect(sheet.getRow(1).getCell(11).value).to.equal(`${year}年`);
    expect(sheet.rowCount - 1, 'the 14 indicators').to.equal(14);

    // 诊疗人次导入: a small file checked (one row counted, the bad one named by row and column), then imported
    await page.goto(`${baseUrl}/visit-import`);
    const csv = 'unit_code,month,visits,tcm_visits\nV001,2017-06,321,12\nV999,2017-06,100,0\n';
    await page.getByTestId('import-file').setInputFiles({ name: '诊疗人次.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('dry-run').click();
    expect(await page.getByTestId('import-summary').textContent()).to.equal('可导入 1 行，有错误 1 行');
    expect(await page.getByTestId('rejected-3-unit_code').textContent()).to.contain('未知的机构编码 V999');
    await page.getByTestId('commit').click();
    await page.getByText('已导入：').waitFor();
    const stored = await get<{ visits: number; tcm_visits: number }[]>('/api/visit-counts', {
      as: 'finance',
      query: { filter: JSON.stringify({ org_unit_id: await unitId('V001'), month: '2017-06-01' }) },
    });
    expect(stored.body.map((v) => [v.visits, v.tcm_visits])).to.deep.equal([[321, 12]]);
    await page.context().close();
  });
});

describe('exporter: every row, a chunk at a time, through the real simple-rest dataProvider', function () {
  this.timeout(300_000);
  it('pages 人员 seven rows a request up to the total, in the list order, each row once', async () => {
    const { url } = await system();
    const token = await tokenFor('hr');
    const requests: string[] = [];
    const http = (u: string, options: fetchUtils.Options = {}) => {
      requests.push(u);
      return fetchUtils.fetchJson(u, { ...options, headers: new Headers({ Accept: 'application/json', Authorization: `Bearer ${token}` }) });
    };
    const rows = await fetchAllRows(
      simpleRestProvider(`${url}/api`, http),
      'staff',
      { filter: { status: 'active' }, sort: { field: 'name', order: 'ASC' } },
      7,
    );

    const expected = await apiRows('hr', '/api/staff', { filter: '{"status":"active"}', sort: '["name","ASC"]' });
    expect(expected.total, 'enough people for three pages').to.be.greaterThan(14);
    expect(rows.map((r) => r.id)).to.deep.equal(expected.rows.map((r) => r.id));
    expect(requests.length, 'requests').to.equal(Math.ceil(expected.total / 7));
  });
});
