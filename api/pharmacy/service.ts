// The chief pharmacist's use-cases: the rules as configuration, the prescriptions imported from the
// units' files (streamed and idempotent through settlement's import: one row per drug, a prescription
// keyed by its unit and number), their flags, the monthly random sample, the review with its outcome,
// the actions against a prescriber tracked to closure, and the figures per unit against the targets.
// Audit choice: one summary row per import (flags derived within it); one row per sample, review,
// reopening and action step.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors';
import { scopeByUnit } from '../core/scope';
import { hashIdNumber } from '../core/personalId';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import type { UploadedFile } from '../http/upload';
import { withinScope } from '../auth';
import { staffByUnitAndName, staffNames } from '../hr';
import { orgUnits, unitsByIds } from '../org';
import { toFen } from '../shared/money';
import { claimDrugCosts, runImport, type ImportOptions } from '../settlement';
import { PRESCRIBER_ACTION_KIND, PRESCRIBER_ACTION_STATUS, RX_CARE_TYPE, RX_FLAG, RX_OUTCOME, RX_REVIEW_STATUS } from './enums';
import { PrescriberAction, Prescription, PrescriptionItem } from './model';
import {
  actionMachine,
  actionProblems,
  DEFAULT_RULES,
  prescriptionFlags,
  reviewMachine,
  reviewProblems,
  RX_COLUMNS,
  RX_REQUIRED,
  unitFigures,
  validateRxRow,
  type RxIrrationalReason,
  type RxOutcome,
  type RxRow,
  type RxRules,
} from './rules';

type Conn = Knex | Knex.Transaction;

// ---------------------------------------------------------------- the rules (configuration)

export async function currentRules(conn: Conn = db()): Promise<RxRules> {
  const row = await conn('pharmacy_settings').select<{ settings: Partial<RxRules> }[]>('settings').where('id', 1).first();
  return row ? { ...DEFAULT_RULES, ...row.settings, targets: { ...DEFAULT_RULES.targets, ...row.settings.targets } } : DEFAULT_RULES;
}

export function readRules(actor: Actor) {
  assertCan(actor, 'prescription-rules', 'show');
  return currentRules();
}

/** Changes the rules; they apply to prescriptions imported afterwards (stored flags stay as raised). */
export function updateRules(actor: Actor, rules: RxRules) {
  assertCan(actor, 'prescription-rules', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const before = await currentRules(trx);
    await trx('pharmacy_settings')
      .insert({ id: 1, settings: JSON.stringify(rules), updated_by: actor.id || null, updated_at: clock.now() })
      .onConflict('id')
      .merge();
    await audit({ action: 'update', resource: 'prescription-rules', recordId: 1, before, after: rules });
    return rules;
  });
}

// ---------------------------------------------------------------- prescriptions

export const prescriptionResource: ResourceDef<Prescription> = {
  name: 'prescriptions',
  model: Prescription,
  scope: scopeByUnit('prescriptions.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      prescription_no: 'text',
      prescribed_on: 'date',
      care_type: RX_CARE_TYPE.values,
      prescriber_staff_id: 'int',
      prescriber_name: 'text',
      review_status: RX_REVIEW_STATUS.values,
      outcome: RX_OUTCOME.values,
      sampled_month: 'text',
      item_count: 'int',
    },
    search: ['prescriptions.prescription_no', 'prescriptions.prescriber_name', 'prescriptions.diagnosis_text'],
    custom: { flagged: 'bool', flag: RX_FLAG.values, sampled: 'bool' },
    defaultSort: ['prescribed_on', 'DESC'],
  },
  applyCustom: (qb, custom) => {
    if (custom.flagged === true) qb.whereRaw("prescriptions.flags <> '{}'");
    if (custom.flagged === false) qb.whereRaw("prescriptions.flags = '{}'");
    if (typeof custom.flag === 'string') qb.whereRaw('prescriptions.flags @> array[?]::text[]', [custom.flag]);
    if (custom.sampled === true) qb.whereNotNull('prescriptions.sampled_month');
    if (custom.sampled === false) qb.whereNull('prescriptions.sampled_month');
  },
};

