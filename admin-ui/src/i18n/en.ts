// English: react-admin's pack plus our own names. zh.ts must translate every key of `appEnglish`.
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';

export const appEnglish = {
  app: {
    title: 'Medical Group ERP',
    login: { wrong_password: 'Wrong username or password', too_many_attempts: 'Too many login attempts: try again later', unavailable: 'The system is unavailable: try again shortly' },
  },
  menu: {
    groups: { org: 'Organisation', system: 'System' },
    org_tree: 'Unit tree',
  },
  resources: {
    demo: { name: 'Demo data' },
    'org-units': {
      name: 'Org unit |||| Org units',
      fields: {
        code: 'Code', name: 'Name', kind: 'Kind', level: 'Level', parent_id: 'Parent unit', path: 'Path',
        region: 'Region', address: 'Address', phone: 'Phone', active: 'Active',
        created_at: 'Created', updated_at: 'Updated',
      },
    },
    departments: {
      name: 'Department |||| Departments',
      fields: { org_unit_id: 'Org unit', name: 'Name', kind: 'Kind', active: 'Active' },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username', display_name: 'Display name', roles: 'Roles', org_unit_id: 'Org unit',
        password: 'Password', active: 'Active', created_at: 'Created', updated_at: 'Updated',
      },
    },
    'audit-log': {
      name: 'Audit entry |||| Audit log',
      fields: {
        at: 'Time', actor_name: 'Actor', action: 'Action', resource: 'Resource', record_id: 'Record',
        before: 'Before', after: 'After', client_ip: 'Client IP', at_gte: 'From', at_lte: 'Until',
      },
    },
    'job-runs': {
      name: 'Job run |||| Job runs',
      fields: {
        job: 'Job', run_key: 'Run key', status: 'Status', started_at: 'Started', finished_at: 'Finished',
        triggered_by: 'Triggered by', result: 'Result', error: 'Error',
      },
    },
  },
  enums: {
    unit_kind: {
      hq: 'HQ hospital', branch: 'Branch hospital', township: 'Township health centre',
      community: 'Community health centre', village: 'Village clinic', private: 'Private hospital',
      rehabilitation: 'Rehabilitation facility', elderly_care: 'Elderly care facility',
    },
    unit_level: { 1: 'HQ', 2: 'Branch', 3: 'Township / community', 4: 'Village' },
    department_kind: {
      clinical: 'Clinical', medical_technology: 'Medical technology', nursing: 'Nursing',
      pharmacy: 'Pharmacy', public_health: 'Public health', administration: 'Administration',
    },
    role: {
      group_admin: 'Group administrator', group_finance: 'Group finance', group_hr: 'Group HR',
      procurement: 'Procurement', referral_coordinator: 'Referral coordinator', director: 'Director',
      staff_clerk: 'Staff clerk', village_doctor: 'Village doctor', auditor: 'Auditor',
    },
    job_status: { running: 'Running', succeeded: 'Succeeded', failed: 'Failed', skipped: 'Skipped' },
    job: {
      'risk-fund-year-end': 'Risk fund year-end return', 'health-daily': 'Health daily', 'hr-daily': 'HR daily', referrals: { escalate: 'Referral escalation' },
      settlement: { 'monthly-provisional': 'Monthly provisional settlement' }, 'idempotency-keys-purge': 'Idempotency keys purge',
    },
    job_trigger: { cron: 'Schedule' },
    audit_action: {
      create: 'Create', update: 'Update', delete: 'Delete', import: 'Import', seed: 'Demo data loaded', move: 'Move', post: 'Post', close: 'Close',
      pay: 'Pay', request: 'Request', review: 'Review', approve: 'Approve', reject: 'Reject', cancel: 'Cancel', comment: 'Comment', accept: 'Accept',
      arrive: 'Arrive', complete: 'Complete', escalate: 'Escalate', publish: 'Publish', calculate: 'Calculate', recalculate: 'Recalculate', supersede: 'Supersede', revise: 'Revise',
      budget_override: 'Budget override', contribute: 'Contribute', year_end_return: 'Year-end return', consolidate: 'Consolidate', send: 'Send', ship: 'Ship', receive: 'Receive', confirm: 'Confirm',
      offer: 'Offer', withdraw: 'Withdraw', dispose: 'Dispose', transfer: 'Transfer', return_to_market: 'Back on the market', activate: 'Activate', renew: 'Renew', expire: 'Expire',
      exit: 'Exit', terminate: 'Terminate', deregister: 'Deregister', 'change-status': 'Change status', 'assign-post': 'Assign post', 'reveal-id-number': 'Reveal ID number', reveal_id: 'Reveal ID number',
      copy: 'Copy', mark_read: 'Mark read', mark_all_read: 'Mark all read',
    },
  },
  org_tree: {
    title: 'Unit tree',
    empty: 'No units in your scope',
    expand: 'Expand %{name}',
    collapse: 'Collapse %{name}',
  },
  home: {
    todo: 'Waiting for you',
    fund_year: 'Fund year %{region} %{year} (through month %{month})',
    budget_to_date: 'Bundled budget to date',
    annual_budget: 'Year %{amount}',
    spending_to_date: 'Fund spending to date',
    claims: '%{count} claims',
    surplus_rate: 'Surplus rate',
    gate_value: 'Value %{value} · threshold %{threshold}',
    runs_awaiting: { calculated: 'Settlement runs to review', reviewed: 'Settlement runs to approve' },
    expenses_awaiting: { finance: 'Expense requests at the finance centre', council: 'Large expenses at the council', director: 'Expense requests awaiting me' },
    budget_execution: 'Budget execution %{year} (with units below)',
    expense_budget: 'Expense budget',
    expense_consumed: 'Consumed (incl. commitments)',
    execution_rate: 'Rate %{rate}',
    expense_remaining: 'Remaining',
    accounts_over: 'Accounts over budget',
    hr: 'Human resources',
    rotation: '%{year} %{type} (placed / quota)',
    rotation_sub: 'Open the rotations',
    quota: 'Quota',
    filled: 'Placed',
    next_plan: 'Rotation plan %{year}',
    plan_exists: 'In place',
    plan_missing: 'Missing',
    licences_expiring: 'Licences expiring within 60 days',
    posts_vacant: 'Posts with vacancies',
    vacancies: 'Headcount %{headcount}, filled %{filled}, vacant %{vacant}',
    tasks: { today: 'Due today', overdue: 'Overdue', this_month: 'This month' },
    indicators: 'Indicators %{year} (worst first)',
    ratio: '%{numerator} / %{denominator}',
    referral_inbox: 'Referral inbox (this unit)',
    referrals_waiting: 'Awaiting an answer',
    referrals_overdue: 'Overdue',
    referrals_oldest: 'Waiting longest',
    referrals_overdue_all: 'Overdue, whole group',
    referrals_waiting_all: 'Awaiting an answer, whole group',
    office_inbox: 'Inbox of every receiving unit',
    out_of_county: 'Out of the county (answered by the office)',
    receiving_unit: 'Receiving unit',
    waited_days: '%{days} d %{hours} h',
    waited_hours: '%{hours} h',
    requested_at: 'sent %{at}',
    nothing_waiting: 'Nothing waiting',
  },
  login: {
    demo_title: 'Demo accounts',
    demo_hint: 'Demo system: every account below has the password %{password}',
    demo_hint_no_password: 'Demo system: see the deployment notes for the password',
  },
  dashboard: {
    greeting: 'Hello, %{name}',
    unit: 'Your unit: %{unit}',
    units_per_level: 'Units per level in your scope',
    units: 'Units',
  },
};

export const english = mergeTranslations(englishMessages, appEnglish);
