// Choices of the diagnosis lists, derived from the API's (api/diagnosis/enums.ts); labels are i18n keys.
import { AGREEMENT, CENTRE_KIND, CONSULTATION_CANCEL_REASON, CONSULTATION_STATUS, DX_STATUS, DX_URGENCY } from '../../../api/diagnosis/enums';

export const KIND_CHOICES = CENTRE_KIND.choices();
export const URGENCY_CHOICES = DX_URGENCY.choices();
export const STATUS_CHOICES = DX_STATUS.choices();
export const AGREEMENT_CHOICES = AGREEMENT.choices();
export const CONSULTATION_STATUS_CHOICES = CONSULTATION_STATUS.choices();
export const CANCEL_REASON_CHOICES = CONSULTATION_CANCEL_REASON.choices();

/** A request as the API answers it (the list's columns; the page adds the rest). */
export interface DxRequestRecord {
  id: number;
  centre_id: number;
  centre_name?: string;
  kind: string;
  service_name: string;
  patient_name: string;
  patient_id_number_masked: string | null;
  from_unit_name: string;
  from_doctor_name: string;
  clinical_question?: string;
  urgency: string;
  status: string;
  submitted_at: string;
  due_at: string;
  reported_at: string | null;
  reader_name: string | null;
  critical: boolean;
  critical_note?: string | null;
  findings?: string | null;
  conclusion?: string | null;
  signer_name?: string | null;
  return_reason?: string | null;
  ack_due_at?: string | null;
  acknowledged_at: string | null;
  acknowledged_by_name?: string | null;
  escalation_level: number;
  late: boolean;
  minutes_left: number | null;
  allowed_actions?: string[];
  attachments?: { id: number; filename: string; content_type: string; size: number; uploaded_by_name: string; uploaded_at: string }[];
  events?: { id: number; kind: string; actor_name: string; at: string; note: string | null }[];
  escalations?: { level: number; escalated_at: string }[];
  signer_staff_id?: number | null;
  second_signer_name?: string | null;
  correction_reason?: string | null;
  report_version?: number;
  versions?: {
    version: number;
    conclusion: string;
    signer_name: string;
    second_signer_name: string | null;
    reason: string | null;
    signed_at: string;
  }[];
  evaluation_score?: number | null;
  evaluation_comment?: string | null;
  can_evaluate?: boolean;
  chest_pain?: ChestPainCaseRecord | null;
  /** 'start', or the times still open to the caller */
  chest_pain_actions?: string[];
  /** with 'start': the PCI hospitals to send the patient to, the nearest marked */
  pci_hospitals?: { id: number; name: string; nearest: boolean }[];
}

/** 胸痛绿色通道: the case of a request, with its clock from the first medical contact. */
export interface ChestPainCaseRecord {
  id: number;
  referral_id: number;
  to_unit_name: string;
  township_name: string;
  fmc_at: string;
  arrival_at: string | null;
  door_at: string | null;
  balloon_at: string | null;
  fibrinolysis_at: string | null;
  transfer_out_at: string | null;
  outcome: 'balloon' | 'fibrinolysis' | 'transfer_out' | null;
  closed_at: string | null;
  clock: { minutes: number; target: number | null; running: boolean; late: boolean };
}

/** 远程会诊 as the API answers it (the list's columns and timing; the page adds the rest). */
export interface ConsultationRecord {
  id: number;
  status: string;
  patient_name: string;
  patient_id_number_masked: string | null;
  from_unit_name: string;
  from_doctor_name: string;
  host_org_unit_id: number;
  host_unit_name: string;
  host_department_name: string | null;
  expert_name: string | null;
  expert_title?: string | null;
  question?: string;
  return_reason?: string | null;
  slot_start: string | null;
  slot_end: string | null;
  half_hours: number | null;
  room: string | null;
  fee: string | null;
  ready_due_at: string | null;
  ready_at: string | null;
  room_person?: string | null;
  equipment_check?: string | null;
  opinion_due_at: string | null;
  opinion_at: string | null;
  opinion?: string | null;
  evaluation_score: number | null;
  evaluation_note?: string | null;
  referral_id: number | null;
  cancel_reason?: string | null;
  cancel_note?: string | null;
  cancelled_at?: string | null;
  reschedules?: number;
  ready_late: boolean;
  opinion_late: boolean;
  next_due_at: string | null;
  minutes_left: number | null;
  allowed_actions?: string[];
  can_attach?: boolean;
  can_refer?: boolean;
  attachments?: DxRequestRecord['attachments'];
  events?: DxRequestRecord['events'];
}
