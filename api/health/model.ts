import { Model } from 'objection';
import type { FollowupType } from './enums';
import type { Condition, Medication } from './rules';

/** 居民健康档案. The full ID number is only in `id_number_cipher`, never serialised. */
export class Resident extends Model {
  id!: number;
  org_unit_id!: number;
  /** the unit managing the resident now (管理单位): the village, or where a referral took them */
  managing_org_unit_id!: number;
  name!: string;
  sex!: 'M' | 'F';
  birth_date!: string;
  id_number_hash!: string;
  id_number_masked!: string;
  id_number_cipher!: string;
  phone!: string | null;
  /** the household's code (户编号), kept equal to households.code by the service */
  household!: string | null;
  household_id!: number | null;
  household_relation!: string | null;
  insured!: boolean;
  conditions!: Condition[];
  tags!: string[];
  deregistered_on!: string | null;
  deregistration_reason!: string | null;
  /** the underlying cause of a death (ICD-10), given with the deregistration */
  death_cause!: string | null;
  created_at!: string;
  updated_at!: string;
  /** "my patients" (the list's care_columns, residentService.ts MY_PATIENT_COLUMNS): the last readings, the control, the next task's due date */
  declare last_bp?: { systolic: number; diastolic: number; visited_on: string } | null;
  declare last_glucose?: { fasting_glucose: number; visited_on: string } | null;
  declare control?: Record<string, string> | null;
  declare next_due_on?: string | null;

  static tableName = 'residents';

  $formatJson(json: Record<string, unknown>) {
    const { id_number_hash: _h, id_number_cipher: _c, ...rest } = super.$formatJson(json);
    return rest;
  }
}

/** 户: residents of one village living together; the members are the residents naming it. */
export class Household extends Model {
  id!: number;
  org_unit_id!: number;
  code!: string;
  address!: string | null;
  created_at!: string;
  updated_at!: string;
  /** the head's name and the counts, added by the list (householdService.ts householdResource.applyCustom) */
  declare head_name?: string | null;
  declare member_count?: number;
  declare due_count?: number;
  static tableName = 'households';
}

/** A village doctor's goals for one month; a null goal takes its default from the records. */
export class DoctorTarget extends Model {
  id!: number;
  user_id!: number;
  org_unit_id!: number;
  month!: string;
  followups_goal!: number | null;
  contracts_goal!: number | null;
  checks_goal!: number | null;
  note!: string | null;
  created_at!: string;
  updated_at!: string;
  /** the doctor's name and login, joined in by the list (targetService.ts) */
  declare doctor_name?: string | null;
  declare username?: string | null;
  static tableName = 'doctor_targets';
}

export class ResidentTransfer extends Model {
  id!: number;
  resident_id!: number;
  from_org_unit_id!: number;
  to_org_unit_id!: number;
  transferred_on!: string;
  reason!: string | null;
  actor_id!: number | null;
  actor_name!: string | null;
  created_at!: string;
  static tableName = 'resident_transfers';
}

/** A change of the resident's managing unit (care follows a referral), as DHIS2's ownership history. */
export class CareTransfer extends Model {
  id!: number;
  resident_id!: number;
  from_org_unit_id!: number;
  to_org_unit_id!: number;
  referral_id!: number | null;
  at!: string;
  actor_id!: number | null;
  actor_name!: string | null;
  static tableName = 'resident_care_transfers';
}

export class ServicePackage extends Model {
  code!: string;
  name!: string;
  description!: string | null;
  services!: { code: string; name: string; yearly_count: number }[];
  active!: boolean;
  static tableName = 'service_packages';
  static idColumn = 'code';
}

export class FollowupSchedule extends Model {
  code!: string;
  followup_type!: string;
  population!: string;
  period_months!: number;
  due_within_days!: number;
  name!: string;
  norm!: string | null;
  active!: boolean;
  static tableName = 'followup_schedules';
  static idColumn = 'code';
}

/** 家庭医生团队, led from a township centre (org_unit_id), serving villages. */
export class Team extends Model {
  id!: number;
  org_unit_id!: number;
  code!: string;
  name!: string;
  active!: boolean;
  created_at!: string;
  updated_at!: string;
  village_ids?: number[];
  /** the leader's name and the counts, added by the list (teamService.ts teamResource) */
  declare leader_name?: string | null;
  declare member_count?: number;
  declare active_contracts?: number;

  static tableName = 'family_doctor_teams';
}

/** A team member is a user (HR's staff.user_id links the staff record to the same user). */
export class TeamMember extends Model {
  team_id!: number;
  user_id!: number;
  role!: string;
  is_leader!: boolean;
  static tableName = 'team_members';
  static idColumn = ['team_id', 'user_id'];
}

export class Contract extends Model {
  id!: number;
  org_unit_id!: number;
  resident_id!: number;
  team_id!: number;
  package_code!: string;
  signed_on!: string;
  start_on!: string;
  end_on!: string;
  status!: string;
  terminated_on!: string | null;
  termination_reason!: string | null;
  renewed_from_id!: number | null;
  signed_by_user_id!: number | null;
  created_at!: string;
  updated_at!: string;
  /** the resident's name, joined in by the list (contractService.ts) */
  declare resident_name?: string;
  static tableName = 'contracts';
}

