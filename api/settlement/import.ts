// Imports of the insurer's files (xlsx or csv), shared by the sub-domains (claims and satisfaction
// scores, insured populations), streamed row by row: core's xlsxRows for xlsx (exceljs' streamed
// reader garbled a character split across two chunks) and fast-csv for csv, so a 100,000-row file
// never sits in memory as a workbook. Each row is validated; valid rows are written in batches
// (INSERT … ON CONFLICT), the next batch read and validated while one is written, the whole import
// in one transaction with its audit rows; dry runs write nothing, all-or-nothing imports roll back if any row is bad. Also the
// files' templates, the query an import takes, and the units a file names by code.
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Knex } from 'knex';
import { parseFile } from 'fast-csv';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { inTransaction, type Audit } from '../core/transaction';
import { db } from '../db/knex';
import { badRequest } from '../core/errors';
import { addSheet, streamingWorkbook } from '../core/workbook';
import { SeenKeys } from '../core/seenKeys';
import { xlsxRows } from '../core/xlsxRows';
import type { UploadedFile } from '../http/upload';
import { parse } from '../http/validate';
import { orgUnits } from '../org';
import { headerFields, missingColumns, rowProblem, type Cell, type RawRow, type RowProblem, type UnitRef } from './cells';

export interface Rejection extends RowProblem {
  row: number;
}

export interface ImportOptions {
  dryRun: boolean;
  allOrNothing: boolean;
}

export interface ImportResult {
  accepted: number;
  rejected: Rejection[];
  /** rows with at least one problem (the list above stops at REJECTED_LISTED entries) */
  rejected_rows: number;
  committed: boolean;
  dry_run: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
}

export const REJECTED_LISTED = 1000;
export const BATCH = 1000;

/** The rows of the first sheet (xlsx) or of the file (csv), as field → cell, numbered as the spreadsheet shows them. */
export async function* readRows(
  file: UploadedFile,
  columns: readonly [string, string][],
  required: readonly string[],
): AsyncGenerator<{ row: number; raw: RawRow }> {
  const ext = path.extname(file.originalname).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw badRequest('unsupported file type', [{ field: 'file', message: 'an .xlsx or .csv file' }]);
  let fields: (string | null)[] | null = null;
  const toRaw = (values: Cell[]) => {
    const raw: RawRow = {};
    fields!.forEach((f, i) => {
      if (f) raw[f] = values[i];
    });
    return raw;
  };
  const isBlank = (values: Cell[]) => values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
  const header = (values: Cell[]) => {
    fields = headerFields(
      values.map((v) => (typeof v === 'string' ? v.replace(/^\uFEFF/, '') : v)),
      columns,
    );
    const missing = missingColumns(fields, required);
    if (missing.length)
      throw badRequest(
        `missing columns ${missing.join(', ')}`,
        missing.map((m) => ({ field: m, message: 'column missing from the header row' })),
      );
  };

  if (ext === '.csv') {
    let n = 0;
    for await (const values of parseFile<string[], string[]>(file.path, { headers: false, trim: true }) as AsyncIterable<string[]>) {
      n += 1;
      if (!fields) header(values);
      else if (!isBlank(values)) yield { row: n, raw: toRaw(values) };
    }
  } else {
    try {
      for await (const { row, values } of xlsxRows(file.path)) {
        if (!fields) header(values);
        else if (!isBlank(values)) yield { row, raw: toRaw(values) };
      }
    } catch (err) {
      if ((err as { status?: number }).status) throw err;
      throw badRequest(`not a readable xlsx file: ${(err as Error).message}`, [{ field: 'file', message: 'not a readable xlsx workbook' }]);
    }
  }
  if (!fields) throw badRequest('empty file', [{ field: 'file', message: 'no header row' }]);
}

export interface ImportSpec<T> {
  resource: string;
  columns: readonly [string, string][];
  required: readonly string[];
  validate: (raw: RawRow) => { row: T } | { problems: RowProblem[] };
  /** the field and key that must not repeat within one file */
  keyField: string;
  key: (row: T) => string;
  /** rows that pass on their own but not against what is stored (e.g. a stored claim in a locked period) */
  check?: (q: Knex | Knex.Transaction, rows: { row: number; data: T }[]) => Promise<Rejection[]>;
  /** writes a batch; answers how many rows were inserted and updated (the rest were unchanged) */
  write: (trx: Knex.Transaction, rows: { row: number; data: T }[], audit: Audit) => Promise<{ inserted: number; updated: number }>;
  /** what the summary audit row records about the import */
  summary: Record<string, unknown>;
  /** rows written at a time (BATCH unless told) */
  batch?: number;
  /** runs first inside the transaction (e.g. a lock that keeps approvals out while importing) */
  begin?: (trx: Knex.Transaction) => Promise<void>;
  /** runs last inside the transaction, after every batch is written (e.g. what a record spread over rows derives) */
  end?: (trx: Knex.Transaction, audit: Audit) => Promise<void>;
}

