// The pay workbook (绩效工资表) downloaded through the API and read back: a township's December run of
// last year (last year's final settlement approved for it, then put back as the demo had it) —
// its four Chinese sheets, a person's row as the run's line has it, the 合计 equal to the pool to
// the fen, the scheme kept on the run, and 结余追溯 adding up from the retained surplus to the
// people with every check ✓; who may download it, and nothing before the run is calculated.
import { expect } from 'chai';
import type ExcelJS from 'exceljs';
import * as clock from '../api/core/clock';
import { toFen } from '../api/shared/money';
import { get, post, system, unitId, type Json, type Problem } from '../scripts/test/harness';
import { approveFinalRun, lastYearFinalRun, restoreFinalRun, type FinalRunSnapshot } from '../scripts/test/finalRun';
import { PAY_POST, PAY_TITLE_LEVEL, type PayLine, type PayRun, type PayTrace } from '../api/pay';
import { readWorkbook } from './xlsx';

type RunRead = Json<PayRun> & { lines: Json<PayLine>[] };
const year = Number(clock.today().slice(0, 4)) - 1;
// a township no other test pays
const TOWNSHIP = 'T17';
const fen = (v: ExcelJS.CellValue) => toFen(v as number);

/** The rows of a sheet as arrays of cell values (index 1 = column A). */
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push(row.values as ExcelJS.CellValue[]));
  return rows;
};
/** A text cell's text ('' for any other). */
const text = (v: ExcelJS.CellValue) => (typeof v === 'string' ? v : '');
/** A 项目 / 数值 sheet as label → value. */
const labelled = (ws: ExcelJS.Worksheet) => new Map(rowsOf(ws).map((r) => [text(r[1]), r[2]]));

