// Common pieces of the report workbooks: a streaming writer (rows are flushed as they are
// added, so a roster of 50,000 staff never sits in memory) and one look for header rows.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import * as clock from '../api/core/clock';

export type SheetColumn = { header: string; key: string; width?: number; numFmt?: string };

/** A streaming workbook writing into `out`; call `commit()` when every sheet is done. */
export function streamingWorkbook(out: Writable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '医联体 ERP';
  wb.created = clock.now();
  return wb;
}

/** Adds a sheet with bold, frozen headers and the given columns (money columns get '#,##0.00'). */
export function addSheet(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: SheetColumn[]) {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 2), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export const MONEY_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00%';

/** Reads a workbook back (tests and imports of small files). */
export async function readWorkbook(data: Buffer | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}