class RolledBack extends Error {}

/** Streams, validates and (unless a dry run) writes an import; one summary audit row per commit. */
export async function runImport<T>(actor: Actor, file: UploadedFile, opts: ImportOptions, spec: ImportSpec<T>): Promise<ImportResult> {
  const result: ImportResult = { accepted: 0, rejected: [], rejected_rows: 0, committed: false, dry_run: opts.dryRun, inserted: 0, updated: 0, unchanged: 0 };
  const badRows = new Set<number>();
  const reject = (r: Rejection) => {
    badRows.add(r.row);
    if (result.rejected.length < REJECTED_LISTED) result.rejected.push(r);
  };
  const seen = new SeenKeys();

  const process = async (q: Knex | Knex.Transaction, write: ((rows: { row: number; data: T }[]) => Promise<void>) | null) => {
    let batch: { row: number; data: T }[] = [];
    // one batch written while the next is read and validated: the database and this process work at once
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      await writing; // a batch is checked against what the batches before it wrote
      const problems = spec.check ? await spec.check(q, rows) : [];
      problems.forEach(reject);
      const bad = new Set(problems.map((p) => p.row));
      const good = bad.size ? rows.filter((b) => !bad.has(b.row)) : rows;
      result.accepted += good.length;
      if (write && good.length) {
        writing = write(good);
        writing.catch(() => undefined); // its failure is thrown where it is awaited
      }
    };
    try {
      for await (const { row, raw } of readRows(file, spec.columns, spec.required)) {
        const v = spec.validate(raw);
        if ('problems' in v) {
          v.problems.forEach((p) => reject({ row, ...p }));
          continue;
        }
        const key = spec.key(v.row);
        const first = seen.firstOrAdd(key, row);
        if (first !== undefined) {
          reject({ row, ...rowProblem(spec.keyField, 'twice_in_file', { key, first }) });
          continue;
        }
        batch.push({ row, data: v.row });
        if (batch.length >= (spec.batch ?? BATCH)) await flush();
      }
    } catch (err) {
      await writing.catch(() => undefined); // the transaction ends only once its last write has
      throw err;
    }
    await flush();
    await writing;
    result.rejected_rows = badRows.size;
  };

  if (opts.dryRun) {
    await process(db(), null);
    return result;
  }
  try {
    await inTransaction(actor, async (trx, audit) => {
      await spec.begin?.(trx);
      await process(trx, async (rows) => {
        const w = await spec.write(trx, rows, audit);
        result.inserted += w.inserted;
        result.updated += w.updated;
        result.unchanged += rows.length - w.inserted - w.updated;
      });
      if (opts.allOrNothing && badRows.size) throw new RolledBack();
      await spec.end?.(trx, audit);
      await audit({
        action: 'import',
        resource: spec.resource,
        recordId: null,
        after: {
          ...spec.summary,
          file: file.originalname,
          accepted: result.accepted,
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected_rows: badRows.size,
        },
      });
    });
    result.committed = true;
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
    Object.assign(result, { accepted: 0, inserted: 0, updated: 0, unchanged: 0 });
  }
  return result;
}

/** The group's units by code, as the files name them. */
export async function unitsByCode(q: Knex | Knex.Transaction): Promise<Map<string, UnitRef>> {
  const rows: UnitRef[] = await orgUnits(['id', 'code', 'level', 'kind'], q);
  return new Map(rows.map((u) => [u.code, u]));
}

export const importQuery = z.object({
  fund_year_id: z.coerce.number().int().positive(),
  dry_run: z.enum(['true', 'false']).optional(),
  all_or_nothing: z.enum(['true', 'false']).optional(),
});
/** An import's query (?fund_year_id, ?dry_run, ?all_or_nothing) as the fund year and the options. */
export const importOptions = (q: unknown) => {
  const p = parse(importQuery, q, 'query');
  return { fundYearId: p.fund_year_id, opts: { dryRun: p.dry_run === 'true', allOrNothing: p.all_or_nothing === 'true' } };
};

/** A template workbook: the header row, and a second sheet describing each column. */
export async function writeTemplate(out: Writable, kind: string, columns: readonly [string, string][], notes: Record<string, string>) {
  const wb = streamingWorkbook(out);
  const sheet = addSheet(
    wb,
    kind,
    columns.map(([key]) => ({ header: key, key, width: Math.max(14, key.length + 4) })),
  );
  sheet.commit();
  const help = addSheet(wb, '说明 Columns', [
    { header: 'column', key: 'column', width: 24 },
    { header: '列名', key: 'zh', width: 18 },
    { header: 'meaning', key: 'note', width: 90 },
  ]);
  for (const [key, zh] of columns) help.addRow({ column: key, zh, note: notes[key] ?? '' }).commit();
  help.commit();
  await wb.commit();
}
