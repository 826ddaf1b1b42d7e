// 与已批准结算的差异: on a correction run's page, what it changed against the approved run it supersedes — the totals
// before → after, the claims written since that run line by line (新增 / 冲正 / 修改), and the units whose spending or
// allocation changed, with a 合计 row equal to the total change (GET /api/settlement-runs/:id/difference).
import { Alert, Card, CardContent, CardHeader, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Loading, useTranslate } from 'react-admin';
import { apiGet, yuan } from '../../finance/api';
import type { RunDifference } from '../types';

type Change = RunDifference['spending'];

const Cells = ({ c, testid }: { c: Change; testid?: string }) => (
  <>
    <TableCell align="right">{yuan(c.before)}</TableCell>
    <TableCell align="right">{yuan(c.after)}</TableCell>
    <TableCell align="right" sx={{ fontWeight: c.change === '0.00' ? undefined : 'bold' }} data-testid={testid}>
      {yuan(c.change)}
    </TableCell>
  </>
);

/** The sum of the rows' changes, in fen (exact), shown as yuan. */
const total = (rows: Change[]) => yuan(rows.reduce((a, c) => a + Math.round(Number(c.change) * 100), 0) / 100);

export const DifferenceCard = ({ runId }: { runId: number }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.difference.${k}`, o);
  const s = (k: string) => translate(`settlement.${k}`);
  const {
    data: d,
    isPending,
    isError,
  } = useQuery({
    queryKey: ['settlement-run-difference', runId],
    queryFn: () => apiGet<RunDifference>(`/settlement-runs/${runId}/difference`),
  });
  if (isPending) return <Loading />;
  if (isError) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  const units = d.units.filter((u) => u.spending.change !== '0.00' || u.allocation.change !== '0.00');
  return (
    <Card sx={{ mb: 2 }} data-testid="difference-card">
      <CardHeader
        title={t('title')}
        subheader={
          <>
            {t('approved_run')}：<Link to={`/settlement-runs/${d.supersedes_id}/show`}>#{d.supersedes_id}</Link> · {t('note')}
          </>
        }
      />
      <CardContent>
        <Table size="small" data-testid="difference-totals">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell align="right">{t('before')}</TableCell>
              <TableCell align="right">{t('after')}</TableCell>
              <TableCell align="right">{t('change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              <TableCell>{s('spending')}</TableCell>
              <Cells c={d.spending} testid="difference-spending" />
            </TableRow>
            <TableRow>
              <TableCell>{s('claims')}</TableCell>
              <TableCell align="right">{d.claims.before}</TableCell>
              <TableCell align="right">{d.claims.after}</TableCell>
              <TableCell align="right">{d.claims.change}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{s('surplus')}</TableCell>
              <Cells c={d.surplus} />
            </TableRow>
            <TableRow>
              <TableCell>{s('retained')}</TableCell>
              <Cells c={d.retained} testid="difference-retained" />
            </TableRow>
          </TableBody>
        </Table>

        <Typography variant="subtitle1" sx={{ mt: 2 }}>
          {t('claims_changed')}
        </Typography>
        {d.lines === null ? (
          <Alert severity="info">{t('no_lines')}</Alert>
        ) : d.lines.length === 0 ? (
          <Typography color="text.secondary">{t('none')}</Typography>
        ) : (
          <Table size="small" data-testid="difference-lines">
            <TableHead>
              <TableRow>
                <TableCell>{t('claim_no')}</TableCell>
                <TableCell>{t('kind')}</TableCell>
                <TableCell>{t('reverses')}</TableCell>
                <TableCell>{t('provider')}</TableCell>
                <TableCell>{t('settled_on')}</TableCell>
                <TableCell>{t('counted_in')}</TableCell>
                <TableCell align="right">{s('total_cost')}</TableCell>
                <TableCell align="right">{s('fund_paid')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {d.lines.map((l) => (
                <TableRow key={l.id} data-testid={`difference-line-${l.claim_no}`} data-kind={l.kind}>
                  <TableCell>{l.claim_no}</TableCell>
                  <TableCell>
                    <Chip size="small" color={l.kind === 'reversal' ? 'warning' : 'default'} label={translate(`enums.claim_change.${l.kind}`)} />
                  </TableCell>
                  <TableCell>{l.reverses_claim_no ?? ''}</TableCell>
                  <TableCell>{l.provider}</TableCell>
                  <TableCell>{l.settled_on}</TableCell>
                  <TableCell>{translate('settlement.advance_month', { month: l.period_month })}</TableCell>
                  <TableCell align="right">{yuan(l.total_cost)}</TableCell>
                  <TableCell align="right">{yuan(l.fund_paid)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {d.lines && d.lines_total! > d.lines.length && <Typography variant="caption">{t('listed', { total: d.lines_total, n: d.lines.length })}</Typography>}

        <Typography variant="subtitle1" sx={{ mt: 2 }}>
          {t('by_unit')}
        </Typography>
        <Table size="small" data-testid="difference-units">
          <TableHead>
            <TableRow>
              <TableCell>{s('unit')}</TableCell>
              {(
                [
                  ['spending', 'spending_change'],
                  ['amount', 'allocation_change'],
                ] as const
              ).flatMap(([figure, change]) =>
                [`${s(figure)}·${t('before')}`, `${s(figure)}·${t('after')}`, t(change)].map((label) => (
                  <TableCell key={label} align="right">
                    {label}
                  </TableCell>
                )),
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {units.map((u) => (
              <TableRow key={u.org_unit_id ?? u.provider_class} data-testid={`difference-unit-${u.code ?? u.provider_class}`}>
                <TableCell>{u.org_unit_id ? `${u.code} ${u.name}` : translate(`enums.provider_class.${u.provider_class}`)}</TableCell>
                <Cells c={u.spending} />
                <Cells c={u.allocation} />
              </TableRow>
            ))}
            <TableRow sx={{ '& td': { fontWeight: 'bold' } }} data-testid="difference-units-total">
              <TableCell>{s('total')}</TableCell>
              <TableCell colSpan={2} />
              <TableCell align="right">{total(d.units.map((u) => u.spending))}</TableCell>
              <TableCell colSpan={2} />
              <TableCell align="right">{total(d.units.map((u) => u.allocation))}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        {units.length < d.units.length && (
          <Typography variant="caption" color="text.secondary">
            {t('others_unchanged')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
