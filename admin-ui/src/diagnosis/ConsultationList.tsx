// 远程会诊: the consultations of both ends (the inviting unit's, the host's), by state, with the slot
// and the time left to the step they wait for (the room check, the slot, the opinion), red once late.
import { Chip, Stack } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SearchInput, SelectField, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DATE_TIME_OPTIONS } from '../shared/time';
import { CONSULTATION_STATUS_CHOICES, type ConsultationRecord } from './choices';
import { hm } from './TimeLeft';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={CONSULTATION_STATUS_CHOICES} alwaysOn />];

/** The time left to the step waited for (red once past it), and the late room check or opinion. */
export const ConsultationTiming = () => {
  const r = useRecordContext<ConsultationRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const left = r.minutes_left;
  return (
    <Stack direction="row" spacing={0.5}>
      {left != null && (
        <Chip
          size="small"
          data-testid={left < 0 ? 'late' : 'time-left'}
          color={left < 0 ? 'error' : left < 30 ? 'warning' : 'default'}
          label={translate(left < 0 ? 'diagnosis.overdue' : 'diagnosis.left', { time: hm(left) })}
        />
      )}
      {r.ready_late && r.ready_at && <Chip size="small" color="error" variant="outlined" label={translate('diagnosis.consultation.ready_late')} />}
      {r.opinion_late && r.opinion_at && <Chip size="small" color="error" variant="outlined" label={translate('diagnosis.consultation.opinion_late')} />}
    </Stack>
  );
};

export const ConsultationList = () => (
  <List filters={filters} sort={{ field: 'invited_at', order: 'DESC' }}>
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      rowSx={(r) => (((r as ConsultationRecord).minutes_left ?? 0) < 0 ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}
    >
      <TextField source="id" />
      <SelectField source="status" choices={CONSULTATION_STATUS_CHOICES} />
      <TextField source="patient_name" />
      <TextField source="from_unit_name" />
      <FunctionField<ConsultationRecord>
        source="host_unit_name"
        render={(r) => [r.host_unit_name, r.host_department_name, r.expert_name].filter(Boolean).join(' · ')}
      />
      <DateField source="slot_start" showTime options={DATE_TIME_OPTIONS} emptyText="—" />
      <TextField source="room" emptyText="—" />
      <FunctionField label="diagnosis.time_left" render={() => <ConsultationTiming />} />
      <TextField source="fee" emptyText="—" />
    </Datagrid>
  </List>
);
