// Settlement runs: draft → calculated → reviewed → approved (locked). Each step is one
// transaction with its audit row and its event in the run's history. Recalculating keeps the
// previous figures as a version; an approved run is only superseded by a new run with a reason.
// Also what is read of them: a run with its figures in the caller's scope, a version, the run's
// workbook data, and the fund year's dashboard (budget against spending by month, the runs, the latest figures).
import { runSpectra } from '../spectrum/service';
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction, type Audit } from '../../core/transaction';
import { db } from '../../db/knex';
import { scopeByUnit } from '../../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../../core/crud';
import { can } from '../../core/access';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../../core/errors';
import * as clock from '../../core/clock';
import { fromFen, toFen } from '../../shared/money';
import { orgUnits, under } from '../../org';
import { RUN_KIND, RUN_STATUS } from '../enums';
import { budgetOf, monthlyBudgets } from '../fundYears/rules';
import { fundYearOr404, withBudget } from '../fundYears/service';
import { computeFigures, isEstimate, loadUnits, recipientUnits, type RunFigures } from './calculation';
import { readHealthInputs, storedInputs, storeInputs } from './inputs';
import { monthsNotSignedOff } from '../signoffs/service';
import { advancesOf, paymentsOf } from '../advances/service';
import { forecastAt } from './forecast';
import { SettlementRun, SettlementRunEvent, SettlementRunVersion, SurplusAllocation } from './model';
import { allowedSteps, inputChanges, parsePeriod, RUN_STEPS, type RunStep } from './rules';

export const runResource: ResourceDef<SettlementRun> = {
  name: 'settlement-runs',
  model: SettlementRun,
  scope: (qb) => qb,
  list: {
    // list_order: newest fund year first, its final run before its months (migration 20261205002300)
    fields: {
      fund_year_id: 'int',
      period: 'text',
      kind: RUN_KIND.values,
      status: RUN_STATUS.values,
      through_month: 'int',
      created_at: 'timestamp',
      list_order: 'text',
    },
    defaultSort: ['list_order', 'DESC'],
    custom: { current: 'bool' },
  },
  applyCustom: (qb, custom) => {
    if (custom.current === true) qb.whereNull('settlement_runs.superseded_by_id');
    if (custom.current === false) qb.whereNotNull('settlement_runs.superseded_by_id');
  },
};

export const allocationResource: ResourceDef<SurplusAllocation> = {
  name: 'surplus-allocations',
  model: SurplusAllocation,
  scope: scopeByUnit('surplus_allocations.org_unit_id'),
  list: {
    fields: { run_id: 'int', version: 'int', pool: 'text', org_unit_id: 'int', amount: 'decimal', score: 'decimal' },
    defaultSort: ['org_unit_id', 'ASC'],
  },
};

async function event(trx: Knex.Transaction, actor: Actor, runId: number, action: string, extra: { version?: number; comment?: string | null } = {}) {
  await trx('settlement_run_events').insert({
    run_id: runId,
    action,
    actor_id: actor.id || null,
    actor_name: actor.displayName,
    version: extra.version ?? null,
    comment: extra.comment ?? null,
  });
}

function stateConflict(run: SettlementRun, step: RunStep) {
  if (run.superseded_by_id) return conflict(`run ${run.id} is superseded by run ${run.superseded_by_id}`, { status: run.status, allowed: [] });
  const allowed = allowedSteps(run.status);
  return conflict(`cannot ${step} a run that is ${run.status}; allowed: ${allowed.join(', ') || 'none (approved runs are locked)'}`, {
    status: run.status,
    allowed,
  });
}

