// The pieces of a run's figures, shared by the dashboard and the run page: key figures, the
// month chart, spending by provider class × care type, gates, indicators (green/red with
// threshold, numerator and denominator), and the allocation with every intermediate figure.
import { Box, Card, CardContent, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { yuan } from '../finance/api';
import { gateIsScore } from '../../../api/settlement/enums';
import { isEstimate } from '../../../api/settlement/runs/estimate';
import { byLevelThenCode, pct, type Allocation, type Gate, type Indicator, type RunFigures, type SpendingCell } from './types';

// one decimal, so that ticks 5,000 apart (0.5万, 1万, 1.5万) stay distinct
const wan = (v: number) => `${(v / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}万`;
const num = (v: number, places = 6) => v.toLocaleString('zh-CN', { maximumFractionDigits: places });

/** Green for passed / ok, red for failed, grey when there is nothing to measure. */
export const Light = ({ ok, testId }: { ok: boolean | null; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      data-testid={testId}
      data-ok={ok === null ? 'na' : String(ok)}
      color={ok === null ? 'default' : ok ? 'success' : 'error'}
      label={translate(ok === null ? 'settlement.na' : ok ? 'settlement.passed' : 'settlement.failed')}
    />
  );
};

const Figure = ({ label, value, sub, color, testId }: { label: string; value: string; sub?: string; color?: string; testId?: string }) => (
  <Card sx={{ flex: 1, minWidth: 160 }} data-testid={testId}>
    <CardContent>
      <Typography variant="overline">{label}</Typography>
      <Typography variant="h6" sx={{ color }}>
        {value}
      </Typography>
      {sub && (
        <Typography variant="body2" color="text.secondary">
          {sub}
        </Typography>
      )}
    </CardContent>
  </Card>
);

export const KeyFigures = ({ f }: { f: RunFigures }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  const negative = Number(f.surplus) < 0;
  const estimate = isEstimate(f);
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mb: 2 }}>
      <Figure testId="figure-budget" label={t('budget_to_date')} value={`¥${yuan(f.budget)}`} sub={`${t('annual_budget')} ¥${yuan(f.annual_budget)}`} />
      <Figure
        testId="figure-spending"
        label={t('spending')}
        value={`¥${yuan(f.spending.total)}`}
        sub={`${t('claims')} ${f.spending.claims.toLocaleString('zh-CN')}`}
      />
      <Figure
        testId="figure-surplus"
        label={t('surplus')}
        value={`¥${yuan(f.surplus)}`}
        sub={`${t('surplus_rate')} ${pct(f.surplus_rate)}`}
        color={negative ? 'error.main' : 'success.main'}
      />
      {negative ? (
        <Figure
          testId="figure-overspend"
          label={t('overspend')}
          value={`¥${yuan(f.overspend)}`}
          sub={`${t('overspend_group')} ¥${yuan(f.overspend_group)} · ${t('overspend_fund')} ¥${yuan(f.overspend_fund)}`}
        />
      ) : (
        <Figure
          testId="figure-retained"
          label={estimate ? t('retained_estimate') : t('retained')}
          value={`¥${yuan(f.retained)}`}
          sub={`${t('deductions')} ${pct(f.deductions, 0)} · ${t('returned')} ¥${yuan(f.returned_to_fund)}${estimate ? ` · ${t('estimate_note')}` : ''}`}
        />
      )}
    </Stack>
  );
};

