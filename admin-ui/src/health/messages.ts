// 健康管理 messages, zh-CN first.
export const zh = {
  menu: { groups: { health: '健康管理' }, my_tasks: '我的任务', log_followup: '登记随访', health_indicators: '考核指标' },
  resources: {
    residents: {
      name: '居民档案',
      fields: {
        id: '编号', org_unit_id: '村卫生室', managing_org_unit_id: '管理单位', name: '姓名', sex: '性别', birth_date: '出生日期', age: '年龄', id_number: '身份证号', id_number_masked: '身份证号',
        phone: '电话', household: '户', insured: '参保', conditions: '慢性病', tags: '重点人群', tag: '重点人群', q: '搜索', active: '在册', contracted: '已签约',
        created_at: '建档时间', 'conditions.code': '疾病', 'conditions.diagnosed_on': '确诊日期',
      },
    },
    'family-doctor-teams': {
      name: '家庭医生团队',
      fields: {
        org_unit_id: '所属卫生院', code: '编码', name: '团队名称', active: '启用', village_ids: '服务村', members: '成员', member_count: '成员数',
        leader_name: '团队长', active_contracts: '在约居民', village_id: '服务村', q: '搜索', 'members.user_id': '用户', 'members.role': '角色', 'members.is_leader': '团队长',
        display_name: '姓名', username: '用户名', role: '角色', is_leader: '团队长',
      },
    },
    contracts: {
      name: '签约',
      fields: {
        resident_id: '居民', resident_name: '居民', team_id: '团队', package_code: '服务包', signed_on: '签约日期', start_on: '开始', end_on: '结束', status: '状态',
        terminated_on: '解约日期', termination_reason: '解约原因', org_unit_id: '村卫生室', q: '搜索',
      },
    },
    followups: {
      name: '随访记录',
      fields: {
        resident_id: '居民', resident_name: '居民', type: '类型', mode: '方式', visited_on: '随访日期', systolic: '收缩压', diastolic: '舒张压', fasting_glucose: '空腹血糖',
        weight_kg: '体重', height_cm: '身高', heart_rate: '心率', classification: '控制情况', advice: '处理建议', topic: '主题', attendees: '参加人数', notes: '备注',
        org_unit_id: '村卫生室', doctor_user_id: '随访医生', task_id: '任务', q: '搜索',
      },
    },
    'followup-schedules': {
      name: '随访计划',
      fields: {
        code: '编码', name: '名称', followup_type: '随访类型', population: '适用人群', trigger: '触发', period_months: '周期', due_within_days: '周期开始后应随访天数',
        norm: '规范依据', active: '启用',
      },
    },
    tasks: {
      name: '随访任务',
      fields: {
        resident_id: '居民', resident_name: '居民', type: '类型', due_on: '应随访日期', window_start: '窗口开始', window_end: '窗口结束', state: '状态', period: '周期',
        schedule_code: '计划', bucket: '范围', org_unit_id: '村卫生室', overdue: '逾期', q: '搜索',
      },
    },
  },
  enums: {
    followup_type: {
      hypertension: '高血压随访', diabetes: '糖尿病随访', elderly_check: '老年人体检', maternal: '孕产妇随访', child: '儿童健康检查', severe_mental: '严重精神障碍随访',
      tb: '肺结核随访', home_visit: '上门访视', health_education: '健康教育',
    },
    followup_mode: { clinic: '门诊', home: '入户', phone: '电话' },
    classification: { controlled: '控制满意', uncontrolled: '控制不满意' },
    advice: { recheck_in_2_weeks: '2周内复诊', urgent_referral: '紧急转诊' },
    task_state: { upcoming: '未开始', due: '待随访', done: '已完成', missed: '漏访', cancelled: '已取消' },
    task_bucket: { today: '今天', overdue: '逾期', this_month: '本月', open: '全部待办' },
    key_tag: { elderly_65: '65岁及以上', hypertension: '高血压', diabetes: '糖尿病', pregnant: '孕产妇', child_0_6: '0–6岁儿童', severe_mental: '严重精神障碍', tb: '肺结核' },
    condition: { hypertension: '高血压', diabetes: '2型糖尿病', severe_mental: '严重精神障碍', tb: '肺结核', copd: '慢阻肺', coronary: '冠心病', stroke: '脑卒中', cancer: '肿瘤' },
    deregistration_reason: { death: '死亡', moved_away: '迁出本医联体' },
    schedule_trigger: { period: '按周期', uncontrolled: '控制不满意后复诊' },
    sex: { M: '男', F: '女' },
    package: { basic: '基础包', elderly: '老年人包', chronic: '慢病包', maternal_child: '母婴包' },
    contract_status: { active: '履约中', renewed: '已续约', expired: '已到期', terminated: '已解约' },
    termination_reason: { resident_request: '居民申请', moved_away: '迁出', death: '死亡', team_dissolved: '团队撤销', other: '其他' },
    member_role: { general_practitioner: '全科医生', village_doctor: '乡村医生', nurse: '护士', public_health: '公卫人员', specialist: '专科医生' },
    indicator: {
      contract_rate: '签约率', key_population_contract_rate: '重点人群签约率', standardised_management_rate: '规范管理率', control_rate: '控制率', task_completion_rate: '任务完成率',
    },
  },
  health: {
    tasks: { title: '我的任务', empty: '没有待办任务', due: '应随访 %{date}', overdue: '逾期 %{days} 天', log: '登记', cancel: '取消任务', cancel_reason: '取消原因' },
    form: {
      title: '登记随访', resident: '居民', pick_resident: '选择居民', save: '保存', saved: '已保存', queued: '网络不可用：已保存在本机，联网后自动发送',
      sent_later: '离线随访已发送 %{n} 条', outbox: '%{n} 条随访等待发送', retry: '立即重试', task_done: '任务已完成', back: '返回我的任务', another: '再登记一条',
      measurements: '测量', today: '今天',
    },
    resident: { contract: '家庭医生签约', no_contract: '未签约', measurements: '近期测量', trend: '血压 / 血糖趋势', followups: '随访记录', tasks: '随访任务', transfers: '迁移记录', care_transfers: '管理单位变更（随转诊）', reveal: '查看完整身份证号', transfer: '迁往他村', deregister: '注销档案',
      to_village: '迁入村卫生室', transferred_on: '迁移日期', reason: '原因', deregistered_on: '注销日期', deregistered: '档案已于 %{date} 注销（%{reason}）',
    },
    schedules: {
      every_1: '每月', every_2: '每2个月', every_3: '每季度', every_4: '每4个月', every_6: '每半年', every_12: '每年', within: '%{days} 天内', inactive: '已停用',
      takes_effect: '修改在下一次生成任务时生效；已生成的任务不变。',
    },
    contract: { renew: '续约', terminate: '解约', sign: '签约' },
    indicators: {
      title: '健康管理考核指标', year: '年度', unit: '单位', breakdown: '明细', by: { children: '下一级', townships: '按乡镇', villages: '按村' }, sort: '排序（最差在前）',
      numerator: '分子', denominator: '分母', download: '下载工作量报表',
    },
  },
};

