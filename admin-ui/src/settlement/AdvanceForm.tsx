// 登记拨付: group finance records an advance paid (预拨付) for a month of the fund year from the
// 预拨付与清算 card — POST /api/settlement-advances. The amount starts at what the month still lacks
// (planned less paid), the date at today (the app's clock). The API's refusals are put on their inputs
// in Chinese by the rule each names; the card refreshes with the new 清算.
import { useState, type ChangeEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiPost, fenOf } from '../finance/api';
import { shanghaiDate } from '../shared/time';
import type { AdvancesView } from './types';

const FIELDS = ['month', 'amount', 'paid_on', 'reference', 'note'] as const;
type Field = (typeof FIELDS)[number];
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a month still lacks of its plan, in yuan with two decimals; '' when nothing. */
export function remainderOf(m: { planned: string; paid: string }): string {
  const fen = (fenOf(m.planned) ?? 0) - (fenOf(m.paid) ?? 0);
  return fen > 0 ? (fen / 100).toFixed(2) : '';
}

/** A refusal of the API's: the input it names, and the rule refused with its figures. */
type Refusal = { field: string; message: string; rule?: string; params?: Record<string, unknown> };

/** One refusal in Chinese: by the rule the API names (with its figures), else by the field. */
function advanceProblem(translate: Translate, problem: Refusal): string {
  const t = (k: string, o?: Record<string, unknown>) => translate(`settlement.advance_form.errors.${k}`, o);
  if (problem.rule === 'advance_outside_year') return t(problem.rule, { year: problem.params?.year, next: Number(problem.params?.year) + 1 });
  if (problem.rule === 'advance_in_future' || problem.rule === 'advance_year_closed') return t(problem.rule, problem.params);
  return t(problem.field);
}

export const AdvanceForm = ({ advances, month, onClose }: { advances: AdvancesView; month: number; onClose: () => void }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.advance_form.${k}`, o);
  const notify = useNotify();
  const refresh = useRefresh();
  const monthOf = (n: number) => advances.months.find((m) => m.month === n);
  const [values, setValues] = useState<Record<Field, string>>({
    month: String(month),
    amount: remainderOf(monthOf(month) ?? { planned: '0', paid: '0' }),
    paid_on: shanghaiDate(),
    reference: '',
    note: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);
  const set = (field: Field, value: string) => {
    setValues((v) => ({
      ...v,
      [field]: value,
      // another month: its own remainder
      ...(field === 'month' ? { amount: remainderOf(monthOf(Number(value)) ?? { planned: '0', paid: '0' }) } : {}),
    }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = async () => {
    setSaving(true);
    try {
      await apiPost('/settlement-advances', {
        fund_year_id: advances.fund_year_id,
        month: Number(values.month),
        amount: values.amount.trim(),
        paid_on: values.paid_on,
        reference: values.reference,
        note: values.note.trim() || null,
      });
      notify(t('saved', { month: values.month, amount: values.amount.trim() }), { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      const body = e instanceof HttpError ? (e.body as { details?: unknown } | undefined) : undefined;
      const problems = Array.isArray(body?.details) ? (body.details as Refusal[]) : [];
      const onInputs = problems.filter((d) => FIELDS.includes(d.field as Field));
      if (onInputs.length) setErrors(Object.fromEntries(onInputs.map((d) => [d.field, advanceProblem(translate, d)])));
      else if (problems.length) notify(advanceProblem(translate, problems[0]), { type: 'error' });
      else notify(t('failed', { status: e instanceof HttpError ? String(e.status as number) : '—' }), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const input = (field: Field, extra: object = {}) => ({
    label: t(field),
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(field, e.target.value),
    error: !!errors[field],
    helperText: errors[field] ?? ' ',
    fullWidth: true,
    size: 'small' as const,
    slotProps: {
      htmlInput: { 'data-testid': `record-advance-${field}`, name: field },
      formHelperText: { 'data-testid': `record-advance-${field}-error` } as object,
      inputLabel: { shrink: true },
    },
    ...extra,
  });

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth data-testid="record-advance-dialog">
      <DialogTitle>{t('title')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 1, pt: 1 }}>
          <TextField select {...input('month')}>
            {advances.months.map((m) => (
              <MenuItem key={m.month} value={String(m.month)}>
                {translate('settlement.advance_month', { month: m.month })}
              </MenuItem>
            ))}
          </TextField>
          <TextField {...input('amount')} />
          <TextField {...input('paid_on', { type: 'date' })} />
          <TextField {...input('reference')} />
          <TextField {...input('note', { multiline: true, minRows: 2 })} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving} data-testid="record-advance-save">
          {t('save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
