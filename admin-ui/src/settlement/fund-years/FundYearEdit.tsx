// 基金年度配置 (group finance): the money, the bundle ratio with the budget derived live, the
// overspend tiers (超支分担), the gates (结余留用条件) with their deductions, the indicator
// thresholds, the allocation settings (each pool with its own indicators and weights) and the monthly
// budget profile with its running sum.
// The server validates the whole configuration and answers field problems onto the inputs; a
// year whose approved run rests on this configuration is locked (409), shown before editing.
import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  SaveButton,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  required,
  useGetList,
  useRecordContext,
  useSimpleFormIteratorItem,
  useTranslate,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { UNIT_KIND_CHOICES } from '../../org/orgUnits/choices';
import { GATE, SETTLEMENT_INDICATOR } from '../../../../api/settlement/enums';
import { ALLOCATION_INDICATOR_CHOICES } from '../choices';
import { budgetFen, yuanText } from './budget';

// no min/max and step 'any': the browser must not refuse 1/12, a four-place ratio or an
// out-of-range share before the API judges the configuration and answers onto the fields
const share = { step: 'any' };
const near1 = (n: number) => Math.abs(n - 1) < 1e-6;
/** The edit form's values the live sums read: amounts and the ratio as typed (decimal text), shares and weights per row. */
interface FundYearForm {
  premium_total: string | null;
  catastrophic_pool: string | null;
  outpatient_pool: string | null;
  bundle_ratio: string | null;
  allocation: { pools: { share: number | null; indicators: { weight: number | null }[] }[] };
}

const sumOf = <T,>(xs: T[] | undefined, pick: (x: T) => unknown = (x) => x) => (xs ?? []).reduce<number>((a, x) => a + (Number(pick(x)) || 0), 0);

const Section = ({ title, help, children }: { title: string; help?: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mt: 2 }}>
      <Typography variant="h6">{translate(title)}</Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(help)}
        </Typography>
      )}
      {children}
    </Box>
  );
};

/** budget = round2((premium − catastrophic − outpatient) × ratio), recomputed as the inputs change. */
const DerivedBudget = () => {
  const translate = useTranslate();
  const [premium_total, catastrophic_pool, outpatient_pool, bundle_ratio] = useWatch<
    FundYearForm,
    ['premium_total', 'catastrophic_pool', 'outpatient_pool', 'bundle_ratio']
  >({
    name: ['premium_total', 'catastrophic_pool', 'outpatient_pool', 'bundle_ratio'],
  });
  const fen = budgetFen({ premium_total, catastrophic_pool, outpatient_pool, bundle_ratio });
  return (
    <Alert severity={fen === null || fen < 0n ? 'warning' : 'info'} icon={false} sx={{ my: 1 }}>
      <Typography variant="body2">{translate('settlement.config.budget_formula')}</Typography>
      <Typography variant="h6" data-testid="derived-budget">
        {fen === null ? '—' : `¥${yuanText(fen)}`}
      </Typography>
    </Alert>
  );
};

/** A sum that must come to 1; with showError also the server's problem on that field (where no input shows it). */
const SumLine = ({ source, total, label, showError }: { source: string; total: number; label: string; showError?: boolean }) => {
  const translate = useTranslate();
  const { errors } = useFormState({ name: source });
  const serverError = source.split('.').reduce<unknown>((e, k) => (e as Record<string, unknown> | undefined)?.[k], errors) as { message?: string } | undefined;
  const ok = near1(total);
  return (
    <Typography variant="body2" color={ok ? 'success.main' : 'error'} data-testid={`sum-${source}`}>
      {translate(label)}: {total.toFixed(4)} {ok ? '✓' : `≠ 1`}
      {showError && serverError?.message ? ` — ${serverError.message}` : ''}
    </Typography>
  );
};

const PoolSum = () => (
  <SumLine
    source="allocation.pools"
    total={sumOf(useWatch<FundYearForm, 'allocation.pools'>({ name: 'allocation.pools' }), (p) => p?.share)}
    label="settlement.config.share_sum"
  />
);
/** The sum of one pool's indicator weights, with the server's problem on that pool's list. */
const WeightSum = () => {
  const { index } = useSimpleFormIteratorItem();
  const source = `allocation.pools.${index}.indicators` as const;
  const weights = useWatch<FundYearForm, `allocation.pools.${number}.indicators`>({ name: source });
  return <SumLine source={source} total={sumOf(weights, (k) => k?.weight)} label="settlement.config.weight_sum" showError />;
};

/** Twelve monthly shares, each with the running sum beside it. */
const MonthlyProfile = () => {
  const translate = useTranslate();
  const profile = (useWatch({ name: 'monthly_profile' }) as unknown[] | undefined) ?? [];
  // the running sum after each month, summed in month order
  const running = Array.from({ length: 12 }, (_, i) => Number(profile[i]) || 0).reduce<number[]>((sums, share) => [...sums, (sums.at(-1) ?? 0) + share], []);
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(4, 1fr)' }, columnGap: 2 }}>
        {running.map((sum, i) => (
          <NumberInput
            key={i}
            source={`monthly_profile.${i}`}
            label={translate('settlement.config.month_n', { n: i + 1 })}
            helperText={`${translate('settlement.config.running_sum')} ${sum.toFixed(4)}`}
            validate={required()}
            {...share}
          />
        ))}
      </Box>
      <SumLine source="monthly_profile" total={running[11]} label="settlement.config.profile_sum" showError />
    </Box>
  );
};

