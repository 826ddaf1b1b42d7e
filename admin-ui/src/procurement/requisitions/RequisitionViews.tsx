// 申领单: members' requisitions with ordered / received percentages; the director above
// approves them; a new requisition picks catalogue items and quantities.
import { useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
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
  ArrayInput,
  Labeled,
  AutocompleteInput,
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleForm,
  SimpleList,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { apiPost, can, dropEmpty } from '../../finance/api';
import { REQUISITION_STATUS_CHOICES } from '../choices';
import { storedUser } from '../../session';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import type { CatalogItemRecord, RequisitionRecord } from '../records';

const Pct = ({ source }: { source: 'ordered_pct' | 'received_pct' }) => (
  <FunctionField<RequisitionRecord>
    source={source}
    render={(r) => (
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, minWidth: 120 }} data-testid={`${source}-${r.id}`}>
        <LinearProgress variant="determinate" value={Number(r[source])} sx={{ flex: 1 }} />
        <Typography variant="caption">{r[source]}%</Typography>
      </Stack>
    )}
  />
);

const columns: Column<RequisitionRecord>[] = [
  { source: 'id', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'created_at', kind: 'date' },
  { source: 'status', kind: 'choice', choices: REQUISITION_STATUS_CHOICES },
  { source: 'progress', kind: 'computed', value: (r, translate) => translate(`enums.progress.${r.progress}`) },
  { source: 'ordered_pct', kind: 'computed', value: (r) => `${r.ordered_pct}%` },
  { source: 'received_pct', kind: 'computed', value: (r) => `${r.received_pct}%` },
];
const pctCells = { ordered_pct: <Pct source="ordered_pct" />, received_pct: <Pct source="received_pct" /> };

export const RequisitionList = () => {
  const translate = useTranslate();
  const isSmall = useIsSmall();
  return (
    <List
      filters={[
        <SelectInput key="status" source="status" choices={REQUISITION_STATUS_CHOICES} alwaysOn />,
        <ReferenceInput key="u" source="org_unit_id" reference="org-units" alwaysOn>
          <AutocompleteInput />
        </ReferenceInput>,
      ]}
      sort={{ field: 'created_at', order: 'DESC' }}
      actions={<ListActions columns={columns} />}
    >
      {isSmall ? (
        <SimpleList<RequisitionRecord>
          primaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />}
          secondaryText={(r) => `#${r.id} · ${translate(`enums.progress.${r.progress}`)}`}
          tertiaryText={(r) => `${r.ordered_pct}% / ${r.received_pct}%`}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns, pctCells)}
        </Datagrid>
      )}
    </List>
  );
};

