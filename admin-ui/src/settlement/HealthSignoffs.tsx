// 健康数据审核: the months of a year × the units a signer answers for — the group and its townships, a township
// and its villages, or the own village clinic — each month's state (未到期 / 待审核 / 已审核), who signed, how many
// units below have; 审核 and 撤回 where the user may (signoffs/rules.ts: bottom-up, withdrawn top-down).
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardHeader,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { apiGet, apiPost } from '../finance/api';
import { shanghaiDate } from '../shared/time';
import { refusalText } from './problems';
import type { SignoffGrid } from './types';

type UnitRow = SignoffGrid['units'][number];
type MonthCell = UnitRow['months'][number];
const STATE_COLOR = { signed: 'success', open: 'warning', not_over: 'default' } as const;

const Cell = ({ unit, cell, onAct }: { unit: UnitRow; cell: MonthCell; onAct: (action: 'sign' | 'withdraw') => void }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.signoff.${k}`, o);
  const belowDone = cell.below_signed === unit.below;
  return (
    <TableCell align="center" data-testid={`cell-${unit.code}-${cell.month}`} data-state={cell.state} title={cell.signed_by_name ?? undefined}>
      <Chip size="small" color={STATE_COLOR[cell.state]} label={translate(`enums.signoff_state.${cell.state}`)} />
      {unit.below > 0 && (
        <Typography variant="caption" sx={{ display: 'block' }} color={belowDone ? 'text.secondary' : 'warning.main'}>
          {t('below', { n: cell.below_signed, of: unit.below })}
        </Typography>
      )}
      {unit.may_sign && cell.state === 'open' && (
        <Button size="small" disabled={!belowDone} onClick={() => onAct('sign')} data-testid={`sign-${unit.code}-${cell.month}`}>
          {t('sign')}
        </Button>
      )}
      {unit.may_sign && cell.state === 'signed' && (
        <Button size="small" color="inherit" onClick={() => onAct('withdraw')} data-testid={`withdraw-${unit.code}-${cell.month}`}>
          {t('withdraw')}
        </Button>
      )}
    </TableCell>
  );
};

export const HealthSignoffs = () => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.signoff.${k}`, o);
  const notify = useNotify();
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // the group opens a township to see its villages
  const [opened, setOpened] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const grid = useQuery({
    queryKey: ['health-signoffs', year, opened],
    queryFn: () => apiGet<SignoffGrid>('/health-signoffs', { year, org_unit_id: opened ?? undefined }),
  });
  const act = async (unit: UnitRow, month: number, action: 'sign' | 'withdraw') => {
    setError(null);
    try {
      await apiPost(action === 'sign' ? '/health-signoffs' : '/health-signoffs/withdraw', { year, month, org_unit_id: unit.org_unit_id });
      notify(t(action === 'sign' ? 'signed' : 'withdrawn', { unit: unit.name, period: `${year}-${String(month).padStart(2, '0')}` }), { type: 'success' });
      await grid.refetch();
    } catch (e) {
      setError(refusalText(e, translate));
    }
  };
  return (
    <Box sx={{ p: 2 }} data-testid="health-signoffs">
      <Title title={t('title')} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <TextField select size="small" label={t('year')} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="signoff-year">
          {[thisYear, thisYear - 1].map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        {opened !== null && (
          <Button onClick={() => setOpened(null)} data-testid="signoff-back">
            {t('back')}
          </Button>
        )}
        <Typography variant="body2" color="text.secondary">
          {t('order')}
        </Typography>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setError(null)} data-testid="signoff-error">
          {error}
        </Alert>
      )}
      {grid.isPending ? (
        <Loading />
      ) : grid.error ? (
        <Alert severity="error">{refusalText(grid.error, translate)}</Alert>
      ) : (
        <Card>
          <CardHeader title={`${grid.data.org_unit.name} · ${year}`} subheader={translate(`enums.signoff_level.${grid.data.org_unit.level}`)} />
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('unit')}</TableCell>
                  {grid.data.units[0].months.map((m) => (
                    <TableCell key={m.month} align="center">
                      {t('month_n', { n: m.month })}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {grid.data.units.map((u, i) => (
                  <TableRow key={u.org_unit_id} data-testid={`signoff-row-${u.code}`} sx={i === 0 ? { bgcolor: 'action.hover' } : undefined}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {i > 0 && u.level === 'township' && grid.data.units[0].level === 'group' ? (
                        <Button size="small" onClick={() => setOpened(u.org_unit_id)} data-testid={`open-${u.code}`}>
                          {u.name}（{u.code}）
                        </Button>
                      ) : (
                        `${u.name}（${u.code}）`
                      )}
                    </TableCell>
                    {u.months.map((c) => (
                      <Cell key={c.month} unit={u} cell={c} onAct={(a) => void act(u, c.month, a)} />
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Card>
      )}
    </Box>
  );
};
