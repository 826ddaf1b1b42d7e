// 目标进度 (township GP, director): each village doctor's follow-ups, contracts and checks done /
// goal this month and last, below goal in red; a month picker; 设置目标 per doctor (the goals of
// that month, prefilled). At 390 px each doctor is a card; wider, a table.
import {
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useCanAccess, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { TARGET_METRIC, type TargetMetric, type TargetStatus } from '../../../api/health/enums';
import { apiGet } from '../finance/api';
import { shanghaiDate } from '../shared/time';
import { useIsSmall } from '../shared/useIsSmall';

export interface Progress {
  done: number;
  goal: number;
  default_goal: number;
  set: boolean;
  status: TargetStatus;
}
export interface MonthTargets {
  month: string;
  target_id: number | null;
  metrics: Record<TargetMetric, Progress>;
}
export interface DoctorTargets {
  user_id: number;
  username: string;
  display_name: string;
  village_id: number;
  village_code: string;
  village: string;
  this_month: MonthTargets;
  last_month: MonthTargets;
}
export interface TargetsView {
  org_unit: { id: number; name: string };
  month: string;
  previous_month: string;
  doctors: DoctorTargets[];
}

/** The months around this one, newest first (`after` ahead, `before` back): YYYY-MM. */
export function monthChoices(before = 12, after = 0): string[] {
  const [y, m] = shanghaiDate().slice(0, 7).split('-').map(Number);
  return Array.from({ length: before + after + 1 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 + after - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** "7 / 12" with a bar; red when behind, green when met; the default goal in the tooltip. */
export const ProgressCell = ({ p, testId }: { p: Progress; testId?: string }) => {
  const translate = useTranslate();
  const color = p.status === 'behind' ? 'error' : p.status === 'met' ? 'success' : 'primary';
  return (
    <Tooltip title={`${translate(`enums.target_status.${p.status}`)} · ${translate('health.targets.default_goal', { goal: p.default_goal })}`}>
      <Box sx={{ minWidth: 72 }} data-testid={testId} data-done={p.done} data-goal={p.goal} data-status={p.status}>
        <Typography variant="body2" sx={{ color: `${color}.main`, fontWeight: p.status === 'behind' ? 600 : 400 }}>
          {p.done} / {p.goal}
          {p.set ? ' *' : ''}
        </Typography>
        <LinearProgress variant="determinate" color={color} value={p.goal ? Math.min(100, (p.done / p.goal) * 100) : 100} sx={{ height: 4, borderRadius: 2 }} />
      </Box>
    </Tooltip>
  );
};

/** Where 设置目标 leads: the month's goals if set, else a new record for that doctor and month. */
const goalLink = (d: DoctorTargets) =>
  d.this_month.target_id
    ? `/doctor-targets/${d.this_month.target_id}`
    : `/doctor-targets/create?${new URLSearchParams({ source: JSON.stringify({ user_id: d.user_id, month: d.this_month.month }) })}`;

const SetGoal = ({ d }: { d: DoctorTargets }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'doctor-targets', action: d.this_month.target_id ? 'edit' : 'create' });
  if (!canAccess) return null;
  return (
    <Button size="small" component={Link} to={goalLink(d)} data-testid={`set-goal-${d.username}`}>
      {translate(d.this_month.target_id ? 'health.targets.edit_goal' : 'health.targets.set_goal')}
    </Button>
  );
};

const DoctorCard = ({ d }: { d: DoctorTargets }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={`targets-${d.username}`}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Box>
            <Typography variant="subtitle1">{d.display_name}</Typography>
            <Typography variant="caption" color="text.secondary">
              {d.village}
            </Typography>
          </Box>
          <SetGoal d={d} />
        </Stack>
        {(['this_month', 'last_month'] as const).map((which) => (
          <Box key={which} sx={{ mt: 1 }}>
            <Typography variant="caption" color="text.secondary">
              {translate(`health.targets.${which}`, { month: d[which].month })}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1 }}>
              {TARGET_METRIC.values.map((m) => (
                <Box key={m}>
                  <Typography variant="caption">{translate(`enums.target_metric.${m}`)}</Typography>
                  <ProgressCell p={d[which].metrics[m]} testId={`target-${d.username}-${which}-${m}`} />
                </Box>
              ))}
            </Box>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

const DoctorTable = ({ view }: { view: TargetsView }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="targets-table">
        <TableHead>
          <TableRow>
            <TableCell rowSpan={2}>{translate('health.targets.doctor')}</TableCell>
            <TableCell colSpan={3} align="center">
              {translate('health.targets.this_month', { month: view.month })}
            </TableCell>
            <TableCell colSpan={3} align="center">
              {translate('health.targets.last_month', { month: view.previous_month })}
            </TableCell>
            <TableCell rowSpan={2} />
          </TableRow>
          <TableRow>
            {[0, 1].flatMap((i) => TARGET_METRIC.values.map((m) => <TableCell key={`${i}-${m}`}>{translate(`enums.target_metric.${m}`)}</TableCell>))}
          </TableRow>
        </TableHead>
        <TableBody>
          {view.doctors.map((d) => (
            <TableRow key={d.user_id} hover data-testid={`targets-${d.username}`}>
              <TableCell>
                {d.display_name}
                <Typography variant="caption" color="text.secondary" component="div">
                  {d.village}
                </Typography>
              </TableCell>
              {(['this_month', 'last_month'] as const).flatMap((which) =>
                TARGET_METRIC.values.map((m) => (
                  <TableCell key={`${which}-${m}`}>
                    <ProgressCell p={d[which].metrics[m]} testId={`target-${d.username}-${which}-${m}`} />
                  </TableCell>
                )),
              )}
              <TableCell>
                <SetGoal d={d} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * The townships in the caller's scope. A user above them (the group, a branch) picks one, the first by
 * default: a table of every village doctor of the county (some 300) was unreadable and took seconds to draw.
 */
function useTownship(): { ready: boolean; townships: { id: number; name: string }[]; unitId?: number; setUnitId: (id: number) => void } {
  const { data: townships = [], isPending } = useGetList<{ id: number; name: string }>('org-units', {
    filter: { kind: 'township' },
    sort: { field: 'path', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  const [chosen, setUnitId] = useState<number>();
  // a township's own users (one in scope) keep the API's default: their own unit
  const unitId = townships.length > 1 ? (chosen ?? townships[0].id) : undefined;
  return { ready: !isPending, townships, unitId, setUnitId };
}

export const TargetsPage = () => {
  const translate = useTranslate();
  const isSmall = useIsSmall();
  const [month, setMonth] = useState(shanghaiDate().slice(0, 7));
  const { ready, townships, unitId, setUnitId } = useTownship();
  const { data: view } = useQuery({
    queryKey: ['health-targets', month, unitId],
    queryFn: () => apiGet<TargetsView>('/health/targets', unitId ? { month, org_unit_id: String(unitId) } : { month }),
    enabled: ready,
  });
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('health.targets.title')} />
      <CardContent sx={{ px: { xs: 1, sm: 2 } }}>
        <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          {unitId ? (
            <TextField
              select
              size="small"
              label={translate('health.targets.township')}
              value={unitId}
              onChange={(e) => setUnitId(Number(e.target.value))}
              sx={{ flex: 1, maxWidth: 280 }}
            >
              {townships.map((t) => (
                <MenuItem key={t.id} value={t.id}>
                  {t.name}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <Typography variant="subtitle1" sx={{ flex: 1 }}>
              {view?.org_unit.name}
            </Typography>
          )}
          <TextField select size="small" label={translate('health.targets.month')} value={month} onChange={(e) => setMonth(e.target.value)}>
            {monthChoices().map((m) => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {view && !view.doctors.length && <Typography color="text.secondary">{translate('health.targets.none')}</Typography>}
        {view &&
          view.doctors.length > 0 &&
          (isSmall ? (
            <Stack spacing={1}>
              {view.doctors.map((d) => (
                <DoctorCard key={d.user_id} d={d} />
              ))}
            </Stack>
          ) : (
            <DoctorTable view={view} />
          ))}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate('health.targets.legend')}
        </Typography>
      </CardContent>
    </Card>
  );
};
