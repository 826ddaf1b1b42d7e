// The pharmacy domain's public face: the chief pharmacist's prescription review (总药师处方点评).
// The demo loader writes prescriptions and derives their flags through `evaluatePrescriptions`.
export { evaluatePrescriptions } from './service/flags';
export { currentRules } from './service/settings';
export { DEFAULT_RULES, prescriptionFlags, unitFigures, pharmacyGrants, type RxRules } from './rules';
export { PHARMACY_ENUMS } from './enums';
export { pharmacyRouters } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { PrescriberAction, Prescription, PrescriptionItem } from './model';
export type { prescriptionFigures } from './service/figures';
export type { prescriptionPage } from './service/prescriptions';
export type { readAction } from './service/actions';
