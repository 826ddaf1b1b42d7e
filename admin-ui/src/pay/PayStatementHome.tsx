// 首页 card of a village doctor: 本月健康管理绩效 — this month's points so far (live: a follow-up
// logged counts at once) and, beside them, the last calculated month's point value and amount, and
// what was paid of it: the gross amount less the medical-risk fund's contribution (plus, in December,
// the year's contributions returned); and the medical-risk fund: this year's contributions so far and the
// latest year-end return. An expert sent down (下派) sees the sending unit's top-up beside, and the sum received.
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Figure, HomeCard, money } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import type { PayStatement } from '../../../api/pay';

export const PayStatementHome = () => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['pay-statement'], queryFn: () => apiGet<PayStatement>('/pay-statement') });
  if (data && data.points === null) return null;
  const last = data?.last;
  const thisYear = data?.risk_fund[0];
  const returned = data?.risk_fund.find((y) => y.returned !== null);
  return (
    <HomeCard title={translate('pay.statement.title')} testId="home-pay-statement">
      <Figure
        testId="pay-points"
        label={translate('pay.statement.points')}
        value={data?.points ?? undefined}
        display={data?.points ? Number(data.points).toFixed(2) : undefined}
        to="/followups"
        sub={data && translate('pay.statement.gross', { gross: data.gross_points, missed: data.missed_tasks })}
      />
      <Figure
        testId="pay-amount"
        label={last ? translate('pay.statement.last', { month: last.month }) : translate('pay.statement.none')}
        value={data ? (last?.amount ?? '') : undefined}
        display={last ? money(last.amount) : undefined}
        to="/"
        sub={last?.point_value ? translate('pay.statement.value', { value: last.point_value }) : undefined}
      />
      {last && (
        <Figure
          testId="pay-net"
          label={translate('pay.statement.net')}
          value={last.net_amount}
          display={money(last.net_amount)}
          to="/"
          sub={translate(Number(last.risk_return) > 0 ? 'pay.statement.risk_returned' : 'pay.statement.risk', {
            gross: money(last.amount),
            contribution: money(last.risk_contribution),
            returned: money(last.risk_return),
          })}
        />
      )}
      {last?.rotation && (
        <Figure
          testId="pay-top-up"
          label={translate('pay.statement.top_up', { unit: last.rotation.home_unit })}
          value={last.rotation_top_up}
          display={money(last.rotation_top_up)}
          to="/"
          sub={translate('pay.statement.top_up_total', { host: last.rotation.host_unit, net: money(last.net_amount), total: money(last.total_paid) })}
        />
      )}
      {thisYear && (
        <Figure
          testId="pay-risk-fund"
          label={translate('pay.statement.risk_fund', { year: thisYear.year })}
          value={thisYear.contributed}
          display={money(thisYear.contributed)}
          to="/"
          sub={
            returned?.returned
              ? translate('pay.statement.risk_fund_returned', { year: returned.year, returned: money(returned.returned) })
              : translate('pay.statement.risk_fund_pending')
          }
        />
      )}
    </HomeCard>
  );
};
