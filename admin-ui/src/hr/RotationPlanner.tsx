// 轮转计划: the year's plan (quota bars per direction), a timeline of rotations per host unit
// (a bar per person from start to end), the balance per receiving unit, and planning a new
// rotation with the rule conflicts shown inline in Chinese (API `rule` + `params` → hr.rules.*).
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useQuery } from '@tanstack/react-query';
import { DateInput, Form, SaveButton, SelectInput, TextInput, Title, required, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { httpClient } from '../httpClient';
import { storedToken } from '../session';
import { ROTATION_TYPE_CHOICES } from './choices';
import { problemText } from './problems';
import { HostPicker, StaffPicker } from './rotations/RotationInputs';
import { PlanStart } from './PlanStart';
import { QuotaEditor } from './QuotaEditor';
import { Timeline } from './RotationTimeline';
import type { RotationRecord } from './records';

interface Direction {
  key: string;
  type: string;
  quota: number;
  filled: number;
}
interface BalanceRow {
  org_unit_id: number;
  code: string;
  name: string;
  experts_received: number;
  trainees_sent: number;
  balance: number;
}
export interface Summary {
  plan: { id: number; year: number; note: string | null; quotas: Record<string, number> };
  directions: Direction[];
  balance: BalanceRow[];
}

const QuotaBars = ({ plan, directions, onSaved }: { plan: Summary['plan']; directions: Direction[]; onSaved: () => void }) => {
  const translate = useTranslate();
  const data = directions.map((d) => ({ ...d, name: translate(`enums.direction.${d.key}`, { _: d.key }), label: `${d.filled}/${d.quota}` }));
  return (
    <Card>
      <CardHeader title={translate('hr.planner.quotas')} action={<QuotaEditor plan={plan} onSaved={onSaved} />} />
      <CardContent>
        {!data.length && (
          <Typography color="text.secondary" data-testid="no-quotas">
            {translate('hr.planner.no_quotas')}
          </Typography>
        )}
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mb: 1 }}>
          {data.map((d) => (
            <Box
              key={d.key}
              data-testid={`quota-${d.key}`}
              sx={{ px: 1.5, py: 0.5, borderRadius: 1, bgcolor: d.filled >= d.quota ? 'success.light' : 'warning.light' }}
            >
              <Typography variant="body2">
                {d.name}：<b>{d.label}</b>
              </Typography>
            </Box>
          ))}
        </Stack>
        {data.length > 0 && (
          <Box sx={{ height: 60 + data.length * 44 }}>
            <ResponsiveContainer>
              <BarChart data={data} layout="vertical" margin={{ left: 40, right: 40 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend />
                <Bar dataKey="quota" name={translate('hr.planner.quota')} fill="#b0bec5" />
                <Bar dataKey="filled" name={translate('hr.planner.filled')} fill="#1976d2">
                  <LabelList dataKey="label" position="right" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const BalanceTable = ({ rows }: { rows: BalanceRow[] }) => {
  const translate = useTranslate();
  return (
    <Card>
      <CardHeader title={translate('hr.planner.balance')} />
      <Table size="small" data-testid="balance-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hr.planner.unit')}</TableCell>
            <TableCell align="right">{translate('hr.planner.experts_received')}</TableCell>
            <TableCell align="right">{translate('hr.planner.trainees_sent')}</TableCell>
            <TableCell align="right">{translate('hr.planner.balance_col')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((b) => (
            <TableRow key={b.org_unit_id}>
              <TableCell>
                {b.name} ({b.code})
              </TableCell>
              <TableCell align="right">{b.experts_received}</TableCell>
              <TableCell align="right">{b.trainees_sent}</TableCell>
              <TableCell align="right" sx={{ color: b.balance === 0 ? undefined : 'warning.main', fontWeight: b.balance === 0 ? undefined : 'bold' }}>
                {b.balance}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

const CreateRotation = ({ onCreated }: { onCreated: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    const data = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v != null));
    try {
      const { data: created } = await dataProvider.create<RotationRecord>('rotations', { data });
      notify('hr.planner.created', { type: 'success', messageArgs: { id: created.id } });
      onCreated();
    } catch (e) {
      setProblem(problemText(e, translate));
    }
  };
  return (
    <Card>
      <CardHeader title={translate('hr.planner.create')} />
      <CardContent>
        <Form onSubmit={submit} defaultValues={{ type: 'down_expert' }}>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <StaffPicker />
            <SelectInput source="type" label="resources.rotations.fields.type" choices={ROTATION_TYPE_CHOICES} validate={required()} />
            <HostPicker />
            <DateInput source="start_on" label="resources.rotations.fields.start_on" validate={required()} />
            <DateInput source="planned_end_on" label="resources.rotations.fields.planned_end_on" />
            <TextInput source="purpose" label="resources.rotations.fields.purpose" sx={{ minWidth: 260 }} />
          </Stack>
          {problem && (
            <Alert severity="error" data-testid="rotation-problem" sx={{ mb: 2 }}>
              {problem}
            </Alert>
          )}
          <SaveButton label="hr.planner.submit" alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};

async function download(year: number) {
  const res = await fetch(`/api/reports/rotation-roster.xlsx?year=${year}`, { headers: { Authorization: `Bearer ${storedToken()}` } });
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: `轮转花名册-${year}.xlsx` });
  a.click();
  URL.revokeObjectURL(url);
}

export const RotationPlanner = () => {
  const translate = useTranslate();
  // a link may name the year (the home page's 'next year's plan'); otherwise this year
  const [params] = useSearchParams();
  const [year, setYear] = useState(/^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : new Date().getFullYear());
  const summary = useQuery({
    queryKey: ['rotation-plan', year],
    queryFn: async () => (await httpClient(`/api/rotation-plans/by-year/${year}`)).json as Summary,
    retry: false,
  });
  const rotations = useGetList<RotationRecord>('rotations', {
    filter: { year },
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'start_on', order: 'ASC' },
  });
  const refresh = () => {
    void summary.refetch();
    void rotations.refetch();
  };
  return (
    <Box sx={{ mt: 1, display: 'grid', gap: 2 }}>
      <Title title="hr.planner.title" />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 } }}>
        <Button size="small" startIcon={<ChevronLeftIcon />} onClick={() => setYear(year - 1)} data-testid="planner-prev">
          {translate('hr.planner.prev_year')}
        </Button>
        <MuiTextField
          size="small"
          type="number"
          label={translate('hr.planner.year')}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          sx={{ width: 120, flexShrink: 0 }}
          slotProps={{ htmlInput: { 'data-testid': 'planner-year' } }}
        />
        <Button size="small" endIcon={<ChevronRightIcon />} onClick={() => setYear(year + 1)} data-testid="planner-next">
          {translate('hr.planner.next_year')}
        </Button>
        <Button startIcon={<DownloadIcon />} onClick={() => void download(year)}>
          {translate('hr.planner.download')}
        </Button>
        {summary.data?.plan.note && (
          <Typography variant="body2" color="text.secondary">
            {summary.data.plan.note}
          </Typography>
        )}
      </Stack>
      {summary.isError && <PlanStart year={year} onCreated={refresh} />}
      {summary.data && <QuotaBars plan={summary.data.plan} directions={summary.data.directions} onSaved={refresh} />}
      <CreateRotation onCreated={refresh} />
      <Timeline year={year} rotations={rotations.data ?? []} />
      {summary.data && <BalanceTable rows={summary.data.balance} />}
    </Box>
  );
};
