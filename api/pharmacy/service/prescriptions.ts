// The prescriptions as a list (scoped by unit; filtered by flag, sample, review) and one prescription's page.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { assertCan, getRow, type ResourceDef } from '../../core/crud';
import { scopeByUnit } from '../../core/scope';
import { staffNames } from '../../hr';
import { RX_CARE_TYPE, RX_FLAG, RX_OUTCOME, RX_REVIEW_STATUS } from '../enums';
import { PrescriberAction, Prescription, PrescriptionItem } from '../model';
import { reviewMachine } from '../rules';

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
