// 首页 pieces of health management: the village doctor's tasks (today — what is due by today,
// overdue, this month — one tap into the task list with that filter), the outbox and the sync
// line, and a unit director's indicators, worst first. The counts come from GET /api/tasks/summary,
// answered from the phone's copy of the village when there is no network.
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Figure, HomeCard, listLink } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import { pct } from '../settlement/types';
import { storedUser } from '../session';
import { shanghaiDate } from '../shared/time';
import type { TaskBucket } from '../../../api/health/enums';
import { OutboxBanner } from './OutboxBanner';
import { useOutbox } from './outbox';
import { useTaskSummary } from './tasks/useTaskSummary';

const TASK_BUCKETS: TaskBucket[] = ['today', 'overdue', 'this_month'];

export const TasksHome = () => {
  const translate = useTranslate();
  const { data } = useTaskSummary();
  return TASK_BUCKETS.map((bucket) => (
    <Figure
      key={bucket}
      testId={`home-tasks-${bucket}`}
      label={translate(`home.tasks.${bucket}`)}
      value={data?.[bucket]}
      sub={bucket === 'today' && data ? translate('health.home.today_sub', { n: data.due_today }) : undefined}
      to={listLink('tasks', { bucket })}
      tone={bucket === 'overdue' && data && data.overdue > 0 ? 'alert' : 'normal'}
    />
  ));
};

/** The outbox on the home page: what waits to be sent; a tap opens my tasks, where the sync line lists them. */
export const OutboxHome = () => {
  const translate = useTranslate();
  const { pending, sent } = useOutbox();
  const fresh = sent.filter((s) => !s.seen).length;
  return (
    <Figure
      testId="home-outbox"
      label={translate('health.home.outbox')}
      value={pending.length}
      sub={fresh ? translate('health.home.outbox_sent', { n: fresh }) : pending.length ? undefined : translate('health.home.outbox_none')}
      to="/tasks"
      tone={pending.length ? 'alert' : 'normal'}
    />
  );
};

/** The sync line on the home page (同步于 HH:mm, what waits, what was sent with its classification). */
export const SyncHome = () => <OutboxBanner />;

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
