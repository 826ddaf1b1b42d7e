// The sign-off of health data (健康数据审核): the months × units grid as a signer sees it, signing and withdrawing
// (one transaction each, with its audit row), and the months a final run may not use yet.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { assertCan } from '../../core/crud';
import { can } from '../../core/access';
import { AppError, badRequest, notFound } from '../../core/errors';
import * as clock from '../../core/clock';
import { inTransaction } from '../../core/transaction';
import { db } from '../../db/knex';
import { orgUnits, unitAtPath, unitInScope, type UnitRow } from '../../org';
import type { SignoffLevel } from '../enums';
import { HealthDataSignoff } from './model';
import { levelOf, monthOver, signerProblem, signProblem, stateOf, unsignedMonths, withdrawProblem, type SignoffProblem } from './rules';

const COLUMNS = ['id', 'code', 'name', 'kind', 'level', 'parent_id', 'path'] as const;
type Unit = UnitRow<(typeof COLUMNS)[number]>;

/** A refusal as the API error: details carry `rule` and `params` for the UI's Chinese text. */
function raise(p: SignoffProblem, field = 'org_unit_id'): never {
  throw new AppError(p.kind, p.rule, p.message, [{ field, message: p.message, rule: p.rule, params: p.params ?? {} }]);
}

/** The active units a unit's sign-off waits for: a township's villages, the group's level-3 centres; none below a village. */
async function unitsBelow(q: Knex | Knex.Transaction, unit: Unit, level: SignoffLevel): Promise<Unit[]> {
  if (level === 'village') return [];
  const units = orgUnits(COLUMNS, q).where('active', true).orderBy('code');
  return level === 'township' ? units.where({ parent_id: unit.id, kind: 'village' }) : units.where('level', 3);
}

/** The unit whose sign-off comes after this one's: a village's township, a township's group (root); none above the group. */
async function unitAbove(q: Knex | Knex.Transaction, unit: Unit, level: SignoffLevel): Promise<Unit | undefined> {
  if (level === 'group') return undefined;
  if (level === 'village') return orgUnits(COLUMNS, q).where('id', unit.parent_id).first();
  return orgUnits(COLUMNS, q).whereNull('parent_id').first();
}

const signedIn = (q: Knex | Knex.Transaction, year: number, month: number, unitIds: number[]) =>
  q('health_data_signoffs')
    .select<{ org_unit_id: number; signed_by_name: string }[]>('org_unit_id', 'signed_by_name')
    .where({ year, month })
    .whereIn('org_unit_id', unitIds);

interface SignoffKey {
  year: number;
  month: number;
  org_unit_id: number;
}

/** The unit in scope, its level and the actor's right to sign for it; the month serialised (no two signers of one month at once). */
async function signingUnit(trx: Knex.Transaction, actor: Actor, key: SignoffKey) {
  assertCan(actor, 'health-signoffs', 'sign');
  const unit = await unitInScope(key.org_unit_id, actor.scopePath, COLUMNS, trx);
  if (!unit) throw notFound('org-units', key.org_unit_id);
  const level = levelOf(unit);
  if (!level) raise({ kind: 'business_rule', rule: 'not_a_signing_unit', message: `${unit.name} signs no health data (villages, townships and the group do)` });
  const signer = signerProblem(level, actor.roles, actor.orgUnitId === unit.id);
  if (signer) raise(signer);
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?), ?)', ['health_data_signoffs', key.year * 100 + key.month]);
  return { unit, level };
}

/** POST /api/health-signoffs {year, month, org_unit_id}: the unit signs off the month, once every unit below it has. */
export function signOff(actor: Actor, key: SignoffKey) {
  return inTransaction(actor, async (trx, audit) => {
    const { unit, level } = await signingUnit(trx, actor, key);
    const below = await unitsBelow(trx, unit, level);
    const signedBelow = new Set(
      (
        await signedIn(
          trx,
          key.year,
          key.month,
          below.map((u) => u.id),
        )
      ).map((r) => r.org_unit_id),
    );
    const own = await HealthDataSignoff.query(trx).findOne({ year: key.year, month: key.month, org_unit_id: unit.id });
    const problem = signProblem({
      ...key,
      today: clock.today(),
      signed: !!own,
      unsignedBelow: below.filter((u) => !signedBelow.has(u.id)).map((u) => `${u.name}（${u.code}）`),
    });
    if (problem) raise(problem, problem.rule === 'month_not_over' || problem.rule === 'already_signed' ? 'month' : 'org_unit_id');
    const row = await HealthDataSignoff.query(trx).insertAndFetch({ ...key, level, signed_by: actor.id || null, signed_by_name: actor.displayName });
    await audit({ action: 'sign', resource: 'health-signoffs', recordId: row.id, after: row });
    return row;
  });
}

