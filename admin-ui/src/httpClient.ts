// fetch for the API: adds the bearer token and turns the API's error shape into an HttpError
// whose message is the API's own and whose body.errors puts field problems on the form inputs.
// A GET the phone can answer offline (shared/offline) is answered from what it keeps when the
// network fails — or at once when the browser knows it has none. A GET the page made as it opened
// last time was fetched beside the shell this time (shared/bootReads): its answer is taken once.
import { HttpError, fetchUtils } from 'react-admin';
import { storedToken, storedUser } from './session';
import { answerableOffline, offlineAnswer, rememberAnswer, setReachable, type JsonAnswer } from './shared/offline';
import { recordBootRead, takePreloaded } from './shared/bootReads';

interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

// react-admin's form shows body.errors per input and root.serverError as the notification
const isFieldProblem = (d: unknown): d is { field: string; message: string } =>
  typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string';

function formErrors(message: string, details: unknown) {
  if (!Array.isArray(details)) return undefined;
  const problems = (details as unknown[]).filter(isFieldProblem);
  if (!problems.length) return undefined;
  return { ...Object.fromEntries(problems.map((d) => [d.field, d.message])), root: { serverError: message } };
}

/** How long a read the phone can answer itself waits on a weak network before it does. */
const WEAK_NETWORK_MS = 12_000;

/** The caller's signal, and a timeout where the browser has both (AbortSignal.any, .timeout): a TimeoutError, not an AbortError. */
export function withTimeout(signal: AbortSignal | null | undefined, ms = WEAK_NETWORK_MS): AbortSignal | undefined {
  if (typeof AbortSignal.timeout !== 'function') return signal ?? undefined;
  if (!signal) return AbortSignal.timeout(ms);
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : signal;
}

export async function httpClient(url: string, options: fetchUtils.Options = {}): Promise<JsonAnswer> {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = storedToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const isGet = (options.method ?? 'GET').toUpperCase() === 'GET';
  const offlineable = isGet && answerableOffline(url);
  if (isGet) recordBootRead(url, storedUser()?.id);
  if (offlineable && !navigator.onLine) {
    const kept = await offlineAnswer(url);
    if (kept) return kept;
  }
  try {
    const answer =
      (isGet ? await takePreloaded(url) : undefined) ??
      (await fetchUtils.fetchJson(url, { ...options, headers, signal: offlineable ? withTimeout(options.signal) : options.signal }));
    setReachable(true);
    if (offlineable) void rememberAnswer(url, answer);
    return answer;
  } catch (e) {
    // no answer at all (no network, the connection dropped): the phone's copy, if it has one
    if (!(e instanceof HttpError)) {
      // the screen was left (its own signal): no answer wanted
      if ((e as Error).name === 'AbortError') throw e;
      setReachable(false);
      const kept = offlineable ? await offlineAnswer(url) : undefined;
      if (kept) return kept;
      throw e;
    }
    // a gateway that cannot reach the server answers for it: the phone's copy is the better answer
    // react-admin declares HttpError's status `any`; fetchJson sets the response's status
    const status = e.status as number;
    if (offlineable && [502, 503, 504].includes(status)) {
      const kept = await offlineAnswer(url);
      if (kept) return kept;
    }
    setReachable(true);
    const apiError = (e.body as ApiErrorBody | undefined)?.error;
    if (!apiError?.message) throw e;
    throw new HttpError(apiError.message, status, { ...apiError, errors: formErrors(apiError.message, apiError.details) });
  }
}
