// A person's medical-risk fund of a year (医疗风险金个人明细), opened from a row of the fund's list: finance's
// contributions and what the approved pay runs withheld from their pay, month by month, the year-end returns
// (finance's and December's pay return), and paid in, returned and kept — GET /api/risk-fund-people/:staffId.
import { useQuery } from '@tanstack/react-query';
import { Alert, Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { ReferenceField, useTranslate } from 'react-admin';
import type { PersonFund } from '../../../api/pay';
import { apiError, apiGet, yuan } from './api';

export interface FundPerson {
  staff_id: number;
  year: number;
}

export const PersonFundDialog = ({ person, onClose }: { person: FundPerson | null; onClose: () => void }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`finance.person_fund.${k}`, o);
  const { data: fund, error } = useQuery({
    queryKey: ['risk-fund-people', person?.staff_id, person?.year],
    queryFn: () => apiGet<PersonFund>(`/risk-fund-people/${person!.staff_id}`, { year: person!.year }),
    enabled: !!person,
  });
  const months = fund?.months.filter((m) => m.contributed !== '0.00' || m.withheld !== '0.00') ?? [];
  return (
    <Dialog open={!!person} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{fund ? t('title', { name: fund.name, year: fund.year }) : t('loading')}</DialogTitle>
      <DialogContent data-testid="person-fund">
        {error ? <Alert severity="error">{apiError(error).message}</Alert> : null}
        {fund ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('month')}</TableCell>
                <TableCell align="right">{t('contributed')}</TableCell>
                <TableCell align="right">{t('withheld')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {months.map((m) => (
                <TableRow key={m.month} data-testid={`person-fund-${m.month}`}>
                  <TableCell>{m.month}</TableCell>
                  <TableCell align="right">{yuan(m.contributed)}</TableCell>
                  <TableCell align="right">{yuan(m.withheld)}</TableCell>
                </TableRow>
              ))}
              {months.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={3}>{t('none')}</TableCell>
                </TableRow>
              ) : null}
              <TableRow>
                <TableCell>
                  <b>{t('total')}</b>
                </TableCell>
                <TableCell align="right">
                  <b>{yuan(fund.totals.contributed)}</b>
                </TableCell>
                <TableCell align="right">
                  <b>{yuan(fund.totals.withheld)}</b>
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell colSpan={2}>{t('paid_in')}</TableCell>
                <TableCell align="right" data-testid="person-fund-paid-in">
                  {yuan(fund.totals.paid_in)}
                </TableCell>
              </TableRow>
              {fund.returns.map((r) => (
                <TableRow key={`${r.source}-${r.ref_id}`}>
                  <TableCell colSpan={2}>
                    {t(`return_${r.source}`, { month: r.month })} · <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />
                  </TableCell>
                  <TableCell align="right">−{yuan(r.amount)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={2}>
                  <b>{t('kept')}</b>
                </TableCell>
                <TableCell align="right" data-testid="person-fund-kept">
                  <b>{yuan(fund.totals.kept)}</b>
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        ) : null}
      </DialogContent>
    </Dialog>
  );
};