/** POST /api/health-signoffs/withdraw {year, month, org_unit_id}: the unit withdraws its sign-off while the level above has not signed. */
export function withdrawSignoff(actor: Actor, key: SignoffKey) {
  return inTransaction(actor, async (trx, audit) => {
    const { unit, level } = await signingUnit(trx, actor, key);
    const own = await HealthDataSignoff.query(trx).findOne({ year: key.year, month: key.month, org_unit_id: unit.id });
    const above = await unitAbove(trx, unit, level);
    const aboveSigned = above ? (await signedIn(trx, key.year, key.month, [above.id]))[0] : undefined;
    const problem = withdrawProblem({ ...key, signed: !!own, aboveSignedBy: aboveSigned ? `${above!.name}（${aboveSigned.signed_by_name}）` : null });
    if (problem) raise(problem, 'month');
    await HealthDataSignoff.query(trx).deleteById(own!.id);
    await audit({ action: 'withdraw', resource: 'health-signoffs', recordId: own!.id, before: own });
    return { ...key, withdrawn: true };
  });
}

/** The months 1..throughMonth of a year not signed off at the group level. */
export async function monthsNotSignedOff(q: Knex | Knex.Transaction, year: number, throughMonth: number): Promise<number[]> {
  const rows = await q('health_data_signoffs').select<{ month: number }[]>('month').where({ year, level: 'group' });
  return unsignedMonths(
    rows.map((r) => r.month),
    throughMonth,
  );
}

/**
 * GET /api/health-signoffs?year=&org_unit_id=: the year's months for a unit and the units it waits for — the group and
 * its townships, a township and its villages, or a village alone — each month's state, who signed, how many below
 * have, and what the caller may do.
 */
export async function signoffGrid(actor: Actor, q: { year: number; org_unit_id?: number }) {
  assertCan(actor, 'health-signoffs', 'list');
  if (q.year < 2000 || q.year > 2100) throw badRequest('invalid year', [{ field: 'year', message: 'must be between 2000 and 2100' }]);
  const head = q.org_unit_id ? await unitInScope(q.org_unit_id, actor.scopePath, COLUMNS) : await unitAtPath(actor.scopePath, COLUMNS);
  if (!head) throw notFound('org-units', q.org_unit_id);
  const topLevel = levelOf(head);
  if (!topLevel)
    raise({ kind: 'business_rule', rule: 'not_a_signing_unit', message: `${head.name} signs no health data (villages, townships and the group do)` });
  const top = head;
  const rows = [top, ...(await unitsBelow(db(), top, topLevel))];
  const grandchildren = topLevel === 'group' ? await orgUnits(['id', 'parent_id']).where({ active: true, kind: 'village' }) : [];
  const signoffs = await HealthDataSignoff.query().where('year', q.year);
  const signed = new Map(signoffs.map((s) => [`${s.org_unit_id}|${s.month}`, s]));
  const today = clock.today();
  const mayAct = (u: Unit) => can(actor.roles, 'health-signoffs', 'sign') && signerProblem(levelOf(u)!, actor.roles, actor.orgUnitId === u.id) === null;
  const childrenOf = (u: Unit) => (u.id === top.id ? rows.slice(1) : grandchildren.filter((v) => v.parent_id === u.id));
  return {
    year: q.year,
    org_unit: { id: top.id, code: top.code, name: top.name, level: topLevel },
    units: rows.map((u) => {
      const below = levelOf(u) === 'village' ? [] : childrenOf(u);
      return {
        org_unit_id: u.id,
        code: u.code,
        name: u.name,
        level: levelOf(u)!,
        may_sign: mayAct(u),
        below: below.length,
        months: Array.from({ length: 12 }, (_, i) => {
          const month = i + 1;
          const s = signed.get(`${u.id}|${month}`);
          return {
            month,
            state: stateOf(!!s, monthOver(q.year, month, today)),
            signed_by_name: s?.signed_by_name ?? null,
            signed_at: s?.signed_at ?? null,
            below_signed: below.filter((b) => signed.has(`${b.id}|${month}`)).length,
          };
        }),
      };
    }),
  };
}

/** Signs off whole months at every level at once (the demo's past months, a test's or the benchmark's fund year): a loader's step, not a use-case (no audit row). */
export async function signOffMonths(q: Knex | Knex.Transaction, year: number, months: readonly number[], signer: string) {
  const units = await orgUnits(['id', 'kind', 'level', 'parent_id'], q).where('active', true);
  const rows = months.flatMap((month) =>
    units.flatMap((u) => {
      const level = levelOf(u);
      return level ? [{ year, month, org_unit_id: u.id, level, signed_by_name: signer }] : [];
    }),
  );
  // a month already signed keeps its sign-off
  for (let i = 0; i < rows.length; i += 1000)
    await q('health_data_signoffs')
      .insert(rows.slice(i, i + 1000))
      .onConflict(['year', 'month', 'org_unit_id'])
      .ignore();
}
