// 财务 messages, zh-CN first.
export const zh = {
  menu: { groups: { finance: '财务管理中心' }, budget_execution: '预算执行', approvals: '我的审批' },
  resources: {
    budgets: { name: '预算', fields: { org_unit_id: '单位', year: '年度', account: '科目', amount: '年度预算', monthly: '月度分解', version: '版本', previous_id: '上一版本', status: '状态', reason: '说明', created_at: '创建时间' } },
    'expense-requests': {
      name: '支出申请',
      fields: {
        id: '编号', org_unit_id: '单位', account: '科目', amount: '金额', purpose: '用途', status: '状态', steps: '审批链', request_date: '申请日期', requested_by: '申请人',
        budget_note: '预算提示', override_reason: '超预算放行理由', attachments: '附件', awaiting_me: '待我审批', mine: '我的申请', current_step: '当前步骤',
      },
    },
    'ledger-entries': { name: '总账分录', fields: { org_unit_id: '单位', entry_date: '日期', debit_account: '借方科目', credit_account: '贷方科目', amount: '金额', memo: '摘要', source_type: '来源单据', source_id: '单据号' } },
    'ledger-periods': { name: '已结账月份', fields: { period: '月份', closed_at: '结账时间' } },
    'spending-limits': { name: '支出限额授权', fields: { unit_level: '单位层级', account: '科目', min_amount: '金额下限', max_amount: '金额上限', steps: '审批链', description: '说明', active: '启用' } },
    'chief-accountant-postings': { name: '总会计师委派', fields: { user_id: '总会计师', org_unit_id: '派驻单位', starts_on: '起始日期', ends_on: '结束日期', note: '备注' } },
    'risk-fund-entries': { name: '医疗风险金', fields: { org_unit_id: '单位', fund_year: '年度', kind: '类型', staff_id: '职工', entry_date: '日期', amount: '金额', dispute_ref: '纠纷编号', memo: '摘要' } },
  },
  finance: {
    execution: {
      title: '预算执行（预算 vs 实际）', year: '年度', unit: '单位', budget: '预算', posted: '已入账', committed: '已占用', consumed: '已消耗', remaining: '结余', rate: '执行率',
      expense: '支出', income: '收入', children: '下级单位（含其下级汇总）', up: '返回上级', download: '导出 Excel', drill: '点击单位下钻',
    },
    request: {
      chain: '审批链', approve: '同意', reject: '驳回', pay: '付款入账', cancel: '撤回', comment: '审批意见', waiting_for: '待 %{who} 审批', over_budget: '超预算', none: '无',
      over_budget_title: '超出剩余预算，申请被拦截', figure_budget: '年度预算', figure_consumed: '已消耗（已入账 + 已占用）', figure_remaining: '剩余预算', figure_requested: '本次申请',
      override_hint: '如确需放行，请填写“超预算放行理由”后重新提交（将记入审计日志）。', no_override: '请调减金额，或请集团财务管理中心调整预算后再提交。',
      override_helper: '仅在超预算被拦截时填写；集团财务、理事会可放行', not_yours: '等待该步骤的审批人处理', cancel_reason: '撤回理由', attachment_name: '附件名称', attachment_url: '附件链接',
    },
    budget: {
      month: '%{month}月', spread: '按年度平均分配', even_hint: '月度留空则由系统按年度金额平均分配（精确到分）',
      running: '月度合计 %{sum}，年度预算 %{year}，差额 %{difference}', not_adding_up: '月度合计 %{sum} 与年度预算不符，差额 %{difference}',
      revise: '修订预算', revise_hint: '修订将生成新版本 v%{next}，当前版本 v%{version} 保留为“已被替代”', revise_reason: '修订理由', revised: '已生成新版本 v%{version}', versions: '版本记录',
    },
    limits: { any_level: '*（所有层级）', any_account: '*（所有科目）', min_hint: '含下限', max_hint: '不含上限；留空表示无上限', steps_hint: '按顺序逐级审批；最具体的规则优先（科目 > 层级），其次金额区间最窄者' },
    ledger: { close: '月末结账', month: '结账月份', close_warning: '结账后全集团该月不得再记账，更正须记在未结账月份。', closed: '%{period} 已结账', period_closed: '%{period} 已结账，不能再记入该月：请改为未结账月份的日期（更正记在当前月份）。' },
    fund: {
      payout: '纠纷赔付', return: '年终结余返还', paid: '赔付已入账', show_balance: '查看结余', contributions: '缴存合计', payouts: '赔付合计', returned: '已返还', balance: '结余',
      contributors: '缴存人数', contributor: '职工', return_amount: '返还金额', total_equals: '合计（= 结余 %{balance}）',
    },
  },
  enums: {
    account: {
      personnel: '人员经费', drugs: '药品费', consumables: '卫生材料费', equipment: '设备购置费', operations: '日常运行费', health_management: '健康管理与公共卫生',
      maintenance: '维修维护费', training: '培训进修费', medical_income: '医疗收入', drug_income: '药品收入', subsidy_income: '财政补助收入', insurance_income: '医保打包支付收入',
      bank: '银行存款', inventory: '库存物资', payables: '应付账款', risk_fund: '医疗风险金',
    },
    request_status: { pending: '审批中', approved: '已批准', rejected: '已驳回', cancelled: '已撤回', paid: '已付款' },
    step_status: { waiting: '未到', pending: '待审批', approved: '同意', rejected: '驳回', skipped: '跳过' },
    step_kind: { unit_director: '本单位院长', township_director: '乡镇卫生院院长', chief_accountant: '派驻总会计师', group_finance: '集团财务管理中心', council: '理事会' },
    approver_role: { director: '院长', chief_accountant: '总会计师', group_finance: '集团财务', group_admin: '理事会（集团管理员）' },
    fund_kind: { contribution: '缴存', payout: '赔付', return: '年终返还' },
    budget_status: { active: '有效', superseded: '已被替代' },
  },
};

