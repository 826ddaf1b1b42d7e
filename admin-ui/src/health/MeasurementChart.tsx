// The last measurements of a resident as a small trend chart: blood pressure, and fasting glucose
// on its own axis. 140/90 and 7.0 mmol/L (the norms' control thresholds) are drawn as reference lines.
// The x axis is time (visits are not evenly spaced: a gap of months must look like one).
import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { httpClient } from '../httpClient';
import { shanghaiDate } from '../shared/time';

interface Point {
  visited_on: string;
  systolic: number | null;
  diastolic: number | null;
  fasting_glucose: number | null;
}

export const MeasurementChart = ({ residentId }: { residentId: number }) => {
  const translate = useTranslate();
  const [points, setPoints] = useState<Point[]>();
  useEffect(() => {
    void httpClient(`/api/residents/${residentId}/measurements`).then(({ json }) => setPoints(json as Point[]));
  }, [residentId]);
  if (!points?.length) return null;
  const hasBp = points.some((p) => p.systolic != null);
  const hasGlucose = points.some((p) => p.fasting_glucose != null);
  const label = (f: string) => translate(`resources.followups.fields.${f}`);
  const data = points.map((p) => ({ ...p, at: Date.parse(`${p.visited_on}T00:00:00+08:00`) }));
  const spansYears = shanghaiDate(data[0].at).slice(0, 4) !== shanghaiDate(data[data.length - 1].at).slice(0, 4);
  return (
    <Box data-testid="measurement-chart" sx={{ width: '100%', height: 220 }}>
      <Typography variant="subtitle2">{translate('health.resident.trend')}</Typography>
      <ResponsiveContainer width="100%" height="90%">
        <LineChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            padding={{ left: 12, right: 12 }}
            tickFormatter={(at: number) => (spansYears ? shanghaiDate(at).slice(0, 7) : shanghaiDate(at).slice(5))}
            fontSize={11}
          />
          {hasBp && <YAxis yAxisId="bp" domain={[50, 'auto']} fontSize={11} />}
          {hasGlucose && <YAxis yAxisId="glu" orientation="right" domain={[0, 'auto']} fontSize={11} />}
          <Tooltip labelFormatter={(at) => shanghaiDate(Number(at))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {hasBp && <ReferenceLine yAxisId="bp" y={140} stroke="#d32f2f" strokeDasharray="4 4" />}
          {hasBp && <ReferenceLine yAxisId="bp" y={90} stroke="#1976d2" strokeDasharray="4 4" />}
          {hasBp && <Line yAxisId="bp" dataKey="systolic" name={label('systolic')} stroke="#d32f2f" connectNulls dot isAnimationActive={false} />}
          {hasBp && <Line yAxisId="bp" dataKey="diastolic" name={label('diastolic')} stroke="#1976d2" connectNulls dot isAnimationActive={false} />}
          {hasGlucose && <ReferenceLine yAxisId="glu" y={7} stroke="#ed6c02" strokeDasharray="4 4" />}
          {hasGlucose && (
            <Line yAxisId="glu" dataKey="fasting_glucose" name={label('fasting_glucose')} stroke="#ed6c02" connectNulls dot isAnimationActive={false} />
          )}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
};
