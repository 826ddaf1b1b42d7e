// Residents' health records (居民健康档案): register, edit, transfer to another village (with
// history), deregister; the full ID number only for roles that need it, and that read audited.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound, unprocessable, type FieldProblem } from '../core/errors';
import { unitById, unitInScope } from '../org';
import { hashIdNumber, idNumberFacts, idNumberProblem, normaliseIdNumber, protectIdNumber, revealIdNumber } from '../core/personalId';
import { careTransfers } from './careService';
import { Contract, Followup, Household, Resident, ResidentTransfer } from './model';
import { SEX } from '../hr';
import { CLASSIFICATION, HOUSEHOLD_RELATION, KEY_TAG, type DeregistrationReason, type HouseholdRelation } from './enums';
import { AGE_TAGS, KEY_CONDITIONS, TYPED_TAGS, ageOn, ageTags, conditionProblems, residentTags, storedTags, type Condition } from './rules';
import { cancelOpenTasks, syncResidentTasks } from './taskService';
import * as clock from '../core/clock';

type Row = Record<string, unknown>;

/** The API view of a resident: all key-population tags (age ones derived today) and the age; in a list, whether the next task is overdue. */
export function residentView(r: Resident, today = clock.today()) {
  // the ID number's hash and cipher never leave the server (Resident.$formatJson drops them)
  const { id_number_hash: _h, id_number_cipher: _c, ...json } = r.toJSON();
  const overdue: { overdue?: boolean } = 'next_due_on' in json ? { overdue: json.next_due_on != null && json.next_due_on < today } : {};
  return { ...json, tags: residentTags(r, today), age: ageOn(r.birth_date, today), ...overdue };
}

// "My patients": each listed resident's last blood pressure and fasting glucose (any visit that
// measured them), the classification of the last hypertension / diabetes visit per condition they
// have, and the due date of their next open task. Scalar subqueries in the select list: evaluated
// for the page's rows alone (the total clears them), each off followups_resident / tasks_resident —
// four per row, so only for the list that shows them (filter care_columns: the my-patients list and
// the village copy), not for every reference picker or look-up of residents.
const CHRONIC = `array['hypertension','diabetes']::text[]`;
/** The classification of the resident's last classified visit of type `typeSql`. */
const lastClassification = (typeSql: string) =>
  `(select f.classification from followups f where f.resident_id = residents.id and f.type = ${typeSql} and f.classification is not null
     order by f.visited_on desc, f.id desc limit 1)`;
const MY_PATIENT_COLUMNS = [
  `(select json_build_object('systolic', f.systolic, 'diastolic', f.diastolic, 'visited_on', f.visited_on) from followups f
     where f.resident_id = residents.id and f.systolic is not null order by f.visited_on desc, f.id desc limit 1) as last_bp`,
  `(select json_build_object('fasting_glucose', f.fasting_glucose, 'visited_on', f.visited_on) from followups f
     where f.resident_id = residents.id and f.fasting_glucose is not null order by f.visited_on desc, f.id desc limit 1) as last_glucose`,
  `(select json_object_agg(c.type, c.classification) from (
      select c.type, ${lastClassification('c.type')} as classification from unnest(${CHRONIC}) as c(type) where residents.tags @> array[c.type]) c
     where c.classification is not null) as control`,
  `(select min(t.due_on) from tasks t where t.resident_id = residents.id and t.state in ('upcoming','due')) as next_due_on`,
].join(', ');

