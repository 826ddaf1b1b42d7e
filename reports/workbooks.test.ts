// Every workbook a board can read: each report downloaded through the API as its user and read
// back — Chinese sheet names and labels, no numbers stored as text, no English codes, frozen
// headers — and its totals equal to the sum of their parts and to the API's figures.
import { expect } from 'chai';
import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import * as clock from '../api/core/clock';
import { defineEnum } from '../api/core/enums';
import { GATE, POOL, SETTLEMENT_ENUMS, type diseaseSpectrum, type GateDef, type RunFigures } from '../api/settlement';
import { toFen } from '../api/shared/money';
import { get, unitId, type AnswerOf, type Json } from '../scripts/test/harness';
import type { OrgUnit } from '../api/org';
import type { savingsReport } from '../api/procurement';
import { REFERRAL_DIRECTION, REFERRAL_ENUMS, type Direction } from '../api/referrals';
import { PROCUREMENT_ENUMS } from '../api/procurement';
import { HEALTH_ENUMS } from '../api/health';
import { FINANCE_ENUMS } from '../api/finance';
import { DIAGNOSIS_ENUMS, DX_URGENCY } from '../api/diagnosis';
import type { chestPainFiguresOf, diagnosisFigures } from '../api/diagnosis';
import { readWorkbook } from './xlsx';
import { writeSettlementWorkbook, type RunHead } from './settlement';

type Row = Record<string, ExcelJS.CellValue>;
/** A settlement run as the API answers it: its head and its figures. */
type RunJson = RunHead & { fund_year_id: number; figures: Json<RunFigures> };
/** The part of a budget execution answer the workbook is checked against. */
type ExecutionJson = { unit: { expense: { budget: string; consumed: string } } };
/** The part of a referral the workbook's list is checked against. */
type ReferralJson = { id: number; direction: Direction; requested_at: string };

/** A cell's text as a reader sees it: a plain value as it is, rich text by its runs, a formula by its result. */
function textOf(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return textOf(v.result);
  if ('text' in v) return textOf(v.text);
  return JSON.stringify(v);
}

/** The rows of a sheet as objects keyed by the header texts. */
function rowsOf(ws: ExcelJS.Worksheet): Row[] {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(String);
  const rows: Row[] = [];
  ws.eachRow((row, n) => n > 1 && rows.push(Object.fromEntries(header.map((h, i): [string, ExcelJS.CellValue] => [h, row.getCell(i).value]).slice(1))));
  return rows;
}

const fen = (v: ExcelJS.CellValue) => toFen(v as number);
const sumFen = (values: ExcelJS.CellValue[]) => values.reduce<bigint>((a, v) => a + (v == null ? 0n : fen(v)), 0n);
const sum = (values: ExcelJS.CellValue[]) => values.reduce<number>((a, v) => a + Number(v ?? 0), 0);

// every code a list of values knows (the values a workbook must show translated)
const LISTS: readonly (readonly { values: readonly string[] }[])[] = [
  SETTLEMENT_ENUMS,
  REFERRAL_ENUMS,
  PROCUREMENT_ENUMS,
  HEALTH_ENUMS,
  FINANCE_ENUMS,
  DIAGNOSIS_ENUMS,
];
const CODES = new Set(LISTS.flatMap((lists) => lists.flatMap((list) => list.values)).filter((k) => /^[a-z_]{3,}$/.test(k)));
/** A pool's label, as the allocation sheet heads its column. */
const poolLabel = (key: string) => (POOL.has(key) ? POOL.zh(key) : key);
const NUMERIC_TEXT = /^-?[\d,.]+%?$/;
const SNAKE_CODE = /^[a-z]+(_[a-z]+)+$/;
const CJK = /[\u4e00-\u9fff]/;

/** The problems a reader would see: numbers as text, English codes, a sheet without a Chinese name, headers that scroll away. */
function readabilityProblems(wb: ExcelJS.Workbook): string[] {
  const problems: string[] = [];
  for (const ws of wb.worksheets) {
    if (!CJK.test(ws.name)) problems.push(`sheet name ${ws.name}`);
    if (ws.views[0]?.state !== 'frozen') problems.push(`${ws.name}: header not frozen`);
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (typeof cell.value !== 'string') return;
        const text = cell.value.trim();
        if (NUMERIC_TEXT.test(text)) problems.push(`${ws.name} R${r}C${c}: number as text "${text}"`);
        if (SNAKE_CODE.test(text) || CODES.has(text)) problems.push(`${ws.name} R${r}C${c}: code "${text}"`);
      }),
    );
  }
  return problems;
}

