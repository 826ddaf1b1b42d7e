// 年终预测: a fund year's projected year-end spending and surplus rate, made at a provisional run from its months
// to date and the past years' monthly shape (rules.ts projectYearEnd). Read from the runs' stored figures — the
// provisional run's cumulative spending by month, each past year's final run's — so no claim is read.
import type { Knex } from 'knex';
import { toFen } from '../../shared/money';
import type { FundYear } from '../fundYears/model';
import { budgetOf } from '../fundYears/rules';
import type { RunFigures } from './calculation';
import { projectYearEnd, type PastYear } from './rules';

/** Each earlier fund year of the region with a calculated final run (its latest): cumulative spending by month, latest year first. */
async function pastYears(q: Knex | Knex.Transaction, fy: FundYear): Promise<PastYear[]> {
  const { rows } = await q.raw<{ rows: { year: number; cumulative: string[] }[] }>(
    `SELECT DISTINCT ON (y.year) y.year, jsonb_path_query_array(r.figures, '$.spending.by_month[*].cumulative_spending') AS cumulative
       FROM settlement_runs r JOIN fund_years y ON y.id = r.fund_year_id
      WHERE y.region = ? AND y.year < ? AND r.kind = 'final' AND r.figures IS NOT NULL
      ORDER BY y.year DESC, r.id DESC`,
    [fy.region, fy.year],
  );
  return rows.map((r) => ({ year: r.year, cumulative: r.cumulative.map((v) => toFen(v)) }));
}

/** The forecast made at a provisional run; null for a final run (the year is known), or when no past year can project. */
export async function forecastAt(q: Knex | Knex.Transaction, fy: FundYear, run: { id: number; period: string; kind: string; figures: RunFigures | null }) {
  if (run.kind !== 'provisional' || !run.figures) return null;
  const toDate = run.figures.spending.by_month.map((m) => toFen(m.cumulative_spending));
  const projection = projectYearEnd(toDate, await pastYears(q, fy), budgetOf(fy));
  return projection && { run_id: run.id, period: run.period, ...projection };
}
export type Forecast = NonNullable<Awaited<ReturnType<typeof forecastAt>>>;
