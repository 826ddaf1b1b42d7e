// 首页 pieces of referrals: a director's inbox (requests waiting for the unit's answer, those past
// their service level, the oldest) and the referral office's inbox of every receiving unit — all
// from GET /api/referrals/inbox-summary, each count a link into the referral list so filtered.
import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { CountFigure, Figure, HomeCard, listLink } from '../dashboard/figures';
import { apiGet } from '../finance/api';
import { storedUser } from '../session';
import { formatTime } from '../shared/time';

/** org_unit_id null: requests out of the county, answered by the referral office */
interface InboxRow {
  org_unit_id: number | null;
  code: string | null;
  name: string | null;
  waiting: number;
  overdue: number;
  oldest_requested_at: string;
}

const receiver = (unitId: number | null) => (unitId === null ? { direction: 'out' } : { to_org_unit_id: unitId });
const waitingFilter = (unitId: number | null) => ({ ...receiver(unitId), status: 'requested' });
const overdueFilter = (unitId: number | null) => ({ ...receiver(unitId), overdue: true });
const useInboxSummary = () => useQuery({ queryKey: ['referrals', 'inbox-summary'], queryFn: () => apiGet<InboxRow[]>('/referrals/inbox-summary') });

/** "3 天 4 小时" (or "19 小时") since `at` */
function waited(at: string, translate: (k: string, o?: object) => string) {
  const hours = Math.max(0, Math.floor((Date.now() - Date.parse(at)) / 3_600_000));
  const days = Math.floor(hours / 24);
  return days ? translate('home.waited_days', { days, hours: hours % 24 }) : translate('home.waited_hours', { hours });
}

export const DirectorInboxHome = () => {
  const translate = useTranslate();
  const unitId = storedUser()!.org_unit.id;
  const { data } = useInboxSummary();
  const own = data && (data.find((r) => r.org_unit_id === unitId) ?? null);
  return (
    <HomeCard title={translate('home.referral_inbox')} testId="home-referral-inbox">
      <CountFigure testId="home-referrals-waiting" label={translate('home.referrals_waiting')} resource="referrals" filter={waitingFilter(unitId)} />
      <CountFigure
        testId="home-referrals-overdue"
        label={translate('home.referrals_overdue')}
        resource="referrals"
        filter={overdueFilter(unitId)}
        alertAbove={0}
      />
      <Figure
        testId="home-referrals-oldest"
        label={translate('home.referrals_oldest')}
        value={own === undefined ? undefined : (own?.oldest_requested_at ?? '—')}
        display={own ? waited(own.oldest_requested_at, translate) : '—'}
        sub={own ? translate('home.requested_at', { at: formatTime(own.oldest_requested_at) }) : translate('home.nothing_waiting')}
        to={listLink('referrals', waitingFilter(unitId))}
      />
    </HomeCard>
  );
};

const CountLink = ({ to, count, testId }: { to: string; count: number; testId: string }) => (
  <MuiLink component={Link} to={to} data-testid={testId} data-value={count} color={count ? undefined : 'text.secondary'}>
    {count}
  </MuiLink>
);

export const OfficeInboxHome = () => {
  const translate = useTranslate();
  const { data } = useInboxSummary();
  return (
    <HomeCard title={translate('home.office_inbox')} testId="home-office-inbox">
      <CountFigure
        testId="home-referrals-overdue-all"
        label={translate('home.referrals_overdue_all')}
        resource="referrals"
        filter={{ overdue: true }}
        alertAbove={0}
      />
      <CountFigure testId="home-referrals-waiting-all" label={translate('home.referrals_waiting_all')} resource="referrals" filter={{ status: 'requested' }} />
      <Table size="small" sx={{ gridColumn: '1 / -1' }} data-testid="home-office-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('home.receiving_unit')}</TableCell>
            <TableCell align="right">{translate('home.referrals_waiting')}</TableCell>
            <TableCell align="right">{translate('home.referrals_overdue')}</TableCell>
            <TableCell>{translate('home.referrals_oldest')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data?.map((r) => (
            <TableRow key={r.code ?? 'out'}>
              <TableCell>{r.name ?? translate('home.out_of_county')}</TableCell>
              <TableCell align="right">
                <CountLink testId={`home-office-waiting-${r.code ?? 'out'}`} count={r.waiting} to={listLink('referrals', waitingFilter(r.org_unit_id))} />
              </TableCell>
              <TableCell align="right" sx={{ color: r.overdue ? 'error.main' : undefined }}>
                <CountLink testId={`home-office-overdue-${r.code ?? 'out'}`} count={r.overdue} to={listLink('referrals', overdueFilter(r.org_unit_id))} />
              </TableCell>
              <TableCell>
                {waited(r.oldest_requested_at, translate)}（{translate('home.requested_at', { at: formatTime(r.oldest_requested_at) })}）
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data?.length === 0 && <Typography color="text.secondary">{translate('home.nothing_waiting')}</Typography>}
    </HomeCard>
  );
};
