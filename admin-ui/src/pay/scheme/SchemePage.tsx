// 绩效方案: the group's pay scheme (GET/PUT /api/pay-scheme) — points per service, the deduction per lapsed task,
// the control-rate quality bands, the unit quality-score bands, the assessment grades' factors, the base part by post
// and title, the medical-risk fund's rate, the rotation top-up and the HQ's and branches' department scheme. Group
// finance edits it; the others who may see it read it. The server's field problems are shown on their inputs.
import { ArrayInput, NumberInput, SimpleFormIterator, maxValue, minValue, required } from 'react-admin';
import { PAY_GRADE, PAY_POST, PAY_SERVICE, PAY_TITLE_LEVEL } from '../../../../api/pay/enums';
import type { SchemeView } from '../../../../api/pay';
import { SettingsSection } from '../../shared/SettingsSection';
import { SettingsPage } from '../../shared/SettingsPage';

const INDICATORS = ['drug_share', 'cost_per_stay', 'referrals'] as const;

/** A problem the server names on a group of inputs (the weights' sum, said in the form's words) goes on each of them. */
const onInputs = (errors: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(errors).flatMap(([field, message]) =>
      field === 'department_scheme.weights' ? INDICATORS.map((k) => [`department_scheme.weights.${k}`, 'pay.scheme.weights_sum']) : [[field, message]],
    ),
  );

/** A decimal input of the scheme: points, a factor, a rate, yuan. */
const figure = (readOnly: boolean, source: string, label: string, max: number, step = 0.01, helperText: string | false = false) => (
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

export const SchemePage = () => (
  <SettingsPage<SchemeView>
    path="/api/pay-scheme"
    resource="pay-scheme"
    title="menu.pay_scheme"
    intro="pay.scheme.intro"
    savedMessage="pay.scheme.saved"
    saveTestId="save-pay-scheme"
    readOnlyNote={{ message: 'pay.scheme.read_only', testId: 'pay-scheme-read-only' }}
    onInputs={onInputs}
  >
    {(readOnly) => (
      <>
        <SettingsSection title="pay.scheme.points">
          {PAY_SERVICE.values.map((s) => figure(readOnly, `points.${s}`, `enums.pay_service.${s}`, 1000))}
          {figure(readOnly, 'missed_task_points', 'pay.scheme.missed_task_points', 1000, 0.01, 'pay.scheme.missed_task_help')}
        </SettingsSection>
        <SettingsSection title="pay.scheme.grade_factors">
          {PAY_GRADE.values.map((g) => figure(readOnly, `grade_factors.${g}`, `enums.pay_grade.${g}`, 5, 0.05))}
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
          {figure(readOnly, 'no_rate_factor', 'pay.scheme.no_rate_factor', 5, 0.05)}
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
          {PAY_POST.values.map((p) => figure(readOnly, `post_points.${p}`, `enums.pay_post.${p}`, 1000, 1))}
          {PAY_TITLE_LEVEL.values.map((l) => figure(readOnly, `title_points.${l}`, `enums.pay_title_level.${l}`, 1000, 1))}
        </SettingsSection>
        <SettingsSection title="pay.scheme.money">
          {figure(readOnly, 'risk_fund_rate', 'pay.scheme.risk_fund_rate', 10, 0.5, 'pay.scheme.percent')}
          {figure(readOnly, 'rotation_top_up', 'pay.scheme.rotation_top_up', 100_000, 100, 'pay.scheme.yuan_a_month')}
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
          {figure(readOnly, 'department_scheme.max_indicator_score', 'pay.scheme.max_indicator_score', 200, 5, 'pay.scheme.max_indicator_help')}
        </SettingsSection>
      </>
    )}
  </SettingsPage>
);
