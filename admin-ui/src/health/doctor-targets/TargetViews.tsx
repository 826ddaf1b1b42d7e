// 随访目标 (configuration): a village doctor's goals for one month — follow-ups, contracts, checks —
// set by the township GP or director; a goal left empty is the default the records give (tasks due,
// contracts ending). Reached from the targets screen (设置目标, the doctor and month filled in).
import { useQuery } from '@tanstack/react-query';
import {
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextField,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { apiGet } from '../../finance/api';
import { useIsSmall } from '../../shared/useIsSmall';
import { shanghaiDate } from '../../shared/time';
import { monthChoices, type TargetsView } from '../TargetsPage';
import type { DoctorTargetRecord } from '../records';
import { useEditLink } from '../../shared/useAccess';

const GOALS = ['followups_goal', 'contracts_goal', 'checks_goal'] as const;

/** A goal, or "默认" when none was set. */
const goalText = (r: DoctorTargetRecord, field: (typeof GOALS)[number], translate: ReturnType<typeof useTranslate>) =>
  r[field] == null ? translate('health.targets.default_short') : String(r[field]);

export const TargetList = () => {
  const rowClick = useEditLink('doctor-targets');
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List sort={{ field: 'month', order: 'DESC' }} filters={[<TextInput key="month" source="month" alwaysOn />]}>
      {isSmall ? (
        <SimpleList<DoctorTargetRecord>
          primaryText={(r) => `${r.doctor_name} · ${r.month}`}
          secondaryText={(r) => GOALS.map((g) => `${translate(`resources.doctor-targets.fields.${g}`)} ${goalText(r, g, translate)}`).join(' · ')}
          linkType={rowClick}
        />
      ) : (
        <Datagrid rowClick={rowClick} bulkActionButtons={false}>
          <TextField source="doctor_name" sortable={false} />
          <TextField source="month" />
          {GOALS.map((g) => (
            <FunctionField<DoctorTargetRecord> key={g} source={g} render={(r) => goalText(r, g, translate)} />
          ))}
          <TextField source="note" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};

const goalInputs = (translate: ReturnType<typeof useTranslate>) =>
  GOALS.map((g) => <NumberInput key={g} source={g} min={0} step={1} helperText={translate('health.targets.empty_is_default')} fullWidth />);

/** The village doctors the user manages, from the targets view of their unit. */
const DoctorInput = () => {
  const { data } = useQuery({ queryKey: ['health-targets', 'doctors'], queryFn: () => apiGet<TargetsView>('/health/targets') });
  const choices = (data?.doctors ?? []).map((d) => ({ id: d.user_id, name: `${d.display_name}（${d.village}）` }));
  return <SelectInput source="user_id" choices={choices} validate={required()} isPending={!data} fullWidth />;
};

export const TargetCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ month: shanghaiDate().slice(0, 7) }}>
        <DoctorInput />
        <SelectInput source="month" choices={monthChoices(12, 12).map((m) => ({ id: m, name: m }))} translateChoice={false} validate={required()} fullWidth />
        {goalInputs(translate)}
        <TextInput source="note" fullWidth />
      </SimpleForm>
    </Create>
  );
};

export const TargetEdit = () => {
  const translate = useTranslate();
  return (
    <Edit redirect="list" mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="doctor_name" disabled fullWidth />
        <TextInput source="month" disabled fullWidth />
        {goalInputs(translate)}
        <TextInput source="note" fullWidth />
      </SimpleForm>
    </Edit>
  );
};