// numeric columns read back as numbers in the API (they are not money)
const FOLLOWUP_DECIMALS = [
  'fasting_glucose',
  'weight_kg',
  'height_cm',
  'target_weight_kg',
  'bmi',
  'target_bmi',
  'drinking_per_day',
  'drinking_target',
  'hba1c',
];
const ELDERLY_DECIMALS = ['temperature_c', 'waist_cm', 'wbc', 'total_bilirubin', 'urea', 'total_cholesterol', 'triglycerides', 'ldl', 'hdl'];

/** 随访 / 健康管理服务记录; a hypertension or diabetes visit is the national 随访服务记录表 (rows before it have the readings only). */
export class Followup extends Model {
  id!: number;
  org_unit_id!: number;
  resident_id!: number | null;
  type!: string;
  mode!: string;
  visited_on!: string;
  systolic!: number | null;
  diastolic!: number | null;
  fasting_glucose!: number | null;
  weight_kg!: number | null;
  height_cm!: number | null;
  heart_rate!: number | null;
  classification!: string | null;
  advice!: string | null;
  topic!: string | null;
  attendees!: number | null;
  notes!: string | null;
  task_id!: string | null;
  doctor_user_id!: number | null;
  created_at!: string;
  // the national record
  symptoms!: string[] | null;
  symptoms_other!: string | null;
  target_weight_kg!: number | null;
  bmi!: number | null;
  target_bmi!: number | null;
  dorsalis_pedis!: string | null;
  signs_other!: string | null;
  smoking_per_day!: number | null;
  smoking_target!: number | null;
  drinking_per_day!: number | null;
  drinking_target!: number | null;
  exercise_per_week!: number | null;
  exercise_minutes!: number | null;
  exercise_per_week_target!: number | null;
  exercise_minutes_target!: number | null;
  salt_intake!: string | null;
  salt_intake_target!: string | null;
  staple_food_g!: number | null;
  staple_food_target_g!: number | null;
  psychological_adjustment!: string | null;
  compliance!: string | null;
  hba1c!: number | null;
  exams_other!: string | null;
  medication_adherence!: string | null;
  adverse_reaction!: boolean | null;
  adverse_reaction_text!: string | null;
  hypoglycaemia!: string | null;
  new_complication!: boolean | null;
  complication_text!: string | null;
  medications!: Medication[] | null;
  on_target!: boolean | null;
  referral_reason!: string | null;
  next_visit_on!: string | null;
  referral_id!: number | null;
  /** the resident's name, joined in by the list (followupService.ts) */
  declare resident_name?: string | null;
  static tableName = 'followups';
  static jsonAttributes = ['medications'];

  $parseDatabaseJson(json: Record<string, unknown>) {
    const out = super.$parseDatabaseJson(json);
    for (const k of FOLLOWUP_DECIMALS) if (out[k] != null) out[k] = Number(out[k]);
    return out;
  }
}

/** 老年人健康管理: the elderly annual check, the detail of its follow-up row (type elderly_check). */
export class ElderlyCheck extends Model {
  followup_id!: number;
  eating!: string;
  grooming!: string;
  dressing!: string;
  toileting!: string;
  activity!: string;
  self_care_score!: number;
  self_care_level!: string;
  health_self_assessment!: string | null;
  cognition_screen!: string | null;
  emotion_screen!: string | null;
  temperature_c!: number | null;
  respiration_rate!: number | null;
  waist_cm!: number | null;
  exam_abnormal!: string[];
  exam_notes!: string | null;
  haemoglobin!: number | null;
  wbc!: number | null;
  platelets!: number | null;
  urine_protein!: string | null;
  alt!: number | null;
  ast!: number | null;
  total_bilirubin!: number | null;
  creatinine!: number | null;
  urea!: number | null;
  total_cholesterol!: number | null;
  triglycerides!: number | null;
  ldl!: number | null;
  hdl!: number | null;
  ecg!: string | null;
  ultrasound!: string | null;
  findings!: string[];
  assessment!: string;
  abnormal_notes!: string | null;
  guidance!: string[];
  risk_advice!: string[];
  next_check_on!: string;
  static tableName = 'elderly_checks';
  static idColumn = 'followup_id';

  $parseDatabaseJson(json: Record<string, unknown>) {
    const out = super.$parseDatabaseJson(json);
    for (const k of ELDERLY_DECIMALS) if (out[k] != null) out[k] = Number(out[k]);
    return out;
  }
}

export class Task extends Model {
  id!: string;
  org_unit_id!: number;
  resident_id!: number;
  schedule_code!: string;
  type!: FollowupType;
  period!: string;
  window_start!: string;
  window_end!: string;
  due_on!: string;
  state!: string;
  followup_id!: number | null;
  done_on!: string | null;
  created_at!: string;
  updated_at!: string;
  /** the resident's name and whether it is overdue, added by the list (taskService.ts taskResource) */
  declare resident_name?: string;
  declare overdue?: boolean;
  static tableName = 'tasks';
}

export class TaskEvent extends Model {
  id!: number;
  task_id!: string;
  from_state!: string | null;
  to_state!: string;
  at!: string;
  actor_name!: string;
  followup_id!: number | null;
  reason!: string | null;
  static tableName = 'task_events';
}
