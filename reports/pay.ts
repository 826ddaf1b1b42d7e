// The pay workbook (绩效工资表) of a township's monthly run, for group finance and the director:
// 汇总 (the run: township, month, status, the fund, the settlement share, the pool, points, point
// value, who calculated, reviewed and approved), 绩效明细 (a row per person from their points by
// service to their amount, and a 合计 row equal to the pool), 绩效方案 (the scheme the run was
// calculated with) and 结余追溯 (the trace from the retained surplus to the people, with its checks).
import type { Writable } from 'node:stream';
import {
  PAY_GRADE,
  PAY_POST,
  PAY_RUN_STATUS,
  PAY_SERVICE,
  PAY_TITLE_LEVEL,
  TRACE_CHECK,
  TRACE_LABEL,
  TRACE_NO_SETTLEMENT,
  type PayRunReport,
} from '../api/pay';
import { POOL } from '../api/settlement';
import { DEPARTMENT_INDICATORS } from '../api/pay';
import { fromFen, sumFen, toFen } from '../api/shared/money';
import { addSheet, amount, FORMATS, labelledSheet, shanghaiTime, streamingWorkbook, sumAmounts, sumCounts, writeRow } from './xlsx';

type Book = ReturnType<typeof streamingWorkbook>;
const L = TRACE_LABEL.messages('zh');
const POINTS_FORMAT = '0.000000';
const pct = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

function summarySheet(wb: Book, { run, lines }: PayRunReport) {
  const { sheet, line } = labelledSheet(wb, '汇总');
  line(run.departments.length ? '核算单位' : '乡镇卫生院', run.township);
  line('月份', run.month.slice(0, 7));
  line('核算批次编号', run.id, 'count', PAY_RUN_STATUS.zh(run.status));
  line('状态', PAY_RUN_STATUS.zh(run.status));
  line('版本', run.version, 'count', run.reason ? `更正原因：${run.reason}` : '');
  line(L.budgeted_fund, amount(run.budgeted_fund), 'money', '财务下达的本月预算绩效资金');
  line(
    L.settlement_share,
    amount(run.settlement_share),
    'money',
    run.settlement_run_id ? `年终结算批次 ${run.settlement_run_id} 绩效奖励池中本院的分配` : '本月无医保结余分配',
  );
  line(L.pool, amount(run.pool), 'money', '预算绩效资金 + 医保结余绩效');
  line('总工分', amount(run.total_points), 'score', '各人核定工分之和');
  line('每分值（元）', amount(run.point_value), 'decimal', '本月绩效总额 ÷ 总工分（四位小数，仅供参考；个人金额按工分比例以最大余额法分配，合计等于总额）');
  line('医疗风险金', amount(run.risk_contributions), 'money', '各人应发 × 风险金比例，四舍五入到分');
  line('风险金返还', amount(run.risk_returns), 'money', '十二月：返还当年已提取的风险金（年度考核不称职者不返还）');
  line('实发合计', amount(run.net_paid), 'money', '本月绩效总额 − 医疗风险金 + 风险金返还');
  line('下派补助合计', amount(run.rotation_top_ups), 'money', '下派到本院的专家按本院方案计发绩效；派出单位另付的下派补助，不在本月绩效总额内');
  line('人数', lines.length, 'count');
  line('计算人', run.calculated_by_name ?? '');
  line('计算时间', shanghaiTime(run.calculated_at), 'datetime', '北京时间');
  line('审核人（院长）', run.reviewed_by_name ?? '');
  line('审核时间', shanghaiTime(run.reviewed_at), 'datetime', '北京时间');
  line('批准人（财务）', run.approved_by_name ?? '');
  line('批准时间', shanghaiTime(run.approved_at), 'datetime', '北京时间');
  sheet.commit();
}

