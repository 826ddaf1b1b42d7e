// Every list of values of the chief pharmacist's prescription review (总药师处方点评), with its zh and
// en labels: the API's zod schemas and rules, the UI's choices and translations, the import file's
// Chinese headers and the migration's CHECK constraints derive from it.
// The admin UI imports this file: nothing from node or the database.
import { defineEnum } from '../core/enums';

export const RX_CARE_TYPE = defineEnum('rx_care_type', {
  outpatient: { zh: '门急诊', en: 'Outpatient' },
  inpatient: { zh: '住院', en: 'Inpatient' },
});
/** how a drug is given; `injection` is what the injection rate and the oral-would-do rule count */
export const DRUG_ROUTE = defineEnum('drug_route', {
  oral: { zh: '口服', en: 'Oral' },
  injection: { zh: '注射', en: 'Injection' },
  topical: { zh: '外用', en: 'Topical' },
  inhaled: { zh: '吸入', en: 'Inhaled' },
  other: { zh: '其他', en: 'Other' },
});
/** the automatic flags for irrational use, each a rule of rules.ts with its configuration */
export const RX_FLAG = defineEnum('rx_flag', {
  antibiotic_without_indication: { zh: '无指征使用抗菌药物', en: 'Antibiotic without an infection' },
  too_many_drugs: { zh: '药品品种数超限', en: 'Too many drugs' },
  duplicate_class: { zh: '重复用药（同类药品）', en: 'Duplicate drug class' },
  dose_out_of_range: { zh: '剂量超出范围', en: 'Dose out of range' },
  injection_oral_would_do: { zh: '可口服却用注射剂', en: 'Injection where oral would do' },
  suspended_drug: { zh: '开具已停用的药品', en: 'Drug suspended for the prescriber' },
});
/** 点评: pending → reviewed (with its outcome), reviewed → pending again (reopened, with the reason) */
export const RX_REVIEW_STATUS = defineEnum('rx_review_status', {
  pending: { zh: '待点评', en: 'To review' },
  reviewed: { zh: '已点评', en: 'Reviewed' },
});
export const RX_OUTCOME = defineEnum('rx_outcome', {
  rational: { zh: '合理', en: 'Rational' },
  irrational: { zh: '不合理', en: 'Irrational' },
});
/** the three kinds of irrational prescription of 医院处方点评管理规范 */
export const RX_IRRATIONAL_REASON = defineEnum('rx_irrational_reason', {
  nonstandard: { zh: '不规范处方', en: 'Non-standard prescription' },
  inappropriate: { zh: '用药不适宜处方', en: 'Inappropriate drug use' },
  excessive: { zh: '超常处方', en: 'Excessive prescription' },
});
export const PRESCRIBER_ACTION_KIND = defineEnum('prescriber_action_kind', {
  interview: { zh: '约谈', en: 'Interview' },
  suspend: { zh: '停用药品', en: 'Suspend a drug' },
  penalty: { zh: '处罚', en: 'Penalty' },
});
/** an action is tracked to closure: open → closed (with its outcome), or cancelled */
export const PRESCRIBER_ACTION_STATUS = defineEnum('prescriber_action_status', {
  open: { zh: '处理中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
});
/** the figures per unit and their direction against the target (max: at most, min: at least) */
export const RX_FIGURE = defineEnum('rx_figure', {
  drug_share: { zh: '药占比（医保结算）', en: 'Drug share (claims)', direction: 'max' },
  antibiotic_rate: { zh: '门诊抗菌药物使用率', en: 'Outpatient antibiotic rate', direction: 'max' },
  injection_rate: { zh: '门诊注射剂使用率', en: 'Outpatient injection rate', direction: 'max' },
  avg_drugs: { zh: '门诊处方平均品种数', en: 'Drugs per outpatient prescription', direction: 'max' },
  flagged_share: { zh: '预警处方占比', en: 'Flagged share', direction: 'max' },
  reviewed_share: { zh: '点评率', en: 'Reviewed share', direction: 'min' },
});
/** the prescription file's columns in template order: zh is the header a file may carry instead of the field name */
export const RX_COLUMN = defineEnum('rx_column', {
  prescription_no: { zh: '处方号', en: 'Prescription number' },
  unit_code: { zh: '机构编码', en: 'Unit code' },
  department: { zh: '科室', en: 'Department' },
  prescriber: { zh: '处方医师', en: 'Prescriber' },
  prescribed_on: { zh: '处方日期', en: 'Date' },
  care_type: { zh: '门诊或住院', en: 'Care type' },
  patient_id: { zh: '患者身份证号或病历号', en: 'Patient ID or record number' },
  patient_age: { zh: '年龄', en: 'Age' },
  patient_sex: { zh: '性别', en: 'Sex' },
  diagnosis_codes: { zh: '诊断ICD10', en: 'Diagnosis codes (ICD-10)' },
  diagnosis_text: { zh: '诊断', en: 'Diagnosis' },
  item_no: { zh: '药品序号', en: 'Item number' },
  drug_name: { zh: '药品名称', en: 'Drug' },
  drug_class: { zh: '药理分类', en: 'Drug class' },
  antibiotic: { zh: '抗菌药物', en: 'Antibiotic' },
  route: { zh: '给药途径', en: 'Route' },
  dose: { zh: '单次剂量', en: 'Dose' },
  dose_unit: { zh: '剂量单位', en: 'Dose unit' },
  days: { zh: '天数', en: 'Days' },
});

export const PHARMACY_ENUMS = [
  RX_CARE_TYPE,
  DRUG_ROUTE,
  RX_FLAG,
  RX_REVIEW_STATUS,
  RX_OUTCOME,
  RX_IRRATIONAL_REASON,
  PRESCRIBER_ACTION_KIND,
  PRESCRIBER_ACTION_STATUS,
  RX_FIGURE,
  RX_COLUMN,
];
