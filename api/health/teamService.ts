// Family-doctor teams (家庭医生团队): led from a township centre, serving a set of villages.
// Members are users; HR's staff records link to the same users (staff.user_id).
import type { Knex } from 'knex';
import type { AnyQueryBuilder } from 'objection';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound } from '../core/errors';
import { accounts, joinUser, usersSql } from '../auth';
import { isUnderSql, joinUnit, orgUnits, unitIdsUnderSql, unitInScope } from '../org';
import { Team, TeamMember } from './model';
import { teamProblems, type TeamShape } from './rules';
import * as clock from '../core/clock';

/** A team is visible under its township centre, and to the villages it serves. */
const scopeTeams = (qb: AnyQueryBuilder, scopePath: string) =>
  qb.where((w: AnyQueryBuilder) =>
    w
      .whereRaw(`family_doctor_teams.org_unit_id in ${unitIdsUnderSql('?')}`, [scopePath])
      .orWhereExists(
        joinUnit(db()('team_villages'), 'v', 'team_villages.village_id')
          .whereRaw('team_villages.team_id = family_doctor_teams.id')
          .whereRaw(isUnderSql('v', '?'), [scopePath]),
      ),
  );

export const teamResource: ResourceDef<Team> = {
  name: 'family-doctor-teams',
  model: Team,
  scope: scopeTeams,
  list: {
    fields: { org_unit_id: 'int', code: 'text', name: 'text', active: 'bool' },
    search: ['family_doctor_teams.name', 'family_doctor_teams.code'],
    defaultSort: ['code', 'ASC'],
    custom: { village_id: 'int', member_user_id: 'int' },
  },
  applyCustom: (qb, custom) => {
    qb.select(
      db().raw('array(select village_id from team_villages tv where tv.team_id = family_doctor_teams.id order by village_id) as village_ids'),
      db().raw('(select count(*) from team_members tm where tm.team_id = family_doctor_teams.id)::int as member_count'),
      db().raw(
        `(select u.display_name from team_members tm join ${usersSql('u')} on u.id = tm.user_id where tm.team_id = family_doctor_teams.id and tm.is_leader) as leader_name`,
      ),
      db().raw(`(select count(*) from contracts c where c.team_id = family_doctor_teams.id and c.status = 'active')::int as active_contracts`),
    );
    if (custom.village_id !== undefined)
      qb.whereExists(
        db()('team_villages')
          .whereRaw('team_villages.team_id = family_doctor_teams.id')
          .where('village_id', custom.village_id as number),
      );
    if (custom.member_user_id !== undefined)
      qb.whereExists(
        db()('team_members')
          .whereRaw('team_members.team_id = family_doctor_teams.id')
          .where('user_id', custom.member_user_id as number),
      );
  },
};

async function withDetails(team: Team, trx?: Knex.Transaction) {
  const conn = trx ?? db();
  const [villages, members] = await Promise.all([
    conn('team_villages').select<{ village_id: number }[]>('village_id').where('team_id', team.id).orderBy('village_id'),
    joinUser(conn('team_members'), 'u', 'team_members.user_id')
      .select('team_members.user_id', 'team_members.role', 'team_members.is_leader', 'u.display_name', 'u.username', 'u.org_unit_id')
      .where('team_id', team.id)
      .orderBy([{ column: 'is_leader', order: 'desc' }, 'user_id']),
  ]);
  return { ...team.toJSON(), village_ids: villages.map((v) => v.village_id), members };
}

export async function readTeam(actor: Actor, id: number) {
  assertCan(actor, 'family-doctor-teams', 'show');
  return withDetails(await getRow(teamResource, actor, id));
}

export interface TeamInput extends Partial<TeamShape> {
  org_unit_id?: number;
  code?: string;
  name?: string;
  active?: boolean;
}

