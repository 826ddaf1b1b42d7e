// The pay scheme (configuration, one for the group): the points table per service and the rest
// (deduction per missed task, grade factors, quality bands). Read as integers of hundredths for
// the rules; answered and edited as decimals; every change one transaction with its audit row.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { assertCan } from '../core/crud';
import { inTransaction } from '../core/transaction';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import { PAY_GRADE, PAY_POST, PAY_SERVICE, PAY_TITLE_LEVEL, type PayGrade, type PayPost, type PayService, type PayTitleLevel } from './enums';
import type { Centi, PayScheme } from './rules';
import { departmentSchemeProblems, type DepartmentIndicator, type DepartmentScheme } from './departmentRules';
import { unprocessable } from '../core/errors';

/** 4.5 → 450: the decimals the database and the API hold, as exact hundredths. */
export const toCenti = (value: string | number): Centi => Math.round(Number(value) * 100);
/** 450 → 4.5 */
export const fromCenti = (c: Centi): number => c / 100;

/** The scheme as the API answers and takes it: points and factors as decimals. */
export interface SchemeView {
  points: Record<PayService, number>;
  missed_task_points: number;
  grade_factors: Record<PayGrade, number>;
  quality_bands: { min_rate: number; factor: number }[];
  no_rate_factor: number;
  /** the unit's quality score (0–100) → points ± a month */
  unit_quality_bands: { min_score: number; points: number }[];
  /** the medical-risk fund's rate in percent (2 = 2 %) */
  risk_fund_rate: number;
  /** yuan a month the sending unit tops up an expert sent down (下派补助) */
  rotation_top_up: number;
  /** the base part: points a month per post (岗位) and per title level (职称) */
  post_points: Record<PayPost, number>;
  title_points: Record<PayTitleLevel, number>;
  /** the HQ's and branches' department pay (departmentRules.ts): indicator weights in whole percent, an indicator's most points */
  department_scheme: { weights: Record<DepartmentIndicator, number>; max_indicator_score: number };
}

interface SettingsRow {
  missed_task_points: string;
  grade_factors: Record<PayGrade, number>;
  quality_bands: { min_rate: number; factor: number }[];
  no_rate_factor: string;
  unit_quality_bands: { min_score: number; points: number }[];
  risk_fund_rate: string;
  rotation_top_up: string;
  post_points: Record<PayPost, number>;
  title_points: Record<PayTitleLevel, number>;
  department_scheme: SchemeView['department_scheme'];
}

/** Decimals by key → hundredths by key, for every value of the list. */
const centiBy = <K extends string>(keys: readonly K[], v: Record<K, number>) => Object.fromEntries(keys.map((k) => [k, toCenti(v[k])])) as Record<K, Centi>;

export async function readSchemeView(conn: Knex = db()): Promise<SchemeView> {
  const rows: { service: PayService; points: string }[] = await conn('pay_service_points').select('service', 'points');
  const settings = (await conn('pay_settings').where('id', 1).first<SettingsRow | undefined>())!;
  const points = Object.fromEntries(PAY_SERVICE.values.map((s) => [s, Number(rows.find((r) => r.service === s)?.points ?? 0)])) as Record<PayService, number>;
  return {
    points,
    missed_task_points: Number(settings.missed_task_points),
    grade_factors: settings.grade_factors,
    quality_bands: settings.quality_bands,
    no_rate_factor: Number(settings.no_rate_factor),
    unit_quality_bands: settings.unit_quality_bands,
    risk_fund_rate: Number(settings.risk_fund_rate),
    rotation_top_up: Number(settings.rotation_top_up),
    post_points: settings.post_points,
    title_points: settings.title_points,
    department_scheme: settings.department_scheme,
  };
}

/** The departments' scheme in the rules' hundredths. */
export const departmentSchemeOf = (v: SchemeView): DepartmentScheme => ({
  weights: v.department_scheme.weights,
  max_indicator_score: toCenti(v.department_scheme.max_indicator_score),
});

/** The scheme in the rules' hundredths. */
export function schemeOf(v: SchemeView): PayScheme {
  return {
    points: Object.fromEntries(PAY_SERVICE.values.map((s) => [s, toCenti(v.points[s])])) as Record<PayService, Centi>,
    missed_task_points: toCenti(v.missed_task_points),
    grade_factors: Object.fromEntries(PAY_GRADE.values.map((g) => [g, toCenti(v.grade_factors[g])])) as Record<PayGrade, Centi>,
    quality_bands: v.quality_bands.map((b) => ({ min_rate: b.min_rate, factor: toCenti(b.factor) })),
    no_rate_factor: toCenti(v.no_rate_factor),
    unit_quality_bands: v.unit_quality_bands.map((b) => ({ min_score: b.min_score, points: toCenti(b.points) })),
    risk_fund_rate: toCenti(v.risk_fund_rate),
    rotation_top_up: toCenti(v.rotation_top_up),
    post_points: centiBy(PAY_POST.values, v.post_points),
    title_points: centiBy(PAY_TITLE_LEVEL.values, v.title_points),
  };
}

/** GET /api/pay-scheme */
export function showScheme(actor: Actor) {
  assertCan(actor, 'pay-scheme', 'show');
  return readSchemeView();
}

/** PUT /api/pay-scheme: the whole scheme replaced; the runs already calculated keep the scheme they were calculated with. */
export function updateScheme(actor: Actor, input: SchemeView) {
  assertCan(actor, 'pay-scheme', 'edit');
  // the body's shape and ranges are the route's (400); figures that do not fit together are a rule refused: 422 naming
  // each field, as the rest of the API does (the screen puts the weights' sum on the three inputs)
  const problems = departmentSchemeProblems(departmentSchemeOf(input)).map((p) => ({
    ...p,
    field: `department_scheme.${p.field}`,
    rule: p.field === 'weights' ? 'weights_sum' : 'department_scheme',
  }));
  if (problems.length) throw unprocessable(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  return inTransaction(actor, async (trx, audit) => {
    const before = await readSchemeView(trx);
    for (const service of PAY_SERVICE.values) await trx('pay_service_points').where('service', service).update({ points: input.points[service] });
    await trx('pay_settings')
      .where('id', 1)
      .update({
        missed_task_points: input.missed_task_points,
        grade_factors: JSON.stringify(input.grade_factors),
        quality_bands: JSON.stringify(input.quality_bands),
        no_rate_factor: input.no_rate_factor,
        unit_quality_bands: JSON.stringify(input.unit_quality_bands),
        risk_fund_rate: input.risk_fund_rate,
        rotation_top_up: input.rotation_top_up,
        post_points: JSON.stringify(input.post_points),
        title_points: JSON.stringify(input.title_points),
        department_scheme: JSON.stringify(input.department_scheme),
        updated_by: actor.id,
        updated_at: clock.nowIso(),
      });
    await audit({ action: 'update', resource: 'pay-scheme', recordId: 1, before, after: input });
    return readSchemeView(trx);
  });
}
