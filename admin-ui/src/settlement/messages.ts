// 医保打包付费 messages, zh-CN first.
export const zh = {
  menu: { groups: { settlement: '医保结算' }, settlement_dashboard: '结算看板', claims_import: '结算数据导入' },
  resources: {
    'fund-years': {
      name: '基金年度',
      fields: {
        region: '统筹区（县）', year: '年度', insured_count: '参保人数', premium_total: '保费总额', catastrophic_pool: '大病统筹', outpatient_pool: '门诊统筹',
        bundle_ratio: '打包比例', budget: '打包预算', monthly_profile: '月度预算分布', overspend_tiers: '超支分担档次', gates: '结余留用条件', allocation: '结余分配设置',
      },
    },
    'settlement-runs': {
      name: '结算批次',
      fields: {
        fund_year_id: '基金年度', period: '期间', kind: '类型', status: '状态', version: '版本', budget: '预算（至本期）', spending: '基金支出', surplus: '结余',
        surplus_rate: '结余率', retained: '留用', calculated_at: '计算时间', reviewed_by_name: '审核人', approved_by_name: '批准人', reason: '原因', current: '仅当前有效',
      },
    },
    claims: {
      name: '结算明细',
      fields: {
        fund_year_id: '基金年度', claim_no: '结算单号', id_number_masked: '身份证号', insured_name: '姓名', insured_unit_id: '参保乡镇', provider_class: '机构类别',
        org_unit_id: '集团机构', provider_name: '机构名称', care_type: '就诊类型', visit_on: '就诊/入院', discharged_on: '出院', settled_on: '结算日期',
        settled_on_gte: '结算日期起', settled_on_lte: '结算日期止', total_cost: '总费用', fund_paid: '统筹支付', self_pay: '个人自付', self_funded: '自费',
        drug_cost: '药品', consumables_cost: '耗材', diagnosis: '诊断', referred_up: '上转住院', period_month: '月份', q: '搜索',
      },
    },
  },
  settlement: {
    fund_year: '基金年度',
    budget: '打包预算', annual_budget: '年度预算', budget_to_date: '预算（至本期）', spending: '基金支出', surplus: '结余', surplus_rate: '结余率', overspend: '超支',
    overspend_group: '集团承担', overspend_fund: '基金承担', retained: '结余留用', returned: '返还基金', deductions: '扣减比例', satisfaction: '满意度', claims: '结算人次',
    cumulative_budget: '累计预算', cumulative_spending: '累计支出', month: '月份', by_month: '预算与累计支出（按月）',
    gates: '结余留用条件', gate: '条件', value: '实际值', threshold: '阈值', passed: '达标', failed: '未达标', deduction: '扣减',
    indicators: '监测指标', indicator: '指标', numerator: '分子', denominator: '分母', ok: '状态', na: '无数据', group_level: '集团', unit_indicators: '各成员单位监测指标',
    allocation: '结余分配', allocation_by_township: '各乡镇分配额', pool: '资金池', pool_amount: '池金额', unit: '单位', raw: '原始值', normalised: '标准化值',
    score: '得分', population: '参保人口', weight: '权重', share: '份额', amount: '分配额', total: '合计',
    by_class_and_care: '按机构类别与就诊类型', provider_class: '机构类别', care_type: '就诊类型', total_cost: '总费用', fund_paid: '统筹支付', self_pay: '个人自付', self_funded: '自费',
    drug_cost: '药品', consumables_cost: '耗材',
    no_run: '本基金年度尚无已计算的结算批次', latest_run: '最新结算：%{period}（%{status}，第 %{version} 版）', open_run: '打开结算批次',
    drill: '点击单位查看其结算汇总', drill_title: '%{unit} 结算汇总', provided: '本单位（含村卫生室）提供的服务', insured: '本乡镇参保人的结算', close: '关闭',
    overspend_slices: '超支分担分段', slice: '分段',
    run: {
      calculate: '计算', recalculate: '重新计算', review: '审核', approve: '批准', comment: '添加意见', download: '下载结算工作簿', reason: '重新计算原因', comment_label: '意见',
      submit: '确定', cancel: '取消', versions: '计算版本', history: '处理记录', figures: '结算数据', version_n: '第 %{n} 版', current_version: '当前', view: '查看',
      calculated_by: '计算人', superseded: '本批次已被批次 %{id} 取代', supersedes: '取代批次 %{id}', four_eyes: '四眼原则：审核人不能批准同一批次', new_run: '新建结算批次',
      done: '已完成：%{action}', period_help: '月份 YYYY-MM（暂结，年初至该月）或年度 YYYY（年终清算）', viewing_version: '正在查看第 %{n} 版',
    },
    event: { created: '创建', calculated: '计算', recalculated: '重新计算', reviewed: '审核', approved: '批准', comment: '意见', superseded: '被取代' },
    import: {
      title: '结算数据导入', kind: '导入内容', claims: '结算明细（医保结算单）', satisfaction: '满意度调查得分', file: '选择文件（xlsx 或 csv）', template: '下载模板',
      dry_run: '校验（不写入）', commit: '导入有效行', all_or_nothing: '有错误行时全部不导入', accepted: '有效行', rejected: '错误行', inserted: '新增', updated: '更新', unchanged: '未变化',
      row: '行号', field: '字段', message: '问题', checked: '校验完成：%{accepted} 行有效，%{rejected} 行有错误', committed: '导入完成：新增 %{inserted}，更新 %{updated}，未变化 %{unchanged}',
      rolled_back: '存在错误行，按“全部或不导入”未写入任何数据', no_file: '请先选择文件', not_allowed: '您可以查看结算数据，导入由集团财务管理中心办理', listed: '仅列出前 %{n} 条问题',
    },
  },
  enums: {
    provider_class: { in_group: '集团内', out_group_in_county: '县内集团外', out_of_county: '县外' },
    care_type: { inpatient: '住院', outpatient: '门诊' },
    run_kind: { provisional: '月度暂结', final: '年终清算' },
    run_status: { draft: '草稿', calculated: '已计算', reviewed: '已审核', approved: '已批准（锁定）' },
    gate: { self_funded_rate: '自费率', reimbursement_ratio: '实际报销比', satisfaction: '参保满意度' },
    direction: { max: '≤', min: '≥' },
    settlement_indicator: {
      inpatient_average_cost: '住院次均费用', drug_share: '药占比', consumables_share: '耗占比', self_funded_rate: '自费率', reimbursement_ratio: '实际报销比',
      in_county_fund_share: '县域内基金支出占比', primary_care_fund_share: '基层基金支出占比', in_county_inpatient_share: '县域内住院占比', up_referral_rate: '上转住院率',
    },
    allocation_indicator: { standardised_management_rate: '规范管理率', control_rate: '控制率', inpatient_admissions_change: '千人住院变化' },
    pool: { health_management: '健康管理', staff_performance: '绩效奖励' },
  },
};

