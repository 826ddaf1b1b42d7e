// Every list of values of finance, with its zh and en labels: the API's zod schemas and rules, the workbooks' labels,
// the UI's choices and translations and the migrations' CHECK constraints derive from it.
// The admin UI imports this file: nothing from node or the database.
import { defineEnum, type EnumValue, type Labels } from '../core/enums';

export const ACCOUNT_KIND = defineEnum('account_kind', {
  expense: { zh: '支出', en: 'Spending' },
  income: { zh: '收入', en: 'Income' },
  asset: { zh: '资产', en: 'Asset' },
  liability: { zh: '负债', en: 'Liability' },
});
export type AccountKind = EnumValue<typeof ACCOUNT_KIND>;
/** what a request over the remaining budget meets: a stop (overridable with a reason) or a warning */
export const OVER_BUDGET = defineEnum('over_budget', { stop: { zh: '拦截', en: 'Stop' }, warn: { zh: '提醒', en: 'Warn' } });
/** the chart of accounts (the accounts table's codes, seeded by the finance migration) with each account's kind */
export const ACCOUNT = defineEnum('account', {
  personnel: { zh: '人员经费', en: 'Personnel', kind: 'expense' },
  drugs: { zh: '药品费', en: 'Drugs', kind: 'expense' },
  consumables: { zh: '卫生材料费', en: 'Consumables', kind: 'expense' },
  equipment: { zh: '设备购置费', en: 'Equipment', kind: 'expense' },
  operations: { zh: '日常运行费', en: 'Operations', kind: 'expense' },
  health_management: { zh: '健康管理与公共卫生', en: 'Health management', kind: 'expense' },
  maintenance: { zh: '维修维护费', en: 'Maintenance', kind: 'expense' },
  training: { zh: '培训进修费', en: 'Training', kind: 'expense' },
  medical_income: { zh: '医疗收入', en: 'Medical income', kind: 'income' },
  drug_income: { zh: '药品收入', en: 'Drug income', kind: 'income' },
  subsidy_income: { zh: '财政补助收入', en: 'Subsidies', kind: 'income' },
  insurance_income: { zh: '医保打包支付收入', en: 'Insurance bundle', kind: 'income' },
  bank: { zh: '银行存款', en: 'Bank', kind: 'asset' },
  inventory: { zh: '库存物资', en: 'Inventory', kind: 'asset' },
  payables: { zh: '应付账款', en: 'Payables', kind: 'liability' },
  risk_fund: { zh: '医疗风险金', en: 'Risk fund', kind: 'liability' },
} satisfies Record<string, Labels & { kind: AccountKind }>);
export const REQUEST_STATUS = defineEnum('request_status', {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤回', en: 'Cancelled' },
  paid: { zh: '已付款', en: 'Paid' },
});
export const STEP_STATUS = defineEnum('step_status', {
  waiting: { zh: '未到', en: 'Waiting' },
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '同意', en: 'Approved' },
  rejected: { zh: '驳回', en: 'Rejected' },
  skipped: { zh: '跳过', en: 'Skipped' },
});
export const STEP_KIND = defineEnum('step_kind', {
  unit_director: { zh: '本单位院长', en: 'Unit director' },
  township_director: { zh: '乡镇卫生院院长', en: 'Township director' },
  chief_accountant: { zh: '派驻总会计师', en: 'Chief accountant' },
  group_finance: { zh: '集团财务管理中心', en: 'Group finance' },
  council: { zh: '理事会', en: 'Council' },
});
export const APPROVER_ROLE = defineEnum('approver_role', {
  director: { zh: '院长', en: 'Director' },
  chief_accountant: { zh: '总会计师', en: 'Chief accountant' },
  group_finance: { zh: '集团财务', en: 'Group finance' },
  group_admin: { zh: '理事会（集团管理员）', en: 'Council (group admin)' },
});
export const FUND_KIND = defineEnum('fund_kind', {
  contribution: { zh: '缴存', en: 'Contribution' },
  payout: { zh: '赔付', en: 'Payout' },
  return: { zh: '年终返还', en: 'Year-end return' },
});
export const BUDGET_STATUS = defineEnum('budget_status', {
  active: { zh: '有效', en: 'Active' },
  superseded: { zh: '已被替代', en: 'Superseded' },
});

/** The accounts of a kind, in chart order. */
export const accountsOf = (...kinds: AccountKind[]) => ACCOUNT.values.filter((a) => kinds.includes(ACCOUNT.labels[a].kind));

/** The lists of values the UI translates (`enums.<name>.<value>`). */
/** The figures of budget execution (预算执行) per unit and account: the screen's columns and the workbook's headings. */
export const EXECUTION_COLUMN = defineEnum('execution_column', {
  unit: { zh: '单位', en: 'Unit' },
  budget: { zh: '预算', en: 'Budget' },
  posted: { zh: '已入账', en: 'Posted' },
  committed: { zh: '已占用', en: 'Committed' },
  consumed: { zh: '已消耗', en: 'Consumed' },
  remaining: { zh: '结余', en: 'Remaining' },
  rate: { zh: '执行率', en: 'Execution rate' },
});

export const FINANCE_ENUMS = [ACCOUNT, ACCOUNT_KIND, OVER_BUDGET, REQUEST_STATUS, STEP_STATUS, STEP_KIND, APPROVER_ROLE, FUND_KIND, BUDGET_STATUS];
