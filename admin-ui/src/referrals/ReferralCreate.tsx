// Refer a patient: a resident of the group's health records (or an external patient with an ID
// number), up to a higher level, down to a lower one, or out of the county.
import { useEffect, useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { httpClient } from '../httpClient';
import { storedUser } from '../session';
import { DIRECTION_CHOICES, PURPOSE_CHOICES, URGENCY_CHOICES } from './choices';

/** A resident as the patient picker shows them (GET /api/residents) */
interface ResidentOption {
  id: number;
  name: string;
  id_number_masked: string | null;
}

/** The form's values its inputs depend on */
interface ReferralForm {
  patient_kind: 'resident' | 'external';
  direction: string;
  to_org_unit_id?: number;
}

interface Target {
  id: number;
  code: string;
  name: string;
  level: number;
  departments: { id: number; name: string }[];
}

function useTargets() {
  const [targets, setTargets] = useState<Target[]>([]);
  useEffect(() => {
    void httpClient('/api/referrals/targets').then((r) => setTargets(r.json as Target[]));
  }, []);
  return targets;
}

const transform = (data: Record<string, unknown>) => {
  const { patient_kind, ...rest } = data;
  if (patient_kind === 'resident') {
    delete rest.patient_name;
    delete rest.patient_id_number;
  } else delete rest.resident_id;
  if (rest.direction === 'out') {
    delete rest.to_org_unit_id;
    delete rest.to_department_id;
  } else delete rest.to_external_name;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '' && v !== null && v !== undefined));
};

export const ReferralCreate = () => {
  const translate = useTranslate();
  const user = storedUser();
  const targets = useTargets();
  const ownLevel = user?.org_unit.level ?? 4;
  const levelName = (l: number) => translate(`enums.level.${Math.min(l, 4)}`);
  const choicesFor = useMemo(
    () => (direction: string) =>
      targets
        .filter((t) => (direction === 'up' ? t.level < ownLevel : t.level > ownLevel) && t.id !== user?.org_unit.id)
        .map((t) => ({ id: t.id, name: `${t.name}（${levelName(t.level)}）` })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [targets, ownLevel],
  );
  return (
    <Create transform={transform} redirect="show">
      <SimpleForm defaultValues={{ patient_kind: 'resident', direction: ownLevel > 1 ? 'up' : 'down', urgency: 'routine', purpose: 'treatment' }}>
        <RadioButtonGroupInput
          source="patient_kind"
          label={false}
          choices={[
            { id: 'resident', name: 'referrals.patient.resident' },
            { id: 'external', name: 'referrals.patient.external' },
          ]}
        />
        <FormDataConsumer<ReferralForm>>
          {({ formData }) =>
            formData.patient_kind === 'resident' ? (
              <ReferenceInput source="resident_id" reference="residents">
                <AutocompleteInput
                  optionText={(r: ResidentOption) => `${r.name} ${r.id_number_masked ?? ''}`}
                  validate={required()}
                  filterToQuery={(q) => ({ q })}
                />
              </ReferenceInput>
            ) : (
              <>
                <TextInput source="patient_name" validate={required()} />
                <TextInput source="patient_id_number" validate={required()} />
              </>
            )
          }
        </FormDataConsumer>
        <SelectInput source="direction" choices={DIRECTION_CHOICES} validate={required()} />
        <FormDataConsumer<ReferralForm>>
          {({ formData }) =>
            formData.direction === 'out' ? (
              <TextInput source="to_external_name" validate={required()} />
            ) : (
              <>
                <AutocompleteInput source="to_org_unit_id" choices={choicesFor(formData.direction)} validate={required()} />
                <SelectInput source="to_department_id" choices={targets.find((t) => t.id === formData.to_org_unit_id)?.departments ?? []} emptyText="—" />
              </>
            )
          }
        </FormDataConsumer>
        <SelectInput source="urgency" choices={URGENCY_CHOICES} validate={required()} />
        <SelectInput source="purpose" choices={PURPOSE_CHOICES} />
        <TextInput source="diagnosis_code" validate={required()} />
        <TextInput source="diagnosis_text" validate={required()} />
        <TextInput source="reason" multiline validate={required()} fullWidth />
        <TextInput source="summary" multiline minRows={3} fullWidth />
        <TextInput source="threshold_paid_before" />
      </SimpleForm>
    </Create>
  );
};
