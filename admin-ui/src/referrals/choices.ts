// Choices of the referral lists, derived from the API's (api/referrals/enums.ts); labels are i18n keys.
import { DIRECTION, PURPOSE, STATUS, URGENCY } from '../../../api/referrals/enums';

export const DIRECTION_CHOICES = DIRECTION.choices();
export const URGENCY_CHOICES = URGENCY.choices();
export const STATUS_CHOICES = STATUS.choices();
export const PURPOSE_CHOICES = PURPOSE.choices();

/** A referral row as the API answers it. */
/** Level of a village clinic (村卫生室): it, and any member below it, publishes no appointment slots. */
export const VILLAGE_LEVEL = 4;

export interface ReferralRecord {
  id: number;
  patient_name: string;
  diagnosis_code: string;
  diagnosis_text: string;
  reason: string;
  to_unit_name: string | null;
  status: string;
  urgency: string;
  direction: string;
  requested_at: string;
  due_at: string;
  appointment_at: string | null;
  escalated_at: string | null;
  to_org_unit_id: number | null;
  to_level: number | null;
  to_department_id: number | null;
  /** the remote consultation it was started from (远程会诊) */
  consultation_id?: number | null;
  fees: {
    registration_fee: string;
    registration_due: string;
    registration_waived: boolean;
    threshold: string;
    threshold_paid_before: string;
    threshold_offset: string;
    threshold_due: string;
    basis: string[];
  };
  events?: { id: number; kind: string; actor_name: string; at: string; note: string | null; data: ReferralEventData | null }[];
  unit_history?: { id: number; from_org_unit_id: number; to_org_unit_id: number; at: string }[];
  patient_managing_org_unit_id?: number | null;
  allowed_actions?: string[];
}

/** What an event of the timeline records beside its kind: a booking's slot, appointment time and department name (api/referrals/service.ts). */
export type ReferralEventData = { slot_id?: number; appointment_at?: string; department?: string | null } & Record<string, unknown>;
