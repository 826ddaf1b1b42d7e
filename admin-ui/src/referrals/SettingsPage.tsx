// 转诊参数: service levels per urgency, registration fees and inpatient thresholds per level, and
// the share of each day's places held for up-referrals. The group referral office and the group
// administrator change them; everyone else who may see them reads them.
import { Stack, Typography } from '@mui/material';
import { Form, Loading, NumberInput, SaveButton, TextInput, Title, maxValue, minValue, required, useNotify, useTranslate } from 'react-admin';
import { SettingsSection } from '../shared/SettingsSection';
import { useSettings } from '../shared/useSettings';
import { inputText } from '../shared/inputText';

const FEE_KEYS = ['1', '2', '3', '4', 'out'] as const;
const URGENCY_KEYS = ['emergency', 'urgent', 'routine'] as const;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const amount = (v: unknown) => (v != null && v !== '' && !AMOUNT.test(inputText(v)) ? 'referrals.settings.amount' : undefined);

export interface Settings {
  serviceLevelMinutes: Record<(typeof URGENCY_KEYS)[number], number>;
  registrationFee: Record<(typeof FEE_KEYS)[number], string>;
  inpatientThreshold: Record<(typeof FEE_KEYS)[number], string>;
  upReservedShare: number;
}

export const SettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { settings, setSettings, readOnly, put } = useSettings<Settings>('/api/referral-settings', 'referral-settings');
  if (!settings) return <Loading />;
  const save = async (values: Record<string, unknown>) => {
    const { answer, errors } = await put(values);
    if (!answer) return errors;
    setSettings(answer as Settings);
    notify('referrals.settings.saved', { type: 'success' });
    return undefined;
  };
  const level = (k: string) => translate(`enums.level.${k}`);
  return (
    <Stack sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('referrals.settings.title')} />
      <Form record={settings} onSubmit={save} disabled={readOnly}>
        <SettingsSection title="referrals.settings.service_levels">
          {URGENCY_KEYS.map((u) => (
            <NumberInput
              key={u}
              source={`serviceLevelMinutes.${u}`}
              label={translate(`enums.referral_urgency.${u}`)}
              helperText="referrals.settings.minutes"
              validate={[required(), minValue(1), maxValue(10_080)]}
              step={1}
              readOnly={readOnly}
              fullWidth={false}
            />
          ))}
        </SettingsSection>
        <SettingsSection title="referrals.settings.registration_fees">
          {FEE_KEYS.map((k) => (
            <TextInput
              key={k}
              source={`registrationFee.${k}`}
              label={level(k)}
              helperText="referrals.settings.yuan"
              validate={[required(), amount]}
              readOnly={readOnly}
              fullWidth={false}
            />
          ))}
        </SettingsSection>
        <SettingsSection title="referrals.settings.thresholds">
          {FEE_KEYS.map((k) => (
            <TextInput
              key={k}
              source={`inpatientThreshold.${k}`}
              label={level(k)}
              helperText="referrals.settings.yuan"
              validate={[required(), amount]}
              readOnly={readOnly}
              fullWidth={false}
            />
          ))}
        </SettingsSection>
        <SettingsSection title="referrals.settings.held">
          <NumberInput
            source="upReservedShare"
            label="referrals.settings.share"
            helperText="referrals.settings.share_help"
            step={0.05}
            readOnly={readOnly}
            validate={required()}
            fullWidth={false}
          />
        </SettingsSection>
        {readOnly ? (
          <Typography color="text.secondary" data-testid="settings-read-only">
            {translate('referrals.settings.read_only')}
          </Typography>
        ) : (
          <SaveButton data-testid="save-settings" />
        )}
      </Form>
    </Stack>
  );
};
