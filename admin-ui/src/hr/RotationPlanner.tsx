// 轮转计划: the year's plan (quota bars per direction), a timeline of rotations per host unit
// (a bar per person from start to end), the balance per receiving unit, and planning a new
// rotation with the rule conflicts shown inline in Chinese (API `rule` + `params` → hr.rules.*).
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, FormControl, InputLabel, MenuItem, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Tooltip as MuiTooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import {
  AutocompleteInput, DateInput, Form, ReferenceInput, SaveButton, SelectInput, TextInput, Title, required, useDataProvider, useGetList, useNotify, useTranslate,
  type RaRecord,
} from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { httpClient } from '../httpClient';
import { storedToken } from '../session';
import { ROTATION_TYPE_CHOICES } from './choices';
import { problemText } from './problems';

interface Direction { key: string; type: string; quota: number; filled: number }
interface BalanceRow { org_unit_id: number; code: string; name: string; experts_received: number; trainees_sent: number; balance: number }
export interface Summary { plan: { id: number; year: number; note: string | null }; directions: Direction[]; balance: BalanceRow[] }

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

const QuotaBars = ({ directions }: { directions: Direction[] }) => {
  const translate = useTranslate();
  const data = directions.map((d) => ({ ...d, name: translate(`enums.direction.${d.key}`, { _: d.key }), label: `${d.filled}/${d.quota}` }));
  return (
    <Card>
      <CardHeader title={translate('hr.planner.quotas')} />
      <CardContent>
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mb: 1 }}>
          {data.map((d) => (
            <Box key={d.key} data-testid={`quota-${d.key}`} sx={{ px: 1.5, py: 0.5, borderRadius: 1, bgcolor: d.filled >= d.quota ? 'success.light' : 'warning.light' }}>
              <Typography variant="body2">{d.name}：<b>{d.label}</b></Typography>
            </Box>
          ))}
        </Stack>
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
      </CardContent>
    </Card>
  );
};

