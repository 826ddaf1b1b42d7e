// 收入变化 workbook (GET /api/reports/pay-income-change.xlsx?year=): the performance pay of the
// approved or locked pay runs — 应发 and 实发, not total salary — this year's paid months against the
// same months of last year. 收入变化: a row per role, each level's subtotal and the 合计; 乡镇收入变化: a
// row per township and role with its 合计; 说明: what is counted. A change without last year's
// figure is 无数据, never 0 % or ∞.
import type { Writable } from 'node:stream';
import { INCOME_LEVEL, INCOME_ROLE, type IncomeChange, type PayIncomeChange } from '../api/pay';
import { addSheet, amount, labelledSheet, streamingWorkbook, writeRow, type SheetColumn } from './xlsx';

const NO_DATA = '无数据';

/** The columns of one group's figures, this year's and last year's (headers name the years). */
const figureColumns = (y: number, l: number): SheetColumn[] => [
  { header: `${y}年人数`, key: 'people', fmt: 'count' },
  { header: `${y}年人月数`, key: 'person_months', fmt: 'count' },
  { header: `${y}年应发绩效合计`, key: 'amount', fmt: 'money', width: 18 },
  { header: `${y}年月人均绩效（应发）`, key: 'average', fmt: 'money', width: 18 },
  { header: `${l}年人数`, key: 'people_last', fmt: 'count' },
  { header: `${l}年人月数`, key: 'person_months_last', fmt: 'count' },
  { header: `${l}年应发绩效合计`, key: 'amount_last', fmt: 'money', width: 18 },
  { header: `${l}年月人均绩效（应发）`, key: 'average_last', fmt: 'money', width: 18 },
  { header: '月人均绩效变化', key: 'change', fmt: 'rate', width: 14 },
  { header: `${y}年月人均实发`, key: 'average_net', fmt: 'money', width: 16 },
  { header: `${l}年月人均实发`, key: 'average_net_last', fmt: 'money', width: 16 },
  { header: '月人均实发变化', key: 'change_net', fmt: 'rate', width: 14 },
];

/** "40.15" (%) as a rate cell 0.4015; null as 无数据 */
const rate = (pct: string | null) => (pct === null ? NO_DATA : Number((Number(pct) / 100).toFixed(4)));
const orNoData = (v: string | null) => (v === null ? NO_DATA : amount(v));

const figures = (c: IncomeChange) => ({
  people: c.this_year.people,
  person_months: c.this_year.person_months,
  amount: amount(c.this_year.amount),
  average: orNoData(c.this_year.average),
  people_last: c.last_year.people,
  person_months_last: c.last_year.person_months,
  amount_last: amount(c.last_year.amount),
  average_last: orNoData(c.last_year.average),
  change: rate(c.change_pct),
  average_net: orNoData(c.this_year.average_net),
  average_net_last: orNoData(c.last_year.average_net),
  change_net: rate(c.change_net_pct),
});

export async function writePayIncomeChange(out: Writable, v: PayIncomeChange) {
  const wb = streamingWorkbook(out);
  const columns = figureColumns(v.year, v.last_year);
  const byRole = addSheet(wb, '收入变化', [{ header: '层级', key: 'level', width: 16 }, { header: '岗位', key: 'role', width: 20 }, ...columns]);
  for (const level of v.by_level) {
    for (const r of v.by_role.filter((x) => x.level === level.level))
      writeRow(byRole, { level: INCOME_LEVEL.zh(level.level), role: INCOME_ROLE.zh(r.role), ...figures(r) });
    writeRow(byRole, { level: INCOME_LEVEL.zh(level.level), role: '小计', ...figures(level) }, true);
  }
  writeRow(byRole, { level: '合计', role: '全部岗位', ...figures(v.total) }, true);
  byRole.commit();

  const townships = addSheet(wb, '乡镇收入变化', [
    { header: '机构编码', key: 'code', width: 10 },
    { header: '乡镇卫生院', key: 'name', width: 24 },
    { header: '岗位', key: 'role', width: 20 },
    ...columns,
  ]);
  for (const t of v.townships) {
    for (const role of INCOME_ROLE.values) writeRow(townships, { code: t.code, name: t.name, role: INCOME_ROLE.zh(role), ...figures(t.roles[role]) });
    writeRow(townships, { code: t.code, name: t.name, role: '合计', ...figures(t) }, true);
  }
  townships.commit();

  const { sheet, line } = labelledSheet(wb, '说明');
  line('年度', v.year, 'count', `与 ${v.last_year} 年同期比较`);
  line('比较月份', v.months.length ? v.months.map((m) => `${m}月`).join('、') : NO_DATA, undefined, '本年有已批准或已锁定绩效核算的月份，与上年相同月份比较');
  line('口径', '绩效工资', undefined, '各乡镇月度绩效核算（已批准或已锁定的现行版本；已被更正、草稿、未批准的不计）中的应发金额与实发金额，不是工资总额');
  line('月人均绩效', '应发合计 ÷ 人月数', undefined, '人月数：人员在某月有一条核算明细计一；四舍五入到分');
  line('变化', '（本年月人均 − 上年月人均）÷ 上年月人均', undefined, '按合计精确计算，保留两位小数的百分比；上年无数据时为“无数据”');
  line('岗位', '院长、其他职工、村医', undefined, '院长：该乡镇卫生院院长账号；村医：工作单位为村卫生室者；其余为乡镇卫生院其他职工');
  sheet.commit();
  await wb.commit();
}
