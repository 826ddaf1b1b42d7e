// fetch for the API: adds the bearer token and turns the API's error shape into an HttpError
// whose message is the API's own and whose body.errors puts field problems on the form inputs.
import { HttpError, fetchUtils } from 'react-admin';
import { storedToken } from './session';

interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

// react-admin's form shows body.errors per input and root.serverError as the notification
function formErrors(message: string, details: unknown) {
  if (!Array.isArray(details)) return undefined;
  const problems = details.filter((d): d is { field: string; message: string } => typeof d?.field === 'string');
  if (!problems.length) return undefined;
  return { ...Object.fromEntries(problems.map((d) => [d.field, d.message])), root: { serverError: message } };
}

export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = storedToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    const apiError = (e.body as ApiErrorBody | undefined)?.error;
    if (!apiError?.message) throw e;
    throw new HttpError(apiError.message, e.status, { ...apiError, errors: formErrors(apiError.message, apiError.details) });
  }
}