const Timeline = ({ year, rotations }: { year: number; rotations: RaRecord[] }) => {
  const translate = useTranslate();
  const [host, setHost] = useState<number | ''>('');
  const hosts = useMemo(() => {
    const m = new Map<number, string>();
    for (const r of rotations) m.set(r.host_org_unit_id, r.host_name);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  }, [rotations]);
  const from = dayOf(`${year}-01-01`);
  const span = dayOf(`${year + 1}-12-31`) - from; // a one-year rotation starting late in the year still shows whole
  const pct = (iso: string) => Math.min(100, Math.max(0, ((dayOf(iso) - from) / span) * 100));
  const shown = hosts.filter(([id]) => host === '' || id === host);
  return (
    <Card>
      <CardHeader
        title={translate('hr.planner.timeline')}
        action={
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel>{translate('hr.planner.host_filter')}</InputLabel>
            <Select label={translate('hr.planner.host_filter')} value={host} onChange={(e) => setHost(e.target.value as number | '')} data-testid="timeline-host">
              <MenuItem value="">{translate('hr.planner.all_hosts')}</MenuItem>
              {hosts.map(([id, name]) => <MenuItem key={id} value={id}>{name}</MenuItem>)}
            </Select>
          </FormControl>
        }
      />
      <CardContent>
        <Box sx={{ display: 'flex', ml: '200px', mb: 0.5 }}>
          {[year, year + 1].map((y) => <Typography key={y} variant="caption" sx={{ flex: 1, borderLeft: 1, borderColor: 'divider', pl: 0.5 }}>{y}</Typography>)}
        </Box>
        {shown.map(([id, name]) => (
          <Box key={id} data-testid={`timeline-host-${id}`} sx={{ mb: 1 }}>
            <Typography variant="subtitle2">{name}</Typography>
            {rotations.filter((r) => r.host_org_unit_id === id).map((r) => {
              const end = r.actual_end_on ?? r.planned_end_on;
              const left = pct(r.start_on);
              const width = Math.max(0.8, pct(end) - left + (DAY / span) * 100);
              return (
                <Box key={r.id} sx={{ display: 'flex', alignItems: 'center', height: 20 }}>
                  <Typography variant="caption" noWrap sx={{ width: 200, flexShrink: 0 }}>{r.staff_name}</Typography>
                  <Box sx={{ position: 'relative', flex: 1, height: 14, bgcolor: 'grey.100' }}>
                    <MuiTooltip title={`${r.staff_name} · ${translate(`enums.rotation_type.${r.type}`)} · ${r.home_name} → ${r.host_name} · ${r.start_on} – ${end}`}>
                      <Box
                        data-testid={`timeline-bar-${r.id}`}
                        sx={{ position: 'absolute', left: `${left}%`, width: `${width}%`, top: 0, bottom: 0, borderRadius: 0.5, bgcolor: r.type === 'down_expert' ? '#1976d2' : '#2e7d32', opacity: r.status === 'cancelled' ? 0.3 : 1 }}
                      />
                    </MuiTooltip>
                  </Box>
                </Box>
              );
            })}
          </Box>
        ))}
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
              <TableCell>{b.name} ({b.code})</TableCell>
              <TableCell align="right">{b.experts_received}</TableCell>
              <TableCell align="right">{b.trainees_sent}</TableCell>
              <TableCell align="right" sx={{ color: b.balance === 0 ? undefined : 'warning.main', fontWeight: b.balance === 0 ? undefined : 'bold' }}>{b.balance}</TableCell>
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
      const { data: created } = await dataProvider.create('rotations', { data });
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
            <ReferenceInput source="staff_id" reference="staff" filter={{ status: 'active' }}>
              <AutocompleteInput
                label="hr.planner.staff_search"
                optionText={(s: RaRecord) => `${s.name} · ${s.title ? translate(`enums.title.${s.title}`) : ''} · #${s.id}`}
                validate={required()}
                sx={{ minWidth: 280 }}
              />
            </ReferenceInput>
            <SelectInput source="type" label="resources.rotations.fields.type" choices={ROTATION_TYPE_CHOICES} validate={required()} />
            <ReferenceInput source="host_org_unit_id" reference="org-units">
              <AutocompleteInput label="resources.rotations.fields.host_org_unit_id" validate={required()} sx={{ minWidth: 260 }} />
            </ReferenceInput>
            <DateInput source="start_on" label="resources.rotations.fields.start_on" validate={required()} />
            <DateInput source="planned_end_on" label="resources.rotations.fields.planned_end_on" />
            <TextInput source="purpose" label="resources.rotations.fields.purpose" sx={{ minWidth: 260 }} />
          </Stack>
          {problem && <Alert severity="error" data-testid="rotation-problem" sx={{ mb: 2 }}>{problem}</Alert>}
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
  const [year, setYear] = useState(new Date().getFullYear());
  const summary = useQuery({
    queryKey: ['rotation-plan', year],
    queryFn: async () => (await httpClient(`/api/rotation-plans/by-year/${year}`)).json as Summary,
    retry: false,
  });
  const rotations = useGetList('rotations', { filter: { year }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'start_on', order: 'ASC' } });
  const refresh = () => {
    void summary.refetch();
    void rotations.refetch();
  };
  return (
    <Box sx={{ mt: 1, display: 'grid', gap: 2 }}>
      <Title title="hr.planner.title" />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
        <MuiTextField size="small" type="number" label={translate('hr.planner.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} slotProps={{ htmlInput: { 'data-testid': 'planner-year' } }} />
        <Button startIcon={<DownloadIcon />} onClick={() => void download(year)}>{translate('hr.planner.download')}</Button>
        {summary.data?.plan.note && <Typography variant="body2" color="text.secondary">{summary.data.plan.note}</Typography>}
      </Stack>
      {summary.isError && <Alert severity="info">{translate('hr.planner.no_plan', { year })}</Alert>}
      {summary.data && <QuotaBars directions={summary.data.directions} />}
      <CreateRotation onCreated={refresh} />
      <Timeline year={year} rotations={rotations.data ?? []} />
      {summary.data && <BalanceTable rows={summary.data.balance} />}
    </Box>
  );
};
