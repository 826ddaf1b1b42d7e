// 绩效追溯 of a calculated pay run, opened from its page: from the final settlement's retained
// surplus through the pools and the townships' shares of the staff-performance pool to the
// township's pay pool and each person, every figure right-aligned with two decimals, and the
// checks that each step adds up (✓/✗). Beside it the run's workbook (绩效工资表) to download.
import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Json } from '../../../../api/core/json';
import type { PayRun, PayTrace } from '../../../../api/pay';
import { apiGet, fenOf, fenYuan, yuan } from '../../finance/api';
import { downloadReport } from '../../finance/download';

const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** A titled table of label → figure rows; the last row of a step is its 合计 (bold). */
const Step = ({ title, testId, head, children }: { title: string; testId: string; head: ReactNode; children: ReactNode }) => (
  <>
    <Typography variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }}>
      {title}
    </Typography>
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>{head}</TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  </>
);

const Money = ({ label, value, total, testId }: { label: ReactNode; value: string; total?: boolean; testId?: string }) => (
  <TableRow data-testid={testId} sx={total ? { '& td': { fontWeight: 600 } } : undefined}>
    <TableCell>{label}</TableCell>
    <TableCell {...num}>{yuan(value)}</TableCell>
  </TableRow>
);

const TraceBody = ({ trace }: { trace: Json<PayTrace> }) => {
  const t = (key: string, opts?: object) => translate(`enums.pay_trace_label.${key}`, opts);
  const translate = useTranslate();
  const s = trace.settlement;
  const amountHead = (
    <>
      <TableCell />
      <TableCell {...num}>{t('amount_unit')}</TableCell>
    </>
  );
  const hidden = s ? s.recipients - s.shares.length : 0;
  // amounts from the API are decimal strings: summed as integer fen
  const fen = (v: string) => fenOf(v) ?? 0;
  return (
    <>
      {s ? (
        <>
          <Step title={`1 ${t('settlement')} · ${s.region} ${s.year}`} testId="trace-settlement" head={amountHead}>
            <Money label={t('surplus')} value={s.surplus} />
            <Money label={t('retained')} value={s.retained} testId="trace-retained" />
            <Money label={t('returned_to_fund')} value={s.returned_to_fund} />
          </Step>
          <Step title={`2 ${t('pools')}`} testId="trace-pools" head={amountHead}>
            {s.pools.map((p) => (
              <Money key={p.key} label={`${translate(`enums.pool.${p.key}`)}（${pct(p.share)}）`} value={p.amount} />
            ))}
            <Money label={t('total')} value={(s.pools.reduce((a, p) => a + fen(p.amount), 0) / 100).toFixed(2)} total />
          </Step>
          <Step
            title={`3 ${t('townships')}（${t('staff_pool')}）`}
            testId="trace-shares"
            head={
              <>
                <TableCell>{t('township')}</TableCell>
                <TableCell {...num}>{t('population')}</TableCell>
                <TableCell {...num}>{t('score')}</TableCell>
                <TableCell {...num}>{t('share')}</TableCell>
                <TableCell {...num}>{t('amount')}</TableCell>
              </>
            }
          >
            {s.shares.map((r) => (
              <TableRow key={r.org_unit_id} selected={r.org_unit_id === trace.run.org_unit_id}>
                <TableCell>{r.name}</TableCell>
                <TableCell {...num}>{r.population.toLocaleString('zh-CN')}</TableCell>
                <TableCell {...num}>{r.score.toFixed(4)}</TableCell>
                <TableCell {...num}>{pct(r.share)}</TableCell>
                <TableCell {...num}>{yuan(r.amount)}</TableCell>
              </TableRow>
            ))}
            {hidden > 0 && (
              <TableRow>
                <TableCell colSpan={4}>{t('others_hidden', { n: hidden })}</TableCell>
                <TableCell {...num}>{fenYuan(fen(s.shares_total) - s.shares.reduce((a, r) => a + fen(r.amount), 0))}</TableCell>
              </TableRow>
            )}
            <TableRow sx={{ '& td': { fontWeight: 600 } }}>
              <TableCell colSpan={4}>{t('total')}</TableCell>
              <TableCell {...num}>{yuan(s.shares_total)}</TableCell>
            </TableRow>
          </Step>
        </>
      ) : (
        trace.no_settlement && (
          <Alert severity="info" data-testid="trace-no-settlement" sx={{ mt: 1 }}>
            {translate(`enums.pay_trace_no_settlement.${trace.no_settlement}`)}
          </Alert>
        )
      )}
      <Step title={`${s ? 4 : 1} ${t('pay_pool')} · ${trace.run.township} ${trace.run.month}`} testId="trace-pool" head={amountHead}>
        <Money label={t('budgeted_fund')} value={trace.run.budgeted_fund} />
        <Money label={t('settlement_share')} value={trace.run.settlement_share} />
        <Money label={t('pool')} value={trace.run.pool} total />
      </Step>
      <Step
        title={`${s ? 5 : 2} ${t('people')}`}
        testId="trace-people"
        head={
          <>
            <TableCell>{t('name')}</TableCell>
            <TableCell>{t('village')}</TableCell>
            <TableCell {...num}>{t('points')}</TableCell>
            <TableCell {...num}>{t('amount')}</TableCell>
          </>
        }
      >
        {trace.people.map((p) => (
          <TableRow key={p.line_id}>
            <TableCell>{p.name}</TableCell>
            <TableCell>{p.works_at}</TableCell>
            <TableCell {...num}>{Number(p.points).toFixed(2)}</TableCell>
            <TableCell {...num}>{yuan(p.amount)}</TableCell>
          </TableRow>
        ))}
        <TableRow sx={{ '& td': { fontWeight: 600 } }}>
          <TableCell colSpan={3}>{t('total')}</TableCell>
          <TableCell {...num}>{fenYuan(trace.people.reduce((a, p) => a + fen(p.amount), 0))}</TableCell>
        </TableRow>
      </Step>
      <Step
        title={t('checks')}
        testId="trace-checks"
        head={
          <>
            <TableCell>{t('check')}</TableCell>
            <TableCell {...num}>{t('expected')}</TableCell>
            <TableCell {...num}>{t('actual')}</TableCell>
            <TableCell align="center">{t('ok')}</TableCell>
          </>
        }
      >
        {trace.checks.map((c) => {
          const show = (v: string) => (c.unit === 'yuan' ? yuan(v) : c.unit === 'points' ? Number(v).toFixed(2) : v);
          return (
            <TableRow key={c.name} data-testid={`trace-check-${c.name}`} data-ok={c.ok}>
              <TableCell>{translate(`enums.pay_trace_check.${c.name}`)}</TableCell>
              <TableCell {...num}>{show(c.expected)}</TableCell>
              <TableCell {...num}>{show(c.actual)}</TableCell>
              <TableCell align="center" sx={{ color: c.ok ? 'success.main' : 'error.main', fontWeight: 700 }}>
                {c.ok ? '✓' : '✗'}
              </TableCell>
            </TableRow>
          );
        })}
      </Step>
    </>
  );
};

