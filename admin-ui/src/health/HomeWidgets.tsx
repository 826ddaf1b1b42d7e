// 首页 pieces of health management: the village doctor's tasks (today, overdue, this month — one
// tap into the task list with that filter) and a unit director's indicators, worst first.
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { CountFigure, Figure, HomeCard } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import { pct } from '../settlement/types';
import { storedUser } from '../session';
import { shanghaiDate } from '../shared/time';
import type { TaskBucket } from '../../../api/health/enums';

const TASK_BUCKETS: TaskBucket[] = ['today', 'overdue', 'this_month'];

export const TasksHome = () => {
  const translate = useTranslate();
  return TASK_BUCKETS.map((bucket) => (
    <CountFigure
      key={bucket}
      testId={`home-tasks-${bucket}`}
      label={translate(`home.tasks.${bucket}`)}
      resource="tasks"
      filter={{ bucket }}
      alertAbove={bucket === 'overdue' ? 0 : undefined}
    />
  ));
};

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface UnitIndicators {
  indicators: Record<string, Ratio>;
}

export const IndicatorsHome = () => {
  const translate = useTranslate();
  const unit = storedUser()?.org_unit;
  const year = Number(shanghaiDate().slice(0, 4));
  const { data } = useQuery({
    queryKey: ['health-indicators', 'home', unit?.id, year],
    enabled: !!unit,
    queryFn: () => apiGet<UnitIndicators>('/health/indicators', { org_unit_id: unit!.id, year }),
  });
  // worst first; an indicator with nothing to measure goes last
  const rows = Object.entries(data?.indicators ?? {}).sort(([, a], [, b]) => (a.value ?? 2) - (b.value ?? 2));
  return (
    <HomeCard title={translate('home.indicators', { year })} testId="home-indicators">
      {rows.map(([key, r], i) => (
        <Figure
          key={key}
          testId={`home-indicator-${key}`}
          label={`${i + 1}. ${translate(`enums.indicator.${key}`)}`}
          value={r.value ?? '—'}
          display={pct(r.value, 1)}
          sub={translate('home.ratio', { numerator: r.numerator, denominator: r.denominator })}
          to="/health-indicators"
        />
      ))}
    </HomeCard>
  );
};
