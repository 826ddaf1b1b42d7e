// The planner's timeline: per receiving unit, a bar per person from start to (actual or planned)
// end over the plan year and the next (a one-year rotation from late in the year shows whole),
// with a legend and a line for today; a bar opens its rotation.
import { useMemo, useState } from 'react';
import { Box, Card, CardContent, CardHeader, FormControl, InputLabel, MenuItem, Select, Stack, Tooltip, Typography } from '@mui/material';
import { useRedirect, useTranslate } from 'react-admin';
import { shanghaiDate } from '../shared/time';
import type { RotationRecord } from './records';

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const COLOUR: Record<string, string> = { down_expert: '#1976d2', up_training: '#2e7d32' };
const TODAY = '#d32f2f';
const NAME_WIDTH = 200;

const Swatch = ({ colour, faded, line, label }: { colour: string; faded?: boolean; line?: boolean; label: string }) => (
  <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
    <Box sx={{ width: line ? 2 : 18, height: 12, bgcolor: colour, opacity: faded ? 0.3 : 1, borderRadius: line ? 0 : 0.5 }} />
    <Typography variant="caption">{label}</Typography>
  </Stack>
);

const Legend = () => {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ gap: 2, mb: 1, flexWrap: 'wrap' }} data-testid="timeline-legend">
      <Swatch colour={COLOUR.down_expert} label={translate('hr.planner.legend_down')} />
      <Swatch colour={COLOUR.up_training} label={translate('hr.planner.legend_up')} />
      <Swatch colour="#757575" faded label={translate('hr.planner.legend_cancelled')} />
      <Swatch colour={TODAY} line label={`${translate('hr.planner.legend_today')} ${shanghaiDate()}`} />
    </Stack>
  );
};

export const Timeline = ({ year, rotations }: { year: number; rotations: RotationRecord[] }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [host, setHost] = useState<number | ''>('');
  const hosts = useMemo(() => {
    const m = new Map<number, string>();
    for (const r of rotations) m.set(r.host_org_unit_id, r.host_name);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  }, [rotations]);
  const from = dayOf(`${year}-01-01`);
  const span = dayOf(`${year + 1}-12-31`) - from;
  const pct = (iso: string) => Math.min(100, Math.max(0, ((dayOf(iso) - from) / span) * 100));
  const today = shanghaiDate();
  const todayShown = today >= `${year}-01-01` && today <= `${year + 1}-12-31`;
  const shown = hosts.filter(([id]) => host === '' || id === host);
  return (
    <Card>
      <CardHeader
        title={translate('hr.planner.timeline')}
        action={
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel>{translate('hr.planner.host_filter')}</InputLabel>
            <Select label={translate('hr.planner.host_filter')} value={host} onChange={(e) => setHost(e.target.value)} data-testid="timeline-host">
              <MenuItem value="">{translate('hr.planner.all_hosts')}</MenuItem>
              {hosts.map(([id, name]) => (
                <MenuItem key={id} value={id}>
                  {name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        }
      />
      <CardContent>
        <Legend />
        <Box sx={{ position: 'relative' }}>
          {todayShown && (
            // the rows' bar area starts after the name column: the line sits in that area
            <Box sx={{ position: 'absolute', top: 0, bottom: 0, left: NAME_WIDTH, right: 0, pointerEvents: 'none', zIndex: 1 }}>
              <Box data-testid="timeline-today" sx={{ position: 'absolute', top: 0, bottom: 0, left: `${pct(today)}%`, width: 2, bgcolor: TODAY }} />
            </Box>
          )}
          <Box sx={{ display: 'flex', ml: `${NAME_WIDTH}px`, mb: 0.5 }}>
            {[year, year + 1].map((y) => (
              <Typography key={y} variant="caption" sx={{ flex: 1, borderLeft: 1, borderColor: 'divider', pl: 0.5 }}>
                {y}
              </Typography>
            ))}
          </Box>
          {shown.map(([id, name]) => (
            <Box key={id} data-testid={`timeline-host-${id}`} sx={{ mb: 1 }}>
              <Typography variant="subtitle2">{name}</Typography>
              {rotations
                .filter((r) => r.host_org_unit_id === id)
                .map((r) => {
                  const end = r.actual_end_on ?? r.planned_end_on;
                  const left = pct(r.start_on);
                  const width = Math.max(0.8, pct(end) - left + (DAY / span) * 100);
                  return (
                    <Box key={r.id} sx={{ display: 'flex', alignItems: 'center', height: 20 }}>
                      <Typography variant="caption" noWrap sx={{ width: NAME_WIDTH, flexShrink: 0 }}>
                        {r.staff_name}
                      </Typography>
                      <Box sx={{ position: 'relative', flex: 1, height: 14, bgcolor: 'grey.100' }}>
                        <Tooltip
                          title={`${r.staff_name} · ${translate(`enums.rotation_type.${r.type}`)} · ${r.home_name} → ${r.host_name} · ${r.start_on} – ${end} · ${translate(`enums.rotation_status.${r.status}`)}`}
                        >
                          <Box
                            data-testid={`timeline-bar-${r.id}`}
                            onClick={() => redirect('show', 'rotations', r.id)}
                            sx={{
                              position: 'absolute',
                              left: `${left}%`,
                              width: `${width}%`,
                              top: 0,
                              bottom: 0,
                              borderRadius: 0.5,
                              cursor: 'pointer',
                              bgcolor: COLOUR[r.type],
                              opacity: r.status === 'cancelled' ? 0.3 : 1,
                            }}
                          />
                        </Tooltip>
                      </Box>
                    </Box>
                  );
                })}
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};
