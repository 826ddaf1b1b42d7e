import { Model } from 'objection';
import type { Direction, Purpose, ReferralSettings, Status, StoredFees, Urgency } from './rules';

/** 转诊单. The full ID number of an external patient is only in the cipher, never serialised. */
export class Referral extends Model {
  id!: number;
  resident_id!: number | null;
  patient_name!: string;
  patient_sex!: string | null;
  patient_birth_date!: string | null;
  patient_id_number_hash!: string | null;
  patient_id_number_masked!: string | null;
  patient_id_number_cipher!: string | null;
  from_org_unit_id!: number;
  from_unit_name!: string;
  from_level!: number;
  from_doctor_id!: number | null;
  from_doctor_name!: string;
  to_org_unit_id!: number | null;
  to_unit_name!: string | null;
  to_level!: number | null;
  to_department_id!: number | null;
  to_department_name!: string | null;
  to_external_name!: string | null;
  direction!: Direction;
  urgency!: Urgency;
  urgency_rank!: number;
  purpose!: Purpose;
  diagnosis_code!: string;
  diagnosis_text!: string;
  reason!: string;
  summary!: string | null;
  previous_referral_id!: number | null;
  diagnosis_request_id!: number | null;
  /** the remote consultation it was started from */
  consultation_id!: number | null;
  status!: Status;
  slot_id!: number | null;
  appointment_at!: string | null;
  fees!: StoredFees;
  requested_at!: string;
  due_at!: string;
  answered_at!: string | null;
  accepted_at!: string | null;
  arrived_at!: string | null;
  completed_at!: string | null;
  closed_at!: string | null;
  status_reason!: string | null;
  escalated_at!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'referrals';

  $formatJson(json: Record<string, unknown>) {
    const { patient_id_number_hash: _h, patient_id_number_cipher: _c, ...rest } = super.$formatJson(json);
    return rest;
  }
}

export class ReferralEvent extends Model {
  id!: number;
  referral_id!: number;
  kind!: string;
  from_status!: Status | null;
  to_status!: Status | null;
  actor_id!: number | null;
  actor_name!: string;
  at!: string;
  note!: string | null;
  data!: unknown;

  static tableName = 'referral_events';
}

/** A 30-minute appointment slot of a receiving department, with its places. */
export class ReferralSlot extends Model {
  id!: number;
  org_unit_id!: number;
  department_id!: number;
  starts_at!: string;
  capacity!: number;
  booked!: number;
  booked_up!: number;
  created_at!: string;
  updated_at!: string;

  static tableName = 'referral_slots';
}

export class ReferralEscalation extends Model {
  id!: number;
  referral_id!: number;
  org_unit_id!: number | null;
  due_at!: string;
  escalated_at!: string;
  overdue_minutes!: number;
  notify_user_ids!: number[];
  run_key!: string;

  static tableName = 'referral_escalations';
}

export class ReferralSettingsRow extends Model {
  id!: number;
  settings!: ReferralSettings;
  updated_by!: number | null;
  updated_at!: string;

  static tableName = 'referral_settings';
}
