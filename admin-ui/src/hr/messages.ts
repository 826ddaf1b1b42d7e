// 人事 messages, zh-CN first. Rule codes returned by the API (error details `rule` + `params`)
// are shown through `hr.rules.<rule>`, filled with the params.
export const zh = {
  menu: { groups: { hr: '人力资源' }, rotation_planner: '轮转计划' },
  resources: {
    staff: {
      name: '人员',
      fields: {
        name: '姓名', sex: '性别', birth_date: '出生日期', id_number_masked: '身份证号', id_number: '身份证号', phone: '电话', category: '人员类别', title: '职称',
        department_id: '科室', post_id: '岗位', employment_type: '用工形式', employer_org_unit_id: '聘用单位', work_org_unit_id: '工作单位',
        hire_date: '入职日期', status: '状态', leave_reason: '离职原因', left_on: '离职日期', user_id: '登录账号', org_unit_id: '单位（含下级）',
        level: '单位层级', licence_expiring: '证书60天内到期', licence_expired: '证书已过期', licence_expires_on: '证书到期日', on_rotation: '轮转中',
      },
    },
    'staff-history': { name: '人事变动', fields: { field: '项目', from_value: '原值', to_value: '新值', effective_on: '生效日期', reason: '原因', changed_by_name: '操作人', changed_at: '记录时间' } },
    rotations: {
      name: '轮转',
      fields: {
        staff_id: '人员', staff_name: '姓名', type: '类型', home_org_unit_id: '派出单位', host_org_unit_id: '接收单位', start_on: '开始日期',
        planned_end_on: '计划结束', actual_end_on: '实际结束', status: '状态', purpose: '任务', year: '年度', end_reason: '提前结束原因',
      },
    },
    posts: { name: '岗位设置', fields: { org_unit_id: '单位', department_id: '科室', name: '岗位名称', category: '岗位类别', headcount: '核定编制', filled: '在岗人数', vacant: '空缺', status: '状态', note: '备注' } },
    licences: {
      name: '执业证书',
      fields: { staff_id: '持证人', staff_name: '持证人', org_unit_id: '单位', kind: '证书类别', number: '证书编号', scope: '执业范围', issued_on: '发证日期', expires_on: '有效期至', status: '状态', expiring_within: '到期提醒', expired: '已过期' },
    },
    'title-promotions': {
      name: '职称晋升',
      fields: {
        staff_id: '申请人', staff_name: '申请人', org_unit_id: '单位', year: '年度', from_title: '现职称', to_title: '申报职称', status: '状态', note: '申报说明',
        unit_opinion: '单位审核意见', reject_reason: '驳回原因', effective_on: '聘任生效日期', created_at: '申报时间',
      },
    },
    assessments: { name: '年度考核', fields: { staff_id: '人员', staff_name: '姓名', org_unit_id: '单位', year: '年度', score: '得分', grade: '考核等次', comment: '评语' } },
    'assessment-years': { name: '考核年度', fields: { id: '年度', year: '年度', excellent_share: '优秀比例上限', status: '状态', approved_by: '审定人', approved_at: '审定时间' } },
    'village-doctor-contracts': {
      name: '乡聘村用合同',
      fields: {
        staff_id: '乡村医生', staff_name: '乡村医生', employer_org_unit_id: '聘用乡镇卫生院', work_org_unit_id: '执业村卫生室', start_on: '合同开始', end_on: '合同到期', status: '状态',
        exit_reason: '退出原因', exit_on: '退出日期', note: '备注', ending_within: '到期天数内',
      },
    },
  },
  enums: {
    post_status: { vacant: '有空缺', occupied: '已满编', closed: '已撤销' },
    licence_kind: { physician: '医师执业证书', assistant_physician: '助理医师执业证书', nurse: '护士执业证书', pharmacist: '执业药师注册证', technician: '技师资格证书', village_doctor: '乡村医生执业证书' },
    licence_status: { valid: '有效', revoked: '已注销' },
    promotion_status: { submitted: '已申报', reviewed: '单位已审核', approved: '集团已批准', rejected: '已驳回' },
    grade: { excellent: '优秀', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格' },
    assessment_year_status: { open: '进行中', approved: '已审定（锁定）' },
    contract_status: { active: '履约中', renewed: '已续签', expired: '已到期', exited: '已退出' },
    exit_reason: { resigned: '辞职', retired: '退休', assessment_failed: '考核不合格', licence_revoked: '执业证书注销', health: '健康原因', dismissed: '解聘', other: '其他' },
    sex: { M: '男', F: '女' },
    staff_category: { doctor: '医师', nurse: '护理', pharmacist: '药剂', technician: '医技', public_health: '公共卫生', admin: '行政管理', village_doctor: '乡村医生' },
    title: {
      chief_physician: '主任医师', associate_chief_physician: '副主任医师', attending_physician: '主治医师', physician: '医师', assistant_physician: '医士',
      chief_nurse: '主任护师', associate_chief_nurse: '副主任护师', nurse_in_charge: '主管护师', senior_nurse: '护师', nurse: '护士',
      chief_pharmacist: '主任药师', associate_chief_pharmacist: '副主任药师', pharmacist_in_charge: '主管药师', pharmacist: '药师', assistant_pharmacist: '药士',
      chief_technician: '主任技师', associate_chief_technician: '副主任技师', technician_in_charge: '主管技师', technician: '技师', assistant_technician: '技士',
      village_doctor: '乡村医生',
    },
    employment_type: { establishment: '编制内', contract: '合同制', township_hired: '乡聘村用' },
    staff_status: { active: '在岗', on_leave: '休假/停岗', left: '离职' },
    rotation_type: { down_expert: '下派驻点', up_training: '上派进修' },
    rotation_status: { planned: '计划', active: '进行中', completed: '已完成', cancelled: '已取消' },
    staff_field: { employer_org_unit_id: '聘用单位', work_org_unit_id: '工作单位', department_id: '科室', post_id: '岗位', title: '职称', status: '状态', employment_type: '用工形式' },
    direction: {
      down_hq_branch: '下派 总院→分院', down_branch_township: '下派 分院→乡镇卫生院', down_hq_township: '下派 总院→乡镇卫生院', down_township_village: '下派 乡镇卫生院→村卫生室',
      up_branch_hq: '上派进修 分院→总院', up_township_branch: '上派进修 乡镇卫生院→分院', up_township_hq: '上派进修 乡镇卫生院→总院', up_village_township: '上派进修 村卫生室→乡镇卫生院',
    },
  },
  hr: {
    staff: {
      id_number_help: '18位身份证号，出生日期和性别由身份证号确定', no_title: '无职称', work_unit_help: '不填则与聘用单位相同',
      reveal: '查看完整身份证号', revealed_audited: '已记录查看操作（审计）',
    },
    posts: { vacancies: '各单位岗位空缺', total: '合计', status_help: '撤销岗位前须先调离在岗人员' },
    licences: { expiring_60: '60天内到期', expired: '已过期', days_left: '%{days} 天后到期', flag: '到期提醒' },
    promotions: { review: '单位审核', approve: '集团人力资源部批准', reject: '驳回', steps: '操作' },
    assessments: {
      approve_year: '审定并锁定', share_help: '例如 0.2 表示优秀不超过单位人数的 20%', grade_help: '得分 ≥90 可评优秀，≥70 合格，≥60 基本合格',
      year_open: '%{year} 年度考核进行中（优秀比例上限 %{share}%）', year_locked: '%{year} 年度考核已审定，不能再修改', year_not_open: '%{year} 年度考核尚未开启',
    },
    contracts: { renew: '续签', exit: '退出', clinic_help: '须为所选乡镇卫生院下属的村卫生室' },
    actions: { done: '已完成：%{action}' },
    planner: {
      title: '轮转计划', year: '年度', quotas: '计划完成情况（已安排/计划名额）', filled: '已安排', quota: '计划名额', timeline: '接收单位轮转时间轴',
      balance: '上下流动平衡（每个接收单位）', unit: '接收单位', experts_received: '接收下派专家', trainees_sent: '上派进修人员', balance_col: '差额（上派-下派）',
      all_hosts: '全部接收单位', host_filter: '接收单位', create: '安排轮转', created: '已安排轮转 #%{id}', no_plan: '%{year} 年尚无轮转计划',
      download: '下载轮转花名册', staff_search: '人员（输入姓名查找）', submit: '保存',
    },
    rules: {
      village_employer_not_township: '乡聘村用的聘用单位必须是乡镇卫生院',
      village_work_not_clinic: '乡村医生须在村卫生室执业',
      village_clinic_other_township: '%{village} 不属于 %{township}，乡聘村用只能安排在本乡镇的村卫生室',
      excellent_quota: '本单位本年度已有 %{excellent} 名优秀，名额为 %{quota} 名（%{headcount} 人的 %{share}%），不能再评优秀',
      id_number_invalid: '身份证号无效：须为18位（末位可为X），出生日期和校验位须正确',
      id_number_duplicate: '该身份证号已登记：#%{id} %{name}',
      rotation_overlap: '与该人员的轮转 #%{other_id}（接收单位：%{other_host}，%{other_start} 至 %{other_end}）时间重叠',
      down_not_below: '下派专家只能派往本单位同一条线上的下级单位：%{host} 不在 %{home} 之下',
      up_not_above: '上派进修只能去本单位的上级单位：%{host} 不是 %{home} 的上级',
      staff_not_active: '只有在岗人员才能参加轮转（%{staff} 当前状态：%{status}）',
      home_not_staff_unit: '派出单位必须是该人员的聘用单位或工作单位',
      end_before_start: '结束日期 %{end} 早于开始日期 %{start}',
      early_end_needs_reason: '在计划结束日 %{planned_end} 之前结束须填写原因',
      transition_not_allowed: '状态为「%{from}」的轮转不能变为「%{to}」，允许：%{allowed}',
    },
  },
};

export const en: typeof zh = {
  menu: { groups: { hr: 'Human resources' }, rotation_planner: 'Rotation planner' },
  resources: {
    staff: {
      name: 'Staff',
      fields: {
        name: 'Name', sex: 'Sex', birth_date: 'Birth date', id_number_masked: 'ID number', id_number: 'ID number', phone: 'Phone', category: 'Category', title: 'Title',
        department_id: 'Department', post_id: 'Post', employment_type: 'Employment', employer_org_unit_id: 'Employer', work_org_unit_id: 'Working unit',
        hire_date: 'Hired', status: 'Status', leave_reason: 'Leave reason', left_on: 'Left on', user_id: 'Login', org_unit_id: 'Unit (and below)',
        level: 'Unit level', licence_expiring: 'Licence expiring in 60 days', licence_expired: 'Licence expired', licence_expires_on: 'Licence expires', on_rotation: 'On rotation',
      },
    },
    'staff-history': { name: 'Changes', fields: { field: 'Field', from_value: 'From', to_value: 'To', effective_on: 'Effective', reason: 'Reason', changed_by_name: 'By', changed_at: 'Recorded' } },
    rotations: {
      name: 'Rotations',
      fields: {
        staff_id: 'Person', staff_name: 'Name', type: 'Type', home_org_unit_id: 'Home unit', host_org_unit_id: 'Host unit', start_on: 'Start',
        planned_end_on: 'Planned end', actual_end_on: 'Actual end', status: 'Status', purpose: 'Purpose', year: 'Year', end_reason: 'Early end reason',
      },
    },
    posts: { name: 'Posts', fields: { org_unit_id: 'Unit', department_id: 'Department', name: 'Post', category: 'Category', headcount: 'Headcount', filled: 'Occupied', vacant: 'Vacant', status: 'Status', note: 'Note' } },
    licences: {
      name: 'Licences',
      fields: { staff_id: 'Holder', staff_name: 'Holder', org_unit_id: 'Unit', kind: 'Kind', number: 'Number', scope: 'Scope', issued_on: 'Issued', expires_on: 'Expires', status: 'Status', expiring_within: 'Expiry alert', expired: 'Expired' },
    },
    'title-promotions': {
      name: 'Title promotions',
      fields: {
        staff_id: 'Applicant', staff_name: 'Applicant', org_unit_id: 'Unit', year: 'Year', from_title: 'Current title', to_title: 'Applied title', status: 'Status', note: 'Note',
        unit_opinion: 'Unit opinion', reject_reason: 'Rejection reason', effective_on: 'Effective', created_at: 'Applied at',
      },
    },
    assessments: { name: 'Annual assessments', fields: { staff_id: 'Person', staff_name: 'Name', org_unit_id: 'Unit', year: 'Year', score: 'Score', grade: 'Grade', comment: 'Comment' } },
    'assessment-years': { name: 'Assessment years', fields: { id: 'Year', year: 'Year', excellent_share: 'Excellent share cap', status: 'Status', approved_by: 'Approved by', approved_at: 'Approved at' } },
    'village-doctor-contracts': {
      name: 'Village-doctor contracts',
      fields: {
        staff_id: 'Village doctor', staff_name: 'Village doctor', employer_org_unit_id: 'Employing township', work_org_unit_id: 'Village clinic', start_on: 'Start', end_on: 'End', status: 'Status',
        exit_reason: 'Exit reason', exit_on: 'Exit date', note: 'Note', ending_within: 'Ending within days',
      },
    },
  },
  enums: {
    post_status: { vacant: 'Vacant', occupied: 'Full', closed: 'Closed' },
    licence_kind: { physician: 'Physician licence', assistant_physician: 'Assistant physician licence', nurse: 'Nurse licence', pharmacist: 'Pharmacist registration', technician: 'Technician certificate', village_doctor: 'Village doctor licence' },
    licence_status: { valid: 'Valid', revoked: 'Revoked' },
    promotion_status: { submitted: 'Submitted', reviewed: 'Reviewed by unit', approved: 'Approved by group', rejected: 'Rejected' },
    grade: { excellent: 'Excellent', qualified: 'Qualified', basically_qualified: 'Basically qualified', unqualified: 'Unqualified' },
    assessment_year_status: { open: 'Open', approved: 'Approved (locked)' },
    contract_status: { active: 'Active', renewed: 'Renewed', expired: 'Expired', exited: 'Exited' },
    exit_reason: { resigned: 'Resigned', retired: 'Retired', assessment_failed: 'Failed assessment', licence_revoked: 'Licence revoked', health: 'Health', dismissed: 'Dismissed', other: 'Other' },
    sex: { M: 'Male', F: 'Female' },
    staff_category: { doctor: 'Doctor', nurse: 'Nurse', pharmacist: 'Pharmacist', technician: 'Technician', public_health: 'Public health', admin: 'Administration', village_doctor: 'Village doctor' },
    title: {
      chief_physician: 'Chief physician', associate_chief_physician: 'Associate chief physician', attending_physician: 'Attending physician', physician: 'Physician', assistant_physician: 'Assistant physician',
      chief_nurse: 'Chief nurse', associate_chief_nurse: 'Associate chief nurse', nurse_in_charge: 'Nurse in charge', senior_nurse: 'Senior nurse', nurse: 'Nurse',
      chief_pharmacist: 'Chief pharmacist', associate_chief_pharmacist: 'Associate chief pharmacist', pharmacist_in_charge: 'Pharmacist in charge', pharmacist: 'Pharmacist', assistant_pharmacist: 'Assistant pharmacist',
      chief_technician: 'Chief technician', associate_chief_technician: 'Associate chief technician', technician_in_charge: 'Technician in charge', technician: 'Technician', assistant_technician: 'Assistant technician',
      village_doctor: 'Village doctor',
    },
    employment_type: { establishment: 'Established post', contract: 'Contract', township_hired: 'Township-hired, village-based' },
    staff_status: { active: 'Active', on_leave: 'On leave', left: 'Left' },
    rotation_type: { down_expert: 'Expert sent down', up_training: 'Training upward' },
    rotation_status: { planned: 'Planned', active: 'Active', completed: 'Completed', cancelled: 'Cancelled' },
    staff_field: { employer_org_unit_id: 'Employer', work_org_unit_id: 'Working unit', department_id: 'Department', post_id: 'Post', title: 'Title', status: 'Status', employment_type: 'Employment' },
    direction: {
      down_hq_branch: 'Down HQ → branches', down_branch_township: 'Down branches → townships', down_hq_township: 'Down HQ → townships', down_township_village: 'Down townships → villages',
      up_branch_hq: 'Up branches → HQ', up_township_branch: 'Up townships → branches', up_township_hq: 'Up townships → HQ', up_village_township: 'Up villages → townships',
    },
  },
  hr: {
    staff: {
      id_number_help: '18-character ID number; birth date and sex are taken from it', no_title: 'No title', work_unit_help: 'Empty: same as the employer',
      reveal: 'Show full ID number', revealed_audited: 'This view was recorded (audit)',
    },
    posts: { vacancies: 'Vacancies per unit', total: 'Total', status_help: 'Move people off a post before closing it' },
    licences: { expiring_60: 'Expiring within 60 days', expired: 'Expired', days_left: 'Expires in %{days} days', flag: 'Alert' },
    promotions: { review: 'Unit review', approve: 'Approve (group HR)', reject: 'Reject', steps: 'Actions' },
    assessments: {
      approve_year: 'Approve and lock', share_help: 'e.g. 0.2: at most 20% of a unit graded excellent', grade_help: 'Score ≥90 allows excellent, ≥70 qualified, ≥60 basically qualified',
      year_open: 'Assessment %{year} is open (excellent cap %{share}%)', year_locked: 'Assessment %{year} is approved and locked', year_not_open: 'Assessment %{year} is not opened',
    },
    contracts: { renew: 'Renew', exit: 'Exit', clinic_help: "Must be one of the township's own village clinics" },
    actions: { done: 'Done: %{action}' },
    planner: {
      title: 'Rotation planner', year: 'Year', quotas: 'Plan (filled / quota)', filled: 'Filled', quota: 'Quota', timeline: 'Timeline per host unit',
      balance: 'Balance per receiving unit', unit: 'Receiving unit', experts_received: 'Experts received', trainees_sent: 'Trainees sent up', balance_col: 'Balance (up − down)',
      all_hosts: 'All host units', host_filter: 'Host unit', create: 'Plan a rotation', created: 'Rotation #%{id} planned', no_plan: 'No rotation plan for %{year}',
      download: 'Download rotation roster', staff_search: 'Person (type a name)', submit: 'Save',
    },
    rules: {
      village_employer_not_township: 'A village doctor is employed by a township centre',
      village_work_not_clinic: 'A village doctor works in a village clinic',
      village_clinic_other_township: '%{village} does not belong to %{township}; 乡聘村用 places a doctor in a clinic of the same township',
      excellent_quota: 'The unit already has %{excellent} excellent of %{quota} allowed (%{share}% of %{headcount}); no more excellent grades',
      id_number_invalid: 'Invalid ID number: 18 characters (last may be X) with a real birth date and a matching check digit',
      id_number_duplicate: 'This ID number is already registered: #%{id} %{name}',
      rotation_overlap: 'Overlaps rotation #%{other_id} of the same person (host %{other_host}, %{other_start} – %{other_end})',
      down_not_below: 'An expert goes down to a unit below the home unit in its line: %{host} is not below %{home}',
      up_not_above: 'Training goes up to an ancestor of the home unit: %{host} is not above %{home}',
      staff_not_active: 'Only active staff rotate (%{staff} is %{status})',
      home_not_staff_unit: 'The home unit must be the employer or working unit of the person',
      end_before_start: 'The end %{end} is before the start %{start}',
      early_end_needs_reason: 'Ending before the planned end %{planned_end} needs a reason',
      transition_not_allowed: 'A %{from} rotation cannot become %{to}; allowed: %{allowed}',
    },
  },
};
