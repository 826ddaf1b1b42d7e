// 首页 cards of the settlement: the fund year to date for group finance (the latest run's budget,
// spending, surplus rate and gates) and the runs waiting for the user's step (finance reviews a
// calculated run, the group admin approves a reviewed one).
import { useQuery } from '@tanstack/react-query';
import { gateIsScore } from '../../../api/settlement/enums';
import { useTranslate } from 'react-admin';
import { CountFigure, Figure, HomeCard, listLink, money } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import { storedUser } from '../session';
import { MonthChart } from './Figures';
import { pct, type Dashboard, type FundYearRecord } from './types';
import { shanghaiDate } from '../shared/time';

/** This calendar year's fund year (the API lists them newest first). */
function useCurrentFundYear() {
  return useQuery({
    queryKey: ['fund-years', 'home', shanghaiDate().slice(0, 4)],
    queryFn: async () => (await apiGet<FundYearRecord[]>('/fund-years', { filter: JSON.stringify({ year: Number(shanghaiDate().slice(0, 4)) }) }))[0] ?? null,
  });
}

export const FundYearHome = () => {
  const translate = useTranslate();
  const { data: fundYear } = useCurrentFundYear();
  const { data } = useQuery({
    queryKey: ['settlement-dashboard', fundYear?.id],
    enabled: !!fundYear,
    queryFn: () => apiGet<Dashboard>(`/fund-years/${fundYear!.id}/dashboard`),
  });
  const latest = data?.latest;
  const f = latest?.figures;
  if (fundYear === null || (data && !f)) return null;
  const runPage = latest ? `/settlement-runs/${latest.id}/show` : '/settlement-dashboard';
  const title = translate('home.fund_year', { region: fundYear?.region ?? '', year: fundYear?.year ?? '', month: f?.through_month ?? '' });
  return (
    <>
      <HomeCard title={title} testId="home-fund-year">
        <Figure
          testId="home-budget"
          label={translate('home.budget_to_date')}
          value={f?.budget}
          display={f && money(f.budget)}
          sub={f && translate('home.annual_budget', { amount: money(f.annual_budget) })}
          to={runPage}
        />
        <Figure
          testId="home-spending"
          label={translate('home.spending_to_date')}
          value={f?.spending.total}
          display={f && money(f.spending.total)}
          sub={f && translate('home.claims', { count: f.spending.claims.toLocaleString('zh-CN') })}
          to={listLink('claims', { fund_year_id: fundYear?.id, period_month_lte: f?.through_month })}
        />
        <Figure
          testId="home-surplus-rate"
          label={translate('home.surplus_rate')}
          value={f?.surplus_rate ?? undefined}
          display={f && pct(f.surplus_rate)}
          sub={f && money(f.surplus)}
          tone={f && Number(f.surplus) < 0 ? 'alert' : 'good'}
          to={runPage}
        />
        {f?.gates.map((g) => (
          <Figure
            key={g.key}
            testId={`home-gate-${g.key}`}
            label={translate(`enums.gate.${g.key}`)}
            value={g.passed ? 'passed' : 'failed'}
            display={translate(g.passed ? 'settlement.passed' : 'settlement.failed')}
            sub={translate('home.gate_value', {
              value: gateIsScore(g.key) ? String(g.value ?? '—') : pct(g.value),
              threshold: gateIsScore(g.key) ? String(g.threshold) : pct(g.threshold),
            })}
            tone={g.passed ? 'good' : 'alert'}
            to="/settlement-dashboard"
          />
        ))}
      </HomeCard>
      {data && f && <MonthChart months={data.months.filter((m) => m.month <= f.through_month)} />}
    </>
  );
};

/** The runs at the step this user takes: finance reviews calculated runs, the group admin approves reviewed ones. */
const RUN_STEP_FOR_ROLE: [string, string][] = [
  ['group_finance', 'calculated'],
  ['group_admin', 'reviewed'],
];

export const RunsAwaitingHome = () => {
  const translate = useTranslate();
  const roles = storedUser()?.roles ?? [];
  return RUN_STEP_FOR_ROLE.filter(([role]) => roles.includes(role)).map(([role, status]) => (
    <CountFigure
      key={role}
      testId={`home-runs-${status}`}
      label={translate(`home.runs_awaiting.${status}`)}
      resource="settlement-runs"
      filter={{ status, current: true }}
      alertAbove={0}
    />
  ));
};