/** Budget to date by the monthly profile against cumulative spending. */
export const MonthChart = ({ months }: { months: { month: number; cumulative_budget: string; cumulative_spending: string; spending: string }[] }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  const data = months.map((m) => ({
    month: `${m.month}月`,
    budget: Number(m.cumulative_budget),
    spending: Number(m.cumulative_spending),
    monthly: Number(m.spending),
  }));
  return (
    <Card sx={{ mb: 2 }} data-testid="month-chart">
      <CardHeader title={t('by_month')} />
      <CardContent sx={{ height: 320 }}>
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ left: 30 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            {/* the month's spending is a twelfth of the cumulative figures: its bars get their own axis on the right */}
            <YAxis yAxisId="cumulative" tickFormatter={wan} label={{ value: t('axis_cumulative'), angle: -90, position: 'insideLeft', offset: -20 }} />
            <YAxis yAxisId="month" orientation="right" tickFormatter={wan} label={{ value: t('axis_month'), angle: 90, position: 'insideRight' }} />
            <Tooltip formatter={(v) => `¥${yuan(Number(v))}`} />
            <Legend />
            <Area yAxisId="cumulative" type="monotone" dataKey="budget" name={t('cumulative_budget')} stroke="#90a4ae" fill="#cfd8dc" />
            <Line yAxisId="cumulative" type="monotone" dataKey="spending" name={t('cumulative_spending')} stroke="#1976d2" strokeWidth={2} dot />
            <Bar yAxisId="month" dataKey="monthly" name={t('month_spending')} fill="#ffb74d" barSize={14} />
          </ComposedChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};

export const SpendingTable = ({
  cells,
  byClass,
  byCare,
  total,
}: {
  cells: SpendingCell[];
  byClass: Record<string, string>;
  byCare: Record<string, string>;
  total: string;
}) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  const cares = Object.keys(byCare);
  const cell = (pc: string, ct: string) => cells.find((c) => c.provider_class === pc && c.care_type === ct);
  return (
    <Card sx={{ mb: 2 }} data-testid="spending-table">
      <CardHeader title={`${t('spending')} — ${t('by_class_and_care')}`} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('provider_class')}</TableCell>
            {cares.map((ct) => (
              <TableCell key={ct} align="right">
                {translate(`enums.care_type.${ct}`)}
              </TableCell>
            ))}
            <TableCell align="right">{t('total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(byClass).map(([pc, sum]) => (
            <TableRow key={pc}>
              <TableCell>{translate(`enums.provider_class.${pc}`)}</TableCell>
              {cares.map((ct) => (
                <TableCell key={ct} align="right" data-testid={`spending-${pc}-${ct}`}>
                  {yuan(cell(pc, ct)?.fund_paid)}{' '}
                  <Typography component="span" variant="caption" color="text.secondary">
                    （{cell(pc, ct)?.claims.toLocaleString('zh-CN')}）
                  </Typography>
                </TableCell>
              ))}
              <TableCell align="right">{yuan(sum)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{t('total')}</TableCell>
            {cares.map((ct) => (
              <TableCell key={ct} align="right" sx={{ fontWeight: 600 }}>
                {yuan(byCare[ct])}
              </TableCell>
            ))}
            <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="spending-total">
              {yuan(total)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Card>
  );
};

const rateOrAmount = (key: string, v: number | string | null) =>
  v === null ? '—' : key === 'inpatient_average_cost' ? `¥${yuan(v)}` : typeof v === 'number' ? pct(v) : String(v);
const count = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : yuan(v));

export const GatesTable = ({ gates, satisfaction }: { gates: Gate[]; satisfaction: number | null }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  const shown = (g: Gate, v: number | null) => (v === null ? '—' : gateIsScore(g.key) ? v.toFixed(2) : pct(v));
  return (
    <Card sx={{ mb: 2 }} data-testid="gates">
      <CardHeader title={t('gates')} subheader={`${t('satisfaction')} ${satisfaction ?? '—'}`} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('gate')}</TableCell>
            <TableCell align="right">{t('value')}</TableCell>
            <TableCell align="right">{t('threshold')}</TableCell>
            <TableCell>{t('ok')}</TableCell>
            <TableCell align="right">{t('deduction')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {gates.map((g) => (
            <TableRow key={g.key}>
              <TableCell>{translate(`enums.gate.${g.key}`)}</TableCell>
              <TableCell align="right">{shown(g, g.value)}</TableCell>
              <TableCell align="right">
                {translate(`enums.direction.${g.direction}`)} {shown(g, g.threshold)}
              </TableCell>
              <TableCell>
                <Light ok={g.passed} testId={`gate-${g.key}`} />
              </TableCell>
              <TableCell align="right">{pct(g.deduction, 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

export const IndicatorsTable = ({
  indicators,
  title,
  subheader,
  testId = 'indicators',
}: {
  indicators: Indicator[];
  title: string;
  subheader?: string;
  testId?: string;
}) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardHeader title={title} subheader={subheader} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('indicator')}</TableCell>
            <TableCell>{t('claim_set')}</TableCell>
            <TableCell align="right">{t('numerator')}</TableCell>
            <TableCell align="right">{t('denominator')}</TableCell>
            <TableCell align="right">{t('value')}</TableCell>
            <TableCell align="right">{t('threshold')}</TableCell>
            <TableCell>{t('ok')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {indicators.map((i) => (
            <TableRow key={i.key}>
              <TableCell>{translate(`enums.settlement_indicator.${i.key}`)}</TableCell>
              <TableCell data-testid={`${testId}-${i.key}-over`}>{i.over ? translate(`enums.claim_set.${i.over}`) : '—'}</TableCell>
              <TableCell align="right">{count(i.numerator)}</TableCell>
              <TableCell align="right">{count(i.denominator)}</TableCell>
              <TableCell align="right">{rateOrAmount(i.key, i.value)}</TableCell>
              <TableCell align="right">
                {translate(`enums.direction.${i.direction}`)} {rateOrAmount(i.key, typeof i.threshold === 'number' ? i.threshold : i.threshold)}
              </TableCell>
              <TableCell>
                <Light ok={i.ok} testId={`${testId}-${i.key}`} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

/** The group's indicators twice: over the claims its units provided, and over all the claims of its insured (absent in versions calculated before). */
export const GroupIndicators = ({ f }: { f: RunFigures }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  return (
    <>
      <IndicatorsTable indicators={f.indicators} title={`${t('indicators')} · ${t('group_provided')}`} subheader={t('group_indicators_help')} />
      {f.insured_indicators && (
        <IndicatorsTable indicators={f.insured_indicators} title={`${t('indicators')} · ${t('group_insured')}`} testId="insured-indicators" />
      )}
    </>
  );
};

/** One row per member unit, one column per indicator (value, green/red; its header says which claims it is over); a click opens the unit's claims summary. */
export const UnitIndicatorsTable = ({ units, onUnit }: { units: RunFigures['unit_indicators']; onUnit?: (u: { id: number; name: string }) => void }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  const heads = units[0]?.indicators ?? [];
  return (
    <Card sx={{ mb: 2 }} data-testid="unit-indicators">
      <CardHeader title={t('unit_indicators')} subheader={onUnit ? t('drill') : undefined} />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('unit')}</TableCell>
              {heads.map((i) => (
                <TableCell key={i.key} align="right">
                  {translate(`enums.settlement_indicator.${i.key}`)}
                  {i.over && (
                    <Typography component="div" variant="caption" color="text.secondary">
                      {translate(`enums.claim_set.${i.over}`)}
                    </Typography>
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {byLevelThenCode(units).map((u) => (
              <TableRow
                key={u.org_unit_id}
                hover={!!onUnit}
                sx={{ cursor: onUnit ? 'pointer' : undefined }}
                data-testid={`unit-row-${u.code}`}
                onClick={() => onUnit?.({ id: u.org_unit_id, name: u.name })}
              >
                <TableCell>
                  {u.name}（{u.code}）
                </TableCell>
                {u.indicators.map((i) => (
                  <TableCell
                    key={i.key}
                    align="right"
                    title={`${count(i.numerator)} / ${count(i.denominator)} · ${translate(`enums.direction.${i.direction}`)} ${rateOrAmount(i.key, i.threshold)}`}
                    sx={{ color: i.ok === null ? 'text.disabled' : i.ok ? 'success.main' : 'error.main' }}
                  >
                    {rateOrAmount(i.key, i.value)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Card>
  );
};

/** The amount per township and pool as stacked bars. */
export const AllocationBars = ({
  allocations,
  estimate = false,
  onUnit,
}: {
  allocations: Allocation[];
  /** a provisional run's shares: shown as an estimate, not as money allocated */
  estimate?: boolean;
  onUnit?: (u: { id: number; name: string }) => void;
}) => {
  const translate = useTranslate();
  const pools = [...new Set(allocations.map((a) => a.pool))];
  const byUnit = new Map<number, Record<string, number | string>>();
  for (const a of allocations) {
    const row = byUnit.get(a.org_unit_id) ?? { id: a.org_unit_id, name: a.name, code: a.code };
    row[a.pool] = Number(a.amount);
    byUnit.set(a.org_unit_id, row);
  }
  const colors = ['#43a047', '#1e88e5', '#fb8c00', '#8e24aa'];
  return (
    <Card sx={{ mb: 2 }} data-testid="allocation-bars" data-estimate={String(estimate)}>
      <CardHeader
        title={translate(estimate ? 'settlement.allocation_by_township_estimate' : 'settlement.allocation_by_township')}
        subheader={[estimate ? translate('settlement.estimate_note') : '', onUnit ? translate('settlement.drill') : ''].filter(Boolean).join(' ') || undefined}
      />
      <CardContent sx={{ height: 340 }}>
        <ResponsiveContainer>
          <BarChart data={[...byUnit.values()]} margin={{ left: 30, bottom: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" angle={-40} textAnchor="end" interval={0} tick={{ fontSize: 11 }} />
            <YAxis tickFormatter={wan} />
            <Tooltip formatter={(v) => `¥${yuan(Number(v))}`} />
            <Legend verticalAlign="top" />
            {pools.map((p, i) => (
              <Bar
                key={p}
                dataKey={p}
                stackId="a"
                name={translate(`enums.pool.${p}`, { _: p })}
                fill={colors[i % colors.length]}
                cursor={onUnit ? 'pointer' : undefined}
                onClick={(d: { payload?: { id: number; name: string } }) => d.payload && onUnit?.({ id: d.payload.id, name: d.payload.name })}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};

/** Every intermediate figure of the allocation, pool by pool on its own indicators: raw values (无数据 when missing), points, the weight each counted with, score, population, weight, share, amount. */
export const AllocationTable = ({ allocations, pools, estimate = false }: { allocations: Allocation[]; pools: RunFigures['pools']; estimate?: boolean }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  return (
    <Card sx={{ mb: 2 }} data-testid="allocation-table" data-estimate={String(estimate)}>
      <CardHeader
        title={t(estimate ? 'allocation_estimate' : 'allocation')}
        subheader={estimate ? `${t('estimate_note')} ${t('scoring_rule')}` : t('scoring_rule')}
      />
      {pools.map((p) => {
        const rows = allocations.filter((a) => a.pool === p.key);
        // the pool's indicators in their configured order
        const keys = Object.keys(rows[0]?.raw_values ?? {});
        // versions calculated before each pool had its own weights carry none
        const used = rows[0]?.indicator_weights as Record<string, number> | undefined;
        const label = (k: string) => translate(`enums.allocation_indicator.${k}`, { _: k });
        return (
          <Box key={p.key} sx={{ mb: 2, overflowX: 'auto' }}>
            <Typography variant="subtitle2" sx={{ px: 2 }} data-testid={`pool-${p.key}`}>
              {t('pool')}：{translate(`enums.pool.${p.key}`, { _: p.key })}（{pct(p.share, 0)}）{estimate ? `${t('estimate')} ` : ''}¥{yuan(p.amount)}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('unit')}</TableCell>
                  {keys.map((k) => (
                    <TableCell key={`r-${k}`} align="right">
                      {label(k)}
                      <br />
                      {t('raw')}
                    </TableCell>
                  ))}
                  {keys.map((k) => (
                    <TableCell key={`n-${k}`} align="right" data-testid={`weight-${p.key}-${k}`}>
                      {label(k)}
                      <br />
                      {t('normalised')}
                      {used && (
                        <Typography component="div" variant="caption" color="text.secondary">
                          {used[k] > 0 ? `${t('weight_used')} ${num(used[k], 4)}` : t('left_out')}
                        </Typography>
                      )}
                    </TableCell>
                  ))}
                  <TableCell align="right">{t('score')}</TableCell>
                  <TableCell align="right">{t('population')}</TableCell>
                  <TableCell align="right">{t('weight')}</TableCell>
                  <TableCell align="right">{t('share')}</TableCell>
                  <TableCell align="right">{t(estimate ? 'amount_estimate' : 'amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((a) => (
                  <TableRow key={a.org_unit_id} data-testid={`allocation-${p.key}-${a.code}`}>
                    <TableCell>
                      {a.name}（{a.code}）
                    </TableCell>
                    {keys.map((k) => (
                      <TableCell key={`r-${k}`} align="right" sx={{ color: a.raw_values[k] === null ? 'text.disabled' : undefined }}>
                        {a.raw_values[k] === null ? t('na') : num(a.raw_values[k], 4)}
                      </TableCell>
                    ))}
                    {keys.map((k) => (
                      <TableCell key={`n-${k}`} align="right">
                        {num(a.normalised_values[k])}
                      </TableCell>
                    ))}
                    <TableCell align="right">{num(a.score)}</TableCell>
                    <TableCell align="right">{a.population.toLocaleString('zh-CN')}</TableCell>
                    <TableCell align="right">{num(a.weight, 2)}</TableCell>
                    <TableCell align="right">{pct(a.share, 4)}</TableCell>
                    <TableCell align="right">{yuan(a.amount)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell colSpan={1 + 2 * keys.length + 4} sx={{ fontWeight: 600 }}>
                    {t('total')}
                  </TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {yuan(p.amount)}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </Box>
        );
      })}
    </Card>
  );
};

export const OverspendSlices = ({ f }: { f: RunFigures }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.${k}`);
  if (!f.overspend_slices.length || Number(f.overspend) === 0) return null;
  return (
    <Card sx={{ mb: 2 }} data-testid="overspend-slices">
      <CardHeader
        title={t('overspend_slices')}
        subheader={`${t('overspend_group')} ¥${yuan(f.overspend_group)} · ${t('overspend_fund')} ¥${yuan(f.overspend_fund)}`}
      />
      <Table size="small">
        <TableBody>
          {f.overspend_slices.map((s, i) => (
            <TableRow key={i}>
              <TableCell>
                {t('slice')} {pct(s.from, 1)} – {s.upTo === null ? '∞' : pct(s.upTo, 1)}
              </TableCell>
              <TableCell align="right">¥{yuan(s.amount)}</TableCell>
              <TableCell align="right">
                {t('overspend_group')} {pct(s.groupShare, 0)} ¥{yuan(s.group)}
              </TableCell>
              <TableCell align="right">
                {t('overspend_fund')} ¥{yuan(s.fund)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};
