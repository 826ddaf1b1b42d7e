// Township and HQ view: the five indicators of a unit and of the units below it, worst first,
// each with its numerator and denominator; the workload report for the same unit and year.
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
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { storedToken } from '../session';
import { BREAKDOWN, INDICATOR, type Breakdown, type IndicatorKey } from '../../../api/health/enums';
import { shanghaiDate } from '../shared/time';

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
type Indicators = Record<IndicatorKey, Ratio>;
interface View {
  org_unit: { id: number; code: string; name: string };
  year: number;
  indicators: Indicators;
  units: { org_unit_id: number; code: string; name: string; indicators: Indicators }[];
}

const pct = (r: Ratio) => (r.value == null ? '—' : `${(r.value * 100).toFixed(1)}%`);

const Cell = ({ r }: { r: Ratio }) => (
  <Tooltip title={`${r.numerator} / ${r.denominator}`}>
    <Box sx={{ minWidth: 90 }}>
      <Typography variant="body2" color={r.value != null && r.value < 0.6 ? 'error' : 'text.primary'}>
        {pct(r)}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={(r.value ?? 0) * 100}
        color={r.value != null && r.value < 0.6 ? 'error' : 'primary'}
        sx={{ height: 4, borderRadius: 2 }}
      />
      <Typography variant="caption" color="text.secondary">
        {r.numerator}/{r.denominator}
      </Typography>
    </Box>
  </Tooltip>
);

export const IndicatorsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [year, setYear] = useState(Number(shanghaiDate().slice(0, 4)));
  const [breakdown, setBreakdown] = useState<Breakdown>('children');
  const [sort, setSort] = useState<IndicatorKey>('standardised_management_rate');
  const [unitId, setUnitId] = useState<number>();
  const [view, setView] = useState<View>();
  useEffect(() => {
    const q = new URLSearchParams({ year: String(year), breakdown, sort, ...(unitId ? { org_unit_id: String(unitId) } : {}) });
    httpClient(`/api/health/indicators?${q}`).then(
      ({ json }) => setView(json as View),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  }, [year, breakdown, sort, unitId, notify]);

  const download = async () => {
    const q = new URLSearchParams({ year: String(year), ...(view ? { org_unit_id: String(view.org_unit.id) } : {}) });
    const res = await fetch(`/api/reports/health-workload.xlsx?${q}`, { headers: { Authorization: `Bearer ${storedToken()}` } });
    if (!res.ok) return notify(`${res.status}`, { type: 'error' });
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `health-workload-${year}.xlsx` });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('health.indicators.title')} />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
          <TextField select size="small" label={translate('health.indicators.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2]
              .map((d) => Number(shanghaiDate().slice(0, 4)) - d)
              .map((y) => (
                <MenuItem key={y} value={y}>
                  {y}
                </MenuItem>
              ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate('health.indicators.breakdown')}
            value={breakdown}
            onChange={(e) => setBreakdown(e.target.value as Breakdown)}
          >
            {BREAKDOWN.values.map((b) => (
              <MenuItem key={b} value={b}>
                {translate(`enums.indicator_breakdown.${b}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('health.indicators.sort')} value={sort} onChange={(e) => setSort(e.target.value as IndicatorKey)}>
            {INDICATOR.values.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`enums.indicator.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          {unitId && <Button onClick={() => setUnitId(undefined)}>↑</Button>}
          <Box sx={{ flex: 1 }} />
          <Button variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} onClick={() => void download()}>
            {translate('health.indicators.download')}
          </Button>
        </Stack>
        {view && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="indicators-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('health.indicators.unit')}</TableCell>
                  {INDICATOR.values.map((k) => (
                    <TableCell key={k} sx={{ fontWeight: k === sort ? 700 : 400 }}>
                      {translate(`enums.indicator.${k}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                <TableRow sx={{ bgcolor: 'action.hover' }}>
                  <TableCell>
                    <strong>{view.org_unit.name}</strong>
                  </TableCell>
                  {INDICATOR.values.map((k) => (
                    <TableCell key={k}>
                      <Cell r={view.indicators[k]} />
                    </TableCell>
                  ))}
                </TableRow>
                {view.units.map((u) => (
                  <TableRow key={u.org_unit_id} hover data-testid={`indicator-row-${u.code}`}>
                    <TableCell>
                      <Button size="small" onClick={() => setUnitId(u.org_unit_id)} sx={{ textTransform: 'none', p: 0, minWidth: 0 }}>
                        {u.name}
                      </Button>
                    </TableCell>
                    {INDICATOR.values.map((k) => (
                      <TableCell key={k}>
                        <Cell r={u.indicators[k]} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
