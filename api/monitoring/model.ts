// The monitoring domain's own tables: the year's targets, the visits per unit and month, and the
// evidence of the qualitative indicators with its documents.
import { Model } from 'objection';

/** A year's target for one indicator (configuration; a percentage as a fraction, 0.65 = 65%). */
export class MonitoringTarget extends Model {
  id!: number;
  year!: number;
  indicator!: string;
  target!: string;
  created_at!: string;
  updated_at!: string;
  static tableName = 'monitoring_targets';
}

/** Every visit (诊疗人次, insured or not) of a unit in a month, and of them the 中医类 visits. */
export class VisitCount extends Model {
  id!: number;
  org_unit_id!: number;
  /** the month's first day */
  month!: string;
  visits!: number;
  tcm_visits!: number;
  source!: string;
  created_at!: string;
  updated_at!: string;
  static tableName = 'visit_counts';
}

/** A unit's evidence for a qualitative indicator in a year: its self-assessment and the reviewer's score and note. */
export class Evidence extends Model {
  id!: number;
  org_unit_id!: number;
  year!: number;
  indicator!: string;
  self_score!: string | null;
  self_note!: string | null;
  reviewed_score!: string | null;
  reviewer_note!: string | null;
  reviewed_by!: string | null;
  reviewed_at!: string | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'monitoring_evidence';
}

/** A document uploaded as evidence (its bytes are read one at a time). */
export class EvidenceDocument extends Model {
  id!: number;
  evidence_id!: number;
  file_name!: string;
  size!: number;
  content!: Buffer;
  uploaded_by!: string;
  created_at!: string;
  static tableName = 'monitoring_documents';
}
