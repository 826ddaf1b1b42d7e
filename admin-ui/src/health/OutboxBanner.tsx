// The sync line, wherever the village doctor works (home, my tasks, the follow-up form): when the
// village's data was last taken ("同步于 HH:mm", and 离线 without network), the follow-ups waiting
// to be sent (with a retry button), and those the outbox sent since, each with the
// classification the server gave it (or the server's reason for refusing it).
import { Alert, AlertTitle, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import { useEffect, useRef } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { useReachable } from '../shared/offline';
import { formatTime, shanghaiDate } from '../shared/time';
import { dismissSent, useOutbox, type SentVisit } from './outbox';
import { refusalText } from './problems';
import { ensureVillageCopy, keepsVillageCopy, useVillageCopyState } from './village';

/** "14:32" today, "12-05 14:32" on another day (Asia/Shanghai). */
export const syncTime = (at: string) =>
  shanghaiDate(at) === shanghaiDate()
    ? formatTime(at, { hour: '2-digit', minute: '2-digit', hour12: false })
    : `${shanghaiDate(at).slice(5)} ${formatTime(at, { hour: '2-digit', minute: '2-digit', hour12: false })}`;

/** A sent visit's outcome as the server classified it (or its reason for refusing it). */
export const SentOutcome = ({ visit }: { visit: Pick<SentVisit, 'classification' | 'advice' | 'task_done' | 'error' | 'refusal'> }) => {
  const translate = useTranslate();
  if (visit.error)
    return (
      <Chip
        size="small"
        color="error"
        variant="outlined"
        data-testid="sent-refusal"
        label={visit.refusal ? refusalText(translate, visit.refusal) : translate('health.sync.refused', { reason: visit.error })}
      />
    );
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {visit.classification && (
        <Chip
          size="small"
          data-testid="sent-classification"
          color={visit.classification === 'controlled' ? 'success' : 'error'}
          label={translate(`enums.classification.${visit.classification}`)}
        />
      )}
      {visit.advice && <Chip size="small" variant="outlined" color="warning" label={translate(`enums.advice.${visit.advice}`)} />}
      {visit.task_done && <Chip size="small" variant="outlined" color="primary" label={translate('health.form.task_done')} />}
      {!visit.classification && !visit.advice && !visit.task_done && <Chip size="small" color="success" label={translate('health.form.saved')} />}
    </Stack>
  );
};

/** 同步于 HH:mm / 离线 / 正在同步 — for the logins that keep a copy of their village. */
const SyncStatus = () => {
  const translate = useTranslate();
  const online = useReachable();
  const { at, syncing, failed } = useVillageCopyState();
  if (!keepsVillageCopy() && online) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1, minHeight: 28 }} data-testid="sync-status" data-online={online ? 'true' : 'false'}>
      {!online && <Chip size="small" icon={<CloudOffIcon />} label={translate('health.sync.offline')} data-testid="sync-offline" />}
      <Typography variant="caption" color={failed ? 'error' : 'text.secondary'} data-testid={at ? 'synced-at' : undefined} data-at={at ?? ''}>
        {at ? translate('health.sync.synced_at', { time: syncTime(at) }) : keepsVillageCopy() ? translate('health.sync.never') : ''}
      </Typography>
      {syncing && <CircularProgress size={12} />}
    </Stack>
  );
};

export const OutboxBanner = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { pending, sent, flush } = useOutbox();
  const fresh = sent.filter((s) => !s.seen);
  // visits sent from the outbox change the lists behind this screen: read them again, once per batch
  const lastSent = useRef(sent[0]?.key);
  useEffect(() => {
    if (!sent[0] || sent[0].key === lastSent.current) return;
    lastSent.current = sent[0].key;
    notify('health.form.sent_later', { type: 'success', messageArgs: { n: fresh.length } });
    refresh();
  }, [sent, fresh.length, notify, refresh]);
  useEffect(() => void ensureVillageCopy(), []);
  return (
    <Box data-testid="sync-line" sx={{ mb: 1 }}>
      <SyncStatus />
      {pending.length > 0 && (
        <Alert
          severity="warning"
          data-testid="outbox-banner"
          sx={{ mt: 0.5 }}
          action={
            <Button color="inherit" size="small" onClick={() => void flush()}>
              {translate('health.form.retry')}
            </Button>
          }
        >
          {translate('health.form.outbox', { n: pending.length })}
          {pending.map((p) => (
            <Typography key={p.key} variant="caption" component="div" data-testid="outbox-item">
              {p.label} · {translate('health.sync.saved_at', { time: syncTime(p.queued_at) })}
            </Typography>
          ))}
        </Alert>
      )}
      {fresh.length > 0 && (
        <Alert
          severity={fresh.some((s) => s.error) ? 'error' : 'success'}
          data-testid="outbox-sent"
          sx={{ mt: 0.5 }}
          action={
            <Button color="inherit" size="small" onClick={dismissSent}>
              {translate('health.sync.dismiss')}
            </Button>
          }
        >
          <AlertTitle>{translate('health.sync.sent', { n: fresh.length })}</AlertTitle>
          <Stack spacing={0.75}>
            {fresh.map((s) => (
              <Box key={s.key} data-testid={`sent-${s.key}`}>
                <Typography variant="body2">
                  {s.label} · {syncTime(s.sent_at)}
                </Typography>
                <SentOutcome visit={s} />
              </Box>
            ))}
          </Stack>
        </Alert>
      )}
    </Box>
  );
};