function linesSheet(wb: Book, { run, lines }: PayRunReport) {
  const services = PAY_SERVICE.values;
  const sheet = addSheet(wb, '绩效明细', [
    { header: '姓名', key: 'name', width: 12 },
    { header: '工作单位', key: 'works_at', width: 22 },
    { header: '科室', key: 'department', width: 14 },
    { header: '岗位', key: 'post', width: 12 },
    { header: '职称等级', key: 'title_level', width: 12 },
    { header: '基础绩效工分', key: 'base', fmt: 'score' },
    ...services.map((s) => ({ header: `${PAY_SERVICE.zh(s)}（分）`, key: s, fmt: 'score' as const })),
    { header: '工分合计', key: 'gross', fmt: 'score' },
    { header: '漏访（次）', key: 'missed', fmt: 'count' },
    { header: '扣分', key: 'deduction', fmt: 'score' },
    { header: '控制率', key: 'control_rate', fmt: 'rate' },
    { header: '质量系数', key: 'quality', fmt: 'score' },
    { header: '质量考核单位', key: 'quality_unit', width: 22 },
    { header: '质量得分', key: 'unit_quality_score', fmt: 'score' },
    { header: '质量加减分', key: 'unit_quality_points', fmt: 'score' },
    { header: '年度考核', key: 'grade', width: 10 },
    { header: '考核系数', key: 'grade_factor', fmt: 'score' },
    { header: '核定工分', key: 'points', width: 14 },
    { header: '应发（元）', key: 'amount', fmt: 'money' },
    { header: '医疗风险金（元）', key: 'risk_contribution', fmt: 'money' },
    { header: '风险金返还（元）', key: 'risk_return', fmt: 'money' },
    { header: '实发（元）', key: 'net_paid', fmt: 'money' },
    { header: '下派派出单位', key: 'home_unit', width: 22 },
    { header: '下派补助（元，派出单位支付）', key: 'rotation_top_up', fmt: 'money' },
  ]);
  const servicePoints = (l: PayRunReport['lines'][number], s: (typeof services)[number]) => (l.by_service[s] ? l.by_service[s].points / 100 : null);
  for (const l of lines) {
    const row = writeRow(sheet, {
      name: l.name,
      works_at: l.works_at,
      department: l.department,
      post: l.post && PAY_POST.has(l.post) ? PAY_POST.zh(l.post) : '',
      title_level: l.title_level && PAY_TITLE_LEVEL.has(l.title_level) ? PAY_TITLE_LEVEL.zh(l.title_level) : '',
      base: amount(l.base_points),
      ...Object.fromEntries(services.map((s) => [s, servicePoints(l, s)])),
      gross: amount(l.gross_points),
      missed: l.missed_tasks,
      deduction: amount(l.deduction_points),
      control_rate: amount(l.control_rate),
      quality: amount(l.quality_factor),
      quality_unit: l.quality_unit,
      unit_quality_score: amount(l.unit_quality_score),
      unit_quality_points: amount(l.unit_quality_points),
      grade: PAY_GRADE.has(l.grade) ? PAY_GRADE.zh(l.grade) : '',
      grade_factor: amount(l.grade_factor),
      points: amount(l.points),
      amount: amount(l.amount),
      risk_contribution: amount(l.risk_contribution),
      risk_return: amount(l.risk_return),
      net_paid: amount(l.net_amount),
      home_unit: l.home_unit,
      rotation_top_up: amount(l.rotation_top_up),
    });
    row.getCell('points').numFmt = POINTS_FORMAT;
  }
  // points are hundredths (exact in floating point), the amounts summed in fen
  const total = writeRow(
    sheet,
    {
      name: '合计',
      base: sumAmounts(lines.map((l) => l.base_points)),
      ...Object.fromEntries(services.map((s) => [s, Math.round(lines.reduce((a, l) => a + (l.by_service[s]?.points ?? 0), 0)) / 100])),
      gross: sumAmounts(lines.map((l) => l.gross_points)),
      missed: sumCounts(lines, 'missed_tasks'),
      deduction: sumAmounts(lines.map((l) => l.deduction_points)),
      unit_quality_points: sumAmounts(lines.map((l) => l.unit_quality_points)),
      points: amount(run.total_points),
      amount: sumAmounts(lines.map((l) => l.amount)),
      risk_contribution: sumAmounts(lines.map((l) => l.risk_contribution)),
      risk_return: sumAmounts(lines.map((l) => l.risk_return)),
      net_paid: sumAmounts(lines.map((l) => l.net_amount)),
      rotation_top_up: sumAmounts(lines.map((l) => l.rotation_top_up)),
    },
    true,
  );
  total.getCell('points').numFmt = POINTS_FORMAT;
  sheet.commit();
}

