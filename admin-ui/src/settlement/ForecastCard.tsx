// 年终预测: on the dashboard of a year still running, the year-end spending and surplus rate projected at its
// latest monthly run from last year's monthly shape, with the range and the method in a finance officer's words,
// and each projection the range spans.
import { Box, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { yuan } from '../finance/api';
import { pct, type Forecast } from './types';

export const ForecastCard = ({ forecast: f }: { forecast: Forecast }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.${k}`, o);
  const figure = (label: string, value: string, sub: string, testId: string) => (
    <Box data-testid={testId}>
      <Typography variant="overline">{label}</Typography>
      <Typography variant="h6">{value}</Typography>
      <Typography variant="body2" color="text.secondary">
        {sub}
      </Typography>
    </Box>
  );
  return (
    <Card sx={{ mb: 2 }} data-testid="forecast-card">
      <CardHeader title={t('forecast')} subheader={`${t('forecast_at')}：${t('forecast_made_at', { period: f.period, month: f.through_month })}`} />
      <CardContent>
        <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap', mb: 2 }}>
          {figure(t('spending_to_date'), `¥${yuan(f.spending_to_date)}`, `${t('annual_budget')} ¥${yuan(f.annual_budget)}`, 'forecast-to-date')}
          {figure(
            t('forecast_spending'),
            `¥${yuan(f.spending)}`,
            `${t('forecast_range')} ¥${yuan(f.spending_low)} – ¥${yuan(f.spending_high)}`,
            'forecast-spending',
          )}
          {figure(
            t('forecast_surplus_rate'),
            pct(f.surplus_rate),
            `${t('forecast_range')} ${pct(f.surplus_rate_low)} – ${pct(f.surplus_rate_high)} · ${t('forecast_surplus')} ¥${yuan(f.surplus)}`,
            'forecast-surplus-rate',
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="forecast-method">
          {t('forecast_method')}
        </Typography>
        <Table size="small" data-testid="forecast-projections">
          <TableHead>
            <TableRow>
              <TableCell>{t('past_year')}</TableCell>
              <TableCell>{t('month')}</TableCell>
              <TableCell align="right">{t('share_reached')}</TableCell>
              <TableCell align="right">{t('forecast_spending')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {f.projections.map((p) => (
              <TableRow key={`${p.year}-${p.month}`}>
                <TableCell>{p.year}</TableCell>
                <TableCell>{t('advance_month', { month: p.month })}</TableCell>
                <TableCell align="right">{pct(p.share)}</TableCell>
                <TableCell align="right">¥{yuan(p.spending)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
