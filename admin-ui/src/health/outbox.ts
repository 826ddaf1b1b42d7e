// Nothing lost on a weak network: a follow-up is written to this phone (localStorage, which
// survives closing the app and switching the phone off) BEFORE it is sent, with its
// Idempotency-Key (the entry's key); it leaves the outbox only when the server has answered. A
// dropped response, a crash or no network keeps it; it is re-sent with the same key when the
// network is back, when the app starts, every 30 s or by hand (sync.ts), so the server records it
// once. What was sent later is kept in a short log with the classification the server gave it,
// for the sync line (OutboxBanner) and the saved form to show. A household visit is an entry per
// member (each its own key and label, all written before the first is sent): the server refusing
// one member (moved away, deregistered since the phone's copy) drops that member's entry alone,
// with its reason; the other members' visits are recorded.
import { useSyncExternalStore } from 'react';
import { HttpError } from 'react-admin';
import { httpClient, withTimeout } from '../httpClient';
import { storedUser } from '../session';
import { refusalOf, type Refusal } from './problems';

const KEY = 'erp.health.outbox';
const SENT_KEY = 'erp.health.outbox.sent';
const CHANGED = 'erp-health-outbox';
/** Dispatched on window whenever the server recorded a visit (now or from the outbox). */
export const FOLLOWUP_SENT = 'erp-health-followup-sent';
const SENT_KEPT = 20;
const SEND_TIMEOUT_MS = 30_000;

export interface Pending {
  key: string;
  /** where it is posted: /api/followups unless said */
  url?: string;
  body: Record<string, unknown>;
  /**
   * an entry written by an earlier version (a whole household visit to /api/households/:id/visits,
   * all members or none): each member's visit in the order of body.visits, as the sync line lists it
   */
  members?: { label: string; task_id: string }[];
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
  /** the server's reason, when it refused the visit (e.g. the resident moved away): its English message, for the log */
  error?: string;
  /** the refusal as the screen says it (problems.ts refusalText) */
  refusal?: Refusal;
  user?: string;
  /** the doctor has read it ("知道了"): off the sync line, still known to the saved form */
  seen?: boolean;
}

export interface Rejected {
  label: string;
  message: string;
}

type SavedFollowup = Record<string, unknown> & { id: number; classification?: string | null; advice?: string | null; task?: { state: string } | null };
/** The server's answer to an earlier version's household visit: a follow-up per member. */
type SavedHousehold = { visits: SavedFollowup[] };

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
const logSent = (...s: SentVisit[]) => {
  const keys = new Set(s.map((x) => x.key));
  localStorage.setItem(SENT_KEY, JSON.stringify([...s, ...readSent().filter((x) => !keys.has(x.key))].slice(0, SENT_KEPT)));
  changed();
};

/** What the server answered, as the sync line lists it: one line a follow-up (a line per member of an earlier version's household visit). */
function outcomes(p: Pending, answer: unknown): SentVisit[] {
  const sent_at = new Date().toISOString();
  const line = (key: string, label: string, r: SavedFollowup): SentVisit => ({
    key,
    label,
    user: p.user,
    sent_at,
    id: r.id,
    classification: r.classification ?? null,
    advice: r.advice ?? null,
    task_done: r.task?.state === 'done',
  });
  if (p.members) return (answer as SavedHousehold).visits.map((v, i) => line(`${p.key}#${i}`, p.members?.[i]?.label ?? p.label, v));
  return [line(p.key, p.label, answer as SavedFollowup)];
}

const me = () => storedUser()?.username;
const mine = <T extends { user?: string }>(items: T[]) => items.filter((p) => p.user === undefined || p.user === me());

/** A fresh key; randomUUID needs a secure context, so plain-http deployments get a random fallback. */
export const newIdempotencyKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/** Retry later: no network, a timeout, a server or gateway fault, or a lapsed login (never drop data for those). */
export const isRetryable = (e: unknown) =>
  !(e instanceof HttpError) || e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;

