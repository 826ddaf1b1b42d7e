// The pharmacy domain's public face: the chief pharmacist's prescription review (总药师处方点评).
// The demo loader writes prescriptions and derives their flags through `evaluatePrescriptions`.
export { evaluatePrescriptions } from './service/flags';
export { currentRules } from './service/settings';
export { DEFAULT_RULES, prescriptionFlags, unitFigures, pharmacyGrants, type RxRules } from './rules';
export { PHARMACY_ENUMS, PRESCRIBER_ACTION_KIND, PRESCRIBER_ACTION_STATUS, RX_FIGURE, RX_FLAG, RX_IRRATIONAL_REASON } from './enums';
export { pharmacyRouters } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { PrescriberAction, Prescription, PrescriptionItem } from './model';
export type { prescriptionFigures } from './service/figures';
// the figures workbook's data (reports/pharmacy.ts)
export { figuresReport, type FiguresReport } from './service/figures';
export type { prescriptionPage } from './service/prescriptions';
export type { readAction } from './service/actions';
