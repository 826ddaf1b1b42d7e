// 乡聘村用: a village doctor is employed by the township centre and works in one of its village
// clinics. Contracts are signed, renewed and exited (准入退出); the staff record follows.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { db } from '../../db/knex';
import { scopeByAnyUnit } from '../../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../../core/crud';
import { conflict, unprocessable } from '../../core/errors';
import { addDays } from '../../core/clock';
import { VillageDoctorContract } from './model';
import { CONTRACT_MOVES, moveProblem, villageContractProblem } from './rules';
import { Staff } from '../staff/model';
import type { Rotation } from '../rotations/model';
import { leaveInTransaction, staffFor } from '../staff/service';
import { CONTRACT_STATUS } from '../enums';
import { recordHistory, unitsById } from '../shared';
import * as clock from '../../core/clock';

export const contractResource: ResourceDef<VillageDoctorContract> = {
  name: 'village-doctor-contracts',
  model: VillageDoctorContract,
  scope: scopeByAnyUnit('village_doctor_contracts.employer_org_unit_id', 'village_doctor_contracts.work_org_unit_id'),
  list: {
    fields: {
      staff_id: 'int',
      employer_org_unit_id: 'int',
      work_org_unit_id: 'int',
      status: CONTRACT_STATUS.values,
      start_on: 'date',
      end_on: 'date',
    },
    defaultSort: ['end_on', 'ASC'],
    custom: { ending_within: 'int' },
  },
  applyCustom: (qb, custom) => {
    qb.select(db().raw('(select s.name from staff s where s.id = village_doctor_contracts.staff_id) as staff_name'));
    if (custom.ending_within !== undefined)
      qb.where('village_doctor_contracts.status', 'active').whereBetween('village_doctor_contracts.end_on', [
        clock.today(),
        addDays(clock.today(), custom.ending_within as number),
      ]);
  },
};

async function checkUnits(trx: Knex.Transaction, employerId: number, workId: number) {
  const units = await unitsById(trx, [employerId, workId]);
  const township = units.get(employerId);
  const village = units.get(workId);
  if (!township) throw unprocessable('employer_org_unit_id does not exist', [{ field: 'employer_org_unit_id', message: 'no such unit' }]);
  if (!village) throw unprocessable('work_org_unit_id does not exist', [{ field: 'work_org_unit_id', message: 'no such unit' }]);
  const problem = villageContractProblem(township, village);
  if (problem) throw unprocessable(problem.message, [{ ...problem, params: { township: township.name, village: village.name } }]);
}

/** Places the staff record where the contract says (employer = township, work = village). */
async function placeStaff(
  trx: Knex.Transaction,
  actor: Actor,
  staff: Staff,
  c: { employer_org_unit_id: number; work_org_unit_id: number; start_on: string },
  reason: string,
) {
  const patch = { employment_type: 'township_hired', employer_org_unit_id: c.employer_org_unit_id, work_org_unit_id: c.work_org_unit_id };
  if (Object.entries(patch).every(([k, v]) => staff[k as keyof Staff] === v)) return;
  const updated = await Staff.query(trx).patchAndFetchById(staff.id, {
    ...patch,
    ...(staff.employer_org_unit_id !== c.employer_org_unit_id ? { post_id: null, department_id: null } : {}),
    updated_at: clock.nowIso(),
  });
  await recordHistory(trx, actor, staff.id, staff, updated, c.start_on, reason);
}

export function signContract(
  actor: Actor,
  input: { staff_id: number; employer_org_unit_id: number; work_org_unit_id: number; start_on: string; end_on: string; note?: string | null },
) {
  assertCan(actor, 'village-doctor-contracts', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const staff = await staffFor(actor, input.staff_id, trx);
    await lockRow(trx, 'staff', staff.id);
    if (staff.category !== 'village_doctor')
      throw unprocessable(`${staff.name} is not a village doctor`, [{ field: 'staff_id', message: 'category must be village_doctor' }]);
    if (staff.status === 'left') throw unprocessable(`${staff.name} has left`, [{ field: 'staff_id', message: 'not in service' }]);
    await assertUnitInScope(actor, input.employer_org_unit_id, 'employer_org_unit_id', trx);
    await checkUnits(trx, input.employer_org_unit_id, input.work_org_unit_id);
    if (input.end_on <= input.start_on) throw unprocessable('end_on must be after start_on', [{ field: 'end_on', message: 'after start_on' }]);
    const running = await VillageDoctorContract.query(trx).findOne({ staff_id: staff.id, status: 'active' });
    if (running)
      throw conflict(`${staff.name} already has active contract #${running.id} until ${running.end_on}; renew or exit it`, [
        { field: 'staff_id', message: `active contract #${running.id}` },
      ]);
    const created = await VillageDoctorContract.query(trx).insertAndFetch({ ...input, note: input.note ?? null, status: 'active' });
    await placeStaff(trx, actor, staff, created, `village-doctor contract #${created.id}`);
    await audit({ action: 'create', resource: 'village-doctor-contracts', recordId: created.id, after: created });
    return created;
  });
}

