// 消息提醒 messages, zh-CN first. Each kind names what the notice's data holds.
export const zh = {
  resources: { notifications: { name: '消息提醒' } },
  notifications: {
    title: '消息提醒',
    unread: '未读消息 %{smart_count} 条',
    none: '暂无消息',
    read_all: '全部标为已读',
    kind: {
      referral_accepted: '%{to_unit_name} 已接收 %{patient_name} 的转诊',
      referral_rejected: '%{to_unit_name} 拒绝了 %{patient_name} 的转诊',
      referral_arrived: '%{patient_name} 已到达 %{to_unit_name}',
      referral_escalated: '%{patient_name} 转往 %{to_unit_name} 的申请超时未处理，已上报',
      quality_finding_escalated: '%{unit_name}「%{title}」逾期 %{days} 天未整改，已上报',
    },
    appointment: '预约 %{time}',
    reason: '原因：%{reason}',
  },
};
