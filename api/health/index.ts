// The health domain's public face: residents and their care for referrals, indicators for
// settlement and the workbooks, and the rules the demo loader plans a year of care with.
export {
  careTransfers,
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
export {
  addDays,
  assess,
  contractEnd,
  daysBetween,
  openStateOn,
  recheckPlan,
  storedTags,
  taskPlanner,
  type Condition,
  type HealthIndicators,
  type Schedule,
  type TaskPlan,
} from './rules';
export { FOLLOWUP_TYPE, INDICATOR, type ConditionCode, type FollowupType, type HouseholdRelation } from './enums';
export { healthGrants } from './rules';
export { healthDailyJob } from './jobs';
export { healthRouters } from './routes';