/** The contract in the actor's scope, locked, when it may be renewed or exited (a 409 naming the statuses allowed otherwise). */
async function movable(trx: Knex.Transaction, actor: Actor, id: number, move: keyof typeof CONTRACT_MOVES) {
  const current = await getRow(contractResource, actor, id, trx);
  await lockRow(trx, 'village_doctor_contracts', id);
  const refused = moveProblem(current.status, move);
  if (refused) throw conflict(refused, [{ field: 'status', message: `allowed from: ${CONTRACT_MOVES[move].join(', ')}` }]);
  return current;
}

/** Renewal: the running contract becomes `renewed` and a new one continues it (optionally in another clinic of the township). */
export function renewContract(actor: Actor, id: number, input: { end_on: string; work_org_unit_id?: number; note?: string | null }) {
  assertCan(actor, 'village-doctor-contracts', 'renew');
  return inTransaction(actor, async (trx, audit) => {
    const current = await movable(trx, actor, id, 'renew');
    const work = input.work_org_unit_id ?? current.work_org_unit_id;
    await checkUnits(trx, current.employer_org_unit_id, work);
    const start = addDays(current.end_on, 1);
    if (input.end_on <= start) throw unprocessable(`end_on must be after ${start}`, [{ field: 'end_on', message: `after ${start}` }]);
    const old = await VillageDoctorContract.query(trx).patchAndFetchById(id, { status: 'renewed', updated_at: clock.nowIso() });
    const next = await VillageDoctorContract.query(trx).insertAndFetch({
      staff_id: current.staff_id,
      employer_org_unit_id: current.employer_org_unit_id,
      work_org_unit_id: work,
      start_on: start,
      end_on: input.end_on,
      status: 'active',
      renewed_from_id: id,
      note: input.note ?? null,
    });
    const staff = await Staff.query(trx).findById(current.staff_id).forUpdate();
    if (staff) await placeStaff(trx, actor, staff, next, `village-doctor contract #${next.id} (renewal)`);
    await audit({ action: 'renew', resource: 'village-doctor-contracts', recordId: id, before: current, after: old });
    await audit({ action: 'create', resource: 'village-doctor-contracts', recordId: next.id, after: next });
    return next;
  });
}

/** 退出: the contract ends with a coded reason and the doctor leaves the registry. */
export function exitContract(actor: Actor, id: number, input: { exit_reason: string; exit_on?: string }) {
  assertCan(actor, 'village-doctor-contracts', 'exit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await movable(trx, actor, id, 'exit');
    const exitOn = input.exit_on ?? clock.today();
    const updated = await VillageDoctorContract.query(trx).patchAndFetchById(id, {
      status: 'exited',
      exit_reason: input.exit_reason,
      exit_on: exitOn,
      updated_at: clock.nowIso(),
    });
    const staff = await Staff.query(trx).findById(current.staff_id).forUpdate();
    if (staff && staff.status !== 'left') {
      const rotation = await trx('rotations')
        .select('id', 'status')
        .where('staff_id', staff.id)
        .whereIn('status', ['planned', 'active'])
        .first<Pick<Rotation, 'id' | 'status'> | undefined>();
      if (rotation)
        throw conflict(`${staff.name} has ${rotation.status} rotation #${rotation.id}; end or cancel it first`, [
          { field: 'status', message: `rotation #${rotation.id}` },
        ]);
      await leaveInTransaction(trx, actor, staff, 'exited', exitOn);
    }
    await audit({ action: 'exit', resource: 'village-doctor-contracts', recordId: id, before: current, after: updated });
    return updated;
  });
}

/** Daily: contracts past their end without renewal or exit become `expired`. */
export async function expireContracts(actor: Actor, day: string) {
  return inTransaction(actor, async (trx, audit) => {
    const rows = await VillageDoctorContract.query(trx)
      .patch({ status: 'expired', updated_at: clock.nowIso() })
      .where('status', 'active')
      .where('end_on', '<', day)
      .returning('*');
    for (const r of rows) await audit({ action: 'expire', resource: 'village-doctor-contracts', recordId: r.id, after: r });
    return rows.map((r) => r.id);
  });
}