export const en = {
  menu: { groups: { finance: 'Finance' }, budget_execution: 'Budget vs actual', approvals: 'My approvals' },
  resources: {
    budgets: { name: 'Budgets', fields: { org_unit_id: 'Unit', year: 'Year', account: 'Account', amount: 'Yearly budget', monthly: 'Monthly split', version: 'Version', previous_id: 'Previous', status: 'Status', reason: 'Reason', created_at: 'Created' } },
    'expense-requests': {
      name: 'Expense requests',
      fields: {
        id: 'No.', org_unit_id: 'Unit', account: 'Account', amount: 'Amount', purpose: 'Purpose', status: 'Status', steps: 'Approval chain', request_date: 'Date', requested_by: 'Requester',
        budget_note: 'Budget note', override_reason: 'Override reason', attachments: 'Attachments', awaiting_me: 'Awaiting me', mine: 'Mine', current_step: 'Current step',
      },
    },
    'ledger-entries': { name: 'Ledger', fields: { org_unit_id: 'Unit', entry_date: 'Date', debit_account: 'Debit', credit_account: 'Credit', amount: 'Amount', memo: 'Memo', source_type: 'Source', source_id: 'Document' } },
    'ledger-periods': { name: 'Closed periods', fields: { period: 'Month', closed_at: 'Closed at' } },
    'spending-limits': { name: 'Spending limits', fields: { unit_level: 'Unit level', account: 'Account', min_amount: 'From', max_amount: 'Below', steps: 'Chain', description: 'Description', active: 'Active' } },
    'chief-accountant-postings': { name: 'Chief accountants', fields: { user_id: 'Accountant', org_unit_id: 'Unit', starts_on: 'From', ends_on: 'To', note: 'Note' } },
    'risk-fund-entries': { name: 'Risk fund', fields: { org_unit_id: 'Unit', fund_year: 'Year', kind: 'Kind', staff_id: 'Staff', entry_date: 'Date', amount: 'Amount', dispute_ref: 'Dispute', memo: 'Memo' } },
  },
  finance: {
    execution: {
      title: 'Budget vs actual', year: 'Year', unit: 'Unit', budget: 'Budget', posted: 'Posted', committed: 'Committed', consumed: 'Consumed', remaining: 'Remaining', rate: 'Rate',
      expense: 'Spending', income: 'Income', children: 'Child units (rolled up)', up: 'Up one level', download: 'Export Excel', drill: 'Click a unit to drill down',
    },
    request: {
      chain: 'Approval chain', approve: 'Approve', reject: 'Reject', pay: 'Pay', cancel: 'Withdraw', comment: 'Comment', waiting_for: 'Waiting for %{who}', over_budget: 'Over budget', none: 'none',
      over_budget_title: 'Over the remaining budget: the request is stopped', figure_budget: 'Yearly budget', figure_consumed: 'Consumed (posted + committed)', figure_remaining: 'Remaining', figure_requested: 'This request',
      override_hint: 'To let it through, give an override reason and submit again (audited).', no_override: 'Lower the amount, or ask group finance to revise the budget.',
      override_helper: 'Only when the budget stops the request; group finance and the council may override', not_yours: 'Waiting for this step’s approver', cancel_reason: 'Reason', attachment_name: 'Attachment', attachment_url: 'Link',
    },
    budget: {
      month: 'Month %{month}', spread: 'Spread evenly', even_hint: 'Leave the months empty to split the year evenly (exact to the fen)',
      running: 'Months add up to %{sum}, year %{year}, difference %{difference}', not_adding_up: 'Months add up to %{sum}, not the year: difference %{difference}',
      revise: 'Revise', revise_hint: 'A revision creates version v%{next}; v%{version} is kept as superseded', revise_reason: 'Reason for the revision', revised: 'Version v%{version} created', versions: 'Versions',
    },
    limits: { any_level: '* (any level)', any_account: '* (any account)', min_hint: 'inclusive', max_hint: 'exclusive; empty for no upper bound', steps_hint: 'Approved in this order; the most specific rule wins (account over level), then the narrowest band' },
    ledger: { close: 'Close month', month: 'Month', close_warning: 'Once closed, nothing may be posted into this month anywhere in the group; corrections go into an open month.', closed: '%{period} closed', period_closed: '%{period} is closed: date the entry in an open month (post corrections in the current month).' },
    fund: {
      payout: 'Dispute payout', return: 'Year-end return', paid: 'Payout posted', show_balance: 'Show balance', contributions: 'Contributions', payouts: 'Payouts', returned: 'Returned', balance: 'Balance',
      contributors: 'Contributors', contributor: 'Staff', return_amount: 'Returned', total_equals: 'Total (= balance %{balance})',
    },
  },
  enums: {
    account: {
      personnel: 'Personnel', drugs: 'Drugs', consumables: 'Consumables', equipment: 'Equipment', operations: 'Operations', health_management: 'Health management',
      maintenance: 'Maintenance', training: 'Training', medical_income: 'Medical income', drug_income: 'Drug income', subsidy_income: 'Subsidies', insurance_income: 'Insurance bundle',
      bank: 'Bank', inventory: 'Inventory', payables: 'Payables', risk_fund: 'Risk fund',
    },
    request_status: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', cancelled: 'Cancelled', paid: 'Paid' },
    step_status: { waiting: 'Waiting', pending: 'Pending', approved: 'Approved', rejected: 'Rejected', skipped: 'Skipped' },
    step_kind: { unit_director: 'Unit director', township_director: 'Township director', chief_accountant: 'Chief accountant', group_finance: 'Group finance', council: 'Council' },
    approver_role: { director: 'Director', chief_accountant: 'Chief accountant', group_finance: 'Group finance', group_admin: 'Council (group admin)' },
    fund_kind: { contribution: 'Contribution', payout: 'Payout', return: 'Year-end return' },
    budget_status: { active: 'Active', superseded: 'Superseded' },
  },
};
