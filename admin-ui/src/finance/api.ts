// JSON calls to the finance and procurement endpoints that are not simple-rest resources.
import { httpClient } from '../httpClient';
import { may } from '../session';
import { inputText } from '../shared/inputText';

export const apiGet = async <T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> => {
  const qs = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  return (await httpClient(`/api${path}${qs.size ? `?${qs}` : ''}`)).json as T;
};

export const apiPost = async <T>(path: string, body: unknown = {}): Promise<T> =>
  (await httpClient(`/api${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** "1234567.80" → "1,234,567.80" */
export const yuan = (s: string | number | null | undefined) =>
  s === null || s === undefined ? '' : Number(s).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Leaves out empty optional inputs (react-admin sends '' or null) before a create. */
export const dropEmpty = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null && v !== ''));

/** Whether the logged-in user holds `action` on `resource`: action buttons are shown only to who may press them. */
export const can = (resource: string, action: string) => may(resource, action);

/** An amount typed in yuan as integer fen: 0 when empty, null when not an amount with at most two decimals. */
export function fenOf(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return 0;
  const m = inputText(v)
    .trim()
    .match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  const f = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -f : f;
}

/** Integer fen shown as yuan. */
export const fenYuan = (f: number) => yuan(f / 100);

/** The API's message of a failed call, and its details (422 figures, 409 allowed transitions). */
export const apiError = (e: unknown) => {
  const err = e as { message?: string; status?: number; body?: { details?: unknown } };
  return { message: err.message ?? String(e), status: err.status, details: err.body?.details };
};
