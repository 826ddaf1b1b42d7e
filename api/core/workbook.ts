// The workbook basics every downloaded file shares (the reports' workbooks and the import
// templates a domain hands out): a streaming writer (rows are flushed as they are added, so a
// roster of 50,000 staff never sits in memory), frozen bold headers and the formats a finance
// office expects.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import * as clock from './clock';

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
export type Book = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

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
