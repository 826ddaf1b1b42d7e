// 集中采购节约分析: savings per category for the period, then per month and category.
import type { Writable } from 'node:stream';
import type { savings } from '../api/procurement/orderService';
import { addSheet, MONEY_FORMAT, streamingWorkbook } from './xlsx';

type Savings = Awaited<ReturnType<typeof savings>>;
type Line = Savings['total'];

const CATEGORY_NAMES: Record<string, string> = { drug: '药品', consumable: '医用耗材', office: '办公用品', equipment: '设备', total: '合计' };

const COLUMNS = [
  { header: '类别', key: 'category_name', width: 12 },
  { header: '类别代码', key: 'category', width: 12 },
  { header: '数量', key: 'quantity', width: 12 },
  { header: '基准价金额', key: 'baseline_value', numFmt: MONEY_FORMAT, width: 18 },
  { header: '合同价金额', key: 'contract_value', numFmt: MONEY_FORMAT, width: 18 },
  { header: '节约金额', key: 'savings', numFmt: MONEY_FORMAT, width: 18 },
  { header: '节约率%', key: 'savings_pct', numFmt: '0.00', width: 10 },
];

const row = (l: Line) => ({
  category_name: CATEGORY_NAMES[l.category] ?? l.category,
  category: l.category,
  quantity: l.quantity,
  baseline_value: Number(l.baseline_value),
  contract_value: Number(l.contract_value),
  savings: Number(l.savings),
  savings_pct: l.savings_pct,
});

export async function writeProcurementSavings(out: Writable, s: Savings) {
  const wb = streamingWorkbook(out);
  const summary = addSheet(wb, `节约 ${s.from}~${s.to}`, COLUMNS);
  for (const l of [...s.categories, s.total]) summary.addRow(row(l)).commit();
  summary.commit();
  const monthly = addSheet(wb, '按月', [{ header: '月份', key: 'month', width: 10 }, ...COLUMNS]);
  for (const m of s.months) for (const l of [...m.categories, m.total]) monthly.addRow({ month: m.month, ...row(l) }).commit();
  monthly.commit();
  await wb.commit();
}
