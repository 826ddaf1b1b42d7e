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
import { RX_COLUMNS, RX_REQUIRED, validateRxRow, type RxItemRow, type RxRow, type RxRules } from '../rules';
import { derivedSql, evaluateSet, rulesParams } from './flags';
import { currentRules } from './settings';

/**
 * The prescription's columns the import writes, each with its type and its value from the batch's first row of the
 * prescription (`staffId`: its prescriber in the HR registry). They go as one array a column (`unnest`): parsed as
 * plain arrays, without json's key names per row and its per-object look-ups.
 */
const HEADER: readonly (readonly [column: string, type: string, value: (h: RxRow, staffId: number | null) => unknown])[] = [
  ['org_unit_id', 'int', (h) => h.org_unit_id],
  ['prescription_no', 'text', (h) => h.prescription_no],
  ['department', 'text', (h) => h.department],
  ['prescriber_name', 'text', (h) => h.prescriber_name],
  ['prescriber_staff_id', 'int', (_, staffId) => staffId],
  ['prescribed_on', 'date', (h) => h.prescribed_on],
  ['care_type', 'text', (h) => h.care_type],
  ['patient_hash', 'text', (h) => hashIdNumber(h.patient_id)],
  ['patient_age', 'smallint', (h) => h.patient_age],
  ['patient_sex', 'text', (h) => h.patient_sex],
  // joined by commas (an array of arrays is not unnested row by row), split back in SQL: an ICD-10 code holds no comma (validateRxRow)
  ['diagnosis_codes', 'text', (h) => h.diagnosis_codes.join(',')],
  ['diagnosis_text', 'text', (h) => h.diagnosis_text],
];
const COLS = HEADER.map(([c]) => c);
/** A drug's columns (after its prescription) and their types. */
const ITEM: readonly (readonly [column: keyof RxItemRow, type: string])[] = [
  ['seq', 'smallint'],
  ['drug_name', 'text'],
  ['drug_class', 'text'],
  ['antibiotic', 'boolean'],
  ['route', 'text'],
  ['dose', 'numeric'],
  ['dose_unit', 'text'],
  ['days', 'smallint'],
];
const ITEM_COLS = ITEM.map(([c]) => c);
const changed = (table: string, cols: readonly string[]) =>
  `(${cols.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')})`;
const drugValues = ITEM_COLS.map((c) => `hi.${c}`).join(', ');

