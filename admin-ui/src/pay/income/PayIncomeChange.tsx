// 收入变化: the performance pay (应发 and 实发 of the approved or locked pay runs — not total salary) per
// role, this year's paid months against the same months of last year: a card per role with the monthly
// average per person of both years and the change (green ▲ up, red ▼ down, 无数据 without last year's),
// the averages as bars, and a row per township. Group finance, admin and the auditor read the group;
// a director their own township. The workbook downloads the same figures.
import { useState } from 'react';
import { Box, Button, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IncomeChange, PayIncomeChange as Answer } from '../../../../api/pay';
import { INCOME_ROLE } from '../../../../api/pay/enums';
import { apiGet, yuan } from '../../finance/api';
import { downloadReport } from '../../finance/download';
import { shanghaiDate } from '../../shared/time';

/** A change of the average: green ▲ for a rise, red ▼ for a fall, 无数据 without last year's figure. */
const Change = ({ pct, testId }: { pct: string | null; testId?: string }) => {
  const translate = useTranslate();
  if (pct === null)
    return (
      <Typography variant="body2" component="span" color="text.secondary" sx={{ whiteSpace: 'nowrap' }} data-testid={testId}>
        {translate('pay.income.no_data')}
      </Typography>
    );
  const n = Number(pct);
  return (
    <Typography
      variant="body2"
      component="span"
      sx={{ whiteSpace: 'nowrap', fontWeight: 500, color: n > 0 ? 'success.main' : n < 0 ? 'error.main' : 'text.primary' }}
      data-testid={testId}
    >
      {n === 0 ? '0.00%' : `${n > 0 ? '▲' : '▼'} ${pct.replace('-', '')}%`}
    </Typography>
  );
};

const average = (v: string | null, none: string) => (v === null ? none : `¥${yuan(v)}`);

const RoleCard = ({ label, c, testId }: { label: string; c: IncomeChange; testId: string }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`pay.income.${k}`, o);
  return (
    <Card sx={{ flex: 1, minWidth: 220 }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 500 }}>
          {label}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('average')}
        </Typography>
        <Typography variant="h5" data-testid={`${testId}-this`}>
          {average(c.this_year.average, t('no_data'))}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('last_year')} <span data-testid={`${testId}-last`}>{average(c.last_year.average, t('no_data'))}</span>
        </Typography>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'baseline' }}>
          <Typography variant="body2">{t('change')}</Typography>
          <Change pct={c.change_pct} testId={`${testId}-change`} />
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {t('people', { people: c.this_year.people, months: c.this_year.person_months })}
        </Typography>
      </CardContent>
    </Card>
  );
};

export const PayIncomeChange = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`pay.income.${k}`, o);
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, isPending } = useQuery({
    queryKey: ['pay-income-change', year],
    queryFn: () => apiGet<Answer>('/pay-income-change', { year }),
  });
  const role = (r: string) => translate(`enums.pay_income_role.${r}`);
  const none = t('no_data');
  const bars = (data?.by_role ?? []).map((r) => ({
    name: role(r.role),
    last: r.last_year.average === null ? 0 : Number(r.last_year.average),
    this: r.this_year.average === null ? 0 : Number(r.this_year.average),
  }));
  return (
    <Box sx={{ p: 2 }} data-testid="pay-income-change">
      <Title title={translate('menu.pay_income_change')} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={t('year')}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          sx={{ minWidth: 120 }}
          data-testid="income-year"
        >
          {Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <Typography variant="body2" data-testid="income-months">
            {data.months.length ? t('months', { year: data.year, last: data.last_year, months: data.months.join('、') }) : t('no_months', { year: data.year })}
          </Typography>
        )}
        <Button
          startIcon={<DownloadIcon />}
          onClick={() =>
            downloadReport(`/reports/pay-income-change.xlsx?year=${year}`, `收入变化-${year}.xlsx`).catch((e) => notify(String(e), { type: 'error' }))
          }
          data-testid="income-download"
        >
          {t('download')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('basis')}
      </Typography>
      {error && <Typography color="error">{String(error)}</Typography>}
      {isPending && <Loading />}
      {data && (
        <>
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, mb: 2 }}>
            {data.by_role.map((r) => (
              <RoleCard key={r.role} label={role(r.role)} c={r} testId={`income-card-${r.role}`} />
            ))}
            <RoleCard label={t('all')} c={data.total} testId="income-card-total" />
          </Stack>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="h6">{t('chart')}</Typography>
              <Box sx={{ height: 280 }} data-testid="income-chart">
                <ResponsiveContainer>
                  <BarChart data={bars}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis />
                    <Tooltip formatter={(v) => `¥${yuan(Number(v))}`} />
                    <Legend />
                    <Bar dataKey="last" name={t('bar_year', { year: data.last_year })} fill="#90a4ae" isAnimationActive={false} />
                    <Bar dataKey="this" name={t('bar_year', { year: data.year })} fill="#1976d2" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            </CardContent>
          </Card>
          <Card data-testid="income-townships">
            <CardContent>
              <Typography variant="h6">{t('townships')}</Typography>
              {!data.townships.length ? (
                <Typography color="text.secondary">{t('no_rows')}</Typography>
              ) : (
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell rowSpan={2}>{t('township')}</TableCell>
                      {[...INCOME_ROLE.values.map(role), t('all')].map((label) => (
                        <TableCell key={label} colSpan={3} align="center">
                          {label}
                        </TableCell>
                      ))}
                    </TableRow>
                    <TableRow>
                      {[...INCOME_ROLE.values, 'total'].flatMap((k) => [
                        <TableCell key={`${k}-this`} align="right">
                          {data.year}
                        </TableCell>,
                        <TableCell key={`${k}-last`} align="right">
                          {data.last_year}
                        </TableCell>,
                        <TableCell key={`${k}-change`} align="right">
                          {t('change')}
                        </TableCell>,
                      ])}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.townships.map((row) => (
                      <TableRow key={row.org_unit_id} data-testid={`income-township-${row.code}`}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {row.code} {row.name}
                        </TableCell>
                        {[...INCOME_ROLE.values.map((r) => [r, row.roles[r]] as const), ['total', row] as const].flatMap(([k, c]) => [
                          <TableCell key={`${k}-this`} align="right" data-testid={`${k}-this`}>
                            {average(c.this_year.average, none)}
                          </TableCell>,
                          <TableCell key={`${k}-last`} align="right" data-testid={`${k}-last`}>
                            {average(c.last_year.average, none)}
                          </TableCell>,
                          <TableCell key={`${k}-change`} align="right">
                            <Change pct={c.change_pct} testId={`${k}-change`} />
                          </TableCell>,
                        ])}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
