// Request a diagnosis: the service (its centre named), the urgency, the clinical question, the
// patient (a resident, or name and ID number), and a file (an ECG trace, an image, a lab file)
// uploaded once the request is made.
import { useState } from 'react';
import { Typography } from '@mui/material';
import { AutocompleteInput, Create, SelectInput, SimpleForm, TextInput, required, useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import { URGENCY_CHOICES } from './choices';
import { PatientInputs, patientTransform } from './PatientInputs';
import { uploadAttachment } from './Material';

interface ServiceOption {
  id: number;
  centre_id: number;
  name: string;
}

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
      const problem = await uploadAttachment('diagnosis-requests', created.id, file);
      if (problem) notify(problem, { type: 'error' });
    }
    redirect('show', 'diagnosis-requests', created.id);
  };
  return (
    <Create transform={patientTransform} mutationOptions={{ onSuccess: (d: { id: number }) => void onSuccess(d) }}>
      <SimpleForm defaultValues={{ patient_kind: 'external', urgency: 'routine' }}>
        <AutocompleteInput source="service_id" choices={choices} validate={required()} sx={{ minWidth: 360 }} />
        <SelectInput source="urgency" choices={URGENCY_CHOICES} validate={required()} />
        <TextInput source="clinical_question" multiline minRows={2} validate={required()} fullWidth />
        <PatientInputs />
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
