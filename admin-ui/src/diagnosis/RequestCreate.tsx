// Request a diagnosis: the service (its centre named), the urgency, the clinical question, the
// patient (a resident, or name and ID number), and a file (an ECG trace, an image, a lab file)
// uploaded once the request is made.
import { useState } from 'react';
import { Typography } from '@mui/material';
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
  useGetList,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { storedToken } from '../session';
import { URGENCY_CHOICES } from './choices';

interface ServiceOption {
  id: number;
  centre_id: number;
  name: string;
}

const transform = (data: Record<string, unknown>) => {
  const { patient_kind, ...rest } = data;
  if (patient_kind === 'resident') {
    delete rest.patient_name;
    delete rest.patient_id_number;
  } else delete rest.resident_id;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '' && v !== null && v !== undefined));
};

export const RequestCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [file, setFile] = useState<File | null>(null);
  const { data: services } = useGetList<ServiceOption>('diagnosis-services', {
    filter: { active: true },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'id', order: 'ASC' },
  });
  const { data: centres } = useGetList<{ id: number; name: string }>('diagnosis-centres', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'id', order: 'ASC' },
  });
  const centreName = (id: number) => centres?.find((c) => c.id === id)?.name ?? '';
  const choices = (services ?? []).map((s) => ({ id: s.id, name: `${centreName(s.centre_id)} · ${s.name}` }));
  // the file goes up once the request exists; a refused file is said, and the request stays to attach again
  const onSuccess = async (created: { id: number }) => {
    if (file) {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch(`/api/diagnosis-requests/${created.id}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${storedToken() ?? ''}` },
        body: form,
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        notify(body.error?.message ?? `${res.status}`, { type: 'error' });
      }
    }
    redirect('show', 'diagnosis-requests', created.id);
  };
  return (
    <Create transform={transform} mutationOptions={{ onSuccess: (d: { id: number }) => void onSuccess(d) }}>
      <SimpleForm defaultValues={{ patient_kind: 'external', urgency: 'routine' }}>
        <AutocompleteInput source="service_id" choices={choices} validate={required()} sx={{ minWidth: 360 }} />
        <SelectInput source="urgency" choices={URGENCY_CHOICES} validate={required()} />
        <TextInput source="clinical_question" multiline minRows={2} validate={required()} fullWidth />
        <RadioButtonGroupInput
          source="patient_kind"
          label={false}
          choices={[
            { id: 'resident', name: 'diagnosis.patient.resident' },
            { id: 'external', name: 'diagnosis.patient.external' },
          ]}
        />
        <FormDataConsumer<{ patient_kind: string }>>
          {({ formData }) =>
            formData.patient_kind === 'resident' ? (
              <ReferenceInput source="resident_id" reference="residents">
                <AutocompleteInput
                  optionText={(r: { name: string; id_number_masked: string | null }) => `${r.name} ${r.id_number_masked ?? ''}`}
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
        <Typography variant="subtitle2">{translate('diagnosis.attach')}</Typography>
        <input
          type="file"
          name="file"
          data-testid="attachment-input"
          accept="image/png,image/jpeg,application/pdf,.dcm"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <Typography variant="caption" color="text.secondary">
          {translate('diagnosis.attach_hint')}
        </Typography>
      </SimpleForm>
    </Create>
  );
};
