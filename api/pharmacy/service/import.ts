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
import { derivedSql, evaluateSet, rulesParams } from './flags';
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
 * Writes a batch of rows (drugs) in one statement: the prescriptions upserted by unit and number — a
 * new one inserted with its drug count, marks and flags derived from the batch's drugs (`derivedSql`,
 * the flags' one SQL definition), so it is written once — and their drugs by line. A prescription
 * that was stored before (imported again, or split over two batches) is then flagged from its stored
 * drugs (`evaluateSet`, writing only what changed). `flagged`: id → flagged. Answers the rows inserted and updated.
 * The batch goes as `json` (parsed as it is read, about twice as fast as `jsonb` for 5,000 rows), and
 * the drugs' counts come back summed: one row per prescription, not one per drug.
 */
async function writeBatch(trx: Knex.Transaction, rows: { row: number; data: RxRow }[], rules: RxRules, flagged: Map<number, boolean>) {
  const keyOf = (d: RxRow) => `${d.org_unit_id}\t${d.prescription_no}`;
  const headers = new Map<string, { k: number; data: RxRow }>();
  for (const { data } of rows) if (!headers.has(keyOf(data))) headers.set(keyOf(data), { k: headers.size, data });
  const staff = await staffByUnitAndName(
    [...headers.values()].map(({ data: h }) => ({ unitId: h.org_unit_id, name: h.prescriber_name })),
    trx,
  );
  const input = [...headers.values()].map(({ k, data: h }) => ({
    k,
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
  const items = rows.map(({ data }) => ({ k: headers.get(keyOf(data))!.k, ...data.item }));
  const cols = HEADER.join(', ');
  const itemCols = ITEM.slice(1).join(', ');
  // a drug is inserted, or updated when it changed or its prescription's own columns did (`changed`): those of a
  // changed prescription not written are updated too
  const sql = `WITH h AS (SELECT * FROM json_to_recordset(:headers::json) AS x(k int, ${HEADER_TYPES})),
          hi AS (SELECT * FROM json_to_recordset(:items::json) AS x(k int, ${ITEM_TYPES.replace('prescription_id bigint, ', '')})),
          t AS (SELECT k AS id, org_unit_id, prescriber_staff_id, prescriber_name, care_type, diagnosis_codes, diagnosis_text FROM h),
          ${derivedSql('(SELECT k AS prescription_id, hi.* FROM hi)')},
          up AS (
            INSERT INTO prescriptions (${cols}, item_count, has_antibiotic, has_injection, flags)
            SELECT ${HEADER.map((c) => `h.${c}`).join(', ')}, v.item_count, v.has_antibiotic, v.has_injection, v.flags FROM h JOIN v ON v.id = h.k
            ON CONFLICT (org_unit_id, prescription_no) DO UPDATE
               SET ${HEADER.slice(2)
                 .map((c) => `${c} = excluded.${c}`)
                 .join(', ')}, updated_at = now()
             WHERE ${changed('prescriptions', HEADER.slice(2))}
            RETURNING id, org_unit_id, prescription_no, (xmax = 0) AS inserted, flags <> '{}' AS flagged),
          ids AS (
            SELECT up.id, h.k, up.inserted, NOT up.inserted AS changed, up.flagged FROM up JOIN h USING (org_unit_id, prescription_no)
            UNION ALL
            SELECT p.id, h.k, false, false, NULL FROM prescriptions p JOIN h USING (org_unit_id, prescription_no)
             WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.id = p.id)),
          drugs AS (
            INSERT INTO prescription_items (prescription_id, ${itemCols}) SELECT ids.id, ${ITEM.slice(1)
              .map((c) => `hi.${c}`)
              .join(', ')} FROM hi JOIN ids USING (k)
            ON CONFLICT (prescription_id, seq) DO UPDATE
               SET ${ITEM.slice(2)
                 .map((c) => `${c} = excluded.${c}`)
                 .join(', ')}
             WHERE ${changed('prescription_items', ITEM.slice(2))}
            RETURNING prescription_id, seq, (xmax = 0) AS inserted),
          -- (counted without joining the drugs written to the batch's: planned on CTEs of unknown size, that join was a nested loop)
          n AS (
            SELECT (SELECT count(*) FILTER (WHERE inserted) FROM drugs)::int AS inserted,
                   ((SELECT count(*) FILTER (WHERE NOT inserted) FROM drugs)
                    + (SELECT count(*) FROM hi JOIN ids USING (k) WHERE ids.changed)
                    - (SELECT count(*) FROM drugs WHERE prescription_id IN (SELECT id FROM ids WHERE changed)))::int AS updated)
     SELECT ids.id, ids.inserted, ids.flagged, n.inserted AS drugs_inserted, n.updated AS drugs_updated FROM ids CROSS JOIN n`;
  const { rows: written } = await trx.raw<{
    rows: { id: string; inserted: boolean; flagged: boolean | null; drugs_inserted: number; drugs_updated: number }[];
  }>(sql, { ...rulesParams(rules), headers: JSON.stringify(input), items: JSON.stringify(items) });
  const stored: string[] = [];
  for (const w of written) {
    if (w.inserted) flagged.set(Number(w.id), w.flagged!);
    else stored.push(w.id);
  }
  if (stored.length) for (const e of await evaluateSet(trx, { ids: stored }, rules)) flagged.set(Number(e.id), e.flagged);
  return { inserted: written[0].drugs_inserted, updated: written[0].drugs_updated };
}

/** Imports a prescription file (xlsx or csv, one row per drug): streamed, validated row by row, idempotent by unit and prescription number and drug line. */
export async function importPrescriptions(actor: Actor, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'prescriptions', 'import');
  const units = new Map(
    (await orgUnits(['id', 'code', 'path'])).filter((u) => withinScope(u.path, actor.scopePath)).map((u) => [u.code, { id: u.id }] as const),
  );
  const today = clock.today();
  // each prescription of the file (by id, a number: no string kept per prescription) → flagged
  const flagged = new Map<number, boolean>();
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
