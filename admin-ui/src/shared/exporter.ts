// 导出: a list's rows as a file a Chinese office opens in Excel or WPS: every row matching the
// list's filter and sort (paged, since the API answers at most 1,000 rows a request), headers
// and values as the screen shows them, CSV with a UTF-8 BOM and CRLF lines (RFC 4180).
// Plain functions over a dataProvider, so that a test can run them against the real API.
import type { DataProvider, RaRecord, SortPayload } from 'react-admin';
import { TIME_ZONE } from './time';

/** The API's largest page (api/core/listQuery.ts MAX_PAGE). */
export const EXPORT_CHUNK = 1000;

export interface Choice {
  id: string | number;
  /** i18n key of the label */
  name: string;
}

export type Translate = (key: string, options?: object) => string;

interface ColumnBase {
  source: string;
  /** i18n key of the header; `resources.<resource>.fields.<source>` when absent */
  label?: string;
  /** whether the list may sort by it, and by which field (the list's own column) */
  sortable?: boolean;
  sortBy?: string;
}

/**
 * One column of a list and of its export. Declared once next to the list: the export reads it,
 * and the list renders its Datagrid from it where the cells are plain (see columnFields.tsx).
 * `R` is the list's record, as its computed values read it.
 */
export type Column<R extends RaRecord = RaRecord> = ColumnBase &
  (
    | { kind: 'text' | 'number' | 'money' | 'percent' | 'date' | 'datetime' | 'bool' }
    | { kind: 'choice'; choices: readonly Choice[] }
    /** an id shown as the referenced record: its resource's representation unless `field` says; without an id, the row's `otherwise` field */
    | { kind: 'reference'; reference: string; field?: string; link?: 'show' | 'edit'; otherwise?: string }
    /** a value the list computes from the row (a "120/80" pressure, a joined label) */
    // a method, so that a list's Column<R>[] is a Column[] to the export and the Datagrid
    | { kind: 'computed'; value(record: R, translate: Translate): string }
  );

export interface ListParams {
  filter: Record<string, unknown>;
  sort: SortPayload;
}

/** Every row of a list, asked for `chunk` rows at a time until the total is reached. */
export async function fetchAllRows(dataProvider: DataProvider, resource: string, params: ListParams, chunk = EXPORT_CHUNK) {
  const rows: RaRecord[] = [];
  for (let page = 1; ; page++) {
    const { data, total } = await dataProvider.getList<RaRecord>(resource, { ...params, pagination: { page, perPage: chunk } });
    rows.push(...data);
    if (data.length < chunk || (total !== undefined && rows.length >= total)) return rows;
  }
}

/** Referenced records by resource and id: one batched getMany per referenced resource, never one per row. */
export type Related = Map<string, Map<string, RaRecord>>;

export async function fetchRelated(dataProvider: DataProvider, rows: RaRecord[], columns: readonly Column[]): Promise<Related> {
  const ids = new Map<string, Set<RaRecord['id']>>();
  for (const c of columns) {
    if (c.kind !== 'reference') continue;
    const set = ids.get(c.reference) ?? new Set();
    for (const row of rows) {
      const id = row[c.source] as RaRecord['id'] | null | undefined;
      if (id !== null && id !== undefined) set.add(id);
    }
    ids.set(c.reference, set);
  }
  const related: Related = new Map();
  for (const [reference, set] of ids) {
    // a resource this user may not list leaves its ids as they are, as the list's own cells do
    const { data } = set.size ? await dataProvider.getMany<RaRecord>(reference, { ids: [...set] }).catch(() => ({ data: [] as RaRecord[] })) : { data: [] };
    related.set(reference, new Map(data.map((r) => [String(r.id), r])));
  }
  return related;
}

/** A list of codes as their labels (`<prefix>.<code>`), joined the Chinese way unless a chain (→) says otherwise. */
export const codeLabels = (codes: unknown, prefix: string, translate: Translate, separator = '、') =>
  Array.isArray(codes) ? codes.map((c) => translate(`${prefix}.${c}`)).join(separator) : '';

/** How a referenced record reads: `field`, else its resource's representation. */
export type Represent = (reference: string, record: RaRecord, field?: string) => string;

export interface CellContext {
  translate: Translate;
  related: Related;
  represent: Represent;
}

// a text cell Excel would run as a formula (=, +, @) is kept as text
const asText = (s: string) => (/^[=+@\t\r]/.test(s) ? `'${s}` : s);

// a timestamp as the group's wall-clock date and time, in the form Excel reads as one (sv-SE: YYYY-MM-DD HH:mm:ss)
const localDateTime = (v: string) => new Date(v).toLocaleString('sv-SE', { timeZone: TIME_ZONE });
const localDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : new Date(v).toLocaleDateString('sv-SE', { timeZone: TIME_ZONE }));

/** What the API answers in a list's plain columns (a computed column reads its own record). */
type CellValue = string | number | boolean | null | undefined;

/** One cell as the user reads it on the screen: labels for codes, names for ids, plain numbers for money. */
export function cellValue(column: Column, record: RaRecord, ctx: CellContext): string {
  const v = record[column.source] as CellValue;
  if (column.kind === 'computed') return asText(column.value(record, ctx.translate));
  if (column.kind === 'reference' && (v === null || v === undefined) && column.otherwise) return asText(String(record[column.otherwise] ?? ''));
  if (v === null || v === undefined || v === '') return '';
  switch (column.kind) {
    case 'choice': {
      const choice = column.choices.find((c) => String(c.id) === String(v));
      return choice ? ctx.translate(choice.name) : String(v);
    }
    case 'reference': {
      const target = ctx.related.get(column.reference)?.get(String(v));
      return target ? asText(ctx.represent(column.reference, target, column.field)) : String(v);
    }
    case 'bool':
      return ctx.translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
    case 'date':
      return localDate(String(v));
    case 'datetime':
      return localDateTime(String(v));
    case 'percent':
      return `${Number((Number(v) * 100).toFixed(4))}%`;
    case 'number':
    case 'money':
      return String(v); // the API's decimal string, unrounded: Excel reads it as a number
    case 'text':
      return asText(String(v));
  }
}

/** The header of a column in the user's language. */
export const columnLabel = (resource: string, column: Column) => column.label ?? `resources.${resource}.fields.${column.source}`;

// RFC 4180: a field holding a quote, comma or line break is quoted, its quotes doubled
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The file's text: a BOM (so that Excel on Windows reads UTF-8), CRLF after every line. */
export const toCsv = (lines: readonly (readonly string[])[]) => `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;

/** The whole export of rows already fetched: the header line, then one line per row. */
export function csvOf(resource: string, columns: readonly Column[], rows: RaRecord[], ctx: CellContext) {
  const header = columns.map((c) => ctx.translate(columnLabel(resource, c)));
  return toCsv([header, ...rows.map((r) => columns.map((c) => cellValue(c, r, ctx)))]);
}
