// A ticking clock per request: time left to answer, or how long past the service level.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ReferralRecord } from './choices';
import { formatTime } from '../shared/time';
import { useNow } from '../shared/useNow';

const hms = (ms: number) => {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${d ? `${d}d ` : ''}${hh}:${mm}:${ss}`;
};

export const LiveTimer = () => {
  const r = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  const now = useNow();
  if (!r) return null;
  if (r.status === 'requested') {
    const left = new Date(r.due_at).getTime() - now;
    return (
      <Chip
        data-testid="live-timer"
        size="small"
        color={left < 0 ? 'error' : left < 15 * 60_000 ? 'warning' : 'default'}
        label={translate(left < 0 ? 'referrals.timer.overdue' : 'referrals.timer.left', { time: hms(left) })}
      />
    );
  }
  if (r.status === 'accepted' && r.appointment_at) {
    return <Chip size="small" variant="outlined" label={translate('referrals.timer.appointment', { time: formatTime(r.appointment_at) })} />;
  }
  return null;
};

export const UrgencyChip = () => {
  const r = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  if (!r) return null;
  if (r.urgency === 'emergency') return <Chip size="small" color="error" data-testid="green-channel" label={translate('referrals.green_channel')} />;
  return (
    <Chip
      size="small"
      color={r.urgency === 'urgent' ? 'warning' : 'default'}
      variant={r.urgency === 'urgent' ? 'filled' : 'outlined'}
      label={translate(`enums.referral_urgency.${r.urgency}`)}
    />
  );
};