/** Checks the team's township, villages and members; 400 naming the fields. */
async function checkTeam(trx: Knex.Transaction, actor: Actor, townshipId: number, shape: TeamShape) {
  const township = await unitInScope(townshipId, actor.scopePath, ['id', 'name', 'kind'], trx);
  if (!township) throw notFound('org-units', townshipId);
  if (township.kind !== 'township' && township.kind !== 'community') {
    throw badRequest('a team belongs to a township centre', [
      { field: 'org_unit_id', message: `${township.name} is a ${township.kind}, not a township centre` },
    ]);
  }
  const [villages, users] = await Promise.all([
    orgUnits(['id'], trx).where({ parent_id: townshipId, kind: 'village' }),
    shape.members.length
      ? accounts(['id', 'roles', 'org_unit_id', 'active'], trx).whereIn(
          'id',
          shape.members.map((m) => m.user_id),
        )
      : [],
  ]);
  const problems = teamProblems(shape, { townshipVillageIds: new Set(villages.map((v) => v.id)), users: new Map(users.map((u) => [u.id, u])) });
  if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
}

async function writeComposition(trx: Knex.Transaction, teamId: number, shape: TeamShape) {
  await trx('team_villages').where('team_id', teamId).delete();
  await trx('team_members').where('team_id', teamId).delete();
  await trx('team_villages').insert(shape.village_ids.map((village_id) => ({ team_id: teamId, village_id })));
  await TeamMember.query(trx).insert(shape.members.map((m) => ({ team_id: teamId, user_id: m.user_id, role: m.role, is_leader: !!m.is_leader })));
}

export function createTeam(actor: Actor, input: Required<Pick<TeamInput, 'org_unit_id' | 'code' | 'name' | 'village_ids' | 'members'>> & TeamInput) {
  assertCan(actor, 'family-doctor-teams', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const shape = { village_ids: input.village_ids, members: input.members };
    await checkTeam(trx, actor, input.org_unit_id, shape);
    const team = await Team.query(trx).insertAndFetch({ org_unit_id: input.org_unit_id, code: input.code, name: input.name, active: input.active ?? true });
    await writeComposition(trx, team.id, shape);
    const after = await withDetails(team, trx);
    await audit({ action: 'create', resource: 'family-doctor-teams', recordId: team.id, after });
    return after;
  });
}

export function updateTeam(actor: Actor, id: number, input: TeamInput) {
  assertCan(actor, 'family-doctor-teams', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(teamResource, actor, id, trx);
    await lockRow(trx, 'family_doctor_teams', id);
    const before = await withDetails(current, trx);
    if (input.org_unit_id !== undefined && input.org_unit_id !== current.org_unit_id) {
      throw badRequest('cannot change org_unit_id', [{ field: 'org_unit_id', message: 'a team stays with its township centre; create a new team' }]);
    }
    const shape = { village_ids: input.village_ids ?? before.village_ids, members: input.members ?? before.members };
    await checkTeam(trx, actor, current.org_unit_id, shape);
    // villages the team stops serving keep no contract with it: those must be moved first
    const dropped = before.village_ids.filter((v) => !shape.village_ids.includes(v));
    if (dropped.length) {
      const [{ n }] = await trx('contracts').where({ team_id: id, status: 'active' }).whereIn('org_unit_id', dropped).count<{ n: number }[]>('* as n');
      if (Number(n) > 0)
        throw conflict(`${n} active contracts are with residents of the villages the team would stop serving; terminate or move them first`, {
          villages: dropped,
        });
    }
    const patch = Object.fromEntries(Object.entries({ code: input.code, name: input.name, active: input.active }).filter(([, v]) => v !== undefined));
    const team = await Team.query(trx).patchAndFetchById(id, { ...patch, updated_at: clock.nowIso() });
    await writeComposition(trx, id, shape);
    const after = await withDetails(team, trx);
    await audit({ action: 'update', resource: 'family-doctor-teams', recordId: id, before, after });
    return after;
  });
}

export function deleteTeam(actor: Actor, id: number) {
  assertCan(actor, 'family-doctor-teams', 'delete');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(teamResource, actor, id, trx);
    const [{ n }] = await trx('contracts').where('team_id', id).count<{ n: number }[]>('* as n');
    if (Number(n) > 0) throw conflict(`team ${current.code} has ${n} contracts on record; deactivate it instead (active: false)`);
    const before = await withDetails(current, trx);
    await Team.query(trx).deleteById(id);
    await audit({ action: 'delete', resource: 'family-doctor-teams', recordId: id, before });
    return before;
  });
}
