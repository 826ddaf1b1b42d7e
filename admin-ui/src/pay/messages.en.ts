// pay: the English messages, loaded when a user switches to English (the first load is Chinese).
import { enumMessages } from '../../../api/core/enums';
import { PAY_ENUMS } from '../../../api/pay/enums';
import { TRACE_CHECK, TRACE_LABEL, TRACE_NO_SETTLEMENT } from '../../../api/pay/traceLabels';

export const en = {
  menu: { groups: { pay: 'Performance pay' } },
  resources: {
    'pay-runs': {
      name: 'Pay runs',
      fields: {
        id: 'No.',
        org_unit_id: 'Township',
        month: 'Month',
        status: 'Status',
        budgeted_fund: 'Budgeted performance fund',
        settlement_share: 'Settlement staff-performance share',
        pool: 'Pool of the month',
        total_points: 'Total points',
        point_value: 'Point value (yuan)',
        calculated_at: 'Calculated at',
        reviewed_by_name: 'Reviewed by (director)',
        approved_by_name: 'Approved by (finance)',
      },
    },
  },
  pay: {
    month_help: 'YYYY-MM, e.g. 2026-11',
    line: {
      name: 'Name',
      work_org_unit_id: 'Works at',
      gross_points: 'Points',
      missed_tasks: 'Missed',
      deduction_points: 'Deducted',
      control_rate: 'Control rate',
      quality_factor: 'Quality factor',
      grade: 'Assessment',
      grade_factor: 'Grade factor',
      points: 'Points counted',
      amount: 'Amount (yuan)',
    },
    item: { on: 'Date', kind: 'Kind', ref_id: 'Record', type: 'Service', resident: 'Resident', points: 'Points' },
    drill: 'Points in detail',
    close: 'Close',
    download: 'Download pay workbook',
    action: { calculate: 'Calculate', review: 'Director review', approve: 'Finance approval', lock: 'Lock for payment' },
    done: 'Done: %{step}',
    refused: {
      four_eyes: 'The reviewer cannot also approve the run (four eyes)',
      pay_run_state: 'Not possible in the run’s current state',
      no_points: 'No points this month: nothing to split',
      not_township: 'Pay runs are per township',
      run_exists: 'The township already has a run for this month',
      other: 'Not done, please try again',
    },
    statement: {
      title: 'Health-management pay this month',
      points: 'Points this month so far',
      gross: 'Work %{gross} points, %{missed} missed',
      last: 'Pay of %{month}',
      value: '¥%{value} a point',
      none: 'Not calculated yet',
    },
  },
  ...enumMessages('en', ...PAY_ENUMS, TRACE_CHECK, TRACE_NO_SETTLEMENT, TRACE_LABEL),
};
