// Corrections of a pay run (更正): the button that asks finance for the reason and opens the new version,
// the card 与上一版本的差异 on a correction's page (per person: amount, points and net paid before → after,
// people added or gone), and the links between the versions.
import { useState } from 'react';
import { Alert, Button, Card, CardContent, CardHeader, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { Json } from '../../../../api/core/json';
import type { PayRun, PayRunDifference } from '../../../../api/pay';
import { apiError, apiPost, can, fenOf, yuan } from '../../finance/api';
import { TextDialog } from '../../shared/TextDialog';

export type Versioned = Json<PayRun> & { differences?: Json<PayRunDifference>[]; superseded_by_id?: number | null };

const CORRECTABLE = new Set(['approved', 'locked']);

export const CorrectButton = () => {
  const run = useRecordContext<Versioned>();
  const translate = useTranslate();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  if (!run || !CORRECTABLE.has(run.status) || !can('pay-runs', 'correct')) return null;
  const send = async (reason: string) => {
    const made = await apiPost<Json<PayRun>>(`/pay-runs/${run.id}/correct`, { reason });
    setOpen(false);
    redirect('show', 'pay-runs', made.id);
  };
  return (
    <>
      <Button variant="outlined" color="warning" onClick={() => setOpen(true)} data-testid="pay-correct">
        {translate('pay.correction.action')}
      </Button>
      {open && (
        <TextDialog
          testId="dialog-correct"
          ids={{ text: 'correct-reason', error: 'correct-error', submit: 'correct-submit' }}
          title={translate('pay.correction.action')}
          help={translate('pay.correction.help')}
          label={translate('pay.correction.reason')}
          required
          cancelLabel={translate('pay.close')}
          submitLabel={translate('pay.correction.submit')}
          send={send}
          refusal={(e) => apiError(e).message}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

/** The versions around this run: the one it supersedes (with the reason) or the correction that superseded it. */
export const VersionNote = () => {
  const run = useRecordContext<Versioned>();
  const translate = useTranslate();
  if (!run) return null;
  return (
    <>
      {run.supersedes_id && (
        <Typography variant="body2" data-testid="pay-version">
          {translate('pay.correction.version', { version: run.version })} · {translate('pay.correction.supersedes')}{' '}
          <Link to={`/pay-runs/${run.supersedes_id}/show`}>#{run.supersedes_id}</Link> · {translate('pay.correction.reason')}：{run.reason}
        </Typography>
      )}
      {run.superseded_by_id && (
        <Alert severity="warning" data-testid="pay-superseded">
          {translate('pay.correction.superseded_by')} <Link to={`/pay-runs/${run.superseded_by_id}/show`}>#{run.superseded_by_id}</Link>
        </Alert>
      )}
    </>
  );
};

const money = (v: string | null) => (v === null ? '—' : yuan(v));
const pts = (v: string | null) => (v === null ? '—' : Number(v).toFixed(2));

/** 与上一版本的差异: per person, what the correction changed (shown once it is calculated). */
export const DifferenceCard = () => {
  const run = useRecordContext<Versioned>();
  const translate = useTranslate();
  const t = (k: string) => translate(`pay.correction.${k}`);
  if (!run?.supersedes_id || !run.differences) return null;
  const fen = (v: string | null) => fenOf(v) ?? 0;
  const change = run.differences.reduce((a, d) => a + fen(d.amount_after) - fen(d.amount_before), 0);
  return (
    <Card sx={{ my: 2 }} data-testid="pay-difference-card">
      <CardHeader title={t('title')} subheader={run.status === 'draft' ? t('not_calculated') : t('note')} />
      <CardContent>
        {run.differences.length === 0 ? (
          <Typography color="text.secondary">{t('none')}</Typography>
        ) : (
          <Table size="small" data-testid="pay-differences">
            <TableHead>
              <TableRow>
                <TableCell>{translate('pay.line.name')}</TableCell>
                <TableCell>{t('change')}</TableCell>
                <TableCell align="right">{t('amount_before')}</TableCell>
                <TableCell align="right">{t('amount_after')}</TableCell>
                <TableCell align="right">{t('points_before')}</TableCell>
                <TableCell align="right">{t('points_after')}</TableCell>
                <TableCell align="right">{t('net_before')}</TableCell>
                <TableCell align="right">{t('net_after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {run.differences.map((d) => (
                <TableRow key={d.staff_id} data-testid={`pay-difference-${d.staff_id}`}>
                  <TableCell>{d.name}</TableCell>
                  <TableCell>
                    <Chip size="small" color={d.change === 'changed' ? 'default' : 'warning'} label={translate(`enums.pay_difference_change.${d.change}`)} />
                  </TableCell>
                  <TableCell align="right">{money(d.amount_before)}</TableCell>
                  <TableCell align="right">{money(d.amount_after)}</TableCell>
                  <TableCell align="right">{pts(d.points_before)}</TableCell>
                  <TableCell align="right">{pts(d.points_after)}</TableCell>
                  <TableCell align="right">{money(d.net_before)}</TableCell>
                  <TableCell align="right">{money(d.net_after)}</TableCell>
                </TableRow>
              ))}
              <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
                <TableCell colSpan={2}>{t('total_change')}</TableCell>
                <TableCell colSpan={2} align="right" data-testid="pay-difference-total">
                  {yuan(change / 100)}
                </TableCell>
                <TableCell colSpan={4} />
              </TableRow>
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
