// 老年人健康管理: the elderly annual check's own form — vital signs, 健康状态自我评估, the five items of
// 老年人生活自理能力评估 (the score and level shown as they are answered), the cognitive and mood
// screens, the physical examination, the blood tests the norms list, and the guidance. The findings,
// the 健康评价 and the next check are the API's (api/health/rules.ts).
import { Box, Chip, Typography } from '@mui/material';
import { CheckboxGroupInput, NumberInput, RadioButtonGroupInput, SelectInput, TextInput, required, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ELDERLY_RANGES, type ElderlyNumber } from '../../../../api/health/ranges';
import type { SelfCareItem, SelfCareLevel } from '../../../../api/health/enums';
import { selfCare, type SelfCareAnswers } from '../../../../api/health/rules';
import {
  EXAM_ITEM_CHOICES,
  EXAM_RESULT_CHOICES,
  GUIDANCE_CHOICES,
  RISK_ADVICE_CHOICES,
  SCREEN_CHOICES,
  SELF_ASSESSMENT_CHOICES,
  SELF_CARE_ITEMS,
  URINE_PROTEIN_CHOICES,
  selfCareChoices,
} from '../choices';
import { Pair, Reading, Section } from './NationalFields';

const inRange =
  (field: ElderlyNumber): Validator =>
  (value) => {
    const [lo, hi] = ELDERLY_RANGES[field];
    return value == null || value === '' || (Number(value) >= lo && Number(value) <= hi) ? undefined : `${lo}–${hi}`;
  };

const Lab = ({ field }: { field: ElderlyNumber }) => {
  const translate = useTranslate();
  const decimal = !['respiration_rate', 'haemoglobin', 'platelets', 'alt', 'ast', 'creatinine'].includes(field);
  return (
    <NumberInput
      source={`elderly_check.${field}`}
      label={`${translate(`resources.followups.fields.elderly_check.${field}`)} (${ELDERLY_RANGES[field][2]})`}
      validate={inRange(field)}
      step={decimal ? 0.1 : 1}
      slotProps={{ htmlInput: { inputMode: decimal ? 'decimal' : 'numeric', 'data-testid': `input-${field}` } }}
    />
  );
};

/** The self-care score and level of the answers so far (the scores of 老年人生活自理能力评估表). */
const SelfCareTotal = () => {
  const translate = useTranslate();
  const answers = useWatch({ name: SELF_CARE_ITEMS.map((i) => `elderly_check.${i}`) }) as (SelfCareLevel | undefined)[];
  // the API's own count (rules.ts), an item not yet answered counted as 可自理
  const { score, level } = selfCare(Object.fromEntries(SELF_CARE_ITEMS.map((item, i) => [item, answers[i] ?? 'independent'])) as SelfCareAnswers);
  return (
    <Chip
      data-testid="self-care-total"
      color={level === 'independent' ? 'success' : 'warning'}
      label={translate('health.form.self_care_total', { score, level: translate(`enums.self_care_level.${level}`) })}
      sx={{ mb: 1 }}
    />
  );
};

const SelfCareItemInput = ({ item }: { item: SelfCareItem }) => {
  const translate = useTranslate();
  return (
    <Box data-testid={`field-${item}`}>
      <RadioButtonGroupInput
        source={`elderly_check.${item}`}
        choices={selfCareChoices(item)}
        optionText={(c: { name: string; score: number }) => `${translate(c.name)}（${c.score}）`}
        translateChoice={false}
        validate={required()}
        row
      />
    </Box>
  );
};

const BmiLine = () => {
  const translate = useTranslate();
  const [weight, height] = useWatch({ name: ['weight_kg', 'height_cm'] }) as (number | string | undefined)[];
  const bmi = weight && height ? (Number(weight) / (Number(height) / 100) ** 2).toFixed(1) : '—';
  return (
    <Typography variant="body2" color="text.secondary" data-testid="bmi" sx={{ mb: 1 }}>
      {translate('health.form.bmi_only', { bmi })}
    </Typography>
  );
};

