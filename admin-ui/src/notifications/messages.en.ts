// notifications: the English messages, loaded when a user switches to English (the first load is Chinese).
import type { zh } from './messages';

export const en: typeof zh = {
  resources: { notifications: { name: 'Notifications' } },
  notifications: {
    title: 'Notifications',
    unread: '%{smart_count} unread',
    none: 'No notifications',
    read_all: 'Mark all read',
    kind: {
      referral_accepted: '%{to_unit_name} accepted the referral of %{patient_name}',
      referral_rejected: '%{to_unit_name} rejected the referral of %{patient_name}',
      referral_arrived: '%{patient_name} arrived at %{to_unit_name}',
      referral_escalated: 'The referral of %{patient_name} to %{to_unit_name} is overdue and was escalated',
      quality_finding_escalated: '%{unit_name}: "%{title}" is %{days} days past its rectification deadline and was escalated',
    },
    appointment: 'Appointment %{time}',
    reason: 'Reason: %{reason}',
  },
};
