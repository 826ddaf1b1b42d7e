// fetch for the API: adds the bearer token and turns the API's error shape into an HttpError
// whose message is the API's own and whose body.errors puts field problems on the form inputs.
// A GET the phone can answer offline (shared/offline) is answered from what it keeps when the
// network fails — or at once when the browser knows it has none, and, for the reads that say so,
// while the app starts on a slow network (the server's answer follows).
import { HttpError, fetchUtils } from 'react-admin';
import { storedToken } from './session';
import { answerableOffline, answersFirst, networkAnswered, offlineAnswer, rememberAnswer, setReachable, type JsonAnswer } from './shared/offline';

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

/** How long a read at the app's start waits on the network before the phone's copy answers it (shared/offline answersFirst). */
const COPY_AFTER_MS = 100;
/** How long the network's answer that came after the copy's waits for the screen's read again (fresher: at once). */
const LATE_ANSWER_MS = 5_000;

/** The network's answers that came after the copy's, each taken by the next read of its URL (not asked twice). */
const lateAnswers = new Map<string, { answer: JsonAnswer; at: number }>();

export async function httpClient(url: string, options: fetchUtils.Options = {}): Promise<JsonAnswer> {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = storedToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const offlineable = (options.method ?? 'GET').toUpperCase() === 'GET' && answerableOffline(url);
  if (offlineable && !navigator.onLine) {
    const kept = await offlineAnswer(url);
    if (kept) return kept;
  }
  if (offlineable) {
    const late = lateAnswers.get(url);
    lateAnswers.delete(url);
    if (late && Date.now() - late.at < LATE_ANSWER_MS) return late.answer;
  }
  if (!offlineable || !answersFirst(url)) return (await fromNetwork(url, options, headers, offlineable)).answer;
  // the app's start on a slow network: the phone's copy at once, the server's answer when it comes
  const network = fromNetwork(url, options, headers, offlineable);
  const quick = await Promise.race([network, new Promise<undefined>((resolve) => setTimeout(resolve, COPY_AFTER_MS))]);
  if (quick) return quick.answer;
  const kept = await offlineAnswer(url);
  if (!kept) return (await network).answer;
  void network.then(
    ({ answer, fromServer }) => {
      if (!fromServer) return;
      lateAnswers.set(url, { answer, at: Date.now() });
      networkAnswered(url, true);
    },
    () => undefined,
  );
  return kept;
}

/** The server's answer (fromServer), or the phone's copy when the network fails a read it can answer. */
async function fromNetwork(
  url: string,
  options: fetchUtils.Options,
  headers: Headers,
  offlineable: boolean,
): Promise<{ answer: JsonAnswer; fromServer: boolean }> {
  try {
    const answer = await fetchUtils.fetchJson(url, { ...options, headers, signal: offlineable ? withTimeout(options.signal) : options.signal });
    setReachable(true);
    if (offlineable) {
      networkAnswered(url);
      void rememberAnswer(url, answer);
    }
    return { answer, fromServer: true };
  } catch (e) {
    // no answer at all (no network, the connection dropped): the phone's copy, if it has one
    if (!(e instanceof HttpError)) {
      // the screen was left (its own signal): no answer wanted
      if ((e as Error).name === 'AbortError') throw e;
      setReachable(false);
      const kept = offlineable ? await offlineAnswer(url) : undefined;
      if (kept) return { answer: kept, fromServer: false };
      throw e;
    }
    // a gateway that cannot reach the server answers for it: the phone's copy is the better answer
    // react-admin declares HttpError's status `any`; fetchJson sets the response's status
    const status = e.status as number;
    if (offlineable && [502, 503, 504].includes(status)) {
      const kept = await offlineAnswer(url);
      if (kept) return { answer: kept, fromServer: false };
    }
    setReachable(true);
    const apiError = (e.body as ApiErrorBody | undefined)?.error;
    if (!apiError?.message) throw e;
    throw new HttpError(apiError.message, status, { ...apiError, errors: formErrors(apiError.message, apiError.details) });
  }
}
