// Township and HQ view: the five indicators of a unit and of the units below it, worst first,
// each with its numerator and denominator; the workload report for the same unit and year.
// A phone (390 px) gets one card per unit, an indicator per line, instead of the wide table.
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
import { useIsSmall } from '../shared/useIsSmall';

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

/** One unit on a phone: its name (a tap drills down), then each indicator on its own line. */
const UnitCard = ({
  name,
  indicators,
  sort,
  testId,
  onOpen,
  own,
}: {
  name: string;
  indicators: Indicators;
  sort: IndicatorKey;
  testId: string;
  onOpen?: () => void;
  own?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId} sx={{ bgcolor: own ? 'action.hover' : undefined }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        {onOpen ? (
          <Button size="small" onClick={onOpen} sx={{ textTransform: 'none', p: 0, minWidth: 0, fontSize: '1rem' }}>
            {name}
          </Button>
        ) : (
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {name}
          </Typography>
        )}
        <Stack spacing={1} sx={{ mt: 1 }}>
          {INDICATOR.values.map((k) => (
            <Box key={k} sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }} data-testid={`indicator-${k}`}>
              <Typography variant="body2" sx={{ flex: 1, minWidth: 0, fontWeight: k === sort ? 700 : 400 }}>
                {translate(`enums.indicator.${k}`)}
              </Typography>
              <Box sx={{ width: 110, flexShrink: 0 }}>
                <Cell r={indicators[k]} />
              </Box>
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

export const IndicatorsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [year, setYear] = useState(Number(shanghaiDate().slice(0, 4)));
  const [breakdown, setBreakdown] = useState<Breakdown>('children');
  const [sort, setSort] = useState<IndicatorKey>('standardised_management_rate');
  const [unitId, setUnitId] = useState<number>();
  const [view, setView] = useState<View>();
  const isSmall = useIsSmall();
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
        {view && isSmall && (
          <Stack spacing={1} data-testid="indicators-cards">
            <UnitCard name={view.org_unit.name} indicators={view.indicators} sort={sort} testId={`indicator-card-${view.org_unit.code}`} own />
            {view.units.map((u) => (
              <UnitCard
                key={u.org_unit_id}
                name={u.name}
                indicators={u.indicators}
                sort={sort}
                testId={`indicator-card-${u.code}`}
                onOpen={() => setUnitId(u.org_unit_id)}
              />
            ))}
          </Stack>
        )}
        {view && !isSmall && (
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