export const residentResource: ResourceDef<Resident> = {
  name: 'residents',
  model: Resident,
  scope: scopeByUnit('residents.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      managing_org_unit_id: 'int',
      name: 'text',
      sex: SEX.values,
      birth_date: 'date',
      insured: 'bool',
      household: 'text',
      household_id: 'int',
      household_relation: HOUSEHOLD_RELATION.values,
      phone: 'text',
      created_at: 'timestamp',
    },
    search: ['residents.name', 'residents.household', 'residents.phone', 'residents.id_number_masked'],
    defaultSort: ['name', 'ASC'],
    // control: the last hypertension or diabetes visit (of a condition the resident has) classified so;
    // overdue: an open task past its due date; care_columns: add the my-patients columns to each row
    custom: {
      tag: KEY_TAG.values,
      active: 'bool',
      id_number: 'text',
      contracted: 'bool',
      control: CLASSIFICATION.values,
      overdue: 'bool',
      care_columns: 'bool',
    },
  },
  applyCustom: (qb, custom, actor) => {
    const today = clock.today();
    if (custom.care_columns === true) qb.select(db().raw(MY_PATIENT_COLUMNS));
    if (custom.control !== undefined) {
      // over many units the tags' index narrows the patients first; in one village (a few hundred
      // residents) reading them is cheaper than that index's group-wide scan
      if (actor.scopeUnitId === undefined) qb.whereRaw(`residents.tags && ${CHRONIC}`);
      qb.whereRaw(`exists (select 1 from unnest(${CHRONIC}) as c(type) where residents.tags @> array[c.type] and ${lastClassification('c.type')} = ?)`, [
        custom.control as string,
      ]);
    }
    if (custom.overdue !== undefined) {
      const overdue = db()('tasks')
        .select(db().raw('1'))
        .whereRaw('tasks.resident_id = residents.id')
        .whereIn('tasks.state', ['upcoming', 'due'])
        .where('tasks.due_on', '<', today);
      if (custom.overdue) qb.whereExists(overdue);
      else qb.whereNotExists(overdue);
    }
    const tag = custom.tag as string | undefined;
    if (tag === 'elderly_65') qb.where('residents.birth_date', '<=', yearsBefore(today, 65));
    else if (tag === 'child_0_6') qb.where('residents.birth_date', '>', yearsBefore(today, 7));
    else if (tag) qb.whereRaw('residents.tags @> array[?]::text[]', [tag]);
    if (custom.active === true) qb.whereNull('residents.deregistered_on');
    if (custom.active === false) qb.whereNotNull('residents.deregistered_on');
    // exact look-up by full ID number, through its keyed hash (the number itself is never stored in clear)
    if (typeof custom.id_number === 'string') qb.where('residents.id_number_hash', hashIdNumber(normaliseIdNumber(custom.id_number)));
    if (custom.contracted !== undefined) {
      const sub = db()('contracts').select(db().raw('1')).whereRaw('contracts.resident_id = residents.id').where('status', 'active');
      if (custom.contracted) qb.whereExists(sub);
      else qb.whereNotExists(sub);
    }
  },
};

const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;

export async function readResident(actor: Actor, id: number) {
  assertCan(actor, 'residents', 'show');
  const r = await getRow(residentResource, actor, id);
  const [transfers, contract, care] = await Promise.all([
    ResidentTransfer.query().where('resident_id', id).orderBy('id'),
    Contract.query().where('resident_id', id).whereIn('status', ['active']).first(),
    careTransfers({ residentId: id }),
  ]);
  return { ...residentView(r), transfers, care_transfers: care, active_contract: contract ?? null };
}

export interface ResidentInput {
  org_unit_id?: number;
  name?: string;
  sex?: 'M' | 'F';
  birth_date?: string;
  id_number?: string;
  phone?: string | null;
  /** the household's code (户编号) in the resident's village: found, or made */
  household?: string | null;
  household_relation?: HouseholdRelation | null;
  insured?: boolean;
  conditions?: Condition[];
  tags?: string[];
}

