import {
  AutocompleteInput,
  BooleanInput,
  Create,
  PasswordInput,
  ReferenceInput,
  SelectArrayInput,
  SimpleForm,
  TextInput,
  minLength,
  required,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { ROLE_CHOICES } from './roles';
import type { UserRecord } from '../../shared/records';

const UserForm = ({ passwordRequired }: { passwordRequired: boolean }) => (
  <SimpleForm>
    <TextInput source="username" validate={required()} />
    <TextInput source="display_name" validate={required()} />
    <SelectArrayInput source="roles" choices={ROLE_CHOICES} validate={required()} />
    <ReferenceInput source="org_unit_id" reference="org-units">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <PasswordInput source="password" validate={passwordRequired ? [required(), minLength(8)] : minLength(8)} />
    <BooleanInput source="active" defaultValue />
  </SimpleForm>
);

// a blank password on edit means "keep the current one"
const withoutBlankPassword = ({ password, ...user }: Partial<UserRecord> & { password?: string }) => (password ? { ...user, password } : user);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={withoutBlankPassword}>
    <UserForm passwordRequired={false} />
  </Edit>
);

export const UserCreate = () => (
  <Create redirect="list">
    <UserForm passwordRequired />
  </Create>
);
