// 预算执行: budget vs actual of a unit (its whole subtree rolled up) per account as bars —
// posted and committed stacked against the budget — and its child units, each rolled up;
// clicking a child drills down, the trail leads back up.
import { useState } from 'react';
import {
  Box,
  Breadcrumbs,
  Button,
  Card,
  CardContent,
  CardHeader,
  Link,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { apiGet, yuan } from './api';
import { downloadReport } from './download';

interface AccountFigures {
  account: string;
  name: string;
  kind: string;
  budget: string;
  posted: string;
  committed: string;
  consumed: string;
  remaining: string;
  rate: number | null;
}
interface Totals {
  budget: string;
  consumed: string;
  remaining: string;
  rate: number | null;
}
interface UnitFigures {
  id: number;
  code: string;
  name: string;
  level: number;
  accounts: AccountFigures[];
  expense: Totals;
  income: Totals;
}
export interface Execution {
  year: number;
  unit: UnitFigures;
  children: UnitFigures[];
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export const BudgetExecution = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [year, setYear] = useState(new Date().getFullYear());
  const [trail, setTrail] = useState<{ id: number; name: string }[]>([]);
  const [rootName, setRootName] = useState('');
  const unitId = trail.length ? trail[trail.length - 1].id : undefined;
  const { data, isPending, error } = useQuery({
    queryKey: ['budget-execution', year, unitId],
    queryFn: () => apiGet<Execution>('/budgets/execution', { year, org_unit_id: unitId }),
  });
  const t = (k: string) => translate(`finance.execution.${k}`);
  if (isPending) return <Loading />;
  if (error || !data) return <Typography color="error">{String(error)}</Typography>;
  if (!trail.length && rootName !== data.unit.name) setRootName(data.unit.name);
  const bars = data.unit.accounts
    .filter((a) => a.kind === 'expense')
    .map((a) => ({
      name: translate(`enums.account.${a.account}`, { _: a.name }),
      budget: Number(a.budget),
      posted: Number(a.posted),
      committed: Number(a.committed),
    }));
  return (
    <Box sx={{ p: 2 }} data-testid="budget-execution">
      <Title title={t('title')} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <TextField select size="small" label={t('year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[0, 1, 2]
            .map((d) => new Date().getFullYear() - d)
            .map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
        </TextField>
        <Breadcrumbs>
          <Link component="button" onClick={() => setTrail([])}>
            {rootName || data.unit.name}
          </Link>
          {trail.map((u, i) => (
            <Link key={u.id} component="button" data-testid={`trail-${i}`} onClick={() => setTrail(trail.slice(0, i + 1))}>
              {u.name}
            </Link>
          ))}
        </Breadcrumbs>
        <Box sx={{ flex: 1 }} />
        <Button
          startIcon={<DownloadIcon />}
          onClick={() =>
            downloadReport(`/reports/budget-execution.xlsx?year=${year}&org_unit_id=${data.unit.id}`, `预算执行-${data.unit.code}-${year}.xlsx`).catch((e) =>
              notify(String(e), { type: 'error' }),
            )
          }
        >
          {t('download')}
        </Button>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, mb: 2 }}>
        {(['expense', 'income'] as const).map((k) => (
          <Card key={k} sx={{ flex: 1 }} data-testid={`total-${k}`}>
            <CardContent>
              <Typography variant="overline">
                {data.unit.name} · {t(k)}
              </Typography>
              <Typography variant="h5">
                {yuan(data.unit[k].consumed)} / {yuan(data.unit[k].budget)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('rate')} {pct(data.unit[k].rate)} · {t('remaining')} {yuan(data.unit[k].remaining)}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Stack>
      <Card sx={{ mb: 2 }}>
        <CardHeader title={`${data.unit.name} — ${t('expense')}`} />
        <CardContent sx={{ height: 360 }}>
          <ResponsiveContainer>
            <BarChart data={bars} margin={{ left: 30 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
              <YAxis tickFormatter={(v: number) => `${(v / 10000).toFixed(0)}万`} />
              <Tooltip formatter={(v) => yuan(Number(v))} />
              <Legend />
              <Bar dataKey="budget" name={t('budget')} fill="#b0bec5" isAnimationActive={false} />
              <Bar dataKey="posted" name={t('posted')} stackId="used" fill="#1976d2" isAnimationActive={false} />
              <Bar dataKey="committed" name={t('committed')} stackId="used" fill="#ffb74d" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>
      <Card>
        <CardHeader title={t('children')} subheader={data.children.length ? t('drill') : undefined} />
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('unit')}</TableCell>
              <TableCell align="right">{t('budget')}</TableCell>
              <TableCell align="right">{t('consumed')}</TableCell>
              <TableCell align="right">{t('remaining')}</TableCell>
              <TableCell align="right">{t('rate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.children.map((c) => (
              <TableRow
                key={c.id}
                hover
                sx={{ cursor: 'pointer' }}
                data-testid={`child-${c.code}`}
                onClick={() => setTrail([...trail, { id: c.id, name: c.name }])}
              >
                <TableCell>
                  {c.name}（{c.code}）
                </TableCell>
                <TableCell align="right">{yuan(c.expense.budget)}</TableCell>
                <TableCell align="right">{yuan(c.expense.consumed)}</TableCell>
                <TableCell align="right" sx={{ color: Number(c.expense.remaining) < 0 ? 'error.main' : undefined }}>
                  {yuan(c.expense.remaining)}
                </TableCell>
                <TableCell align="right">{pct(c.expense.rate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </Box>
  );
};
