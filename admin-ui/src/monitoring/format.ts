// How the monitoring screen and its records write a figure: a percentage, per 10,000, yuan, a ratio
// or a score by the indicator's unit; a record's cell by its column (codes through their labels).
import type { EnumValue } from '../../../api/core/enums';
import type { UNIT } from '../../../api/monitoring/enums';

export function formatValue(unit: EnumValue<typeof UNIT>, v: number | null | undefined): string {
  if (v == null) return '—';
  switch (unit) {
    case 'percent':
      return `${(v * 100).toFixed(2)}%`;
    case 'yuan':
      return `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'ratio':
      return v.toFixed(2);
    default:
      return v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  }
}

/** The columns a drill-down's records may have, in the order shown (a record shows those it has). */
export const RECORD_COLUMNS = [
  'claim_no',
  'name',
  'insured_name',
  'staff_name',
  'unit_name',
  'id_number_masked',
  'sex',
  'birth_date',
  'conditions',
  'title',
  'paid_months',
  'home_name',
  'host_name',
  'start_on',
  'end_on',
  'provider',
  'provider_class',
  'provider_kind',
  'care_type',
  'settled_on',
  'total_cost',
  'fund_paid',
  'claim_count',
  'entry_date',
  'amount',
  'memo',
  'month',
  'visits',
  'tcm_visits',
  'residents',
  'region',
  'insured',
  'requests',
  'stays',
  'deregistered_on',
  'death_cause',
  'file_name',
  'size',
  'uploaded_by',
] as const;

/** Coded columns and the list whose labels they take. */
const CODED: Record<string, string> = {
  sex: 'sex',
  title: 'title',
  provider_class: 'provider_class',
  provider_kind: 'provider_kind',
  care_type: 'care_type',
};

export function cellText(column: string, value: unknown, translate: (key: string) => string): string {
  if (value == null || value === '') return '—';
  if (column === 'conditions') return (value as { code: string }[]).map((c) => translate(`enums.condition.${c.code}`)).join('、');
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return CODED[column] ? translate(`enums.${CODED[column]}.${text}`) : text;
}
