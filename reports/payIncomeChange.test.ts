// The 收入变化 workbook downloaded through the API and read back: a township no other file pays (T15),
// in years no other file pays (six and seven years back), March paid in both years — its three
// Chinese sheets, each role's row, the levels' subtotals and the 合计 as the API answers them, the
// township's rows, 无数据 where last year has no base, and who may download it.
import { expect } from 'chai';
import type ExcelJS from 'exceljs';
import * as clock from '../api/core/clock';
import { get, system } from '../scripts/test/harness';
import { IncomeTownship } from '../scripts/test/payIncome';
import type { IncomeChange, PayIncomeChange } from '../api/pay';
import { readWorkbook } from './xlsx';

const YEAR = Number(clock.today().slice(0, 4)) - 6;
const LAST = YEAR - 1;

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
};

/** The twelve figure cells a row should hold for a group (as the writer turns the API's strings into cells). */
const cells = (c: IncomeChange) => {
  const money = (v: string | null) => (v === null ? '无数据' : Number(v));
  const rate = (v: string | null) => (v === null ? '无数据' : Number((Number(v) / 100).toFixed(4)));
  return [
    c.this_year.people,
    c.this_year.person_months,
    Number(c.this_year.amount),
    money(c.this_year.average),
    c.last_year.people,
    c.last_year.person_months,
    Number(c.last_year.amount),
    money(c.last_year.average),
    rate(c.change_pct),
    money(c.this_year.average_net),
    money(c.last_year.average_net),
    rate(c.change_net_pct),
  ];
};

describe('the 收入变化 workbook', function () {
  this.timeout(300_000);
  const t = new IncomeTownship('T15', 'income-report-staff-t15');
  let view: PayIncomeChange;
  let wb: ExcelJS.Workbook;

  before(async () => {
    await system();
    await t.setUp();
    await t.work(`${LAST}-03`, false);
    await t.work(`${YEAR}-03`, true);
    await t.approve(await t.calculate(`${LAST}-03`, '8000.00'));
    await t.approve(await t.calculate(`${YEAR}-03`, '10000.00'));
    view = (await get<PayIncomeChange>('/api/pay-income-change', { as: 'finance', query: { year: YEAR } })).body;
    const file = await get<Buffer>('/api/reports/pay-income-change.xlsx', { as: 'finance', query: { year: YEAR } });
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-type')).to.match(/spreadsheetml/);
    expect(decodeURIComponent(file.headers.get('content-disposition')!)).to.contain(`收入变化-${YEAR}.xlsx`);
    wb = await readWorkbook(file.body);
  });

  after(() => t.tearDown());

  it('three Chinese sheets; 收入变化 has a row per role, each level’s 小计 and the 合计, figures as the API answers them', () => {
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['收入变化', '乡镇收入变化', '说明']);
    const rows = rowsOf(wb.getWorksheet('收入变化')!);
    expect(rows[0].slice(0, 6)).to.deep.equal(['层级', '岗位', `${YEAR}年人数`, `${YEAR}年人月数`, `${YEAR}年应发绩效合计`, `${YEAR}年月人均绩效（应发）`]);
    expect(rows[0]).to.include('月人均绩效变化').and.include(`${LAST}年月人均绩效（应发）`).and.include(`${YEAR}年月人均实发`);
    const role = (r: string) => view.by_role.find((x) => x.role === r)!;
    const level = (l: string) => view.by_level.find((x) => x.level === l)!;
    expect(rows.slice(1)).to.deep.equal([
      ['乡镇卫生院人员', '乡镇卫生院院长', ...cells(role('director'))],
      ['乡镇卫生院人员', '乡镇卫生院其他职工', ...cells(role('township_staff'))],
      ['乡镇卫生院人员', '小计', ...cells(level('township'))],
      ['村卫生室村医', '村医', ...cells(role('village_doctor'))],
      ['村卫生室村医', '小计', ...cells(level('village'))],
      ['合计', '全部岗位', ...cells(view.total)],
    ]);
    // the director was paid in March of both years: figures on both sides, a change in %
    expect([role('director').this_year.person_months, role('director').last_year.person_months]).to.deep.equal([1, 1]);
    expect(role('director').change_pct).to.not.equal(null);
    // the village doctors logged nothing last March: only the base part by post and title paid them
    expect(Number(role('village_doctor').last_year.amount)).to.be.greaterThan(0);
    expect(role('village_doctor').change_pct).to.not.equal(null);
    expect(rows[4][10]).to.be.a('number');
  });

  it("乡镇收入变化: the township's three roles and its 合计, as the API's row", () => {
    const row = view.townships.find((x) => x.org_unit_id === t.township)!;
    const rows = rowsOf(wb.getWorksheet('乡镇收入变化')!).filter((r) => r[0] === row.code);
    expect(rows).to.deep.equal([
      [row.code, row.name, '乡镇卫生院院长', ...cells(row.roles.director)],
      [row.code, row.name, '乡镇卫生院其他职工', ...cells(row.roles.township_staff)],
      [row.code, row.name, '村医', ...cells(row.roles.village_doctor)],
      [row.code, row.name, '合计', ...cells(row)],
    ]);
  });

  it('说明 names the months compared and what is counted: performance pay, not total salary', () => {
    const notes = new Map(rowsOf(wb.getWorksheet('说明')!).map((r) => [r[0], r.slice(1)]));
    expect(notes.get('年度')).to.deep.equal([YEAR, `与 ${LAST} 年同期比较`]);
    expect(notes.get('比较月份')?.[0]).to.equal('3月');
    expect(notes.get('口径')?.[1]).to.be.a('string').and.contain('不是工资总额');
  });

  it("a director downloads their own township's figures, a village doctor nothing, a bad year is a 400", async () => {
    const own = await get<Buffer>('/api/reports/pay-income-change.xlsx', { as: t.directorLogin, query: { year: YEAR } });
    expect(own.status).to.equal(200);
    const codes = new Set(
      rowsOf((await readWorkbook(own.body)).getWorksheet('乡镇收入变化')!)
        .slice(1)
        .map((r) => r[0]),
    );
    expect([...codes]).to.deep.equal([view.townships.find((x) => x.org_unit_id === t.township)!.code]);
    expect((await get('/api/reports/pay-income-change.xlsx', { as: t.doctor.username, query: { year: YEAR } })).status).to.equal(403);
    expect((await get('/api/reports/pay-income-change.xlsx', { as: 'finance', query: { year: 'x' } })).status).to.equal(400);
  });
});