const HEADER = [
  'org_unit_id',
  'prescription_no',
  'department',
  'prescriber_name',
  'prescriber_staff_id',
  'prescribed_on',
  'care_type',
  'patient_hash',
  'patient_age',
  'patient_sex',
  'diagnosis_codes',
  'diagnosis_text',
] as const;
const HEADER_TYPES =
  'org_unit_id int, prescription_no text, department text, prescriber_name text, prescriber_staff_id int, prescribed_on date, care_type text, patient_hash text, patient_age smallint, patient_sex text, diagnosis_codes text[], diagnosis_text text';
const ITEM = ['prescription_id', 'seq', 'drug_name', 'drug_class', 'antibiotic', 'route', 'dose', 'dose_unit', 'days'] as const;
const ITEM_TYPES =
  'prescription_id bigint, seq smallint, drug_name text, drug_class text, antibiotic boolean, route text, dose numeric, dose_unit text, days smallint';
const changed = (table: string, cols: readonly string[]) =>
  `(${cols.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')})`;

/** Writes a batch of rows (drugs): the prescriptions upserted by unit and number, their drugs by line; answers the rows inserted and updated. */
async function writeBatch(trx: Knex.Transaction, rows: { row: number; data: RxRow }[], touched: Set<string>) {
  const headers = new Map<string, RxRow>();
  for (const { data } of rows) {
    const key = `${data.org_unit_id}\t${data.prescription_no}`;
    if (!headers.has(key)) headers.set(key, data);
  }
  const staff = await staffByUnitAndName(
    [...headers.values()].map((h) => ({ unitId: h.org_unit_id, name: h.prescriber_name })),
    trx,
  );
  const input = [...headers.values()].map((h) => ({
    org_unit_id: h.org_unit_id,
    prescription_no: h.prescription_no,
    department: h.department,
    prescriber_name: h.prescriber_name,
    prescriber_staff_id: staff.get(h.org_unit_id)?.get(h.prescriber_name) ?? null,
    prescribed_on: h.prescribed_on,
    care_type: h.care_type,
    patient_hash: hashIdNumber(h.patient_id),
    patient_age: h.patient_age,
    patient_sex: h.patient_sex,
    diagnosis_codes: h.diagnosis_codes,
    diagnosis_text: h.diagnosis_text,
  }));
  const cols = HEADER.join(', ');
  const { rows: ids } = await trx.raw<{ rows: { id: string; org_unit_id: number; prescription_no: string; changed: boolean }[] }>(
    `WITH input AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(${HEADER_TYPES})),
          up AS (
            INSERT INTO prescriptions (${cols}) SELECT ${cols} FROM input
            ON CONFLICT (org_unit_id, prescription_no) DO UPDATE
               SET ${HEADER.slice(2)
                 .map((c) => `${c} = excluded.${c}`)
                 .join(', ')}, updated_at = now()
             WHERE ${changed('prescriptions', HEADER.slice(2))}
            RETURNING id, org_unit_id, prescription_no, (xmax <> 0) AS changed)
     SELECT id, org_unit_id, prescription_no, changed FROM up
     UNION ALL
     SELECT p.id, p.org_unit_id, p.prescription_no, false FROM prescriptions p JOIN input i USING (org_unit_id, prescription_no)
      WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.id = p.id)`,
    [JSON.stringify(input)],
  );
  const idOf = new Map(ids.map((r) => [`${r.org_unit_id}\t${r.prescription_no}`, r.id]));
  const headerChanged = new Set(ids.filter((r) => r.changed).map((r) => r.id));
  const items = rows.map(({ data }) => ({ prescription_id: idOf.get(`${data.org_unit_id}\t${data.prescription_no}`)!, ...data.item }));
  const itemCols = ITEM.join(', ');
  const { rows: written } = await trx.raw<{ rows: { prescription_id: string; seq: number; inserted: boolean }[] }>(
    `WITH input AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(${ITEM_TYPES}))
     INSERT INTO prescription_items (${itemCols}) SELECT ${itemCols} FROM input
     ON CONFLICT (prescription_id, seq) DO UPDATE
        SET ${ITEM.slice(2)
          .map((c) => `${c} = excluded.${c}`)
          .join(', ')}
      WHERE ${changed('prescription_items', ITEM.slice(2))}
     RETURNING prescription_id, seq, (xmax = 0) AS inserted`,
    [JSON.stringify(items)],
  );
  items.forEach((i) => touched.add(String(i.prescription_id)));
  const inserted = written.filter((w) => w.inserted).length;
  const itemWritten = new Map(written.map((w) => [`${w.prescription_id}\t${w.seq}`, w.inserted]));
  // a row is updated when its drug changed, or its prescription's own columns did
  const updated = items.filter((i) => {
    const wasInserted = itemWritten.get(`${i.prescription_id}\t${i.seq}`);
    return wasInserted === undefined ? headerChanged.has(String(i.prescription_id)) : !wasInserted;
  }).length;
  return { inserted, updated };
}