function schemeSheet(wb: Book, { scheme }: PayRunReport) {
  const { sheet, line } = labelledSheet(wb, '绩效方案');
  for (const s of PAY_SERVICE.values) line(PAY_SERVICE.zh(s), scheme.points[s], 'score', '每项工分');
  line('漏访扣分（每次）', scheme.missed_task_points, 'score', '居民的随访任务逾期未做：扣其签约责任医生；责任医生不在本院发薪名册时，由所在村医生均摊');
  // a run calculated before rotations were paid kept a scheme without the top-up
  line(
    '下派补助（元/月）',
    (scheme as Partial<typeof scheme>).rotation_top_up ?? 0,
    'money',
    '下派专家在下派期间（覆盖当月15日的月份）按接收单位方案计发绩效，派出单位另付此补助',
  );
  line('医疗风险金比例（%）', scheme.risk_fund_rate ?? 0, 'decimal', '每月从各人应发中提取，十二月返还当年提取额（不称职者不返还）');
  for (const g of PAY_GRADE.values) line(`考核系数 · ${PAY_GRADE.zh(g)}`, scheme.grade_factors[g], 'score', '上一年度考核等级的系数（无考核按合格）');
  for (const b of [...scheme.quality_bands].sort((a, c) => c.min_rate - a.min_rate))
    line(`质量系数 · 控制率 ≥ ${pct(b.min_rate)}`, b.factor, 'score', '所在村当年慢病控制率达到的最高档');
  line('质量系数 · 无控制率数据', scheme.no_rate_factor, 'score', '所在村当年无随访患者时');
  // a run calculated before the unit's quality score kept a scheme without its bands
  for (const b of [...((scheme as Partial<typeof scheme>).unit_quality_bands ?? [])].sort((a, c) => c.min_score - a.min_score))
    line(
      `质量加减分 · 质量得分 ≥ ${b.min_score}`,
      b.points,
      'score',
      '每月：工作单位当年（截至本月底）的质量考核得分，未受检时按所属乡镇卫生院；均未受检不加减',
    );
  // a run calculated before the base part existed keeps a scheme without it
  for (const p of PAY_POST.values) if (scheme.post_points) line(`基础绩效 · ${PAY_POST.zh(p)}`, scheme.post_points[p], 'score', '每月岗位工分');
  for (const t of PAY_TITLE_LEVEL.values)
    if (scheme.title_points) line(`基础绩效 · ${PAY_TITLE_LEVEL.zh(t)}`, scheme.title_points[t], 'score', '每月职称工分（与岗位工分相加）');
  // the HQ's and branches' department pay (a run calculated before it kept a scheme without it)
  const dept = (scheme as Partial<typeof scheme>).department_scheme;
  if (dept) {
    for (const [k, d] of Object.entries(DEPARTMENT_INDICATORS))
      line(
        `科室绩效 · ${d.zh}权重（%）`,
        dept.weights[k as keyof typeof DEPARTMENT_INDICATORS],
        'count',
        d.lower_is_better ? '越低越好：得分 = 目标 ÷ 实际 × 100' : '越高越好：得分 = 实际 ÷ 目标 × 100',
      );
    line(
      '科室绩效 · 单项最高分',
      dept.max_indicator_score,
      'score',
      '总院、分院科室：科室得分 = 各项得分按权重加权；科室分配 ∝ 科室得分 × 科室人员工分，人员按基础绩效工分 × 考核系数',
    );
  }
  line('核定工分', '', undefined, '（基础绩效工分 +（工分合计 − 扣分，不低于 0）× 质量系数 + 质量加减分，不低于 0）× 考核系数');
  sheet.commit();
}

function traceSheet(wb: Book, { trace }: PayRunReport) {
  const sheet = addSheet(wb, '结余追溯', [
    { header: '步骤', key: 'step', width: 18 },
    { header: '项目', key: 'item', width: 44 },
    { header: '金额（元）', key: 'amount', width: 18 },
    { header: '实际', key: 'actual', width: 18 },
    { header: '说明', key: 'note', width: 60 },
  ]);
  const money = (step: string, item: string, value: string | null, note = '', total = false) => {
    const row = writeRow(sheet, { step, item, amount: amount(value), note }, total);
    row.getCell('amount').numFmt = FORMATS.money;
  };
  const s = trace.settlement;
  if (s) {
    const step1 = `1 ${L.settlement}`;
    money(step1, L.surplus, s.surplus, `${s.region} ${s.year} 年终结算，批次 ${s.run_id} 第 ${s.version} 版`);
    money(step1, L.retained, s.retained, '结余 × (1 − 考核扣减)');
    money(step1, L.returned_to_fund, s.returned_to_fund);
    const step2 = `2 ${L.pools}`;
    for (const p of s.pools) money(step2, POOL.has(p.key) ? POOL.zh(p.key) : p.key, p.amount, `${L.pool_share} ${pct(p.share)}`);
    money(step2, L.total, sumAmounts(s.pools.map((p) => p.amount)).toFixed(2), `= ${L.retained}`, true);
    const step3 = `3 ${L.townships}`;
    for (const r of s.shares)
      money(step3, r.name, r.amount, `${L.population} ${r.population.toLocaleString('en-US')}，${L.score} ${r.score.toFixed(4)}，${L.share} ${pct(r.share)}`);
    const hidden = s.recipients - s.shares.length;
    if (hidden > 0) {
      const rest = toFen(s.shares_total) - sumFen(s.shares.map((r) => toFen(r.amount)));
      money(step3, L.others_hidden.replace('%{n}', String(hidden)), fromFen(rest));
    }
    money(step3, L.total, s.shares_total, `= ${L.staff_pool}（${s.recipients} 个乡镇）`, true);
  } else if (trace.no_settlement) {
    writeRow(sheet, { step: `1 ${L.settlement}`, item: TRACE_NO_SETTLEMENT.zh(trace.no_settlement) });
  }
  const step4 = `${s ? 4 : 2} ${L.pay_pool}`;
  money(step4, L.budgeted_fund, trace.run.budgeted_fund);
  money(step4, L.settlement_share, trace.run.settlement_share);
  money(step4, L.pool, trace.run.pool, `${trace.run.township} ${trace.run.month}`, true);
  const step5 = `${s ? 5 : 3} ${L.people}`;
  for (const p of trace.people) money(step5, `${p.name}（${p.works_at}）`, p.amount, `${L.points} ${Number(p.points).toFixed(2)}`);
  money(step5, L.total, sumAmounts(trace.people.map((p) => p.amount)).toFixed(2), `= ${L.pool}`, true);

  writeRow(sheet, {});
  writeRow(sheet, { step: L.checks, item: L.check, amount: L.expected, actual: L.actual, note: L.ok }, true);
  for (const c of trace.checks) {
    const row = writeRow(sheet, { step: L.checks, item: TRACE_CHECK.zh(c.name), amount: Number(c.expected), actual: Number(c.actual), note: c.ok ? '✓' : '✗' });
    const fmt = c.unit === 'yuan' ? FORMATS.money : c.unit === 'points' ? POINTS_FORMAT : FORMATS.count;
    row.getCell('amount').numFmt = fmt;
    row.getCell('actual').numFmt = fmt;
  }
  sheet.commit();
}