/** Checks the ID number, the age and condition tags against the facts; builds the stored columns. */
function prepare(input: ResidentInput, current: Resident | undefined, today: string): Row {
  const problems: FieldProblem[] = [];
  const out: Row = { ...input };
  delete out.id_number;
  delete out.tags;
  let birth = input.birth_date ?? current?.birth_date;
  let sex = input.sex ?? current?.sex;
  if (input.id_number !== undefined) {
    const id = normaliseIdNumber(input.id_number);
    const problem = idNumberProblem(id);
    if (problem) throw badRequest(`invalid id_number: ${problem}`, [{ field: 'id_number', message: problem }]);
    const facts = idNumberFacts(id);
    // the ID number encodes the birth date and the sex: take them from it, or check what was typed
    if (input.birth_date && input.birth_date !== facts.birthDate)
      problems.push({ field: 'birth_date', message: `does not match the ID number (${facts.birthDate})` });
    if (input.sex && input.sex !== facts.sex) problems.push({ field: 'sex', message: `does not match the ID number (${facts.sex})` });
    birth = facts.birthDate;
    sex = facts.sex;
    Object.assign(out, protectIdNumber(id), { birth_date: birth, sex });
  } else if (!current) {
    problems.push({ field: 'id_number', message: 'is required' });
  } else if (input.birth_date !== undefined || input.sex !== undefined) {
    const facts = idNumberFacts(revealIdNumber(current.id_number_cipher));
    if (input.birth_date !== undefined && input.birth_date !== facts.birthDate)
      problems.push({ field: 'birth_date', message: `does not match the ID number (${facts.birthDate}); correct the ID number` });
    if (input.sex !== undefined && input.sex !== facts.sex)
      problems.push({ field: 'sex', message: `does not match the ID number (${facts.sex}); correct the ID number` });
  }
  if (birth && birth > today) problems.push({ field: 'birth_date', message: 'is in the future' });
  const conditions = input.conditions ?? current?.conditions ?? [];
  if (birth) problems.push(...conditionProblems(conditions, birth, today));
  if (input.tags !== undefined && birth) {
    // 65+ and 0–6 come from the birth date, the disease tags from the conditions: an echoed
    // value must agree with them, and only `pregnant` is ever typed
    const derivedAge = ageTags(birth, today) as string[];
    const fromConditions = conditions.map((c) => c.code).filter((c) => KEY_CONDITIONS.includes(c)) as string[];
    input.tags.forEach((t, i) => {
      if ((AGE_TAGS as readonly string[]).includes(t) && !derivedAge.includes(t))
        problems.push({ field: `tags.${i}`, message: `${t} is derived from birth_date and cannot be typed` });
      if ((KEY_CONDITIONS as readonly string[]).includes(t) && !fromConditions.includes(t))
        problems.push({ field: `tags.${i}`, message: `${t} comes from conditions: add a ${t} condition with its diagnosis date` });
    });
    if (input.tags.includes('pregnant') && sex === 'M') problems.push({ field: 'tags', message: 'pregnant needs a female resident' });
  }
  if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  if (input.conditions !== undefined || input.tags !== undefined) {
    const typed =
      input.tags !== undefined
        ? input.tags.filter((t) => (TYPED_TAGS as readonly string[]).includes(t))
        : (current?.tags ?? []).filter((t) => (TYPED_TAGS as readonly string[]).includes(t));
    out.tags = storedTags(conditions, typed);
    out.conditions = JSON.stringify(conditions);
  }
  return out;
}

async function assertVillage(trx: Knex.Transaction, unitId: number, field = 'org_unit_id') {
  const unit = await unitById(unitId, ['id', 'name', 'kind'], trx);
  if (!unit) throw unprocessable(`${field} ${unitId} does not exist`, [{ field, message: 'no such unit' }]);
  if (unit.kind !== 'village')
    throw unprocessable(`residents are registered at a village clinic; ${unit.name} is a ${unit.kind}`, [{ field, message: 'must be a village clinic' }]);
  return unit;
}

/**
 * Puts the resident in the household their `household` code names in their village (made when no
 * household has that code yet), with their relation to its head; an empty code takes them out of
 * any. A household has one head (409 naming the one it has).
 */
async function placeInHousehold(trx: Knex.Transaction, data: Row, input: ResidentInput, unitId: number, current?: Resident) {
  if (input.household === undefined && input.household_relation === undefined) return;
  const code = input.household !== undefined ? input.household?.trim() || null : (current?.household ?? null);
  const relation = input.household_relation !== undefined ? input.household_relation : (current?.household_relation ?? null);
  if (!code) {
    if (input.household_relation) throw badRequest('invalid household_relation', [{ field: 'household_relation', message: 'needs a household' }]);
    Object.assign(data, { household: null, household_id: null, household_relation: null });
    return;
  }
  await trx('households').insert({ org_unit_id: unitId, code }).onConflict(['org_unit_id', 'code']).ignore();
  const household = (await Household.query(trx).where({ org_unit_id: unitId, code }).first())!;
  if (relation === 'head') {
    const head = await trx('residents')
      .select('id', 'name')
      .where({ household_id: household.id, household_relation: 'head' })
      .whereNot('id', current?.id ?? 0)
      .first<Pick<Resident, 'id' | 'name'> | undefined>();
    if (head) throw conflict(`household ${code} already has a head: ${head.name} (#${head.id})`, { field: 'household_relation', existing_id: head.id });
  }
  Object.assign(data, { household: code, household_id: household.id, household_relation: relation });
}

async function assertUniqueId(trx: Knex.Transaction, hash: string, exceptId?: number) {
  const existing = await trx('residents')
    .select('id', 'org_unit_id', 'name')
    .where('id_number_hash', hash)
    .whereNot('id', exceptId ?? 0)
    .first<Pick<Resident, 'id' | 'org_unit_id' | 'name'> | undefined>();
  if (existing) {
    throw conflict(`a resident with this ID number is already registered: #${existing.id}`, {
      field: 'id_number',
      existing_id: existing.id,
      existing_org_unit_id: existing.org_unit_id,
    });
  }
}

