// The staff record's columns, written once: what the API accepts on hire and edit, what the
// registry's list answers and what the 人员花名册 workbook writes are all derived from here, and
// fields.test.ts holds the `staff` table to it (every column is here or in NOT_FIELDS).
// Adding a staff field: the migration, an entry here, and the admin UI (README "Adding a staff field").
import { z } from 'zod';
import { isoDate, positiveId } from '../../http/validate';
import type { Enum } from '../../core/enums';
import { EMPLOYMENT_TYPE, SEX, STAFF_CATEGORY, STAFF_STATUS, TITLE } from '../enums';

/** A roster column: its header and width or format. */
export interface RosterColumn {
  header: string;
  width?: number;
  fmt?: 'date';
  /** The list of a coded value, written by its Chinese label. */
  coded?: Enum<string>;
  /** The select expression, when the roster shows a joined name instead of the column (s: staff, e/w: units, d: department). */
  sql?: string;
}

interface StaffField {
  /** Accepted on hire and on a plain edit (omitted: written by the API only). */
  input?: z.ZodType;
  /** Answered by the registry's list and pickers. */
  list?: true;
  roster?: RosterColumn;
}

const id = positiveId;

/** In the order of the roster's columns. */
export const STAFF_FIELDS = {
  id: { list: true, roster: { header: '编号', width: 8 } },
  name: { input: z.string().trim().min(1).max(50), list: true, roster: { header: '姓名', width: 10 } },
  sex: { input: z.enum(SEX.values).optional(), list: true, roster: { header: '性别', width: 6, coded: SEX } },
  birth_date: { input: isoDate.optional(), roster: { header: '出生日期', fmt: 'date' } },
  id_number_masked: { list: true, roster: { header: '身份证号', width: 20 } },
  phone: {
    input: z
      .string()
      .regex(/^[0-9+\- ]{5,20}$/, 'digits, + and - (5–20)')
      .nullable()
      .optional(),
  },
  category: { input: z.enum(STAFF_CATEGORY.values), list: true, roster: { header: '人员类别', width: 10, coded: STAFF_CATEGORY } },
  title: { input: z.enum(TITLE.values).nullable().optional(), list: true, roster: { header: '职称', width: 12, coded: TITLE } },
  employment_type: { input: z.enum(EMPLOYMENT_TYPE.values), list: true, roster: { header: '用工形式', width: 10, coded: EMPLOYMENT_TYPE } },
  employer_org_unit_id: { input: id, list: true, roster: { header: '聘用单位', width: 24, sql: 'e.name' } },
  work_org_unit_id: { input: id.optional(), list: true, roster: { header: '工作单位', width: 24, sql: 'w.name' } },
  department_id: { input: id.nullable().optional(), list: true, roster: { header: '科室', width: 14, sql: 'd.name' } },
  post_id: { list: true },
  hire_date: { input: isoDate, list: true, roster: { header: '入职日期', fmt: 'date' } },
  status: { list: true, roster: { header: '状态', width: 8, coded: STAFF_STATUS } },
  leave_reason: {},
  left_on: {},
  user_id: { input: id.nullable().optional() },
  created_at: {},
  updated_at: {},
} satisfies Record<string, StaffField>;

export type StaffFieldName = keyof typeof STAFF_FIELDS;

/** Columns of `staff` that are no field of the record: the ID number's hash and cipher never leave the API. */
export const NOT_FIELDS = ['id_number_hash', 'id_number_cipher'] as const;

const entries = Object.entries(STAFF_FIELDS) as [StaffFieldName, StaffField][];

/** The zod fields accepted on hire and edit. */
export const staffInputs = Object.fromEntries(entries.filter(([, f]) => f.input).map(([k, f]) => [k, f.input!])) as {
  [K in StaffFieldName as (typeof STAFF_FIELDS)[K] extends { input: z.ZodType } ? K : never]: (typeof STAFF_FIELDS)[K] extends { input: infer T } ? T : never;
};

/** The registry's list columns (no ID-number cipher or hash). */
export const STAFF_LIST_COLUMNS = entries.filter(([, f]) => f.list).map(([k]) => k);

/** The roster's columns from the record, each with the select expression that reads it. */
export const STAFF_ROSTER_COLUMNS = entries.flatMap(([key, f]) => (f.roster ? [{ key, ...f.roster, sql: f.roster.sql ?? `s.${key}` }] : []));
