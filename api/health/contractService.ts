// Family-doctor contracts (家庭医生签约): a resident and a team for one year with a service
// package; one active contract per resident; renewal and termination with a reason.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors';
import { Contract, Resident, ServicePackage, Team } from './model';
import { CONTRACT_STATUS, PACKAGE, type PackageCode } from './enums';
import { addDays, contractEnd, contractTransitionProblem, type ContractStatus } from './rules';
import { residentResource } from './residentService';
import * as clock from '../core/clock';

export const contractResource: ResourceDef<Contract> = {
  name: 'contracts',
  model: Contract,
  scope: scopeByUnit('contracts.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      resident_id: 'int',
      team_id: 'int',
      package_code: PACKAGE.values,
      status: CONTRACT_STATUS.values,
      signed_on: 'date',
      start_on: 'date',
      end_on: 'date',
      signed_by_user_id: 'int',
    },
    search: ['residents.name'],
    defaultSort: ['signed_on', 'DESC'],
  },
  applyCustom: (qb) => {
    qb.join('residents', 'residents.id', 'contracts.resident_id').select('residents.name as resident_name');
  },
};

/** How long before its end an active contract may be renewed. */
export const RENEWAL_OPENS_DAYS = 90;

export interface SignInput {
  resident_id: number;
  team_id: number;
  package_code: PackageCode;
  signed_on?: string;
  start_on?: string;
}

async function checkTeamServes(trx: Knex.Transaction, teamId: number, villageId: number, field = 'team_id') {
  const team = await Team.query(trx).findById(teamId);
  if (!team) throw unprocessable(`team ${teamId} does not exist`, [{ field, message: 'no such team' }]);
  if (!team.active) throw unprocessable(`team ${team.code} is not active`, [{ field, message: 'inactive team' }]);
  const serves = await trx('team_villages').where({ team_id: teamId, village_id: villageId }).first<{ team_id: number } | undefined>();
  if (!serves)
    throw unprocessable(`team ${team.code} does not serve the resident's village`, [{ field, message: "must be a team serving the resident's village" }]);
}

async function checkPackage(trx: Knex.Transaction, code: string) {
  const pkg = await ServicePackage.query(trx).findById(code);
  if (!pkg?.active) throw unprocessable(`service package ${code} is not offered`, [{ field: 'package_code', message: 'not an active package' }]);
}

/** An active contract past its end is expired; done here (and by the daily job) before signing anew. */
async function expireIfEnded(trx: Knex.Transaction, residentId: number, today: string) {
  await trx('contracts')
    .where({ resident_id: residentId, status: 'active' })
    .where('end_on', '<', today)
    .update({ status: 'expired', updated_at: clock.nowIso() });
}

/** Marks every active contract past its end as expired (daily job). */
export async function expireContracts(today: string) {
  return db()('contracts').where('status', 'active').where('end_on', '<', today).update({ status: 'expired', updated_at: clock.nowIso() });
}

export function signContract(actor: Actor, input: SignInput) {
  assertCan(actor, 'contracts', 'create');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    const resident = await getRow(residentResource, actor, input.resident_id, trx).catch(() => {
      throw notFound('residents', input.resident_id);
    });
    await lockRow(trx, 'residents', resident.id);
    if (resident.deregistered_on) throw unprocessable(`resident ${resident.id} is deregistered`, [{ field: 'resident_id', message: 'deregistered' }]);
    const signedOn = input.signed_on ?? today;
    const startOn = input.start_on ?? signedOn;
    if (signedOn > today) throw badRequest('invalid signed_on', [{ field: 'signed_on', message: 'is in the future' }]);
    if (startOn < signedOn) throw badRequest('invalid start_on', [{ field: 'start_on', message: 'is before signed_on' }]);
    await checkTeamServes(trx, input.team_id, resident.org_unit_id);
    await checkPackage(trx, input.package_code);
    await expireIfEnded(trx, resident.id, today);
    const active = await Contract.query(trx).where({ resident_id: resident.id, status: 'active' }).first();
    if (active) {
      throw conflict(`resident ${resident.id} already has active contract #${active.id} until ${active.end_on}; renew or terminate it`, {
        existing_id: active.id,
        allowed: ['renew', 'terminate'],
      });
    }
    const created = await Contract.query(trx).insertAndFetch({
      org_unit_id: resident.org_unit_id,
      resident_id: resident.id,
      team_id: input.team_id,
      package_code: input.package_code,
      signed_on: signedOn,
      start_on: startOn,
      end_on: contractEnd(startOn),
      status: 'active',
      signed_by_user_id: actor.id || null,
    });
    await audit({ action: 'create', resource: 'contracts', recordId: created.id, after: created });
    return created;
  });
}

