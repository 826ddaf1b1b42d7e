// The national monitoring set for 紧密型县域医共体 (2024: 5 dimensions, 14 indicators), each defined
// once: its dimension, numerator, denominator, source, unit, direction and kind. The service computes
// the quantitative ones (service.ts, one SQL aggregate per source), the screen, the workbook and the
// targets' validation read this registry; a qualitative one holds evidence (documents, a
// self-assessment score, the reviewer's note). The admin UI imports this file: nothing from node or the database.
import { defineEnum, type EnumValue } from '../core/enums';

export const DIMENSION = defineEnum('monitoring_dimension', {
  integration: { zh: '紧密型', en: 'Integration' },
  homogeneity: { zh: '同质化', en: 'Homogeneous care' },
  division: { zh: '促分工', en: 'Division of labour' },
  efficiency: { zh: '提效能', en: 'Efficiency' },
  health: { zh: '保健康', en: 'Health outcomes' },
});
export type Dimension = EnumValue<typeof DIMENSION>;

export const INDICATOR_KIND = defineEnum('monitoring_indicator_kind', {
  quantitative: { zh: '定量', en: 'Quantitative' },
  qualitative: { zh: '定性', en: 'Qualitative' },
});
/** higher or lower is better */
export const BETTER = defineEnum('monitoring_better', { higher: { zh: '越高越好', en: 'Higher is better' }, lower: { zh: '越低越好', en: 'Lower is better' } });
/** how a value is written: a percentage (a ratio of 1 = 100%), per 10,000 residents, yuan, or a score on 100 */
export const UNIT = defineEnum('monitoring_unit', {
  percent: { zh: '%', en: '%' },
  per_10k: { zh: '人/万人', en: 'per 10,000' },
  yuan: { zh: '元', en: 'yuan' },
  ratio: { zh: '比值', en: 'ratio' },
  score: { zh: '分', en: 'points' },
});
/** where an indicator's records are read from (the drill-down's kind of record) */
export const SOURCE = defineEnum('monitoring_source', {
  evidence: { zh: '佐证材料', en: 'Evidence' },
  rotations: { zh: '人员派驻（轮转）', en: 'Rotations' },
  diagnosis: { zh: '心电诊断申请', en: 'ECG requests' },
  ledger: { zh: '人员经费与在岗人数', en: 'Personnel spending and headcount' },
  visits: { zh: '诊疗人次', en: 'Visits' },
  claims: { zh: '医保结算', en: 'Insurance claims' },
  residents: { zh: '居民健康档案', en: 'Resident records' },
});

