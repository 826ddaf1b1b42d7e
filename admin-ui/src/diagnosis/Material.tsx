// The material and the timeline of a request or a consultation: the files (opened from the API with
// the caller's token) and the events in their order.
import { Box, Button as MuiButton, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { storedToken } from '../session';
import { formatTime } from '../shared/time';
import type { DxRequestRecord } from './choices';

/** Opens an attachment: fetched with the bearer token, shown from a blob URL. */
const openAttachment = async (resource: string, ownerId: number, id: number) => {
  const res = await fetch(`/api/${resource}/${ownerId}/attachments/${id}`, { headers: { Authorization: `Bearer ${storedToken() ?? ''}` } });
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank');
};

/** The files of a request or a consultation (`resource`), each opened from the API. */
export const Attachments = ({ resource }: { resource: 'diagnosis-requests' | 'diagnosis-consultations' }) => {
  const r = useRecordContext<Pick<DxRequestRecord, 'id' | 'attachments'>>();
  const translate = useTranslate();
  if (!r?.attachments) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('diagnosis.attachments')}</Typography>
        {!r.attachments.length && <Typography color="text.secondary">—</Typography>}
        {r.attachments.map((a) => (
          <Box key={a.id} data-testid="attachment">
            <MuiButton size="small" onClick={() => void openAttachment(resource, r.id, a.id)}>
              {a.filename}
            </MuiButton>
            <Typography component="span" variant="body2" color="text.secondary">
              {a.content_type} · {Math.ceil(a.size / 1024)} KB · {a.uploaded_by_name}
            </Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

/** The events of a request or a consultation, their kinds translated under `diagnosis.<events>.` (red: a return or an escalation). */
export const Timeline = ({ events = 'event' }: { events?: 'event' | 'consultation.event' }) => {
  const r = useRecordContext<Pick<DxRequestRecord, 'events'>>();
  const translate = useTranslate();
  if (!r?.events) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('diagnosis.timeline')}</Typography>
        <Box component="ol" data-testid="dx-timeline" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {r.events.map((e) => (
            <Box
              component="li"
              key={e.id}
              data-testid={`event-${e.kind}`}
              sx={{
                borderLeft: 3,
                borderColor: e.kind === 'escalated' || e.kind === 'returned' || e.kind === 'return' ? 'error.main' : 'primary.main',
                pl: 2,
                pb: 1,
              }}
            >
              <Typography variant="body2">
                <strong>{translate(`diagnosis.${events}.${e.kind}`)}</strong> · {e.actor_name} · {formatTime(e.at)}
              </Typography>
              {e.note && (
                <Typography variant="body2" color="text.secondary">
                  {e.note}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};

/** Uploads a file to a request or a consultation; the API's words when it refuses (413, 415), else null. */
export async function uploadAttachment(resource: 'diagnosis-requests' | 'diagnosis-consultations', id: number, file: File): Promise<string | null> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/${resource}/${id}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${storedToken() ?? ''}` }, body: form });
  if (res.ok) return null;
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? `${res.status}`;
}
