// 点评规则: the flags' parameters (more than N drugs, an antibiotic's indications by ICD-10 prefix or
// word, each drug's dose range, the drugs an oral form would replace), the monthly sample size and
// the figures' targets. The quality office (the chief pharmacist's desk) changes them; saving flags
// the current month's open prescriptions again, and says how many changed.
import { ArrayInput, NumberInput, SimpleFormIterator, TextInput, maxValue, minValue, required } from 'react-admin';
import { RX_FIGURE } from '../../../api/pharmacy/enums';
import type { RxRules } from '../../../api/pharmacy';
import { SettingsSection } from '../shared/SettingsSection';
import { SettingsPage } from '../shared/SettingsPage';
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

const list = (readOnly: boolean, source: (typeof LISTS)[number]) => (
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

/** A list's entry (infection_words.3) is shown on the list's input. */
const onInputs = (errors: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(errors).map(([k, m]) => [LISTS.find((l) => k.startsWith(`${l}.`)) ?? k, m]));

/** Saving answers the rules and how many open prescriptions were flagged again. */
const saved = (answer: unknown) => {
  const { reflagged, ...settings } = answer as Answer;
  return { settings, messageArgs: reflagged };
};

export const RulesPage = () => (
  <SettingsPage<RxRules>
    path="/api/prescription-rules"
    resource="prescription-rules"
    title="menu.prescription_rules"
    intro="pharmacy.rules.intro"
    savedMessage="pharmacy.rules.saved"
    saveTestId="save-rules"
    toForm={toForm}
    fromForm={fromForm}
    onInputs={onInputs}
    saved={saved}
  >
    {(readOnly) => (
      <>
        <SettingsSection title="pharmacy.rules.flags">
          <NumberInput
            source="max_drugs"
            label="pharmacy.rules.max_drugs"
            validate={[required(), minValue(1), maxValue(50)]}
            step={1}
            readOnly={readOnly}
            fullWidth={false}
          />
          {list(readOnly, 'infection_icd_prefixes')}
          {list(readOnly, 'infection_words')}
          {list(readOnly, 'oral_preferred')}
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
      </>
    )}
  </SettingsPage>
);
