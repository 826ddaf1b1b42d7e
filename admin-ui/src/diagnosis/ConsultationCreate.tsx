// Invite a remote consultation: the host (the HQ or a branch above the user's unit), its department
// or a named expert (attending physician and above, from the HR registry), the patient, the question,
// and the material uploaded once the invitation is made.
import { useEffect, useState } from 'react';
import { Typography } from '@mui/material';
import { Create, FormDataConsumer, SelectInput, SimpleForm, TextInput, required, useNotify, useRedirect, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { PatientInputs, patientTransform } from './PatientInputs';
import { uploadAttachment } from './Material';

/** A unit the user may send to, with its departments (GET /api/referrals/targets). */
interface Host {
  id: number;
  name: string;
  level: number;
  departments: { id: number; name: string }[];
}
interface Expert {
  id: number;
  name: string;
  title: string | null;
}

/** The named experts of the host chosen. */
const ExpertInput = ({ hostId }: { hostId?: number }) => {
  const translate = useTranslate();
  const [experts, setExperts] = useState<Expert[]>([]);
  useEffect(() => {
    if (hostId) void httpClient(`/api/diagnosis-consultations/experts?host_org_unit_id=${hostId}`).then((r) => setExperts(r.json as Expert[]));
  }, [hostId]);
  return (
    <SelectInput
      source="expert_staff_id"
      emptyText="—"
      choices={experts.map((e) => ({ id: e.id, name: `${e.name}${e.title ? `（${translate(`enums.title.${e.title}`)}）` : ''}` }))}
    />
  );
};

export const ConsultationCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [file, setFile] = useState<File | null>(null);
  const [hosts, setHosts] = useState<Host[]>([]);
  useEffect(() => {
    void httpClient('/api/referrals/targets').then((r) => setHosts((r.json as Host[]).filter((u) => u.level <= 2)));
  }, []);
  const onSuccess = async (created: { id: number }) => {
    if (file) {
      const problem = await uploadAttachment('diagnosis-consultations', created.id, file);
      if (problem) notify(problem, { type: 'error' });
    }
    redirect('show', 'diagnosis-consultations', created.id);
  };
  return (
    <Create transform={patientTransform} mutationOptions={{ onSuccess: (d: { id: number }) => void onSuccess(d) }}>
      <SimpleForm defaultValues={{ patient_kind: 'external' }}>
        <SelectInput source="host_org_unit_id" choices={hosts} validate={required()} />
        <FormDataConsumer<{ host_org_unit_id?: number }>>
          {({ formData }) => (
            <>
              <SelectInput source="host_department_id" emptyText="—" choices={hosts.find((h) => h.id === formData.host_org_unit_id)?.departments ?? []} />
              <ExpertInput hostId={formData.host_org_unit_id} />
            </>
          )}
        </FormDataConsumer>
        <Typography variant="caption" color="text.secondary">
          {translate('diagnosis.consultation.host_hint')}
        </Typography>
        <TextInput source="question" multiline minRows={2} validate={required()} fullWidth />
        <PatientInputs />
        <Typography variant="subtitle2">{translate('diagnosis.consultation.material')}</Typography>
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