export const en = {
  menu: { groups: { health: 'Health management' }, my_tasks: 'My tasks', log_followup: 'Log a follow-up', health_indicators: 'Indicators' },
  resources: {
    residents: {
      name: 'Resident |||| Residents',
      fields: {
        id: 'No.', org_unit_id: 'Village clinic', managing_org_unit_id: 'Managing unit', name: 'Name', sex: 'Sex', birth_date: 'Birth date', age: 'Age', id_number: 'ID number', id_number_masked: 'ID number',
        phone: 'Phone', household: 'Household', insured: 'Insured', conditions: 'Chronic conditions', tags: 'Key populations', tag: 'Key population', q: 'Search', active: 'Registered',
        contracted: 'Contracted', created_at: 'Registered at', 'conditions.code': 'Condition', 'conditions.diagnosed_on': 'Diagnosed on',
      },
    },
    'family-doctor-teams': {
      name: 'Family-doctor team |||| Family-doctor teams',
      fields: {
        org_unit_id: 'Township centre', code: 'Code', name: 'Name', active: 'Active', village_ids: 'Villages served', members: 'Members', member_count: 'Members',
        leader_name: 'Leader', active_contracts: 'Active contracts', village_id: 'Village', q: 'Search', 'members.user_id': 'User', 'members.role': 'Role', 'members.is_leader': 'Leader',
        display_name: 'Name', username: 'Username', role: 'Role', is_leader: 'Leader',
      },
    },
    contracts: {
      name: 'Contract |||| Contracts',
      fields: {
        resident_id: 'Resident', resident_name: 'Resident', team_id: 'Team', package_code: 'Package', signed_on: 'Signed on', start_on: 'Start', end_on: 'End', status: 'Status',
        terminated_on: 'Terminated on', termination_reason: 'Reason', org_unit_id: 'Village clinic', q: 'Search',
      },
    },
    followups: {
      name: 'Follow-up |||| Follow-ups',
      fields: {
        resident_id: 'Resident', resident_name: 'Resident', type: 'Type', mode: 'Mode', visited_on: 'Visited on', systolic: 'Systolic', diastolic: 'Diastolic', fasting_glucose: 'Fasting glucose',
        weight_kg: 'Weight', height_cm: 'Height', heart_rate: 'Heart rate', classification: 'Control', advice: 'Advice', topic: 'Topic', attendees: 'Attendees', notes: 'Notes',
        org_unit_id: 'Village clinic', doctor_user_id: 'Doctor', task_id: 'Task', q: 'Search',
      },
    },
    'followup-schedules': {
      name: 'Follow-up schedule |||| Follow-up schedules',
      fields: {
        code: 'Code', name: 'Name', followup_type: 'Follow-up type', population: 'Population', trigger: 'Trigger', period_months: 'Period', due_within_days: 'Due within (days from period start)',
        norm: 'Norm', active: 'Active',
      },
    },
    tasks: {
      name: 'Task |||| Tasks',
      fields: {
        resident_id: 'Resident', resident_name: 'Resident', type: 'Type', due_on: 'Due on', window_start: 'Window start', window_end: 'Window end', state: 'State', period: 'Period',
        schedule_code: 'Schedule', bucket: 'Show', org_unit_id: 'Village clinic', overdue: 'Overdue', q: 'Search',
      },
    },
  },
  enums: {
    followup_type: {
      hypertension: 'Hypertension', diabetes: 'Diabetes', elderly_check: 'Elderly annual check', maternal: 'Maternal', child: 'Child check', severe_mental: 'Severe mental illness',
      tb: 'Tuberculosis', home_visit: 'Home visit', health_education: 'Health education',
    },
    followup_mode: { clinic: 'Clinic', home: 'Home', phone: 'Phone' },
    classification: { controlled: 'Controlled', uncontrolled: 'Uncontrolled' },
    advice: { recheck_in_2_weeks: 'Recheck within 2 weeks', urgent_referral: 'Urgent referral' },
    task_state: { upcoming: 'Upcoming', due: 'Due', done: 'Done', missed: 'Missed', cancelled: 'Cancelled' },
    task_bucket: { today: 'Today', overdue: 'Overdue', this_month: 'This month', open: 'All open' },
    key_tag: { elderly_65: '65 and over', hypertension: 'Hypertension', diabetes: 'Diabetes', pregnant: 'Pregnant', child_0_6: 'Child 0–6', severe_mental: 'Severe mental illness', tb: 'Tuberculosis' },
    condition: { hypertension: 'Hypertension', diabetes: 'Type 2 diabetes', severe_mental: 'Severe mental illness', tb: 'Tuberculosis', copd: 'COPD', coronary: 'Coronary disease', stroke: 'Stroke', cancer: 'Cancer' },
    deregistration_reason: { death: 'Death', moved_away: 'Moved out of the group' },
    schedule_trigger: { period: 'Every period', uncontrolled: 'Recheck after an uncontrolled visit' },
    sex: { M: 'Male', F: 'Female' },
    package: { basic: 'Basic', elderly: 'Elderly', chronic: 'Chronic disease', maternal_child: 'Maternal & child' },
    contract_status: { active: 'Active', renewed: 'Renewed', expired: 'Expired', terminated: 'Terminated' },
    termination_reason: { resident_request: 'Resident request', moved_away: 'Moved away', death: 'Death', team_dissolved: 'Team dissolved', other: 'Other' },
    member_role: { general_practitioner: 'General practitioner', village_doctor: 'Village doctor', nurse: 'Nurse', public_health: 'Public health', specialist: 'Specialist' },
    indicator: {
      contract_rate: 'Contract rate', key_population_contract_rate: 'Key-population contract rate', standardised_management_rate: 'Standardised management', control_rate: 'Control rate',
      task_completion_rate: 'Task completion',
    },
  },
  health: {
    tasks: { title: 'My tasks', empty: 'No open tasks', due: 'Due %{date}', overdue: '%{days} days overdue', log: 'Log', cancel: 'Cancel task', cancel_reason: 'Reason' },
    form: {
      title: 'Log a follow-up', resident: 'Resident', pick_resident: 'Choose a resident', save: 'Save', saved: 'Saved', queued: 'No network: kept on this phone, sent when back online',
      sent_later: '%{n} offline follow-ups sent', outbox: '%{n} follow-ups waiting to be sent', retry: 'Retry now', task_done: 'Task done', back: 'Back to my tasks', another: 'Log another',
      measurements: 'Measurements', today: 'Today',
    },
    resident: { contract: 'Family-doctor contract', no_contract: 'No contract', measurements: 'Recent measurements', trend: 'Blood pressure / glucose trend', followups: 'Follow-ups', tasks: 'Tasks', transfers: 'Transfers', care_transfers: 'Managing unit changes (with referrals)', reveal: 'Show full ID number', transfer: 'Move to another village', deregister: 'Deregister',
      to_village: 'To village clinic', transferred_on: 'Moved on', reason: 'Reason', deregistered_on: 'Deregistered on', deregistered: 'Record closed on %{date} (%{reason})',
    },
    schedules: {
      every_1: 'Monthly', every_2: 'Every 2 months', every_3: 'Quarterly', every_4: 'Every 4 months', every_6: 'Half-yearly', every_12: 'Yearly', within: 'within %{days} days', inactive: 'Inactive',
      takes_effect: 'Changes apply from the next task generation; tasks already generated stay as they are.',
    },
    contract: { renew: 'Renew', terminate: 'Terminate', sign: 'Sign' },
    indicators: {
      title: 'Health-management indicators', year: 'Year', unit: 'Unit', breakdown: 'Breakdown', by: { children: 'Next level', townships: 'By township', villages: 'By village' }, sort: 'Sort (worst first)',
      numerator: 'Numerator', denominator: 'Denominator', download: 'Download workload report',
    },
  },
};