describe('the pay workbook (绩效工资表)', function () {
  this.timeout(300_000);
  let snapshot: FinalRunSnapshot;
  let run: RunRead;
  let trace: PayTrace;
  let wb: ExcelJS.Workbook;

  before(async () => {
    await system();
    snapshot = await lastYearFinalRun();
    await approveFinalRun(snapshot);
    const made = await post<Json<PayRun>>(
      '/api/pay-runs',
      { org_unit_id: await unitId(TOWNSHIP), month: `${year}-12`, budgeted_fund: '4321.09' },
      { as: 'finance' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    expect((await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    run = (await get<RunRead>(`/api/pay-runs/${made.body.id}`, { as: 'finance' })).body;
    trace = (await get<PayTrace>(`/api/pay-runs/${run.id}/trace`, { as: 'finance' })).body;
    const file = await get<Buffer>(`/api/reports/pay-runs/${run.id}.xlsx`, { as: 'finance' });
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-type')).to.match(/spreadsheetml/);
    expect(decodeURIComponent(file.headers.get('content-disposition')!)).to.contain(`绩效工资-${trace.run.township}-${year}-12-run${run.id}.xlsx`);
    wb = await readWorkbook(file.body);
  });

  after(() => restoreFinalRun(snapshot));

  it('four Chinese sheets; 汇总 has the run with its fund, share and pool', () => {
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['汇总', '绩效明细', '绩效方案', '结余追溯']);
    const s = labelled(wb.getWorksheet('汇总')!);
    expect(s.get('乡镇卫生院')).to.equal(trace.run.township);
    expect(s.get('月份')).to.equal(`${year}-12`);
    expect(s.get('状态')).to.equal('已计算');
    expect(fen(s.get('预算绩效资金'))).to.equal(432_109n);
    expect(fen(s.get('医保结余绩效'))).to.equal(toFen(run.settlement_share));
    expect(Number(run.settlement_share), 'the December run has its share').to.be.greaterThan(0);
    expect(fen(s.get('本月绩效总额'))).to.equal(toFen(run.pool!));
    expect(s.get('总工分')).to.equal(Number(run.total_points));
    expect(s.get('人数')).to.equal(run.lines.length);
    expect(s.get('计算人')).to.be.a('string').and.not.equal('');
  });

  it("绩效明细: a person's row is their line; the 合计 row's amount is the pool to the fen", () => {
    const ws = wb.getWorksheet('绩效明细')!;
    const [header, ...rows] = rowsOf(ws);
    const col = (h: string) => header.indexOf(h);
    expect(col('高血压面对面随访（分）')).to.be.greaterThan(0);
    const line = run.lines.reduce((a, b) => (Number(b.gross_points) > Number(a.gross_points) ? b : a));
    expect(Number(line.gross_points), 'someone earned points in December').to.be.greaterThan(0);
    const row = rows.find((r) => r[col('姓名')] === line.name)!;
    expect(row, line.name).to.exist;
    expect(row[col('工分合计')]).to.equal(Number(line.gross_points));
    // the base part by post and title
    expect(row[col('基础绩效工分')]).to.equal(Number(line.base_points));
    expect(row[col('岗位')]).to.equal(PAY_POST.zh(line.post!));
    expect(row[col('职称等级')]).to.equal(PAY_TITLE_LEVEL.zh(line.title_level!));
    expect(row[col('漏访（次）')]).to.equal(line.missed_tasks);
    expect(row[col('核定工分')]).to.equal(Number(line.points));
    // the unit's quality score and its points ± (none when neither the work unit nor the township was inspected)
    expect([row[col('质量得分')] ?? null, row[col('质量加减分')]]).to.deep.equal([
      line.unit_quality_score === null ? null : Number(line.unit_quality_score),
      Number(line.unit_quality_points),
    ]);
    expect(fen(row[col('应发（元）')])).to.equal(toFen(line.amount));
    expect(row[col('年度考核')]).to.be.oneOf(['优秀', '合格', '基本合格', '不称职']);
    const byService = Object.entries(line.by_service).map(([, v]) => v.points / 100);
    const serviceCells = header.flatMap((h, i) => (typeof h === 'string' && h.endsWith('（分）') ? [row[i]] : [])).filter((v) => v != null);
    expect(serviceCells).to.have.members(byService);
    const people = rows.filter((r) => r[col('姓名')] !== '合计');
    expect(people).to.have.length(run.lines.length);
    const total = rows.find((r) => r[col('姓名')] === '合计')!;
    expect(fen(total[col('应发（元）')])).to.equal(toFen(run.pool!));
    expect(people.reduce((a, r) => a + fen(r[col('应发（元）')]), 0n)).to.equal(toFen(run.pool!));
    // the medical-risk fund: each row's net = gross − contribution + return; the totals are the run's
    expect(fen(row[col('实发（元）')])).to.equal(toFen(line.net_amount));
    expect(fen(row[col('应发（元）')]) - fen(row[col('医疗风险金（元）')]) + fen(row[col('风险金返还（元）')])).to.equal(toFen(line.net_amount));
    expect(fen(total[col('医疗风险金（元）')])).to.equal(toFen(run.risk_contributions!));
    expect(fen(total[col('实发（元）')])).to.equal(toFen(run.net_paid!));
    // the experts sent down (下派): their sending unit and its top-up, outside the pool; the 合计 is the run's
    const sent = people.filter((r) => r[col('下派派出单位')]);
    expect(sent.map((r) => fen(r[col('下派补助（元，派出单位支付）')]))).to.deep.equal(
      run.lines.filter((l) => l.rotation_id !== null).map((l) => toFen(l.rotation_top_up)),
    );
    expect(fen(total[col('下派补助（元，派出单位支付）')])).to.equal(toFen(run.rotation_top_ups!));
  });

  it('绩效方案: the scheme kept on the run, with Chinese labels', () => {
    const s = labelled(wb.getWorksheet('绩效方案')!);
    expect(s.get('高血压面对面随访')).to.equal(4);
    expect(s.get('慢病电话随访')).to.equal(1);
    expect(s.get('漏访扣分（每次）')).to.equal(2);
    expect(s.get('考核系数 · 优秀')).to.equal(1.2);
    expect(s.get('考核系数 · 不称职')).to.equal(0);
    expect(s.get('质量系数 · 控制率 ≥ 70%')).to.equal(1.1);
    expect([s.get('质量加减分 · 质量得分 ≥ 95'), s.get('质量加减分 · 质量得分 ≥ 70'), s.get('质量加减分 · 质量得分 ≥ 0')]).to.deep.equal([5, -5, -10]);
    expect([s.get('科室绩效 · 药占比权重（%）'), s.get('科室绩效 · 次均住院费用权重（%）'), s.get('科室绩效 · 单项最高分')]).to.deep.equal([40, 40, 120]);
  });

  it('结余追溯: from the retained surplus to the people, each 合计 its whole to the fen, every check ✓', () => {
    const rows = rowsOf(wb.getWorksheet('结余追溯')!).slice(1);
    const step = (n: number) => rows.filter((r) => text(r[1]).startsWith(`${n} `));
    const item = (n: number, label: string) => step(n).find((r) => r[2] === label)!;
    const s = trace.settlement!;
    expect(fen(item(1, '结余')[3])).to.equal(toFen(s.surplus));
    expect(fen(item(1, '结余留用')[3])).to.equal(toFen(s.retained));
    // pools → retained
    const pools = step(2).filter((r) => r[2] !== '合计');
    expect(pools.map((r) => r[2])).to.deep.equal(['健康管理', '绩效奖励']);
    expect(pools.reduce((a, r) => a + fen(r[3]), 0n)).to.equal(toFen(s.retained));
    expect(fen(item(2, '合计')[3])).to.equal(toFen(s.retained));
    // townships → the staff-performance pool (finance sees every row)
    const townships = step(3).filter((r) => r[2] !== '合计');
    expect(townships).to.have.length(s.recipients);
    expect(townships.reduce((a, r) => a + fen(r[3]), 0n)).to.equal(fen(item(2, '绩效奖励')[3]));
    expect(fen(townships.find((r) => r[2] === trace.run.township)![3])).to.equal(toFen(run.settlement_share));
    // the pay pool = fund + share
    expect(fen(item(4, '本月绩效总额')[3])).to.equal(fen(item(4, '预算绩效资金')[3]) + fen(item(4, '医保结余绩效')[3]));
    // people → the pool
    const people = step(5).filter((r) => r[2] !== '合计');
    expect(people).to.have.length(run.lines.length);
    expect(people.reduce((a, r) => a + fen(r[3]), 0n)).to.equal(toFen(run.pool!));
    const checks = rows.filter((r) => r[1] === '核对' && r[2] !== '核对项');
    expect(checks).to.have.length(8);
    expect(checks.map((r) => r[5])).to.deep.equal(Array(8).fill('✓'));
    expect(checks.map((r) => fen(r[3]) === fen(r[4]))).to.deep.equal(Array(8).fill(true));
  });

  it("the township's director downloads it with their own row; another director 404, a village doctor 403; a draft run 409 on its status", async () => {
    const mine = await get<Buffer>(`/api/reports/pay-runs/${run.id}.xlsx`, { as: `director-${TOWNSHIP}` });
    expect(mine.status).to.equal(200);
    const townships = rowsOf((await readWorkbook(mine.body)).getWorksheet('结余追溯')!).filter((r) => text(r[1]).startsWith('3 '));
    // their own row, the others as one line, the total
    expect(townships.map((r) => r[2])).to.deep.equal([trace.run.township, `其他 ${trace.settlement!.recipients - 1} 个乡镇（仅显示合计）`, '合计']);
    expect(fen(townships[2][3])).to.equal(toFen(trace.settlement!.shares_total));
    expect(fen(townships[0][3]) + fen(townships[1][3])).to.equal(toFen(trace.settlement!.shares_total));
    expect((await get(`/api/reports/pay-runs/${run.id}.xlsx`, { as: 'director-T01' })).status).to.equal(404);
    expect((await get(`/api/reports/pay-runs/${run.id}.xlsx`, { as: 'doctor-V001' })).status).to.equal(403);
    const draft = await post<Json<PayRun>>(
      '/api/pay-runs',
      // two years back: the demo pays last year's other months
      { org_unit_id: await unitId(TOWNSHIP), month: `${year - 1}-10`, budgeted_fund: '100.00' },
      { as: 'finance' },
    );
    const early = await get<Problem>(`/api/reports/pay-runs/${draft.body.id}.xlsx`, { as: 'finance' });
    expect(early.status).to.equal(409);
    expect(early.body.error.details!.map((d) => d.field)).to.deep.equal(['status']);
  });
});