/**
 * Derives each prescription's drug count, antibiotic and injection marks and flags from its drugs
 * under the rules in force (the demo loader calls it too); answers how many were flagged.
 */
export async function evaluatePrescriptions(trx: Knex.Transaction, ids: readonly string[], rules?: RxRules) {
  const r = rules ?? (await currentRules(trx));
  const suspensions = await trx('prescriber_actions')
    .select<{ org_unit_id: number; prescriber_staff_id: number | null; prescriber_name: string; drug_name: string }[]>(
      'org_unit_id',
      'prescriber_staff_id',
      'prescriber_name',
      'drug_name',
    )
    .where({ kind: 'suspend', status: 'open' });
  let flagged = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const heads = await trx('prescriptions')
      .select<Pick<Prescription, 'id' | 'org_unit_id' | 'prescriber_staff_id' | 'prescriber_name' | 'care_type' | 'diagnosis_codes' | 'diagnosis_text'>[]>(
        'id',
        'org_unit_id',
        'prescriber_staff_id',
        'prescriber_name',
        'care_type',
        'diagnosis_codes',
        'diagnosis_text',
      )
      .whereIn('id', chunk);
    const items = await trx('prescription_items')
      .select<PrescriptionItem[]>('prescription_id', 'drug_name', 'drug_class', 'antibiotic', 'route', 'dose', 'dose_unit')
      .whereIn('prescription_id', chunk);
    const byRx = new Map<string, PrescriptionItem[]>();
    for (const it of items) {
      const list = byRx.get(String(it.prescription_id)) ?? [];
      list.push(it);
      byRx.set(String(it.prescription_id), list);
    }
    const out = heads.map((h) => {
      const own = byRx.get(String(h.id)) ?? [];
      const suspended = suspensions
        .filter(
          (s) =>
            s.org_unit_id === h.org_unit_id &&
            (s.prescriber_staff_id != null ? s.prescriber_staff_id === h.prescriber_staff_id : s.prescriber_name === h.prescriber_name),
        )
        .map((s) => s.drug_name);
      const flags = prescriptionFlags(
        { care_type: h.care_type, diagnosis_codes: h.diagnosis_codes, diagnosis_text: h.diagnosis_text, items: own, suspended },
        r,
      );
      if (flags.length) flagged += 1;
      return {
        id: h.id,
        item_count: own.length,
        has_antibiotic: own.some((x) => x.antibiotic),
        has_injection: own.some((x) => x.route === 'injection'),
        flags,
      };
    });
    await trx.raw(
      `UPDATE prescriptions p SET item_count = x.item_count, has_antibiotic = x.has_antibiotic, has_injection = x.has_injection, flags = x.flags
         FROM jsonb_to_recordset(?::jsonb) AS x(id bigint, item_count smallint, has_antibiotic boolean, has_injection boolean, flags text[])
        WHERE p.id = x.id AND (p.item_count, p.has_antibiotic, p.has_injection, p.flags) IS DISTINCT FROM (x.item_count, x.has_antibiotic, x.has_injection, x.flags)`,
      [JSON.stringify(out)],
    );
  }
  return flagged;
}

