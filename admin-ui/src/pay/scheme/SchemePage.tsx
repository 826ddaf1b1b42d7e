// 绩效方案: the group's pay scheme (GET/PUT /api/pay-scheme) — points per service, the deduction per lapsed task,
// the control-rate quality bands, the unit quality-score bands, the assessment grades' factors, the base part by post
// and title, the medical-risk fund's rate, the rotation top-up and the HQ's and branches' department scheme. Group
// finance edits it; the others who may see it read it. The server's field problems are shown on their inputs.
import { Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  Form,
  Loading,
  NumberInput,
  ResourceContextProvider,
  SaveButton,
  SimpleFormIterator,
  Title,
  maxValue,
  minValue,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { PAY_GRADE, PAY_POST, PAY_SERVICE, PAY_TITLE_LEVEL } from '../../../../api/pay/enums';
import type { SchemeView } from '../../../../api/pay';
import { SettingsSection } from '../../shared/SettingsSection';
import { useSettings } from '../../shared/useSettings';

const INDICATORS = ['drug_share', 'cost_per_stay', 'referrals'] as const;

/** A problem the server names on a group of inputs (the weights' sum, said in the form's words) goes on each of them. */
const onInputs = (errors: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(errors).flatMap(([field, message]) =>
      field === 'department_scheme.weights' ? INDICATORS.map((k) => [`department_scheme.weights.${k}`, 'pay.scheme.weights_sum']) : [[field, message]],
    ),
  );

export const SchemePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { settings: scheme, setSettings: setScheme, readOnly, put } = useSettings<SchemeView>('/api/pay-scheme', 'pay-scheme');
  if (!scheme) return <Loading />;
  const save = async (values: Record<string, unknown>) => {
    const { answer, errors } = await put(values);
    if (!answer) return errors && onInputs(errors);
    setScheme(answer as SchemeView);
    notify('pay.scheme.saved', { type: 'success' });
    return undefined;
  };
  /** A decimal input of the scheme: points, a factor, a rate, yuan. */
  const figure = (source: string, label: string, max: number, step = 0.01, helperText: string | false = false) => (
    <NumberInput
      key={source}
      source={source}
      label={label}
      validate={[required(), minValue(0), maxValue(max)]}
      step={step}
      helperText={helperText}
      readOnly={readOnly}
      fullWidth={false}
      sx={{ width: 180 }}
    />
  );
  return (
    <Stack sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('menu.pay_scheme')} />
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('pay.scheme.intro')}
      </Typography>
      {/* the bands' SimpleFormIterator needs a resource: a page has none of its own */}
      <ResourceContextProvider value="pay-scheme">
        <Form record={scheme} onSubmit={save} disabled={readOnly}>
          <SettingsSection title="pay.scheme.points">
            {PAY_SERVICE.values.map((s) => figure(`points.${s}`, `enums.pay_service.${s}`, 1000))}
            {figure('missed_task_points', 'pay.scheme.missed_task_points', 1000, 0.01, 'pay.scheme.missed_task_help')}
          </SettingsSection>
          <SettingsSection title="pay.scheme.grade_factors">
            {PAY_GRADE.values.map((g) => figure(`grade_factors.${g}`, `enums.pay_grade.${g}`, 5, 0.05))}
          </SettingsSection>
          <SettingsSection title="pay.scheme.quality_bands">
            <ArrayInput source="quality_bands" label={false} helperText="pay.scheme.quality_bands_help">
              <SimpleFormIterator inline disableReordering disableAdd={readOnly} disableRemove={readOnly}>
                <NumberInput
                  source="min_rate"
                  label="pay.scheme.min_rate"
                  validate={[required(), minValue(0), maxValue(1)]}
                  step={0.05}
                  helperText={false}
                  sx={{ width: 140 }}
                />
                <NumberInput
                  source="factor"
                  label="pay.scheme.factor"
                  validate={[required(), minValue(0), maxValue(5)]}
                  step={0.05}
                  helperText={false}
                  sx={{ width: 140 }}
                />
              </SimpleFormIterator>
            </ArrayInput>
            {figure('no_rate_factor', 'pay.scheme.no_rate_factor', 5, 0.05)}
          </SettingsSection>
          <SettingsSection title="pay.scheme.unit_quality_bands">
            <ArrayInput source="unit_quality_bands" label={false} helperText="pay.scheme.unit_quality_bands_help">
              <SimpleFormIterator inline disableReordering disableAdd={readOnly} disableRemove={readOnly}>
                <NumberInput
                  source="min_score"
                  label="pay.scheme.min_score"
                  validate={[required(), minValue(0), maxValue(100)]}
                  step={1}
                  helperText={false}
                  sx={{ width: 140 }}
                />
                <NumberInput
                  source="points"
                  label="pay.scheme.band_points"
                  validate={[required(), minValue(-100), maxValue(100)]}
                  step={1}
                  helperText={false}
                  sx={{ width: 140 }}
                />
              </SimpleFormIterator>
            </ArrayInput>
          </SettingsSection>
          <SettingsSection title="pay.scheme.base">
            {PAY_POST.values.map((p) => figure(`post_points.${p}`, `enums.pay_post.${p}`, 1000, 1))}
            {PAY_TITLE_LEVEL.values.map((l) => figure(`title_points.${l}`, `enums.pay_title_level.${l}`, 1000, 1))}
          </SettingsSection>
          <SettingsSection title="pay.scheme.money">
            {figure('risk_fund_rate', 'pay.scheme.risk_fund_rate', 10, 0.5, 'pay.scheme.percent')}
            {figure('rotation_top_up', 'pay.scheme.rotation_top_up', 100_000, 100, 'pay.scheme.yuan_a_month')}
          </SettingsSection>
          <SettingsSection title="pay.scheme.department_scheme">
            {INDICATORS.map((k) => (
              <NumberInput
                key={k}
                source={`department_scheme.weights.${k}`}
                label={`pay.department.${k}`}
                helperText="pay.scheme.weight_help"
                validate={[required(), minValue(0), maxValue(100)]}
                step={5}
                readOnly={readOnly}
                fullWidth={false}
                sx={{ width: 180 }}
              />
            ))}
            {figure('department_scheme.max_indicator_score', 'pay.scheme.max_indicator_score', 200, 5, 'pay.scheme.max_indicator_help')}
          </SettingsSection>
          {readOnly ? (
            <Typography color="text.secondary" data-testid="pay-scheme-read-only">
              {translate('pay.scheme.read_only')}
            </Typography>
          ) : (
            <SaveButton data-testid="save-pay-scheme" />
          )}
        </Form>
      </ResourceContextProvider>
    </Stack>
  );
};
