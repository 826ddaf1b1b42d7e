// The fund year a settlement page is about: the list (newest first), the one picked (the newest until one is),
// and its select — shared by 结算看板, 结算数据导入 and 病种谱.
import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { FundYearRecord } from './types';

export function useFundYearChoice() {
  const years = useGetList<FundYearRecord>('fund-years', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  const [picked, setPicked] = useState<number | null>(null);
  return { years, fundYearId: picked ?? years.data?.[0]?.id ?? null, setPicked };
}

export const FundYearSelect = ({
  years,
  value,
  onChange,
  testId,
  minWidth = 200,
}: {
  years: readonly FundYearRecord[] | undefined;
  value: number | null;
  onChange: (id: number) => void;
  testId: string;
  minWidth?: number;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={translate('settlement.fund_year')}
      value={value ?? ''}
      onChange={(e) => onChange(Number(e.target.value))}
      sx={{ minWidth }}
      data-testid={testId}
    >
      {(years ?? []).map((y) => (
        <MenuItem key={y.id} value={y.id}>
          {y.region} {y.year}
        </MenuItem>
      ))}
    </TextField>
  );
};
