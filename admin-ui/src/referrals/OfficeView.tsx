// The group referral office (双向转诊办公室): flows between levels for a period as a Sankey,
// up/down/out per unit, and how fast receiving units answer.
import { Box, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import { httpClient } from '../httpClient';
import { storedToken } from '../session';
import { shanghaiDate } from '../shared/time';

interface Flows {
  sankey: { nodes: { name: string; level: number | null; side: 'from' | 'to' }[]; links: { source: number; target: number; value: number }[] };
}
interface UnitRow {
  code: string;
  name: string;
  level: number;
  up: number;
  down: number;
  out: number;
  completed: number;
  up_completed: number;
  received: number;
}
interface TimeRow {
  code: string;
  name: string;
  requests: number;
  answered: number;
  median_minutes_to_accept: number | null;
  share_within: number | null;
  overdue_open: number;
}

export const OfficeView = () => {
  const translate = useTranslate();
  // the last year to today, read once when the screen opens
  const [from, setFrom] = useState(() => shanghaiDate(new Date(Date.now() - 364 * 86_400_000)));
  const [to, setTo] = useState(shanghaiDate());
  const [flows, setFlows] = useState<Flows | null>(null);
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [timely, setTimely] = useState<TimeRow[]>([]);
  useEffect(() => {
    const qs = `from=${from}&to=${to}`;
    void Promise.all([
      httpClient(`/api/referrals/flows?${qs}`).then((r) => setFlows(r.json as Flows)),
      httpClient(`/api/referrals/figures?${qs}`).then((r) => setUnits(r.json as UnitRow[])),
      httpClient(`/api/referrals/timeliness?${qs}`).then((r) => setTimely(r.json as TimeRow[])),
    ]);
  }, [from, to]);
  const label = (n: { level: number | null; side: string }) => `${n.side === 'from' ? '' : '→ '}${translate(`enums.level.${n.level ?? 'out'}`)}`;
  const download = async () => {
    const res = await fetch(`/api/reports/referrals.xlsx?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${storedToken()}` } });
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `referrals-${from}-${to}.xlsx` });
    a.click();
    URL.revokeObjectURL(url);
  };
  const sankeyData =
    flows && flows.sankey.links.length ? { nodes: flows.sankey.nodes.map((n) => ({ ...n, name: label(n) })), links: flows.sankey.links } : null;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('referrals.office.title')} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <TextField
          type="date"
          size="small"
          label={translate('referrals.office.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          size="small"
          label={translate('referrals.office.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button variant="outlined" onClick={download}>
          {translate('referrals.office.download')}
        </Button>
      </Stack>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="subtitle1">{translate('referrals.office.flows')}</Typography>
          <Box sx={{ height: 360 }} data-testid="referral-sankey">
            {sankeyData && (
              <ResponsiveContainer width="100%" height="100%">
                <Sankey
                  data={sankeyData}
                  nodePadding={24}
                  margin={{ left: 20, right: 120, top: 10, bottom: 10 }}
                  link={{ stroke: '#90caf9' }}
                  node={({
                    x,
                    y,
                    width,
                    height,
                    payload,
                  }: {
                    x: number;
                    y: number;
                    width: number;
                    height: number;
                    payload: { name: string; value: number };
                  }) => (
                    <g>
                      <rect x={x} y={y} width={width} height={height} fill="#1976d2" />
                      <text x={x + width + 6} y={y + height / 2} dominantBaseline="middle" fontSize={12}>{`${payload.name} ${payload.value}`}</text>
                    </g>
                  )}
                >
                  <Tooltip />
                </Sankey>
              </ResponsiveContainer>
            )}
          </Box>
        </CardContent>
      </Card>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="subtitle1">{translate('referrals.office.units')}</Typography>
            <Box sx={{ maxHeight: 480, overflow: 'auto' }}>
              <Table size="small" stickyHeader data-testid="referral-unit-table">
                <TableHead>
                  <TableRow>
                    {['unit', 'up', 'down', 'out', 'completed', 'received'].map((k) => (
                      <TableCell key={k} align={k === 'unit' ? 'left' : 'right'}>
                        {translate(`referrals.office.${k}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {units.map((u) => (
                    <TableRow key={u.code}>
                      <TableCell>{u.name}</TableCell>
                      <TableCell align="right">{u.up}</TableCell>
                      <TableCell align="right">{u.down}</TableCell>
                      <TableCell align="right">{u.out}</TableCell>
                      <TableCell align="right">{u.completed}</TableCell>
                      <TableCell align="right">{u.received}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </CardContent>
        </Card>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="subtitle1">{translate('referrals.office.timeliness')}</Typography>
            <Box sx={{ maxHeight: 480, overflow: 'auto' }}>
              <Table size="small" stickyHeader>
                <TableHead>
                  <TableRow>
                    {['unit', 'requests', 'answered', 'median', 'within', 'overdue_open'].map((k) => (
                      <TableCell key={k} align={k === 'unit' ? 'left' : 'right'}>
                        {translate(`referrals.office.${k}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {timely.map((t) => (
                    <TableRow key={t.code}>
                      <TableCell>{t.name}</TableCell>
                      <TableCell align="right">{t.requests}</TableCell>
                      <TableCell align="right">{t.answered}</TableCell>
                      <TableCell align="right">{t.median_minutes_to_accept ?? '—'}</TableCell>
                      <TableCell align="right">{t.share_within == null ? '—' : `${(t.share_within * 100).toFixed(1)}%`}</TableCell>
                      <TableCell align="right">{t.overdue_open}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};
