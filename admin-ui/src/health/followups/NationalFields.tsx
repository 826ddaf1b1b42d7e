// The national hypertension / type-2 diabetes follow-up record (国家基本公共卫生服务规范 第三版
// 随访服务记录表), in the order of the paper form: symptoms, signs, lifestyle (this visit and target),
// tests, adherence and reactions, medicines, next visit. The classification, the advice and the next
// visit date are the API's (api/health/rules.ts); this form only collects the answers.
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  ArrayInput,
  CheckboxGroupInput,
  DateInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { RECORD_RANGES, type RecordNumber } from '../../../../api/health/ranges';
import {
  ADHERENCE_CHOICES,
  ADJUSTMENT_CHOICES,
  DORSALIS_PEDIS_CHOICES,
  DOSE_UNIT_CHOICES,
  HYPOGLYCAEMIA_CHOICES,
  RANGES,
  readingInputMode,
  readingStep,
  readingValidator,
  SALT_CHOICES,
  symptomChoices,
  type Measurement,
} from '../choices';

export type ChronicType = 'hypertension' | 'diabetes';

const between =
  (lo: number, hi: number): Validator =>
  (value) =>
    value == null || value === '' || (Number(value) >= lo && Number(value) <= hi) ? undefined : `${lo}–${hi}`;

export const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mt: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, borderBottom: 1, borderColor: 'divider', mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** Two inputs side by side (this visit | target; systolic | diastolic). */
export const Pair = ({ children }: { children: ReactNode }) => <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1 }}>{children}</Box>;

/** A reading with the API's plausible range (checked here too, so the doctor knows without a network). */
export const Reading = ({ source, need = false }: { source: Measurement; need?: boolean }) => {
  const translate = useTranslate();
  return (
    <NumberInput
      source={source}
      label={`${translate(`resources.followups.fields.${source}`)} (${RANGES[source][2]})`}
      validate={[...(need ? [required()] : []), readingValidator(source)]}
      step={readingStep(source)}
      slotProps={{ htmlInput: { inputMode: readingInputMode(source), 'data-testid': `input-${source}` } }}
    />
  );
};

/** One of the record's numbers (lifestyle, target weight, HbA1c), its unit from the messages. */
const RecordNumberInput = ({ source }: { source: RecordNumber }) => {
  const [lo, hi] = RECORD_RANGES[source];
  const decimal = source === 'drinking_per_day' || source === 'drinking_target' || source === 'target_weight_kg' || source === 'hba1c';
  return (
    <NumberInput
      source={source}
      validate={between(lo, hi)}
      step={decimal ? 0.1 : 1}
      min={lo}
      slotProps={{ htmlInput: { inputMode: decimal ? 'decimal' : 'numeric', 'data-testid': `input-${source}` } }}
    />
  );
};

/** 无 / 有 for a yes-no question of the form (药物不良反应, 并发症), stored as a boolean. */
const YesNo = ({ source }: { source: string }) => (
  <Box data-testid={`field-${source}`}>
    <RadioButtonGroupInput
      source={source}
      choices={[
        { id: 'no', name: 'health.form.no' },
        { id: 'yes', name: 'health.form.yes' },
      ]}
      format={(v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '')}
      parse={(v: string) => v === 'yes'}
      validate={required()}
      row
    />
  </Box>
);

const Choice = ({ source, choices, need = false }: { source: string; choices: { id: string; name: string }[]; need?: boolean }) => (
  <Box data-testid={`field-${source}`}>
    <RadioButtonGroupInput source={source} choices={choices} validate={need ? required() : undefined} row />
  </Box>
);

/** BMI of the weight and height on the form (the API stores its own). */
const Bmi = () => {
  const translate = useTranslate();
  const [weight, height, target] = useWatch({ name: ['weight_kg', 'height_cm', 'target_weight_kg'] }) as (number | string | undefined)[];
  const bmi = (w: unknown) => (w && height ? (Number(w) / (Number(height) / 100) ** 2).toFixed(1) : '—');
  return (
    <Typography variant="body2" color="text.secondary" data-testid="bmi" sx={{ mb: 1 }}>
      {translate('health.form.bmi', { bmi: bmi(weight), target: bmi(target) })}
    </Typography>
  );
};

const Described = ({ flag, source }: { flag: string; source: string }) => {
  const on = useWatch({ name: flag }) as boolean | undefined;
  return on ? <TextInput source={source} validate={required()} fullWidth /> : null;
};

