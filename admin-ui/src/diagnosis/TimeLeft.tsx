// Time left to the norm, or how late: red past it (the worklist, the page); a critical value's chip.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { DxRequestRecord } from './choices';

/** h:mm of a number of minutes (its sign dropped). */
export const hm = (minutes: number) => {
  const m = Math.abs(minutes);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
};

export const TimeLeft = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  if (!r) return null;
  if (r.minutes_left == null) {
    return r.late ? <Chip size="small" color="error" data-testid="late" label={translate('diagnosis.late')} /> : null;
  }
  const late = r.minutes_left < 0;
  return (
    <Chip
      size="small"
      data-testid={late ? 'late' : 'time-left'}
      color={late ? 'error' : r.minutes_left < 15 ? 'warning' : 'default'}
      label={translate(late ? 'diagnosis.overdue' : 'diagnosis.left', { time: hm(r.minutes_left) })}
    />
  );
};

export const UrgencyChip = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Chip
      size="small"
      color={r.urgency === 'emergency' ? 'error' : 'default'}
      variant={r.urgency === 'emergency' ? 'filled' : 'outlined'}
      label={translate(`enums.diagnosis_urgency.${r.urgency}`)}
    />
  );
};

export const CriticalChip = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  if (!r?.critical) return null;
  return <Chip size="small" color="error" data-testid="critical" label={translate(r.acknowledged_at ? 'diagnosis.critical_acked' : 'diagnosis.critical')} />;
};
