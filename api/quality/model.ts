import { Model } from 'objection';
import type { FindingStatus, Severity } from './rules';

/** A professional committee (专业委员会) or management department of the group. */
export class Committee extends Model {
  id!: number;
  name!: string;
  kind!: 'committee' | 'department';
  remit!: string | null;
  active!: boolean;
  created_at!: string;
  updated_at!: string;
  /** members counted, joined in by the list */
  declare member_count?: number;
  static tableName = 'quality_committees';
}

/** A member of a committee: a person of the HR registry. */
export class CommitteeMember extends Model {
  id!: number;
  committee_id!: number;
  staff_id!: number;
  role!: 'chair' | 'vice_chair' | 'secretary' | 'member';
  joined_on!: string | null;
  created_at!: string;
  updated_at!: string;
  /** the person's name, joined in */
  declare staff_name?: string;
  static tableName = 'quality_committee_members';
}

/** A committee's meeting or training session, with its minutes and decisions. */
export class CommitteeMeeting extends Model {
  id!: number;
  committee_id!: number;
  kind!: 'meeting' | 'training';
  held_on!: string;
  topic!: string;
  minutes!: string | null;
  decisions!: string | null;
  attendees!: number | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'quality_meetings';
}

export class ChecklistItem extends Model {
  id!: number;
  checklist_id!: number;
  seq!: number;
  title!: string;
  max_score!: string;
  static tableName = 'quality_checklist_items';
}

/** An inspection checklist (configuration): items with their maximum scores. */
export class Checklist extends Model {
  id!: number;
  name!: string;
  committee_id!: number | null;
  active!: boolean;
  created_at!: string;
  updated_at!: string;
  items?: ChecklistItem[];
  declare max_total?: string;
  static tableName = 'quality_checklists';
}

export class InspectionScore extends Model {
  id!: number;
  inspection_id!: number;
  item_id!: number;
  score!: string;
  note!: string | null;
  static tableName = 'quality_inspection_scores';
}

/** A committee's inspection of a member unit, or one unit's of another (交叉检查). */
export class Inspection extends Model {
  id!: number;
  kind!: 'committee' | 'cross';
  committee_id!: number | null;
  inspector_org_unit_id!: number | null;
  org_unit_id!: number;
  checklist_id!: number;
  inspected_on!: string;
  status!: 'open' | 'completed';
  summary!: string | null;
  score!: string | null;
  completed_at!: string | null;
  created_by!: number | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'quality_inspections';
}

/** A finding of an inspection, rectified by its owner unit and verified by the inspector. */
export class Finding extends Model {
  id!: number;
  inspection_id!: number;
  org_unit_id!: number;
  inspector_org_unit_id!: number | null;
  severity!: Severity;
  title!: string;
  description!: string | null;
  deadline!: string;
  status!: FindingStatus;
  rectification!: string | null;
  evidence!: string | null;
  reported_at!: string | null;
  rejections!: number;
  closed_at!: string | null;
  escalated_at!: string | null;
  created_by!: number | null;
  created_at!: string;
  updated_at!: string;
  /** open past its deadline today (derived by the list) */
  declare overdue?: boolean;
  static tableName = 'quality_findings';
}

export class FindingEvent extends Model {
  id!: string;
  finding_id!: number;
  kind!: string;
  from_status!: string | null;
  to_status!: string | null;
  actor_id!: number | null;
  actor_name!: string;
  at!: string;
  note!: string | null;
  static tableName = 'quality_finding_events';
}

/** A file of evidence for a finding's rectification (its bytes are read one at a time). */
export class FindingFile extends Model {
  id!: number;
  finding_id!: number;
  filename!: string;
  content_type!: string;
  size!: number;
  content!: Buffer;
  uploaded_by!: number | null;
  uploaded_by_name!: string;
  uploaded_at!: string;
  static tableName = 'quality_finding_files';
}