/** A year whose configuration an approved run rests on cannot be edited until that run is superseded. */
function useLock() {
  const record = useRecordContext<{ id: number }>();
  const { data } = useGetList(
    'settlement-runs',
    { filter: { fund_year_id: record?.id, status: 'approved', current: true }, pagination: { page: 1, perPage: 1 }, sort: { field: 'period', order: 'DESC' } },
    { enabled: !!record },
  );
  return data?.[0] as { id: number; period: string } | undefined;
}

const LockNotice = () => {
  const translate = useTranslate();
  const lock = useLock();
  return lock ? (
    <Alert severity="warning" data-testid="fund-year-locked" sx={{ mb: 1, width: '100%' }}>
      {translate('settlement.config.locked', { id: lock.id, period: lock.period })}
    </Alert>
  ) : null;
};

const EditToolbar = () => {
  const lock = useLock();
  return (
    <Toolbar>
      <SaveButton disabled={!!lock} />
    </Toolbar>
  );
};

export const FundYearEdit = () => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect={false}>
      <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 1100 }}>
        <LockNotice />
        <Section title="settlement.config.money">
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ columnGap: 2 }}>
            <TextInput source="region" validate={required()} />
            <NumberInput source="year" validate={required()} />
            <NumberInput source="insured_count" validate={required()} {...share} />
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ columnGap: 2 }}>
            <TextInput source="premium_total" validate={required()} />
            <TextInput source="catastrophic_pool" validate={required()} />
            <TextInput source="outpatient_pool" validate={required()} />
            <TextInput source="bundle_ratio" validate={required()} helperText="settlement.config.bundle_ratio_help" />
          </Stack>
          <DerivedBudget />
        </Section>

        <Section title="resources.fund-years.fields.overspend_tiers" help="settlement.config.tiers_help">
          <ArrayInput source="overspend_tiers" label={false}>
            <SimpleFormIterator inline disableReordering>
              <NumberInput source="upTo" label="settlement.config.up_to" helperText="settlement.config.up_to_help" {...share} />
              <NumberInput source="groupShare" label="settlement.config.group_share" validate={required()} {...share} />
            </SimpleFormIterator>
          </ArrayInput>
        </Section>

        <Section title="resources.fund-years.fields.gates" help="settlement.config.gates_help">
          {GATE.values.map((k) => (
            <Stack key={k} direction={{ xs: 'column', md: 'row' }} sx={{ columnGap: 2, alignItems: 'baseline' }}>
              <Typography sx={{ minWidth: 160 }}>
                {translate(`enums.gate.${k}`)} {translate(`enums.direction.${GATE.labels[k].direction}`)}
              </Typography>
              <NumberInput source={`gates.${k}.threshold`} label="settlement.threshold" validate={required()} {...share} />
              <NumberInput source={`gates.${k}.deduction`} label="settlement.config.deduction_share" validate={required()} {...share} />
            </Stack>
          ))}
        </Section>

        <Section title="settlement.config.thresholds" help="settlement.config.thresholds_help">
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, columnGap: 2 }}>
            {SETTLEMENT_INDICATOR.values.map((k) => (
              <NumberInput
                key={k}
                source={`indicator_thresholds.${k}`}
                label={`${translate(`enums.settlement_indicator.${k}`)} ${translate(`enums.direction.${SETTLEMENT_INDICATOR.labels[k].direction}`)}`}
                validate={required()}
                {...share}
              />
            ))}
          </Box>
        </Section>

        <Section title="resources.fund-years.fields.allocation" help="settlement.config.allocation_help">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="scoring-rule">
            {translate('settlement.scoring_rule')}
          </Typography>
          <ArrayInput source="allocation.pools" label="settlement.config.pools">
            <SimpleFormIterator disableReordering>
              <Stack direction={{ xs: 'column', md: 'row' }} sx={{ columnGap: 2 }}>
                <TextInput source="key" label="settlement.pool" validate={required()} helperText="settlement.config.pool_key_help" />
                <NumberInput source="share" label="settlement.share" validate={required()} {...share} />
              </Stack>
              <ArrayInput source="indicators" label="settlement.config.pool_indicators">
                <SimpleFormIterator inline disableReordering>
                  <SelectInput source="key" label="settlement.indicator" choices={ALLOCATION_INDICATOR_CHOICES} validate={required()} />
                  <NumberInput source="weight" label="settlement.weight" validate={required()} {...share} />
                  <BooleanInput source="higher_is_better" label="settlement.config.higher_is_better" defaultValue />
                </SimpleFormIterator>
              </ArrayInput>
              <WeightSum />
            </SimpleFormIterator>
          </ArrayInput>
          <PoolSum />
          <SelectArrayInput
            source="allocation.recipient_kinds"
            label="settlement.config.recipient_kinds"
            choices={UNIT_KIND_CHOICES}
            validate={required()}
            sx={{ mt: 2, minWidth: 320 }}
          />
        </Section>

        <Section title="resources.fund-years.fields.monthly_profile" help="settlement.config.profile_help">
          <MonthlyProfile />
        </Section>
      </SimpleForm>
    </Edit>
  );
};
