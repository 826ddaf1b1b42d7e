// "N follow-ups waiting to be sent" with a retry button; shown wherever the village doctor works.
import { Alert, Button } from '@mui/material';
import { useCallback } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { useOutbox, type Rejected } from './outbox';

export const OutboxBanner = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onFlushed = useCallback(
    ({ sent, rejected }: { sent: number; rejected: Rejected[] }) => {
      if (sent) {
        notify('health.form.sent_later', { type: 'success', messageArgs: { n: sent } });
        refresh();
      }
      for (const r of rejected) notify(`${r.label}: ${r.message}`, { type: 'error' });
    },
    [notify, refresh],
  );
  const { pending, flush } = useOutbox(onFlushed);
  if (!pending.length) return null;
  return (
    <Alert
      severity="warning"
      data-testid="outbox-banner"
      sx={{ mb: 1 }}
      action={
        <Button color="inherit" size="small" onClick={() => void flush()}>
          {translate('health.form.retry')}
        </Button>
      }
    >
      {translate('health.form.outbox', { n: pending.length })}
    </Alert>
  );
};