export function createResident(actor: Actor, input: ResidentInput) {
  assertCan(actor, 'residents', 'create');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    const data = prepare(input, undefined, today);
    const unitId = input.org_unit_id ?? actor.orgUnitId;
    await assertVillage(trx, unitId);
    const inScope = await unitInScope(unitId, actor.scopePath, ['id'], trx);
    if (!inScope) throw notFound('org-units', unitId);
    await assertUniqueId(trx, String(data.id_number_hash));
    await placeInHousehold(trx, data, input, unitId);
    if (data.tags === undefined) data.tags = [];
    // registered now by the system's clock (not the database's), as every other date it records
    const created = await Resident.query(trx).insertAndFetch({ ...data, org_unit_id: unitId, created_at: clock.nowIso() });
    await syncResidentTasks(trx, created.id, today, actor.username);
    await audit({ action: 'create', resource: 'residents', recordId: created.id, after: created });
    return residentView(created, today);
  });
}

export function updateResident(actor: Actor, id: number, input: ResidentInput) {
  assertCan(actor, 'residents', 'edit');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(residentResource, actor, id, trx);
    await lockRow(trx, 'residents', id);
    if (input.org_unit_id !== undefined && input.org_unit_id !== current.org_unit_id) {
      throw badRequest('cannot change org_unit_id', [{ field: 'org_unit_id', message: `moving house is a transfer: POST /api/residents/${id}/transfer` }]);
    }
    if (current.deregistered_on) throw conflict(`resident ${id} was deregistered on ${current.deregistered_on}; the record is closed`);
    const data = prepare(input, current, today);
    delete data.org_unit_id;
    if (typeof data.id_number_hash === 'string' && data.id_number_hash) await assertUniqueId(trx, data.id_number_hash, id);
    await placeInHousehold(trx, data, input, current.org_unit_id, current);
    const updated = await Resident.query(trx).patchAndFetchById(id, { ...data, updated_at: clock.nowIso() });
    const tasks = await syncResidentTasks(trx, id, today, actor.username);
    await audit({ action: 'update', resource: 'residents', recordId: id, before: current, after: { ...updated.toJSON(), tasks } });
    return residentView(updated, today);
  });
}

/** The full ID number, for roles that need it; every read is audited. */
export function revealResidentId(actor: Actor, id: number) {
  assertCan(actor, 'residents', 'reveal_id');
  return inTransaction(actor, async (trx, audit) => {
    const r = await getRow(residentResource, actor, id, trx);
    await audit({ action: 'reveal_id', resource: 'residents', recordId: id });
    return { id, id_number: revealIdNumber(r.id_number_cipher) };
  });
}

/**
 * Moving house to another village (迁移): the record moves, with a transfer row; open tasks
 * follow the resident; an active contract follows too if its team serves the new village,
 * otherwise it is terminated (the new village's team signs a new one).
 */
