// The monitoring domain's public face (the national 医共体 indicators, issue 21 part 1): what
// api/domains.ts wires, the registry the workbook and the screens read, and the figures.
export { MIN_VILLAGE_PATIENTS, monitoringGrants } from './rules';
export { monitoringRouters } from './routes';
export { BETTER, DIMENSION, INDICATOR, MONITORING_ENUMS, POPULATION_SOURCE, SOURCE, STANDING, UNIT as MONITORING_UNIT, type IndicatorCode } from './enums';
export {
  chronicAdmissions,
  chronicAdmissionRates,
  chronicAdmissionsOf,
  monitoringIndicators,
  yearFigures,
  type IndicatorRow,
  type JudgedVillageAdmissions,
  type VillageAdmissions,
  type YearFigure,
} from './service';
// the answers the API sends, for the admin UI to `import type` (api/core/json.ts)
export type { indicatorRecords, readTargets, EvidenceView } from './service';
export type { VisitCount } from './model';
