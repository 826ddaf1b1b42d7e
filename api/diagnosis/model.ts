import { Model } from 'objection';
import type { Agreement, CentreKind, ChestPainStep, Status, Urgency } from './rules';

/** 诊断中心: one of the five at a host unit, the units it serves (none listed: every member unit). */
export class DiagnosisCentre extends Model {
  id!: number;
  kind!: CentreKind;
  name!: string;
  host_org_unit_id!: number;
  served_unit_ids!: number[];
  head_user_id!: number | null;
  critical_ack_minutes!: number;
  active!: boolean;
  created_at!: string;
  updated_at!: string;

  static tableName = 'diagnosis_centres';
}

/** A service of a centre with its fee (yuan, a decimal read back as text) and turnaround norms in minutes. */
export class DiagnosisService extends Model {
  id!: number;
  centre_id!: number;
  code!: string;
  name!: string;
  modality!: string | null;
  fee!: string;
  norm_emergency_minutes!: number | null;
  norm_routine_minutes!: number | null;
  /** not final until a second reader co-signs (pathology) */
  second_signature!: boolean;
  active!: boolean;
  created_at!: string;
  updated_at!: string;

  static tableName = 'diagnosis_services';
}

/** 诊断申请. The full ID number of an external patient is only in the cipher, never serialised. */
export class DiagnosisRequest extends Model {
  id!: number;
  centre_id!: number;
  centre_org_unit_id!: number;
  /** 胸痛: the PCI hospital the green channel sends the patient to (a third end that sees the request) */
  receiving_org_unit_id!: number | null;
  kind!: CentreKind;
  service_id!: number;
  service_name!: string;
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
  clinical_question!: string;
  urgency!: Urgency;
  urgency_rank!: number;
  status!: Status;
  fee!: string;
  norm_minutes!: number;
  submitted_at!: string;
  due_at!: string;
  accepted_at!: string | null;
  returned_at!: string | null;
  return_reason!: string | null;
  reader_staff_id!: number | null;
  reader_name!: string | null;
  assigned_at!: string | null;
  findings!: string | null;
  conclusion!: string | null;
  signer_staff_id!: number | null;
  signer_name!: string | null;
  reported_by!: number | null;
  reported_at!: string | null;
  critical!: boolean;
  critical_note!: string | null;
  ack_due_at!: string | null;
  acknowledged_at!: string | null;
  acknowledged_by!: number | null;
  acknowledged_by_name!: string | null;
  escalation_level!: number;
  report_version!: number;
  second_signer_staff_id!: number | null;
  second_signer_name!: string | null;
  correction_reason!: string | null;
  evaluation_score!: number | null;
  evaluation_comment!: string | null;
  evaluated_at!: string | null;
  evaluated_by!: number | null;
  evaluated_by_name!: string | null;
  created_at!: string;
  updated_at!: string;
  /** added by the lists (service.ts): past the norm, and the minutes left to it */
  declare late?: boolean;
  declare minutes_left?: number | null;

  static tableName = 'diagnosis_requests';

  $formatJson(json: Record<string, unknown>) {
    const { patient_id_number_hash: _h, patient_id_number_cipher: _c, ...rest } = super.$formatJson(json);
    return rest;
  }
}

/** An attached file; its bytes are read only by the download, never listed. */
export class DiagnosisAttachment extends Model {
  id!: number;
  request_id!: number;
  filename!: string;
  content_type!: string;
  size!: number;
  uploaded_by!: number | null;
  uploaded_by_name!: string;
  uploaded_at!: string;

  static tableName = 'diagnosis_attachments';
}

export class DiagnosisEvent extends Model {
  id!: number;
  request_id!: number;
  kind!: string;
  from_status!: Status | null;
  to_status!: Status | null;
  actor_id!: number | null;
  actor_name!: string;
  at!: string;
  note!: string | null;
  data!: unknown;

  static tableName = 'diagnosis_events';
}

export class DiagnosisSample extends Model {
  id!: number;
  centre_id!: number;
  month!: string;
  request_id!: number;
  reviewer_staff_id!: number;
  reviewer_name!: string;
  agreement!: Agreement | null;
  note!: string | null;
  drawn_at!: string;
  reviewed_at!: string | null;

  static tableName = 'diagnosis_samples';
}

/** 胸痛绿色通道: the case a STEMI ECG started, with the referral it created and its times. */
export class ChestPainCase extends Model {
  id!: number;
  request_id!: number;
  referral_id!: number;
  from_org_unit_id!: number;
  township_org_unit_id!: number;
  township_name!: string;
  to_org_unit_id!: number;
  to_unit_name!: string;
  patient_name!: string;
  fmc_at!: string;
  started_at!: string;
  started_by!: number | null;
  started_by_name!: string;
  arrival_at!: string | null;
  door_at!: string | null;
  balloon_at!: string | null;
  fibrinolysis_at!: string | null;
  transfer_out_at!: string | null;
  outcome!: ChestPainStep | null;
  closed_at!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'chest_pain_cases';
}

/** 排班: a reader on duty at a centre on a day (Beijing date). */
export class DiagnosisDuty extends Model {
  id!: number;
  centre_id!: number;
  day!: string;
  staff_id!: number;
  staff_name!: string;
  created_by!: number | null;
  created_at!: string;

  static tableName = 'diagnosis_duties';
}

/** 胸痛: a hospital of the group that does primary PCI (a cath lab): where the green channel sends a STEMI. */
export class PciHospital extends Model {
  org_unit_id!: number;
  note!: string | null;
  created_at!: string;

  static tableName = 'pci_hospitals';
  static idColumn = 'org_unit_id';
}
