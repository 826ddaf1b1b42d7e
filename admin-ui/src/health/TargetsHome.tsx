// 首页 of a village doctor: this month's targets — follow-ups, contracts, checks done / goal, red
// when behind — with last month's beneath each; a tap opens the targets screen.
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Figure, HomeCard } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import { TARGET_METRIC } from '../../../api/health/enums';
import type { DoctorTargets } from './TargetsPage';

export const TargetsHome = () => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['health-targets', 'mine'], queryFn: () => apiGet<DoctorTargets & { month: string }>('/health/targets/mine') });
  return (
    <HomeCard title={translate('health.targets.home', { month: data?.month ?? '' })} testId="home-targets">
      {TARGET_METRIC.values.map((m) => {
        const now = data?.this_month.metrics[m];
        const last = data?.last_month.metrics[m];
        return (
          <Figure
            key={m}
            testId={`home-target-${m}`}
            label={translate(`enums.target_metric.${m}`)}
            value={now && `${now.done}/${now.goal}`}
            display={now && `${now.done} / ${now.goal}`}
            sub={last && translate('health.targets.last', { done: last.done, goal: last.goal })}
            tone={now?.status === 'behind' ? 'alert' : now?.status === 'met' ? 'good' : 'normal'}
            to="/health-targets"
          />
        );
      })}
    </HomeCard>
  );
};
