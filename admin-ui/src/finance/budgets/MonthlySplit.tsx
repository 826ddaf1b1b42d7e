// The twelve monthly amounts of a budget with their running sum and the difference to the
// year; "spread evenly" fills them by largest remainder, exact to the fen.
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { NumberInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { fenOf, fenYuan } from '../api';
import { inputText } from '../../shared/inputText';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

const filled = (monthly: unknown[] | undefined) => (monthly ?? []).some((m) => m !== null && m !== undefined && m !== '');

/** Sum of the months and the year minus that sum, in fen; null when the months are left to the server's even split. */
export function monthlyDifference(values: { amount?: unknown; monthly?: unknown[] }) {
  if (!filled(values.monthly)) return null;
  const sum = (values.monthly ?? []).reduce<number>((s, m) => s + (fenOf(m) ?? 0), 0);
  return { sum, difference: (fenOf(values.amount) ?? 0) - sum };
}

/** SimpleForm validate: months that do not add up to the year are refused at the year's amount. */
export function validateBudget(values: { amount?: unknown; monthly?: unknown[] }) {
  const d = monthlyDifference(values);
  if (!d || d.difference === 0) return {};
  return { amount: { message: 'finance.budget.not_adding_up', args: { sum: fenYuan(d.sum), difference: fenYuan(d.difference) } } };
}

/** Sends the months only when some were typed (empty ones count as 0); otherwise the server splits evenly. */
export const monthlyPayload = (monthly: unknown[] | undefined) => (filled(monthly) ? MONTHS.map((i) => inputText(monthly?.[i]) || '0') : undefined);

export const MonthlySplit = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const amount: unknown = useWatch({ name: 'amount' });
  const monthly = useWatch({ name: 'monthly' }) as unknown[] | undefined;
  const d = monthlyDifference({ amount, monthly });
  const spread = () => {
    const total = fenOf(amount) ?? 0;
    const base = Math.floor(total / 12);
    MONTHS.forEach((i) => setValue(`monthly.${i}`, (base + (i < total - base * 12 ? 1 : 0)) / 100, { shouldDirty: true, shouldValidate: true }));
  };
  return (
    <Box sx={{ width: '100%' }} data-testid="monthly-split">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">{translate('resources.budgets.fields.monthly')}</Typography>
        <Button size="small" onClick={spread} disabled={!fenOf(amount)} data-testid="spread-evenly">
          {translate('finance.budget.spread')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('finance.budget.even_hint')}
        </Typography>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(4, 1fr)', lg: 'repeat(6, 1fr)' }, columnGap: 1 }}>
        {MONTHS.map((i) => (
          <NumberInput key={i} source={`monthly.${i}`} label={translate('finance.budget.month', { month: i + 1 })} step={0.01} min={0} helperText={false} />
        ))}
      </Box>
      {d ? (
        <Alert severity={d.difference === 0 ? 'success' : 'error'} sx={{ mt: 1 }} data-testid="monthly-diff">
          {translate('finance.budget.running', { sum: fenYuan(d.sum), year: fenYuan(fenOf(amount) ?? 0), difference: fenYuan(d.difference) })}
        </Alert>
      ) : null}
    </Box>
  );
};
