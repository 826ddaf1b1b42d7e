// The diagnosis centres' public face (五大诊断中心): what api/domains.ts wires, the norms the demo
// loader starts services from, the lists of values and the records the admin UI reads.
export { diagnosisGrants, defaultNorms, readerProblem, dueAt as diagnosisDueAt, type CentreKind, type Urgency as DiagnosisUrgency } from './rules';
export { DIAGNOSIS_ENUMS, CENTRE_KIND, DX_STATUS, DX_URGENCY, AGREEMENT, CONSULTATION_STATUS } from './enums';
export { diagnosisRouters, figuresQuery as diagnosisFiguresQuery } from './routes';
// the figures workbook's reads (reports/diagnosis.ts)
export { diagnosisFigures } from './figures';
export { chestPainFiguresOf } from './chestPain';
export { criticalValueJob } from './jobs';
export type { DiagnosisCentre, DiagnosisRequest, DiagnosisService, DiagnosisSample } from './model';
// the use-cases the demo loader runs its chest-pain case through (seeds/chestPain.ts)
export { createRequest as createDiagnosisRequest, attach as attachToDiagnosisRequest, step as diagnosisStep } from './service';
export { startChestPain, recordChestPainTime } from './chestPain';
// the national monitoring indicators' read of the ECG requests (api/monitoring)
export { villageEcgRequests, type VillageEcg } from './monitoring';
// 远程会诊: the records the admin UI reads; the rules the demo loader books its consultations with
export type { DiagnosisConsultation } from './consultations/model';
export {
  consultationFee,
  DEFAULT_CONSULTATION_SETTINGS,
  expertProblem as consultationExpertProblem,
  slotEnd,
  readyDueAt,
  opinionDueAt,
} from './consultations/rules';