export const en = {
  menu: { groups: { settlement: 'Insurance settlement' }, settlement_dashboard: 'Settlement dashboard', claims_import: 'Claims import' },
  resources: {
    'fund-years': {
      name: 'Fund years',
      fields: {
        region: 'Region (county)', year: 'Year', insured_count: 'Insured', premium_total: 'Premiums', catastrophic_pool: 'Catastrophic pool', outpatient_pool: 'Outpatient pool',
        bundle_ratio: 'Bundle ratio', budget: 'Budget', monthly_profile: 'Monthly profile', overspend_tiers: 'Overspend tiers', gates: 'Gates', allocation: 'Allocation',
      },
    },
    'settlement-runs': {
      name: 'Settlement runs',
      fields: {
        fund_year_id: 'Fund year', period: 'Period', kind: 'Kind', status: 'Status', version: 'Version', budget: 'Budget to date', spending: 'Spending', surplus: 'Surplus',
        surplus_rate: 'Surplus rate', retained: 'Retained', calculated_at: 'Calculated', reviewed_by_name: 'Reviewer', approved_by_name: 'Approver', reason: 'Reason', current: 'Current only',
      },
    },
    claims: {
      name: 'Claims',
      fields: {
        fund_year_id: 'Fund year', claim_no: 'Claim no.', id_number_masked: 'ID number', insured_name: 'Name', insured_unit_id: 'Insured township', provider_class: 'Provider class',
        org_unit_id: 'Group unit', provider_name: 'Provider', care_type: 'Care type', visit_on: 'Visit / admission', discharged_on: 'Discharge', settled_on: 'Settled on',
        settled_on_gte: 'Settled from', settled_on_lte: 'Settled to', total_cost: 'Total cost', fund_paid: 'Fund paid', self_pay: 'Self pay', self_funded: 'Self funded',
        drug_cost: 'Drugs', consumables_cost: 'Consumables', diagnosis: 'Diagnosis', referred_up: 'Referred up', period_month: 'Month', q: 'Search',
      },
    },
  },
  settlement: {
    fund_year: 'Fund year',
    budget: 'Budget', annual_budget: 'Annual budget', budget_to_date: 'Budget to date', spending: 'Spending', surplus: 'Surplus', surplus_rate: 'Surplus rate', overspend: 'Overspend',
    overspend_group: 'Group bears', overspend_fund: 'Fund bears', retained: 'Retained', returned: 'Returned to fund', deductions: 'Deductions', satisfaction: 'Satisfaction', claims: 'Claims',
    cumulative_budget: 'Cumulative budget', cumulative_spending: 'Cumulative spending', month: 'Month', by_month: 'Budget against cumulative spending by month',
    gates: 'Gates', gate: 'Gate', value: 'Value', threshold: 'Threshold', passed: 'Passed', failed: 'Failed', deduction: 'Deduction',
    indicators: 'Monitoring indicators', indicator: 'Indicator', numerator: 'Numerator', denominator: 'Denominator', ok: 'Status', na: 'no data', group_level: 'Group', unit_indicators: 'Indicators per member unit',
    allocation: 'Allocation', allocation_by_township: 'Allocation per township', pool: 'Pool', pool_amount: 'Pool amount', unit: 'Unit', raw: 'Raw', normalised: 'Normalised',
    score: 'Score', population: 'Population', weight: 'Weight', share: 'Share', amount: 'Amount', total: 'Total',
    by_class_and_care: 'By provider class and care type', provider_class: 'Provider class', care_type: 'Care type', total_cost: 'Total cost', fund_paid: 'Fund paid', self_pay: 'Self pay', self_funded: 'Self funded',
    drug_cost: 'Drugs', consumables_cost: 'Consumables',
    no_run: 'No calculated run in this fund year yet', latest_run: 'Latest: %{period} (%{status}, version %{version})', open_run: 'Open the run',
    drill: 'Click a unit for its claims summary', drill_title: '%{unit}: claims summary', provided: 'Provided by the unit (and its villages)', insured: 'Claims of the insured registered there', close: 'Close',
    overspend_slices: 'Overspend slices', slice: 'Slice',
    run: {
      calculate: 'Calculate', recalculate: 'Recalculate', review: 'Review', approve: 'Approve', comment: 'Comment', download: 'Download workbook', reason: 'Reason for recalculating', comment_label: 'Comment',
      submit: 'OK', cancel: 'Cancel', versions: 'Versions', history: 'History', figures: 'Figures', version_n: 'Version %{n}', current_version: 'current', view: 'View',
      calculated_by: 'Calculated by', superseded: 'Superseded by run %{id}', supersedes: 'Supersedes run %{id}', four_eyes: 'Four eyes: the reviewer cannot approve the same run', new_run: 'New run',
      done: 'Done: %{action}', period_help: 'A month YYYY-MM (provisional, year to date) or a year YYYY (final)', viewing_version: 'Viewing version %{n}',
    },
    event: { created: 'Created', calculated: 'Calculated', recalculated: 'Recalculated', reviewed: 'Reviewed', approved: 'Approved', comment: 'Comment', superseded: 'Superseded' },
    import: {
      title: 'Claims import', kind: 'What to import', claims: 'Claims (insurer settlement file)', satisfaction: 'Satisfaction survey scores', file: 'Choose a file (xlsx or csv)', template: 'Download template',
      dry_run: 'Check (dry run)', commit: 'Import valid rows', all_or_nothing: 'Import nothing if any row is bad', accepted: 'Valid rows', rejected: 'Rejected rows', inserted: 'Inserted', updated: 'Updated', unchanged: 'Unchanged',
      row: 'Row', field: 'Field', message: 'Problem', checked: 'Checked: %{accepted} valid rows, %{rejected} rejected', committed: 'Imported: %{inserted} inserted, %{updated} updated, %{unchanged} unchanged',
      rolled_back: 'Some rows are bad: nothing was imported (all or nothing)', no_file: 'Choose a file first', not_allowed: 'You may read the settlement data; group finance imports it', listed: 'Only the first %{n} problems are listed',
    },
  },
  enums: {
    provider_class: { in_group: 'In group', out_group_in_county: 'In county, outside group', out_of_county: 'Out of county' },
    care_type: { inpatient: 'Inpatient', outpatient: 'Outpatient' },
    run_kind: { provisional: 'Monthly provisional', final: 'Year-end final' },
    run_status: { draft: 'Draft', calculated: 'Calculated', reviewed: 'Reviewed', approved: 'Approved (locked)' },
    gate: { self_funded_rate: 'Self-funded rate', reimbursement_ratio: 'Reimbursement ratio', satisfaction: 'Satisfaction' },
    direction: { max: '≤', min: '≥' },
    settlement_indicator: {
      inpatient_average_cost: 'Inpatient average cost', drug_share: 'Drug share', consumables_share: 'Consumables share', self_funded_rate: 'Self-funded rate', reimbursement_ratio: 'Reimbursement ratio',
      in_county_fund_share: 'In-county fund share', primary_care_fund_share: 'Primary-care fund share', in_county_inpatient_share: 'In-county inpatient share', up_referral_rate: 'Up-referral rate',
    },
    allocation_indicator: { standardised_management_rate: 'Standardised management rate', control_rate: 'Control rate', inpatient_admissions_change: 'Admissions change' },
    pool: { health_management: 'Health management', staff_performance: 'Staff performance' },
  },
};
