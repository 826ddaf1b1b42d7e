// Finance action buttons, each shown only to who may press it: close a ledger month, pay a
// settled dispute from the medical-risk fund, return the fund's year-end balance (with the
// per-contributor table that adds up to the balance).
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import PaymentsIcon from '@mui/icons-material/Payments';
import ReplyAllIcon from '@mui/icons-material/ReplyAll';
import {
  AutocompleteInput,
  DateInput,
  Form,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SaveButton,
  TextInput,
  required,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { apiError, apiGet, apiPost, can, fenOf, fenYuan, yuan } from './api';
import { shanghaiDate } from '../shared/time';

const lastMonth = () => {
  const d = new Date();
  d.setDate(0);
  return d.toISOString().slice(0, 7);
};

/** 结账: closes a month for the whole group; later postings into it are refused. */
export const PeriodActions = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(lastMonth());
  const t = (k: string, o?: object) => translate(`finance.ledger.${k}`, o);
  const close = () =>
    apiPost('/ledger-periods', { period: month })
      .then(() => {
        notify(t('closed', { period: month }), { type: 'success' });
        setOpen(false);
        refresh();
      })
      .catch((e) => notify(apiError(e).message, { type: 'error' }));
  return (
    <>
      {can('ledger-periods', 'create') ? (
        <Button startIcon={<LockIcon />} onClick={() => setOpen(true)} data-testid="close-period">
          {t('close')}
        </Button>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{t('close')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('close_warning')}
          </Alert>
          <TextField
            type="month"
            label={t('month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'period-month' } }}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" disabled={!/^\d{4}-\d{2}$/.test(month)} onClick={close} data-testid="confirm-close-period">
            {t('close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

interface Position {
  contributions: string;
  payouts: string;
  returned: string;
  balance: string;
  contributors: number;
}
interface ReturnResult extends Position {
  returned_total: string;
  returns: { id: number; staff_id: number; amount: string }[];
}

const Payout = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const submit = (d: Record<string, unknown>) =>
    apiPost('/risk-fund-entries/payouts', {
      org_unit_id: d.org_unit_id,
      entry_date: d.entry_date,
      amount: String(d.amount),
      dispute_ref: d.dispute_ref,
      memo: d.memo || undefined,
    })
      .then(() => {
        notify(translate('finance.fund.paid'), { type: 'success' });
        refresh();
        onClose();
      })
      .catch((e) => setError(apiError(e).message));
  return (
    <Form onSubmit={submit} defaultValues={{ entry_date: shanghaiDate() }}>
      <DialogContent>
        {error ? (
          <Alert severity="error" sx={{ mb: 1 }}>
            {error}
          </Alert>
        ) : null}
        <ReferenceInput source="org_unit_id" reference="org-units">
          <AutocompleteInput validate={required()} label="resources.risk-fund-entries.fields.org_unit_id" />
        </ReferenceInput>
        <DateInput source="entry_date" validate={required()} label="resources.risk-fund-entries.fields.entry_date" />
        <NumberInput source="amount" validate={required()} min={0.01} step={0.01} label="resources.risk-fund-entries.fields.amount" />
        <TextInput source="dispute_ref" validate={required()} label="resources.risk-fund-entries.fields.dispute_ref" />
        <TextInput source="memo" fullWidth label="resources.risk-fund-entries.fields.memo" />
      </DialogContent>
      <DialogActions>
        <SaveButton label="finance.fund.payout" icon={<PaymentsIcon />} data-testid="fund-pay" />
      </DialogActions>
    </Form>
  );
};

const YearEndReturn = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [position, setPosition] = useState<(Position & { org_unit_id: number; fund_year: number }) | null>(null);
  const [result, setResult] = useState<ReturnResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = (k: string, o?: object) => translate(`finance.fund.${k}`, o);
  const load = (d: Record<string, unknown>) =>
    apiGet<Position>('/risk-fund-entries/summary', { org_unit_id: Number(d.org_unit_id), fund_year: Number(d.fund_year) })
      .then((p) => {
        setPosition({ ...p, org_unit_id: Number(d.org_unit_id), fund_year: Number(d.fund_year) });
        setResult(null);
        setError(null);
      })
      .catch((e) => setError(apiError(e).message));
  const run = () =>
    apiPost<ReturnResult>('/risk-fund-entries/year-end-return', { org_unit_id: position!.org_unit_id, fund_year: position!.fund_year })
      .then((r) => {
        setResult(r);
        refresh();
      })
      .catch((e) => setError(apiError(e).message));
  const sum = result ? result.returns.reduce((s, r) => s + (fenOf(r.amount) ?? 0), 0) : 0;
  return (
    <>
      <Form onSubmit={load} defaultValues={{ fund_year: new Date().getFullYear() - 1 }}>
        <DialogContent>
          {error ? (
            <Alert severity="error" sx={{ mb: 1 }}>
              {error}
            </Alert>
          ) : null}
          <ReferenceInput source="org_unit_id" reference="org-units">
            <AutocompleteInput validate={required()} label="resources.risk-fund-entries.fields.org_unit_id" />
          </ReferenceInput>
          <NumberInput source="fund_year" validate={required()} label="resources.risk-fund-entries.fields.fund_year" />
          <SaveButton label="finance.fund.show_balance" icon={<></>} variant="outlined" alwaysEnable data-testid="fund-show-balance" />
          {position ? (
            <Table size="small" sx={{ mt: 2 }} data-testid="fund-position">
              <TableBody>
                {(['contributions', 'payouts', 'returned', 'balance'] as const).map((k) => (
                  <TableRow key={k}>
                    <TableCell>{t(k)}</TableCell>
                    <TableCell align="right" data-testid={`fund-${k}`}>
                      {yuan(position[k])}
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>{t('contributors')}</TableCell>
                  <TableCell align="right">{position.contributors}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          ) : null}
          {result ? (
            <Table size="small" sx={{ mt: 2 }} data-testid="return-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('contributor')}</TableCell>
                  <TableCell align="right">{t('return_amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.returns.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <ReferenceField record={r} source="staff_id" reference="staff" link={false} />
                    </TableCell>
                    <TableCell align="right">{yuan(r.amount)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>
                    <b>{t('total_equals', { balance: yuan(result.balance) })}</b>
                  </TableCell>
                  <TableCell align="right" data-testid="return-total">
                    <b>{fenYuan(sum)}</b>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          ) : null}
        </DialogContent>
      </Form>
      <DialogActions>
        <Button
          variant="contained"
          startIcon={<ReplyAllIcon />}
          disabled={!position || !!result || !(fenOf(position.balance)! > 0)}
          onClick={run}
          data-testid="run-return"
        >
          {t('return')}
        </Button>
      </DialogActions>
    </>
  );
};

export const RiskFundActions = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState<'payout' | 'return' | null>(null);
  return (
    <>
      {can('risk-fund-entries', 'create') ? (
        <Button startIcon={<PaymentsIcon />} onClick={() => setOpen('payout')} data-testid="fund-payout">
          {translate('finance.fund.payout')}
        </Button>
      ) : null}
      {can('risk-fund-entries', 'return') ? (
        <Button startIcon={<ReplyAllIcon />} onClick={() => setOpen('return')} data-testid="fund-return">
          {translate('finance.fund.return')}
        </Button>
      ) : null}
      <Dialog open={!!open} onClose={() => setOpen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{open ? translate(`finance.fund.${open}`) : ''}</DialogTitle>
        {open === 'payout' ? <Payout onClose={() => setOpen(null)} /> : null}
        {open === 'return' ? <YearEndReturn /> : null}
      </Dialog>
    </>
  );
};
