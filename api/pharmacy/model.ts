import { Model } from 'objection';
import type { DrugRoute, RxCareType, RxFlag, RxIrrationalReason, RxOutcome } from './rules';

/** A prescription of a member unit: its patient as a keyed hash with age and sex only, its flags and its review. */
export class Prescription extends Model {
  id!: string;
  org_unit_id!: number;
  prescription_no!: string;
  department!: string | null;
  prescriber_name!: string;
  prescriber_staff_id!: number | null;
  prescribed_on!: string;
  care_type!: RxCareType;
  patient_hash!: string;
  patient_age!: number | null;
  patient_sex!: 'M' | 'F' | null;
  diagnosis_codes!: string[];
  diagnosis_text!: string | null;
  item_count!: number;
  has_antibiotic!: boolean;
  has_injection!: boolean;
  flags!: RxFlag[];
  sampled_month!: string | null;
  review_status!: 'pending' | 'reviewed';
  outcome!: RxOutcome | null;
  reason!: RxIrrationalReason | null;
  review_note!: string | null;
  reviewed_by!: number | null;
  reviewed_at!: string | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'prescriptions';
}

/** One drug of a prescription. */
export class PrescriptionItem extends Model {
  id!: string;
  prescription_id!: string;
  seq!: number;
  drug_name!: string;
  drug_class!: string | null;
  antibiotic!: boolean;
  route!: DrugRoute;
  dose!: string | null;
  dose_unit!: string | null;
  days!: number | null;
  static tableName = 'prescription_items';
}

/** An action against a prescriber (约谈, 停用 a drug, 处罚), tracked to closure. */
export class PrescriberAction extends Model {
  id!: number;
  kind!: 'interview' | 'suspend' | 'penalty';
  org_unit_id!: number;
  prescriber_name!: string;
  prescriber_staff_id!: number | null;
  prescription_id!: string | null;
  drug_name!: string | null;
  amount!: string | null;
  reason!: string;
  due_on!: string | null;
  status!: 'open' | 'closed' | 'cancelled';
  outcome!: string | null;
  closed_at!: string | null;
  closed_by!: number | null;
  created_by!: number | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'prescriber_actions';
}
