// Whether the server answered the last request. navigator.onLine only says a network is there (a
// village's weak signal counts as one); a request that fails for want of network says more.
import { useSyncExternalStore } from 'react';

let reachable = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<() => void>();
const reconnectListeners = new Set<() => void>();

/** Records what the last request found; a return of the network wakes whatever waited for it. */
export function setReachable(ok: boolean) {
  if (ok === reachable) return;
  reachable = ok;
  for (const l of listeners) l();
  if (ok) for (const l of reconnectListeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => setReachable(false));
  window.addEventListener('online', () => setReachable(true));
}

export const isReachable = () => reachable && (typeof navigator === 'undefined' || navigator.onLine);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** Re-renders when the server becomes reachable or unreachable. */
export const useReachable = () => useSyncExternalStore(subscribe, isReachable);

/** Runs `fn` each time the network comes back (the `online` event, or a request that got through again). */
export function onReconnect(fn: () => void) {
  reconnectListeners.add(fn);
  return () => void reconnectListeners.delete(fn);
}
