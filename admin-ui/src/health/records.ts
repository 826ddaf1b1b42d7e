// The health records as the API answers them (api/health/model.ts and the names its lists join in).
import type { RaRecord } from 'react-admin';
import type { FollowupType } from '../../../api/health/enums';
import type { Condition, Medication } from '../../../api/health/rules';

/** GET /api/residents: a resident, with the tags and age the API derives; list rows add the last readings and the next task */
export interface ResidentRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  managing_org_unit_id: number;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  id_number_masked: string;
  phone: string | null;
  household: string | null;
  household_id: number | null;
  household_relation: string | null;
  insured: boolean;
  conditions: Condition[];
  tags: string[];
  age: number;
  deregistered_on: string | null;
  deregistration_reason: string | null;
}

/** GET /api/residents/:id: a resident with the active contract and the history of units */
export interface ResidentDetail extends ResidentRecord {
  active_contract: { id: number; team_id: number; package_code: string; start_on: string; end_on: string; status: string } | null;
  transfers: { id: number; from_org_unit_id: number; to_org_unit_id: number; transferred_on: string; reason: string | null }[];
  care_transfers: { id: number; from_org_unit_id: number; to_org_unit_id: number; referral_id: number | null; at: string }[];
}

/** A row of GET /api/residents (my patients): the last readings, the control of the last chronic visit, the next task */
export interface PatientRecord extends ResidentRecord {
  last_bp: { systolic: number; diastolic: number; visited_on: string } | null;
  last_glucose: { fasting_glucose: number; visited_on: string } | null;
  control: Record<string, string> | null;
  next_due_on: string | null;
  overdue: boolean;
}

/** GET /api/households: a household, with its head, its members and their visits due (list rows) */
export interface HouseholdRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  code: string;
  address: string | null;
  head_name: string | null;
  member_count: number;
  due_count: number;
}

/** A member's open task on the household's page */
export interface HouseholdMemberTask {
  id: string;
  resident_id: number;
  type: FollowupType;
  due_on: string;
  window_end: string;
  overdue: boolean;
}

/** A member of a household, with the tasks a visit can do */
export interface HouseholdMember {
  id: number;
  name: string;
  sex: 'M' | 'F';
  age: number;
  tags: string[];
  household_relation: string | null;
  tasks: HouseholdMemberTask[];
}

/** GET /api/households/:id: a household with its members */
export interface HouseholdDetail {
  id: number;
  code: string;
  address: string | null;
  org_unit_id: number;
  members: HouseholdMember[];
}

/** GET /api/followups: a visit, with the resident's name (list rows) and the elderly check (a visit's page) */
export interface FollowupRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  resident_id: number | null;
  resident_name?: string | null;
  type: string;
  mode: string;
  visited_on: string;
  systolic: number | null;
  diastolic: number | null;
  fasting_glucose: number | null;
  weight_kg: number | null;
  height_cm: number | null;
  heart_rate: number | null;
  classification: string | null;
  advice: string | null;
  topic: string | null;
  attendees: number | null;
  notes: string | null;
  task_id: string | null;
  doctor_user_id: number | null;
  symptoms: string[] | null;
  adverse_reaction: boolean | null;
  new_complication: boolean | null;
  medications: Medication[] | null;
  referral_reason: string | null;
  next_visit_on: string | null;
  referral_id: number | null;
  elderly_check?: ElderlyCheckRecord | null;
}

/** The elderly annual check of a visit of type elderly_check (GET /api/followups/:id) */
export interface ElderlyCheckRecord {
  followup_id: number;
  eating: string;
  grooming: string;
  dressing: string;
  toileting: string;
  activity: string;
  self_care_score: number;
  self_care_level: string;
  health_self_assessment: string | null;
  cognition_screen: string | null;
  emotion_screen: string | null;
  exam_abnormal: string[];
  haemoglobin: number | null;
  total_cholesterol: number | null;
  triglycerides: number | null;
  ecg: string | null;
  findings: string[];
  assessment: string;
  guidance: string[];
  risk_advice: string[];
  next_check_on: string;
}

/** GET /api/contracts: a family-doctor contract, with the resident's name */
export interface ContractRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  resident_id: number;
  resident_name: string;
  team_id: number;
  package_code: string;
  signed_on: string;
  start_on: string;
  end_on: string;
  status: string;
  terminated_on: string | null;
  termination_reason: string | null;
  renewed_from_id: number | null;
}

/** GET /api/family-doctor-teams: a team, with its leader's name and counts (list rows), its villages and members (a team's page) */
export interface TeamRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  code: string;
  name: string;
  active: boolean;
  leader_name: string | null;
  member_count: number;
  active_contracts: number;
  village_ids: number[];
}

/** GET /api/followup-schedules: a schedule of visits for a population */
export interface ScheduleRecord extends RaRecord {
  id: string;
  code: string;
  followup_type: string;
  population: string;
  period_months: number;
  due_within_days: number;
  name: string;
  norm: string | null;
  active: boolean;
}

/** GET /api/doctor-targets: a village doctor's goals for one month, with the doctor's name */
export interface DoctorTargetRecord extends RaRecord {
  id: number;
  user_id: number;
  org_unit_id: number;
  month: string;
  followups_goal: number | null;
  contracts_goal: number | null;
  checks_goal: number | null;
  note: string | null;
  doctor_name: string | null;
  username: string | null;
}

/** GET /api/tasks: a visit due, with the resident's name; `overdue` when its due date has passed */
export interface TaskRecord extends RaRecord {
  id: string;
  resident_id: number;
  resident_name: string;
  type: string;
  due_on: string;
  window_start: string;
  window_end: string;
  state: string;
  overdue: boolean;
  /** the task's page (GET /api/tasks/:id): its changes of state, the creation first */
  history?: TaskEventRecord[];
}

/** A change of a task's state */
export interface TaskEventRecord {
  task_id: string;
  from_state: string | null;
  to_state: string;
  at: string;
  actor_name: string;
  followup_id: number | null;
  reason: string | null;
}
