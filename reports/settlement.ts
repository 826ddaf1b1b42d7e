// The settlement run workbook: summary (the definitions and every figure), indicators per unit,
// the allocation table with every intermediate figure, and spending by month, provider class
// and care type. Amounts are written as numbers with two decimals (the API's decimal strings).
import type { Writable } from 'node:stream';
import type { RunFigures } from '../api/settlement/calculation';
import { DEFINITIONS } from '../api/settlement/definitions';
import { addSheet, MONEY_FORMAT, streamingWorkbook } from './xlsx';

export interface RunHead {
  id: number;
  period: string;
  kind: string;
  status: string;
  version: number;
  calculated_at: string | null;
  reviewed_by_name: string | null;
  approved_by_name: string | null;
}

const money = (s: string) => Number(s);

export async function writeSettlementWorkbook(out: Writable, run: RunHead, f: RunFigures) {
  const wb = streamingWorkbook(out);

  const summary = addSheet(wb, '汇总 Summary', [
    { header: 'item', key: 'item', width: 34 },
    { header: 'value', key: 'value', width: 22 },
    { header: 'note', key: 'note', width: 110 },
  ]);
  const line = (item: string, value: string | number | null, note = '') => summary.addRow({ item, value: value ?? '', note }).commit();
  const amount = (item: string, value: string, note = '') => {
    const row = summary.addRow({ item, value: money(value), note });
    row.getCell('value').numFmt = MONEY_FORMAT;
    row.commit();
  };
  line('run', run.id, `${f.region} ${f.period} (${f.kind}), status ${run.status}, version ${run.version}`);
  line('calculated_at', run.calculated_at ?? '');
  line('reviewed_by', run.reviewed_by_name ?? '');
  line('approved_by', run.approved_by_name ?? '');
  line('through_month', f.through_month);
  amount('annual_budget', f.annual_budget);
  amount('budget', f.budget, 'budget to date by the monthly profile');
  amount('spending', f.spending.total, `${f.spending.claims} claims`);
  for (const [k, v] of Object.entries(f.spending.by_provider_class)) amount(`spending.${k}`, v);
  for (const [k, v] of Object.entries(f.spending.by_care_type)) amount(`spending.${k}`, v);
  amount('surplus', f.surplus);
  line('surplus_rate', f.surplus_rate);
  amount('overspend', f.overspend);
  amount('overspend_group', f.overspend_group);
  amount('overspend_fund', f.overspend_fund);
  f.overspend_slices.forEach((s, i) => line(`overspend_slice.${i + 1}`, s.amount, `from ${s.from} to ${s.upTo ?? '∞'} of budget; group share ${s.groupShare}: group ${s.group}, fund ${s.fund}`));
  line('satisfaction', f.satisfaction);
  for (const g of f.gates) line(`gate.${g.key}`, g.value, `${g.direction === 'max' ? '≤' : '≥'} ${g.threshold}: ${g.passed ? 'passed' : 'FAILED'}, deduction ${g.deduction}`);
  line('deductions', f.deductions);
  amount('retained', f.retained);
  amount('returned_to_fund', f.returned_to_fund);
  for (const p of f.pools) amount(`pool.${p.key}`, p.amount, `share ${p.share}`);
  for (const i of f.indicators) line(`indicator.${i.key}`, i.value, `${i.numerator} / ${i.denominator}; ${i.direction === 'max' ? '≤' : '≥'} ${i.threshold}: ${i.ok === null ? 'n/a' : i.ok ? 'ok' : 'RED'}`);
  summary.addRow({}).commit();
  line('definitions 定义', '');
  for (const [term, text] of DEFINITIONS) line(term, '', text);
  summary.commit();

  const indicators = addSheet(wb, '指标 Indicators', [
    { header: 'unit_code', key: 'code', width: 10 },
    { header: 'unit', key: 'name', width: 26 },
    { header: 'indicator', key: 'key', width: 26 },
    { header: 'numerator', key: 'numerator', width: 18 },
    { header: 'denominator', key: 'denominator', width: 18 },
    { header: 'value', key: 'value', width: 12 },
    { header: 'threshold', key: 'threshold', width: 12 },
    { header: 'direction', key: 'direction', width: 10 },
    { header: 'ok', key: 'ok', width: 6 },
  ]);
  const units = [{ code: 'GROUP', name: '集团合计', indicators: f.indicators }, ...f.unit_indicators];
  for (const u of units) {
    for (const i of u.indicators) {
      indicators.addRow({ code: u.code, name: u.name, key: i.key, numerator: i.numerator, denominator: i.denominator, value: i.value ?? '', threshold: i.threshold, direction: i.direction, ok: i.ok === null ? '' : i.ok ? 'yes' : 'no' }).commit();
    }
  }
  indicators.commit();

  const keys = [...new Set(f.allocations.flatMap((a) => Object.keys(a.raw_values)))];
  const allocation = addSheet(wb, '分配 Allocation', [
    { header: 'pool', key: 'pool', width: 20 },
    { header: 'pool_amount', key: 'pool_amount', numFmt: MONEY_FORMAT, width: 16 },
    { header: 'unit_code', key: 'code', width: 10 },
    { header: 'unit', key: 'name', width: 26 },
    ...keys.flatMap((k) => [
      { header: `raw.${k}`, key: `raw.${k}`, width: 16 },
      { header: `n.${k}`, key: `n.${k}`, width: 14 },
    ]),
    { header: 'score', key: 'score', width: 10 },
    { header: 'population', key: 'population', width: 12 },
    { header: 'weight', key: 'weight', width: 14 },
    { header: 'share', key: 'share', width: 12 },
    { header: 'amount', key: 'amount', numFmt: MONEY_FORMAT, width: 16 },
  ]);
  for (const a of f.allocations) {
    allocation
      .addRow({
        pool: a.pool,
        pool_amount: money(a.pool_amount),
        code: a.code,
        name: a.name,
        ...Object.fromEntries(keys.flatMap((k) => [[`raw.${k}`, a.raw_values[k] ?? ''], [`n.${k}`, a.normalised_values[k]]])),
        score: a.score,
        population: a.population,
        weight: a.weight,
        share: a.share,
        amount: money(a.amount),
      })
      .commit();
  }
  allocation.commit();

  const spending = addSheet(wb, '支出 Spending', [
    { header: 'month', key: 'month', width: 8 },
    { header: 'provider_class', key: 'provider_class', width: 22 },
    { header: 'care_type', key: 'care_type', width: 12 },
    { header: 'claims', key: 'claims', width: 10 },
    { header: 'total_cost', key: 'total_cost', numFmt: MONEY_FORMAT, width: 16 },
    { header: 'fund_paid', key: 'fund_paid', numFmt: MONEY_FORMAT, width: 16 },
    { header: 'month_budget', key: 'budget', numFmt: MONEY_FORMAT, width: 16 },
    { header: 'cumulative_budget', key: 'cumulative_budget', numFmt: MONEY_FORMAT, width: 18 },
    { header: 'cumulative_spending', key: 'cumulative_spending', numFmt: MONEY_FORMAT, width: 18 },
  ]);
  for (const m of f.spending.by_month) {
    for (const c of m.cells) {
      spending
        .addRow({
          month: m.month,
          provider_class: c.provider_class,
          care_type: c.care_type,
          claims: c.claims,
          total_cost: money(c.total_cost),
          fund_paid: money(c.fund_paid),
          budget: money(m.budget),
          cumulative_budget: money(m.cumulative_budget),
          cumulative_spending: money(m.cumulative_spending),
        })
        .commit();
    }
  }
  spending.commit();
  await wb.commit();
}
