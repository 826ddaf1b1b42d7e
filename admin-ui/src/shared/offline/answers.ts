// Answers to the API's GETs when there is no network: each path the phone must open offline is
// registered here, with a reader that answers from what the phone keeps (a domain's copy of its
// data, e.g. the village's tasks) and/or `remember`: the last answer to the same URL, kept per
// user in IndexedDB. httpClient asks here when a request fails for want of network.
import type { fetchUtils } from 'react-admin';
import { storedUser } from '../../session';
import { idbDelete, idbDeletePrefix, idbGet, idbSet } from './idb';

/** What fetchUtils.fetchJson answers: the shape react-admin's data provider reads; the body parsed but not yet known (each reader names its type). */
export type JsonAnswer = Omit<Awaited<ReturnType<typeof fetchUtils.fetchJson>>, 'json'> & { json: unknown };

export type OfflineReader = (url: URL) => Promise<JsonAnswer | undefined>;

interface Entry {
  pattern: RegExp;
  /** keep the last answer per URL (for the logins that work offline: a predicate read at each answer) */
  remember: () => boolean;
  read?: OfflineReader;
}

const entries: Entry[] = [];

/** Makes GETs of the paths matching `pattern` answerable offline: by `read`, else by the last answer kept. */
export function keepOffline(pattern: RegExp, opts: { remember?: () => boolean; read?: OfflineReader }) {
  entries.push({ pattern, remember: opts.remember ?? (() => false), read: opts.read });
}

/** The most URLs whose answers are kept per user: the oldest kept is forgotten first. */
const KEPT_URLS = 200;

export const jsonAnswer = (json: unknown, headers: Record<string, string> = {}): JsonAnswer => ({
  status: 200,
  headers: new Headers({ 'Content-Type': 'application/json', ...headers }),
  body: JSON.stringify(json),
  json,
});

const toUrl = (url: string) => new URL(url, window.location.origin);
const entryOf = (url: URL) => entries.find((e) => e.pattern.test(url.pathname));

/** The key prefix of the logged-in user's copies (none logged in: nothing kept). */
export const userPrefix = () => {
  const id = storedUser()?.id;
  return id === undefined ? undefined : `u${id}:`;
};

/** Whether a GET of this URL can be answered offline. */
export const answerableOffline = (url: string) => !!entryOf(toUrl(url));

interface Kept {
  at: string;
  status: number;
  contentRange: string | null;
  body: string;
}

let keeping = Promise.resolve();

/** Keeps a successful answer, when its path is one to remember (one write at a time: the index of kept URLs is read and written). */
export function rememberAnswer(url: string, answer: JsonAnswer): Promise<void> {
  const u = toUrl(url);
  const prefix = userPrefix();
  if (!prefix || !entryOf(u)?.remember()) return Promise.resolve();
  const key = `${prefix}url:${u.pathname}${u.search}`;
  const kept: Kept = { at: new Date().toISOString(), status: answer.status, contentRange: answer.headers.get('Content-Range'), body: answer.body };
  keeping = keeping
    .then(async () => {
      const index = ((await idbGet<string[]>(`${prefix}urls`)) ?? []).filter((k) => k !== key);
      index.push(key);
      for (const old of index.splice(0, Math.max(0, index.length - KEPT_URLS))) await idbDelete(old);
      await idbSet(key, kept);
      await idbSet(`${prefix}urls`, index);
    })
    .catch(() => undefined);
  return keeping;
}

/** The answer the phone can give without network, or undefined. */
export async function offlineAnswer(url: string): Promise<JsonAnswer | undefined> {
  const u = toUrl(url);
  const entry = entryOf(u);
  const prefix = userPrefix();
  if (!entry || !prefix) return undefined;
  const read = await entry.read?.(u).catch(() => undefined);
  if (read) return read;
  if (!entry.remember()) return undefined;
  const kept = await idbGet<Kept>(`${prefix}url:${u.pathname}${u.search}`).catch(() => undefined);
  if (!kept) return undefined;
  return { ...jsonAnswer(JSON.parse(kept.body), kept.contentRange ? { 'Content-Range': kept.contentRange } : {}), status: kept.status };
}

/** Forgets what the phone keeps for the logged-in user (at logout). */
export async function forgetOfflineData() {
  const prefix = userPrefix();
  if (prefix) await idbDeletePrefix(prefix).catch(() => undefined);
}
