// 绩效核算: the runs of the townships, the branches and the HQ, newest month first, and a new draft run (group finance enters the budgeted fund).
import {
  Create,
  Datagrid,
  DateField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { PAY_RUN_STATUS } from '../../../../api/pay/enums';

const STATUS_CHOICES = PAY_RUN_STATUS.choices();
// a township or community centre pays by points, the HQ and a branch by department results; a village clinic's people are its township's
const UNITS = { level_lte: 3, active: true };
const yuan = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

const filters = [
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" filter={UNITS} sort={{ field: 'path', order: 'ASC' }} perPage={200} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  // a township has a run a month: the month finds one among the years of them
  <TextInput
    key="month"
    source="month"
    type="month"
    format={(v?: string) => v?.slice(0, 7) ?? ''}
    parse={(v: string) => (/^\d{4}-\d{2}$/.test(v) ? `${v}-01` : undefined)}
    slotProps={{ inputLabel: { shrink: true } }}
    alwaysOn
  />,
];

export const PayRunList = () => (
  <List filters={filters} sort={{ field: 'month', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="org_unit_id" reference="org-units" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <DateField source="month" options={{ year: 'numeric', month: 'long' }} />
      <SelectField source="status" choices={STATUS_CHOICES} />
      <NumberField source="pool" options={yuan} />
      <NumberField source="total_points" options={{ maximumFractionDigits: 2 }} />
      <NumberField source="point_value" options={{ maximumFractionDigits: 4 }} />
    </Datagrid>
  </List>
);

export const PayRunCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="org_unit_id" reference="org-units" filter={UNITS} sort={{ field: 'path', order: 'ASC' }} perPage={200}>
        <SelectInput optionText="name" validate={required()} helperText="pay.unit_help" />
      </ReferenceInput>
      <TextInput source="month" validate={required()} helperText="pay.month_help" />
      <TextInput source="budgeted_fund" validate={required()} />
    </SimpleForm>
  </Create>
);
