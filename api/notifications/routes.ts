import { z } from 'zod';
import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, parse } from '../http/validate';
import { markAllRead, markRead, notificationResource } from './service';

const noBody = z.strictObject({});

export const notificationRoutes = new ApiRouter('/notifications', 'notifications')
  .post('/read-all', { summary: 'Mark all your notifications read', body: noBody }, (req) => {
    parse(noBody, req.body ?? {});
    return markAllRead(req.actor);
  })
  .post('/:id/read', { summary: 'Mark one of your notifications read', body: noBody }, (req) => {
    parse(noBody, req.body ?? {});
    return markRead(req.actor, idParam(req.params.id));
  });
// your own notifications only, unread first (filter unread=true for the bell's count)
mountCrud(notificationRoutes, notificationResource, { label: 'your notifications (unread first)', readOnly: true });
