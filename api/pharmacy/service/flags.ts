// Each prescription's derived columns (drug count, antibiotic and injection marks) and its flags under
// the rules in force, derived in one statement over a set of prescriptions and their drugs: the rules
// of `prescriptionFlags` (rules.ts, their definition, tested by hand) written as SQL, so that an import
// of 500,000 rows or a change of the rules never reads the drugs back into the process.
// `pharmacy.test.ts` checks both agree on every prescription of the demo.
import type { Knex } from 'knex';
import { RX_FLAG } from '../enums';
import type { RxFlag, RxRules } from '../rules';

/** Which prescriptions to evaluate: these ids, or the open (unreviewed) ones prescribed within a period. */
export type RxSet = { ids: readonly string[] } | { openFrom: string; openTo: string };

/** Each flag's condition over `t` (the prescription) and `x` (its drugs aggregated); the flags come out in RX_FLAG's order. */
const FLAG_SQL: Record<RxFlag, string> = {
  // (the infection looked for after the antibiotic: the executor stops an AND at its first false)
  antibiotic_without_indication: `x.has_antibiotic AND NOT (EXISTS (SELECT 1 FROM unnest(t.diagnosis_codes) c WHERE upper(c) ^@ ANY (:prefixes::text[]))
    OR coalesce(EXISTS (SELECT 1 FROM unnest(:words::text[]) w WHERE w <> '' AND strpos(t.diagnosis_text, w) > 0), false))`,
  too_many_drugs: 'x.item_count > :max_drugs',
  duplicate_class: 'x.duplicate_class',
  dose_out_of_range: 'x.dose_out_of_range',
  injection_oral_would_do: "t.care_type = 'outpatient' AND x.injection_oral",
  suspended_drug: 'x.suspended',
};

/** The rules' parameters the flags' SQL names (:ranges, :oral, :prefixes, :words, :max_drugs). */
export function rulesParams(r: RxRules) {
  // a drug's first range in that unit applies, as in prescriptionFlags
  const ranges = r.dose_ranges.filter((d, i) => r.dose_ranges.findIndex((e) => e.drug === d.drug && e.unit === d.unit) === i);
  return {
    ranges: JSON.stringify(ranges),
    oral: r.oral_preferred,
    // upper-cased here as hasInfection does (each code is upper-cased in the SQL)
    prefixes: r.infection_icd_prefixes.map((p) => p.toUpperCase()),
    words: r.infection_words,
    max_drugs: r.max_drugs,
  };
}

/**
 * The CTEs `ranges`, `x` (each prescription's drugs aggregated) and `v` (its drug count, marks and flags) over
 * a CTE `t` of prescriptions (id, org_unit_id, prescriber_staff_id, prescriber_name, care_type, diagnosis_codes,
 * diagnosis_text), defined before them, and `items`, a relation of their drugs keyed by prescription_id = t.id:
 * the stored drugs, or a batch's before it is written (the import flags a new prescription as it inserts it).
 * `ranges` is materialized: the JSON is read once, not once per drug.
 */
export const derivedSql = (
  items: string,
) => `ranges AS MATERIALIZED (SELECT * FROM jsonb_to_recordset(:ranges::jsonb) AS r(drug text, unit text, min numeric, max numeric)),
     x AS (
       SELECT t.id,
              count(i.seq)::smallint AS item_count,
              coalesce(bool_or(i.antibiotic), false) AS has_antibiotic,
              coalesce(bool_or(i.route = 'injection'), false) AS has_injection,
              count(nullif(btrim(i.drug_class), '')) > count(DISTINCT nullif(btrim(i.drug_class), '')) AS duplicate_class,
              coalesce(bool_or(i.dose IS NOT NULL AND EXISTS (
                SELECT 1 FROM ranges r WHERE r.drug = i.drug_name AND r.unit = coalesce(i.dose_unit, '') AND (i.dose < r.min OR i.dose > r.max))), false) AS dose_out_of_range,
              coalesce(bool_or(i.route = 'injection' AND i.drug_name = ANY(:oral::text[])), false) AS injection_oral,
              coalesce(bool_or(EXISTS (
                SELECT 1 FROM prescriber_actions a
                 WHERE a.kind = 'suspend' AND a.status = 'open' AND a.org_unit_id = t.org_unit_id AND a.drug_name = i.drug_name
                   AND CASE WHEN a.prescriber_staff_id IS NOT NULL THEN a.prescriber_staff_id = t.prescriber_staff_id ELSE a.prescriber_name = t.prescriber_name END)), false) AS suspended
         FROM t LEFT JOIN ${items} i ON i.prescription_id = t.id
        GROUP BY t.id),
     v AS (
       SELECT t.id, x.item_count, x.has_antibiotic, x.has_injection,
              array_remove(ARRAY[${RX_FLAG.values.map((f) => `CASE WHEN ${FLAG_SQL[f]} THEN '${f}' END`).join(', ')}]::text[], NULL) AS flags
         FROM t JOIN x USING (id))`;

/**
 * Derives the drug count, antibiotic and injection marks and flags of a set of prescriptions from
 * their drugs under the rules, writing only what changed. Answers each
 * evaluated prescription's id with whether it is flagged, and how many rows changed.
 */
export async function evaluateSet(trx: Knex.Transaction, set: RxSet, r: RxRules) {
  const target = 'ids' in set ? 'p.id = ANY(:ids::bigint[])' : "p.review_status = 'pending' AND p.prescribed_on BETWEEN :from::date AND :to::date";
  const { rows } = await trx.raw<{ rows: { id: string; flagged: boolean; changed: boolean }[] }>(
    `WITH t AS (SELECT p.id, p.org_unit_id, p.prescriber_staff_id, p.prescriber_name, p.care_type, p.diagnosis_codes, p.diagnosis_text
                  FROM prescriptions p WHERE ${target}),
     ${derivedSql('prescription_items')},
     up AS (
       UPDATE prescriptions p SET item_count = v.item_count, has_antibiotic = v.has_antibiotic, has_injection = v.has_injection, flags = v.flags
         FROM v
        WHERE p.id = v.id AND (p.item_count, p.has_antibiotic, p.has_injection, p.flags) IS DISTINCT FROM (v.item_count, v.has_antibiotic, v.has_injection, v.flags)
       RETURNING p.id)
     SELECT v.id, v.flags <> '{}' AS flagged, up.id IS NOT NULL AS changed FROM v LEFT JOIN up USING (id)`,
    {
      ...rulesParams(r),
      ids: 'ids' in set ? set.ids : null,
      from: 'openFrom' in set ? set.openFrom : null,
      to: 'openTo' in set ? set.openTo : null,
    },
  );
  return rows;
}

/** Derives these prescriptions' drug count, marks and flags under the rules (the demo loader's call); answers how many were flagged. */
export async function evaluatePrescriptions(trx: Knex.Transaction, ids: readonly string[], rules: RxRules) {
  const rows = await evaluateSet(trx, { ids }, rules);
  return rows.filter((x) => x.flagged).length;
}