export function transferResident(actor: Actor, id: number, input: { to_org_unit_id: number; transferred_on?: string; reason?: string | null }) {
  assertCan(actor, 'residents', 'transfer');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(residentResource, actor, id, trx);
    await lockRow(trx, 'residents', id);
    if (current.deregistered_on) throw conflict(`resident ${id} was deregistered on ${current.deregistered_on}`);
    if (input.to_org_unit_id === current.org_unit_id)
      throw unprocessable('the resident already lives in that village', [{ field: 'to_org_unit_id', message: 'same village' }]);
    const on = input.transferred_on ?? today;
    if (on > today) throw badRequest('invalid transferred_on', [{ field: 'transferred_on', message: 'is in the future' }]);
    await assertVillage(trx, input.to_org_unit_id, 'to_org_unit_id');
    const transfer = await ResidentTransfer.query(trx).insertAndFetch({
      resident_id: id,
      from_org_unit_id: current.org_unit_id,
      to_org_unit_id: input.to_org_unit_id,
      transferred_on: on,
      reason: input.reason ?? null,
      actor_id: actor.id || null,
      actor_name: actor.username,
    });
    // a resident managed by their own village stays so in the new one; care held by a referral's unit stays there
    const managing = current.managing_org_unit_id === current.org_unit_id ? input.to_org_unit_id : current.managing_org_unit_id;
    // a household is one village's: the resident leaves theirs
    const updated = await Resident.query(trx).patchAndFetchById(id, {
      org_unit_id: input.to_org_unit_id,
      managing_org_unit_id: managing,
      household: null,
      household_id: null,
      household_relation: null,
      updated_at: clock.nowIso(),
    });
    await trx('tasks').where('resident_id', id).whereIn('state', ['upcoming', 'due']).update({ org_unit_id: input.to_org_unit_id, updated_at: clock.nowIso() });
    const contract = await Contract.query(trx).where({ resident_id: id, status: 'active' }).first();
    let contractOutcome: string | null = null;
    if (contract) {
      const serves = await trx('team_villages').where({ team_id: contract.team_id, village_id: input.to_org_unit_id }).first<{ team_id: number } | undefined>();
      if (serves) {
        await Contract.query(trx).patchAndFetchById(contract.id, { org_unit_id: input.to_org_unit_id, updated_at: clock.nowIso() });
        contractOutcome = 'moved';
      } else {
        await Contract.query(trx).patchAndFetchById(contract.id, {
          status: 'terminated',
          terminated_on: maxDay(on, contract.start_on),
          termination_reason: 'moved_away',
          updated_at: clock.nowIso(),
        });
        contractOutcome = 'terminated';
      }
    }
    await audit({
      action: 'transfer',
      resource: 'residents',
      recordId: id,
      before: current,
      after: { ...updated.toJSON(), transfer, contract: contractOutcome },
    });
    return { ...residentView(updated, today), transfer, contract: contractOutcome };
  });
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

/** Closes a record (death, moved out of the group): open tasks cancelled, active contract terminated. */
export function deregisterResident(actor: Actor, id: number, input: { reason: DeregistrationReason; on?: string; death_cause?: string | null }) {
  assertCan(actor, 'residents', 'deregister');
  const today = clock.today();
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(residentResource, actor, id, trx);
    await lockRow(trx, 'residents', id);
    if (current.deregistered_on) throw conflict(`resident ${id} is already deregistered (${current.deregistered_on})`);
    if (input.death_cause && input.reason !== 'death')
      throw unprocessable('a cause of death goes with a deregistration by death', [{ field: 'death_cause', message: 'only when the reason is death' }]);
    const on = input.on ?? today;
    if (on > today) throw badRequest('invalid on', [{ field: 'on', message: 'is in the future' }]);
    const updated = await Resident.query(trx).patchAndFetchById(id, {
      deregistered_on: on,
      deregistration_reason: input.reason,
      death_cause: input.death_cause ?? null,
      updated_at: clock.nowIso(),
    });
    const cancelled = await cancelOpenTasks(trx, id, actor.username, `deregistered: ${input.reason}`);
    const contract = await Contract.query(trx).where({ resident_id: id, status: 'active' }).first();
    if (contract) {
      await Contract.query(trx).patchAndFetchById(contract.id, {
        status: 'terminated',
        terminated_on: maxDay(on, contract.start_on),
        termination_reason: input.reason,
        updated_at: clock.nowIso(),
      });
    }
    await audit({
      action: 'deregister',
      resource: 'residents',
      recordId: id,
      before: current,
      after: { ...updated.toJSON(), cancelled_tasks: cancelled, contract_terminated: contract?.id ?? null },
    });
    return residentView(updated, today);
  });
}

/** The last measurements of a resident (for the trend chart), newest last. */
export async function residentMeasurements(actor: Actor, id: number, limit = 12) {
  assertCan(actor, 'residents', 'show');
  await getRow(residentResource, actor, id);
  // numeric columns come back as strings
  type MeasurementRow = Pick<Followup, 'id' | 'type' | 'visited_on' | 'systolic' | 'diastolic' | 'heart_rate' | 'classification'> & {
    fasting_glucose: string | null;
    weight_kg: string | null;
  };
  const rows = await db()('followups')
    .select<MeasurementRow[]>('id', 'type', 'visited_on', 'systolic', 'diastolic', 'fasting_glucose', 'weight_kg', 'heart_rate', 'classification')
    .where('resident_id', id)
    .where((w) => w.whereNotNull('systolic').orWhereNotNull('fasting_glucose').orWhereNotNull('weight_kg'))
    .orderBy([
      { column: 'visited_on', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  return rows.reverse().map((r) => ({
    ...r,
    fasting_glucose: r.fasting_glucose == null ? null : Number(r.fasting_glucose),
    weight_kg: r.weight_kg == null ? null : Number(r.weight_kg),
  }));
}
