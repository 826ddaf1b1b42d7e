// 采购节约分析: savings per category over a period — amount and % of the baseline value —
// as bars, a table and the monthly trend; exported as the procurement-savings workbook.
import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { apiGet, yuan } from '../finance/api';
import { downloadReport } from '../finance/download';
import { shanghaiDate } from '../shared/time';
import { ITEM_CATEGORY } from '../../../api/procurement/enums';

interface Row {
  category: string;
  quantity: number;
  baseline_value: string;
  contract_value: string;
  savings: string;
  savings_pct: number;
}
/** A month as the chart's point: its label and each category's savings % by category code. */
const monthPoint = (m: Savings['months'][number]): Record<string, string | number> => ({
  month: m.month,
  ...Object.fromEntries(m.categories.map((c) => [c.category, c.savings_pct])),
});

interface Savings {
  categories: Row[];
  total: Row;
  months: { month: string; categories: Row[]; total: Row }[];
}

const CATEGORIES = ITEM_CATEGORY.values;
const COLORS: Record<string, string> = { drug: '#1976d2', consumable: '#2e7d32', office: '#ef6c00', equipment: '#6a1b9a' };

export const SavingsDashboard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const today = shanghaiDate();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const { data, isPending } = useQuery({ queryKey: ['savings', from, to], queryFn: () => apiGet<Savings>('/purchase-orders/savings', { from, to }) });
  const t = (k: string) => translate(`procurement.savings.${k}`);
  const cat = (c: string) => translate(`enums.item_category.${c}`);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={t('title')} />
      <Stack direction="row" sx={{ gap: 2, mb: 2, alignItems: 'center' }}>
        <TextField
          size="small"
          type="date"
          label={t('from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField size="small" type="date" label={t('to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <Button
          startIcon={<DownloadIcon />}
          onClick={() =>
            downloadReport(`/reports/procurement-savings.xlsx?from=${from}&to=${to}`, `采购节约-${from}-${to}.xlsx`).catch((e) =>
              notify(String(e), { type: 'error' }),
            )
          }
        >
          {t('download')}
        </Button>
      </Stack>
      {isPending || !data ? (
        <Loading />
      ) : (
        <>
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, mb: 2 }}>
            <Card sx={{ flex: 1 }}>
              <CardHeader title={t('pct')} />
              <CardContent sx={{ height: 300 }}>
                <ResponsiveContainer>
                  <BarChart data={data.categories.map((c) => ({ name: cat(c.category), pct: c.savings_pct, savings: Number(c.savings) }))}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis unit="%" />
                    <Tooltip />
                    <Bar dataKey="pct" name={t('pct')} fill="#1976d2" label={{ position: 'top', formatter: (v: unknown) => `${String(v)}%` }} />
                  </BarChart>
                </ResponsiveContainer>
              </CardContent>
            </Card>
            <Card sx={{ flex: 1 }}>
              <CardHeader title={`${t('pct')} · 月度`} />
              <CardContent sx={{ height: 300 }}>
                <ResponsiveContainer>
                  <LineChart data={data.months.map(monthPoint)}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="month" />
                    <YAxis unit="%" />
                    <Tooltip />
                    <Legend />
                    {CATEGORIES.map((c) => (
                      <Line key={c} dataKey={c} name={cat(c)} stroke={COLORS[c]} />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </CardContent>
            </Card>
          </Stack>
          <Card>
            <Table size="small" data-testid="savings-table">
              <TableHead>
                <TableRow>
                  <TableCell />
                  <TableCell align="right">{t('baseline')}</TableCell>
                  <TableCell align="right">{t('contract')}</TableCell>
                  <TableCell align="right">{t('savings')}</TableCell>
                  <TableCell align="right">{t('pct')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[...data.categories, data.total].map((r) => (
                  <TableRow key={r.category} data-testid={`savings-${r.category}`}>
                    <TableCell>{r.category === 'total' ? '合计' : cat(r.category)}</TableCell>
                    <TableCell align="right">{yuan(r.baseline_value)}</TableCell>
                    <TableCell align="right">{yuan(r.contract_value)}</TableCell>
                    <TableCell align="right">{yuan(r.savings)}</TableCell>
                    <TableCell align="right">{r.savings_pct.toFixed(2)}%</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </>
      )}
    </Box>
  );
};