/** POST /api/settlement-runs: a draft run for a month ("2026-03", provisional) or the year ("2026", final). */
export function createRun(actor: Actor, input: { fund_year_id: number; period: string; reason?: string }) {
  assertCan(actor, 'settlement-runs', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const fy = await fundYearOr404(trx, input.fund_year_id);
    const period = parsePeriod(input.period);
    if (!period) throw badRequest('invalid period', [{ field: 'period', message: 'a month YYYY-MM or a year YYYY' }]);
    if (period.year !== fy.year) throw badRequest('period outside the fund year', [{ field: 'period', message: `must lie in ${fy.year}` }]);
    // serialise run creation per fund year
    await trx('fund_years').where('id', fy.id).forUpdate();
    const current = await SettlementRun.query(trx).findOne({ fund_year_id: fy.id, period: input.period, superseded_by_id: null });
    if (current && current.status !== 'approved') {
      throw conflict(`run ${current.id} for ${input.period} is ${current.status}; calculate it again instead`, {
        run_id: current.id,
        status: current.status,
        allowed: allowedSteps(current.status),
      });
    }
    if (current && !input.reason) {
      throw conflict(`run ${current.id} for ${input.period} is approved; a new run superseding it needs a reason`, {
        run_id: current.id,
        status: current.status,
        field: 'reason',
      });
    }
    const { rows } = await trx.raw<{ rows: { id: number }[] }>(`SELECT nextval(pg_get_serial_sequence('settlement_runs', 'id'))::int AS id`);
    const id = rows[0].id;
    if (current) {
      // the approved run stays as it was, pointing at the run that replaces it
      await trx('settlement_runs').where('id', current.id).update({ superseded_by_id: id, updated_at: trx.fn.now() });
      await event(trx, actor, current.id, 'superseded', { comment: input.reason });
      await audit({
        action: 'supersede',
        resource: 'settlement-runs',
        recordId: current.id,
        before: { status: current.status, superseded_by_id: null },
        after: { superseded_by_id: id, reason: input.reason },
      });
    }
    const run = await SettlementRun.query(trx).insertAndFetch({
      id,
      fund_year_id: fy.id,
      period: input.period,
      kind: period.kind,
      through_month: period.throughMonth,
      status: 'draft',
      version: 0,
      reason: input.reason ?? null,
      supersedes_id: current?.id ?? null,
      created_by: actor.id || null,
    });
    await event(trx, actor, run.id, 'created', { comment: input.reason });
    await audit({ action: 'create', resource: 'settlement-runs', recordId: run.id, after: run });
    return run;
  });
}

/** Calculates (or recalculates, with a reason) inside `trx`: the figures, a new version, its allocation rows. */
export async function calculateIn(trx: Knex.Transaction, actor: Actor, audit: Audit, run: SettlementRun, reason: string | null) {
  const fy = await fundYearOr404(trx, run.fund_year_id);
  const period = parsePeriod(run.period)!;
  if (period.kind === 'final') await assertSignedOff(trx, fy.year, period.throughMonth);
  // the aggregate's hash table stays in memory rather than spilling to disk
  await trx.raw("SET LOCAL work_mem = '64MB'");
  const claimsRead = await claimsWatermark(trx, fy.id);
  const version = run.version + 1;
  // the version's inputs are stored first and its figures computed from the stored rows (frozen inputs)
  await storeInputs(trx, run.id, version, await readHealthInputs(trx, fy, period.throughMonth, recipientUnits(await loadUnits(trx), fy)));
  const figures = await computeFigures(trx, fy, period, run.period, await storedInputs(trx, run.id, version));
  await SettlementRunVersion.query(trx).insert({
    run_id: run.id,
    version,
    figures,
    ...claimsRead,
    reason,
    calculated_by: actor.id || null,
    calculated_by_name: actor.displayName,
  });
  // only the final run allocates: a provisional run's shares are an estimate, kept in its figures alone
  if (figures.allocations.length && !isEstimate(figures)) {
    await trx.batchInsert(
      'surplus_allocations',
      figures.allocations.map((a) => ({
        run_id: run.id,
        version,
        pool: a.pool,
        pool_amount: a.pool_amount,
        org_unit_id: a.org_unit_id,
        raw_values: JSON.stringify(a.raw_values),
        normalised_values: JSON.stringify(a.normalised_values),
        indicator_weights: JSON.stringify(a.indicator_weights),
        score: a.score,
        population: a.population,
        weight: a.weight,
        share: a.share,
        amount: a.amount,
      })),
      500,
    );
  }
  const updated = await SettlementRun.query(trx).patchAndFetchById(run.id, {
    status: 'calculated',
    version,
    figures,
    calculated_by: actor.id || null,
    calculated_at: clock.nowIso(),
    // a recalculated run must be reviewed again
    reviewed_by: null,
    reviewed_by_name: null,
    reviewed_at: null,
    updated_at: clock.nowIso(),
  });
  await event(trx, actor, run.id, version === 1 ? 'calculated' : 'recalculated', { version, comment: reason });
  await audit({
    action: version === 1 ? 'calculate' : 'recalculate',
    resource: 'settlement-runs',
    recordId: run.id,
    before: { status: run.status, version: run.version, surplus: run.figures?.surplus ?? null, retained: run.figures?.retained ?? null },
    after: {
      status: 'calculated',
      version,
      reason,
      budget: figures.budget,
      spending: figures.spending.total,
      surplus: figures.surplus,
      retained: figures.retained,
    },
  });
  return updated;
}

