// 远程会诊参数 (GET/PUT /api/consultation-settings): the fee per half hour, the opinion's norm (hours after
// the slot ends) and the room check's lead (minutes before the slot); they apply to consultations booked
// from then on. The group administrator changes them; directors and staff clerks read them.
import { NumberInput, TextInput, maxValue, minValue, required } from 'react-admin';
import type { ConsultationSettings } from '../../../api/diagnosis/consultations/rules';
import { SettingsPage } from '../shared/SettingsPage';
import { SettingsSection } from '../shared/SettingsSection';
import { inputText } from '../shared/inputText';

const YUAN = /^\d{1,9}(\.\d{1,2})?$/;
const yuan = (v: unknown) => (v != null && v !== '' && !YUAN.test(inputText(v)) ? 'diagnosis.consultation.settings.yuan_format' : undefined);

export const ConsultationSettingsPage = () => (
  <SettingsPage<ConsultationSettings>
    path="/api/consultation-settings"
    resource="consultation-settings"
    title="menu.consultation_settings"
    intro="diagnosis.consultation.settings.intro"
    savedMessage="diagnosis.consultation.settings.saved"
    saveTestId="save-consultation-settings"
    readOnlyNote={{ message: 'diagnosis.consultation.settings.read_only', testId: 'consultation-settings-read-only' }}
  >
    {(readOnly) => (
      <SettingsSection title="diagnosis.consultation.settings.section">
        <TextInput
          source="fee_per_half_hour"
          label="diagnosis.consultation.settings.fee_per_half_hour"
          helperText="diagnosis.consultation.settings.yuan"
          validate={[required(), yuan]}
          readOnly={readOnly}
          fullWidth={false}
        />
        <NumberInput
          source="opinion_hours"
          label="diagnosis.consultation.settings.opinion_hours"
          helperText="diagnosis.consultation.settings.opinion_help"
          validate={[required(), minValue(1), maxValue(720)]}
          step={1}
          readOnly={readOnly}
          fullWidth={false}
        />
        <NumberInput
          source="ready_minutes"
          label="diagnosis.consultation.settings.ready_minutes"
          helperText="diagnosis.consultation.settings.ready_help"
          validate={[required(), minValue(5), maxValue(240)]}
          step={5}
          readOnly={readOnly}
          fullWidth={false}
        />
      </SettingsSection>
    )}
  </SettingsPage>
);
