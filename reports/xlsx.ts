// Common pieces of the report workbooks: the basics every download shares (api/core/workbook),
// one look for total rows, labelled summary sheets, exact sums and dates shown in Shanghai time.
import ExcelJS from 'exceljs';
import { fromFen, toFen } from '../api/shared/money';
import { addSheet, FORMATS, type Book, type Format } from '../api/core/workbook';
import { shanghaiWallTime } from '../api/core/clock';

export { addSheet, FORMATS, streamingWorkbook, type Format, type SheetColumn } from '../api/core/workbook';

type Sheet = ExcelJS.Worksheet;

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

/**
 * A timestamp as an Excel date cell showing Shanghai wall time (Excel dates carry no zone;
 * exceljs writes a Date's UTC fields, so the instant is shifted by +08:00).
 */
export function shanghaiTime(v: Date | string | null | undefined): Date | null {
  if (v == null || v === '') return null;
  const ms = (v instanceof Date ? v : new Date(v)).getTime();
  return Number.isNaN(ms) ? null : shanghaiWallTime(new Date(ms));
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
