// The settlement run workbook (结算工作簿) for group finance and the board: 汇总 (every figure
// with its meaning, the scoring rule of the allocation), 监测指标 per unit, 结余分配 per township with every
// intermediate figure of each pool and a total, 基金支出 by month with month subtotals and a grand total, 病种谱 (the top 20
// diseases of the group and each township, this year against last), 定义 (the definitions).
// Labels are the screens' (api/settlement/enums.ts: the figures' RUN_LABEL, the run's RUN_FIELD and the values' labels), so workbook and screen say the same.
import type { Writable } from 'node:stream';
import { enumMessages } from '../api/core/enums';
import {
  type AdvancesView,
  type Forecast,
  type DifferenceView,
  type RunFigures,
  type RunSpectra,
  DEFINITIONS,
  GATE,
  gateIsScore,
  type GateRegistry,
  type Indicator,
  isEstimate,
  RUN_FIELD,
  RUN_LABEL,
  SETTLEMENT_ENUMS,
} from '../api/settlement';
import { differenceSheet } from './settlementDifference';
import { spectrumSheet } from './settlementSpectrum';
import { addSheet, amount, FORMATS, labelledSheet, labelOf, shanghaiTime, streamingWorkbook, sumAmounts, sumCounts, writeRow, type Format } from './xlsx';

export interface RunHead {
  id: number;
  period: string;
  kind: string;
  status: string;
  version: number;
  calculated_at: string | null;
  reviewed_by_name: string | null;
  approved_by_name: string | null;
  /** the final run's advances and 清算 (null for a month, or for a reader who may not see advances) */
  advances?: AdvancesView | null;
  /** a month's year-end forecast made at it (null for the final run, or without a past year) */
  forecast?: Forecast | null;
  /** a correction run's difference against the approved run it supersedes (null for any other run) */
  difference?: DifferenceView | null;
  /** the disease spectrum (病种谱) of the reader's townships over the run's months */
  spectrum?: RunSpectra | null;
}