/** A final run reads only months whose health data the group has signed off: refused naming the others. */
async function assertSignedOff(trx: Knex.Transaction, year: number, throughMonth: number) {
  const months = await monthsNotSignedOff(trx, year, throughMonth);
  if (!months.length) return;
  const message = `the health data of ${year} month(s) ${months.join(', ')} is not signed off by the group`;
  throw new AppError('business_rule', 'months_not_signed_off', message, [
    { field: 'period', message, rule: 'months_not_signed_off', params: { months: months.join('、') } },
  ]);
}

/**
 * The highest claim revision of the fund year and claim id the calculation reads, so a correction run can list
 * the claims written since (differenceService.ts). Exact because the caller holds the fund year FOR UPDATE: no
 * import (which holds it FOR SHARE while writing) is half-way.
 */
async function claimsWatermark(trx: Knex.Transaction, fundYearId: number) {
  const { rows } = await trx.raw<{ rows: { claims_revision: number; claims_max_id: number }[] }>(
    `SELECT (SELECT coalesce(max(revision), 0) FROM claims WHERE fund_year_id = ?) AS claims_revision, (SELECT coalesce(max(id), 0) FROM claims) AS claims_max_id`,
    [fundYearId],
  );
  return rows[0];
}

/** The run locked for this step, after the state check (409 naming what is allowed). */
async function forStep(trx: Knex.Transaction, actor: Actor, id: number, step: RunStep) {
  const run = await getRow(runResource, actor, id, trx);
  await lockRow(trx, 'settlement_runs', id);
  const fresh = await SettlementRun.query(trx).findById(id);
  if (!fresh || fresh.superseded_by_id || !RUN_STEPS[step].includes(fresh.status)) throw stateConflict(fresh ?? run, step);
  return fresh;
}

/** POST /api/settlement-runs/:id/calculate {reason?}: a reason is required to recalculate. */
export function calculateRun(actor: Actor, id: number, reason?: string) {
  assertCan(actor, 'settlement-runs', 'calculate');
  return inTransaction(actor, async (trx, audit) => {
    // the fund year row first, as approval takes it: no import writes while the claims are read (see claimsWatermark)
    const head = await getRow(runResource, actor, id, trx);
    await trx('fund_years').where('id', head.fund_year_id).forUpdate();
    const run = await forStep(trx, actor, id, 'calculate');
    if (run.status !== 'draft' && !reason)
      throw badRequest('a recalculation needs a reason', [{ field: 'reason', message: `run ${id} is ${run.status}: say why it is calculated again` }]);
    return calculateIn(trx, actor, audit, run, reason ?? null);
  });
}

