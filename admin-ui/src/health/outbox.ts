// Nothing lost on a weak network: a follow-up is written to this phone (localStorage) BEFORE it
// is sent, with its Idempotency-Key; it leaves the outbox only when the server has answered.
// A dropped response, a crash or no network keeps it; it is re-sent with the same key when the
// network is back (the `online` event, every 30 s, or by hand), so the server records it once.
import { useEffect, useState } from 'react';
import { HttpError } from 'react-admin';
import { httpClient } from '../httpClient';

const KEY = 'erp.health.outbox';
const CHANGED = 'erp-health-outbox';

export interface Pending {
  key: string;
  body: Record<string, unknown>;
  /** what the doctor sees in the waiting list: resident and type */
  label: string;
  queued_at: string;
  attempts: number;
}

export interface Rejected {
  label: string;
  message: string;
}

const read = (): Pending[] => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Pending[];
  } catch {
    return [];
  }
};
const write = (items: Pending[]) => {
  localStorage.setItem(KEY, JSON.stringify(items));
  window.dispatchEvent(new Event(CHANGED));
};
const remove = (key: string) => write(read().filter((p) => p.key !== key));

/** A fresh key; randomUUID needs a secure context, so plain-http deployments get a random fallback. */
export const newIdempotencyKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/** Retry later: no network, a timeout, a server or gateway fault, or a lapsed login (never drop data for those). */
export const isRetryable = (e: unknown) =>
  !(e instanceof HttpError) || e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;

async function send(p: Pending) {
  const headers = new Headers({ Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': p.key });
  return (await httpClient('/api/followups', { method: 'POST', body: JSON.stringify(p.body), headers })).json as Record<string, unknown> & { id: number };
}

export type SubmitResult = { status: 'sent'; record: Record<string, unknown> & { id: number } } | { status: 'queued' };

/** Keeps the follow-up locally, then tries to send it. A 4xx (bad input) comes back as the error to show. */
export async function submitFollowup(body: Record<string, unknown>, label: string): Promise<SubmitResult> {
  const p: Pending = { key: newIdempotencyKey(), body, label, queued_at: new Date().toISOString(), attempts: 1 };
  write([...read(), p]);
  try {
    const record = await send(p);
    remove(p.key);
    return { status: 'sent', record };
  } catch (e) {
    if (isRetryable(e)) return { status: 'queued' };
    remove(p.key);
    throw e;
  }
}

let flushing: Promise<{ sent: number; rejected: Rejected[] }> | undefined;

/** Sends what waits, oldest first, each with its own key; stops at the first network failure. */
export function flushOutbox(): Promise<{ sent: number; rejected: Rejected[] }> {
  flushing ??= (async () => {
    let sent = 0;
    const rejected: Rejected[] = [];
    for (const p of read()) {
      try {
        await send(p);
        remove(p.key);
        sent += 1;
      } catch (e) {
        if (isRetryable(e)) {
          write(read().map((x) => (x.key === p.key ? { ...x, attempts: x.attempts + 1 } : x)));
          break;
        }
        // the server refused it for good (e.g. the resident moved away): keep the reason, drop the request
        remove(p.key);
        rejected.push({ label: p.label, message: (e as Error).message });
      }
    }
    return { sent, rejected };
  })().finally(() => {
    flushing = undefined;
  });
  return flushing;
}

/** The waiting follow-ups, kept current; flushes when the network comes back and every 30 s. */
export function useOutbox(onFlushed?: (r: { sent: number; rejected: Rejected[] }) => void) {
  const [pending, setPending] = useState<Pending[]>(read);
  useEffect(() => {
    const refresh = () => setPending(read());
    const flush = () => {
      if (read().length) void flushOutbox().then((r) => (r.sent || r.rejected.length) && onFlushed?.(r));
    };
    window.addEventListener(CHANGED, refresh);
    window.addEventListener('storage', refresh);
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, 30_000);
    flush();
    return () => {
      window.removeEventListener(CHANGED, refresh);
      window.removeEventListener('storage', refresh);
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [onFlushed]);
  return { pending, flush: () => flushOutbox().then((r) => (onFlushed?.(r), r)) };
}