async function send(p: Pending): Promise<unknown> {
  const headers = new Headers({ Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': p.key });
  // a request that hangs on a weak network is given up after a while and sent again with the same key
  const { json } = await httpClient(p.url ?? '/api/followups', {
    method: 'POST',
    body: JSON.stringify(p.body),
    headers,
    signal: withTimeout(undefined, SEND_TIMEOUT_MS),
  });
  window.dispatchEvent(new Event(FOLLOWUP_SENT));
  return json;
}

export type SubmitResult<R = SavedFollowup> = { status: 'sent'; record: R } | { status: 'queued'; key: string };

/** Entries being sent by a save on screen: the outbox's own round leaves them to it. */
const inFlight = new Set<string>();

type Attempt = { status: 'sent'; answer: unknown } | { status: 'queued' } | { status: 'refused'; error: unknown };

/** Sends one entry: out of the outbox once answered or refused for good; kept (one attempt more) when no answer came. */
async function attempt(p: Pending): Promise<Attempt> {
  inFlight.add(p.key);
  try {
    const answer = await send(p);
    remove(p.key);
    return { status: 'sent', answer };
  } catch (error) {
    if (isRetryable(error)) {
      write(read().map((x) => (x.key === p.key ? { ...x, attempts: x.attempts + 1 } : x)));
      return { status: 'queued' };
    }
    remove(p.key);
    return { status: 'refused', error };
  } finally {
    inFlight.delete(p.key);
  }
}

type Entry = Pick<Pending, 'body' | 'label'>;
const pending = (entry: Entry): Pending => ({ ...entry, key: newIdempotencyKey(), queued_at: new Date().toISOString(), attempts: 0, user: me() });

/**
 * Keeps the follow-up locally, then tries to send it: 'sent' with the server's answer, or 'queued'
 * (it stays, to be re-sent with its key). A 4xx (bad input) takes it out and comes back as the error to show.
 */
export async function submitFollowup(body: Record<string, unknown>, label: string): Promise<SubmitResult> {
  const p = pending({ body, label });
  write([...read(), p]);
  const a = await attempt(p);
  if (a.status === 'refused') throw a.error;
  return a.status === 'sent' ? { status: 'sent', record: a.answer as SavedFollowup } : { status: 'queued', key: p.key };
}

/** One member's visit of a household visit, as the save left it. */
export type MemberOutcome =
  | { key: string; status: 'sent'; record: SavedFollowup }
  | { key: string; status: 'queued' }
  | { key: string; status: 'refused'; error: string; refusal?: Refusal };

/**
 * One household visit: a follow-up per member, each its own entry (its key, its label with the
 * member's name), all written to the phone before the first is sent; then, unless there is no
 * network, sent one by one. A member the server refuses is dropped alone (its reason returned);
 * once one gets no answer the rest wait too, and every waiting one is re-sent with its key.
 */
export async function submitHouseholdVisit(visits: Entry[], sendNow: boolean): Promise<MemberOutcome[]> {
  const entries = visits.map(pending);
  write([...read(), ...entries]);
  const outcomes: MemberOutcome[] = [];
  let reachable = sendNow;
  // the outbox's own round (every 30 s, on reconnect) leaves them to this save until it is over
  if (sendNow) for (const p of entries) inFlight.add(p.key);
  try {
    for (const p of entries) {
      const a: Attempt = reachable ? await attempt(p) : { status: 'queued' };
      if (a.status === 'sent') outcomes.push({ key: p.key, status: 'sent', record: a.answer as SavedFollowup });
      else if (a.status === 'refused') outcomes.push({ key: p.key, status: 'refused', error: (a.error as Error).message, refusal: refusalOf(a.error) });
      else {
        reachable = false;
        outcomes.push({ key: p.key, status: 'queued' });
      }
    }
  } finally {
    for (const p of entries) inFlight.delete(p.key);
  }
  return outcomes;
}

/** The tasks the waiting visits will complete (an earlier version's household visit: each member's). */
export const waitingTaskIds = (waiting = pendingFollowups()) =>
  new Set(waiting.flatMap((p) => (p.members ? p.members.map((m) => m.task_id) : [p.body.task_id as string | undefined])));

let flushing: Promise<{ sent: number; rejected: Rejected[] }> | undefined;

/** Sends what waits (the logged-in user's), oldest first, each with its own key; stops at the first network failure. */
export function flushOutbox(): Promise<{ sent: number; rejected: Rejected[] }> {
  flushing ??= (async () => {
    let sent = 0;
    const rejected: Rejected[] = [];
    for (const p of mine(read()).filter((x) => !inFlight.has(x.key))) {
      const a = await attempt(p);
      if (a.status === 'queued') break;
      if (a.status === 'sent') {
        logSent(...outcomes(p, a.answer));
        sent += 1;
        continue;
      }
      // the server refused it for good (e.g. the resident moved away): keep the reason, drop this request (a household's other members are their own)
      const message = (a.error as Error).message;
      logSent({ key: p.key, label: p.label, user: p.user, sent_at: new Date().toISOString(), error: message, refusal: refusalOf(a.error) });
      rejected.push({ label: p.label, message });
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