const TraceDialog = ({ runId, onClose }: { runId: number; onClose: () => void }) => {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { data, error } = useQuery({ queryKey: ['pay-trace', runId], queryFn: () => apiGet<Json<PayTrace>>(`/pay-runs/${runId}/trace`) });
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth fullScreen={phone} data-testid="pay-trace">
      <DialogTitle>{translate('enums.pay_trace_label.title')}</DialogTitle>
      <DialogContent>{error ? <Alert severity="error">{translate('pay.refused.other')}</Alert> : data ? <TraceBody trace={data} /> : null}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('pay.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** The run page's 绩效追溯 and 下载绩效工资表 buttons (once the run is calculated). */
export const PayRunTraceButtons = () => {
  const run = useRecordContext<Json<PayRun>>();
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  if (!run || run.status === 'draft' || run.pool === null) return null;
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="outlined" startIcon={<AccountTreeIcon />} onClick={() => setOpen(true)} data-testid="pay-trace-open">
        {translate('enums.pay_trace_label.title')}
      </Button>
      <Button
        startIcon={<DownloadIcon />}
        onClick={() =>
          downloadReport(`/reports/pay-runs/${run.id}.xlsx`, `绩效工资-${run.month.slice(0, 7)}-run${run.id}.xlsx`).catch((e) =>
            notify(String(e), { type: 'error' }),
          )
        }
        data-testid="pay-download"
      >
        {translate('pay.download')}
      </Button>
      {open && <TraceDialog runId={run.id} onClose={() => setOpen(false)} />}
    </Stack>
  );
};
