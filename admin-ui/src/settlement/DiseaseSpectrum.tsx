// 病种谱: the top 20 ICD-10 categories of the insured by inpatient admissions and by fund paid, months 1..m of a
// fund year against the same months of the year before — for the whole group or one township (a township's
// director sees their own). Rises are red ▲, falls green ▼ (fewer admissions and less spending are better);
// 无数据 where last year has none.
import { useState } from 'react';
import { Box, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { categoryName } from '../../../api/settlement/spectrum/categories';
import { apiGet, yuan } from '../finance/api';
import { FundYearSelect, useFundYearChoice } from './FundYearSelect';
import type { DiseaseSpectrum as Answer, SpectrumRow } from './types';

const pct = (x: number) => `${(Math.abs(x) * 100).toFixed(1)}%`;

/** A change against last year: ▲ red for a rise, ▼ green for a fall, 无数据 without last year's figure. */
const Change = ({ value }: { value: number | null }) => {
  const translate = useTranslate();
  if (value === null)
    return (
      <Typography variant="body2" component="span" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {translate('settlement.spectrum.no_data')}
      </Typography>
    );
  const up = value > 0;
  return (
    <Typography
      variant="body2"
      component="span"
      sx={{ whiteSpace: 'nowrap', color: value === 0 ? 'text.primary' : up ? 'error.main' : 'success.main' }}
      title={translate(`settlement.spectrum.${up ? 'up' : 'down'}`)}
    >
      {value === 0 ? '0.0%' : `${up ? '▲' : '▼'} ${pct(value)}`}
    </Typography>
  );
};

const SpectrumTable = ({ rows, title, testId }: { rows: SpectrumRow[]; title: string; testId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (k: string) => translate(`settlement.spectrum.${k}`);
  const na = (v: number | string | null, show: (x: number | string) => string) => (v === null ? t('no_data') : show(v));
  const count = (x: number | string) => Number(x).toLocaleString('zh-CN');
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6">{title}</Typography>
        {!rows.length ? (
          <Typography color="text.secondary">{t('no_rows')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('rank')}</TableCell>
                <TableCell>{t('code')}</TableCell>
                <TableCell>{t('name')}</TableCell>
                <TableCell align="right">{t('admissions')}</TableCell>
                <TableCell align="right">{t('admissions_last')}</TableCell>
                <TableCell align="right">{t('change')}</TableCell>
                <TableCell align="right">{t('fund_paid')}</TableCell>
                <TableCell align="right">{t('fund_paid_last')}</TableCell>
                <TableCell align="right">{t('change')}</TableCell>
                <TableCell align="right">{t('per_1000')}</TableCell>
                <TableCell align="right">{t('per_1000_last')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.code} data-testid={`${testId}-${r.code}`}>
                  <TableCell>{r.rank}</TableCell>
                  <TableCell>{r.code}</TableCell>
                  <TableCell>{locale === 'en' ? categoryName(r.code, 'en') : r.name}</TableCell>
                  <TableCell align="right">{count(r.admissions)}</TableCell>
                  <TableCell align="right">{na(r.admissions_last, count)}</TableCell>
                  <TableCell align="right">
                    <Change value={r.admissions_change} />
                  </TableCell>
                  <TableCell align="right">¥{yuan(r.fund_paid)}</TableCell>
                  <TableCell align="right">{na(r.fund_paid_last, (x) => `¥${yuan(x)}`)}</TableCell>
                  <TableCell align="right">
                    <Change value={r.fund_paid_change} />
                  </TableCell>
                  <TableCell align="right">{na(r.per_1000, (x) => Number(x).toFixed(2))}</TableCell>
                  <TableCell align="right">{na(r.per_1000_last, (x) => Number(x).toFixed(2))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

export const DiseaseSpectrum = () => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.spectrum.${k}`, o);
  const { years, fundYearId, setPicked } = useFundYearChoice();
  const [month, setMonth] = useState<number | ''>('');
  const [unit, setUnit] = useState<number | ''>('');
  const { data, error, isFetching } = useQuery({
    queryKey: ['disease-spectrum', fundYearId, month, unit],
    enabled: fundYearId !== null,
    queryFn: () => apiGet<Answer>(`/fund-years/${fundYearId}/disease-spectrum`, { month: month || undefined, unit: unit || undefined }),
  });
  if (years.isPending) return <Loading />;
  const choose = (e: React.ChangeEvent<HTMLInputElement>, set: (v: number | '') => void) => set(e.target.value === '' ? '' : Number(e.target.value));
  return (
    <Box sx={{ p: 2 }} data-testid="disease-spectrum">
      <Title title={translate('menu.disease_spectrum')} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <FundYearSelect
          years={years.data}
          value={fundYearId}
          onChange={(id) => {
            setPicked(id);
            setMonth('');
          }}
          testId="spectrum-fund-year"
        />
        <TextField
          select
          size="small"
          label={t('through_month')}
          value={month === '' ? (data?.month ?? '') : month}
          onChange={(e) => choose(e as React.ChangeEvent<HTMLInputElement>, setMonth)}
          sx={{ minWidth: 120 }}
          data-testid="spectrum-month"
        >
          {Array.from({ length: 12 }, (_, i) => (
            <MenuItem key={i + 1} value={i + 1}>
              1–{i + 1}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('scope')}
          value={unit === '' ? (data?.unit?.id ?? '') : unit}
          onChange={(e) => choose(e as React.ChangeEvent<HTMLInputElement>, setUnit)}
          sx={{ minWidth: 240 }}
          data-testid="spectrum-unit"
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          {/* the group's insured: for a reader of the whole group (a director's list holds only their townships) */}
          {data?.group_allowed && <MenuItem value="">{t('group')}</MenuItem>}
          {(data?.townships ?? []).map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.code} {u.name}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <Typography variant="body2" data-testid="spectrum-population">
            {t('population')} {data.population === null ? t('no_data') : data.population.toLocaleString('zh-CN')}
          </Typography>
        )}
      </Stack>
      {error && <Typography color="error">{String(error)}</Typography>}
      {!data && isFetching && <Loading />}
      {data && (
        <>
          <SpectrumTable rows={data.by_admissions} title={t('by_admissions')} testId="spectrum-admissions" />
          <SpectrumTable rows={data.by_fund} title={t('by_fund')} testId="spectrum-fund" />
          {(data.uncoded.admissions !== 0 || Number(data.uncoded.fund_paid) !== 0) && (
            <Typography variant="body2" color="text.secondary" data-testid="spectrum-uncoded">
              {t('uncoded')}: {t('admissions')} {data.uncoded.admissions}，{t('fund_paid')} ¥{yuan(data.uncoded.fund_paid)}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('note')}
          </Typography>
        </>
      )}
    </Box>
  );
};
