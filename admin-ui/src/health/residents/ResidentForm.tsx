// Register or edit a resident. Birth date and sex come from the ID number when left empty;
// 65+ and 0–6 are derived, disease tags come from the conditions: only "pregnant" is ticked.
// The household (户编号) groups residents of the village: a new number makes the household.
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  DateInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { CONDITION_CHOICES, HOUSEHOLD_RELATION_CHOICES, SEX_CHOICES, TYPED_TAG_CHOICES } from '../choices';

/** Only the typed tag goes back; the derived ones are the server's to work out. */
const typedOnly = (data: Record<string, unknown>) => ({ ...data, tags: ((data.tags as string[] | undefined) ?? []).filter((t) => t === 'pregnant') });

const Fields = ({ creating }: { creating?: boolean }) => (
  <>
    <TextInput source="name" validate={required()} />
    {creating ? <TextInput source="id_number" validate={required()} helperText="18 位，末位校验码" /> : null}
    {creating && (
      <ReferenceInput source="org_unit_id" reference="org-units" filter={{ kind: 'village' }}>
        <SelectInput optionText="name" helperText={false} />
      </ReferenceInput>
    )}
    <SelectInput source="sex" choices={SEX_CHOICES} />
    <DateInput source="birth_date" />
    <TextInput source="phone" />
    <TextInput source="household" />
    <SelectInput source="household_relation" choices={HOUSEHOLD_RELATION_CHOICES} />
    <BooleanInput source="insured" defaultValue />
    <ArrayInput source="conditions" defaultValue={[]}>
      <SimpleFormIterator inline disableReordering>
        <SelectInput source="code" choices={CONDITION_CHOICES} validate={required()} />
        <DateInput source="diagnosed_on" validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
    <CheckboxGroupInput source="tags" choices={TYPED_TAG_CHOICES} defaultValue={[]} />
  </>
);

export const ResidentCreate = () => (
  <Create redirect="show" transform={typedOnly}>
    <SimpleForm>
      <Fields creating />
    </SimpleForm>
  </Create>
);

export const ResidentEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={typedOnly}>
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </Edit>
);