/** POST /api/settlement-runs/:id/review {comment}: calculated → reviewed. */
export function reviewRun(actor: Actor, id: number, comment: string) {
  assertCan(actor, 'settlement-runs', 'review');
  return inTransaction(actor, async (trx, audit) => {
    const run = await forStep(trx, actor, id, 'review');
    const updated = await SettlementRun.query(trx).patchAndFetchById(id, {
      status: 'reviewed',
      reviewed_by: actor.id,
      reviewed_by_name: actor.displayName,
      reviewed_at: clock.nowIso(),
      updated_at: clock.nowIso(),
    });
    await event(trx, actor, id, 'reviewed', { version: run.version, comment });
    await audit({
      action: 'review',
      resource: 'settlement-runs',
      recordId: id,
      before: { status: run.status },
      after: { status: 'reviewed', version: run.version, comment },
    });
    return updated;
  });
}

/** POST /api/settlement-runs/:id/approve {comment?}: reviewed → approved, by someone other than the reviewer. */
export function approveRun(actor: Actor, id: number, comment?: string) {
  assertCan(actor, 'settlement-runs', 'approve');
  return inTransaction(actor, async (trx, audit) => {
    // the fund year row first (imports hold it FOR SHARE while writing), then the run
    const head = await getRow(runResource, actor, id, trx);
    await trx('fund_years').where('id', head.fund_year_id).forUpdate();
    const run = await forStep(trx, actor, id, 'approve');
    if (run.reviewed_by === actor.id) {
      throw unprocessable('four-eyes rule: the reviewer of a run cannot also approve it', [
        { field: 'approved_by', message: `${actor.username} reviewed this run` },
      ]);
    }
    const updated = await SettlementRun.query(trx).patchAndFetchById(id, {
      status: 'approved',
      approved_by: actor.id,
      approved_by_name: actor.displayName,
      approved_at: clock.nowIso(),
      updated_at: clock.nowIso(),
    });
    await event(trx, actor, id, 'approved', { version: run.version, comment: comment ?? null });
    await audit({
      action: 'approve',
      resource: 'settlement-runs',
      recordId: id,
      before: { status: run.status },
      after: { status: 'approved', version: run.version, comment },
    });
    return updated;
  });
}

/** POST /api/settlement-runs/:id/comments {comment}: a remark in the run's history. */
export function commentRun(actor: Actor, id: number, comment: string) {
  assertCan(actor, 'settlement-runs', 'comment');
  return inTransaction(actor, async (trx, audit) => {
    const run = await getRow(runResource, actor, id, trx);
    await event(trx, actor, id, 'comment', { version: run.version, comment });
    await audit({ action: 'comment', resource: 'settlement-runs', recordId: id, after: { comment } });
    return SettlementRunEvent.query(trx).where('run_id', id).orderBy('id', 'desc').first();
  });
}

/** A director sees the group totals and only the units in their scope. */
export async function scopedFigures(actor: Actor, figures: RunFigures): Promise<RunFigures> {
  figures = { ...figures, estimate: isEstimate(figures) };
  if (!actor.scopePath || !actor.scopePath.includes('.')) return figures;
  const ids = new Set((await under(orgUnits(['id']), actor.scopePath)).map((r) => r.id));
  return {
    ...figures,
    unit_indicators: figures.unit_indicators.filter((u) => ids.has(u.org_unit_id)),
    allocations: figures.allocations.filter((a) => ids.has(a.org_unit_id)),
  };
}

/** A calculation of a run as its page lists it: the figures' totals, not the figures. */
type VersionSummary = Pick<SettlementRunVersion, 'id' | 'version' | 'reason' | 'calculated_by_name' | 'calculated_at'> & {
  surplus: string;
  retained: string;
  surplus_rate: number | null;
  spending: string;
};

