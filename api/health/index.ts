// The health domain's public face: residents and their care for referrals (and the referral a
// follow-up's advice calls for), indicators for settlement and the workbooks, and the rules the
// demo loader plans a year of care with.
export {
  careTransfers,
  followupReferralDraft,
  linkFollowupReferral,
  controlRates,
  healthIndicators,
  residentByIdNumberHash,
  residentsForReferral,
  syncManagingUnits,
  transferCare,
  workloadReport,
  LOOKAHEAD_DAYS,
  type ResidentFacts,
  type WorkloadRow,
} from './service';
export { lapsedTasks, recordedWork, workResidents, type LapsedTask, type RecordedWork, type WorkRef } from './payWork';
export {
  addDays,
  assess,
  bmiOf,
  contractEnd,
  daysBetween,
  deriveFollowup,
  elderlyFindings,
  needsRecheck,
  nextElderlyCheckOn,
  nextVisitOn,
  openStateOn,
  recheckPlan,
  selfCare,
  storedTags,
  taskPlanner,
  type Condition,
  type HealthIndicators,
  type Ratio,
  type Medication,
  type PreviousVisit,
  type ReferralDraft,
  type Schedule,
  type TaskPlan,
} from './rules';
export { FOLLOWUP_TYPE, HEALTH_ENUMS, INDICATOR, type ConditionCode, type FollowupType, type HouseholdRelation } from './enums';
export { healthGrants } from './rules';
export { healthDailyJob } from './jobs';
export { healthRouters } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { Contract, DoctorTarget, ElderlyCheck, FollowupSchedule, Household, Task, TaskEvent, Team } from './model';
export type { residentView, readResident } from './residentService';
export type { readHousehold } from './householdService';
export type { readFollowup } from './followupService';
export type { readTask } from './taskService';
// the national monitoring indicators' reads of the residents (api/monitoring)
export {
  deathsByAgeGroup,
  deathsWithCause,
  managedChronicPeople,
  mortalityRecords,
  residentRecords,
  residentsOnRecordByUnit,
  type AgeGroupRow,
  type ResidentRecord,
} from './monitoring';
