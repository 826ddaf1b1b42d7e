// The bell in the app bar (消息提醒): the count of unread notices, polled, and the list of the
// latest (unread first); a notice opens the record it is about and is marked read.
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Box, Button, IconButton, List, ListItemButton, ListItemText, Popover, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useGetList, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { httpClient } from '../httpClient';
import { formatTime } from '../shared/time';

interface Notice {
  id: number;
  kind: string;
  resource: string;
  record_id: number;
  data: Record<string, string | number | null> | null;
  created_at: string;
  read_at: string | null;
}

const POLL_MS = 20_000;

/** One notice in the user's language: what happened, and the appointment or the reason when there is one. */
const useNoticeText = () => {
  const translate = useTranslate();
  return (n: Notice) => {
    const data = n.data ?? {};
    const detail = data.reason
      ? translate('notifications.reason', { reason: data.reason })
      : data.appointment_at
        ? translate('notifications.appointment', { time: formatTime(String(data.appointment_at)) })
        : '';
    return { primary: translate(`notifications.kind.${n.kind}`, { ...data, _: n.kind }), detail };
  };
};

const Notices = ({ onOpen, onReadAll }: { onOpen: (n: Notice) => void; onReadAll: () => void }) => {
  const translate = useTranslate();
  const text = useNoticeText();
  const { data, isPending } = useGetList<Notice>('notifications', { pagination: { page: 1, perPage: 20 }, sort: { field: 'created_at', order: 'DESC' } });
  if (isPending) return null;
  return (
    <Box data-testid="notification-list">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
        <Typography variant="subtitle1">{translate('notifications.title')}</Typography>
        {data?.some((n) => !n.read_at) && (
          <Button size="small" onClick={onReadAll}>
            {translate('notifications.read_all')}
          </Button>
        )}
      </Box>
      {!data?.length && (
        <Typography sx={{ px: 2, pb: 2 }} color="text.secondary">
          {translate('notifications.none')}
        </Typography>
      )}
      <List dense disablePadding>
        {data?.map((n) => {
          const { primary, detail } = text(n);
          return (
            <ListItemButton
              key={n.id}
              data-testid="notification-item"
              data-unread={!n.read_at}
              onClick={() => onOpen(n)}
              sx={{ borderLeft: 3, borderColor: n.read_at ? 'transparent' : 'primary.main' }}
            >
              <ListItemText
                primary={primary}
                secondary={[detail, formatTime(n.created_at)].filter(Boolean).join(' · ')}
                slotProps={{ primary: { sx: { fontWeight: n.read_at ? 'normal' : 'bold' } } }}
              />
            </ListItemButton>
          );
        })}
      </List>
    </Box>
  );
};

export const NotificationBell = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'list' });
  const { total = 0, refetch } = useGetList(
    'notifications',
    { filter: { unread: true }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!canAccess, refetchInterval: POLL_MS },
  );
  if (!canAccess) return null;
  const open = async (n: Notice) => {
    setAnchor(null);
    if (!n.read_at) await httpClient(`/api/notifications/${n.id}/read`, { method: 'POST', body: '{}' });
    void refetch();
    void navigate(`/${n.resource}/${n.record_id}/show`);
  };
  const readAll = async () => {
    await httpClient('/api/notifications/read-all', { method: 'POST', body: '{}' });
    refresh();
  };
  const label = translate('notifications.unread', { smart_count: total });
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} data-testid="notification-bell" onClick={(e) => setAnchor(e.currentTarget)}>
          <Badge badgeContent={total} color="error" max={99} data-testid="notification-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        // its width is known before the list loads, so the popover is placed within the window
        slotProps={{ paper: { sx: { width: 400, maxWidth: 'calc(100vw - 32px)' } } }}
      >
        <Notices onOpen={open} onReadAll={readAll} />
      </Popover>
    </>
  );
};