/** GET /api/settlement-runs/:id: the run, its figures, its versions and its history. */
export async function readRun(actor: Actor, id: number) {
  assertCan(actor, 'settlement-runs', 'show');
  const run = await getRow(runResource, actor, id);
  const [versions, events] = await Promise.all([
    SettlementRunVersion.query()
      .select(
        'id',
        'version',
        'reason',
        'calculated_by_name',
        'calculated_at',
        db().raw("figures->>'surplus' as surplus"),
        db().raw("figures->>'retained' as retained"),
        db().raw("(figures->>'surplus_rate')::float as surplus_rate"),
        db().raw("figures->'spending'->>'total' as spending"),
      )
      .where('run_id', id)
      .orderBy('version', 'desc')
      .castTo<VersionSummary[]>(),
    SettlementRunEvent.query().where('run_id', id).orderBy('id', 'asc'),
  ]);
  return {
    ...run.toJSON(),
    figures: run.figures ? await scopedFigures(actor, run.figures) : null,
    ...(await versionInputs(actor, run, run.version)),
    advances: await runAdvances(actor, run),
    allowed: run.superseded_by_id ? [] : allowedSteps(run.status),
    versions,
    events,
  };
}

/** The final run's advances and 清算 (advances paid against its figures), for who may read advances; null for a month. */
async function runAdvances(actor: Actor, run: SettlementRun) {
  if (run.kind !== 'final' || !can(actor.roles, 'settlement-advances', 'list')) return null;
  const fy = await fundYearOr404(db(), run.fund_year_id);
  return advancesOf(fy, await paymentsOf(db(), fy.id), run);
}

/** A calculated run for its workbook: the run with its figures limited to the caller's scope (see readRun), and its fund year's region. */
export async function runReport(actor: Actor, id: number) {
  const run = await readRun(actor, id);
  if (!run.figures) throw unprocessable(`run ${id} is not calculated yet`);
  const fy = await fundYearOr404(db(), run.fund_year_id);
  // a month's workbook carries the year-end forecast made at it
  // and the disease spectrum (病种谱) of the reader's townships over the run's months
  return {
    run: { ...run, forecast: await forecastAt(db(), fy, run), spectrum: await runSpectra(actor, fy, run.through_month) },
    figures: run.figures,
    region: fy.region,
  };
}

/** GET /api/settlement-runs/:id/versions/:version: the figures of one calculation. */
export async function readVersion(actor: Actor, id: number, version: number) {
  assertCan(actor, 'settlement-runs', 'show');
  const run = await getRow(runResource, actor, id);
  const v = await SettlementRunVersion.query().findOne({ run_id: id, version });
  if (!v) throw notFound(`settlement-runs ${id} version`, version);
  return { ...v.toJSON(), figures: await scopedFigures(actor, v.figures), ...(await versionInputs(actor, run, version)) };
}

/** The version calculated before this one: the run's previous, or for a run's first the last of the approved run it supersedes. */
async function previousVersion(run: SettlementRun, version: number): Promise<{ run_id: number; version: number } | null> {
  if (version > 1) return { run_id: run.id, version: version - 1 };
  if (!run.supersedes_id) return null;
  const superseded = await SettlementRun.query().findById(run.supersedes_id);
  return superseded && superseded.version > 0 ? { run_id: superseded.id, version: superseded.version } : null;
}

/**
 * A version's stored inputs (the health indicators its allocation read) in the caller's scope, and what changed
 * against the version before it (unit, indicator, before → after): a follow-up recorded after sign-off shows here.
 */
