// 随访记录: every visit logged in scope, newest first, with its classification; a visit's page shows
// the national record (hypertension, diabetes) or the elderly check's record.
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { Show } from '../../shared/fullRecord';
import {
  ADHERENCE_CHOICES,
  ADJUSTMENT_CHOICES,
  CLASSIFICATION_CHOICES,
  DORSALIS_PEDIS_CHOICES,
  EXAM_RESULT_CHOICES,
  FOLLOWUP_TYPE_CHOICES,
  HYPOGLYCAEMIA_CHOICES,
  MODE_CHOICES,
  SALT_CHOICES,
  SCREEN_CHOICES,
  SELF_ASSESSMENT_CHOICES,
  SELF_CARE_ITEMS,
  SELF_CARE_LEVEL_CHOICES,
} from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import type { FollowupRecord } from '../records';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={FOLLOWUP_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="classification" source="classification" choices={CLASSIFICATION_CHOICES} />,
];

const columns: Column<FollowupRecord>[] = [
  { source: 'visited_on', kind: 'date' },
  { source: 'resident_name', kind: 'text', sortable: false },
  { source: 'type', kind: 'choice', choices: FOLLOWUP_TYPE_CHOICES },
  { source: 'mode', kind: 'choice', choices: MODE_CHOICES },
  { source: 'systolic', kind: 'computed', sortable: false, value: (f) => (f.systolic ? `${f.systolic}/${f.diastolic}` : '') },
  { source: 'fasting_glucose', kind: 'number' },
  { source: 'classification', kind: 'choice', choices: CLASSIFICATION_CHOICES },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
];

export const FollowupList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'visited_on', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<FollowupRecord>
          primaryText={(f) => `${f.resident_name ?? f.topic ?? ''} · ${translate(`enums.followup_type.${f.type}`)}`}
          secondaryText={(f) =>
            [f.visited_on, f.systolic && `${f.systolic}/${f.diastolic}`, f.fasting_glucose && `${f.fasting_glucose} mmol/L`].filter(Boolean).join(' · ')
          }
          tertiaryText={(f) => (f.classification ? translate(`enums.classification.${f.classification}`) : '')}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};

const chronic = (type: unknown) => type === 'hypertension' || type === 'diabetes';

/** A list of one enum's values, translated (symptoms, findings, guidance…). */
const EnumList = ({ source, list }: { source: string; list: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      render={(f) => {
        const values = source.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | null | undefined)?.[k], f) as string[] | null | undefined;
        return values?.length ? values.map((v) => translate(`enums.${list}.${v}`)).join('、') : '—';
      }}
    />
  );
};

const YesNoField = ({ source }: { source: 'adverse_reaction' | 'new_complication' }) => {
  const translate = useTranslate();
  return (
    <FunctionField<FollowupRecord> source={source} render={(f) => (f[source] == null ? '—' : translate(f[source] ? 'health.form.yes' : 'health.form.no'))} />
  );
};

const MedicationsField = () => {
  const translate = useTranslate();
  return (
    <FunctionField<FollowupRecord>
      source="medications"
      render={(f) =>
        f.medications?.length ? f.medications.map((m) => `${m.name} ${m.times_per_day}×${m.dose}${translate(`enums.dose_unit.${m.unit}`)}`).join('；') : '—'
      }
    />
  );
};

