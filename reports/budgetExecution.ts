// 预算执行表: every unit of the subtree (each rolled up over its own subtree) × account,
// with budget, posted, committed, consumed, remaining and the execution rate, and after each
// unit its 支出合计 and 收入合计 rows (the first unit is the root, so its totals are the whole).
import type { Writable } from 'node:stream';
import { ACCOUNT_KIND, EXECUTION_COLUMN, type AccountExecution, type executionReport } from '../api/finance';
import { UNIT_LEVEL } from '../api/org';
import { addSheet, amount, labelOf, streamingWorkbook, sumAmounts, writeRow } from './xlsx';

const X = EXECUTION_COLUMN.messages('zh');
const AMOUNTS = ['budget', 'posted', 'committed', 'consumed', 'remaining'] as const;

type UnitExecution = Awaited<ReturnType<typeof executionReport>>[number];

export async function writeBudgetExecution(out: Writable, year: number, units: UnitExecution[]) {
  const wb = streamingWorkbook(out);
  const sheet = addSheet(wb, `${year}年预算执行`, [
    { header: '单位编码', key: 'code', width: 10 },
    { header: X.unit, key: 'name', width: 24 },
    { header: '层级', key: 'level', width: 12 },
    { header: '科目', key: 'account_name', width: 20 },
    { header: '收支', key: 'kind', width: 6 },
    { header: X.budget, key: 'budget', fmt: 'money' },
    { header: X.posted, key: 'posted', fmt: 'money' },
    { header: '已占用（承诺）', key: 'committed', fmt: 'money' },
    { header: X.consumed, key: 'consumed', fmt: 'money' },
    { header: X.remaining, key: 'remaining', fmt: 'money' },
    { header: X.rate, key: 'rate', fmt: 'rate' },
  ]);
  const kindOf = (kind: string) => labelOf(ACCOUNT_KIND.messages('zh'), kind);
  for (const u of units) {
    const head = { code: u.code, name: u.name, level: labelOf(UNIT_LEVEL.messages('zh'), String(u.level)) };
    for (const a of u.accounts) {
      writeRow(sheet, { ...head, account_name: a.name, kind: kindOf(a.kind), ...Object.fromEntries(AMOUNTS.map((k) => [k, amount(a[k])])), rate: a.rate });
    }
    for (const [kind, total] of [
      ['expense', u.expense],
      ['income', u.income],
    ] as const) {
      const of: AccountExecution[] = u.accounts.filter((a) => a.kind === kind);
      writeRow(
        sheet,
        {
          ...head,
          account_name: `${kindOf(kind)}合计`,
          kind: kindOf(kind),
          ...Object.fromEntries(AMOUNTS.map((k) => [k, sumAmounts(of.map((a) => a[k]))])),
          rate: total.rate,
        },
        true,
      );
    }
  }
  sheet.commit();
  await wb.commit();
}
