// The two pickers of a rotation form: the person (exact name first, each option with title,
// unit and staff number, so that namesakes are told apart) and the receiving unit, listing
// only the units the chosen direction allows from the sending unit (the API's own rule).
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AutocompleteInput, ReferenceInput, required, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { httpClient } from '../../httpClient';
import type { RotationRecord, StaffRecord } from '../records';

type Translate = ReturnType<typeof useTranslate>;
interface HostOption {
  id: number;
  code: string;
  name: string;
  level: number;
}
/** The rotation form's values the host picker reads */
interface RotationForm {
  staff_id: number | null;
  type: RotationRecord['type'] | null;
  host_org_unit_id: number | null;
}
export interface HostOptions {
  home: HostOption;
  hosts: HostOption[];
}

/** 王芳 · 主治医师 · 城关镇卫生院（现在在 城关分院）· 工号 #123 */
export function staffOptionText(s: StaffRecord, translate: Translate): string {
  const unit =
    s.work_unit_name && s.work_unit_name !== s.employer_name
      ? `${s.employer_name}（${translate('hr.rotations.now_at')} ${s.work_unit_name}）`
      : s.employer_name;
  return [s.name, s.title ? translate(`enums.title.${s.title}`) : null, unit, `${translate('hr.rotations.staff_no')} #${s.id}`].filter(Boolean).join(' · ');
}

export const StaffPicker = () => {
  const translate = useTranslate();
  return (
    <ReferenceInput source="staff_id" reference="staff" filter={{ status: 'active' }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="hr.planner.staff_search"
        optionText={(s: StaffRecord) => staffOptionText(s, translate)}
        validate={required()}
        sx={{ minWidth: 420 }}
      />
    </ReferenceInput>
  );
};

const hostQuery = (staffId: number, type: string, home?: number) =>
  new URLSearchParams({ staff_id: String(staffId), type, ...(home ? { home_org_unit_id: String(home) } : {}) }).toString();

/** The receiving unit; `home` when the rotation already has one (re-planning), else the person's. */
export const HostPicker = ({ home, disabled }: { home?: number; disabled?: boolean }) => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const [staffId, type, host] = useWatch<RotationForm, ['staff_id', 'type', 'host_org_unit_id']>({ name: ['staff_id', 'type', 'host_org_unit_id'] });
  const { data } = useQuery({
    queryKey: ['rotation-host-options', staffId, type, home],
    enabled: !!staffId && !!type,
    queryFn: async () => (await httpClient(`/api/rotations/host-options?${hostQuery(staffId!, type!, home)}`)).json as HostOptions,
  });
  // a unit picked for the other direction is no longer valid
  useEffect(() => {
    if (data && host && !data.hosts.some((u) => u.id === host)) setValue('host_org_unit_id', null);
  }, [data, host, setValue]);
  return (
    <AutocompleteInput
      source="host_org_unit_id"
      label="resources.rotations.fields.host_org_unit_id"
      choices={data?.hosts ?? []}
      optionText={(u: HostOption) => `${u.name} (${u.code})`}
      disabled={disabled || !data}
      validate={required()}
      sx={{ minWidth: 300 }}
      helperText={data ? translate('hr.rotations.host_help', { home: data.home.name }) : translate('hr.rotations.pick_first')}
    />
  );
};
