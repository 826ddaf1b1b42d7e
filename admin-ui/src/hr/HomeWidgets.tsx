// 首页 card of group HR: this year's rotation plan against its quotas, whether next year's plan
// exists, licences expiring within 60 days, and the posts with vacancies (headcount vs filled).
import { Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CountFigure, Figure, HomeCard, listLink, useListTotal } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import { storedUser } from '../session';
import type { Summary } from './RotationPlanner';
import { shanghaiDate } from '../shared/time';

interface Vacancy {
  headcount: number;
  filled: number;
  vacant: number;
}
const sum = (rows: Vacancy[], k: keyof Vacancy) => rows.reduce((s, r) => s + r[k], 0);

const RotationFigure = ({ year, type, plan }: { year: number; type: string; plan: Summary | null | undefined }) => {
  const translate = useTranslate();
  const directions = plan?.directions.filter((d) => d.type === type) ?? [];
  const filled = directions.reduce((s, d) => s + d.filled, 0);
  const quota = directions.reduce((s, d) => s + d.quota, 0);
  const value = plan === undefined ? undefined : plan ? `${filled}/${quota}` : '—';
  return (
    <Figure
      testId={`home-rotation-${type}`}
      label={translate('home.rotation', { year, type: translate(`enums.rotation_type.${type}`) })}
      value={value}
      sub={translate('home.rotation_sub')}
      tone={plan && filled < quota ? 'alert' : 'normal'}
      to={listLink('rotations', { year, type })}
    />
  );
};

/** Quota against placed per direction of the plan, one pair of bars each, labelled with the counts. */
const QuotaChart = ({ plan }: { plan: Summary }) => {
  const translate = useTranslate();
  const data = plan.directions.map((d) => ({ name: translate(`enums.direction.${d.key}`), quota: d.quota, filled: d.filled }));
  return (
    <Box sx={{ gridColumn: '1 / -1', height: 60 + 48 * data.length }} data-testid="home-rotation-chart">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 32 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
          <Legend />
          <Bar dataKey="quota" name={translate('home.quota')} fill="#b0bec5" minPointSize={2}>
            <LabelList dataKey="quota" position="right" className="label-quota" />
          </Bar>
          <Bar dataKey="filled" name={translate('home.filled')} fill="#1976d2" minPointSize={2}>
            <LabelList dataKey="filled" position="right" className="label-filled" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

const NextYearPlan = ({ year }: { year: number }) => {
  const translate = useTranslate();
  const { data: total } = useListTotal('rotation-plans', { year });
  return (
    <Figure
      testId="home-next-plan"
      label={translate('home.next_plan', { year })}
      value={total}
      display={total === undefined ? undefined : translate(total ? 'home.plan_exists' : 'home.plan_missing')}
      tone={total ? 'good' : 'alert'}
      to={`/rotation-planner?year=${year}`}
    />
  );
};

export const HrHome = () => {
  const translate = useTranslate();
  const year = Number(shanghaiDate().slice(0, 4));
  const unitId = storedUser()?.org_unit.id;
  const plan = useQuery({
    queryKey: ['rotation-plan', year],
    retry: false,
    queryFn: () => apiGet<Summary>(`/rotation-plans/by-year/${year}`).catch(() => null),
  });
  const vacancies = useQuery({
    queryKey: ['posts-vacancies', unitId],
    enabled: !!unitId,
    queryFn: () => apiGet<Vacancy[]>('/posts/vacancies', { org_unit_id: unitId }),
  });
  const v = vacancies.data;
  return (
    <HomeCard title={translate('home.hr')} testId="home-hr">
      <RotationFigure year={year} type="down_expert" plan={plan.data} />
      <RotationFigure year={year} type="up_training" plan={plan.data} />
      <NextYearPlan year={year + 1} />
      <CountFigure
        testId="home-licences-expiring"
        label={translate('home.licences_expiring')}
        resource="licences"
        filter={{ expiring_within: 60 }}
        alertAbove={0}
      />
      <CountFigure
        testId="home-posts-vacant"
        label={translate('home.posts_vacant')}
        resource="posts"
        filter={{ status: 'vacant' }}
        sub={v && translate('home.vacancies', { headcount: sum(v, 'headcount'), filled: sum(v, 'filled'), vacant: sum(v, 'vacant') })}
      />
      {plan.data && <QuotaChart plan={plan.data} />}
    </HomeCard>
  );
};
