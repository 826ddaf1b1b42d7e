// Nothing lost on a weak network: a follow-up is written to this phone (localStorage, which
// survives closing the app and switching the phone off) BEFORE it is sent, with its
// Idempotency-Key (the entry's key); it leaves the outbox only when the server has answered. A
// dropped response, a crash or no network keeps it; it is re-sent with the same key when the
// network is back, when the app starts, every 30 s or by hand (sync.ts), so the server records it
// once. What was sent later is kept in a short log with the classification the server gave it,
// for the sync line (OutboxBanner) and the saved form to show.
import { useSyncExternalStore } from 'react';
import { HttpError } from 'react-admin';
import { httpClient, withTimeout } from '../httpClient';
import { storedUser } from '../session';

const KEY = 'erp.health.outbox';
const SENT_KEY = 'erp.health.outbox.sent';
const CHANGED = 'erp-health-outbox';
/** Dispatched on window whenever the server recorded a visit (now or from the outbox). */
export const FOLLOWUP_SENT = 'erp-health-followup-sent';
const SENT_KEPT = 20;
const SEND_TIMEOUT_MS = 30_000;

export interface Pending {
  key: string;
  body: Record<string, unknown>;
  /** what the doctor sees in the waiting list: resident and type */
  label: string;
  queued_at: string;
  attempts: number;
  /** who saved it: only their login sends it */
  user?: string;
}

/** A visit the outbox sent (or the server refused for good), as the sync line lists it. */
export interface SentVisit {
  key: string;
  label: string;
  sent_at: string;
  id?: number;
  classification?: string | null;
  advice?: string | null;
  task_done?: boolean;
  /** the server's reason, when it refused the visit (e.g. the resident moved away) */
  error?: string;
  user?: string;
  /** the doctor has read it ("知道了"): off the sync line, still known to the saved form */
  seen?: boolean;
}

export interface Rejected {
  label: string;
  message: string;
}

type SavedFollowup = Record<string, unknown> & { id: number; classification?: string | null; advice?: string | null; task?: { state: string } | null };

const parse = <T>(key: string): T[] => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '[]') as T[];
  } catch {
    return [];
  }
};
const read = () => parse<Pending>(KEY);
const readSent = () => parse<SentVisit>(SENT_KEY);
const changed = () => window.dispatchEvent(new Event(CHANGED));
const write = (items: Pending[]) => {
  localStorage.setItem(KEY, JSON.stringify(items));
  changed();
};
const remove = (key: string) => write(read().filter((p) => p.key !== key));
const logSent = (s: SentVisit) => {
  localStorage.setItem(SENT_KEY, JSON.stringify([s, ...readSent().filter((x) => x.key !== s.key)].slice(0, SENT_KEPT)));
  changed();
};

const me = () => storedUser()?.username;
const mine = <T extends { user?: string }>(items: T[]) => items.filter((p) => p.user === undefined || p.user === me());

/** A fresh key; randomUUID needs a secure context, so plain-http deployments get a random fallback. */
export const newIdempotencyKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/** Retry later: no network, a timeout, a server or gateway fault, or a lapsed login (never drop data for those). */
export const isRetryable = (e: unknown) =>
  !(e instanceof HttpError) || e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;

async function send(p: Pending) {
  const headers = new Headers({ Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': p.key });
  // a request that hangs on a weak network is given up after a while and sent again with the same key
  const record = (
    await httpClient('/api/followups', { method: 'POST', body: JSON.stringify(p.body), headers, signal: withTimeout(undefined, SEND_TIMEOUT_MS) })
  ).json as SavedFollowup;
  window.dispatchEvent(new Event(FOLLOWUP_SENT));
  return record;
}

export type SubmitResult = { status: 'sent'; record: SavedFollowup } | { status: 'queued'; key: string };

/** Keeps the follow-up locally, then tries to send it. A 4xx (bad input) comes back as the error to show. */
export async function submitFollowup(body: Record<string, unknown>, label: string): Promise<SubmitResult> {
  const p: Pending = { key: newIdempotencyKey(), body, label, queued_at: new Date().toISOString(), attempts: 1, user: me() };
  write([...read(), p]);
  try {
    const record = await send(p);
    remove(p.key);
    return { status: 'sent', record };
  } catch (e) {
    if (isRetryable(e)) return { status: 'queued', key: p.key };
    remove(p.key);
    throw e;
  }
}

/**
 * Keeps visits to be sent later, each its own entry with its own key (a household visit with no
 * network: a follow-up per member, as if each had been saved alone). Returns their keys.
 */
export function queueFollowups(visits: readonly { body: Record<string, unknown>; label: string }[]): string[] {
  const queued_at = new Date().toISOString();
  const entries: Pending[] = visits.map((v) => ({ key: newIdempotencyKey(), body: v.body, label: v.label, queued_at, attempts: 0, user: me() }));
  write([...read(), ...entries]);
  return entries.map((p) => p.key);
}

let flushing: Promise<{ sent: number; rejected: Rejected[] }> | undefined;

/** Sends what waits (the logged-in user's), oldest first, each with its own key; stops at the first network failure. */
export function flushOutbox(): Promise<{ sent: number; rejected: Rejected[] }> {
  flushing ??= (async () => {
    let sent = 0;
    const rejected: Rejected[] = [];
    for (const p of mine(read())) {
      try {
        const record = await send(p);
        remove(p.key);
        logSent({
          key: p.key,
          label: p.label,
          user: p.user,
          sent_at: new Date().toISOString(),
          id: record.id,
          classification: record.classification ?? null,
          advice: record.advice ?? null,
          task_done: record.task?.state === 'done',
        });
        sent += 1;
      } catch (e) {
        if (isRetryable(e)) {
          write(read().map((x) => (x.key === p.key ? { ...x, attempts: x.attempts + 1 } : x)));
          break;
        }
        // the server refused it for good (e.g. the resident moved away): keep the reason, drop the request
        remove(p.key);
        logSent({ key: p.key, label: p.label, user: p.user, sent_at: new Date().toISOString(), error: (e as Error).message });
        rejected.push({ label: p.label, message: (e as Error).message });
      }
    }
    return { sent, rejected };
  })().finally(() => {
    flushing = undefined;
  });
  return flushing;
}

/** The logged-in user's waiting follow-ups. */
export const pendingFollowups = () => mine(read());

/** Takes what was sent off the sync line ("知道了"). */
export function dismissSent() {
  localStorage.setItem(SENT_KEY, JSON.stringify(readSent().map((s) => (s.user === undefined || s.user === me() ? { ...s, seen: true } : s))));
  changed();
}

// one snapshot per change, so that React sees a stable value between changes
let snapshot: { pending: Pending[]; sent: SentVisit[] } | undefined;
const subscribe = (l: () => void) => {
  const refresh = () => {
    snapshot = undefined;
    l();
  };
  window.addEventListener(CHANGED, refresh);
  window.addEventListener('storage', refresh);
  return () => {
    window.removeEventListener(CHANGED, refresh);
    window.removeEventListener('storage', refresh);
  };
};
const current = () => (snapshot ??= { pending: mine(read()), sent: mine(readSent()) });

/** What waits and what was sent, kept current. */
export function useOutbox() {
  const { pending, sent } = useSyncExternalStore(subscribe, current);
  return { pending, sent, flush: flushOutbox };
}

/** The outbox's record of one queued visit once sent (or refused), for the saved form to show. */
export function useSentVisit(key: string | undefined): SentVisit | undefined {
  const { sent } = useOutbox();
  return key ? sent.find((s) => s.key === key) : undefined;
}
