// 集中采购汇总: approved requisition lines not yet ordered, grouped per contracted supplier;
// pick lines (or whole suppliers), create one order per supplier.
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardHeader, Checkbox, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { apiGet, apiPost, fenOf, fenYuan, yuan } from '../finance/api';

interface Candidate {
  id: number;
  unit_code: string;
  unit_name: string;
  item_code: string;
  item_name: string;
  uom: string;
  approved_qty: number;
  contract_price: string;
  supplier_id: number;
  supplier_name: string;
  requisition_id: number;
}

/** A line's value in fen: the contract price (two decimals) times the approved quantity (whole units), exact. */
const lineFen = (l: Candidate) => (fenOf(l.contract_price) ?? 0) * l.approved_qty;
const sumFen = (lines: Candidate[]) => lines.reduce((s, l) => s + lineFen(l), 0);

export const Consolidation = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery({
    queryKey: ['consolidation-candidates'],
    queryFn: () => apiGet<Candidate[]>('/purchase-orders/candidates', { limit: 5000 }),
  });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [created, setCreated] = useState<{ id: number; number: string; supplier_id: number; total_amount: string }[]>([]);
  const groups = useMemo(() => {
    const m = new Map<number, Candidate[]>();
    for (const c of data ?? []) m.set(c.supplier_id, [...(m.get(c.supplier_id) ?? []), c]);
    return [...m.entries()];
  }, [data]);
  const t = (k: string, o?: object) => translate(`procurement.consolidation.${k}`, o);
  if (isPending) return <Loading />;
  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
    setSelected(next);
  };
  const value = sumFen((data ?? []).filter((c) => selected.has(c.id)));
  const create = () =>
    apiPost<{ orders: { id: number; number: string; supplier_id: number; total_amount: string }[] }>('/purchase-orders/consolidate', {
      requisition_line_ids: [...selected],
    })
      .then((r) => {
        setCreated(r.orders);
        setSelected(new Set());
        notify(t('created', { count: r.orders.length }), { type: 'success' });
        return queryClient.invalidateQueries({ queryKey: ['consolidation-candidates'] });
      })
      .catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Box sx={{ p: 2 }}>
      <Title title={t('title')} />
      {created.length ? (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="created-orders">
          {t('created', { count: created.length })}：
          {created.map((o) => (
            <Link key={o.id} component={RouterLink} to={`/purchase-orders/${o.id}/show`} sx={{ mx: 1 }} data-testid={`created-order-${o.supplier_id}`}>
              {o.number}（{yuan(o.total_amount)}）
            </Link>
          ))}
        </Alert>
      ) : null}
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2, position: 'sticky', top: 48, zIndex: 2, bgcolor: 'background.default', py: 1 }}>
        <Button
          onClick={() =>
            toggle(
              (data ?? []).map((c) => c.id),
              selected.size !== (data ?? []).length,
            )
          }
          data-testid="select-all"
        >
          {t('select_all')}
        </Button>
        <Typography data-testid="selection">{t('selected', { count: selected.size, amount: fenYuan(value) })}</Typography>
        <Button variant="contained" disabled={!selected.size} onClick={create} data-testid="create-orders">
          {t('create')}
        </Button>
      </Stack>
      {!groups.length ? <Alert severity="info">{t('empty')}</Alert> : null}
      {groups.map(([supplierId, lines]) => {
        const all = lines.every((l) => selected.has(l.id));
        const some = lines.some((l) => selected.has(l.id));
        return (
          <Card key={supplierId} sx={{ mb: 2 }} data-testid={`supplier-group-${supplierId}`}>
            <CardHeader
              avatar={
                <Checkbox
                  checked={all}
                  indeterminate={some && !all}
                  onChange={(e) =>
                    toggle(
                      lines.map((l) => l.id),
                      e.target.checked,
                    )
                  }
                  slotProps={{ input: { 'aria-label': lines[0].supplier_name } }}
                  data-testid={`supplier-check-${supplierId}`}
                />
              }
              title={lines[0].supplier_name}
              subheader={`${lines.length} · ${fenYuan(sumFen(lines))}`}
            />
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{t('unit')}</TableCell>
                  <TableCell>{t('item')}</TableCell>
                  <TableCell align="right">{t('qty')}</TableCell>
                  <TableCell align="right">{t('price')}</TableCell>
                  <TableCell align="right">{t('value')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lines.slice(0, 200).map((l) => (
                  <TableRow key={l.id} data-testid={`candidate-${l.id}`}>
                    <TableCell padding="checkbox">
                      <Checkbox size="small" checked={selected.has(l.id)} onChange={(e) => toggle([l.id], e.target.checked)} />
                    </TableCell>
                    <TableCell>
                      {l.unit_name}（{l.unit_code}）
                    </TableCell>
                    <TableCell>
                      {l.item_name}{' '}
                      <Typography component="span" variant="caption">
                        {l.item_code}
                      </Typography>
                    </TableCell>
                    <TableCell align="right">
                      {l.approved_qty} {l.uom}
                    </TableCell>
                    <TableCell align="right">{yuan(l.contract_price)}</TableCell>
                    <TableCell align="right">{fenYuan(lineFen(l))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        );
      })}
    </Box>
  );
};