/** 科室绩效 (the HQ's and branches' runs): a row per department — its indicators against last year's, their scores, the score, people, points and amount — and 合计 = the pool. */
function departmentsSheet(wb: Book, { run }: PayRunReport) {
  const sheet = addSheet(wb, '科室绩效', [
    { header: '科室', key: 'name', width: 16 },
    { header: '药占比', key: 'drug_share', fmt: 'rate' },
    { header: '药占比（去年同月）', key: 'drug_share_target', fmt: 'rate' },
    { header: '药占比得分', key: 'drug_share_score', fmt: 'score' },
    { header: '次均住院费用（元）', key: 'cost_per_stay', fmt: 'money' },
    { header: '次均住院费用（去年同月，元）', key: 'cost_per_stay_target', fmt: 'money' },
    { header: '次均住院费用得分', key: 'cost_per_stay_score', fmt: 'score' },
    { header: '下转人次', key: 'referrals', fmt: 'count' },
    { header: '下转人次（去年同月）', key: 'referrals_target', fmt: 'count' },
    { header: '下转得分', key: 'referrals_score', fmt: 'score' },
    { header: '科室得分', key: 'score', fmt: 'score' },
    { header: '人数', key: 'people', fmt: 'count' },
    { header: '科室工分', key: 'points', width: 14 },
    { header: '科室绩效（元）', key: 'amount', fmt: 'money' },
  ]);
  for (const d of run.departments) {
    const row = writeRow(sheet, {
      name: d.name,
      drug_share: amount(d.drug_share),
      drug_share_target: amount(d.drug_share_target),
      drug_share_score: amount(d.drug_share_score),
      cost_per_stay: amount(d.cost_per_stay),
      cost_per_stay_target: amount(d.cost_per_stay_target),
      cost_per_stay_score: amount(d.cost_per_stay_score),
      referrals: d.referrals,
      referrals_target: d.referrals_target,
      referrals_score: amount(d.referrals_score),
      score: amount(d.score),
      people: d.people,
      points: amount(d.points),
      amount: amount(d.amount),
    });
    row.getCell('points').numFmt = POINTS_FORMAT;
  }
  writeRow(sheet, { name: '合计', people: sumCounts(run.departments, 'people'), amount: sumAmounts(run.departments.map((d) => d.amount)) }, true);
  writeRow(sheet, {});
  writeRow(sheet, { name: '说明：指标无本月或去年同月数据者按 100 分计；科室绩效 = 总额按（科室得分 × 科室工分）以最大余额法分配，科室内按个人工分分配' });
  sheet.commit();
}

export async function writePayWorkbook(out: Writable, report: PayRunReport) {
  const wb = streamingWorkbook(out);
  summarySheet(wb, report);
  if (report.run.departments.length) departmentsSheet(wb, report);
  linesSheet(wb, report);
  schemeSheet(wb, report);
  traceSheet(wb, report);
  await wb.commit();
}
