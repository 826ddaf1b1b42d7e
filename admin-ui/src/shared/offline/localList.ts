// A list page answered on the phone from rows it keeps, on the same protocol as the API's lists
// (ra-data-simple-rest: filter={…}, sort=["f","ASC"], range=[0,24], total in Content-Range), so
// react-admin's screens work unchanged offline. A filter the phone cannot answer is no answer at
// all (undefined): the screen then says it needs the network rather than showing a wrong list.
import { jsonAnswer, type JsonAnswer } from './answers';

type Row = Record<string, unknown>;

/** A domain's filter: true/false per row, or undefined when the key is not one it answers. */
export type RowFilter<R> = (row: R, key: string, value: unknown) => boolean | undefined;

const compare = (a: unknown, b: unknown) => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last, as PostgreSQL sorts them ascending
  if (b === null || b === undefined) return -1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
};

/** Plain fields: equality, a list of values, and the API's _gte/_lte/_gt/_lt suffixes. */
function plainFilter(row: Row, key: string, value: unknown): boolean | undefined {
  const m = /^(.+?)_(gte|lte|gt|lt)$/.exec(key);
  const field = m ? m[1] : key;
  if (!(field in row)) return undefined;
  const v = row[field];
  if (m) {
    const c = compare(v, value);
    return { gte: c >= 0, lte: c <= 0, gt: c > 0, lt: c < 0 }[m[2] as 'gte' | 'lte' | 'gt' | 'lt'] && v != null;
  }
  if (Array.isArray(value)) return value.some((x) => String(x) === String(v));
  return String(v) === String(value);
}

const param = (url: URL, name: string): unknown => {
  const raw = url.searchParams.get(name);
  return raw ? JSON.parse(raw) : undefined;
};

/** Answers a list request from `rows`: filtered (the domain's filter first, then plain fields), sorted, paged. */
export function answerList<R extends object>(url: URL, resource: string, rows: readonly R[], filter: RowFilter<R>): JsonAnswer | undefined {
  const filters = (param(url, 'filter') ?? {}) as Record<string, unknown>;
  const [field, order] = (param(url, 'sort') ?? ['id', 'ASC']) as [string, 'ASC' | 'DESC'];
  const [start, end] = (param(url, 'range') ?? [0, 24]) as [number, number];
  let kept = [...rows];
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    const test = (row: R) => filter(row, key, value) ?? plainFilter(row as Row, key, value);
    if (kept.length && kept.some((row) => test(row) === undefined)) return undefined;
    kept = kept.filter((row) => test(row) === true);
  }
  const dir = order === 'DESC' ? -1 : 1;
  kept.sort((a, b) => dir * compare((a as Row)[field], (b as Row)[field]) || compare((a as Row).id, (b as Row).id));
  const page = kept.slice(start, end + 1);
  const last = page.length ? start + page.length - 1 : start;
  return jsonAnswer(page, { 'Content-Range': `${resource} ${start}-${last}/${kept.length}` });
}