type Book = ReturnType<typeof streamingWorkbook>;
const T = RUN_LABEL.messages('zh');
const F = RUN_FIELD.messages('zh');
const E = enumMessages('zh', ...SETTLEMENT_ENUMS).enums;
const PASSED = (ok: boolean | null) => (ok === null ? T.na : ok ? T.passed : T.failed);
const pct = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
/** rates are fractions; the inpatient average cost (and amounts) are decimal strings in yuan */
const valueFormat = (v: unknown): Format => (typeof v === 'string' ? 'money' : 'rate');
const cell = (v: unknown) => (typeof v === 'string' ? amount(v) : v);
/** a numerator or denominator as the note shows it: ¥1,234.50 for amounts, 1,234 for counts */
const figure = (v: string | number) =>
  typeof v === 'string' ? `¥${Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : v.toLocaleString('en-US');

function summarySheet(wb: Book, run: RunHead, f: RunFigures, gates: GateRegistry) {
  const { sheet, line } = labelledSheet(wb, '汇总');
  line(T.fund_year, `${f.region} ${f.year} 年`);
  line(F.period, `${f.period}（${labelOf(E.run_kind, f.kind)}）`, undefined, `截至 ${f.through_month} 月`);
  line('结算批次编号', run.id, 'count', `${labelOf(E.run_status, run.status)}，第 ${run.version} 版`);
  line(F.calculated_at, shanghaiTime(run.calculated_at), 'datetime', '北京时间');
  line(F.reviewed_by_name, run.reviewed_by_name ?? '');
  line(F.approved_by_name, run.approved_by_name ?? '');
  line(T.annual_budget, amount(f.annual_budget), 'money');
  line(T.budget_to_date, amount(f.budget), 'money', '按月度预算分布累计至本期');
  line(T.spending, amount(f.spending.total), 'money', `${T.claims} ${figure(f.spending.claims)}`);
  for (const [k, v] of Object.entries(f.spending.by_provider_class)) line(`${T.spending} · ${labelOf(E.provider_class, k)}`, amount(v), 'money');
  for (const [k, v] of Object.entries(f.spending.by_care_type)) line(`${T.spending} · ${labelOf(E.care_type, k)}`, amount(v), 'money');
  line(T.surplus, amount(f.surplus), 'money', '预算 − 基金支出');
  line(T.surplus_rate, f.surplus_rate, 'rate', '结余 ÷ 预算');
  line(T.overspend, amount(f.overspend), 'money');
  line(T.overspend_group, amount(f.overspend_group), 'money');
  line(T.overspend_fund, amount(f.overspend_fund), 'money');
  f.overspend_slices.forEach((s, i) =>
    line(
      `${T.overspend_slices} ${i + 1}`,
      amount(s.amount),
      'money',
      `超支占预算 ${pct(s.from)} 至 ${s.upTo === null ? '不设上限' : pct(s.upTo)}；集团承担 ${pct(s.groupShare)}：集团 ¥${s.group}，基金 ¥${s.fund}`,
    ),
  );
  line(T.satisfaction, f.satisfaction, 'score');
  for (const g of f.gates) {
    const fmt: Format = gateIsScore(g.key, gates) ? 'score' : 'rate';
    const threshold = fmt === 'rate' ? pct(g.threshold) : String(g.threshold);
    line(
      `${T.gates} · ${labelOf(gates.messages('zh'), g.key)}`,
      g.value,
      fmt,
      `${labelOf(E.direction, g.direction)} ${threshold}：${PASSED(g.passed)}，扣减 ${pct(g.deduction)}`,
    );
  }
  line(T.deductions, f.deductions, 'rate');
  // a provisional run only estimates what the year-end run will allocate
  const estimate = isEstimate(f);
  line(estimate ? T.retained_estimate : T.retained, amount(f.retained), 'money', estimate ? T.estimate_note : '');
  line(T.returned, amount(f.returned_to_fund), 'money', estimate ? T.estimate : '');
  for (const p of f.pools) {
    const on = (p.indicators ?? []).map((k) => `${labelOf(E.allocation_indicator, k.key)} ${k.weight}`).join('、');
    line(
      `${T.pool} · ${labelOf(E.pool, p.key)}${estimate ? `（${T.estimate}）` : ''}`,
      amount(p.amount),
      'money',
      `占${estimate ? T.retained_estimate : T.retained} ${pct(p.share)}${on ? `；分配指标及权重：${on}` : ''}`,
    );
  }
  if (run.advances?.reconciliation) {
    const r = run.advances.reconciliation;
    line(T.total_paid, amount(r.advances_paid), 'money', `见“${T.advances}”表`);
    line(T.due, amount(r.due), 'money', '基金支出 + 结余留用 − 集团承担超支');
    line(`${T.reconciliation} · ${T[r.direction]}`, amount(r.amount), 'money', T.reconciliation_formula);
  }
  line('结余分配评分方法', '', undefined, T.scoring_rule);
  for (const [name, list] of [
    [T.group_provided, f.indicators],
    [T.group_insured, f.insured_indicators ?? []],
  ] as const)
    for (const i of list) line(`${T.indicators} · ${name} · ${labelOf(E.settlement_indicator, i.key)}`, cell(i.value), valueFormat(i.value), indicatorNote(i));
  sheet.commit();
}

function definitionSheet(wb: Book) {
  const sheet = addSheet(wb, '定义', [
    { header: '术语', key: 'term', width: 16 },
    { header: '定义', key: 'text', width: 120 },
  ]);
  for (const [term, text] of DEFINITIONS) writeRow(sheet, { term, text }).getCell('text').alignment = { wrapText: true, vertical: 'top' };
  sheet.commit();
}

function indicatorNote(i: Indicator) {
  const threshold = typeof i.value === 'string' || i.key === 'inpatient_average_cost' ? `¥${i.threshold}` : pct(Number(i.threshold));
  const over = i.over ? `${labelOf(E.claim_set, i.over)}：` : '';
  return `${over}${T.numerator} ${figure(i.numerator)} ÷ ${T.denominator} ${figure(i.denominator)}；${labelOf(E.direction, i.direction)} ${threshold}：${PASSED(i.ok)}`;
}

function indicatorSheet(wb: Book, f: RunFigures) {
  const sheet = addSheet(wb, T.indicators, [
    { header: '单位编码', key: 'code', width: 10 },
    { header: T.unit, key: 'name', width: 24 },
    { header: T.indicator, key: 'key', width: 20 },
    { header: T.claim_set, key: 'over', width: 16 },
    { header: T.numerator, key: 'numerator', width: 18 },
    { header: T.denominator, key: 'denominator', width: 18 },
    { header: T.value, key: 'value', width: 14 },
    { header: T.threshold, key: 'threshold', width: 12 },
    { header: '方向', key: 'direction', width: 6 },
    { header: T.ok, key: 'ok', width: 8 },
  ]);
  const byLevel = [...f.unit_indicators].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  // the group over the claims its units provided, then over all the claims of its insured (absent in versions calculated before)
  const group = [
    { code: '', name: T.group_provided, indicators: f.indicators },
    ...(f.insured_indicators ? [{ code: '', name: T.group_insured, indicators: f.insured_indicators }] : []),
  ];
  for (const u of [...group, ...byLevel]) {
    for (const i of u.indicators) {
      const row = sheet.addRow({
        code: u.code,
        name: u.name,
        key: labelOf(E.settlement_indicator, i.key),
        over: i.over ? labelOf(E.claim_set, i.over) : '',
        numerator: cell(i.numerator),
        denominator: cell(i.denominator),
        value: cell(i.value),
        threshold: i.key === 'inpatient_average_cost' ? Number(i.threshold) : i.threshold,
        direction: labelOf(E.direction, i.direction),
        ok: PASSED(i.ok),
      });
      for (const k of ['numerator', 'denominator'] as const) row.getCell(k).numFmt = FORMATS[typeof i[k] === 'string' ? 'money' : 'count'];
      const fmt = FORMATS[i.key === 'inpatient_average_cost' ? 'money' : 'rate'];
      row.getCell('value').numFmt = fmt;
      row.getCell('threshold').numFmt = fmt;
      row.commit();
    }
  }
  sheet.commit();
}

/**
 * One row per recipient: its raw values (无数据 when missing), then per pool its points on the pool's own indicators
 * (the header says the weight each counted with), score, weight, share and amount; the population, the total; a total row.
 */
function allocationSheet(wb: Book, f: RunFigures) {
  const amountLabel = isEstimate(f) ? T.amount_estimate : T.amount;
  const rateLike = (k: string): Format => (k.endsWith('_rate') || k.endsWith('_share') ? 'rate' : 'decimal');
  const label = (k: string) => labelOf(E.allocation_indicator, k);
  const poolLabel = (key: string) => labelOf(E.pool, key);
  const firstOf = (pool: string) => f.allocations.find((a) => a.pool === pool);
  const keysOf = (pool: string) => Object.keys(firstOf(pool)?.raw_values ?? {});
  const rawKeys = [...new Set(f.pools.flatMap((p) => keysOf(p.key)))];
  const used = (pool: string, k: string) => {
    const w = firstOf(pool)?.indicator_weights?.[k];
    return w === undefined ? '' : w > 0 ? `，${T.weight_used} ${w}` : `，${T.left_out}`;
  };
  const sheet = addSheet(wb, isEstimate(f) ? T.allocation_estimate : T.allocation, [
    { header: '单位编码', key: 'code', width: 10 },
    { header: T.unit, key: 'name', width: 22 },
    ...rawKeys.map((k) => ({ header: `${label(k)}（${T.raw}）`, key: `raw.${k}`, fmt: rateLike(k) })),
    ...f.pools.flatMap((p) => [
      ...keysOf(p.key).map((k) => ({
        header: `${poolLabel(p.key)}·${label(k)}（${T.normalised}${used(p.key, k)}）`,
        key: `n.${p.key}.${k}`,
        fmt: 'decimal' as const,
      })),
      { header: `${poolLabel(p.key)}·${T.score}`, key: `score.${p.key}`, fmt: 'decimal' as const },
      { header: `${poolLabel(p.key)}·${T.weight}`, key: `weight.${p.key}`, fmt: 'decimal' as const, width: 14 },
      { header: `${poolLabel(p.key)}·${T.share}`, key: `share.${p.key}`, fmt: 'rate' as const },
      { header: `${poolLabel(p.key)}${amountLabel}`, key: `pool.${p.key}`, fmt: 'money' as const },
    ]),
    { header: T.population, key: 'population', fmt: 'count' },
    { header: `${amountLabel}${T.total}`, key: 'amount', fmt: 'money' },
  ]);
  const units = new Map<number, RunFigures['allocations']>();
  for (const a of f.allocations) units.set(a.org_unit_id, [...(units.get(a.org_unit_id) ?? []), a]);
  const firsts = [...units.values()].map((rows) => rows[0]);
  for (const rows of units.values()) {
    const a = rows[0];
    const raw = (k: string) => rows.find((r) => k in r.raw_values)?.raw_values[k] ?? null;
    writeRow(sheet, {
      code: a.code,
      name: a.name,
      ...Object.fromEntries(rawKeys.map((k) => [`raw.${k}`, raw(k) ?? T.na])),
      ...Object.fromEntries(
        rows.flatMap((r): [string, unknown][] => [
          ...Object.entries(r.normalised_values).map(([k, n]): [string, unknown] => [`n.${r.pool}.${k}`, n]),
          [`score.${r.pool}`, r.score],
          [`weight.${r.pool}`, r.weight],
          [`share.${r.pool}`, r.share],
          [`pool.${r.pool}`, amount(r.amount)],
        ]),
      ),
      population: a.population,
      amount: sumAmounts(rows.map((r) => r.amount)),
    });
  }
  writeRow(
    sheet,
    {
      name: T.total,
      population: sumCounts(firsts, 'population'),
      ...Object.fromEntries(f.pools.map((p) => [`pool.${p.key}`, sumAmounts(f.allocations.filter((a) => a.pool === p.key).map((a) => a.amount))])),
      amount: sumAmounts(f.allocations.map((a) => a.amount)),
    },
    true,
  );
  sheet.commit();
}

/** Per month its cells (provider class × care type), then the month's subtotal with budget and cumulative figures; a grand total last. */
function spendingSheet(wb: Book, f: RunFigures) {
  const sheet = addSheet(wb, '基金支出（按月）', [
    { header: T.month, key: 'month', fmt: 'month', width: 8 },
    { header: T.provider_class, key: 'provider_class', width: 14 },
    { header: T.care_type, key: 'care_type', width: 10 },
    { header: T.claims, key: 'claims', fmt: 'count' },
    { header: T.total_cost, key: 'total_cost', fmt: 'money' },
    { header: T.fund_paid, key: 'fund_paid', fmt: 'money' },
    { header: '月度预算', key: 'budget', fmt: 'money' },
    { header: T.cumulative_budget, key: 'cumulative_budget', fmt: 'money' },
    { header: T.cumulative_spending, key: 'cumulative_spending', fmt: 'money' },
  ]);
  const cells = f.spending.by_month.flatMap((m) => m.cells);
  for (const m of f.spending.by_month) {
    for (const c of m.cells) {
      writeRow(sheet, {
        month: m.month,
        provider_class: labelOf(E.provider_class, c.provider_class),
        care_type: labelOf(E.care_type, c.care_type),
        claims: c.claims,
        total_cost: amount(c.total_cost),
        fund_paid: amount(c.fund_paid),
      });
    }
    writeRow(
      sheet,
      {
        month: m.month,
        provider_class: '小计',
        claims: sumCounts(m.cells, 'claims'),
        total_cost: sumAmounts(m.cells.map((c) => c.total_cost)),
        fund_paid: amount(m.spending),
        budget: amount(m.budget),
        cumulative_budget: amount(m.cumulative_budget),
        cumulative_spending: amount(m.cumulative_spending),
      },
      true,
    );
  }
  writeRow(
    sheet,
    {
      provider_class: T.total,
      claims: sumCounts(cells, 'claims'),
      total_cost: sumAmounts(cells.map((c) => c.total_cost)),
      fund_paid: amount(f.spending.total),
      budget: amount(f.budget),
    },
    true,
  );
  sheet.commit();
}

/**
 * 预拨付与清算 (the final run): per month the advance planned, paid, the dates paid and the running totals; a 合计 row
 * (planned = the annual budget, paid = the advances paid); then the 清算 lines: spending, retained, the overspend the
 * group bears, what is due, the advances paid and the balance either way, with the formula.
 */
function advancesSheet(wb: Book, a: AdvancesView) {
  const sheet = addSheet(wb, T.advances, [
    { header: T.month, key: 'month', width: 12 },
    { header: T.advance_planned, key: 'planned', fmt: 'money' },
    { header: T.advance_paid, key: 'paid', fmt: 'money' },
    { header: T.paid_on, key: 'paid_on', width: 24 },
    { header: T.cumulative_planned, key: 'cumulative_planned', fmt: 'money' },
    { header: T.cumulative_paid, key: 'cumulative_paid', fmt: 'money' },
  ]);
  for (const m of a.months)
    writeRow(sheet, {
      month: m.month,
      planned: amount(m.planned),
      paid: amount(m.paid),
      paid_on: m.paid_on.join('、'),
      cumulative_planned: amount(m.cumulative_planned),
      cumulative_paid: amount(m.cumulative_paid),
    });
  writeRow(sheet, { month: T.total, planned: sumAmounts(a.months.map((m) => m.planned)), paid: sumAmounts(a.months.map((m) => m.paid)) }, true);
  const r = a.reconciliation;
  if (r) {
    writeRow(sheet, {});
    const lines: [string, string, string][] = [
      [T.spending, r.spending, ''],
      [T.retained, r.retained, ''],
      [T.overspend_group, r.overspend_group, ''],
      [T.due, r.due, '基金支出 + 结余留用 − 集团承担超支'],
      [T.total_paid, r.advances_paid, ''],
      [T.balance, r.balance, '集团年度应得 − 预拨付合计'],
      [`${T.reconciliation}：${T[r.direction]}`, r.amount, T.reconciliation_formula],
    ];
    for (const [label, value, note] of lines) writeRow(sheet, { month: label, planned: amount(value), paid_on: note }, label.startsWith(T.reconciliation));
  }
  sheet.commit();
}

/** 年终预测: the projected year-end spending and surplus rate with their range, the method, then each projection it spans. */
function forecastSheet(wb: Book, f: Forecast) {
  const { sheet, line } = labelledSheet(wb, T.forecast);
  const range = (low: string, high: string) => `${T.forecast_range} ¥${low} – ¥${high}`;
  line(T.forecast_at, f.period, undefined, `截至 ${f.through_month} 月的月度暂结`);
  line(T.annual_budget, amount(f.annual_budget), 'money');
  line(T.spending_to_date, amount(f.spending_to_date), 'money');
  line(T.forecast_spending, amount(f.spending), 'money', range(f.spending_low, f.spending_high));
  line(T.forecast_surplus, amount(f.surplus), 'money', '年度预算 − 预测全年基金支出');
  const rate = (r: number | null) => (r === null ? '—' : pct(r));
  line(T.forecast_surplus_rate, f.surplus_rate, 'rate', `${T.forecast_range} ${rate(f.surplus_rate_low)} – ${rate(f.surplus_rate_high)}`);
  line('预测方法', '', undefined, T.forecast_method);
  for (const p of f.projections)
    line(`${T.past_year} ${p.year} · ${p.month} 月`, amount(p.spending), 'money', `${T.share_reached} ${p.share === null ? '—' : pct(p.share)}`);
  sheet.commit();
}

/** `gates`: the registry the run's gates are labelled from (a test passes one with an extra gate). */
export async function writeSettlementWorkbook(out: Writable, run: RunHead, f: RunFigures, gates: GateRegistry = GATE) {
  const wb = streamingWorkbook(out);
  summarySheet(wb, run, f, gates);
  indicatorSheet(wb, f);
  allocationSheet(wb, f);
  spendingSheet(wb, f);
  if (run.advances) advancesSheet(wb, run.advances);
  if (run.forecast) forecastSheet(wb, run.forecast);
  if (run.difference) differenceSheet(wb, run.difference);
  if (run.spectrum) spectrumSheet(wb, run.spectrum);
  definitionSheet(wb);
  await wb.commit();
}
