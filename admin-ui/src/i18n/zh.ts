// 简体中文: react-admin 的 ra.* 与本系统名称；缺的键落回英文。
import { mergeTranslations } from 'react-admin';
import { appEnglish, english } from './en';
import { raChinese } from './raChinese';

const appChinese: typeof appEnglish = {
  app: {
    title: '医联体 ERP',
    login: { wrong_password: '用户名或密码错误', too_many_attempts: '登录尝试次数过多，请稍后再试', unavailable: '系统暂时无法使用，请稍后再试' },
  },
  menu: {
    groups: { org: '组织机构', system: '系统' },
    org_tree: '机构树',
  },
  resources: {
    demo: { name: '演示数据' },
    'org-units': {
      name: '机构',
      fields: {
        code: '编码', name: '名称', kind: '类型', level: '层级', parent_id: '上级机构', path: '路径',
        region: '地区', address: '地址', phone: '电话', active: '启用',
        created_at: '创建时间', updated_at: '更新时间',
      },
    },
    departments: {
      name: '科室',
      fields: { org_unit_id: '所属机构', name: '名称', kind: '类别', active: '启用' },
    },
    users: {
      name: '用户',
      fields: {
        username: '用户名', display_name: '姓名', roles: '角色', org_unit_id: '所属机构',
        password: '密码', active: '启用', created_at: '创建时间', updated_at: '更新时间',
      },
    },
    'audit-log': {
      name: '审计日志',
      fields: {
        at: '时间', actor_name: '操作人', action: '操作', resource: '资源', record_id: '记录',
        before: '修改前', after: '修改后', client_ip: '客户端 IP', at_gte: '起始时间', at_lte: '截止时间',
      },
    },
    'job-runs': {
      name: '任务运行记录',
      fields: {
        job: '任务', run_key: '运行键', status: '状态', started_at: '开始时间', finished_at: '结束时间',
        triggered_by: '触发者', result: '结果', error: '错误',
      },
    },
  },
  enums: {
    unit_kind: {
      hq: '总院', branch: '分院', township: '乡镇卫生院', community: '社区卫生服务中心',
      village: '村卫生室', private: '民营医院', rehabilitation: '康复机构', elderly_care: '养老机构',
    },
    unit_level: { 1: '总院', 2: '分院', 3: '乡镇/社区', 4: '村卫生室' },
    department_kind: {
      clinical: '临床', medical_technology: '医技', nursing: '护理',
      pharmacy: '药剂', public_health: '公共卫生', administration: '行政',
    },
    role: {
      group_admin: '集团管理员', group_finance: '集团财务', group_hr: '集团人事',
      procurement: '采购', referral_coordinator: '转诊协调员', director: '院长',
      staff_clerk: '文员', village_doctor: '村医', auditor: '审计',
    },
    job_status: { running: '运行中', succeeded: '成功', failed: '失败', skipped: '跳过' },
    job: {
      'risk-fund-year-end': '医疗风险金年终返还', 'health-daily': '健康管理每日任务', 'hr-daily': '人事每日检查', referrals: { escalate: '转诊超时上报' },
      settlement: { 'monthly-provisional': '医保月度预结算' }, 'idempotency-keys-purge': '清理过期幂等键',
    },
    job_trigger: { cron: '定时任务' },
    audit_action: {
      create: '新建', update: '修改', delete: '删除', import: '导入', seed: '载入演示数据', move: '调整隶属', post: '记账', close: '结账',
      pay: '付款', request: '申请', review: '审核', approve: '批准', reject: '驳回', cancel: '撤销', comment: '批注', accept: '接收',
      arrive: '到达', complete: '完成', escalate: '超时升级', publish: '发布', calculate: '计算', recalculate: '重新计算', supersede: '替代', revise: '修订',
      budget_override: '超预算放行', contribute: '缴存', year_end_return: '年终返还', consolidate: '合并采购', send: '发送', ship: '发货', receive: '收货', confirm: '确认',
      offer: '挂出调剂', withdraw: '撤回', dispose: '报废', transfer: '调拨', return_to_market: '退回调剂市场', activate: '生效', renew: '续签', expire: '到期',
      exit: '退出', terminate: '终止', deregister: '注销', 'change-status': '变更状态', 'assign-post': '分配岗位', 'reveal-id-number': '查看身份证号', reveal_id: '查看身份证号',
      copy: '复制', mark_read: '标为已读', mark_all_read: '全部标为已读',
    },
  },
  org_tree: {
    title: '机构树',
    empty: '您的管辖范围内没有机构',
    expand: '展开 %{name}',
    collapse: '收起 %{name}',
  },
  home: {
    todo: '待办事项',
    fund_year: '%{region} %{year} 基金年度（截至 %{month} 月）',
    budget_to_date: '打包预算（至今）',
    annual_budget: '全年预算 %{amount}',
    spending_to_date: '基金支出（至今）',
    claims: '结算 %{count} 人次',
    surplus_rate: '结余率',
    gate_value: '实际 %{value} · 阈值 %{threshold}',
    runs_awaiting: { calculated: '待审核的结算批次', reviewed: '待批准的结算批次' },
    expenses_awaiting: { finance: '待财务管理中心审批的支出申请', council: '待理事会审批的大额支出', director: '待我审批的支出申请' },
    budget_execution: '%{year} 年本单位预算执行（含下属单位）',
    expense_budget: '支出预算',
    expense_consumed: '已执行（含占用）',
    execution_rate: '执行率 %{rate}',
    expense_remaining: '预算余额',
    accounts_over: '超预算科目数',
    hr: '人力资源',
    rotation: '%{year} 年%{type}（已安排/计划名额）',
    rotation_sub: '点击查看轮转名单',
    quota: '计划名额',
    filled: '已安排',
    next_plan: '%{year} 年轮转计划',
    plan_exists: '已制定',
    plan_missing: '未制定',
    licences_expiring: '60 天内到期的执业证书',
    posts_vacant: '有空缺的岗位',
    vacancies: '核定编制 %{headcount} 人，在岗 %{filled} 人，空缺 %{vacant} 人',
    tasks: { today: '今天到期', overdue: '已逾期', this_month: '本月待办' },
    indicators: '%{year} 年考核指标（最差的在前）',
    ratio: '%{numerator} / %{denominator}',
    referral_inbox: '转入待办（本单位）',
    referrals_waiting: '待应答的转诊',
    referrals_overdue: '超时未应答',
    referrals_oldest: '等待最久',
    referrals_overdue_all: '全集团超时未应答',
    referrals_waiting_all: '全集团待应答',
    office_inbox: '各接收单位转入待办',
    out_of_county: '县外医院（转诊办公室应答）',
    receiving_unit: '接收单位',
    waited_days: '%{days} 天 %{hours} 小时',
    waited_hours: '%{hours} 小时',
    requested_at: '%{at} 提出',
    nothing_waiting: '没有待应答的转诊',
  },
  login: {
    demo_title: '演示账号',
    demo_hint: '演示环境：以下账号的密码均为 %{password}',
    demo_hint_no_password: '演示环境：以下账号的密码见部署说明',
  },
  dashboard: {
    greeting: '您好，%{name}',
    unit: '所属机构：%{unit}',
    units_per_level: '管辖范围内各级机构数',
    units: '机构数',
  },
};

export const chinese = mergeTranslations(english, raChinese, appChinese);
