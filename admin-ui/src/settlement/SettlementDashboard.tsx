// 结算看板: per fund year, budget against cumulative spending by month, the latest run's surplus
// and rate, gates and indicators green/red, the allocation per township; a unit opens its
// claims summary by care type and provider class.
import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Loading, Title, useTranslate } from 'react-admin';
import { apiGet, yuan } from '../finance/api';
import { AdvancesCard } from './AdvancesCard';
import { ForecastCard } from './ForecastCard';
import { isEstimate } from '../../../api/settlement/runs/estimate';
import { AllocationBars, GatesTable, GroupIndicators, KeyFigures, MonthChart, UnitIndicatorsTable } from './Figures';
import { FundYearSelect, useFundYearChoice } from './FundYearSelect';
import type { Dashboard, UnitSummary, UnitSummaryRow } from './types';

const SummaryTable = ({ rows, title, testId }: { rows: UnitSummaryRow[]; title: string; testId: string }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  const cols = ['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'] as const;
  return (
    <Box sx={{ mb: 2 }} data-testid={testId}>
      <Typography variant="subtitle1">{title}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('care_type')}</TableCell>
            <TableCell>{t('provider_class')}</TableCell>
            <TableCell align="right">{t('claims')}</TableCell>
            {cols.map((c) => (
              <TableCell key={c} align="right">
                {t(c)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {[...rows]
            .sort((a, b) => (a.care_type + a.provider_class).localeCompare(b.care_type + b.provider_class))
            .map((r) => (
              <TableRow key={`${r.care_type}-${r.provider_class}`} data-testid={`${testId}-${r.care_type}-${r.provider_class}`}>
                <TableCell>{translate(`enums.care_type.${r.care_type}`)}</TableCell>
                <TableCell>{translate(`enums.provider_class.${r.provider_class}`)}</TableCell>
                <TableCell align="right">{r.claims.toLocaleString('zh-CN')}</TableCell>
                {cols.map((c) => (
                  <TableCell key={c} align="right">
                    {yuan(r[c])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const UnitDrill = ({ fundYearId, unit, onClose }: { fundYearId: number; unit: { id: number; name: string }; onClose: () => void }) => {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['settlement-unit-summary', fundYearId, unit.id],
    queryFn: () => apiGet<UnitSummary>(`/fund-years/${fundYearId}/units/${unit.id}/summary`),
  });
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth data-testid="unit-drill">
      <DialogTitle>{translate('settlement.drill_title', { unit: unit.name })}</DialogTitle>
      <DialogContent>
        {error ? (
          <Typography color="error">{String(error)}</Typography>
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <SummaryTable rows={data.provided} title={translate('settlement.provided')} testId="drill-provided" />
            <SummaryTable rows={data.insured} title={translate('settlement.insured')} testId="drill-insured" />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('settlement.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

export const SettlementDashboard = () => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.${k}`, o);
  const { years, fundYearId, setPicked } = useFundYearChoice();
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const { data, error } = useQuery({
    queryKey: ['settlement-dashboard', fundYearId],
    enabled: fundYearId !== null,
    queryFn: () => apiGet<Dashboard>(`/fund-years/${fundYearId}/dashboard`),
  });
  if (years.isPending) return <Loading />;
  const f = data?.latest?.figures;
  return (
    <Box sx={{ p: 2 }} data-testid="settlement-dashboard">
      <Title title={translate('menu.settlement_dashboard')} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <FundYearSelect years={years.data} value={fundYearId} onChange={setPicked} testId="fund-year-select" />
        {data && (
          <Typography>
            {t('annual_budget')} ¥{yuan(data.fund_year.budget)}
          </Typography>
        )}
        {data?.latest && (
          <Typography data-testid="latest-run">
            {t('latest_run', { period: data.latest.period, status: translate(`enums.run_status.${data.latest.status}`), version: data.latest.version })}{' '}
            <Link to={`/settlement-runs/${data.latest.id}/show`}>{t('open_run')}</Link>
          </Typography>
        )}
      </Stack>
      {error && <Typography color="error">{String(error)}</Typography>}
      {data && <MonthChart months={data.months.filter((m) => m.claims > 0 || Number(m.spending) > 0 || m.month <= (data.latest?.through_month ?? 0))} />}
      {data?.forecast && <ForecastCard forecast={data.forecast} />}
      {data?.advances && <AdvancesCard advances={data.advances} />}
      {data && !f && <Typography data-testid="no-run">{t('no_run')}</Typography>}
      {data && f && (
        <>
          <KeyFigures f={f} />
          <Stack direction={{ xs: 'column', xl: 'row' }} sx={{ gap: 2 }}>
            <Box sx={{ flex: 1 }}>
              <GatesTable gates={f.gates} satisfaction={f.satisfaction} />
            </Box>
            <Box sx={{ flex: 1 }}>
              <GroupIndicators f={f} />
            </Box>
          </Stack>
          {f.allocations.length > 0 && <AllocationBars allocations={f.allocations} estimate={isEstimate(f)} onUnit={setUnit} />}
          <UnitIndicatorsTable units={f.unit_indicators} onUnit={setUnit} />
        </>
      )}
      {unit && fundYearId !== null && <UnitDrill fundYearId={fundYearId} unit={unit} onClose={() => setUnit(null)} />}
    </Box>
  );
};
