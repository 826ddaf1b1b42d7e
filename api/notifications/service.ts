// Use-cases of notifications (消息提醒): other domains address them to users inside their own
// transaction; a user lists theirs (unread first) and marks them read. Nobody sees another's.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { scopeByOwner } from '../core/scope';
import { assertCan, type ResourceDef } from '../core/crud';
import { notFound } from '../core/errors';
import * as clock from '../core/clock';
import { Notification } from './model';

export const notificationResource: ResourceDef<Notification> = {
  name: 'notifications',
  model: Notification,
  scope: scopeByOwner('notifications.user_id'),
  list: {
    fields: { kind: 'text', resource: 'text', record_id: 'int', created_at: 'timestamp', read_at: 'timestamp' },
    defaultSort: ['created_at', 'DESC'],
    custom: { unread: 'bool' },
  },
  applyCustom: (qb, custom) => {
    qb.orderByRaw('(notifications.read_at is not null)'); // unread first, whatever the sort
    if (custom.unread === true) qb.whereNull('notifications.read_at');
    if (custom.unread === false) qb.whereNotNull('notifications.read_at');
  },
};

export interface Notice {
  kind: string;
  resource: string;
  record_id: number;
  /** what the message names, rendered by the UI in the user's language */
  data: Record<string, unknown>;
}

/** Addresses `notice` to each user once, inside the caller's transaction (the change it reports). */
export async function notify(trx: Knex.Transaction, userIds: readonly number[], notice: Notice) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const created_at = clock.now();
  await trx('notifications').insert(ids.map((user_id) => ({ user_id, ...notice, data: JSON.stringify(notice.data), created_at })));
}

/** Marks one of the caller's notifications read (again: no change); another user's is a 404. */
export function markRead(actor: Actor, id: number) {
  assertCan(actor, 'notifications', 'mark_read');
  return inTransaction(actor, async (trx, audit) => {
    const [row] = await trx('notifications')
      .where({ id, user_id: actor.id })
      .update({ read_at: trx.raw('coalesce(read_at, ?)', [clock.now()]) })
      .returning<Notification[]>('*');
    if (!row) throw notFound('notifications', id);
    await audit({ action: 'mark_read', resource: 'notifications', recordId: id, after: { read_at: row.read_at } });
    return row;
  });
}

/** Marks every unread notification of the caller read. */
export function markAllRead(actor: Actor) {
  assertCan(actor, 'notifications', 'mark_read');
  return inTransaction(actor, async (trx, audit) => {
    const read = await trx('notifications').where('user_id', actor.id).whereNull('read_at').update({ read_at: clock.now() });
    await audit({ action: 'mark_all_read', resource: 'notifications', after: { read } });
    return { read };
  });
}
