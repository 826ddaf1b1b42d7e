// Households (户): the residents of one village who live together. The household page lists each
// member's tasks that can be done now, so that one home visit completes them all: the visit of
// every member is saved at once — one transaction, each visit logged by the follow-up use-case
// (its own audit row, its task completed, its recheck planned) — or none is.
import type { Actor } from '../core/actor';
import { AppError, badRequest, conflict, notFound, unprocessable, type FieldProblem } from '../core/errors';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { inTransaction, withinTransaction } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { db } from '../db/knex';
import { unitById, unitInScope } from '../org';
import type { FollowupMode } from './enums';
import { Household, Resident, Task } from './model';
import { ageOn, householdVisitProblems, residentTags } from './rules';
import { createFollowup, type FollowupInput } from './followupService';
import * as clock from '../core/clock';

/** Open tasks whose window has opened: what a visit today can complete. */
const DOABLE = `t.state in ('upcoming','due') and t.window_start <= ?::date`;

export const householdResource: ResourceDef<Household> = {
  name: 'households',
  model: Household,
  scope: scopeByUnit('households.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', code: 'text', address: 'text', created_at: 'timestamp' },
    search: ['households.code', 'households.address'],
    defaultSort: ['code', 'ASC'],
    // member: a member's name contains it; due: some member has a task that can be done today
    custom: { member: 'text', due: 'bool' },
  },
  applyCustom: (qb, custom) => {
    const today = clock.today();
    qb.select(
      db().raw(`(select count(*) from residents m where m.household_id = households.id and m.deregistered_on is null)::int as member_count`),
      db().raw(
        `(select m.name from residents m where m.household_id = households.id and m.household_relation = 'head' and m.deregistered_on is null) as head_name`,
      ),
      db().raw(
        `(select count(*) from residents m join tasks t on t.resident_id = m.id
           where m.household_id = households.id and m.deregistered_on is null and ${DOABLE})::int as due_count`,
        [today],
      ),
    );
    if (custom.member !== undefined) {
      const like = `%${(custom.member as string).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.whereExists(db()('residents as m').select(db().raw('1')).whereRaw('m.household_id = households.id').where('m.name', 'ilike', like));
    }
    if (custom.due !== undefined) {
      const due = db()('residents as m')
        .join('tasks as t', 't.resident_id', 'm.id')
        .select(db().raw('1'))
        .whereRaw('m.household_id = households.id and m.deregistered_on is null')
        .whereRaw(DOABLE, [today]);
      if (custom.due) qb.whereExists(due);
      else qb.whereNotExists(due);
    }
  },
};

const RELATION_ORDER = ['head', 'spouse', 'parent', 'child', 'grandchild', 'sibling', 'other'];

/** A household with its registered members (head first) and each member's tasks that can be done today. */
export async function readHousehold(actor: Actor, id: number) {
  assertCan(actor, 'households', 'show');
  const household = await getRow(householdResource, actor, id);
  const today = clock.today();
  const members = await Resident.query()
    .select('id', 'name', 'sex', 'birth_date', 'tags', 'conditions', 'household_relation', 'id_number_masked')
    .where('household_id', id)
    .whereNull('deregistered_on')
    .orderBy('birth_date');
  const tasks: Pick<Task, 'id' | 'resident_id' | 'type' | 'due_on' | 'window_start' | 'window_end' | 'state'>[] = members.length
    ? await db()('tasks as t')
        .select<Pick<Task, 'id' | 'resident_id' | 'type' | 'due_on' | 'window_start' | 'window_end' | 'state'>[]>(
          't.id',
          't.resident_id',
          't.type',
          't.due_on',
          't.window_start',
          't.window_end',
          't.state',
        )
        .whereIn(
          't.resident_id',
          members.map((m) => m.id),
        )
        .whereRaw(DOABLE, [today])
        .orderBy([{ column: 't.due_on' }, { column: 't.id' }])
    : [];
  const rank = (r: string | null) => (r ? RELATION_ORDER.indexOf(r) : RELATION_ORDER.length);
  return {
    ...household.toJSON(),
    members: [...members]
      .sort((a, b) => rank(a.household_relation) - rank(b.household_relation))
      .map((m) => ({
        id: m.id,
        name: m.name,
        sex: m.sex,
        birth_date: m.birth_date,
        age: ageOn(m.birth_date, today),
        tags: residentTags(m, today),
        household_relation: m.household_relation,
        id_number_masked: m.id_number_masked,
        // every one is open: overdue once past its due date
        tasks: tasks.filter((t) => t.resident_id === m.id).map((t) => ({ ...t, overdue: t.due_on < today })),
      })),
  };
}

export interface HouseholdInput {
  org_unit_id?: number;
  code?: string;
  address?: string | null;
}

async function assertVillageInScope(actor: Actor, unitId: number) {
  const unit = await unitById(unitId, ['id', 'name', 'kind']);
  if (!unit || !(await unitInScope(unitId, actor.scopePath, ['id']))) throw notFound('org-units', unitId);
  if (unit.kind !== 'village')
    throw unprocessable(`a household belongs to a village; ${unit.name} is a ${unit.kind}`, [{ field: 'org_unit_id', message: 'must be a village clinic' }]);
}

const codeTaken = (code: string, existingId: number) =>
  conflict(`the village already has a household ${code}: #${existingId}`, { field: 'code', existing_id: existingId });

export function createHousehold(actor: Actor, input: Required<Pick<HouseholdInput, 'code'>> & HouseholdInput) {
  assertCan(actor, 'households', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const unitId = input.org_unit_id ?? actor.orgUnitId;
    await assertVillageInScope(actor, unitId);
    const taken = await Household.query(trx).where({ org_unit_id: unitId, code: input.code }).first();
    if (taken) throw codeTaken(input.code, taken.id);
    const created = await Household.query(trx).insertAndFetch({ org_unit_id: unitId, code: input.code, address: input.address ?? null });
    await audit({ action: 'create', resource: 'households', recordId: created.id, after: created });
    return created;
  });
}

/** Edits the code or address; the members' `household` follows a new code. */
export function updateHousehold(actor: Actor, id: number, input: HouseholdInput) {
  assertCan(actor, 'households', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(householdResource, actor, id, trx);
    await lockRow(trx, 'households', id);
    if (input.org_unit_id !== undefined && input.org_unit_id !== current.org_unit_id)
      throw badRequest('cannot change org_unit_id', [{ field: 'org_unit_id', message: 'a household stays in its village; members move by a transfer' }]);
    const patch: Partial<Household> = {};
    if (input.code !== undefined && input.code !== current.code) {
      const taken = await Household.query(trx).where({ org_unit_id: current.org_unit_id, code: input.code }).first();
      if (taken) throw codeTaken(input.code, taken.id);
      patch.code = input.code;
    }
    if (input.address !== undefined) patch.address = input.address;
    const updated = await Household.query(trx).patchAndFetchById(id, { ...patch, updated_at: clock.nowIso() });
    if (patch.code) await trx('residents').where('household_id', id).update({ household: patch.code, updated_at: clock.nowIso() });
    await audit({ action: 'update', resource: 'households', recordId: id, before: current, after: updated });
    return updated;
  });
}