async function workbook(url: string, as: string, query?: Record<string, unknown>) {
  const r = await get<Buffer>(url, { as, query });
  expect(r.status, `${url}: ${r.status}`).to.equal(200);
  expect(r.headers.get('content-type')).to.match(/spreadsheetml/);
  const wb = await readWorkbook(r.body);
  expect(readabilityProblems(wb), url).to.deep.equal([]);
  return wb;
}

describe('workbooks a board can read', function () {
  this.timeout(120_000);
  const year = Number(clock.today().slice(0, 4));

  it('the settlement run: Chinese labels, real numbers with formats, Beijing time; allocations and spending total exactly to the API', async () => {
    const [final] = (await get<RunJson[]>('/api/settlement-runs', { as: 'finance', query: { filter: { kind: 'final' }, sort: ['period', 'DESC'] } })).body;
    const run = (await get<RunJson>(`/api/settlement-runs/${final.id}`, { as: 'finance' })).body;
    const f = run.figures;
    const wb = await workbook(`/api/reports/settlement/${final.id}.xlsx`, 'finance');
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['汇总', '监测指标', '结余分配', '基金支出（按月）', '预拨付与清算', '病种谱', '定义']);

    const summary = new Map(rowsOf(wb.getWorksheet('汇总')!).map((r) => [textOf(r['项目']), r['数值']]));
    expect(fen(summary.get('结余'))).to.equal(toFen(f.surplus));
    expect(fen(summary.get('基金支出'))).to.equal(toFen(f.spending.total));
    expect(fen(summary.get('结余留用'))).to.equal(toFen(f.retained));
    expect(summary.get('结余率')).to.equal(f.surplus_rate);
    expect(fen(summary.get('基金支出 · 集团内'))).to.equal(toFen(f.spending.by_provider_class.in_group));
    const calculated = summary.get('计算时间') as Date;
    expect(calculated.getTime() - new Date(run.calculated_at!).getTime()).to.equal(8 * 3600_000); // shown in Beijing time
    const cells = new Map<string, ExcelJS.Cell>();
    wb.getWorksheet('汇总')!.eachRow((row) => cells.set(textOf(row.getCell(1).value), row.getCell(2)));
    expect(cells.get('结余')!.numFmt).to.equal('¥#,##0.00');
    expect(cells.get('结余率')!.numFmt).to.equal('0.00%');
    expect(cells.get('计算时间')!.numFmt).to.equal('yyyy-mm-dd hh:mm');

    // one row per township, one amount column per pool, a total row: each adds up to the API's pool and to retained
    const allocation = rowsOf(wb.getWorksheet('结余分配')!);
    const total = allocation.pop()!;
    expect(total['单位']).to.equal('合计');
    const townships = new Set(f.allocations.map((a) => a.code));
    expect(allocation.map((r) => r['单位编码'])).to.deep.equal([...townships]);
    for (const p of f.pools) {
      const column = `${poolLabel(p.key)}分配额`;
      expect(sumFen(allocation.map((r) => r[column])), p.key).to.equal(toFen(p.amount));
      expect(fen(total[column]), p.key).to.equal(toFen(p.amount));
    }
    for (const r of allocation) expect(fen(r['分配额合计'])).to.equal(sumFen(f.pools.map((p) => r[`${poolLabel(p.key)}分配额`])));
    expect(fen(total['分配额合计'])).to.equal(toFen(f.retained));
    expect(sumFen(allocation.map((r) => r['分配额合计']))).to.equal(toFen(f.retained));

    // the month's cells add up to its subtotal, the subtotals to the grand total = the API's spending
    const spending = rowsOf(wb.getWorksheet('基金支出（按月）')!);
    const grand = spending.pop()!;
    expect(grand['机构类别']).to.equal('合计');
    const subtotals = spending.filter((r) => r['机构类别'] === '小计');
    expect(subtotals).to.have.length(f.spending.by_month.length);
    for (const s of subtotals) {
      const cellsOfMonth = spending.filter((r) => r['月份'] === s['月份'] && r['机构类别'] !== '小计');
      expect(fen(s['统筹支付'])).to.equal(sumFen(cellsOfMonth.map((r) => r['统筹支付'])));
      expect(s['结算人次']).to.equal(sum(cellsOfMonth.map((r) => r['结算人次'])));
    }
    expect(fen(grand['统筹支付'])).to.equal(toFen(f.spending.total));
    expect(sumFen(subtotals.map((r) => r['统筹支付']))).to.equal(toFen(f.spending.total));
    expect(grand['结算人次']).to.equal(f.spending.claims);

    // 预拨付与清算: twelve months, the planned ones adding up to the annual budget, the paid ones to the API's total; then the 清算 lines
    const a = run.advances!;
    const advances = rowsOf(wb.getWorksheet('预拨付与清算')!);
    const months = advances.slice(0, 12);
    const advanceTotal = advances[12];
    expect(months.map((r) => r['月份'])).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(advanceTotal['月份']).to.equal('合计');
    expect(sumFen(months.map((r) => r['计划预拨付']))).to.equal(toFen(f.annual_budget));
    expect(fen(advanceTotal['计划预拨付'])).to.equal(toFen(f.annual_budget));
    expect(sumFen(months.map((r) => r['实际预拨付']))).to.equal(toFen(a.total_paid));
    expect(fen(advanceTotal['实际预拨付'])).to.equal(toFen(a.total_paid));
    expect(fen(months[11]['累计已拨付'])).to.equal(toFen(a.total_paid));
    const lines = new Map(advances.slice(13).map((r) => [textOf(r['月份']), r['计划预拨付']]));
    const r = a.reconciliation!;
    expect(fen(lines.get('集团年度应得'))).to.equal(toFen(f.spending.total) + toFen(f.retained) - toFen(f.overspend_group));
    expect(fen(lines.get('预拨付合计'))).to.equal(toFen(a.total_paid));
    expect(fen(lines.get('清算差额'))).to.equal(fen(lines.get('集团年度应得')) - fen(lines.get('预拨付合计')));
    expect(fen(lines.get(`清算：${r.direction === 'group_returns' ? '集团应退回基金' : '基金应补付集团'}`))).to.equal(toFen(r.amount));
    expect(fen(summary.get(`清算 · ${r.direction === 'group_returns' ? '集团应退回基金' : '基金应补付集团'}`))).to.equal(toFen(r.amount));

    // member units by level, then code: no branch between townships
    const indicatorUnits = [...new Set(rowsOf(wb.getWorksheet('监测指标')!).map((r) => textOf(r['单位编码'])))].filter(Boolean);
    const levels = indicatorUnits.map((code) => f.unit_indicators.find((u) => u.code === code)!.level);
    expect(levels).to.deep.equal([...levels].sort((a, b) => a - b));
  });

  it('a provisional run’s workbook shows its retained surplus and shares as an estimate (预估), and no 清算', async () => {
    const [month] = (await get<RunJson[]>('/api/settlement-runs', { as: 'finance', query: { filter: { kind: 'provisional' }, sort: ['period', 'DESC'] } }))
      .body;
    const run = (await get<RunJson>(`/api/settlement-runs/${month.id}`, { as: 'finance' })).body;
    expect(run.figures.estimate).to.equal(true);
    const wb = await workbook(`/api/reports/settlement/${month.id}.xlsx`, 'finance');
    // a month's workbook also carries the year-end forecast made at it
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['汇总', '监测指标', '结余分配（预估）', '基金支出（按月）', '年终预测', '病种谱', '定义']);
    const summary = new Map(rowsOf(wb.getWorksheet('汇总')!).map((r) => [textOf(r['项目']), r]));
    expect(summary.has('结余留用')).to.equal(false);
    expect(fen(summary.get('预估结余留用')!['数值'])).to.equal(toFen(run.figures.retained));
    expect(textOf(summary.get('预估结余留用')!['说明'])).to.contain('不实际分配');
    const allocation = rowsOf(wb.getWorksheet('结余分配（预估）')!);
    expect(fen(allocation.pop()!['预估分配额合计'])).to.equal(toFen(run.figures.retained));

    // 病种谱: the group's top 20 by admissions and by fund paid over the run's months, as the API answers it, then each township's
    const api = (
      await get<AnswerOf<typeof diseaseSpectrum>>(`/api/fund-years/${run.fund_year_id}/disease-spectrum`, {
        as: 'finance',
        query: { month: String(run.figures.through_month) },
      })
    ).body;
    const spectrum = rowsOf(wb.getWorksheet('病种谱')!);
    const group = spectrum.filter((r) => r['范围'] === '集团全体参保人');
    const byAdmissions = group.filter((r) => r['排名依据'] === '前20位病种（按住院人次）');
    expect(byAdmissions.map((r) => r['ICD-10 类目'])).to.deep.equal(api.by_admissions.map((r) => r.code));
    expect(group.filter((r) => r['排名依据'] === '前20位病种（按统筹支付）').map((r) => r['ICD-10 类目'])).to.deep.equal(api.by_fund.map((r) => r.code));
    const [first] = api.by_admissions;
    expect(byAdmissions[0]).to.deep.include({
      排名: 1,
      病种: first.name,
      住院人次: first.admissions,
      上年同期住院人次: first.admissions_last ?? '无数据',
      住院人次变化: first.admissions_change ?? '无数据',
      千人住院人次: first.per_1000 ?? '无数据',
    });
    expect(fen(byAdmissions[0]['统筹支付'])).to.equal(toFen(first.fund_paid));
    // one section per township of the reader's scope, named by its code and name
    const scopes = new Set(spectrum.map((r) => textOf(r['范围'])));
    for (const t of api.townships) expect(scopes.has(`${t.code} ${t.name}`), t.code).to.equal(true);
  });

  it('the settlement run: a gate added to the registry gets its row, labelled and formatted from its entry', async () => {
    const [final] = (await get<RunJson[]>('/api/settlement-runs', { as: 'finance', query: { filter: { kind: 'final' }, sort: ['period', 'DESC'] } })).body;
    const run = (await get<RunJson>(`/api/settlement-runs/${final.id}`, { as: 'finance' })).body;
    const registry = defineEnum('gate', {
      ...GATE.labels,
      primary_care_fund_share: {
        zh: '基层基金支出占比',
        en: 'Primary-care fund share',
        direction: 'min',
        measure: { ratio: ['fund_primary', 'fund'] },
        threshold: 0.2,
        deduction: 0.05,
      },
    } satisfies Record<string, GateDef>);
    const added = { key: 'primary_care_fund_share', direction: 'min', value: 0.1, threshold: 0.2, passed: false, deduction: 0.05 } as const;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeSettlementWorkbook(out, run, { ...run.figures, gates: [...run.figures.gates, added] }, registry);
    const cells = new Map<string, ExcelJS.Row>();
    (await readWorkbook(Buffer.concat(chunks))).getWorksheet('汇总')!.eachRow((row) => cells.set(textOf(row.getCell(1).value), row));
    const row = cells.get('结余留用条件 · 基层基金支出占比')!;
    expect([row.getCell(2).value, row.getCell(2).numFmt, row.getCell(3).value]).to.deep.equal([0.1, '0.00%', '≥ 20%：未达标，扣减 5%']);
    expect(cells.get('结余留用条件 · 参保满意度')!.getCell(2).numFmt).to.not.equal('0.00%'); // the survey's score, not a rate
  });

  it('budget execution: each unit’s 支出合计 is the sum of its expense accounts and the API’s', async () => {
    const hq = await unitId('HQ');
    const api = (await get<ExecutionJson>('/api/budgets/execution', { as: 'finance', query: { year, org_unit_id: hq } })).body;
    const wb = await workbook('/api/reports/budget-execution.xlsx', 'finance', { year: String(year), org_unit_id: String(hq) });
    const rows = rowsOf(wb.worksheets[0]).filter((r) => r['单位编码'] === 'HQ');
    const expense = rows.filter((r) => r['收支'] === '支出');
    const total = expense.pop()!;
    expect(total['科目']).to.equal('支出合计');
    expect(fen(total['预算'])).to.equal(sumFen(expense.map((r) => r['预算'])));
    expect(fen(total['预算'])).to.equal(toFen(api.unit.expense.budget));
    expect(fen(total['已消耗'])).to.equal(toFen(api.unit.expense.consumed));
    expect(rows[0]['层级']).to.equal('总院');
  });

  it('procurement savings: categories add up to the 合计 row = the API’s total; rates are percentages', async () => {
    const today = clock.today();
    const api = (await get<AnswerOf<typeof savingsReport>>('/api/purchase-orders/savings', { as: 'procurement', query: { from: '2000-01-01', to: today } }))
      .body;
    const wb = await workbook('/api/reports/procurement-savings.xlsx', 'procurement', { from: '2000-01-01', to: today });
    const rows = rowsOf(wb.worksheets[0]);
    const total = rows.pop()!;
    expect(total['类别']).to.equal('合计');
    expect(fen(total['节约金额'])).to.equal(sumFen(rows.map((r) => r['节约金额'])));
    expect(fen(total['节约金额'])).to.equal(toFen(api.total.savings));
    expect(total['节约率']).to.equal(Number((api.total.savings_pct / 100).toFixed(4)));
  });

  it('referrals: directions and statuses in Chinese, times in Beijing time, a 合计 row per table', async () => {
    const today = clock.today();
    const from = `${year}-01-01`;
    const wb = await workbook('/api/reports/referrals.xlsx', 'referral', { from, to: today });
    const list = rowsOf(wb.getWorksheet('转诊明细')!);
    expect(list.length).to.be.greaterThan(0);
    const first = (await get<ReferralJson>(`/api/referrals/${list[0]['编号'] as number}`, { as: 'referral' })).body;
    expect(list[0]['方向']).to.equal(REFERRAL_DIRECTION.zh(first.direction));
    expect((list[0]['申请时间'] as Date).getTime() - new Date(first.requested_at).getTime()).to.equal(8 * 3600_000);
    const units = rowsOf(wb.getWorksheet('按单位方向统计')!);
    const total = units.pop()!;
    expect(total['单位']).to.equal('合计');
    for (const k of ['上转', '下转', '接收']) expect(total[k], k).to.equal(sum(units.map((r) => r[k])));
    const timely = rowsOf(wb.getWorksheet('及时性')!);
    const t = timely.pop()!;
    expect(t['申请数']).to.equal(sum(timely.map((r) => r['申请数'])));
  });

  it('the diagnosis centres: per centre, service and unit, per reader, chest pain per township and the village ECG share, equal to the API’s', async () => {
    const q = { from: clock.addDays(clock.today(), -366), to: clock.today() };
    const [f, cp] = await Promise.all([
      get<AnswerOf<typeof diagnosisFigures>>('/api/diagnosis-requests/figures', { as: 'auditor', query: q }).then((r) => {
        expect(r.status, JSON.stringify(r.body)).to.equal(200);
        return r.body;
      }),
      get<AnswerOf<typeof chestPainFiguresOf>>('/api/diagnosis-requests/chest-pain-figures', { as: 'auditor', query: q }).then((r) => r.body),
    ]);
    const wb = await workbook('/api/reports/diagnosis-figures.xlsx', 'auditor', q);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal([
      '汇总',
      '按中心',
      '按服务项目',
      '按申请单位',
      '医师工作量',
      '胸痛中心（按乡镇）',
      '远程会诊',
      '村卫生室心电',
    ]);

    const centres = rowsOf(wb.getWorksheet('按中心')!);
    const total = centres.pop()!;
    expect(total['诊断中心']).to.equal('合计');
    expect(centres.map((r) => r['诊断中心'])).to.deep.equal(f.centres.map((c) => c.centre_name));
    for (const [i, c] of f.centres.entries()) {
      const r = centres[i];
      expect([r['申请数'], r['已报告'], r['按时'], r['超时'], r['危急值'], r['危急值已确认']], c.centre_name!).to.deep.equal([
        c.requests,
        c.reported,
        c.on_time,
        c.late,
        c.critical,
        c.critical_acknowledged,
      ]);
      expect([r['用时中位数（分钟）'], r['用时P90（分钟）'], r['按时率']]).to.deep.equal([c.median_minutes, c.p90_minutes, c.on_time_share]);
      expect(r['平均评分'] ?? null).to.equal(c.mean_score);
      expect(fen(r['报告费用'])).to.equal(toFen(c.fees));
    }
    const reported = sum(f.centres.map((c) => c.reported));
    expect(total['申请数']).to.equal(sum(f.centres.map((c) => c.requests)));
    expect(total['已报告']).to.equal(reported);
    expect(fen(total['报告费用'])).to.equal(f.centres.reduce((a, c) => a + toFen(c.fees), 0n));

    // the services and the requesting units add up to the same requests; the urgencies in Chinese
    const services = rowsOf(wb.getWorksheet('按服务项目')!);
    expect(services.pop()!['申请数']).to.equal(total['申请数']);
    expect(services).to.have.lengthOf(f.services.length);
    expect(new Set(services.map((r) => r['紧急程度']))).to.deep.equal(new Set(f.services.map((s) => DX_URGENCY.zh(s.urgency as 'routine'))));
    const units = rowsOf(wb.getWorksheet('按申请单位')!);
    expect(units.pop()!['申请数']).to.equal(total['申请数']);
    expect(units.map((r) => r['申请单位'])).to.deep.equal(f.units.map((u) => u.label));

    // every reported request has its first signer: the readers' reports add up to the centres' reported
    const readers = rowsOf(wb.getWorksheet('医师工作量')!);
    const readersTotal = readers.pop()!;
    expect(readers.map((r) => [r['医师'], r['签发报告'], r['复核签名']])).to.deep.equal(f.readers.map((r) => [r.name, r.reports, r.cosigned]));
    expect(readersTotal['签发报告']).to.equal(reported);
    expect(fen(readersTotal['签发报告费用'])).to.equal(toFen(total['报告费用'] as number));

    const chestPain = rowsOf(wb.getWorksheet('胸痛中心（按乡镇）')!);
    expect(chestPain.pop()!['病例']).to.equal(sum(cp.map((c) => c.cases)));
    expect(chestPain.map((r) => [r['乡镇'], r['病例'], r['急诊PCI'], r['FMC至球囊中位数（分钟）'] ?? null])).to.deep.equal(
      cp.map((c) => [c.township_name, c.cases, c.pci, c.median_fmc_to_balloon]),
    );

    // the consultations: a row per host (全期) then its months, as the API's; the months add up to the host's
    const consult = rowsOf(wb.getWorksheet('远程会诊')!);
    expect(f.consultations.hosts.length, 'the demo has consultations in the year').to.be.greaterThan(0);
    expect(
      consult.map((r) => [r['会诊中心'], r['月份'], r['邀请数'], r['已出意见'], r['邀请至意见中位数（小时）'] ?? null, r['按时率'] ?? null]),
    ).to.deep.equal(
      f.consultations.hosts.flatMap((h) => [
        [h.host_unit_name, '全期', h.consultations, h.opinions, h.median_hours, h.on_time_share],
        ...f.consultations.months
          .filter((m) => m.host_org_unit_id === h.host_org_unit_id)
          .map((m) => [m.host_unit_name, m.month, m.consultations, m.opinions, m.median_hours, m.on_time_share]),
      ]),
    );
    for (const h of f.consultations.hosts)
      expect(sum(f.consultations.months.filter((m) => m.host_org_unit_id === h.host_org_unit_id).map((m) => m.consultations))).to.equal(h.consultations);

    // the village clinics: one row each, the share of those that sent an ECG = the API's = the 汇总's
    const villages = rowsOf(wb.getWorksheet('村卫生室心电')!);
    villages.pop();
    const sent = villages.filter((r) => r['已发送'] === '是').length;
    expect(villages).to.have.lengthOf(f.village_ecg.village_clinics);
    expect(sent).to.equal(f.village_ecg.sent);
    expect(sent).to.be.greaterThan(0);
    const summary = new Map(rowsOf(wb.getWorksheet('汇总')!).map((r) => [textOf(r['项目']), r['数值']]));
    expect(summary.get('村卫生室心电覆盖率')).to.equal(f.village_ecg.share);
    expect(f.village_ecg.share).to.equal(Math.round((sent / villages.length) * 10000) / 10000);
    expect(summary.get('申请数')).to.equal(total['申请数']);
  });

  it('the rotation roster and the staff roster: real dates, Chinese labels, totals of quota and balance', async () => {
    const wb = await workbook('/api/reports/rotation-roster.xlsx', 'hr', { year: String(year) });
    const [list, quota, balance] = wb.worksheets.map(rowsOf);
    if (list.length) expect(list[0]['开始日期']).to.be.instanceOf(Date);
    const q = quota.pop()!;
    expect(q['计划名额']).to.equal(sum(quota.map((r) => r['计划名额'])));
    const b = balance.pop()!;
    expect(b['接收下派专家']).to.equal(sum(balance.map((r) => r['接收下派专家'])));
    const staff = rowsOf((await workbook('/api/reports/staff-roster.xlsx', 'hr', { org_unit_id: String(await unitId('T01')) })).worksheets[0]);
    expect(staff[0]['入职日期']).to.be.instanceOf(Date);
    expect(staff[0]['性别']).to.be.oneOf(['男', '女']);
  });

  it('health workload: the township totals add up to the 总计 row', async () => {
    const wb = await workbook('/api/reports/health-workload.xlsx', 'admin', { org_unit_id: String(await unitId('B1')), year: String(year) });
    const rows = rowsOf(wb.worksheets[0]);
    const grand = rows.pop()!;
    expect(grand['乡镇卫生院']).to.equal('总计');
    const townships = rows.filter((r) => textOf(r['乡镇卫生院']).endsWith(' 合计'));
    expect(townships.length).to.be.greaterThan(0);
    expect(grand['随访合计']).to.equal(sum(townships.map((r) => r['随访合计'])));
    expect(grand['随访合计']).to.equal(sum(rows.filter((r) => r['村医']).map((r) => r['随访合计'])));
  });
});

