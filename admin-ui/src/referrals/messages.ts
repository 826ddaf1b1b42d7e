// 双向转诊 messages, zh-CN first.
export const zh = {
  menu: { groups: { referrals: '双向转诊' }, referral_inbox: '转入待办', referral_outbox: '转出记录', referral_office: '转诊办公室', referral_slots: '号源发布', referral_settings: '转诊参数' },
  resources: {
    referrals: {
      name: '转诊单',
      fields: {
        id: '编号', resident_id: '居民档案', patient_name: '患者', patient_id_number: '身份证号', patient_id_number_masked: '身份证号',
        patient_sex: '性别', patient_birth_date: '出生日期', from_org_unit_id: '转出单位', from_unit_name: '转出单位', from_doctor_name: '转诊医生',
        to_org_unit_id: '接收单位', to_unit_name: '接收单位', to_department_id: '接收科室', to_department_name: '接收科室', to_external_name: '县外医院', patient_managing_org_unit_id: '患者当前管理单位',
        direction: '方向', urgency: '紧急程度', purpose: '转诊目的', diagnosis_code: 'ICD-10', diagnosis_text: '诊断', reason: '转诊理由', summary: '病历摘要',
        status: '状态', slot_id: '预约时段', appointment_at: '预约时间', fees: '费用', requested_at: '申请时间', due_at: '应答时限', answered_at: '应答时间',
        accepted_at: '接收时间', arrived_at: '到院时间', completed_at: '完成时间', closed_at: '关闭时间', status_reason: '拒绝/取消原因', escalated_at: '超时上报',
        threshold_paid_before: '本次病程已付起付线（元）', previous_referral_id: '上一次转诊（同一病程）', q: '搜索',
      },
    },
    'referral-settings': { name: '转诊参数' },
    'referral-slots': { name: '预约时段', fields: { department_id: '科室', starts_at: '开始时间', capacity: '号源', booked: '已约' } },
  },
  enums: {
    referral_direction: { up: '上转', down: '下转', out: '转出县外' },
    referral_urgency: { routine: '普通', urgent: '紧急', emergency: '急危重（绿色通道）' },
    referral_status: { requested: '待接收', accepted: '已接收', arrived: '已到院', completed: '已完成', rejected: '已拒绝', cancelled: '已取消' },
    referral_purpose: { treatment: '诊疗', inpatient: '住院', examination: '检查', rehabilitation: '康复', chronic_care: '慢病管理' },
    referral_event: { requested: '提出转诊', accepted: '接收', arrived: '到院', completed: '完成', rejected: '拒绝', cancelled: '取消', escalated: '超时上报' },
    fee_basis: {
      registration_waived_up: '上转免挂号费', threshold_offset: '下级已付起付线冲抵', rehabilitation_no_threshold: '下转康复免起付线', out_of_group_no_offset: '县外转诊不冲抵',
    },
    level: { '1': '总院', '2': '分院', '3': '乡镇卫生院', '4': '村卫生室', out: '县外医院' },
  },
  referrals: {
    green_channel: '绿色通道',
    timer: { title: '应答计时', left: '剩余 %{time}', overdue: '超时 %{time}', appointment: '预约 %{time}' },
    inbox: { title: '转入待办（%{unit}）', short: '转入待办', empty: '没有待处理的转诊' },
    outbox: { title: '转出记录（%{unit}）', short: '转出记录' },
    patient: { resident: '本集团居民', external: '外来患者' },
    fees: { title: '费用（接收单位）', registration: '挂号费', registration_waived: '免收（上转绿色通道）', threshold: '住院起付线', offset: '已付冲抵', due: '应付起付线' },
    timeline: '转诊流程',
    unit_history: '管理单位变更',
    actions: {
      accept: '接收', reject: '拒绝', arrive: '登记到院', complete: '完成', cancel: '取消转诊', reason: '原因', note: '备注', confirm: '确定',
      choose_slot: '选择预约时段', no_slots: '没有可用的预约时段', no_slot_needed: '绿色通道：立即接收，无需预约', places: '余 %{free}',
      home_visit: '上门随访时间', home_visit_hint: '村卫生室不发布预约时段：请填写村医上门随访的时间',
      done: '已%{action}',
    },
    slots: {
      title: '号源发布与日历', day: '日期', publish: '发布预约号源（每 30 分钟一个时段）', publish_button: '发布', from: '起始日期', to: '结束日期',
      capacity: '每时段号源数', sessions: '出诊时间段', session_from: '开始（HH:MM）', session_until: '结束（HH:MM）', weekdays: '星期',
      weekday: { '1': '一', '2': '二', '3': '三', '4': '四', '5': '五', '6': '六', '7': '日' },
      half_hour: '须为整点或半点，如 08:00、14:30', published: '已发布 %{created} 个时段（%{skipped} 个已存在，未改动）',
      day_title: '%{day} %{department}', day_booked: '已约 %{booked} / 号源 %{capacity}', held: '上转预留 %{held} 个（%{share}%），保留至 %{until}',
      held_released: '上转预留 %{held} 个已于前一日释放', booked_up: '上转已约 %{count}', open_to_others: '其他转诊可约 %{count}', none: '当日未发布号源',
      edit_capacity: '修改号源数', edit_title: '修改 %{slot} 的号源数', capacity_range: '不少于已约 %{min} 个，最多 500', updated: '%{slot} 的号源数已修改',
      delete: '撤销该时段', delete_booked: '已有预约，不能撤销（先取消相关转诊）', delete_title: '撤销 %{slot} 这个时段？', deleted: '%{slot} 已撤销',
    },
    settings: {
      title: '转诊参数', service_levels: '应答时限（分钟）', minutes: '分钟', registration_fees: '挂号费（按接收单位级别，元）', thresholds: '住院起付线（按接收单位级别，元）',
      yuan: '元', held: '上转预留号源', share: '预留比例（0–1）', share_help: '每日号源中为上转患者保留的比例，保留至就诊前一日',
      amount: '金额须 ≥ 0，最多两位小数', saved: '转诊参数已保存（对之后的新转诊生效）', read_only: '只有集团管理员和转诊办公室可以修改转诊参数',
    },
    office: {
      title: '双向转诊办公室', from: '起', to: '止', flows: '各级之间的转诊流向', units: '各单位上转/下转/转出', timeliness: '接收及时性',
      unit: '单位', up: '上转', down: '下转', out: '转出县外', completed: '已完成', up_completed: '上转完成', received: '接收',
      requests: '申请', answered: '已应答', median: '接收用时中位数（分钟）', within: '时限内比例', overdue_open: '超时未应答', download: '下载报表',
    },
  },
};

