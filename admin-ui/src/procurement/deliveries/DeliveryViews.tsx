// 配送单: deliveries to the members; at the member the director confirms with proof —
// per line accepted + rejected = shipped, a reason for every rejection.
import { useState } from 'react';
import { Box, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Datagrid,
  Labeled,
  DateField,
  List,
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
import { apiPost } from '../../finance/api';
import { DELIVERY_STATUS_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import type { DeliveryRecord } from '../records';

const columns: Column<DeliveryRecord>[] = [
  { source: 'id', kind: 'text' },
  { source: 'purchase_order_id', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'shipped_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: DELIVERY_STATUS_CHOICES },
  { source: 'received_by_name', kind: 'text' },
];

export const DeliveryList = () => (
  <List
    filters={[<SelectInput key="status" source="status" choices={DELIVERY_STATUS_CHOICES} alwaysOn />]}
    sort={{ field: 'shipped_on', order: 'DESC' }}
    actions={<ListActions columns={columns} />}
  >
    {useIsSmall() ? (
      <SimpleList<DeliveryRecord>
        primaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />}
        secondaryText={(r) => `#${r.id} · ${r.shipped_on}${r.received_by_name ? ` · ${r.received_by_name}` : ''}`}
        tertiaryText={(r) => <SelectField record={r} source="status" choices={DELIVERY_STATUS_CHOICES} />}
        linkType="show"
      />
    ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columnFields(columns)}
      </Datagrid>
    )}
  </List>
);

/** What the receiver types for a line: the quantities accepted and rejected, and why. */
type LineEntry = { accepted: string; rejected: string; reason: string };

const Confirm = () => {
  const record = useRecordContext<DeliveryRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const lines = record?.lines ?? [];
  // the quantities typed for this delivery: each line as shipped until the user changes it (another delivery starts afresh)
  const [typed, setTyped] = useState<{ recordId: unknown; values: Record<number, LineEntry> } | null>(null);
  const values: Record<number, LineEntry> =
    typed && typed.recordId === record?.id
      ? typed.values
      : Object.fromEntries(lines.map((l) => [l.id, { accepted: String(l.shipped_qty), rejected: '0', reason: '' }]));
  const setValues = (next: Record<number, LineEntry>) => setTyped({ recordId: record?.id, values: next });
  const [signer, setSigner] = useState('');
  const [proof, setProof] = useState('');
  if (!record) return null;
  const t = (k: string) => translate(`procurement.delivery.${k}`);
  const shipped = record.status === 'shipped';
  const set = (id: number, k: 'accepted' | 'rejected' | 'reason', v: string) => {
    const cur = values[id];
    const line = lines.find((l) => l.id === id)!;
    const next = { ...cur, [k]: v };
    // keep accepted + rejected = shipped as the user types the rejected quantity
    if (k === 'rejected') next.accepted = String(Math.max(0, line.shipped_qty - Number(v || 0)));
    setValues({ ...values, [id]: next });
  };
  const submit = () =>
    apiPost(`/deliveries/${record.id}/confirm`, {
      received_by_name: signer,
      proof_note: proof || undefined,
      lines: lines.map((l) => ({
        id: l.id,
        accepted_qty: Number(values[l.id].accepted),
        rejected_qty: Number(values[l.id].rejected),
        rejection_reason: values[l.id].reason || null,
      })),
    })
      .then(() => refresh())
      .catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Card variant="outlined">
      <CardContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.catalog-items.fields.name')}</TableCell>
              <TableCell align="right">{t('shipped')}</TableCell>
              <TableCell align="right">{t('accepted')}</TableCell>
              <TableCell align="right">{t('rejected')}</TableCell>
              <TableCell>{t('reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.id} data-testid={`delivery-line-${l.id}`}>
                <TableCell>
                  {l.item_name}{' '}
                  <Typography component="span" variant="caption">
                    {l.item_code}
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  {l.shipped_qty} {l.uom}
                </TableCell>
                {shipped && values[l.id] ? (
                  <>
                    <TableCell align="right">
                      <MuiTextField
                        size="small"
                        type="number"
                        value={values[l.id].accepted}
                        onChange={(e) => set(l.id, 'accepted', e.target.value)}
                        slotProps={{ htmlInput: { 'data-testid': `accepted-${l.id}`, min: 0 } }}
                        sx={{ width: 90 }}
                      />
                    </TableCell>
                    <TableCell align="right">
                      <MuiTextField
                        size="small"
                        type="number"
                        value={values[l.id].rejected}
                        onChange={(e) => set(l.id, 'rejected', e.target.value)}
                        slotProps={{ htmlInput: { 'data-testid': `rejected-${l.id}`, min: 0 } }}
                        sx={{ width: 90 }}
                      />
                    </TableCell>
                    <TableCell>
                      <MuiTextField
                        size="small"
                        value={values[l.id].reason}
                        onChange={(e) => set(l.id, 'reason', e.target.value)}
                        slotProps={{ htmlInput: { 'data-testid': `reason-${l.id}` } }}
                      />
                    </TableCell>
                  </>
                ) : (
                  <>
                    <TableCell align="right" data-testid={`accepted-${l.id}`}>
                      {l.accepted_qty}
                    </TableCell>
                    <TableCell align="right">{l.rejected_qty}</TableCell>
                    <TableCell>{l.rejection_reason}</TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {shipped ? (
          <Stack direction="row" sx={{ gap: 2, mt: 2, alignItems: 'center' }}>
            <MuiTextField
              size="small"
              label={t('received_by_name')}
              value={signer}
              onChange={(e) => setSigner(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'received-by' } }}
            />
            <MuiTextField size="small" label={t('proof_note')} value={proof} onChange={(e) => setProof(e.target.value)} />
            <Button variant="contained" onClick={submit} disabled={!signer} data-testid="confirm-delivery">
              {t('confirm')}
            </Button>
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
};

export const DeliveryShow = () => (
  <Show>
    <SimpleShowLayout>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <TextField source="id" />
        </Labeled>
        <Labeled>
          <TextField source="purchase_order_id" />
        </Labeled>
        <Labeled>
          <ReferenceField source="org_unit_id" reference="org-units" link={false} />
        </Labeled>
        <Labeled>
          <DateField source="shipped_on" />
        </Labeled>
        <Labeled>
          <SelectField source="status" choices={DELIVERY_STATUS_CHOICES} />
        </Labeled>
        <Labeled>
          <TextField source="received_by_name" />
        </Labeled>
        <Labeled>
          <TextField source="proof_note" />
        </Labeled>
      </Box>
      <Confirm />
    </SimpleShowLayout>
  </Show>
);