async function transition(trx: Knex.Transaction, actor: Actor, id: number, to: ContractStatus) {
  const current = await getRow(contractResource, actor, id, trx);
  await lockRow(trx, 'contracts', id);
  const fresh = (await Contract.query(trx).findById(id))!;
  const problem = contractTransitionProblem(fresh.status as ContractStatus, to);
  if (problem) throw conflict(problem, { status: fresh.status, allowed: contractTransitionsFrom(fresh.status as ContractStatus) });
  return { current, fresh };
}
const contractTransitionsFrom = (s: ContractStatus) => CONTRACT_STATUS.values.filter((t) => !contractTransitionProblem(s, t));

/** Renewal: the old contract becomes `renewed`, a new one starts the day after it ends (or today if it already ended). */
export function renewContract(actor: Actor, id: number, input: { package_code?: SignInput['package_code']; team_id?: number }) {
  assertCan(actor, 'contracts', 'renew');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    await expireIfEnded(trx, (await getRow(contractResource, actor, id, trx)).resident_id, today);
    const { current, fresh } = await transition(trx, actor, id, 'renewed');
    if (fresh.status === 'active' && fresh.end_on > addDays(today, RENEWAL_OPENS_DAYS)) {
      throw unprocessable(`renewal opens ${RENEWAL_OPENS_DAYS} days before the contract ends (${fresh.end_on})`);
    }
    const resident = (await Resident.query(trx).findById(fresh.resident_id))!;
    if (resident.deregistered_on) throw unprocessable(`resident ${resident.id} is deregistered`);
    const teamId = input.team_id ?? fresh.team_id;
    const packageCode = input.package_code ?? fresh.package_code;
    await checkTeamServes(trx, teamId, resident.org_unit_id);
    await checkPackage(trx, packageCode);
    const startOn = fresh.end_on >= today ? addDays(fresh.end_on, 1) : today;
    const old = await Contract.query(trx).patchAndFetchById(id, { status: 'renewed', updated_at: clock.nowIso() });
    const renewed = await Contract.query(trx).insertAndFetch({
      org_unit_id: resident.org_unit_id,
      resident_id: resident.id,
      team_id: teamId,
      package_code: packageCode,
      signed_on: today,
      start_on: startOn,
      end_on: contractEnd(startOn),
      status: 'active',
      renewed_from_id: id,
      signed_by_user_id: actor.id || null,
    });
    await audit({ action: 'renew', resource: 'contracts', recordId: id, before: current, after: { old, renewed } });
    return renewed;
  });
}

export function terminateContract(actor: Actor, id: number, input: { reason: string; note?: string | null; terminated_on?: string }) {
  assertCan(actor, 'contracts', 'terminate');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    const { current, fresh } = await transition(trx, actor, id, 'terminated');
    const on = input.terminated_on ?? today;
    if (on > today) throw badRequest('invalid terminated_on', [{ field: 'terminated_on', message: 'is in the future' }]);
    if (on < fresh.start_on && fresh.start_on <= today)
      throw badRequest('invalid terminated_on', [{ field: 'terminated_on', message: `is before the contract started (${fresh.start_on})` }]);
    const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
    const updated = await Contract.query(trx).patchAndFetchById(id, {
      status: 'terminated',
      terminated_on: on < fresh.start_on ? fresh.start_on : on,
      termination_reason: reason,
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'terminate', resource: 'contracts', recordId: id, before: current, after: updated });
    return updated;
  });
}
