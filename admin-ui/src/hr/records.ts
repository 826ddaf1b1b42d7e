// The HR records as the API answers them (api/hr/*/model.ts and the names its lists join in).
import type { RaRecord } from 'react-admin';

/** GET /api/staff: a person, with the names of their units */
export interface StaffRecord extends RaRecord {
  id: number;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  id_number_masked: string;
  phone: string | null;
  category: string;
  title: string | null;
  department_id: number | null;
  post_id: number | null;
  employment_type: string;
  employer_org_unit_id: number;
  work_org_unit_id: number;
  hire_date: string;
  status: 'active' | 'on_leave' | 'left';
  employer_name?: string;
  work_unit_name?: string;
  /** a valid licence past its expiry, and the nearest expiry to come (list rows) */
  licence_expired?: boolean;
  licence_expires_on?: string | null;
}

/** One change of a person's record (GET /api/staff/:id/history) */
export interface StaffHistoryRecord extends RaRecord {
  id: number;
  staff_id: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  effective_on: string;
  reason: string | null;
  changed_by_name: string;
  changed_at: string;
}

/** GET /api/rotations: a rotation, with the person's and the units' names */
export interface RotationRecord extends RaRecord {
  id: number;
  staff_id: number;
  type: 'down_expert' | 'up_training';
  home_org_unit_id: number;
  host_org_unit_id: number;
  start_on: string;
  planned_end_on: string;
  actual_end_on: string | null;
  status: 'planned' | 'active' | 'completed' | 'cancelled';
  purpose: string | null;
  end_reason: string | null;
  staff_name: string;
  home_name: string;
  host_name: string;
}

/** GET /api/rotation-plans */
export interface RotationPlanRecord extends RaRecord {
  id: number;
  year: number;
  quotas: Record<string, number>;
  note: string | null;
}

/** GET /api/posts */
export interface PostRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  department_id: number | null;
  name: string;
  category: string;
  headcount: number;
  filled: number;
  status: 'vacant' | 'occupied' | 'closed';
  note: string | null;
}

/** GET /api/licences */
export interface LicenceRecord extends RaRecord {
  id: number;
  staff_id: number;
  org_unit_id: number;
  kind: string;
  number: string;
  scope: string | null;
  issued_on: string;
  expires_on: string;
  status: 'valid' | 'revoked';
  staff_name: string;
  days_left: number;
}

/** GET /api/assessment-years: keyed by the year */
export interface AssessmentYearRecord extends RaRecord {
  year: number;
  excellent_share: string;
  status: 'open' | 'approved';
}

/** GET /api/title-promotions */
export interface TitlePromotionRecord extends RaRecord {
  id: number;
  staff_id: number;
  org_unit_id: number;
  year: number;
  from_title: string | null;
  to_title: string;
  status: 'submitted' | 'reviewed' | 'approved' | 'rejected';
  unit_opinion: string | null;
}

/** GET /api/assessments */
export interface AssessmentRecord extends RaRecord {
  id: number;
  staff_id: number;
  org_unit_id: number;
  year: number;
  score: string;
  grade: string;
  comment: string | null;
}

/** GET /api/village-doctor-contracts */
export interface VillageDoctorContractRecord extends RaRecord {
  id: number;
  staff_id: number;
  employer_org_unit_id: number;
  work_org_unit_id: number;
  start_on: string;
  end_on: string;
  status: 'active' | 'renewed' | 'expired' | 'exited';
  renewed_from_id: number | null;
}
