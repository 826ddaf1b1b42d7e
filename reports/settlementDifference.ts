// The settlement workbook's sheet 与已批准结算的差异 (a correction run): the totals before → after with the change,
// the claims written since the approved run line by line (新增 / 冲正 / 修改), and per unit the spending and the
// allocation before → after, with a 合计 row equal to the total change. Labels are the run page's (DIFFERENCE_LABEL).
import { enumMessages } from '../api/core/enums';
import { DIFFERENCE_LABEL, RUN_LABEL, SETTLEMENT_ENUMS, type DifferenceView } from '../api/settlement';
import { addSheet, amount, FORMATS, labelOf, sumAmounts, writeRow, type streamingWorkbook } from './xlsx';

const D = DIFFERENCE_LABEL.messages('zh');
const T = RUN_LABEL.messages('zh');
const E = enumMessages('zh', ...SETTLEMENT_ENUMS).enums;
const COLUMNS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

export function differenceSheet(wb: ReturnType<typeof streamingWorkbook>, d: DifferenceView) {
  const sheet = addSheet(
    wb,
    D.title,
    ['项目', D.before, D.after, D.change, '', '', '', ''].map((header, i) => ({ header, key: COLUMNS[i], width: i === 3 ? 28 : 16 })),
  );
  /** a row of cells in column order; money cells (by index) as numbers in the money format */
  const row = (cells: unknown[], money: number[] = [], total = false) => {
    const r = writeRow(sheet, Object.fromEntries(cells.map((v, i) => [COLUMNS[i], money.includes(i) ? amount(v) : v])), total);
    for (const i of money) r.getCell(COLUMNS[i]).numFmt = FORMATS.money;
  };
  const change = (c: { before: string; after: string; change: string }) => [c.before, c.after, c.change];
  row([T.spending, ...change(d.spending)], [1, 2, 3]);
  row([T.claims, d.claims.before, d.claims.after, d.claims.change]);
  row([T.surplus, ...change(d.surplus)], [1, 2, 3]);
  row([T.retained, ...change(d.retained)], [1, 2, 3]);
  row([D.approved_run, d.supersedes_id, '', D.note]);

  row([]);
  row([D.claims_changed], [], true);
  row([D.claim_no, D.kind, D.reverses, D.provider, D.settled_on, D.counted_in, T.total_cost, T.fund_paid], [], true);
  if (d.lines === null) row([D.no_lines]);
  else if (!d.lines.length) row([D.none]);
  for (const l of d.lines ?? [])
    row([l.claim_no, labelOf(E.claim_change, l.kind), l.reverses_claim_no, l.provider, l.settled_on, l.period_month, l.total_cost, l.fund_paid], [6, 7]);
  if (d.lines && d.lines_total! > d.lines.length) row([D.listed.replace('%{total}', String(d.lines_total)).replace('%{n}', String(d.lines.length))]);

  row([]);
  row([D.by_unit], [], true);
  row(
    [
      '单位编码',
      T.unit,
      `${T.spending}·${D.before}`,
      `${T.spending}·${D.after}`,
      D.spending_change,
      `${T.amount}·${D.before}`,
      `${T.amount}·${D.after}`,
      D.allocation_change,
    ],
    [],
    true,
  );
  for (const u of d.units)
    row([u.code ?? '', u.name ?? labelOf(E.provider_class, u.provider_class), ...change(u.spending), ...change(u.allocation)], [2, 3, 4, 5, 6, 7]);
  const sum = (pick: (u: DifferenceView['units'][number]) => string) => sumAmounts(d.units.map(pick));
  row(
    [
      '',
      T.total,
      sum((u) => u.spending.before),
      sum((u) => u.spending.after),
      sum((u) => u.spending.change),
      sum((u) => u.allocation.before),
      sum((u) => u.allocation.after),
      sum((u) => u.allocation.change),
    ],
    [2, 3, 4, 5, 6, 7],
    true,
  );
  sheet.commit();
}
