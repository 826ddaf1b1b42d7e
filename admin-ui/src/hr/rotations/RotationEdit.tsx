// 修改 a rotation: a planned one may move its unit and dates; an active one only its planned end
// and purpose (the rest is shown, locked). The API's refusals appear on the inputs in Chinese.
import { DateInput, TextInput, required, useRecordContext } from 'react-admin';
import { HrForm } from '../problems';
import { Edit } from '../../shared/fullRecord';
import { HostPicker } from './RotationInputs';
import type { RotationRecord } from '../records';

const Fields = () => {
  const r = useRecordContext<RotationRecord>();
  const started = r?.status === 'active';
  return (
    <HrForm fields={started ? ['planned_end_on', 'purpose'] : ['host_org_unit_id', 'start_on', 'planned_end_on', 'purpose']} redirect="show">
      <HostPicker home={r?.home_org_unit_id} disabled={started} />
      <DateInput source="start_on" validate={required()} disabled={started} />
      <DateInput source="planned_end_on" validate={required()} />
      <TextInput source="purpose" multiline sx={{ minWidth: 400 }} />
    </HrForm>
  );
};

export const RotationEdit = () => (
  <Edit>
    <Fields />
  </Edit>
);
