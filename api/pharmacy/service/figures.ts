// Each unit's figures for a month (its prescriptions; the drug share from its claims) against the targets.
import type { Actor } from '../../core/actor';
import { assertCan } from '../../core/crud';
import { notFound } from '../../core/errors';
import { scopeByUnit } from '../../core/scope';
import * as clock from '../../core/clock';
import { db } from '../../db/knex';
import { withinScope } from '../../auth';
import { orgUnits, unitsByIds } from '../../org';
import { toFen } from '../../shared/money';
import { claimDrugCosts } from '../../settlement';
import { unitFigures } from '../rules';
import { currentRules } from './settings';

/** Each unit's figures for a month (its prescriptions; the drug share from its claims), against the targets. */
export async function prescriptionFigures(actor: Actor, input: { month: string; org_unit_id?: number }) {
  assertCan(actor, 'prescription-figures', 'list');
  if (
    input.org_unit_id !== undefined &&
    !(await orgUnits(['id', 'path'])
      .where('id', input.org_unit_id)
      .first()
      .then((u) => u && withinScope(u.path, actor.scopePath)))
  )
    throw notFound('org-units', input.org_unit_id);
  const { start, end } = clock.monthRange(input.month);
  const q = db()('prescriptions as p')
    .select<
      {
        org_unit_id: number;
        prescriptions: string;
        outpatient: string;
        outpatient_antibiotic: string;
        outpatient_injection: string;
        outpatient_items: string;
        flagged: string;
        reviewed: string;
      }[]
    >(
      'p.org_unit_id',
      db().raw('count(*) AS prescriptions'),
      db().raw("count(*) FILTER (WHERE p.care_type = 'outpatient') AS outpatient"),
      db().raw("count(*) FILTER (WHERE p.care_type = 'outpatient' AND p.has_antibiotic) AS outpatient_antibiotic"),
      db().raw("count(*) FILTER (WHERE p.care_type = 'outpatient' AND p.has_injection) AS outpatient_injection"),
      db().raw("coalesce(sum(p.item_count) FILTER (WHERE p.care_type = 'outpatient'), 0) AS outpatient_items"),
      db().raw("count(*) FILTER (WHERE p.flags <> '{}') AS flagged"),
      db().raw("count(*) FILTER (WHERE p.review_status = 'reviewed') AS reviewed"),
    )
    .whereBetween('p.prescribed_on', [start, end])
    .groupBy('p.org_unit_id');
  scopeByUnit('p.org_unit_id')(q as never, actor.scopePath);
  if (input.org_unit_id !== undefined) q.where('p.org_unit_id', input.org_unit_id);
  const counts = await q;
  const ids = counts.map((c) => c.org_unit_id);
  const [units, claims, rules] = [
    await unitsByIds(ids, ['id', 'code', 'name', 'path']),
    await claimDrugCosts(ids, Number(input.month.slice(0, 4)), Number(input.month.slice(5, 7))),
    await currentRules(),
  ];
  const unitOf = new Map(units.map((u) => [u.id, u]));
  return counts
    .map((c) => {
      const cl = claims.get(c.org_unit_id);
      const n = {
        prescriptions: Number(c.prescriptions),
        outpatient: Number(c.outpatient),
        outpatient_antibiotic: Number(c.outpatient_antibiotic),
        outpatient_injection: Number(c.outpatient_injection),
        outpatient_items: Number(c.outpatient_items),
        flagged: Number(c.flagged),
        reviewed: Number(c.reviewed),
      };
      const u = unitOf.get(c.org_unit_id)!;
      return {
        org_unit_id: c.org_unit_id,
        code: u.code,
        name: u.name,
        path: u.path,
        ...n,
        figures: unitFigures({ ...n, claims_drug: cl ? toFen(cl.drug_cost) : null, claims_total: cl ? toFen(cl.total_cost) : null }, rules.targets),
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
