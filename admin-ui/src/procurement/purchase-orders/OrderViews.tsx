// 采购订单: list, and the order page with its lines and back-references, where the centre
// sends it, records (partial) receipts and delivers the received goods to the members.
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
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  Datagrid,
  Labeled,
  List,
  NumberField,
  ReferenceField,
  SelectField,
  SelectInput,
  SimpleList,
  SimpleShowLayout,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { apiPost, yuan } from '../../finance/api';
import { ORDER_STATUS_CHOICES } from '../choices';
import { storedUser } from '../../session';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import type { PurchaseOrderRecord } from '../records';

const columns: Column<PurchaseOrderRecord>[] = [
  { source: 'number', kind: 'text' },
  { source: 'supplier_id', kind: 'reference', reference: 'suppliers' },
  { source: 'order_date', kind: 'date' },
  { source: 'status', kind: 'choice', choices: ORDER_STATUS_CHOICES },
  { source: 'total_amount', kind: 'money' },
  { source: 'baseline_amount', kind: 'money' },
];

export const OrderList = () => (
  <List
    filters={[<SelectInput key="status" source="status" choices={ORDER_STATUS_CHOICES} alwaysOn />]}
    sort={{ field: 'created_at', order: 'DESC' }}
    actions={<ListActions columns={columns} />}
  >
    {useIsSmall() ? (
      <SimpleList<PurchaseOrderRecord>
        primaryText={(r) => r.number}
        secondaryText={(r) => (
          <>
            <ReferenceField record={r} source="supplier_id" reference="suppliers" link={false} /> · {r.order_date}
          </>
        )}
        tertiaryText={(r) => (
          <>
            {yuan(r.total_amount)} · <SelectField record={r} source="status" choices={ORDER_STATUS_CHOICES} />
          </>
        )}
        linkType="show"
      />
    ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columnFields(columns)}
      </Datagrid>
    )}
  </List>
);

const Actions = () => {
  const record = useRecordContext<PurchaseOrderRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [qty, setQty] = useState<Record<number, string>>({});
  if (!record || !storedUser()?.roles.includes('procurement')) return null;
  const lines = record.lines;
  const t = (k: string) => translate(`procurement.order.${k}`);
  const act = (verb: string, body: object = {}) =>
    apiPost(`/purchase-orders/${record.id}/${verb}`, body)
      .then(() => {
        setOpen(false);
        refresh();
      })
      .catch((e: Error) => notify(e.message, { type: 'error' }));
  const receivable = ['sent', 'partially_received'].includes(record.status);
  const deliverable = ['partially_received', 'received'].includes(record.status) && lines.some((l) => l.received_qty > l.shipped_qty);
  return (
    <Stack direction="row" sx={{ gap: 1, my: 1 }}>
      {record.status === 'draft' ? (
        <Button variant="contained" data-testid="send-order" onClick={() => act('send')}>
          {t('send')}
        </Button>
      ) : null}
      {receivable ? (
        <Button
          variant="contained"
          data-testid="receive-order"
          onClick={() => {
            setQty(Object.fromEntries(lines.map((l) => [l.id, String(l.quantity - l.received_qty)])));
            setOpen(true);
          }}
        >
          {t('receive')}
        </Button>
      ) : null}
      {deliverable ? (
        <Button variant="contained" color="secondary" data-testid="deliver-order" onClick={() => act('deliver')}>
          {t('deliver')}
        </Button>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{t('receive')}</DialogTitle>
        <DialogContent>
          {lines.map((l) => (
            <Stack key={l.id} direction="row" sx={{ gap: 2, alignItems: 'center', mt: 1 }}>
              <Typography sx={{ minWidth: 220 }}>
                {l.item_name}（{t('outstanding')} {l.quantity - l.received_qty}）
              </Typography>
              <MuiTextField
                size="small"
                type="number"
                label={t('quantity')}
                value={qty[l.id] ?? ''}
                onChange={(e) => setQty({ ...qty, [l.id]: e.target.value })}
                slotProps={{ htmlInput: { 'data-testid': `receive-qty-${l.id}`, min: 0 } }}
              />
            </Stack>
          ))}
        </DialogContent>
        <DialogActions>
          <Button
            variant="contained"
            data-testid="confirm-receipt"
            onClick={() =>
              act('receive', { lines: lines.filter((l) => Number(qty[l.id]) > 0).map((l) => ({ purchase_order_line_id: l.id, quantity: Number(qty[l.id]) })) })
            }
          >
            {t('confirm_receipt')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

const Lines = () => {
  const record = useRecordContext<PurchaseOrderRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const t = (k: string) => translate(`procurement.order.${k}`);
  return (
    <Card variant="outlined">
      <CardContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.catalog-items.fields.name')}</TableCell>
              <TableCell align="right">{translate('resources.requisitions.fields.approved_qty')}</TableCell>
              <TableCell align="right">{translate('resources.catalog-items.fields.contract_price')}</TableCell>
              <TableCell align="right">{t('received')}</TableCell>
              <TableCell align="right">{t('shipped')}</TableCell>
              <TableCell>{t('refs')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.lines.map((l) => (
              <TableRow key={l.id} data-testid={`order-line-${l.id}`}>
                <TableCell>
                  {l.item_name}{' '}
                  <Typography component="span" variant="caption">
                    {l.item_code}
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  {l.quantity} {l.uom}
                </TableCell>
                <TableCell align="right">{yuan(l.unit_price)}</TableCell>
                <TableCell align="right" data-testid={`received-${l.id}`}>
                  {l.received_qty}
                </TableCell>
                <TableCell align="right">{l.shipped_qty}</TableCell>
                <TableCell>{l.requisition_lines.map((r) => `${r.unit_name} ${r.approved_qty}`).join('；')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

export const OrderShow = () => (
  <Show>
    <SimpleShowLayout>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <TextField source="number" />
        </Labeled>
        <Labeled>
          <ReferenceField source="supplier_id" reference="suppliers" link={false} />
        </Labeled>
        <Labeled>
          <SelectField source="status" choices={ORDER_STATUS_CHOICES} data-testid="order-status" />
        </Labeled>
        <Labeled>
          <NumberField source="total_amount" options={{ minimumFractionDigits: 2 }} />
        </Labeled>
        <Labeled>
          <NumberField source="baseline_amount" options={{ minimumFractionDigits: 2 }} />
        </Labeled>
      </Box>
      <Actions />
      <Lines />
    </SimpleShowLayout>
  </Show>
);
