// Common pieces of the report workbooks: a streaming writer (rows are flushed as they are
// added, so a roster of 50,000 staff never sits in memory), one look for header and total
// rows, the number formats a finance office expects, and dates shown in Shanghai time.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import * as clock from '../api/core/clock';
import { fromFen, toFen } from '../api/shared/money';

/** Cell formats by kind: money in yuan, rates as percentages, counts with thousands separators. */
export const FORMATS = {
  money: '¥#,##0.00',
  rate: '0.00%',
  count: '#,##0',
  decimal: '0.0000',
  score: '0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  month: '0"月"',
} as const;
export type Format = keyof typeof FORMATS;

const DEFAULT_WIDTH: Partial<Record<Format, number>> = { money: 16, date: 12, datetime: 17, rate: 10 };

export type SheetColumn = { header: string; key: string; width?: number; fmt?: Format };
type Sheet = ExcelJS.Worksheet;
type Book = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** A streaming workbook writing into `out`; call `commit()` when every sheet is done. */
export function streamingWorkbook(out: Writable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '医联体 ERP';
  wb.created = clock.now();
  return wb;
}

// a CJK character takes about two columns of Excel's width unit
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** Adds a sheet with bold, frozen headers and the given columns, each formatted by its kind. */
export function addSheet(wb: Book, name: string, columns: SheetColumn[]) {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.max(DEFAULT_WIDTH[c.fmt!] ?? 8, textWidth(c.header) + 2),
    style: c.fmt ? { numFmt: FORMATS[c.fmt] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  return sheet;
}

/** Adds and commits a row; totals rows are bold. */
export function writeRow(sheet: Sheet, values: Record<string, unknown>, total = false) {
  const row = sheet.addRow(values);
  if (total) row.font = { bold: true };
  row.commit();
  return row;
}

/**
 * A 项目 / 数值 / 说明 sheet (the summary of a report): `line(label, value, fmt, note)` writes
 * one labelled figure with its own format.
 */
export function labelledSheet(wb: Book, name: string) {
  const sheet = addSheet(wb, name, [
    { header: '项目', key: 'label', width: 30 },
    { header: '数值', key: 'value', width: 20 },
    { header: '说明', key: 'note', width: 90 },
  ]);
  const line = (label: string, value: unknown, fmt?: Format, note = '') => {
    const row = sheet.addRow({ label, value: value ?? '', note });
    if (fmt) row.getCell('value').numFmt = FORMATS[fmt];
    row.getCell('note').alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  };
  return { sheet, line };
}

/** An API decimal string ("1234.50") as a numeric cell; exact to the fen. */
export const amount = (v: unknown) => (v == null || v === '' ? null : Number(v));

/** The exact sum of decimal amounts (through integer fen), as a numeric cell. */
export const sumAmounts = (values: Iterable<string | number>) => {
  let fen = 0n;
  for (const v of values) fen += toFen(v);
  return Number(fromFen(fen));
};

/** Sums a count field over rows. */
export const sumCounts = <T>(rows: readonly T[], key: keyof T) => rows.reduce((a, r) => a + Number(r[key] ?? 0), 0);

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai has no daylight saving

/**
 * A timestamp as an Excel date cell showing Shanghai wall time (Excel dates carry no zone;
 * exceljs writes a Date's UTC fields, so the instant is shifted by +08:00).
 */
export function shanghaiTime(v: unknown): Date | null {
  if (v == null || v === '') return null;
  const ms = (v instanceof Date ? v : new Date(String(v))).getTime();
  return Number.isNaN(ms) ? null : new Date(ms + SHANGHAI_OFFSET_MS);
}

/** A calendar date ('2026-03-01', as the database returns dates) as an Excel date cell. */
export const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** A label from one of the API's / screens' label maps, the code itself only if unknown. */
export const labelOf = (labels: Record<string, string>, code: string | null | undefined) => (code == null ? '' : (labels[code] ?? code));

/** Reads a workbook back (tests and imports of small files). */
export async function readWorkbook(data: Buffer | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}
