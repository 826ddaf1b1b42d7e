// The org lists of values, each written once with its zh and en labels: the zod schemas, the placement
// rules, the admin UI's choices and translations derive from here. The admin UI imports this file:
// import nothing from node or the database.
import { defineEnum, type EnumValue } from '../core/enums';

/**
 * The kinds of unit. A kind with a level sits at that level only (总院 → 分院 → 乡镇卫生院/社区卫生服务中心 →
 * 村卫生室); one without is an affiliated member (民营、康复、养老机构) that joined the group and hangs under any unit.
 */
export const UNIT_KIND = defineEnum('unit_kind', {
  hq: { zh: '总院', en: 'HQ hospital', level: 1 },
  branch: { zh: '分院', en: 'Branch hospital', level: 2 },
  township: { zh: '乡镇卫生院', en: 'Township health centre', level: 3 },
  community: { zh: '社区卫生服务中心', en: 'Community health centre', level: 3 },
  village: { zh: '村卫生室', en: 'Village clinic', level: 4 },
  private: { zh: '民营医院', en: 'Private hospital' },
  rehabilitation: { zh: '康复机构', en: 'Rehabilitation facility' },
  elderly_care: { zh: '养老机构', en: 'Elderly care facility' },
});
export type UnitKind = EnumValue<typeof UNIT_KIND>;

/** The group's four levels (org_units.level, a number). */
export const UNIT_LEVEL = defineEnum('unit_level', {
  '1': { zh: '总院', en: 'HQ' },
  '2': { zh: '分院', en: 'Branch' },
  '3': { zh: '乡镇/社区', en: 'Township / community' },
  '4': { zh: '村卫生室', en: 'Village' },
});

export const DEPARTMENT_KIND = defineEnum('department_kind', {
  clinical: { zh: '临床', en: 'Clinical' },
  medical_technology: { zh: '医技', en: 'Medical technology' },
  nursing: { zh: '护理', en: 'Nursing' },
  pharmacy: { zh: '药剂', en: 'Pharmacy' },
  public_health: { zh: '公共卫生', en: 'Public health' },
  administration: { zh: '行政', en: 'Administration' },
});

/** Every org list the admin UI translates as `enums.<name>.<value>`. */
export const ORG_ENUMS = [UNIT_KIND, UNIT_LEVEL, DEPARTMENT_KIND];