/** The indicators, in the national order (序号 1–14 in the workbook). */
export const INDICATOR = defineEnum('monitoring_indicator', {
  resources_unified: {
    zh: '资源统一管理',
    en: 'Resources managed as one',
    dimension: 'integration',
    kind: 'qualitative',
    unit: 'score',
    better: 'higher',
    source: 'evidence',
    numerator: null,
    denominator: null,
  },
  democratic_decisions: {
    zh: '医共体内部民主决策',
    en: 'Democratic decisions within the group',
    dimension: 'integration',
    kind: 'qualitative',
    unit: 'score',
    better: 'higher',
    source: 'evidence',
    numerator: null,
    denominator: null,
  },
  service_coordination: {
    zh: '服务协同联动',
    en: 'Coordinated services',
    dimension: 'integration',
    kind: 'qualitative',
    unit: 'score',
    better: 'higher',
    source: 'evidence',
    numerator: null,
    denominator: null,
  },
  seconded_doctors: {
    zh: '每万人口中级及以上医师到基层派驻人数',
    en: 'Intermediate-or-above doctors seconded to primary care per 10,000 residents',
    dimension: 'homogeneity',
    kind: 'quantitative',
    unit: 'per_10k',
    better: 'higher',
    source: 'rotations',
    numerator: {
      zh: '年内派驻基层（乡镇、村）的中级及以上职称医师人数',
      en: 'doctors of intermediate title or above seconded (下派) to township or village units during the year',
    },
    denominator: {
      zh: '县域人口（万人）：当年医保基金年度的参保人数；无参保人数时为年末在册居民数',
      en: 'the population (10,000s): the insured of the year’s fund years; without them the residents on record at year end',
    },
  },
  ecg_village_coverage: {
    zh: '影像心电中心服务开展与心电设备村级覆盖率',
    en: 'ECG service coverage of village clinics',
    dimension: 'homogeneity',
    kind: 'quantitative',
    unit: 'percent',
    better: 'higher',
    source: 'diagnosis',
    numerator: { zh: '年内向心电诊断中心提交过心电检查的村卫生室数', en: 'village clinics that sent an ECG to the ECG centre during the year' },
    denominator: { zh: '村卫生室数', en: 'village clinics' },
  },
  primary_pay_ratio: {
    zh: '基层医疗卫生机构人员收入与牵头医院人员收入比',
    en: 'Per-capita pay in primary care against the lead hospital',
    dimension: 'homogeneity',
    kind: 'quantitative',
    unit: 'ratio',
    better: 'higher',
    source: 'ledger',
    numerator: {
      zh: '基层（乡镇、村）人员经费 ÷ 平均在岗人数（按用人单位，各月末人数平均）',
      en: 'primary units’ personnel spending ÷ their average headcount (by employer, month-end counts averaged)',
    },
    denominator: {
      zh: '牵头医院人员经费 ÷ 平均在岗人数（按用人单位，下派人员仍计派出医院）',
      en: 'lead hospital’s personnel spending ÷ its average headcount (by employer: a doctor seconded down stays with the sender)',
    },
  },
  primary_visit_share: {
    zh: '县域内基层医疗卫生机构诊疗人次数占比',
    en: 'Share of visits in primary care',
    dimension: 'division',
    kind: 'quantitative',
    unit: 'percent',
    better: 'higher',
    source: 'visits',
    numerator: { zh: '基层（乡镇、村）诊疗人次', en: 'visits at township and village units' },
    denominator: { zh: '县域内医疗卫生机构诊疗人次', en: 'visits at all units in the county' },
  },
  fund_in_county_share: {
    zh: '医保基金县域内支出占比（不含药店）',
    en: 'Share of the insurance fund spent in the county (pharmacies excluded)',
    dimension: 'division',
    kind: 'quantitative',
    unit: 'percent',
    better: 'higher',
    source: 'claims',
    numerator: { zh: '参保人在县域内医疗机构的医保基金支出', en: 'fund paid for the insured at providers in the county' },
    denominator: { zh: '参保人医保基金支出（不含药店）', en: 'fund paid for the insured, pharmacies excluded' },
  },
  fund_primary_share: {
    zh: '县域内基层医疗卫生机构医保基金支出占比',
    en: 'Share of the in-county fund spent in primary care',
    dimension: 'division',
    kind: 'quantitative',
    unit: 'percent',
    better: 'higher',
    source: 'claims',
    numerator: { zh: '基层（乡镇、村）医保基金支出', en: 'fund paid at township and village units' },
    denominator: { zh: '县域内医疗机构医保基金支出（不含药店）', en: 'fund paid at providers in the county, pharmacies excluded' },
  },
  inpatient_cost: {
    zh: '参保人县域内住院人均费用',
    en: 'Mean cost of an in-county stay (and its growth)',
    dimension: 'efficiency',
    kind: 'quantitative',
    unit: 'yuan',
    better: 'lower',
    source: 'claims',
    numerator: { zh: '县域内住院总费用', en: 'total cost of in-county stays' },
    denominator: { zh: '县域内住院人次', en: 'in-county stays' },
  },
  inpatient_in_county_share: {
    zh: '参保人县域内住院人次占比',
    en: 'Share of stays in the county',
    dimension: 'efficiency',
    kind: 'quantitative',
    unit: 'percent',
    better: 'higher',
    source: 'claims',
    numerator: { zh: '参保人县域内住院人次', en: 'stays of the insured in the county' },
    denominator: { zh: '参保人住院总人次', en: 'all stays of the insured' },
  },
  tcm_visit_share: {
    zh: '县域内中医类诊疗量占比',
    en: 'Share of traditional Chinese medicine visits',
    dimension: 'efficiency',
    kind: 'quantitative',
    unit: 'percent',
    better: 'higher',
    source: 'visits',
    numerator: { zh: '中医类诊疗人次', en: 'TCM visits' },
    denominator: { zh: '县域内诊疗人次', en: 'all visits in the county' },
  },
  chronic_admission_rate: {
    zh: '县域内慢性病健康管理人群住院率',
    en: 'Admission rate of managed chronic patients',
    dimension: 'health',
    kind: 'quantitative',
    unit: 'percent',
    better: 'lower',
    source: 'residents',
    numerator: {
      zh: '在管高血压、糖尿病患者的住院人次（按身份证号哈希关联医保结算）',
      en: 'stays of managed hypertension and diabetes patients (claims joined by the ID number’s hash)',
    },
    denominator: { zh: '在管高血压、糖尿病患者数', en: 'managed hypertension and diabetes patients' },
  },
  premature_mortality: {
    zh: '县域内四类慢性病过早死亡率',
    en: 'Premature mortality from the four chronic diseases',
    dimension: 'health',
    kind: 'quantitative',
    unit: 'percent',
    better: 'lower',
    source: 'residents',
    numerator: {
      zh: '30–70岁因心脑血管病、癌症、慢性呼吸系统疾病、糖尿病死亡人数（按5岁组）',
      en: 'deaths at 30–70 from cardiovascular disease, cancer, chronic respiratory disease or diabetes (by 5-year group)',
    },
    denominator: {
      zh: '30–70岁年初在册居民数（按5岁组，寿命表法 1−Π(1−₅qₓ)）',
      en: 'residents aged 30–70 at the start of the year (by 5-year group; life table 1 − Π(1 − 5qx))',
    },
  },
});
export type IndicatorCode = EnumValue<typeof INDICATOR>;
export type IndicatorDef = (typeof INDICATOR.labels)[IndicatorCode];
/** the qualitative ones, which hold evidence (rules.test.ts holds this list to the registry) */
export const QUALITATIVE_INDICATORS = ['resources_unified', 'democratic_decisions', 'service_coordination'] as const satisfies readonly IndicatorCode[];