/** Imports a prescription file (xlsx or csv, one row per drug): streamed, validated row by row, idempotent by unit and prescription number and drug line. */
export async function importPrescriptions(actor: Actor, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'prescriptions', 'import');
  const units = new Map(
    (await orgUnits(['id', 'code', 'path'])).filter((u) => withinScope(u.path, actor.scopePath)).map((u) => [u.code, { id: u.id }] as const),
  );
  const today = clock.today();
  const touched = new Set<string>();
  let flagged = 0;
  const result = await runImport<RxRow>(actor, file, opts, {
    resource: 'prescriptions',
    columns: RX_COLUMNS,
    required: RX_REQUIRED,
    validate: (raw) => validateRxRow(raw, units, today),
    keyField: 'item_no',
    key: (r) => `${r.org_unit_id}\t${r.prescription_no}\t${r.item.seq}`,
    write: (trx, rows) => writeBatch(trx, rows, touched),
    end: async (trx) => {
      flagged = await evaluatePrescriptions(trx, [...touched]);
    },
    summary: {},
  });
  return { ...result, prescriptions: result.committed ? touched.size : 0, flagged: result.committed ? flagged : 0 };
}

/** A prescription with its drugs, the actions taken on it and the steps the caller may take. */
export async function prescriptionPage(actor: Actor, id: number | string, trx?: Knex.Transaction) {
  assertCan(actor, 'prescriptions', 'show');
  const rx = await getRow(prescriptionResource, actor, id, trx);
  const items = await PrescriptionItem.query(trx).where('prescription_id', rx.id).orderBy('seq');
  const actions = await PrescriberAction.query(trx).where('prescription_id', rx.id).orderBy('id');
  const staff = rx.prescriber_staff_id ? await staffNames([rx.prescriber_staff_id], trx) : new Map<number, string>();
  return {
    ...rx.toJSON(),
    prescriber_staff_name: rx.prescriber_staff_id ? (staff.get(rx.prescriber_staff_id) ?? null) : null,
    items: items.map((i) => i.toJSON()),
    actions: actions.map((a) => a.toJSON()),
    allowed: reviewMachine.allowedActions(rx.review_status),
  };
}

async function lockedPrescription(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(prescriptionResource, actor, id, trx);
  await lockRow(trx, Prescription.tableName, id);
  return (await Prescription.query(trx).findById(id))!;
}

/** The pharmacist's review: rational, or irrational with its kind (and a note). */
export function reviewPrescription(actor: Actor, id: number, input: { outcome: RxOutcome; reason?: RxIrrationalReason | null; note?: string | null }) {
  assertCan(actor, 'prescriptions', 'review');
  return inTransaction(actor, async (trx, audit) => {
    const rx = await lockedPrescription(trx, actor, id);
    const step = reviewMachine.nextStatus(rx.review_status, 'review');
    if ('problem' in step) throw conflict(step.problem, { status: rx.review_status, allowed: step.allowed });
    const problems = reviewProblems(input);
    if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
    const after = await Prescription.query(trx).patchAndFetchById(id, {
      review_status: step.to,
      outcome: input.outcome,
      reason: input.reason ?? null,
      review_note: input.note ?? null,
      reviewed_by: actor.id || null,
      reviewed_at: clock.nowIso(),
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'review', resource: 'prescriptions', recordId: id, before: pick(rx), after: pick(after) });
    return prescriptionPage(actor, id, trx);
  });
}

