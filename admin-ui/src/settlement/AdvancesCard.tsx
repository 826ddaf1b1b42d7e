// 预拨付与清算: the fund's monthly advances to the group, planned by the profile against paid (dates, running
// totals), the total paid, and — once the final run is calculated — the 清算: what the group is due for the
// year against the advances paid, the amount due either way. On the dashboard and the final run's page.
import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCanAccess, useTranslate } from 'react-admin';
import { fenOf, fenYuan, yuan } from '../finance/api';
import { AdvanceForm } from './AdvanceForm';
import type { AdvancesView } from './types';

export const AdvancesCard = ({ advances }: { advances: AdvancesView }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.${k}`, o);
  const r = advances.reconciliation;
  const fen = (x: string) => fenOf(x) ?? 0;
  // group finance records an advance (登记拨付) for a month; the group admin and the auditor only read
  const { canAccess: mayRecord } = useCanAccess({ resource: 'settlement-advances', action: 'create' });
  // the approved final run's 清算 is closed: nothing more to record
  const canRecord = mayRecord && !advances.closed;
  const [recording, setRecording] = useState<number | null>(null);
  return (
    <Card sx={{ mb: 2 }} data-testid="advances-card">
      <CardHeader
        title={t('advances')}
        subheader={advances.closed ? `${t('reconciliation_formula')} · ${t('advances_closed')}` : t('reconciliation_formula')}
        slotProps={{ subheader: { 'data-testid': 'advances-subheader' } as object }}
      />
      <CardContent>
        {r ? (
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mb: 2 }} data-testid="reconciliation" data-direction={r.direction} data-amount={r.amount}>
            <Box>
              <Typography variant="overline">{t('due')}</Typography>
              <Typography variant="h6">¥{yuan(r.due)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t('spending')} ¥{yuan(r.spending)} + {t('retained')} ¥{yuan(r.retained)} − {t('overspend_group')} ¥{yuan(r.overspend_group)}
              </Typography>
            </Box>
            <Box>
              <Typography variant="overline">{t('total_paid')}</Typography>
              <Typography variant="h6">¥{yuan(r.advances_paid)}</Typography>
            </Box>
            <Box>
              <Typography variant="overline">{t('reconciliation')}</Typography>
              <Typography variant="h6" sx={{ color: r.direction === 'group_returns' ? 'error.main' : 'success.main' }} data-testid="reconciliation-amount">
                {t(r.direction)} ¥{yuan(r.amount)}
              </Typography>
            </Box>
          </Stack>
        ) : (
          <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="reconciliation-pending">
            {t('total_paid')} ¥{yuan(advances.total_paid)} · {t('no_final_run')}
          </Typography>
        )}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('month')}</TableCell>
                <TableCell align="right">{t('advance_planned')}</TableCell>
                <TableCell align="right">{t('advance_paid')}</TableCell>
                <TableCell>{t('paid_on')}</TableCell>
                <TableCell align="right">{t('cumulative_planned')}</TableCell>
                <TableCell align="right">{t('cumulative_paid')}</TableCell>
                {canRecord && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {advances.months.map((m) => {
                const short = Number(m.paid) > 0 && Number(m.paid) < Number(m.planned);
                // paid after the 10th of its month, or in a later month
                const late = m.paid_on.some((d) => d.slice(5, 7) !== String(m.month).padStart(2, '0') || Number(d.slice(8, 10)) > 10);
                return (
                  <TableRow key={m.month} data-testid={`advance-${m.month}`}>
                    <TableCell>{t('advance_month', { month: m.month })}</TableCell>
                    <TableCell align="right">¥{yuan(m.planned)}</TableCell>
                    <TableCell align="right" sx={{ color: Number(m.paid) === 0 ? 'text.disabled' : undefined }}>
                      ¥{yuan(m.paid)}
                      {short && (
                        <Chip size="small" color="warning" sx={{ ml: 1 }} label={t('advance_short', { amount: fenYuan(fen(m.planned) - fen(m.paid)) })} />
                      )}
                    </TableCell>
                    <TableCell>
                      {m.paid_on.join('、')}
                      {late && <Chip size="small" sx={{ ml: 1 }} label={t('advance_late')} />}
                    </TableCell>
                    <TableCell align="right">¥{yuan(m.cumulative_planned)}</TableCell>
                    <TableCell align="right">¥{yuan(m.cumulative_paid)}</TableCell>
                    {canRecord && (
                      <TableCell>
                        <Button size="small" onClick={() => setRecording(m.month)} data-testid={`record-advance-${m.month}`}>
                          {t('record_advance')}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
              <TableRow data-testid="advance-total">
                <TableCell sx={{ fontWeight: 'bold' }}>{t('total')}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                  ¥{yuan(advances.total_planned)}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                  ¥{yuan(advances.total_paid)}
                </TableCell>
                <TableCell colSpan={canRecord ? 4 : 3} />
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      </CardContent>
      {recording !== null && <AdvanceForm advances={advances} month={recording} onClose={() => setRecording(null)} />}
    </Card>
  );
};