export type MemberVisit = Omit<FollowupInput, 'visited_on' | 'mode' | 'org_unit_id'> & { resident_id: number };

export interface HouseholdVisitInput {
  visited_on: string;
  /** one way for the whole visit; a home visit (入户) unless said */
  mode?: FollowupMode;
  visits: MemberVisit[];
}

/** A problem of visit `i`, its fields named under `visits.<i>.` so that the form shows it on that member's entry. */
function atVisit(i: number, e: unknown): unknown {
  if (!(e instanceof AppError)) return e;
  const details = Array.isArray(e.details)
    ? (e.details as FieldProblem[]).map((d) => ({ ...d, field: `visits.${i}.${d.field}` }))
    : { visit: i, ...(e.details as object | undefined) };
  return new AppError(e.kind, e.code, `visits.${i}: ${e.message}`, details);
}

/**
 * One home visit to a household: a follow-up per member's task, all saved or none. Each visit is
 * the follow-up use-case itself (checks, classification, the task completed, the recheck, its
 * audit row), run inside this one transaction.
 */
export function visitHousehold(actor: Actor, id: number, input: HouseholdVisitInput) {
  assertCan(actor, 'households', 'visit');
  return inTransaction(actor, async (trx) => {
    const household = await getRow(householdResource, actor, id, trx);
    await lockRow(trx, 'households', id);
    const members = await trx('residents').select<Pick<Resident, 'id'>[]>('id').where('household_id', id).whereNull('deregistered_on');
    const problems = householdVisitProblems(input.visits, new Set(members.map((m) => m.id)));
    if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
    const mode = input.mode ?? 'home';
    const visits = await withinTransaction(trx, async () => {
      const saved: Awaited<ReturnType<typeof createFollowup>>[] = [];
      for (const [i, visit] of input.visits.entries()) {
        try {
          saved.push(await createFollowup(actor, { ...visit, visited_on: input.visited_on, mode }));
        } catch (e) {
          throw atVisit(i, e);
        }
      }
      return saved;
    });
    return { household_id: household.id, code: household.code, visited_on: input.visited_on, mode, visits };
  });
}
