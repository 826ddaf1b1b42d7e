// Each prescription's derived columns (drug count, antibiotic and injection marks) and its flags under the rules in force.
import type { Knex } from 'knex';
import { Prescription, PrescriptionItem } from '../model';
import { prescriptionFlags, type RxRules } from '../rules';
import { currentRules } from './settings';

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
