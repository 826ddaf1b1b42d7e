// The API reads a page makes as it opens, fetched beside the shell on its next start (issue 16's
// warm start ≤ 1 s at 300 ms RTT). Without this a page's first read leaves only once the shell has
// come and run: one more round trip after it. The app records, per user and address, the GETs it
// made as it opened (READS_KEY); the route-preload script (admin-ui/vite.config.ts) fetches them at
// the next start of that address, with the session's token, before any module has run; httpClient
// takes each answer once, if still fresh, in place of its own request. A read not asked this time
// is only a wasted request; a failed or refused one is asked again the usual way.
import type { JsonAnswer } from './offline';

/** The recorded reads of an address: `erp.reads:<user id>:<path>`, also read by the route-preload script. */
const readsKey = (userId: number, path: string) => `erp.reads:${userId}:${path}`;

/** What the route-preload script leaves on window: each recorded URL with its fetch. */
interface Preloaded {
  at: number;
  response: Promise<Response | null>;
}
declare global {
  interface Window {
    erpPreloadedReads?: Record<string, Preloaded>;
  }
}

const normalPath = (path: string) => path.replace(/\/+$/, '') || '/';
const bootPath = typeof location === 'undefined' ? '' : normalPath(location.pathname);

/** Reads count as the page's opening ones while it is still at its first address, this long. */
const OPENING_MS = 15_000;
/** The most reads recorded per address. */
const MOST_READS = 6;
/** A preloaded answer older than this is not used: the page asks again. */
const FRESH_MS = 10_000;

const opening: string[] = [];

/** Records a GET the page makes as it opens (the logged-in user's, at its first address). */
export function recordBootRead(url: string, userId: number | undefined) {
  if (userId === undefined || performance.now() > OPENING_MS || normalPath(location.pathname) !== bootPath) return;
  if (opening.includes(url) || opening.length >= MOST_READS) return;
  opening.push(url);
  try {
    localStorage.setItem(readsKey(userId, bootPath), JSON.stringify(opening));
  } catch {
    // storage full or refused: the next start simply preloads nothing
  }
}

/** The answer the route-preload script fetched for this URL, once, if it came and is fresh. */
export async function takePreloaded(url: string): Promise<JsonAnswer | undefined> {
  const preloaded = window.erpPreloadedReads?.[url];
  if (!preloaded) return undefined;
  delete window.erpPreloadedReads![url];
  if (Date.now() - preloaded.at > FRESH_MS) return undefined;
  const response = await preloaded.response;
  if (!response?.ok) return undefined;
  try {
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, json: body ? (JSON.parse(body) as unknown) : null };
  } catch {
    return undefined;
  }
}
