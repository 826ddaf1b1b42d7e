// The quality domain's public face. Performance pay reads a unit's quality score for a period as its
// quality factor through `unitQualityScores` (score / 100; null when the unit was not inspected).
export { unitQualityScores, type UnitQualityScore } from './service';
// the quality workbook's data (reports/quality.ts)
export { qualityReport } from './service';
export { FINDING_STATUS, INSPECTION_KIND, INSPECTION_STATUS, SEVERITY } from './enums';
export { inspectionScore, qualityScore, SEVERITY_POINTS, OVERDUE_MULTIPLIER, type QualityScore } from './rules';
export { qualityGrants } from './rules';
export { QUALITY_ENUMS } from './enums';
export { escalationJob as qualityEscalationJob } from './jobs';
export { qualityRouters } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { Checklist, ChecklistItem, Committee, CommitteeMeeting, CommitteeMember, Finding, FindingEvent, Inspection } from './model';
export type { findingPage, inspectionPage, qualityScores } from './service';
