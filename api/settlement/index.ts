// The settlement domain's public face: runs and their figures for the workbooks, and the
// defaults the demo loader calculates a year of runs with.
export { SettlementRun } from './model';
export { CLAIM_COLUMNS } from './claimRules';
export { calculateIn, runReport } from './runs';
export type { RunFigures } from './calculation';
export { DEFINITIONS } from './definitions';
export { GATE, gateIsScore, SETTLEMENT_ENUMS, type GateDef, type GateRegistry } from './enums';
export { DEFAULT_ALLOCATION, DEFAULT_GATES, DEFAULT_INDICATOR_THRESHOLDS, DEFAULT_PROFILE, DEFAULT_TIERS, periodText, type Indicator } from './rules';
// the budget arithmetic, so the demo sets last year's premiums to land on the reference surplus rate exactly
export { budgetOf, DEFAULT_BUNDLE_RATIO, rate4 } from './rules';
export { settlementGrants } from './grants';
export { monthlyProvisionalJob } from './jobs';
export { settlementRouters } from './routes';