export const ElderlyCheckFields = () => (
  <>
    <Section title="health.form.vital_signs">
      <Pair>
        <Lab field="temperature_c" />
        <Reading source="heart_rate" need />
        <Lab field="respiration_rate" />
        <Lab field="waist_cm" />
        <Reading source="systolic" need />
        <Reading source="diastolic" need />
        <Reading source="height_cm" need />
        <Reading source="weight_kg" need />
      </Pair>
      <BmiLine />
    </Section>

    <Section title="health.form.self_assessment">
      <Box data-testid="field-health_self_assessment">
        <RadioButtonGroupInput source="elderly_check.health_self_assessment" choices={SELF_ASSESSMENT_CHOICES} row />
      </Box>
    </Section>

    <Section title="health.form.self_care">
      {SELF_CARE_ITEMS.map((item) => (
        <SelfCareItemInput key={item} item={item} />
      ))}
      <SelfCareTotal />
    </Section>

    <Section title="health.form.screens">
      <Box data-testid="field-cognition_screen">
        <RadioButtonGroupInput source="elderly_check.cognition_screen" choices={SCREEN_CHOICES} row />
      </Box>
      <Box data-testid="field-emotion_screen">
        <RadioButtonGroupInput source="elderly_check.emotion_screen" choices={SCREEN_CHOICES} row />
      </Box>
    </Section>

    <Section title="health.form.examination">
      <Box data-testid="field-exam_abnormal">
        <CheckboxGroupInput source="elderly_check.exam_abnormal" choices={EXAM_ITEM_CHOICES} helperText="health.form.exam_help" row />
      </Box>
      <TextInput source="elderly_check.exam_notes" fullWidth />
    </Section>

    <Section title="health.form.blood_tests">
      <Pair>
        <Lab field="haemoglobin" />
        <Lab field="wbc" />
        <Lab field="platelets" />
        <Reading source="fasting_glucose" />
        <Lab field="alt" />
        <Lab field="ast" />
        <Lab field="total_bilirubin" />
        <Lab field="creatinine" />
        <Lab field="urea" />
        <Lab field="total_cholesterol" />
        <Lab field="triglycerides" />
        <Lab field="ldl" />
        <Lab field="hdl" />
      </Pair>
      <SelectInput source="elderly_check.urine_protein" choices={URINE_PROTEIN_CHOICES} fullWidth />
      <Box data-testid="field-ecg">
        <RadioButtonGroupInput source="elderly_check.ecg" choices={EXAM_RESULT_CHOICES} row />
      </Box>
      <Box data-testid="field-ultrasound">
        <RadioButtonGroupInput source="elderly_check.ultrasound" choices={EXAM_RESULT_CHOICES} row />
      </Box>
    </Section>

    <Section title="health.form.guidance">
      <Box data-testid="field-guidance">
        <CheckboxGroupInput source="elderly_check.guidance" choices={GUIDANCE_CHOICES} helperText="health.form.guidance_help" row />
      </Box>
      <Box data-testid="field-risk_advice">
        <CheckboxGroupInput source="elderly_check.risk_advice" choices={RISK_ADVICE_CHOICES} row />
      </Box>
      <TextInput source="elderly_check.abnormal_notes" multiline fullWidth />
    </Section>
  </>
);

/** The defaults of a new check: everyone starts 可自理 and is advised against falls. */
export const ELDERLY_DEFAULTS = {
  elderly_check: { ...Object.fromEntries(SELF_CARE_ITEMS.map((i) => [i, 'independent'])), risk_advice: ['fall_prevention'] },
};

/** The check's answers as the API takes them: its readings on the follow-up, the rest under elderly_check. */
export function elderlyBody(values: Record<string, unknown>): Record<string, unknown> {
  const c = (values.elderly_check ?? {}) as Record<string, unknown>;
  const present = (v: unknown) => v != null && v !== '';
  const check: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (!present(v)) continue;
    check[k] = k in ELDERLY_RANGES ? Number(v) : v;
  }
  return { elderly_check: check };
}
