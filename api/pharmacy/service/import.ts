// The units' prescription files imported through settlement's streamed, idempotent import: one row per
// drug, a prescription keyed by its unit and number; its flags derived at the end, in the same transaction.
// Audit: one summary row per import (the flags derived within it).
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { assertCan } from '../../core/crud';
import { hashIdNumber } from '../../core/personalId';
import * as clock from '../../core/clock';
import type { UploadedFile } from '../../http/upload';
import { withinScope } from '../../auth';
import { staffByUnitAndName } from '../../hr';
import { orgUnits } from '../../org';
import { runImport, type ImportOptions } from '../../settlement';
import { RX_COLUMNS, RX_REQUIRED, validateRxRow, type RxRow, type RxRules } from '../rules';
import { evaluateSet } from './flags';
import { currentRules } from './settings';

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

/**
 * Writes a batch of rows (drugs): the prescriptions upserted by unit and number, their drugs by line,
 * then the batch's prescriptions flagged (`flagged`: id → flagged; one split over two batches is
 * evaluated again with the second); answers the rows inserted and updated.
 */
async function writeBatch(trx: Knex.Transaction, rows: { row: number; data: RxRow }[], rules: RxRules, flagged: Map<string, boolean>) {
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
  for (const e of await evaluateSet(trx, { ids: [...new Set(items.map((i) => String(i.prescription_id)))] }, rules)) flagged.set(e.id, e.flagged);
  const inserted = written.filter((w) => w.inserted).length;
  const itemWritten = new Map(written.map((w) => [`${w.prescription_id}\t${w.seq}`, w.inserted]));
  // a row is updated when its drug changed, or its prescription's own columns did
  const updated = items.filter((i) => {
    const wasInserted = itemWritten.get(`${i.prescription_id}\t${i.seq}`);
    return wasInserted === undefined ? headerChanged.has(String(i.prescription_id)) : !wasInserted;
  }).length;
  return { inserted, updated };
}

/** Imports a prescription file (xlsx or csv, one row per drug): streamed, validated row by row, idempotent by unit and prescription number and drug line. */
export async function importPrescriptions(actor: Actor, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'prescriptions', 'import');
  const units = new Map(
    (await orgUnits(['id', 'code', 'path'])).filter((u) => withinScope(u.path, actor.scopePath)).map((u) => [u.code, { id: u.id }] as const),
  );
  const today = clock.today();
  const flagged = new Map<string, boolean>();
  let rules: RxRules;
  const result = await runImport<RxRow>(actor, file, opts, {
    resource: 'prescriptions',
    columns: RX_COLUMNS,
    required: RX_REQUIRED,
    validate: (raw) => validateRxRow(raw, units, today),
    keyField: 'item_no',
    key: (r) => `${r.org_unit_id}\t${r.prescription_no}\t${r.item.seq}`,
    batch: 5000,
    begin: async (trx) => {
      rules = await currentRules(trx);
    },
    write: (trx, rows) => writeBatch(trx, rows, rules, flagged),
    summary: {},
  });
  const count = [...flagged.values()].filter(Boolean).length;
  return { ...result, prescriptions: result.committed ? flagged.size : 0, flagged: result.committed ? count : 0 };
}