export const en: typeof zh = {
  menu: { groups: { referrals: 'Referrals' }, referral_inbox: 'Referral inbox', referral_outbox: 'Referral outbox', referral_office: 'Referral office', referral_slots: 'Appointment slots', referral_settings: 'Referral settings' },
  resources: {
    referrals: {
      name: 'Referral |||| Referrals',
      fields: {
        id: 'No.', resident_id: 'Resident', patient_name: 'Patient', patient_id_number: 'ID number', patient_id_number_masked: 'ID number',
        patient_sex: 'Sex', patient_birth_date: 'Birth date', from_org_unit_id: 'From', from_unit_name: 'From', from_doctor_name: 'Referring doctor',
        to_org_unit_id: 'To', to_unit_name: 'To', to_department_id: 'Department', to_department_name: 'Department', to_external_name: 'Hospital outside the county', patient_managing_org_unit_id: "Patient's managing unit now",
        direction: 'Direction', urgency: 'Urgency', purpose: 'Purpose', diagnosis_code: 'ICD-10', diagnosis_text: 'Diagnosis', reason: 'Reason', summary: 'Case summary',
        status: 'Status', slot_id: 'Slot', appointment_at: 'Appointment', fees: 'Fees', requested_at: 'Requested', due_at: 'Answer by', answered_at: 'Answered',
        accepted_at: 'Accepted', arrived_at: 'Arrived', completed_at: 'Completed', closed_at: 'Closed', status_reason: 'Reason (reject/cancel)', escalated_at: 'Escalated',
        threshold_paid_before: 'Threshold already paid in this episode (¥)', previous_referral_id: 'Previous referral (same episode)', q: 'Search',
      },
    },
    'referral-settings': { name: 'Referral settings' },
    'referral-slots': { name: 'Slot |||| Slots', fields: { department_id: 'Department', starts_at: 'Starts', capacity: 'Places', booked: 'Booked' } },
  },
  enums: {
    referral_direction: { up: 'Up', down: 'Down', out: 'Out of county' },
    referral_urgency: { routine: 'Routine', urgent: 'Urgent', emergency: 'Emergency (green channel)' },
    referral_status: { requested: 'Requested', accepted: 'Accepted', arrived: 'Arrived', completed: 'Completed', rejected: 'Rejected', cancelled: 'Cancelled' },
    referral_purpose: { treatment: 'Treatment', inpatient: 'Inpatient', examination: 'Examination', rehabilitation: 'Rehabilitation', chronic_care: 'Chronic care' },
    referral_event: { requested: 'Referred', accepted: 'Accepted', arrived: 'Arrived', completed: 'Completed', rejected: 'Rejected', cancelled: 'Cancelled', escalated: 'Escalated' },
    fee_basis: {
      registration_waived_up: 'No registration fee (up-referral)', threshold_offset: 'Threshold paid below offset', rehabilitation_no_threshold: 'No threshold (rehabilitation)', out_of_group_no_offset: 'Out of county: no offset',
    },
    level: { '1': 'HQ', '2': 'Branch', '3': 'Township', '4': 'Village', out: 'Outside' },
  },
  referrals: {
    green_channel: 'Green channel',
    timer: { title: 'Timer', left: '%{time} left', overdue: '%{time} overdue', appointment: 'Appointment %{time}' },
    inbox: { title: 'Referral inbox (%{unit})', short: 'Inbox', empty: 'Nothing to answer' },
    outbox: { title: 'Referral outbox (%{unit})', short: 'Outbox' },
    patient: { resident: 'Resident', external: 'External patient' },
    fees: { title: 'Fees at the receiving unit', registration: 'Registration fee', registration_waived: 'Waived (up-referral)', threshold: 'Inpatient threshold', offset: 'Offset (paid below)', due: 'Threshold due' },
    timeline: 'Timeline',
    unit_history: 'Managing unit changes',
    actions: {
      accept: 'Accept', reject: 'Reject', arrive: 'Register arrival', complete: 'Complete', cancel: 'Cancel referral', reason: 'Reason', note: 'Note', confirm: 'Confirm',
      choose_slot: 'Choose an appointment slot', no_slots: 'No free slots', no_slot_needed: 'Green channel: received at once, no slot needed', places: '%{free} free',
      home_visit: 'Home visit', home_visit_hint: 'A village clinic publishes no slots: set the time of the home visit',
      done: '%{action}: done',
    },
    slots: {
      title: 'Appointment slots', day: 'Day', publish: 'Publish appointment slots (30 minutes each)', publish_button: 'Publish', from: 'First day', to: 'Last day',
      capacity: 'Places per slot', sessions: 'Opening hours', session_from: 'From (HH:MM)', session_until: 'Until (HH:MM)', weekdays: 'Weekdays',
      weekday: { '1': 'Mon', '2': 'Tue', '3': 'Wed', '4': 'Thu', '5': 'Fri', '6': 'Sat', '7': 'Sun' },
      half_hour: 'On the hour or half hour, e.g. 08:00, 14:30', published: '%{created} slots published (%{skipped} already there, left as they were)',
      day_title: '%{day} %{department}', day_booked: '%{booked} of %{capacity} places booked', held: '%{held} places (%{share}%) held for up-referrals until %{until}',
      held_released: 'The %{held} places held for up-referrals were released the day before', booked_up: '%{count} booked by up-referrals', open_to_others: '%{count} open to other referrals', none: 'No slots published that day',
      edit_capacity: 'Change places', edit_title: 'Places of the %{slot} slot', capacity_range: 'At least the %{min} booked, at most 500', updated: 'Places of %{slot} changed',
      delete: 'Withdraw this slot', delete_booked: 'Booked: cancel its referrals before withdrawing it', delete_title: 'Withdraw the %{slot} slot?', deleted: '%{slot} withdrawn',
    },
    settings: {
      title: 'Referral settings', service_levels: 'Service levels (minutes to answer)', minutes: 'minutes', registration_fees: 'Registration fee by receiving level (¥)', thresholds: 'Inpatient threshold by receiving level (¥)',
      yuan: '¥', held: 'Places held for up-referrals', share: 'Share held (0–1)', share_help: 'Share of each day’s places kept for up-referrals until the day before',
      amount: 'An amount ≥ 0 with at most two decimals', saved: 'Referral settings saved (they apply to new referrals)', read_only: 'Only the group administrator and the referral office may change these',
    },
    office: {
      title: 'Group referral office', from: 'From', to: 'To', flows: 'Flows between levels', units: 'Up / down / out per unit', timeliness: 'Timeliness of receiving units',
      unit: 'Unit', up: 'Up', down: 'Down', out: 'Out', completed: 'Completed', up_completed: 'Up completed', received: 'Received',
      requests: 'Requests', answered: 'Answered', median: 'Median minutes to accept', within: 'Within service level', overdue_open: 'Overdue open', download: 'Download report',
    },
  },
};
