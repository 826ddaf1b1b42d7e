// The settlement domain's public face: runs and their figures for the workbooks, the defaults the
// demo loader calculates a year of runs with, and the calculation's aggregate for the benchmark.
export { SettlementRun } from './runs/model';
export { CLAIM_COLUMNS } from './claims/rules';
// the streamed, idempotent file import and its cells, for another domain's files (pharmacy's prescriptions)
export { runImport, writeTemplate, type ImportOptions, type ImportSpec, type Rejection } from './import';
export { blankCell, boolCell, cellText, dateCell, rowProblem, type Cell, type RawRow, type RowProblem } from './cells';
export { type ImportProblem } from './enums';
export { claimDrugCosts, unitClaimsByDiagnosis } from './claims/service';
export { calculateIn, runReport } from './runs/service';
export { readDifference, type DifferenceView } from './runs/differenceService';
export { aggregateSql, isEstimate, rebuildClaimTotals, type RunFigures } from './runs/calculation';
export { staffPerformanceShare, type StaffPerformanceShare } from './runs/payShare';
export { settlementForTrace, type SettlementForTrace } from './runs/payShare';
export { type AdvancesView } from './advances/service';
export { type Forecast } from './runs/forecast';
export { reconcile } from './advances/rules';
export { DEFINITIONS } from './definitions';
export { type RunSpectra } from './spectrum/service';
export { DIFFERENCE_LABEL, SPECTRUM_LABEL, GATE, gateIsScore, POOL, RUN_FIELD, RUN_LABEL, SETTLEMENT_ENUMS, type GateDef, type GateRegistry } from './enums';
export { DEFAULT_ALLOCATION, DEFAULT_GATES, DEFAULT_INDICATOR_THRESHOLDS, DEFAULT_PROFILE, DEFAULT_TIERS } from './fundYears/rules';
export { periodText, type Indicator } from './runs/rules';
// the budget arithmetic, so the demo sets last year's premiums to land on the reference surplus rate exactly
export { budgetOf, DEFAULT_BUNDLE_RATIO, monthlyBudgets } from './fundYears/rules';
export { rate4 } from './runs/rules';
export { settlementGrants } from './grants';
// the demo loader, the tests and the benchmark sign off whole months of health data before a final run
export { signOffMonths } from './signoffs/service';
// an allocation input computed by another domain (api/domains.ts wires monitoring's admission rate)
export { useInputSource, type InputSource } from './runs/inputs';
export { monthlyProvisionalJob } from './jobs';
export { settlementRouters } from './routes';
// the records and answers the API sends, for the admin UI to `import type` (api/core/json.ts)
export type { Claim } from './claims/model';
export type { unitSummary } from './claims/service';
export type { withBudget } from './fundYears/service';
export type { dashboard, readRun, runSummary } from './runs/service';
export type { whatIf } from './runs/whatIf';
export type { ImportResult } from './import';
export type { signoffGrid } from './signoffs/service';
export type { diseaseSpectrum } from './spectrum/service';
// the national monitoring indicators' reads of the claims (api/monitoring)
export {
  CLAIM_SET as MONITORING_CLAIM_SET,
  claimSetRecords,
  claimSetSums,
  insuredPopulations,
  staysOfPeople,
  type InsuredPopulation,
  type ClaimRecord,
  type ClaimSet,
  type ClaimSetSums,
} from './claims/monitoring';
export { PROVIDER_KIND } from './enums';