/** Reopens a reviewed prescription (its outcome withdrawn, the reason kept in the audit trail). */
export function reopenPrescription(actor: Actor, id: number, input: { reason: string }) {
  assertCan(actor, 'prescriptions', 'reopen');
  return inTransaction(actor, async (trx, audit) => {
    const rx = await lockedPrescription(trx, actor, id);
    const step = reviewMachine.nextStatus(rx.review_status, 'reopen');
    if ('problem' in step) throw conflict(step.problem, { status: rx.review_status, allowed: step.allowed });
    const after = await Prescription.query(trx).patchAndFetchById(id, {
      review_status: step.to,
      outcome: null,
      reason: null,
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'reopen', resource: 'prescriptions', recordId: id, before: pick(rx), after: { ...pick(after), reopen_reason: input.reason } });
    return prescriptionPage(actor, id, trx);
  });
}

const pick = (rx: Prescription) => ({ review_status: rx.review_status, outcome: rx.outcome, reason: rx.reason, review_note: rx.review_note });

/** Draws the month's random sample (每月抽样) of each unit in scope not yet sampled that month: `size` prescriptions each (the rules' sample size unless told). */
export function drawSample(actor: Actor, input: { month: string; org_unit_id?: number; size?: number }) {
  assertCan(actor, 'prescriptions', 'sample');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const size = input.size ?? (await currentRules(trx)).sample_size;
    const { start, end } = clock.monthRange(input.month);
    const units = input.org_unit_id
      ? [input.org_unit_id]
      : (await orgUnits(['id', 'path'], trx)).filter((u) => withinScope(u.path, actor.scopePath)).map((u) => u.id);
    const seed = randomUUID();
    // one statement: the units already sampled this month are left as they are
    const { rows } = await trx.raw<{ rows: { org_unit_id: number; drawn: string }[] }>(
      `WITH ranked AS (
         SELECT p.id, row_number() OVER (PARTITION BY p.org_unit_id ORDER BY md5(p.id::text || ?)) AS rn
           FROM prescriptions p
          WHERE p.prescribed_on BETWEEN ? AND ? AND p.org_unit_id = ANY(?::int[])
            AND NOT EXISTS (SELECT 1 FROM prescriptions q WHERE q.org_unit_id = p.org_unit_id AND q.sampled_month = ?)),
       up AS (UPDATE prescriptions SET sampled_month = ? FROM ranked WHERE ranked.id = prescriptions.id AND ranked.rn <= ? RETURNING prescriptions.org_unit_id)
       SELECT org_unit_id, count(*) AS drawn FROM up GROUP BY org_unit_id ORDER BY org_unit_id`,
      [seed, start, end, units, input.month, input.month, size],
    );
    const drawn = rows.map((r) => ({ org_unit_id: r.org_unit_id, drawn: Number(r.drawn) }));
    await audit({ action: 'sample', resource: 'prescriptions', recordId: null, after: { month: input.month, size, seed, drawn } });
    return { month: input.month, size, units: drawn };
  });
}

// ---------------------------------------------------------------- actions against a prescriber

export const actionResource: ResourceDef<PrescriberAction> = {
  name: 'prescriber-actions',
  model: PrescriberAction,
  scope: scopeByUnit('prescriber_actions.org_unit_id'),
  list: {
    fields: {
      kind: PRESCRIBER_ACTION_KIND.values,
      status: PRESCRIBER_ACTION_STATUS.values,
      org_unit_id: 'int',
      prescriber_staff_id: 'int',
      prescriber_name: 'text',
      prescription_id: 'int',
      due_on: 'date',
      created_at: 'timestamp',
    },
    search: ['prescriber_actions.prescriber_name', 'prescriber_actions.reason', 'prescriber_actions.drug_name'],
    defaultSort: ['created_at', 'DESC'],
  },
};

