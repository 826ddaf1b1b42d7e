// 闲置资产调剂: idle assets offered by every member; a director asks for one for their unit,
// the group approves the transfer (asset-transfers).
import { useState } from 'react';
import { Box, Button, Card, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { apiGet, apiPost, can, yuan } from '../finance/api';
import { storedUser } from '../session';

interface Idle { id: number; code: string; name: string; category: string; value: string; acquired_on: string; note: string | null; org_unit_id: number; unit_code: string; unit_name: string }

export const AssetMarket = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const user = storedUser();
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
      .catch((e) => notify(e.message, { type: 'error' }));
  return (
    <Box sx={{ p: 2 }}>
      <Title title={t('title')} />
      <Card>
        <Table size="small">
          <TableHead>
            <TableRow>
              {['code', 'name', 'category', 'value', 'acquired_on', 'org_unit_id', 'note'].map((k) => <TableCell key={k}>{f(k)}</TableCell>)}
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
                <TableCell>{canAsk && a.org_unit_id !== user?.org_unit.id ? <Button size="small" onClick={() => setAsking(a)}>{t('request')}</Button> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Dialog open={!!asking} onClose={() => setAsking(null)}>
        <DialogTitle>{t('request')}：{asking?.name}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button variant="contained" disabled={!reason.trim()} onClick={submit}>{t('request')}</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
