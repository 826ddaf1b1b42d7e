// 预算执行表: every unit of the subtree (each rolled up over its own subtree) × account,
// with budget, posted, committed, consumed, remaining and the execution rate.
import type { Writable } from 'node:stream';
import { executionByUnit, executionRows } from '../api/finance/service';
import { addSheet, MONEY_FORMAT, PERCENT_FORMAT, streamingWorkbook } from './xlsx';

const money = (s: string) => Number(s);

export async function writeBudgetExecution(out: Writable, year: number, rootId: number) {
  const units = executionByUnit(await executionRows(year, rootId, 100));
  const wb = streamingWorkbook(out);
  const sheet = addSheet(wb, `${year} 预算执行`, [
    { header: '单位编码', key: 'code', width: 10 },
    { header: '单位', key: 'name', width: 26 },
    { header: '层级', key: 'level', width: 6 },
    { header: '科目', key: 'account', width: 18 },
    { header: '科目名称', key: 'account_name', width: 24 },
    { header: '收支', key: 'kind', width: 8 },
    { header: '预算', key: 'budget', numFmt: MONEY_FORMAT, width: 16 },
    { header: '已入账', key: 'posted', numFmt: MONEY_FORMAT, width: 16 },
    { header: '已占用（承诺）', key: 'committed', numFmt: MONEY_FORMAT, width: 16 },
    { header: '已消耗', key: 'consumed', numFmt: MONEY_FORMAT, width: 16 },
    { header: '结余', key: 'remaining', numFmt: MONEY_FORMAT, width: 16 },
    { header: '执行率', key: 'rate', numFmt: PERCENT_FORMAT, width: 10 },
  ]);
  for (const u of units) {
    for (const a of u.accounts) {
      sheet
        .addRow({
          code: u.code,
          name: u.name,
          level: u.level,
          account: a.account,
          account_name: a.name,
          kind: a.kind === 'expense' ? '支出' : '收入',
          budget: money(a.budget),
          posted: money(a.posted),
          committed: money(a.committed),
          consumed: money(a.consumed),
          remaining: money(a.remaining),
          rate: a.rate,
        })
        .commit();
    }
  }
  sheet.commit();
  await wb.commit();
}
