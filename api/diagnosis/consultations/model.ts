import { Model } from 'objection';
import type { CancelReason, ConsultationStatus } from './rules';

/** 远程会诊. The full ID number of an external patient is only in the cipher, never serialised. */
export class DiagnosisConsultation extends Model {
  id!: number;
  status!: ConsultationStatus;
  from_org_unit_id!: number;
  from_unit_name!: string;
  from_level!: number;
  from_doctor_id!: number | null;
  from_doctor_name!: string;
  resident_id!: number | null;
  patient_name!: string;
  patient_sex!: string | null;
  patient_birth_date!: string | null;
  patient_id_number_hash!: string | null;
  patient_id_number_masked!: string | null;
  patient_id_number_cipher!: string | null;
  question!: string;
  host_org_unit_id!: number;
  host_unit_name!: string;
  host_department_id!: number | null;
  host_department_name!: string | null;
  expert_staff_id!: number | null;
  expert_name!: string | null;
  expert_title!: string | null;
  invited_at!: string;
  checked_at!: string | null;
  checked_by_name!: string | null;
  returned_at!: string | null;
  return_reason!: string | null;
  slot_start!: string | null;
  slot_end!: string | null;
  half_hours!: number | null;
  room!: string | null;
  fee_per_half_hour!: string | null;
  fee!: string | null;
  scheduled_at!: string | null;
  ready_due_at!: string | null;
  opinion_due_at!: string | null;
  room_person!: string | null;
  equipment_check!: string | null;
  ready_at!: string | null;
  held_at!: string | null;
  participants!: string | null;
  opinion!: string | null;
  opinion_at!: string | null;
  opinion_by_name!: string | null;
  evaluation_score!: number | null;
  evaluation_note!: string | null;
  evaluated_at!: string | null;
  evaluated_by_name!: string | null;
  referral_id!: number | null;
  cancelled_at!: string | null;
  cancel_reason!: CancelReason | null;
  cancel_note!: string | null;
  cancelled_by_name!: string | null;
  /** how many times the host moved the booked slot */
  reschedules!: number;
  created_at!: string;
  updated_at!: string;

  static tableName = 'diagnosis_consultations';

  $formatJson(json: Record<string, unknown>) {
    const { patient_id_number_hash: _h, patient_id_number_cipher: _c, ...rest } = super.$formatJson(json);
    return rest;
  }
}

export class ConsultationEvent extends Model {
  id!: number;
  consultation_id!: number;
  kind!: string;
  from_status!: ConsultationStatus | null;
  to_status!: ConsultationStatus | null;
  actor_id!: number | null;
  actor_name!: string;
  at!: string;
  note!: string | null;
  data!: unknown;

  static tableName = 'diagnosis_consultation_events';
}

/** The one row of the configuration (absent: the defaults of rules.ts). */
export class ConsultationSettingsRow extends Model {
  id!: number;
  fee_per_half_hour!: string;
  opinion_hours!: number;
  ready_minutes!: number;
  updated_by!: number | null;
  updated_at!: string;

  static tableName = 'diagnosis_consultation_settings';
}
