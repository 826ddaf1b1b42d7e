// 闲置资产调剂: idle assets offered by every member; a director asks for one for their unit,
// the group approves the transfer (asset-transfers).
import { useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
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
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { apiGet, apiPost, can, yuan } from '../finance/api';
import { storedUser } from '../session';
import { useIsSmall } from '../shared/useIsSmall';

interface Idle {
  id: number;
  code: string;
  name: string;
  category: string;
  value: string;
  acquired_on: string;
  note: string | null;
  org_unit_id: number;
  unit_code: string;
  unit_name: string;
}

export const AssetMarket = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const user = storedUser();
  const isSmall = useIsSmall();
  const { data, isPending } = useQuery({ queryKey: ['asset-market'], queryFn: () => apiGet<Idle[]>('/assets/market') });
  const [asking, setAsking] = useState<Idle | null>(null);
  const [reason, setReason] = useState('');
  const t = (k: string) => translate(`procurement.market.${k}`);
  const f = (k: string) => translate(`resources.assets.fields.${k}`);
  if (isPending) return <Loading />;
  const canAsk = can('asset-transfers', 'create');
  const submit = () =>
    apiPost('/asset-transfers', { asset_id: asking!.id, to_org_unit_id: user!.org_unit.id, reason })
      .then(() => {
        notify(t('requested'), { type: 'success' });
        setAsking(null);
        setReason('');
        return queryClient.invalidateQueries({ queryKey: ['asset-market'] });
      })
      .catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Box sx={{ p: 2 }}>
      <Title title={t('title')} />
      {isSmall ? (
        <Stack sx={{ gap: 1 }}>
          {(data ?? []).map((a) => (
            <Card key={a.id} data-testid={`idle-${a.code}`}>
              <CardContent>
                <Typography variant="subtitle1">
                  {a.name}{' '}
                  <Typography component="span" variant="caption">
                    {a.code}
                  </Typography>
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {a.unit_name} · {translate(`enums.asset_category.${a.category}`)} · {yuan(a.value)} · {a.acquired_on}
                </Typography>
                {a.note ? <Typography variant="body2">{a.note}</Typography> : null}
                {canAsk && a.org_unit_id !== user?.org_unit.id ? (
                  <Button size="small" sx={{ mt: 1 }} onClick={() => setAsking(a)}>
                    {t('request')}
                  </Button>
                ) : null}
              </CardContent>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card>
          <Table size="small">
            <TableHead>
              <TableRow>
                {['code', 'name', 'category', 'value', 'acquired_on', 'org_unit_id', 'note'].map((k) => (
                  <TableCell key={k}>{f(k)}</TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(data ?? []).map((a) => (
                <TableRow key={a.id} data-testid={`idle-${a.code}`}>
                  <TableCell>{a.code}</TableCell>
                  <TableCell>{a.name}</TableCell>
                  <TableCell>{translate(`enums.asset_category.${a.category}`)}</TableCell>
                  <TableCell align="right">{yuan(a.value)}</TableCell>
                  <TableCell>{a.acquired_on}</TableCell>
                  <TableCell>{a.unit_name}</TableCell>
                  <TableCell>{a.note}</TableCell>
                  <TableCell>
                    {canAsk && a.org_unit_id !== user?.org_unit.id ? (
                      <Button size="small" onClick={() => setAsking(a)}>
                        {t('request')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <Dialog open={!!asking} onClose={() => setAsking(null)}>
        <DialogTitle>
          {t('request')}：{asking?.name}
        </DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button variant="contained" disabled={!reason.trim()} onClick={submit}>
            {t('request')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
