// The health domain's background work from app start (registry `start`): the village copy is
// answerable offline; the outbox is sent at start (also after the phone was switched off), when the
// network comes back and every 30 s; the copy is taken again after visits were recorded and when
// it has grown old. At start the copy waits until the first screen has its data: on a village's
// weak link its pages of tasks and residents would otherwise come before the screen's own reads.
import { onReconnect, isReachable } from '../shared/offline';
import { queriesBusy } from '../shared/fullRecord';
import { whenQuiet } from '../shared/lazyScreens';
import { storedToken } from '../session';
import { FOLLOWUP_SENT, flushOutbox, pendingFollowups } from './outbox';
import { ensureVillageCopy, keepVillageOffline, syncVillage } from './village';

const RETRY_MS = 30_000;

let started = false;

/** Sends what waits, then refreshes the copy (the server's tasks changed with the visits). */
async function catchUp() {
  if (!storedToken()) return;
  if (pendingFollowups().length) await flushOutbox();
  await ensureVillageCopy();
}

export function startHealthSync() {
  if (started) return;
  started = true;
  keepVillageOffline();
  let refresh: number | undefined;
  // visits recorded: the copy's tasks are stale — taken again once the burst is over
  window.addEventListener(FOLLOWUP_SENT, () => {
    window.clearTimeout(refresh);
    refresh = window.setTimeout(() => void syncVillage(), 1500);
  });
  onReconnect(() => void catchUp()); // the `online` event, or a request that got through again
  window.setInterval(() => {
    if (pendingFollowups().length || isReachable()) void catchUp();
  }, RETRY_MS);
  if (pendingFollowups().length) void flushOutbox();
  void whenQuiet(queriesBusy, 1000).then(catchUp);
}