export interface ActionInput {
  kind: 'interview' | 'suspend' | 'penalty';
  prescription_id?: number | null;
  org_unit_id?: number | null;
  prescriber_name?: string | null;
  prescriber_staff_id?: number | null;
  drug_name?: string | null;
  amount?: string | null;
  reason: string;
  due_on?: string | null;
}

/** Opens an action against a prescriber: from one of their prescriptions, or naming the unit and the prescriber. */
export function createAction(actor: Actor, input: ActionInput) {
  assertCan(actor, 'prescriber-actions', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const problems = actionProblems(input);
    let who: Pick<PrescriberAction, 'org_unit_id' | 'prescriber_name' | 'prescriber_staff_id'>;
    if (input.prescription_id != null) {
      if (input.org_unit_id != null || input.prescriber_name != null || input.prescriber_staff_id != null)
        problems.push({ field: 'prescription_id', message: 'the prescription names the unit and the prescriber: give one or the other' });
      const rx = await getRow(prescriptionResource, actor, input.prescription_id, trx);
      who = { org_unit_id: rx.org_unit_id, prescriber_name: rx.prescriber_name, prescriber_staff_id: rx.prescriber_staff_id };
    } else {
      if (input.org_unit_id == null) problems.push({ field: 'org_unit_id', message: 'the unit, or prescription_id' });
      if (!input.prescriber_name) problems.push({ field: 'prescriber_name', message: 'the prescriber, or prescription_id' });
      who = { org_unit_id: input.org_unit_id!, prescriber_name: input.prescriber_name!, prescriber_staff_id: input.prescriber_staff_id ?? null };
    }
    if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
    await assertUnitInScope(actor, who.org_unit_id, 'org_unit_id', trx);
    if (who.prescriber_staff_id != null && !(await staffNames([who.prescriber_staff_id], trx)).has(who.prescriber_staff_id))
      throw unprocessable('no such staff member', [{ field: 'prescriber_staff_id', message: 'not in the HR registry' }]);
    const created = await PrescriberAction.query(trx).insertAndFetch({
      kind: input.kind,
      ...who,
      prescription_id: input.prescription_id != null ? String(input.prescription_id) : null,
      drug_name: input.drug_name ?? null,
      amount: input.amount ?? null,
      reason: input.reason,
      due_on: input.due_on ?? null,
      status: 'open',
      created_by: actor.id || null,
    });
    await audit({ action: 'create', resource: 'prescriber-actions', recordId: created.id, after: created });
    return created;
  });
}

/** Closes an action with its outcome (a suspension is lifted), or cancels it; any other step from its status is a 409 naming the allowed ones. */
export function actionStep(actor: Actor, id: number, step: 'close' | 'cancel', input: { outcome: string }) {
  assertCan(actor, 'prescriber-actions', step);
  return inTransaction(actor, async (trx, audit) => {
    await getRow(actionResource, actor, id, trx);
    await lockRow(trx, PrescriberAction.tableName, id);
    const current = (await PrescriberAction.query(trx).findById(id))!;
    const next = actionMachine.nextStatus(current.status, step);
    if ('problem' in next) throw conflict(next.problem, { status: current.status, allowed: next.allowed });
    const after = await PrescriberAction.query(trx).patchAndFetchById(id, {
      status: next.to,
      outcome: input.outcome,
      closed_at: clock.nowIso(),
      closed_by: actor.id || null,
      updated_at: clock.nowIso(),
    });
    await audit({ action: step, resource: 'prescriber-actions', recordId: id, before: current, after });
    return after;
  });
}

export async function readAction(actor: Actor, id: number) {
  assertCan(actor, 'prescriber-actions', 'show');
  const a = await getRow(actionResource, actor, id);
  return { ...a.toJSON(), allowed: actionMachine.allowedActions(a.status) };
}

// ---------------------------------------------------------------- the figures per unit

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
