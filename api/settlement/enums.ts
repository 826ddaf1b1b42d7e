// Every list of values of settlement, with its zh and en labels: the API's zod schemas and rules, the
// workbook's labels, the UI's choices and translations and the migrations' CHECK constraints derive from it.
// The admin UI imports this file: nothing from node or the database.
import { defineEnum, type Enum, type EnumValue, type Labels } from '../core/enums';
import { ID_NUMBER_PROBLEM } from '../core/idNumber';
import type { ClaimSums } from './runs/rules';
import { SIGNOFF_LEVEL, SIGNOFF_STATE } from './signoffs/enums';
import { POOL } from './poolLabels';

export { SIGNOFF_LEVEL, SIGNOFF_STATE, type SignoffLevel, type SignoffState } from './signoffs/enums';
export { POOL } from './poolLabels';

export const PROVIDER_CLASS = defineEnum('provider_class', {
  in_group: { zh: '集团内', en: 'In group' },
  out_group_in_county: { zh: '县内集团外', en: 'In county, outside group' },
  out_of_county: { zh: '县外', en: 'Out of county' },
});
/** a provider's kind: a medical institution, or a retail pharmacy (定点零售药店; the fund's in-county share leaves them out) */
export const PROVIDER_KIND = defineEnum('provider_kind', {
  institution: { zh: '医疗机构', en: 'Medical institution' },
  pharmacy: { zh: '定点药店', en: 'Pharmacy' },
});
export const CARE_TYPE = defineEnum('care_type', { inpatient: { zh: '住院', en: 'Inpatient' }, outpatient: { zh: '门诊', en: 'Outpatient' } });
export const RUN_KIND = defineEnum('run_kind', { provisional: { zh: '月度暂结', en: 'Monthly provisional' }, final: { zh: '年终清算', en: 'Year-end final' } });
export const RUN_STATUS = defineEnum('run_status', {
  draft: { zh: '草稿', en: 'Draft' },
  calculated: { zh: '已计算', en: 'Calculated' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
  approved: { zh: '已批准（锁定）', en: 'Approved (locked)' },
});
/** which way a gate or indicator is good: at most (`max`) or at least (`min`) its threshold */
export const DIRECTION = defineEnum('direction', { max: { zh: '≤', en: '≤' }, min: { zh: '≥', en: '≥' } });
export type Direction = EnumValue<typeof DIRECTION>;

/** The sums of the claims a gate's value can be a ratio of. */
type SumKey = keyof ClaimSums;
export interface GateDef extends Labels {
  direction: Direction;
  /** the gate's value: a ratio of two claim sums (4 decimals), or the survey's satisfaction score */
  measure: { readonly ratio: readonly [SumKey, SumKey] } | 'satisfaction';
  /** the defaults of a fund year, and of one stored before the gate existed */
  threshold: number;
  deduction: number;
}

/**
 * 结余留用 gates, in the order they are shown: adding a gate is one entry here (see README, "Adding a settlement gate").
 * A failed gate deducts its share of the surplus; a gate without a value (no claims, no survey) fails.
 */
export const GATE = defineEnum('gate', {
  self_funded_rate: {
    zh: '自费率',
    en: 'Self-funded rate',
    direction: 'max',
    measure: { ratio: ['self_funded', 'total'] },
    threshold: 0.08,
    deduction: 0.1,
  },
  reimbursement_ratio: {
    zh: '实际报销比',
    en: 'Reimbursement ratio',
    direction: 'min',
    measure: { ratio: ['fund', 'total'] },
    threshold: 0.55,
    deduction: 0.1,
  },
  satisfaction: { zh: '参保满意度', en: 'Satisfaction', direction: 'min', measure: 'satisfaction', threshold: 85, deduction: 0.1 },
} satisfies Record<string, GateDef>);
/** A registry of gates: the real one is GATE; a test may define one with an extra gate. */
export type GateRegistry = Enum<string, Record<string, GateDef>>;

/** the monitoring indicators with the way each is good */
/** A gate's value is shown as a score when it is the survey's, else as a rate; an unknown key (a gate since removed) as a rate. */
export const gateIsScore = (key: string, registry: GateRegistry = GATE) => (registry.labels[key] as GateDef | undefined)?.measure === 'satisfaction';

/** the monitoring indicators with the way each is good */
export const SETTLEMENT_INDICATOR = defineEnum('settlement_indicator', {
  inpatient_average_cost: { zh: '住院次均费用', en: 'Inpatient average cost', direction: 'max' },
  drug_share: { zh: '药占比', en: 'Drug share', direction: 'max' },
  consumables_share: { zh: '耗占比', en: 'Consumables share', direction: 'max' },
  self_funded_rate: { zh: '自费率', en: 'Self-funded rate', direction: 'max' },
  reimbursement_ratio: { zh: '实际报销比', en: 'Reimbursement ratio', direction: 'min' },
  in_county_fund_share: { zh: '县域内基金支出占比', en: 'In-county fund share', direction: 'min' },
  primary_care_fund_share: { zh: '基层基金支出占比', en: 'Primary-care fund share', direction: 'min' },
  in_county_inpatient_share: { zh: '县域内住院占比', en: 'In-county inpatient share', direction: 'min' },
  up_referral_rate: { zh: '上转住院率', en: 'Up-referral rate', direction: 'max' },
} satisfies Record<string, Labels & { direction: Direction }>);
/** the set of claims an indicator is over: those the unit (for the group row, the group's units) provided, or those of the insured it is responsible for (for the group, all the county's insured, wherever treated) */
export const CLAIM_SET = defineEnum('claim_set', {
  provided: { zh: '按提供的结算单', en: 'Over the claims provided' },
  insured: { zh: '按参保人的结算单', en: 'Over the claims of the insured' },
});
export const ALLOCATION_INDICATOR = defineEnum('allocation_indicator', {
  standardised_management_rate: { zh: '规范管理率', en: 'Standardised management rate' },
  control_rate: { zh: '控制率', en: 'Control rate' },
  inpatient_admissions_change: { zh: '千人住院变化', en: 'Admissions change' },
  drug_share: { zh: '药占比', en: 'Drug share' },
  top_diseases_admissions_change: { zh: '前20位病种千人住院变化', en: 'Top-20 diseases admissions change' },
  chronic_admission_rate: { zh: '慢病管理人群住院率', en: 'Managed chronic patients’ admission rate' },
});
/**
 * The health indicators a run reads and stores with each version (its frozen inputs, settlement_run_inputs):
 * the management and control rates from api/health, the managed chronic patients' admission rate (stays ÷
 * patients: it may exceed 1) from api/monitoring through the source api/domains.ts wires (useInputSource).
 */
export const HEALTH_INPUT = defineEnum('health_input', {
  standardised_management_rate: { zh: '规范管理率', en: 'Standardised management rate' },
  control_rate: { zh: '控制率', en: 'Control rate' },
  chronic_admission_rate: { zh: '慢病管理人群住院率', en: 'Managed chronic patients’ admission rate' },
});
export type HealthInputKey = EnumValue<typeof HEALTH_INPUT>;

/** How a claim line of a correction run's difference changed since the approved run it supersedes. */
export const CLAIM_CHANGE = defineEnum('claim_change', {
  added: { zh: '新增', en: 'Added' },
  reversal: { zh: '冲正', en: 'Reversal' },
  changed: { zh: '修改', en: 'Changed' },
});

/** The labels of a correction run's difference against the approved run it supersedes (run page card, workbook sheet). */
export const DIFFERENCE_LABEL = defineEnum('difference_label', {
  title: { zh: '与已批准结算的差异', en: 'Difference from the approved run' },
  approved_run: { zh: '被取代的已批准批次', en: 'Approved run superseded' },
  before: { zh: '更正前', en: 'Before' },
  after: { zh: '更正后', en: 'After' },
  change: { zh: '差额', en: 'Change' },
  claims_changed: { zh: '变动的结算单', en: 'Claims changed' },
  claim_no: { zh: '结算单号', en: 'Claim number' },
  kind: { zh: '变动', en: 'Change' },
  reverses: { zh: '冲正原结算单号', en: 'Reverses claim' },
  provider: { zh: '就诊机构', en: 'Provider' },
  settled_on: { zh: '结算日期', en: 'Settled on' },
  counted_in: { zh: '计入月份', en: 'Counted in month' },
  by_unit: { zh: '各单位基金支出与分配额', en: 'Spending and allocation per unit' },
  spending_change: { zh: '基金支出差额', en: 'Spending change' },
  allocation_change: { zh: '分配额差额', en: 'Allocation change' },
  no_lines: { zh: '被取代批次计算时未记录结算单版本，无法逐单列出', en: 'The approved run was calculated before claim revisions were kept: no line list' },
  none: { zh: '无变动的结算单', en: 'No claim changed' },
  others_unchanged: { zh: '其余单位无变动', en: 'The other units are unchanged' },
  listed: { zh: '共 %{total} 条，列出前 %{n} 条', en: '%{total} in all, the first %{n} listed' },
  note: {
    zh: '逐单列出被取代批次计算之后新增、冲正或修改、并计入本批次的结算单；各单位金额之和等于总差额。',
    en: 'Lists, line by line, the claims added, reversed or changed after the approved run was calculated and counted by this run; the units’ amounts add up to the total change.',
  },
});

/** The lists of values the UI translates (`enums.<name>.<value>`). */
/** The labels of a settlement run's figures: the run screens' and the run workbook's (汇总, 监测指标, 结余分配, 基金支出) headings. */
export const RUN_LABEL = defineEnum('run_label', {
  fund_year: { zh: '基金年度', en: 'Fund year' },
  annual_budget: { zh: '年度预算', en: 'Annual budget' },
  budget_to_date: { zh: '预算（至本期）', en: 'Budget to date' },
  spending: { zh: '基金支出', en: 'Fund spending' },
  claims: { zh: '结算人次', en: 'Claims' },
  surplus: { zh: '结余', en: 'Surplus' },
  surplus_rate: { zh: '结余率', en: 'Surplus rate' },
  overspend: { zh: '超支', en: 'Overspend' },
  overspend_group: { zh: '集团承担', en: 'Borne by the group' },
  overspend_fund: { zh: '基金承担', en: 'Borne by the fund' },
  overspend_slices: { zh: '超支分担分段', en: 'Overspend slices' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  gates: { zh: '结余留用条件', en: 'Conditions for keeping the surplus' },
  deductions: { zh: '扣减比例', en: 'Deduction share' },
  retained: { zh: '结余留用', en: 'Surplus retained' },
  returned: { zh: '返还基金', en: 'Returned to the fund' },
  pool: { zh: '资金池', en: 'Pool' },
  indicators: { zh: '监测指标', en: 'Indicators' },
  indicator: { zh: '指标', en: 'Indicator' },
  numerator: { zh: '分子', en: 'Numerator' },
  denominator: { zh: '分母', en: 'Denominator' },
  value: { zh: '实际值', en: 'Value' },
  threshold: { zh: '阈值', en: 'Threshold' },
  ok: { zh: '状态', en: 'Status' },
  passed: { zh: '达标', en: 'Passed' },
  failed: { zh: '未达标', en: 'Failed' },
  na: { zh: '无数据', en: 'No data' },
  unit: { zh: '单位', en: 'Unit' },
  group_level: { zh: '集团', en: 'Group' },
  total: { zh: '合计', en: 'Total' },
  allocation: { zh: '结余分配', en: 'Surplus allocation' },
  raw: { zh: '原始值', en: 'Raw value' },
  normalised: { zh: '标准化值', en: 'Normalised value' },
  score: { zh: '得分', en: 'Score' },
  population: { zh: '参保人口', en: 'Insured population' },
  weight: { zh: '权重', en: 'Weight' },
  share: { zh: '份额', en: 'Share' },
  amount: { zh: '分配额', en: 'Amount allocated' },
  month: { zh: '月份', en: 'Month' },
  provider_class: { zh: '机构类别', en: 'Provider class' },
  care_type: { zh: '就诊类型', en: 'Care type' },
  total_cost: { zh: '总费用', en: 'Total cost' },
  fund_paid: { zh: '统筹支付', en: 'Paid by the fund' },
  cumulative_budget: { zh: '累计预算', en: 'Cumulative budget' },
  cumulative_spending: { zh: '累计支出', en: 'Cumulative spending' },
  scoring_rule: {
    zh: '评分方法：每项分配指标在各受益单位之间按直线计 0 到 1 分——最差（第 10 百分位）记 0 分，最好（第 90 百分位）记 1 分，超出者按 0 或 1 分计，故单个极端值（如住院为 0 的乡镇）不能独占该指标的权重；无数据记 0 分（按最差计）；各单位相同（如全为 0 或全无数据）的指标不区分任何单位，不计入，其权重按比例分给本资金池的其他指标；得分 = Σ 权重 × 分值，分配额按 得分 × 参保人口 占比。',
    en: "Scoring: each allocation indicator scores 0 to 1 on a straight line between the recipients' worst (10th percentile, 0) and best (90th percentile, 1), values beyond them 0 or 1, so no single outlier (such as a township with no admissions) takes the indicator's whole weight; no data scores 0, as the worst; an indicator on which all recipients stand the same (all zero, or no data anywhere) separates no one and is left out, its weight shared over the pool's other indicators; score = Σ weight × points, and the pool is shared by score × insured population.",
  },
  weight_used: { zh: '计算权重', en: 'Weight used' },
  left_out: { zh: '不区分任何单位，未计入', en: 'separates no one, left out' },
  group_provided: { zh: '集团（本集团提供的结算单）', en: 'Group (claims it provided)' },
  group_insured: {
    zh: '集团参保人（其全部结算单，含县内集团外和县外）',
    en: "The group's insured (all their claims, outside the group and the county included)",
  },
  group_indicators_help: {
    zh: '集团行的前五项按本集团各单位提供的结算单计算，后四项按全体参保人的结算单计算；参保人行九项均按参保人的全部结算单计算',
    en: "The group's row's first five indicators are over the claims the group's units provided, the last four over the claims of all the insured; the insured row's nine are all over the insured's claims",
  },
  claim_set: { zh: '结算单口径', en: 'Claims counted' },
  // a provisional run's retained surplus and shares are an estimate: only the final run allocates
  estimate: { zh: '预估', en: 'Estimate' },
  retained_estimate: { zh: '预估结余留用', en: 'Estimated surplus retained' },
  amount_estimate: { zh: '预估分配额', en: 'Estimated amount' },
  allocation_estimate: { zh: '结余分配（预估）', en: 'Surplus allocation (estimate)' },
  estimate_note: {
    zh: '月度暂结为年初至本月的预估：预估结余留用及各单位预估份额仅供参考，不实际分配、不拨付；结余只在年终清算批次中分配。',
    en: 'A monthly provisional run is an estimate of the year to date: the estimated surplus retained and each unit’s estimated share are for reference only, not allocated or paid; only the year-end run allocates the surplus.',
  },
  // monthly advances (预拨付) and the year-end 清算
  advances: { zh: '预拨付与清算', en: 'Advances and year-end settlement' },
  advance_planned: { zh: '计划预拨付', en: 'Advance planned' },
  advance_paid: { zh: '实际预拨付', en: 'Advance paid' },
  paid_on: { zh: '拨付日期', en: 'Paid on' },
  reference: { zh: '拨付凭证号', en: 'Payment reference' },
  cumulative_paid: { zh: '累计已拨付', en: 'Paid to date' },
  cumulative_planned: { zh: '累计计划', en: 'Planned to date' },
  total_paid: { zh: '预拨付合计', en: 'Advances paid' },
  due: { zh: '集团年度应得', en: 'Due to the group for the year' },
  reconciliation: { zh: '清算', en: 'Year-end settlement' },
  balance: { zh: '清算差额', en: 'Balance' },
  fund_pays_group: { zh: '基金应补付集团', en: 'The fund owes the group' },
  group_returns: { zh: '集团应退回基金', en: 'The group returns to the fund' },
  settled: { zh: '已结清', en: 'Settled' },
  reconciliation_formula: {
    zh: '集团年度应得 = 基金支出 + 结余留用 − 集团承担超支；清算差额 = 集团年度应得 − 预拨付合计（为正：基金应补付集团；为负：集团应退回基金）。',
    en: 'Due to the group = fund spending + surplus retained − overspend borne by the group; balance = due − advances paid (positive: the fund owes the group; negative: the group returns the difference).',
  },
  no_final_run: { zh: '年终清算批次计算后显示清算结果', en: 'The settlement shows once the year-end run is calculated' },
  // the year-end forecast (年终预测) made at a monthly run
  forecast: { zh: '年终预测', en: 'Year-end forecast' },
  forecast_at: { zh: '预测依据', en: 'Made at' },
  spending_to_date: { zh: '本年累计基金支出', en: 'Spending to date' },
  forecast_spending: { zh: '预测全年基金支出', en: 'Projected spending for the year' },
  forecast_surplus: { zh: '预测结余', en: 'Projected surplus' },
  forecast_surplus_rate: { zh: '预测结余率', en: 'Projected surplus rate' },
  forecast_range: { zh: '区间', en: 'Range' },
  past_year: { zh: '参照年度', en: 'Past year' },
  share_reached: { zh: '参照年度同期支出进度', en: 'Share of that year’s spending reached by the month' },
  forecast_method: {
    zh: '预测方法：全年基金支出 = 本年截至最近一次月度暂结的累计支出 ÷ 上年同期累计支出占上年全年支出的比例（即按上年各月的支出进度推算）；区间为按每个往年的支出进度、分别在最近三个月所作推算中的最低至最高值。预测结余率 =（年度预算 − 预测全年支出）÷ 年度预算。',
    en: "Method: the year's spending = this year's spending up to the latest monthly run ÷ the share of last year's spending reached by the same month (last year's monthly shape); the range is the lowest to the highest of the projections made by each past year's shape at each of the last three months. Projected surplus rate = (annual budget − projected spending) ÷ annual budget.",
  },
});

/** The labels of the disease spectrum (病种谱): its screen and the run workbook's sheet. */
export const SPECTRUM_LABEL = defineEnum('spectrum_label', {
  title: { zh: '病种谱', en: 'Disease spectrum' },
  by_admissions: { zh: '前20位病种（按住院人次）', en: 'Top 20 categories by inpatient admissions' },
  by_fund: { zh: '前20位病种（按统筹支付）', en: 'Top 20 categories by fund paid' },
  ranked_by: { zh: '排名依据', en: 'Ranked by' },
  scope: { zh: '范围', en: 'Insured of' },
  group: { zh: '集团全体参保人', en: 'All the group’s insured' },
  township: { zh: '乡镇', en: 'Township' },
  through_month: { zh: '截至月份', en: 'Through month' },
  rank: { zh: '排名', en: 'Rank' },
  code: { zh: 'ICD-10 类目', en: 'ICD-10 category' },
  name: { zh: '病种', en: 'Disease' },
  admissions: { zh: '住院人次', en: 'Admissions' },
  admissions_last: { zh: '上年同期住院人次', en: 'Admissions last year' },
  fund_paid: { zh: '统筹支付', en: 'Fund paid' },
  fund_paid_last: { zh: '上年同期统筹支付', en: 'Fund paid last year' },
  change: { zh: '变化', en: 'Change' },
  per_1000: { zh: '千人住院人次', en: 'Admissions per 1,000 insured' },
  per_1000_last: { zh: '上年同期千人住院人次', en: 'Per 1,000 last year' },
  population: { zh: '参保人口', en: 'Insured' },
  no_data: { zh: '无数据', en: 'No data' },
  uncoded: { zh: '未填诊断的结算单（未排名）', en: 'Claims without a diagnosis (not ranked)' },
  no_rows: { zh: '本期无结算单', en: 'No claims in these months' },
  note: {
    zh: '按参保人所属乡镇统计参保人的全部结算单（含集团外、县外），ICD-10 取诊断编码前三位（类目）；住院人次为住院结算单人次（全额冲正减 1），统筹支付含门诊和住院；冲正单计入原结算单的诊断；本年 1 至所选月份对上年同期；上年不在系统中或无结算单时显示无数据；同排名依据相同时按另一指标、再按编码排序。',
    en: 'All the claims of the insured (outside the group and the county included) by their township; the ICD-10 category is the code’s first three characters; admissions count inpatient claims (a full reversal −1), fund paid counts visits and stays; a reversal counts under its original’s diagnosis; months 1 to the month chosen against the same months last year (无数据 when last year is not in the system or has no claims); ties by the other measure, then the code.',
  },
});

/** The labels of a settlement run's own fields, as the run list and the workbook's 汇总 name them. */
export const RUN_FIELD = defineEnum('run_field', {
  period: { zh: '期间', en: 'Period' },
  calculated_at: { zh: '计算时间', en: 'Calculated at' },
  reviewed_by_name: { zh: '审核人', en: 'Reviewed by' },
  approved_by_name: { zh: '批准人', en: 'Approved by' },
});

/**
 * The columns of the insurer's files (claims, satisfaction scores, insured populations): zh is the
 * header a file may carry instead of the field name (and the import screen's label), en the API's.
 */
export const IMPORT_COLUMN = defineEnum('import_column', {
  claim_no: { zh: '结算单号', en: 'Claim number' },
  id_number: { zh: '身份证号', en: 'ID number' },
  insured_name: { zh: '姓名', en: 'Name' },
  insured_township_code: { zh: '参保乡镇编码', en: 'Insured township code' },
  provider_class: { zh: '机构类别', en: 'Provider class' },
  provider_unit_code: { zh: '集团机构编码', en: 'Group unit code' },
  provider_name: { zh: '机构名称', en: 'Provider name' },
  care_type: { zh: '就诊类型', en: 'Care type' },
  visit_on: { zh: '就诊或入院日期', en: 'Visit or admission date' },
  discharged_on: { zh: '出院日期', en: 'Discharge date' },
  settled_on: { zh: '结算日期', en: 'Settlement date' },
  total_cost: { zh: '医疗总费用', en: 'Total cost' },
  fund_paid: { zh: '统筹支付', en: 'Fund paid' },
  self_pay: { zh: '个人自付', en: 'Co-payment' },
  self_funded: { zh: '自费', en: 'Self-funded' },
  drug_cost: { zh: '药品费用', en: 'Drug cost' },
  consumables_cost: { zh: '耗材费用', en: 'Consumables cost' },
  diagnosis: { zh: '诊断ICD10', en: 'Diagnosis (ICD-10)' },
  referred_up: { zh: '上转住院', en: 'Referred up' },
  reverses_claim_no: { zh: '冲正原结算单号', en: 'Reverses claim number' },
  provider_kind: { zh: '机构类型', en: 'Provider kind' },
  period: { zh: '月份', en: 'Month' },
  score: { zh: '满意度得分', en: 'Satisfaction score' },
  respondents: { zh: '调查人数', en: 'Respondents' },
  unit_code: { zh: '机构编码', en: 'Unit code' },
  insured_population: { zh: '参保人数', en: 'Insured population' },
  baseline_admissions: { zh: '上年住院人次', en: 'Admissions the year before' },
  file: { zh: '文件', en: 'File' },
});
export type ImportColumn = EnumValue<typeof IMPORT_COLUMN>;

/** A file's columns in template order, each with the Chinese header it may carry instead. */
export const importColumns = (...fields: ImportColumn[]): [ImportColumn, string][] => fields.map((f) => [f, IMPORT_COLUMN.zh(f)]);

/**
 * Why an imported row is refused (导入错误), the API's message (en) and the import screen's (zh);
 * %{name} is a parameter of the problem, filled the same way on both sides.
 */
export const IMPORT_PROBLEM = defineEnum('import_problem', {
  required: { zh: '必填', en: 'required' },
  claim_no_format: { zh: '只能由字母、数字和 - _ / . 组成，最多 50 个字符', en: 'letters, digits and - _ / . only, at most 50' },
  reverses_itself: { zh: '结算单不能冲正自身', en: 'a claim cannot reverse itself' },
  id_number_format: { zh: '须为 17 位数字加 1 位数字或 X', en: ID_NUMBER_PROBLEM.id_number_format },
  id_number_birth_date: { zh: '出生日期部分不是有效日期', en: ID_NUMBER_PROBLEM.id_number_birth_date },
  id_number_check_digit: { zh: '校验位不符', en: ID_NUMBER_PROBLEM.id_number_check_digit },
  max_length: { zh: '最多 %{n} 个字符', en: 'at most %{n} characters' },
  unknown_township: { zh: '未知的乡镇编码 %{code}', en: 'unknown township code %{code}' },
  unknown_unit: { zh: '未知的机构编码 %{code}', en: 'unknown unit code %{code}' },
  one_of: { zh: '须为以下之一：%{values}', en: 'must be one of %{values}' },
  unit_for_in_group: { zh: '集团内机构必填', en: 'required for an in_group provider' },
  unit_only_in_group: { zh: '仅集团内机构填写', en: 'only for in_group providers' },
  name_outside_group: { zh: '集团外机构必填', en: 'required for a provider outside the group' },
  date_format: { zh: '须为日期 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  in_fund_year: { zh: '须在基金年度 %{year} 内', en: 'must lie inside the fund year %{year}' },
  in_fund_year_or_before: { zh: '须在基金年度 %{year} 或上一年内', en: 'must lie inside the fund year %{year} or the year before' },
  before_admission: { zh: '早于入院日期', en: 'before the admission date' },
  before_visit: { zh: '早于就诊日期', en: 'before the visit date' },
  inpatient_only: { zh: '仅住院填写', en: 'only for inpatient stays' },
  year_locked: { zh: '基金年度 %{year} 已锁定：结算 %{run} 已批准', en: 'fund year %{year} is locked: settlement run %{run} is approved' },
  period_locked: { zh: '期间 %{period} 已锁定：结算 %{run} 已批准', en: 'period %{period} is locked: settlement run %{run} is approved' },
  reversal_amount: { zh: '冲正金额须 ≤ 0，最多两位小数', en: 'a reversal’s amounts are ≤ 0 with at most two decimals' },
  amount: { zh: '须为 ≥ 0 的金额，最多两位小数', en: 'must be an amount ≥ 0 with at most two decimals' },
  total_adds_up: { zh: '须等于统筹支付＋个人自付＋自费（%{sum}）', en: 'must equal fund_paid + self_pay + self_funded (%{sum})' },
  reversal_below_zero: { zh: '冲正须冲回金额：应小于 0', en: 'a reversal takes back an amount: below 0' },
  drug_consumables_within_total: { zh: '药品费用＋耗材费用超过医疗总费用', en: 'drug_cost + consumables_cost exceeds total_cost' },
  icd10: { zh: '须为 ICD-10 编码，如 I10 或 E11.9', en: 'must be an ICD-10 code such as I10 or E11.9' },
  boolean: { zh: '须为 true 或 false', en: 'must be true or false' },
  referred_up_inpatient: { zh: '仅住院可标记为上转住院', en: 'only inpatient stays follow an upward referral' },
  month_format: { zh: '须为月份 YYYY-MM', en: 'must be a month YYYY-MM' },
  score: { zh: '须为 0–100 的得分，最多两位小数', en: 'must be a score between 0 and 100 with at most two decimals' },
  positive_whole: { zh: '须为大于 0 的整数', en: 'must be a whole number above 0' },
  whole_not_negative: { zh: '须为 ≥ 0 的整数', en: 'must be a whole number ≥ 0' },
  at_most: { zh: '不能大于 %{n}', en: 'at most %{n}' },
  positive_number: { zh: '须为大于 0 的数，最多三位小数', en: 'must be a number above 0 with at most three decimals' },
  not_after_today: { zh: '不能晚于今天', en: 'must not be after today' },
  twice_in_file: { zh: '%{key} 在文件中出现两次（首次在第 %{first} 行）', en: '%{key} appears twice in the file (first in row %{first})' },
  no_original: { zh: '基金年度 %{year} 或 %{previous} 中没有结算单 %{claim}', en: 'no claim %{claim} in fund year %{year} or %{previous}' },
  original_is_reversal: { zh: '原结算单 %{claim} 本身是冲正单', en: 'claim %{claim} is itself a reversal' },
  not_original_insured: { zh: '与原结算单 %{claim} 的参保人不一致', en: 'not the insured of claim %{claim}' },
  not_original_class: { zh: '与原结算单 %{claim} 的机构类别不一致', en: 'not the provider class of claim %{claim}' },
  not_original_unit: { zh: '与原结算单 %{claim} 的机构不一致', en: 'not the provider unit of claim %{claim}' },
  not_original_provider: { zh: '与原结算单 %{claim} 的机构名称不一致', en: 'not the provider of claim %{claim}' },
  not_original_care: { zh: '与原结算单 %{claim} 的就诊类型不一致', en: 'not the care type of claim %{claim}' },
  not_original_referral: { zh: '与原结算单 %{claim} 的上转标记不一致', en: 'not as in claim %{claim}' },
  beyond_original: { zh: '冲正超过原结算单 %{claim} 的剩余金额（%{left}）', en: 'reverses more than is left of claim %{claim} (%{left})' },
  locked_claim: {
    zh: '结算单所在期间 %{period} 已锁定：结算 %{run} 已批准',
    en: 'claim is settled in locked period %{period}: settlement run %{run} is approved',
  },
});
export type ImportProblem = EnumValue<typeof IMPORT_PROBLEM>;

/** A template's text with its %{name} parameters filled in. */
export const fillTemplate = (text: string, params: Record<string, string | number>) =>
  text.replace(/%\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

export const SETTLEMENT_ENUMS = [
  PROVIDER_CLASS,
  PROVIDER_KIND,
  CARE_TYPE,
  RUN_KIND,
  RUN_STATUS,
  GATE,
  DIRECTION,
  SETTLEMENT_INDICATOR,
  CLAIM_SET,
  ALLOCATION_INDICATOR,
  POOL,
  HEALTH_INPUT,
  SIGNOFF_LEVEL,
  SIGNOFF_STATE,
  CLAIM_CHANGE,
  IMPORT_COLUMN,
  IMPORT_PROBLEM,
];
