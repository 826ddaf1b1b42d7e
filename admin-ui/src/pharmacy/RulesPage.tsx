// 点评规则: the flags' parameters (more than N drugs, an antibiotic's indications by ICD-10 prefix or
// word, each drug's dose range, the drugs an oral form would replace), the monthly sample size and
// the figures' targets. The quality office (the chief pharmacist's desk) changes them; saving flags
// the current month's open prescriptions again, and says how many changed.
import { Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  Form,
  Loading,
  NumberInput,
  ResourceContextProvider,
  SaveButton,
  SimpleFormIterator,
  TextInput,
  Title,
  maxValue,
  minValue,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { RX_FIGURE } from '../../../api/pharmacy/enums';
import type { RxRules } from '../../../api/pharmacy';
import { SettingsSection } from '../shared/SettingsSection';
import { useSettings } from '../shared/useSettings';
import { inputText } from '../shared/inputText';

const LISTS = ['infection_icd_prefixes', 'infection_words', 'oral_preferred'] as const;
type Answer = RxRules & { reflagged?: { open: number; changed: number; flagged: number } };

/** The form's record: each list as text, one entry per line (or separated by commas). */
const toForm = (r: RxRules) => ({ ...r, ...Object.fromEntries(LISTS.map((l) => [l, r[l].join('\n')])) });
const fromForm = (v: Record<string, unknown>) => ({
  ...v,
  ...Object.fromEntries(
    LISTS.map((l) => [
      l,
      inputText(v[l])
        .split(/[\n,，、;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ]),
  ),
});

export const RulesPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { settings: rules, setSettings: setRules, readOnly, put } = useSettings<RxRules>('/api/prescription-rules', 'prescription-rules');
  if (!rules) return <Loading />;
  const save = async (values: Record<string, unknown>) => {
    const { answer, errors } = await put(fromForm(values));
    // a list's entry (infection_words.3) is shown on the list's input
    if (!answer) return errors && Object.fromEntries(Object.entries(errors).map(([k, m]) => [LISTS.find((l) => k.startsWith(`${l}.`)) ?? k, m]));
    const { reflagged, ...saved } = answer as Answer;
    setRules(saved);
    notify('pharmacy.rules.saved', { type: 'success', messageArgs: reflagged });
    return undefined;
  };
  const list = (source: (typeof LISTS)[number]) => (
    <TextInput
      key={source}
      source={source}
      label={`pharmacy.rules.${source}`}
      helperText="pharmacy.rules.list_help"
      multiline
      minRows={2}
      readOnly={readOnly}
      sx={{ minWidth: 320 }}
    />
  );
  return (
    <Stack sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('menu.prescription_rules')} />
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('pharmacy.rules.intro')}
      </Typography>
      {/* the dose ranges' SimpleFormIterator needs a resource: a page has none of its own */}
      <ResourceContextProvider value="prescription-rules">
        <Form record={toForm(rules)} onSubmit={save} disabled={readOnly}>
          <SettingsSection title="pharmacy.rules.flags">
            <NumberInput
              source="max_drugs"
              label="pharmacy.rules.max_drugs"
              validate={[required(), minValue(1), maxValue(50)]}
              step={1}
              readOnly={readOnly}
              fullWidth={false}
            />
            {list('infection_icd_prefixes')}
            {list('infection_words')}
            {list('oral_preferred')}
          </SettingsSection>
          <SettingsSection title="pharmacy.rules.dose_ranges">
            <ArrayInput source="dose_ranges" label={false}>
              <SimpleFormIterator inline disableReordering disableAdd={readOnly} disableRemove={readOnly}>
                <TextInput source="drug" label="pharmacy.rules.drug" validate={required()} helperText={false} />
                <TextInput source="unit" label="pharmacy.rules.unit" validate={required()} helperText={false} sx={{ width: 90 }} />
                <NumberInput source="min" label="pharmacy.rules.min" validate={[required(), minValue(0)]} helperText={false} sx={{ width: 110 }} />
                <NumberInput source="max" label="pharmacy.rules.max" validate={[required(), minValue(0)]} helperText={false} sx={{ width: 110 }} />
              </SimpleFormIterator>
            </ArrayInput>
          </SettingsSection>
          <SettingsSection title="pharmacy.rules.sample_and_targets">
            <NumberInput
              source="sample_size"
              label="pharmacy.rules.sample_size"
              validate={[required(), minValue(1), maxValue(10_000)]}
              step={1}
              readOnly={readOnly}
              fullWidth={false}
            />
            {RX_FIGURE.values.map((f) => (
              <NumberInput
                key={f}
                source={`targets.${f}`}
                label={`enums.rx_figure.${f}`}
                helperText={f === 'avg_drugs' ? 'pharmacy.rules.target_count' : 'pharmacy.rules.target_share'}
                validate={[minValue(0), maxValue(f === 'avg_drugs' ? 50 : 1)]}
                step={f === 'avg_drugs' ? 0.5 : 0.01}
                readOnly={readOnly}
                fullWidth={false}
              />
            ))}
          </SettingsSection>
          {!readOnly && <SaveButton data-testid="save-rules" />}
        </Form>
      </ResourceContextProvider>
    </Stack>
  );
};