/** The approver sets an approved quantity per line (at most the requested), then approves or rejects with a comment. */
const Decision = () => {
  const record = useRecordContext<RequisitionRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [comment, setComment] = useState('');
  const lines = record?.lines ?? [];
  // the quantities typed for this requisition: each line's requested one until the approver changes it (another requisition starts afresh)
  const [typed, setTyped] = useState<{ recordId: unknown; qty: Record<number, string> } | null>(null);
  const qty: Record<number, string> =
    typed && typed.recordId === record?.id ? typed.qty : Object.fromEntries(lines.map((l) => [l.id, String(l.requested_qty)]));
  const setQty = (next: Record<number, string>) => setTyped({ recordId: record?.id, qty: next });
  if (!record || record.status !== 'submitted' || !can('requisitions', 'approve') || record.requested_by === storedUser()?.id) return null;
  const f = (k: string) => translate(`resources.requisitions.fields.${k}`);
  const bad = lines.some((l) => !/^\d+$/.test(qty[l.id] ?? '') || Number(qty[l.id]) > l.requested_qty);
  const act = (verb: 'approve' | 'reject') =>
    apiPost(
      `/requisitions/${record.id}/${verb}`,
      verb === 'approve' ? { lines: lines.map((l) => ({ id: l.id, approved_qty: Number(qty[l.id]) })), ...(comment ? { comment } : {}) } : { comment },
    )
      .then(() => refresh())
      .catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Card variant="outlined" sx={{ borderColor: 'warning.main' }} data-testid="requisition-decision">
      <CardContent>
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          {translate('procurement.requisition.decide')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('item_id')}</TableCell>
              <TableCell align="right">{f('requested_qty')}</TableCell>
              <TableCell align="right">{f('approved_qty')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell>
                  {l.item_name}{' '}
                  <Typography component="span" variant="caption">
                    {l.uom}
                  </Typography>
                </TableCell>
                <TableCell align="right">{l.requested_qty}</TableCell>
                <TableCell align="right">
                  <MuiTextField
                    size="small"
                    type="number"
                    value={qty[l.id] ?? ''}
                    onChange={(e) => setQty({ ...qty, [l.id]: e.target.value })}
                    error={Number(qty[l.id]) > l.requested_qty}
                    sx={{ width: 100 }}
                    slotProps={{ htmlInput: { min: 0, max: l.requested_qty, 'data-testid': `approved-qty-${l.id}` } }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, mt: 2, alignItems: { sm: 'center' } }}>
          <MuiTextField
            size="small"
            label={translate('finance.request.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            sx={{ flex: 1 }}
          />
          <Button variant="contained" color="success" disabled={bad} data-testid="approve-requisition" onClick={() => act('approve')}>
            {translate('finance.request.approve')}
          </Button>
          <Button variant="outlined" color="error" disabled={!comment.trim()} data-testid="reject-requisition" onClick={() => act('reject')}>
            {translate('finance.request.reject')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

const Lines = () => {
  const record = useRecordContext<RequisitionRecord>();
  const translate = useTranslate();
  const isSmall = useIsSmall();
  if (!record) return null;
  const f = (k: string) => translate(`resources.requisitions.fields.${k}`);
  return (
    <Card variant="outlined">
      <CardContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('item_id')}</TableCell>
              <TableCell align="right">{f('requested_qty')}</TableCell>
              <TableCell align="right">{f('approved_qty')}</TableCell>
              {/* phones: shipped / accepted / rejected in one column, so the table fits the screen */}
              {isSmall ? (
                <TableCell align="right">
                  {['procurement.order.shipped', 'procurement.delivery.accepted', 'procurement.delivery.rejected'].map((k) => translate(k)).join('/')}
                </TableCell>
              ) : (
                <>
                  <TableCell align="right">{translate('procurement.order.shipped')}</TableCell>
                  <TableCell align="right">{translate('procurement.delivery.accepted')}</TableCell>
                  <TableCell align="right">{translate('procurement.delivery.rejected')}</TableCell>
                </>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {record.lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell>
                  {l.item_name}{' '}
                  <Typography component="span" variant="caption">
                    {l.item_code}
                  </Typography>
                </TableCell>
                <TableCell align="right">{l.requested_qty}</TableCell>
                <TableCell align="right" data-testid={`line-approved-${l.id}`}>
                  {l.approved_qty ?? '—'}
                </TableCell>
                {isSmall ? (
                  <TableCell align="right">
                    {l.shipped_qty}/{l.accepted_qty}/{l.rejected_qty}
                  </TableCell>
                ) : (
                  <>
                    <TableCell align="right">{l.shipped_qty}</TableCell>
                    <TableCell align="right">{l.accepted_qty}</TableCell>
                    <TableCell align="right">{l.rejected_qty}</TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

export const RequisitionShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }}>
          <Labeled>
            <TextField source="id" />
          </Labeled>
          <Labeled>
            <ReferenceField source="org_unit_id" reference="org-units" link={false} />
          </Labeled>
          <Labeled>
            <SelectField source="status" choices={REQUISITION_STATUS_CHOICES} />
          </Labeled>
          <Labeled>
            <FunctionField<RequisitionRecord>
              source="progress"
              render={(r) => <span data-testid="progress">{translate(`enums.progress.${r.progress}`)}</span>}
            />
          </Labeled>
          <Labeled>
            <FunctionField<RequisitionRecord> source="ordered_pct" render={(r) => <b data-testid="ordered-pct">{r.ordered_pct}%</b>} />
          </Labeled>
          <Labeled>
            <FunctionField<RequisitionRecord> source="received_pct" render={(r) => <b data-testid="received-pct">{r.received_pct}%</b>} />
          </Labeled>
        </Box>
        <TextField source="note" />
        <Decision />
        <Lines />
      </SimpleShowLayout>
    </Show>
  );
};

export const RequisitionCreate = () => (
  <Create redirect="show" transform={dropEmpty}>
    <SimpleForm defaultValues={{ org_unit_id: storedUser()?.org_unit.id, lines: [{}] }}>
      <ReferenceInput source="org_unit_id" reference="org-units">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TextInput source="note" fullWidth />
      <ArrayInput source="lines">
        <SimpleFormIterator inline>
          <ReferenceInput source="item_id" reference="catalog-items">
            <AutocompleteInput validate={required()} optionText={(i: CatalogItemRecord) => `${i.name} ${i.spec ?? ''}（${i.uom}）`} />
          </ReferenceInput>
          <NumberInput source="requested_qty" validate={required()} min={1} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Create>
);
