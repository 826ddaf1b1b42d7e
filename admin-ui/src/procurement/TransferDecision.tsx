// The buttons on a requested asset transfer: the group approves or rejects, the requester may
// withdraw; each shown only to who may press it.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiError, apiPost, can } from '../finance/api';
import { storedUser } from '../session';

export const TransferDecision = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [verb, setVerb] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  if (!record || record.status !== 'requested') return null;
  const mine = record.requested_by === storedUser()?.id;
  const verbs = [...(!mine && can('asset-transfers', 'approve') ? ['approve', 'reject'] : []), ...(mine && can('asset-transfers', 'cancel') ? ['cancel'] : [])];
  if (!verbs.length) return null;
  const run = () =>
    apiPost(`/asset-transfers/${record.id}/${verb}`, comment ? { comment } : {})
      .then(() => {
        setVerb(null);
        refresh();
      })
      .catch((e) => notify(apiError(e).message, { type: 'error' }));
  return (
    <Stack direction="row" sx={{ gap: 1 }} onClick={(e) => e.stopPropagation()}>
      {verbs.map((v) => (
        <Button
          key={v}
          size="small"
          variant={v === 'approve' ? 'contained' : 'outlined'}
          color={v === 'approve' ? 'success' : v === 'reject' ? 'error' : 'inherit'}
          onClick={() => setVerb(v)}
          data-testid={`transfer-${v}-${record.id}`}
        >
          {translate(`procurement.transfer.${v}`)}
        </Button>
      ))}
      <Dialog open={!!verb} onClose={() => setVerb(null)} fullWidth maxWidth="xs">
        <DialogTitle>{verb ? translate(`procurement.transfer.${verb}`) : ''}</DialogTitle>
        <DialogContent>
          <TextField
            fullWidth
            multiline
            label={translate('procurement.transfer.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setVerb(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={run} data-testid="transfer-confirm">
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