/** The colour of a figure against its target: met, within a tenth of it, or missed. */
export const STANDING = defineEnum('monitoring_standing', {
  met: { zh: '达标', en: 'Met' },
  near: { zh: '接近', en: 'Near' },
  missed: { zh: '未达标', en: 'Missed' },
  none: { zh: '无目标', en: 'No target' },
});
export type Standing = EnumValue<typeof STANDING>;

/** Where the population of an indicator per 10,000 residents comes from (service.ts `populationOf`, the one definition). */
export const POPULATION_SOURCE = defineEnum('monitoring_population_source', {
  insured: { zh: '医保基金年度参保人数', en: 'Insured of the fund year' },
  residents: { zh: '年末在册居民数（健康档案）', en: 'Residents on record at year end' },
});
export type PopulationSource = EnumValue<typeof POPULATION_SOURCE>;

/** Where a visit count comes from. */
export const VISIT_SOURCE = defineEnum('visit_source', { entry: { zh: '录入', en: 'Entered' }, import: { zh: '导入', en: 'Imported' } });

/** The columns of the visits file (诊疗人次导入): one row per unit and month; the Chinese headers are accepted too. */
export const VISIT_COLUMN = defineEnum('visit_column', {
  unit_code: { zh: '机构编码', en: 'Unit code' },
  month: { zh: '月份', en: 'Month' },
  visits: { zh: '诊疗人次', en: 'Visits' },
  tcm_visits: { zh: '中医类诊疗人次', en: 'TCM visits' },
});

export const MONITORING_ENUMS = [DIMENSION, INDICATOR_KIND, BETTER, UNIT, SOURCE, INDICATOR, STANDING, POPULATION_SOURCE, VISIT_SOURCE, VISIT_COLUMN];
