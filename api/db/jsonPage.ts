// A list page answered as JSON text written straight from PostgreSQL's text output: the rows are
// read as arrays of raw text and written by a serializer made once per column list, so no row
// objects are built, no value is parsed into a Date only to be printed back, and no generic
// JSON.stringify walks them — for the hot lists (a referral inbox) that was most of a request's
// work. Every value is written as JSON.stringify wrote the value pg parses it to (the API's
// forms: timestamptz as Date#toJSON prints it, numeric as a decimal string); the common types
// directly from their text, any other through its pg parser.
import type { Knex } from 'knex';
import pg, { type QueryArrayResult } from 'pg';
import { db } from './knex';

/** A response body that already is JSON text. */
export class JsonText {
  constructor(readonly text: string) {}
}

const BOOL = 16;
const INT2 = 21;
const INT4 = 23;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const UNKNOWN: number = 705; // not among pg-types' named oids: the parser of any type pg-types does not parse
// PostgreSQL's text output of a timestamptz in UTC: 2026-11-26 05:53:15.489+00 (0–6 fraction digits)
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/** One timestamptz in PostgreSQL's text output as Date#toJSON prints it (ms precision, Z). */
function isoFromPg(text: string): string {
  const m = UTC_TEXT.exec(text);
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  // another session time zone, or a year outside 0000–9999: the ordinary parser decides
  return (pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date)(text).toJSON();
}

type Writer = (text: string) => string;

/** How a column's text becomes JSON: what JSON.stringify makes of the value pg would parse. */
function writerFor(oid: number): Writer {
  const parse = pg.types.getTypeParser(oid, 'text') as (text: string) => unknown;
  if (oid === INT2 || oid === INT4) return (t) => t;
  if (oid === BOOL) return (t) => (t === 't' ? 'true' : 'false');
  if (oid === TIMESTAMPTZ) return (t) => `"${isoFromPg(t)}"`;
  // read as text: text, varchar, numeric (decimal strings), enums, ltree, uuid… and dates (api/db/knex.ts)
  if (parse === pg.types.getTypeParser(UNKNOWN, 'text') || oid === DATE) return (t) => JSON.stringify(t);
  return (t) => JSON.stringify(parse(t));
}

type Serializer = (rows: (string | null)[][]) => string;

function serializerFor(fields: { name: string; dataTypeID: number }[]): Serializer {
  const names = fields.map((f) => f.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`a plain list selects ${twice} twice`);
  const keys = fields.map((f, i) => `${i ? ',' : '{'}${JSON.stringify(f.name)}:`);
  const writers = fields.map((f) => writerFor(f.dataTypeID));
  // the pieces are joined once: adding them up string by string makes a rope to flatten later
  return (rows) => {
    const parts: string[] = ['['];
    for (let r = 0; r < rows.length; r++) {
      if (r) parts.push(',');
      const row = rows[r];
      for (let i = 0; i < writers.length; i++) {
        const v = row[i];
        parts.push(keys[i], v === null ? 'null' : writers[i](v));
      }
      parts.push('}');
    }
    parts.push(']');
    return parts.join('');
  };
}

// a serializer per column list (a resource has one or two), bounded all the same
const serializers = new Map<string, Serializer>();
function serializerOf(fields: { name: string; dataTypeID: number }[]): Serializer {
  const key = fields.map((f) => `${f.name}:${f.dataTypeID}`).join(',');
  let serialize = serializers.get(key);
  if (!serialize) {
    if (serializers.size >= 100) serializers.clear();
    serialize = serializerFor(fields);
    serializers.set(key, serialize);
  }
  return serialize;
}

// every column read as its raw text; the serializer decides what each becomes
const rawText = { getTypeParser: () => (text: string) => text };

export interface JsonPage {
  body: JsonText;
  /** rows on the page */
  count: number;
  /** rows matching the filter */
  total: number;
}

/**
 * Runs a page (ordered and limited) with its total as a scalar subquery beside it, in one
 * statement, and answers the page as JSON text. A page past the end has no row to carry the
 * total: only then is it counted on its own.
 */
export async function jsonPage(page: Knex.QueryBuilder, count: Knex.QueryBuilder, options: { prepare: boolean }): Promise<JsonPage> {
  // (a builder in a raw is compiled once, in parentheses: a statement PostgreSQL accepts)
  const statement = db().raw<QueryArrayResult<(string | null)[]>>('?', [page.clone().select(db().raw('? as total_rows', [count]))]);
  const result = await statement.options({ ...options, rowMode: 'array', types: rawText });
  const rows = result.rows;
  const fields = result.fields.slice(0, -1);
  const body = new JsonText(serializerOf(fields)(rows));
  const total = rows.length ? Number(rows[0][fields.length]) : Number(((await count) as { count: number }[])[0].count);
  return { body, count: rows.length, total };
}
