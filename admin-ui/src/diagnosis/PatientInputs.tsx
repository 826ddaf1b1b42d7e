// Who a request or a consultation is about: a resident of the health records, or an external patient
// named with an ID number — the inputs, and the body's patient fields as the API takes them.
import { AutocompleteInput, FormDataConsumer, RadioButtonGroupInput, ReferenceInput, TextInput, required } from 'react-admin';

/** The body without the form's own fields: the resident, or the name and ID number; no empty values. */
export const patientTransform = (data: Record<string, unknown>) => {
  const { patient_kind, ...rest } = data;
  if (patient_kind === 'resident') {
    delete rest.patient_name;
    delete rest.patient_id_number;
  } else delete rest.resident_id;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '' && v !== null && v !== undefined));
};

export const PatientInputs = () => (
  <>
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
  </>
);