// A batch's statement: the prescriptions (h, numbered k from 1 in the order of their first row) and their drugs (hi,
// each with its prescription's k). A new prescription is inserted with its drug count, marks and flags derived from the
// batch's drugs; one stored before is updated when its own columns changed. The drugs of a new prescription are plainly
// inserted (no stored drug can share its fresh id); those of a stored one upserted by line, updated when they changed or
// their prescription's own columns did (`changed`).
const BATCH_SQL = `WITH h AS (
            SELECT x.k::int AS k, ${COLS.map((c) => (c === 'diagnosis_codes' ? "string_to_array(x.diagnosis_codes, ',') AS diagnosis_codes" : `x.${c}`)).join(', ')}
              FROM unnest(${HEADER.map(([c, type]) => `:h_${c}::${type}[]`).join(', ')}) WITH ORDINALITY AS x(${COLS.join(', ')}, k)),
          hi AS (SELECT * FROM unnest(:i_k::int[], ${ITEM.map(([c, type]) => `:i_${c}::${type}[]`).join(', ')}) AS x(k, ${ITEM_COLS.join(', ')})),
          t AS (SELECT k AS id, org_unit_id, prescriber_staff_id, prescriber_name, care_type, diagnosis_codes, diagnosis_text FROM h),
          ${derivedSql('(SELECT k AS prescription_id, hi.* FROM hi)')},
          up AS (
            INSERT INTO prescriptions (${COLS.join(', ')}, item_count, has_antibiotic, has_injection, flags)
            SELECT ${COLS.map((c) => `h.${c}`).join(', ')}, v.item_count, v.has_antibiotic, v.has_injection, v.flags FROM h JOIN v ON v.id = h.k
            ON CONFLICT (org_unit_id, prescription_no) DO UPDATE
               SET ${COLS.slice(2)
                 .map((c) => `${c} = excluded.${c}`)
                 .join(', ')}, updated_at = now()
             WHERE ${changed('prescriptions', COLS.slice(2))}
            RETURNING id, org_unit_id, prescription_no, (xmax = 0) AS inserted, flags <> '{}' AS flagged),
          -- each prescription's id: written (up), or stored and unchanged, looked up by its key alone (LIMIT 1 keeps the
          -- look-up an index probe: joined whole, the stored prescriptions were scanned once a batch, the more the longer)
          ids AS (
            SELECT coalesce(up.id, s.id) AS id, h.k, coalesce(up.inserted, false) AS inserted, coalesce(NOT up.inserted, false) AS changed, up.flagged
              FROM h LEFT JOIN up USING (org_unit_id, prescription_no)
              LEFT JOIN LATERAL (
                SELECT p.id FROM prescriptions p WHERE up.id IS NULL AND p.org_unit_id = h.org_unit_id AND p.prescription_no = h.prescription_no LIMIT 1) s ON true),
          fresh AS (
            INSERT INTO prescription_items (prescription_id, ${ITEM_COLS.join(', ')})
            SELECT ids.id, ${drugValues} FROM hi JOIN ids USING (k) WHERE ids.inserted
            RETURNING 1),
          drugs AS (
            INSERT INTO prescription_items (prescription_id, ${ITEM_COLS.join(', ')})
            SELECT ids.id, ${drugValues} FROM hi JOIN ids USING (k) WHERE NOT ids.inserted
            ON CONFLICT (prescription_id, seq) DO UPDATE
               SET ${ITEM_COLS.slice(1)
                 .map((c) => `${c} = excluded.${c}`)
                 .join(', ')}
             WHERE ${changed('prescription_items', ITEM_COLS.slice(1))}
            RETURNING prescription_id, seq, (xmax = 0) AS inserted),
          -- (counted without joining the drugs written to the batch's: planned on CTEs of unknown size, that join was a nested loop)
          n AS (
            SELECT ((SELECT count(*) FROM fresh) + (SELECT count(*) FILTER (WHERE inserted) FROM drugs))::int AS inserted,
                   ((SELECT count(*) FILTER (WHERE NOT inserted) FROM drugs)
                    + (SELECT count(*) FROM hi JOIN ids USING (k) WHERE ids.changed)
                    - (SELECT count(*) FROM drugs WHERE prescription_id IN (SELECT id FROM ids WHERE changed)))::int AS updated)
     SELECT ids.id, ids.inserted, ids.flagged, n.inserted AS drugs_inserted, n.updated AS drugs_updated FROM ids CROSS JOIN n`;

/**
 * Writes a batch of rows (drugs) in one statement (BATCH_SQL), its columns sent as arrays. A prescription
 * that was stored before (imported again, or split over two batches) is then flagged from its stored
 * drugs (`evaluateSet`, writing only what changed). `flagged`: id → flagged. Answers the rows inserted and updated.
 * The drugs' counts come back summed: one row per prescription, not one per drug.
 */
async function writeBatch(trx: Knex.Transaction, rows: { row: number; data: RxRow }[], rules: RxRules, flagged: Map<number, boolean>) {
  // the batch's prescriptions, each as its first row, numbered from 1; each drug's prescription by that number
  const heads: RxRow[] = [];
  const numbers = new Map<string, number>();
  const drugOf: number[] = [];
  for (const { data } of rows) {
    const key = `${data.org_unit_id}\t${data.prescription_no}`;
    let k = numbers.get(key);
    if (k === undefined) numbers.set(key, (k = heads.push(data)));
    drugOf.push(k);
  }
  const staff = await staffByUnitAndName(
    heads.map((h) => ({ unitId: h.org_unit_id, name: h.prescriber_name })),
    trx,
  );
  const staffIds = heads.map((h) => staff.get(h.org_unit_id)?.get(h.prescriber_name) ?? null);
  const params: Record<string, unknown> = { ...rulesParams(rules), i_k: drugOf };
  for (const [c, , value] of HEADER) params[`h_${c}`] = heads.map((h, i) => value(h, staffIds[i]));
  for (const [c] of ITEM) params[`i_${c}`] = rows.map(({ data }) => data.item[c]);
  const { rows: written } = await trx.raw<{
    rows: { id: string; inserted: boolean; flagged: boolean | null; drugs_inserted: number; drugs_updated: number }[];
  }>(BATCH_SQL, params);
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