export const NationalFields = ({ type }: { type: ChronicType }) => {
  const diabetes = type === 'diabetes';
  return (
    <>
      <Section title="health.form.symptoms">
        <Box data-testid="field-symptoms">
          <CheckboxGroupInput source="symptoms" choices={symptomChoices(type)} validate={required()} row />
        </Box>
        <TextInput source="symptoms_other" fullWidth />
      </Section>

      <Section title="health.form.signs">
        <Pair>
          <Reading source="systolic" need={!diabetes} />
          <Reading source="diastolic" need={!diabetes} />
          <Reading source="heart_rate" />
          <Reading source="height_cm" />
          <Reading source="weight_kg" />
          <RecordNumberInput source="target_weight_kg" />
        </Pair>
        <Bmi />
        {diabetes && <SelectInput source="dorsalis_pedis" choices={DORSALIS_PEDIS_CHOICES} fullWidth />}
        <TextInput source="signs_other" fullWidth />
      </Section>

      <Section title="health.form.lifestyle">
        <Pair>
          <RecordNumberInput source="smoking_per_day" />
          <RecordNumberInput source="smoking_target" />
          <RecordNumberInput source="drinking_per_day" />
          <RecordNumberInput source="drinking_target" />
          <RecordNumberInput source="exercise_per_week" />
          <RecordNumberInput source="exercise_minutes" />
          <RecordNumberInput source="exercise_per_week_target" />
          <RecordNumberInput source="exercise_minutes_target" />
          {diabetes && <RecordNumberInput source="staple_food_g" />}
          {diabetes && <RecordNumberInput source="staple_food_target_g" />}
        </Pair>
        {!diabetes && <Choice source="salt_intake" choices={SALT_CHOICES} />}
        {!diabetes && <Choice source="salt_intake_target" choices={SALT_CHOICES} />}
        <Choice source="psychological_adjustment" choices={ADJUSTMENT_CHOICES} />
        <Choice source="compliance" choices={ADJUSTMENT_CHOICES} />
      </Section>

      <Section title="health.form.tests">
        {diabetes && (
          <Pair>
            <Reading source="fasting_glucose" need />
            <RecordNumberInput source="hba1c" />
          </Pair>
        )}
        <TextInput source="exams_other" fullWidth />
      </Section>

      <Section title="health.form.medication">
        <Choice source="medication_adherence" choices={ADHERENCE_CHOICES} need />
        <YesNo source="adverse_reaction" />
        <Described flag="adverse_reaction" source="adverse_reaction_text" />
        {diabetes && <Choice source="hypoglycaemia" choices={HYPOGLYCAEMIA_CHOICES} />}
        <YesNo source="new_complication" />
        <Described flag="new_complication" source="complication_text" />
        <ArrayInput source="medications">
          <SimpleFormIterator inline={false} disableReordering fullWidth>
            <TextInput source="name" validate={required()} fullWidth />
            <Pair>
              <NumberInput source="times_per_day" validate={[required(), between(1, 6)]} step={1} />
              <NumberInput source="dose" validate={[required(), between(0.001, 10_000)]} />
            </Pair>
            <SelectInput source="unit" choices={DOSE_UNIT_CHOICES} validate={required()} defaultValue="mg" />
          </SimpleFormIterator>
        </ArrayInput>
      </Section>

      <Section title="health.form.next_visit">
        <DateInput source="next_visit_on" helperText="health.form.next_visit_help" fullWidth />
      </Section>
    </>
  );
};

const NUMBERS: RecordNumber[] = Object.keys(RECORD_RANGES) as RecordNumber[];
const CHOICES = ['dorsalis_pedis', 'salt_intake', 'salt_intake_target', 'psychological_adjustment', 'compliance', 'medication_adherence', 'hypoglycaemia'];
const TEXTS = ['symptoms_other', 'signs_other', 'exams_other', 'adverse_reaction_text', 'complication_text', 'next_visit_on'];

/** The record's answers as the API takes them (empty answers left out; readings are added by the form). */
export function nationalBody(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const present = (v: unknown) => v != null && v !== '';
  if (Array.isArray(values.symptoms) && values.symptoms.length) body.symptoms = values.symptoms;
  for (const f of NUMBERS) if (present(values[f])) body[f] = Number(values[f]);
  for (const f of [...CHOICES, ...TEXTS]) if (present(values[f])) body[f] = values[f];
  for (const f of ['adverse_reaction', 'new_complication']) if (typeof values[f] === 'boolean') body[f] = values[f];
  if (!body.adverse_reaction) delete body.adverse_reaction_text;
  if (!body.new_complication) delete body.complication_text;
  const medications = (Array.isArray(values.medications) ? values.medications : []) as Record<string, unknown>[];
  const listed = medications.filter((m) => present(m?.name));
  if (listed.length)
    body.medications = listed.map((m) => ({ name: String(m.name).trim(), times_per_day: Number(m.times_per_day), dose: Number(m.dose), unit: m.unit ?? 'mg' }));
  return body;
}