describe('workbooks read through the caller’s scope', function () {
  this.timeout(120_000);
  const year = Number(clock.today().slice(0, 4));
  const T01 = 'director-T01';

  /** The units a caller sees (the org-units list is scoped), by code and by name. */
  async function unitsSeenBy(as: string) {
    const units = (await get<Json<OrgUnit>[]>('/api/org-units', { as, query: { range: [0, 999] } })).body;
    return { codes: new Set(units.map((u) => u.code)), names: new Set(units.map((u) => u.name)) };
  }

  it('budget execution: a township director gets its own subtree only, with the figures the group sees for that township', async () => {
    const seen = await unitsSeenBy(T01);
    expect(seen.codes.has('T01')).to.equal(true);
    expect(seen.codes.has('HQ')).to.equal(false);
    const rows = rowsOf((await workbook('/api/reports/budget-execution.xlsx', T01, { year: String(year) })).worksheets[0]);
    expect(rows[0]['单位编码']).to.equal('T01');
    const codes = new Set(rows.map((r) => textOf(r['单位编码'])));
    expect(codes.size, 'T01 and the villages below it').to.be.greaterThan(1);
    for (const code of codes) expect(seen.codes.has(code), code).to.equal(true);

    const t01 = await unitId('T01');
    const group = rowsOf((await workbook('/api/reports/budget-execution.xlsx', 'finance', { year: String(year), org_unit_id: String(t01) })).worksheets[0]);
    expect(rows).to.deep.equal(group);
    const expenseTotal = rows.find((r) => r['单位编码'] === 'T01' && r['科目'] === '支出合计')!;
    const api = (await get<ExecutionJson>('/api/budgets/execution', { as: T01, query: { year } })).body;
    expect(fen(expenseTotal['预算'])).to.equal(toFen(api.unit.expense.budget));
    expect(fen(expenseTotal['已消耗'])).to.equal(toFen(api.unit.expense.consumed));

    const outside = await get('/api/reports/budget-execution.xlsx', { as: T01, query: { year: String(year), org_unit_id: String(await unitId('HQ')) } });
    expect(outside.status).to.equal(403);
  });

  it('referrals: a township director gets only referrals from or to its subtree, a subset of the group’s', async () => {
    const seen = await unitsSeenBy(T01);
    const query = { from: '2000-01-01', to: clock.today() };
    const mine = await workbook('/api/reports/referrals.xlsx', T01, query);
    const list = rowsOf(mine.getWorksheet('转诊明细')!);
    expect(list.length).to.be.greaterThan(0);
    for (const r of list)
      expect(seen.names.has(textOf(r['转出单位'])) || seen.names.has(textOf(r['接收单位'])), `referral ${r['编号'] as number}`).to.equal(true);
    const units = rowsOf(mine.getWorksheet('按单位方向统计')!);
    expect(units.pop()!['单位']).to.equal('合计');
    for (const u of units) expect(seen.names.has(textOf(u['单位'])), textOf(u['单位'])).to.equal(true);

    const group = rowsOf((await workbook('/api/reports/referrals.xlsx', 'referral', query)).getWorksheet('转诊明细')!);
    const groupIds = new Set(group.map((r) => r['编号']));
    expect(group.length).to.be.greaterThan(list.length);
    for (const r of list) expect(groupIds.has(r['编号'])).to.equal(true);
    const first = (await get<ReferralJson>(`/api/referrals/${list[0]['编号'] as number}`, { as: T01 })).body;
    expect(list[0]['方向']).to.equal(REFERRAL_DIRECTION.zh(first.direction));
  });
});
