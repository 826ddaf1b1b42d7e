// The quality records as the API answers them: its models (api/quality/model.ts) as JSON, and the
// answers of the reads that add items, scores, findings and timelines (imported as types only).
import type { AnswerOf, Json } from '../../../api/core/json';
import type {
  Checklist,
  ChecklistItem,
  Committee,
  CommitteeMeeting,
  CommitteeMember,
  Finding,
  findingPage,
  inspectionPage,
  qualityScores,
} from '../../../api/quality';

/** GET /api/committees: with its member count */
export type CommitteeRecord = Json<Committee> & { member_count: number };
/** GET /api/committee-members: with the person's name from the HR registry */
export type MemberRecord = Json<CommitteeMember> & { staff_name: string | null };
export type MeetingRecord = Json<CommitteeMeeting>;
/** GET /api/checklists: with its items and their total maximum */
export type ChecklistRecord = Json<Checklist> & { items: Json<ChecklistItem>[]; max_total: string };
/** GET /api/quality-inspections/:id: the items with their scores, the findings */
export type InspectionPage = AnswerOf<typeof inspectionPage>;
/** GET /api/quality-findings: with whether it is overdue today */
export type FindingRecord = Json<Finding> & { overdue: boolean };
/** GET /api/quality-findings/:id: with its timeline and the steps the caller may take */
export type FindingPage = AnswerOf<typeof findingPage>;
/** GET /api/quality-scores */
export type UnitScore = AnswerOf<typeof qualityScores>[number];
