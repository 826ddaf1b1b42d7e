// One person: the record (ID number masked), their rotations and the effective-dated history.
// Transfers, status changes and posts are audited actions (dialogs) that write that history.
import { useState } from 'react';
import { Button as MuiButton, Stack, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  EditButton,
  Labeled,
  TopToolbar,
  useCanAccess,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { CATEGORY_CHOICES, EMPLOYMENT_CHOICES, LEAVE_REASON_CHOICES, SEX_CHOICES, STAFF_FIELD_CHOICES, STAFF_STATUS_CHOICES, TITLE_CHOICES } from '../choices';
import { httpClient } from '../../httpClient';
import { ActionButton, type ActionField } from '../problems';
import { LicenceFlag } from './StaffList';
import { HistoryReasonField } from './HistoryReason';
import { rotationFields } from '../rotations/rotationFields';
import type { StaffHistoryRecord, StaffRecord } from '../records';
import { useCanList } from '../../shared/useAccess';

/** A history value: units by name, titles and statuses translated. */
const HistoryValue = ({ source }: { source: 'from_value' | 'to_value'; label?: string }) => {
  const row = useRecordContext<StaffHistoryRecord>();
  const translate = useTranslate();
  const value = row?.[source];
  if (value == null) return null;
  if (['employer_org_unit_id', 'work_org_unit_id'].includes(row!.field)) {
    return <ReferenceField record={{ id: row!.id, unit: Number(value) }} source="unit" reference="org-units" link={false} />;
  }
  if (row!.field === 'post_id') return <ReferenceField record={{ id: row!.id, post: Number(value) }} source="post" reference="posts" link={false} />;
  if (row!.field === 'title') return <>{translate(`enums.title.${value}`)}</>;
  if (row!.field === 'status') return <>{translate(`enums.staff_status.${value}`)}</>;
  if (row!.field === 'employment_type') return <>{translate(`enums.employment_type.${value}`)}</>;
  return <>{value}</>;
};

/** The masked ID number; roles that may see it in full reveal it by an explicit, audited action. */
const IdNumber = () => {
  const staff = useRecordContext<StaffRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'staff', action: 'reveal' });
  const [full, setFull] = useState<string | null>(null);
  if (!staff) return null;
  const reveal = async () =>
    setFull(((await httpClient(`/api/staff/${staff.id}/reveal-id-number`, { method: 'POST', body: '{}' })).json as { id_number: string }).id_number);
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
      <Typography variant="body2" data-testid="id-number">
        {full ?? staff.id_number_masked}
      </Typography>
      {canAccess && !full && (
        <MuiButton size="small" onClick={() => void reveal()} data-testid="reveal-id-number">
          {translate('hr.staff.reveal')}
        </MuiButton>
      )}
      {full && (
        <Typography variant="caption" color="text.secondary">
          {translate('hr.staff.revealed_audited')}
        </Typography>
      )}
    </Stack>
  );
};

const effectiveOn: ActionField = { name: 'effective_on', label: 'resources.staff-history.fields.effective_on', type: 'date' };
const reason: ActionField = { name: 'reason', label: 'resources.staff-history.fields.reason', type: 'text' };
const notLeft = (r: RaRecord) => r.status !== 'left';
/** active ⇄ on_leave, either → left (the API's STATUS_TRANSITIONS; nothing once left) */
const nextStatuses = (status?: string) => STAFF_STATUS_CHOICES.filter((c) => c.id !== status);

const ShowActions = () => {
  const staff = useRecordContext<StaffRecord>();
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <ActionButton
        verb="transfer"
        label="hr.staff.transfer"
        when={notLeft}
        fields={[
          { name: 'employer_org_unit_id', label: 'resources.staff.fields.employer_org_unit_id', type: 'reference', reference: 'org-units' },
          { name: 'work_org_unit_id', label: 'resources.staff.fields.work_org_unit_id', type: 'reference', reference: 'org-units' },
          effectiveOn,
          reason,
        ]}
      />
      <ActionButton
        verb="change-status"
        label="hr.staff.change_status"
        when={notLeft}
        fields={[
          { name: 'status', label: 'hr.staff.new_status', type: 'select', choices: nextStatuses(staff?.status), required: true },
          {
            name: 'leave_reason',
            label: 'resources.staff.fields.leave_reason',
            type: 'select',
            choices: LEAVE_REASON_CHOICES,
            required: true,
            when: (v) => v.status === 'left',
          },
          effectiveOn,
          reason,
        ]}
      />
      <ActionButton
        verb="assign-post"
        label="hr.staff.assign_post"
        when={notLeft}
        fields={[
          {
            name: 'post_id',
            label: 'resources.staff.fields.post_id',
            type: 'reference',
            reference: 'posts',
            required: true,
            filter: (r) => ({ org_unit_id: r.employer_org_unit_id }),
          },
          effectiveOn,
        ]}
      />
      <EditButton />
    </TopToolbar>
  );
};

/** Whether the user may list a resource: a part of the record another role keeps (finance reads the staff, not their posts or rotations) is left out, not shown as a refusal. */
export const StaffShow = () => {
  const [posts, rotations, history] = [useCanList('posts'), useCanList('rotations'), useCanList('staff-history')];
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.staff.name">
          <TextField source="name" />
          <SelectField source="sex" choices={SEX_CHOICES} />
          <DateField source="birth_date" />
          <Labeled label="resources.staff.fields.id_number_masked">
            <IdNumber />
          </Labeled>
          <TextField source="phone" />
          <SelectField source="category" choices={CATEGORY_CHOICES} />
          <SelectField source="title" choices={TITLE_CHOICES} />
          <ReferenceField source="department_id" reference="departments" link={false} />
          {posts && <ReferenceField source="post_id" reference="posts" link="show" />}
          <SelectField source="employment_type" choices={EMPLOYMENT_CHOICES} />
          <ReferenceField source="employer_org_unit_id" reference="org-units" link="show" />
          <ReferenceField source="work_org_unit_id" reference="org-units" link="show" />
          <DateField source="hire_date" />
          <SelectField source="status" choices={STAFF_STATUS_CHOICES} />
          <SelectField source="leave_reason" choices={LEAVE_REASON_CHOICES} />
          <Labeled label="resources.staff.fields.licence_expires_on">
            <LicenceFlag />
          </Labeled>
        </TabbedShowLayout.Tab>
        {rotations && (
          <TabbedShowLayout.Tab label="resources.rotations.name" path="rotations">
            <ReferenceManyField reference="rotations" target="staff_id" label={false} sort={{ field: 'start_on', order: 'DESC' }}>
              <Datagrid bulkActionButtons={false}>{rotationFields()}</Datagrid>
            </ReferenceManyField>
          </TabbedShowLayout.Tab>
        )}
        {history && (
          <TabbedShowLayout.Tab label="resources.staff-history.name" path="history">
            <ReferenceManyField reference="staff-history" target="staff_id" label={false} sort={{ field: 'effective_on', order: 'DESC' }} perPage={100}>
              <Datagrid bulkActionButtons={false}>
                <DateField source="effective_on" />
                <SelectField source="field" choices={STAFF_FIELD_CHOICES} />
                <HistoryValue source="from_value" label="resources.staff-history.fields.from_value" />
                <HistoryValue source="to_value" label="resources.staff-history.fields.to_value" />
                <HistoryReasonField source="reason" />
                <TextField source="changed_by_name" />
                <DateField source="changed_at" showTime />
              </Datagrid>
            </ReferenceManyField>
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};
