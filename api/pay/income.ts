// GET /api/pay-income-change?year= (收入变化, issue 19 "Statements"): the group's performance pay —
// the pay runs' 应发 (`amount`) and 实发 (`net_amount`), not total salary — per level and role, the
// year's months that have an approved or locked run against the same months of the year before
// (superseded, draft and unapproved runs never count), and the same per township. Group finance,
// admin and the auditor read every township; a director their own (the pay runs' unit scope).
import type { Actor } from '../core/actor';
import { assertCan } from '../core/crud';
import type { AnyQueryBuilder } from 'objection';
import { db } from '../db/knex';
import { toFen } from '../shared/money';
import { accounts } from '../auth';
import { unitIdsAtLevelSql, unitsByIds } from '../org';
import { INCOME_LEVEL, INCOME_ROLE, type IncomeLevel, type IncomeRole } from './enums';
import { changesBy, coveredMonths, incomeChange, incomeRole, levelOfRole, PAID_STATUSES, type IncomeChange, type IncomeLine } from './incomeRules';
import { payRunResource } from './resource';

/** org_units.level of a village clinic (村卫生室) */
const VILLAGE_LEVEL = 4;

export interface PayIncomeChange {
  year: number;
  last_year: number;
  /** the months (1–12) compared: this year's with an approved or locked run, and the same months of last year */
  months: number[];
  /** the whole scope */
  total: IncomeChange;
  by_level: ({ level: IncomeLevel } & IncomeChange)[];
  by_role: ({ role: IncomeRole; level: IncomeLevel } & IncomeChange)[];
  /** a row per township paid in either year, by code */
  townships: ({ org_unit_id: number; code: string; name: string; roles: Record<IncomeRole, IncomeChange> } & IncomeChange)[];
}

interface LineRow {
  year: number;
  month: number;
  township_id: number;
  staff_id: number;
  user_id: number | null;
  work_org_unit_id: number;
  amount: string;
  net_amount: string;
}

/** The paid lines of `years` in the caller's scope. */
function paidLines(actor: Actor, years: readonly number[]): Promise<LineRow[]> {
  const q = db()('pay_lines')
    .join('pay_runs', 'pay_runs.id', 'pay_lines.run_id')
    .whereIn('pay_runs.status', [...PAID_STATUSES])
    // the township's own people: an expert sent down (下派) is the sending unit's
    .whereNull('pay_lines.rotation_id')
    // the townships' runs: the HQ's and branches' (by department) are not the reference's township and village roles
    .whereRaw(`pay_runs.org_unit_id in ${unitIdsAtLevelSql('3')}`)
    .whereRaw('extract(year from pay_runs.month)::int = any(?)', [[...years]])
    .select(
      db().raw('extract(year from pay_runs.month)::int as year'),
      db().raw('extract(month from pay_runs.month)::int as month'),
      'pay_runs.org_unit_id as township_id',
      'pay_lines.staff_id',
      'pay_lines.user_id',
      'pay_lines.work_org_unit_id',
      'pay_lines.amount',
      'pay_lines.net_amount',
    );
  payRunResource.scope(q as unknown as AnyQueryBuilder, actor.scopePath, actor);
  return q.then((rows) => rows as LineRow[]);
}

/** GET /api/pay-income-change?year= */
export async function payIncomeChange(actor: Actor, year: number): Promise<PayIncomeChange> {
  assertCan(actor, 'pay-income-change', 'list');
  const rows = await paidLines(actor, [year, year - 1]);
  const months = coveredMonths(rows.filter((r) => r.year === year).map((r) => r.month));
  const kept = rows.filter((r) => months.includes(r.month));
  const units = new Map(
    (await unitsByIds([...kept.map((r) => r.township_id), ...kept.map((r) => r.work_org_unit_id)], ['id', 'code', 'name', 'level'])).map((u) => [u.id, u]),
  );
  const directors = new Set(
    kept.length
      ? (
          await accounts(['id', 'org_unit_id'])
            .whereIn('id', [...new Set(kept.flatMap((r) => (r.user_id === null ? [] : [r.user_id])))])
            .whereRaw("'director' = any(roles)")
        ).map((u) => `${u.id}@${u.org_unit_id}`)
      : [],
  );
  const lines: IncomeLine[] = kept.map((r) => ({
    year: r.year === year ? 'this' : 'last',
    month: r.month,
    township_id: r.township_id,
    staff_id: r.staff_id,
    role: incomeRole({ is_director: directors.has(`${r.user_id}@${r.township_id}`), works_in_village: units.get(r.work_org_unit_id)?.level === VILLAGE_LEVEL }),
    amount: toFen(r.amount),
    net_amount: toFen(r.net_amount),
  }));
  const townships = [...new Set(lines.map((l) => l.township_id))].map((id) => units.get(id)!).sort((a, b) => a.code.localeCompare(b.code) || a.id - b.id);
  return {
    year,
    last_year: year - 1,
    months,
    total: incomeChange(lines),
    by_level: changesBy(lines, INCOME_LEVEL.values, (l) => levelOfRole(l.role)).map(({ key, change }) => ({ level: key, ...change })),
    by_role: changesBy(lines, INCOME_ROLE.values, (l) => l.role).map(({ key, change }) => ({ role: key, level: levelOfRole(key), ...change })),
    townships: townships.map((u) => {
      const mine = lines.filter((l) => l.township_id === u.id);
      return {
        org_unit_id: u.id,
        code: u.code,
        name: u.name,
        ...incomeChange(mine),
        roles: Object.fromEntries(changesBy(mine, INCOME_ROLE.values, (l) => l.role).map(({ key, change }) => [key, change])) as Record<
          IncomeRole,
          IncomeChange
        >,
      };
    }),
  };
}