async function versionInputs(actor: Actor, run: SettlementRun, version: number) {
  if (version < 1) return { inputs: [], input_changes: null, inputs_compared_with: null };
  const prev = await previousVersion(run, version);
  const [inputs, before] = await Promise.all([storedInputs(db(), run.id, version), prev ? storedInputs(db(), prev.run_id, prev.version) : null]);
  const units = new Map((await under(orgUnits(['id', 'code', 'name']), actor.scopePath)).map((u) => [u.id, u]));
  const named = <T extends { org_unit_id: number }>(rows: T[]) =>
    rows.filter((r) => units.has(r.org_unit_id)).map((r) => ({ ...r, code: units.get(r.org_unit_id)!.code, name: units.get(r.org_unit_id)!.name }));
  return {
    inputs: named(inputs),
    input_changes: before ? named(inputChanges(before, inputs)) : null,
    inputs_compared_with: prev,
  };
}

/** The current run of a fund year and period, if any. */
export const currentRun = (q: Knex | Knex.Transaction, fundYearId: number, period: string) =>
  SettlementRun.query(q).findOne({ fund_year_id: fundYearId, period, superseded_by_id: null });

/** Budget against cumulative spending by month, the runs, and the latest calculated run's figures (scoped). */
export async function dashboard(actor: Actor, fundYearId: number) {
  assertCan(actor, 'fund-years', 'show');
  const fy = await fundYearOr404(db(), fundYearId);
  const budget = budgetOf(fy);
  const monthly = monthlyBudgets(budget, fy.monthly_profile);
  const spentRows: { period_month: number; fund: string; claims: number }[] = await db()('claims')
    .select('period_month')
    .sum({ fund: 'fund_paid', claims: 'claim_count' })
    .where('fund_year_id', fy.id)
    .groupBy('period_month');
  const spent = new Map(spentRows.map((r) => [r.period_month, r]));
  let cumBudget = 0n;
  let cumSpent = 0n;
  const months = monthly.map((b, i) => {
    const s = spent.get(i + 1);
    const fund = s ? toFen(s.fund) : 0n;
    cumBudget += b;
    cumSpent += fund;
    return {
      month: i + 1,
      budget: fromFen(b),
      spending: fromFen(fund),
      claims: Number(s?.claims ?? 0),
      cumulative_budget: fromFen(cumBudget),
      cumulative_spending: fromFen(cumSpent),
    };
  });
  const runs = await SettlementRun.query()
    .where('fund_year_id', fy.id)
    .orderBy([
      { column: 'through_month', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  const current = runs.filter((r) => r.superseded_by_id === null);
  // the latest figures: the final run once calculated, else the latest calculated month
  const latest = current.filter((r) => r.figures).sort((a, b) => (a.kind === b.kind ? b.through_month - a.through_month : a.kind === 'final' ? -1 : 1))[0];
  const final = current.find((r) => r.kind === 'final' && r.figures);
  // the year-end forecast until the year's final run is calculated: at the latest calculated month
  const lastMonth = current.filter((r) => r.kind === 'provisional' && r.figures).sort((a, b) => b.through_month - a.through_month)[0];
  return {
    fund_year: withBudget(fy),
    months,
    forecast: final || !lastMonth ? null : await forecastAt(db(), fy, lastMonth),
    advances: can(actor.roles, 'settlement-advances', 'list') ? advancesOf(fy, await paymentsOf(db(), fy.id), final) : null,
    runs: runs.map(runSummary),
    latest: latest ? { ...runSummary(latest), figures: await scopedFigures(actor, latest.figures!) } : null,
  };
}

export function runSummary(r: SettlementRun) {
  const f = r.figures;
  return {
    id: r.id,
    fund_year_id: r.fund_year_id,
    period: r.period,
    kind: r.kind,
    through_month: r.through_month,
    status: r.status,
    version: r.version,
    superseded_by_id: r.superseded_by_id,
    supersedes_id: r.supersedes_id,
    reason: r.reason,
    budget: f?.budget ?? null,
    spending: f?.spending.total ?? null,
    surplus: f?.surplus ?? null,
    surplus_rate: f?.surplus_rate ?? null,
    retained: f?.retained ?? null,
    calculated_at: r.calculated_at,
    reviewed_by_name: r.reviewed_by_name,
    approved_by_name: r.approved_by_name,
  };
}
