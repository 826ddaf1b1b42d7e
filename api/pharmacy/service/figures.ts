// Each unit's figures for a month (its prescriptions; the drug share from its claims) against the
// targets, and the month's report behind the workbook (reports/pharmacy.ts).
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { assertCan } from '../../core/crud';
import { notFound } from '../../core/errors';
import { scopeByUnit } from '../../core/scope';
import * as clock from '../../core/clock';
import { db } from '../../db/knex';
import { withinScope } from '../../auth';
import { staffNames } from '../../hr';
import { orgUnits, unitsByIds } from '../../org';
import { toFen } from '../../shared/money';
import { claimDrugCosts } from '../../settlement';
import { PRESCRIBER_ACTION_KIND, PRESCRIBER_ACTION_STATUS, RX_FLAG, RX_IRRATIONAL_REASON } from '../enums';
import { PrescriberAction } from '../model';
import { unitFigures, type RxFlag, type RxIrrationalReason } from '../rules';
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

/** Counts keyed by unit, then by a code. */
const byUnit = (rows: { org_unit_id: number; code: string | null; n: string }[]) => {
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    if (r.code === null) continue;
    const u = out.get(r.org_unit_id) ?? {};
    u[r.code] = (u[r.code] ?? 0) + Number(r.n);
    out.set(r.org_unit_id, u);
  }
  return out;
};

/**
 * The figures workbook's data (合理用药指标与处方点评月报): each unit's figures as the screen shows them,
 * with its flagged prescriptions per rule, its review outcomes (rational, and irrational by kind) and
 * its actions against prescribers by kind and state — those opened in the month and those still open —,
 * listed one by one.
 */
export async function figuresReport(actor: Actor, input: { month: string; org_unit_id?: number }) {
  const units = await prescriptionFigures(actor, input);
  const ids = units.map((u) => u.org_unit_id);
  const { start, end } = clock.monthRange(input.month);
  const inMonth = (q: Knex.QueryBuilder) => q.whereIn('p.org_unit_id', ids).whereBetween('p.prescribed_on', [start, end]);
  const flags = byUnit(
    await inMonth(db()('prescriptions as p').select('p.org_unit_id', db().raw('f AS code'), db().raw('count(*) AS n')))
      .joinRaw('CROSS JOIN unnest(p.flags) AS f')
      .groupBy('p.org_unit_id', 'f'),
  );
  const outcomes = byUnit(
    await inMonth(db()('prescriptions as p').select('p.org_unit_id', db().raw('coalesce(p.reason, p.outcome) AS code'), db().raw('count(*) AS n')))
      .where('p.review_status', 'reviewed')
      .groupBy('p.org_unit_id', db().raw('coalesce(p.reason, p.outcome)')),
  );
  const actions = await PrescriberAction.query()
    .whereIn('org_unit_id', ids)
    .where('created_at', '<', `${clock.addDays(end, 1)}T00:00:00+08:00`)
    .where((w) => w.where('status', 'open').orWhere('created_at', '>=', `${start}T00:00:00+08:00`))
    .orderBy(['org_unit_id', 'created_at', 'id']);
  const staff = await staffNames(actions.flatMap((a) => (a.prescriber_staff_id ? [a.prescriber_staff_id] : [])));
  return {
    month: input.month,
    units: units.map((u) => ({
      ...u,
      flags: Object.fromEntries(RX_FLAG.values.map((f) => [f, flags.get(u.org_unit_id)?.[f] ?? 0])) as Record<RxFlag, number>,
      outcomes: {
        rational: outcomes.get(u.org_unit_id)?.rational ?? 0,
        ...(Object.fromEntries(RX_IRRATIONAL_REASON.values.map((r) => [r, outcomes.get(u.org_unit_id)?.[r] ?? 0])) as Record<RxIrrationalReason, number>),
      },
      actions: Object.fromEntries(
        PRESCRIBER_ACTION_KIND.values.map((k) => [
          k,
          Object.fromEntries(
            PRESCRIBER_ACTION_STATUS.values.map((s) => [s, actions.filter((a) => a.org_unit_id === u.org_unit_id && a.kind === k && a.status === s).length]),
          ),
        ]),
      ) as Record<PrescriberAction['kind'], Record<PrescriberAction['status'], number>>,
    })),
    actions: actions.map((a) => ({
      ...a.toJSON(),
      unit_name: units.find((u) => u.org_unit_id === a.org_unit_id)?.name ?? '',
      prescriber_staff_name: a.prescriber_staff_id ? (staff.get(a.prescriber_staff_id) ?? null) : null,
    })),
  };
}
export type FiguresReport = Awaited<ReturnType<typeof figuresReport>>;
