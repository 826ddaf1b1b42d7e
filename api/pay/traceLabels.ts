// The trace's (绩效追溯) named checks and labels, zh and en: the API's check names, the screen and the
// workbook's sheet 结余追溯 all derive from here. The admin UI imports this file: nothing from node or the database.
import { defineEnum, type EnumValue } from '../core/enums';

/** Each step's check that the parts add up to the whole, to the fen. */
export const TRACE_CHECK = defineEnum('pay_trace_check', {
  retained_plus_returned: { zh: '结余 = 结余留用 + 返还基金', en: 'Surplus = retained + returned to the fund' },
  pools_add_up: { zh: '各分配池之和 = 结余留用', en: 'The pools add up to the retained surplus' },
  shares_add_up: { zh: '各乡镇分配之和 = 绩效奖励池', en: "The townships' shares add up to the staff-performance pool" },
  share_is_townships_row: { zh: '本院医保结余绩效 = 本院分配行', en: "The run's settlement share is the township's allocation row" },
  pool_is_fund_plus_share: { zh: '本月绩效总额 = 预算绩效资金 + 医保结余绩效', en: 'The pool is the budgeted fund plus the settlement share' },
  points_add_up: { zh: '个人核定工分之和 = 总工分', en: "The people's points add up to the total points" },
  lines_add_up: { zh: '个人绩效之和 = 本月绩效总额', en: "The people's amounts add up to the pool" },
  departments_add_up: { zh: '各科室绩效之和 = 本月绩效总额', en: "The departments' amounts add up to the pool" },
  amounts_by_points: {
    zh: '每人金额与（总额 × 工分 ÷ 总工分，分院和总院按科室）相差不超过 1 分',
    en: "Each amount is within one fen of pool × points ÷ total points (the HQ's and branches' by department)",
  },
});
export type TraceCheckName = EnumValue<typeof TRACE_CHECK>;

/** Why a run's trace starts at its budgeted fund (no settlement share). */
export const TRACE_NO_SETTLEMENT = defineEnum('pay_trace_no_settlement', {
  not_december: {
    zh: '非12月核算批次：不含医保结余分配，仅追溯预算绩效资金到个人',
    en: 'Not a December run: no settlement share, the fund to the people only',
  },
  no_final_run: { zh: '计算时该基金年度尚无已批准的年终结算', en: 'No approved final settlement run of the fund year when calculated' },
});
export type TraceNoSettlement = EnumValue<typeof TRACE_NO_SETTLEMENT>;

/** The trace's headings and figures, for the screen and the workbook sheet. */
export const TRACE_LABEL = defineEnum('pay_trace_label', {
  title: { zh: '绩效追溯', en: 'Pay trace' },
  settlement: { zh: '年终结算', en: 'Final settlement' },
  surplus: { zh: '结余', en: 'Surplus' },
  retained: { zh: '结余留用', en: 'Retained surplus' },
  returned_to_fund: { zh: '返还基金', en: 'Returned to the fund' },
  pools: { zh: '结余分配池', en: 'Pools' },
  pool_share: { zh: '比例', en: 'Share' },
  staff_pool: { zh: '绩效奖励池', en: 'Staff-performance pool' },
  townships: { zh: '各乡镇分配', en: "Townships' shares" },
  township: { zh: '乡镇卫生院', en: 'Township' },
  population: { zh: '参保人口', en: 'Insured' },
  score: { zh: '综合得分', en: 'Score' },
  share: { zh: '份额', en: 'Share' },
  others_hidden: { zh: '其他 %{n} 个乡镇（仅显示合计）', en: '%{n} other townships (total only)' },
  total: { zh: '合计', en: 'Total' },
  pay_pool: { zh: '本院本月绩效总额', en: "The township's pay pool" },
  budgeted_fund: { zh: '预算绩效资金', en: 'Budgeted fund' },
  settlement_share: { zh: '医保结余绩效', en: 'Settlement share' },
  pool: { zh: '本月绩效总额', en: 'Pool' },
  people: { zh: '个人绩效', en: 'People' },
  name: { zh: '姓名', en: 'Name' },
  village: { zh: '工作单位', en: 'Works at' },
  points: { zh: '核定工分', en: 'Points' },
  amount: { zh: '绩效金额（元）', en: 'Amount (yuan)' },
  checks: { zh: '核对', en: 'Checks' },
  check: { zh: '核对项', en: 'Check' },
  expected: { zh: '应为', en: 'Expected' },
  actual: { zh: '实际', en: 'Actual' },
  ok: { zh: '结果', en: 'Result' },
  amount_unit: { zh: '金额（元）', en: 'Amount (yuan)' },
});