const nationalFields = (type: string) => [
  <EnumList key="symptoms" source="symptoms" list="symptom" />,
  <TextField key="symptoms_other" source="symptoms_other" emptyText="—" />,
  <NumberField key="bmi" source="bmi" emptyText="—" />,
  <NumberField key="target_weight_kg" source="target_weight_kg" emptyText="—" />,
  ...(type === 'diabetes'
    ? [
        <SelectField key="dorsalis_pedis" source="dorsalis_pedis" choices={DORSALIS_PEDIS_CHOICES} emptyText="—" />,
        <NumberField key="hba1c" source="hba1c" emptyText="—" />,
        <NumberField key="staple_food_g" source="staple_food_g" emptyText="—" />,
        <SelectField key="hypoglycaemia" source="hypoglycaemia" choices={HYPOGLYCAEMIA_CHOICES} emptyText="—" />,
      ]
    : [<SelectField key="salt_intake" source="salt_intake" choices={SALT_CHOICES} emptyText="—" />]),
  <NumberField key="smoking_per_day" source="smoking_per_day" emptyText="—" />,
  <NumberField key="drinking_per_day" source="drinking_per_day" emptyText="—" />,
  <NumberField key="exercise_per_week" source="exercise_per_week" emptyText="—" />,
  <SelectField key="psychological_adjustment" source="psychological_adjustment" choices={ADJUSTMENT_CHOICES} emptyText="—" />,
  <SelectField key="compliance" source="compliance" choices={ADJUSTMENT_CHOICES} emptyText="—" />,
  <SelectField key="medication_adherence" source="medication_adherence" choices={ADHERENCE_CHOICES} emptyText="—" />,
  <YesNoField key="adverse_reaction" source="adverse_reaction" />,
  <TextField key="adverse_reaction_text" source="adverse_reaction_text" emptyText="—" />,
  <YesNoField key="new_complication" source="new_complication" />,
  <TextField key="complication_text" source="complication_text" emptyText="—" />,
  <MedicationsField key="medications" />,
  <FunctionField<FollowupRecord>
    key="referral_reason"
    source="referral_reason"
    render={(f) => (f.referral_reason ? <EnumText list="up_referral_reason" value={f.referral_reason} /> : '—')}
  />,
  <DateField key="next_visit_on" source="next_visit_on" emptyText="—" />,
  <FunctionField<FollowupRecord>
    key="referral_id"
    source="referral_id"
    render={(f) => (f.referral_id ? <Link to={`/referrals/${f.referral_id}/show`}>#{f.referral_id}</Link> : '—')}
  />,
];

const elderlyFields = [
  ...SELF_CARE_ITEMS.map((item) => <SelectField key={item} source={`elderly_check.${item}`} choices={SELF_CARE_LEVEL_CHOICES} />),
  <NumberField key="score" source="elderly_check.self_care_score" />,
  <SelectField key="level" source="elderly_check.self_care_level" choices={SELF_CARE_LEVEL_CHOICES} />,
  <SelectField key="self" source="elderly_check.health_self_assessment" choices={SELF_ASSESSMENT_CHOICES} emptyText="—" />,
  <SelectField key="cognition" source="elderly_check.cognition_screen" choices={SCREEN_CHOICES} emptyText="—" />,
  <SelectField key="emotion" source="elderly_check.emotion_screen" choices={SCREEN_CHOICES} emptyText="—" />,
  <EnumList key="exam" source="elderly_check.exam_abnormal" list="exam_item" />,
  <NumberField key="hb" source="elderly_check.haemoglobin" emptyText="—" />,
  <NumberField key="tc" source="elderly_check.total_cholesterol" emptyText="—" />,
  <NumberField key="tg" source="elderly_check.triglycerides" emptyText="—" />,
  <SelectField key="ecg" source="elderly_check.ecg" choices={EXAM_RESULT_CHOICES} emptyText="—" />,
  <SelectField key="assessment" source="elderly_check.assessment" choices={EXAM_RESULT_CHOICES} />,
  <EnumList key="findings" source="elderly_check.findings" list="elderly_finding" />,
  <EnumList key="guidance" source="elderly_check.guidance" list="elderly_guidance" />,
  <EnumList key="risk" source="elderly_check.risk_advice" list="risk_advice" />,
  <DateField key="next" source="elderly_check.next_check_on" />,
];

const FollowupRecord = () => {
  const f = useRecordContext<FollowupRecord>();
  if (!f) return null;
  return (
    <SimpleShowLayout>
      <ReferenceField source="resident_id" reference="residents" link="show" emptyText="—" />
      <SelectField source="type" choices={FOLLOWUP_TYPE_CHOICES} />
      <SelectField source="mode" choices={MODE_CHOICES} />
      <DateField source="visited_on" />
      <NumberField source="systolic" emptyText="—" />
      <NumberField source="diastolic" emptyText="—" />
      <NumberField source="fasting_glucose" emptyText="—" />
      <NumberField source="weight_kg" emptyText="—" />
      <NumberField source="height_cm" emptyText="—" />
      <NumberField source="heart_rate" emptyText="—" />
      <SelectField source="classification" choices={CLASSIFICATION_CHOICES} emptyText="—" />
      <FunctionField<FollowupRecord> source="advice" render={(r) => (r.advice ? <EnumText list="advice" value={r.advice} /> : '—')} />
      {chronic(f.type) && nationalFields(f.type)}
      {f.type === 'elderly_check' && f.elderly_check && elderlyFields}
      <TextField source="topic" emptyText="—" />
      <NumberField source="attendees" emptyText="—" />
      <TextField source="notes" emptyText="—" />
      <TextField source="task_id" emptyText="—" />
      <TextField source="doctor_user_id" emptyText="—" />
    </SimpleShowLayout>
  );
};

export const FollowupShow = () => (
  <Show>
    <FollowupRecord />
  </Show>
);

const EnumText = ({ list, value }: { list: string; value: string }) => {
  const translate = useTranslate();
  return <>{translate(`enums.${list}.${value}`)}</>;
};
