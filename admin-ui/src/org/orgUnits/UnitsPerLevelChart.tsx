// Dashboard card: how many units of each level the user's scope holds (Content-Range totals);
// a bar opens the units of its level.
import { Card, CardContent, CardHeader } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { listLink } from '../../dashboard/figures';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { UNIT_LEVEL_CHOICES } from './choices';

export const UnitsPerLevelChart = () => {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data } = useQuery({
    queryKey: ['org-units', 'count-per-level'],
    queryFn: () =>
      Promise.all(
        UNIT_LEVEL_CHOICES.map(async ({ id }) => {
          const { total } = await dataProvider.getList('org-units', {
            filter: { level: id },
            pagination: { page: 1, perPage: 1 },
            sort: { field: 'id', order: 'ASC' },
          });
          return { level: id, total: total ?? 0 };
        }),
      ),
  });
  const bars = data?.map(({ level, total }) => ({ level, name: translate(`enums.unit_level.${level}`), total })) ?? [];
  return (
    <Card>
      <CardHeader title={translate('dashboard.units_per_level')} />
      <CardContent sx={{ height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={bars} margin={{ top: 20, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {/* one HQ beside 289 villages: a minimum height keeps the single unit's bar visible, the label says the count */}
            <Bar
              dataKey="total"
              name={translate('dashboard.units')}
              fill="#1976d2"
              minPointSize={4}
              cursor="pointer"
              onClick={(_, i) => navigate(listLink('org-units', { level: bars[i].level }))}
            >
              <LabelList dataKey="total" position="top" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};
