// The cells of the insurer's files (claims, satisfaction scores, insured populations) as plain
// functions: header rows to field names, and a cell to a date, an amount, a yes/no or its text.
// The sub-domains' rules validate their rows with them; import.ts reads the files.
import { toFen, type Fen } from '../shared/money';
import { fillTemplate, IMPORT_PROBLEM, type ImportProblem } from './enums';

export type Cell = string | number | boolean | Date | null | undefined;
export type RawRow = Record<string, Cell>;
/** A refused cell: its field, the rule it breaks and its parameters (the screen translates them, as a refusal's `rule`), and the API's message. */
export interface RowProblem {
  field: string;
  message: string;
  rule: ImportProblem;
  params: Record<string, string | number>;
}

/** A problem of `kind` in `field`, with its English message filled in. */
export const rowProblem = (field: string, rule: ImportProblem, params: Record<string, string | number> = {}): RowProblem => ({
  field,
  rule,
  params,
  message: fillTemplate(IMPORT_PROBLEM.en(rule), params),
});

/** A unit as a file names it, by its group code. */
export interface UnitRef {
  id: number;
  code: string;
  level: number;
  kind: string;
}

/** Maps a header row (English keys or the Chinese headers) to field names; unknown headers are kept as-is. */
export function headerFields(headers: readonly Cell[], columns: readonly [string, string][]): (string | null)[] {
  const byLabel = new Map<string, string>();
  for (const [key, zh] of columns) {
    byLabel.set(key, key);
    byLabel.set(zh, key);
  }
  return headers.map((h) => {
    const text = h == null ? '' : String(h).trim();
    return text ? (byLabel.get(text) ?? byLabel.get(text.toLowerCase()) ?? text) : null;
  });
}

/** Required columns missing from a header row. */
export const missingColumns = (fields: readonly (string | null)[], required: readonly string[]) => required.filter((r) => !fields.includes(r));

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
export const blankCell = (v: Cell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A date cell: a Date, an Excel serial day number, or text YYYY-MM-DD (or YYYY/MM/DD) → 'YYYY-MM-DD'. */
export function dateCell(v: Cell): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 100000 ? new Date(EXCEL_EPOCH + v * 86400000).toISOString().slice(0, 10) : null;
  if (typeof v !== 'string') return null;
  let date = DATE_TEXTS.get(v);
  if (date === undefined) {
    if (DATE_TEXTS.size >= 4096) DATE_TEXTS.clear();
    DATE_TEXTS.set(v, (date = dateText(v)));
  }
  return date;
}
/** A file's dates repeat (a month's days on 500,000 rows): each text's answer kept, a few thousand at most. */
const DATE_TEXTS = new Map<string, string | null>();
function dateText(v: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v.trim());
  if (!m) return null;
  const text = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : text;
}

/** An amount cell of either sign (a reversal's are negative) → fen, or null when it is not an amount with at most two decimals. */
export function amountCell(v: Cell): Fen | null {
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  try {
    return toFen(typeof v === 'string' ? v.replace(/,/g, '') : v);
  } catch {
    return null;
  }
}

/** A money cell → fen, or null when it is not a non-negative amount with at most two decimals. */
export function moneyCell(v: Cell): Fen | null {
  const fen = amountCell(v);
  return fen !== null && fen >= 0n ? fen : null;
}

const TRUE = ['true', '1', 'y', 'yes', '是'];
const FALSE = ['false', '0', 'n', 'no', '否', ''];
export function boolCell(v: Cell): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === null || v === undefined) return false;
  const t = String(v).trim().toLowerCase();
  return TRUE.includes(t) ? true : FALSE.includes(t) ? false : null;
}

/** A cell's text, trimmed; '' for a blank cell, YYYY-MM-DD for a date. */
export const cellText = (v: Cell) => (blankCell(v) ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
