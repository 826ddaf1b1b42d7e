// 集中采购节约分析: savings per category for the period with its total, then per month and
// category with each month's total.
import type { Writable } from 'node:stream';
import { ITEM_CATEGORY, type savingsReport } from '../api/procurement';
import { addSheet, amount, labelOf, streamingWorkbook, writeRow, type SheetColumn } from './xlsx';

type Savings = Awaited<ReturnType<typeof savingsReport>>;
type Line = Savings['total'];

const COLUMNS: SheetColumn[] = [
  { header: '类别', key: 'category', width: 12 },
  { header: '数量', key: 'quantity', fmt: 'count' },
  { header: '基准价金额', key: 'baseline_value', fmt: 'money', width: 18 },
  { header: '合同价金额', key: 'contract_value', fmt: 'money', width: 18 },
  { header: '节约金额', key: 'savings', fmt: 'money', width: 18 },
  { header: '节约率', key: 'savings_rate', fmt: 'rate' },
];

const row = (l: Line) => ({
  category: l.category === 'total' ? '合计' : labelOf(ITEM_CATEGORY.messages('zh'), l.category),
  quantity: l.quantity,
  baseline_value: amount(l.baseline_value),
  contract_value: amount(l.contract_value),
  savings: amount(l.savings),
  savings_rate: Number((l.savings_pct / 100).toFixed(4)), // the API's percentage (two decimals) as a rate cell
});

export async function writeProcurementSavings(out: Writable, s: Savings) {
  const wb = streamingWorkbook(out);
  const summary = addSheet(wb, `节约分析 ${s.from}至${s.to}`, COLUMNS);
  for (const l of s.categories) writeRow(summary, row(l));
  writeRow(summary, row(s.total), true);
  summary.commit();
  const monthly = addSheet(wb, '按月节约', [{ header: '月份', key: 'month', width: 10 }, ...COLUMNS]);
  for (const m of s.months) {
    for (const l of m.categories) writeRow(monthly, { month: m.month, ...row(l) });
    writeRow(monthly, { month: m.month, ...row(m.total) }, true);
  }
  monthly.commit();
  await wb.commit();
}
