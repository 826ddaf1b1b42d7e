// 绩效工资 messages, zh-CN first.
import { enumMessages } from '../../../api/core/enums';
import { PAY_ENUMS } from '../../../api/pay/enums';
import { TRACE_CHECK, TRACE_LABEL, TRACE_NO_SETTLEMENT } from '../../../api/pay/traceLabels';

export const zh = {
  menu: { groups: { pay: '绩效工资' } },
  resources: {
    'pay-runs': {
      name: '绩效核算',
      fields: {
        id: '编号',
        org_unit_id: '乡镇卫生院',
        month: '月份',
        status: '状态',
        budgeted_fund: '预算绩效资金',
        settlement_share: '医保结余绩效分配',
        pool: '本月绩效总额',
        total_points: '总工分',
        point_value: '每分值（元）',
        calculated_at: '计算时间',
        reviewed_by_name: '审核人（院长）',
        approved_by_name: '批准人（财务）',
      },
    },
  },
  pay: {
    month_help: '格式 YYYY-MM，例如 2026-11',
    line: {
      name: '姓名',
      work_org_unit_id: '工作单位',
      gross_points: '工分',
      missed_tasks: '漏访',
      deduction_points: '扣分',
      control_rate: '控制率',
      quality_factor: '质量系数',
      grade: '年度考核',
      grade_factor: '考核系数',
      points: '核定工分',
      amount: '绩效金额（元）',
    },
    item: { on: '日期', kind: '类别', ref_id: '记录号', type: '项目', resident: '居民', points: '工分' },
    drill: '工分明细',
    close: '关闭',
    download: '下载绩效工资表',
    action: { calculate: '计算', review: '院长审核', approve: '财务批准', lock: '锁定发放' },
    done: '已完成：%{step}',
    refused: {
      four_eyes: '审核人不能再批准同一批次（双人复核）',
      pay_run_state: '当前状态不能执行此操作',
      no_points: '本月没有工分，无法分配',
      not_township: '绩效核算按乡镇卫生院进行',
      run_exists: '该卫生院本月已有核算批次',
      other: '操作未完成，请稍后重试',
    },
    statement: {
      title: '本月健康管理绩效',
      points: '本月工分（至今）',
      gross: '工作量 %{gross} 分，漏访 %{missed} 次',
      last: '%{month} 绩效',
      value: '每分 ¥%{value}',
      none: '尚无核算',
    },
  },
  ...enumMessages('zh', ...PAY_ENUMS, TRACE_CHECK, TRACE_NO_SETTLEMENT, TRACE_LABEL),
};
