// A fixed asset with the buttons its state and the user's rights allow: group approval of a
// purchase above the threshold, offer on the idle market / withdraw, dispose; and its transfer
// history (each request, decision and comment).
import { useState } from 'react';
import { Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  Labeled,
  NumberField,
  ReferenceField,
  RecordContextProvider,
  ReferenceManyField,
  SelectField,
  SimpleShowLayout,
  TextField,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../shared/fullRecord';
import { apiError, apiPost, can } from '../finance/api';
import { ASSET_CATEGORY_CHOICES, ASSET_STATUS_CHOICES, TRANSFER_STATUS_CHOICES } from './choices';
import { TransferDecision } from './TransferDecision';
import { useIsSmall } from '../shared/useIsSmall';
import type { AssetTransferRecord } from './records';

const VERBS: { verb: 'approve' | 'offer' | 'withdraw' | 'dispose'; from: string; color: 'success' | 'primary' | 'inherit' | 'error' }[] = [
  { verb: 'approve', from: 'pending_approval', color: 'success' },
  { verb: 'offer', from: 'in_use', color: 'primary' },
  { verb: 'withdraw', from: 'idle', color: 'inherit' },
  { verb: 'dispose', from: 'in_use', color: 'error' },
];

const AssetActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [verb, setVerb] = useState<string | null>(null);
  const [note, setNote] = useState('');
  if (!record) return null;
  const shown = VERBS.filter((v) => (v.from === record.status || (v.verb === 'dispose' && record.status === 'idle')) && can('assets', v.verb));
  const run = () =>
    apiPost(`/assets/${record.id}/${verb}`, note ? { note } : {})
      .then(() => {
        setVerb(null);
        setNote('');
        refresh();
      })
      .catch((e) => notify(apiError(e).message, { type: 'error' }));
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {shown.map((v) => (
        <Button
          key={v.verb}
          variant={v.verb === 'dispose' ? 'outlined' : 'contained'}
          color={v.color}
          onClick={() => setVerb(v.verb)}
          data-testid={`asset-${v.verb}`}
        >
          {translate(`procurement.asset.${v.verb}`)}
        </Button>
      ))}
      <Dialog open={!!verb} onClose={() => setVerb(null)} fullWidth maxWidth="xs">
        <DialogTitle>
          {verb ? translate(`procurement.asset.${verb}`) : ''}：{record.name}
        </DialogTitle>
        <DialogContent>
          <MuiTextField
            fullWidth
            multiline
            label={translate('resources.assets.fields.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setVerb(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={run} data-testid="asset-confirm">
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

/** Phones: each transfer as a card (who, why, decision) with its buttons, instead of a wide table. */
const TransferCards = () => {
  const { data } = useListContext<AssetTransferRecord>();
  const translate = useTranslate();
  return (
    <Stack sx={{ gap: 1 }}>
      {(data ?? []).map((t) => (
        <RecordContextProvider key={t.id} value={t}>
          <Card variant="outlined" data-testid={`transfer-${t.id}`}>
            <CardContent>
              <Typography variant="body2">
                {t.from_unit_name} → {t.to_unit_name}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {new Date(t.created_at).toLocaleString('zh-CN')} · <SelectField source="status" choices={TRANSFER_STATUS_CHOICES} />
              </Typography>
              <Typography variant="body2">{t.reason}</Typography>
              {t.decision_comment ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('resources.asset-transfers.fields.decision_comment')}：{t.decision_comment}
                </Typography>
              ) : null}
              <Box sx={{ mt: 1 }}>
                <TransferDecision />
              </Box>
            </CardContent>
          </Card>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

export const AssetShow = () => {
  const isSmall = useIsSmall();
  return (
    <Show>
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled>
            <TextField source="code" />
          </Labeled>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <Labeled>
            <SelectField source="category" choices={ASSET_CATEGORY_CHOICES} />
          </Labeled>
          <Labeled>
            <ReferenceField source="org_unit_id" reference="org-units" link={false} />
          </Labeled>
          <Labeled>
            <NumberField source="value" options={{ minimumFractionDigits: 2 }} />
          </Labeled>
          <Labeled>
            <DateField source="acquired_on" />
          </Labeled>
          <Labeled>
            <SelectField source="status" choices={ASSET_STATUS_CHOICES} data-testid="asset-status" />
          </Labeled>
        </Box>
        <TextField source="note" />
        <AssetActions />
        <ReferenceManyField reference="asset-transfers" target="asset_id" label="procurement.asset.history" sort={{ field: 'created_at', order: 'DESC' }}>
          {isSmall ? (
            <TransferCards />
          ) : (
            <Datagrid bulkActionButtons={false} empty={<></>}>
              <DateField source="created_at" showTime />
              <TextField source="from_unit_name" label="resources.asset-transfers.fields.from_org_unit_id" sortBy="from_org_unit_id" />
              <TextField source="to_unit_name" label="resources.asset-transfers.fields.to_org_unit_id" sortBy="to_org_unit_id" />
              <TextField source="reason" />
              <SelectField source="status" choices={TRANSFER_STATUS_CHOICES} />
              <TextField source="decision_comment" />
              <TransferDecision />
            </Datagrid>
          )}
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
};
