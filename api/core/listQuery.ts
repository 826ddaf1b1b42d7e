// The ra-data-simple-rest list protocol: sort=["f","ASC"], range=[0,24], filter={…}.
// Filter keys: `q` (text search), a field (equality; an array means IN), `f_gte`/`f_lte`/`f_gt`/`f_lt`.
// Only declared fields are accepted, each value checked against its kind: a bad one is invalid input.
import type { Knex } from 'knex';
import type { AnyQueryBuilder } from 'objection';
import { z } from 'zod';
import { badRequest } from './errors';

export type FieldKind = 'int' | 'decimal' | 'text' | 'bool' | 'date' | 'timestamp' | 'ltree' | readonly string[];

/** The longest text search (an index serves it), and the longest text a filter compares. */
const MAX_SEARCH = 100;
const MAX_TEXT = 200;

/** A calendar date YYYY-MM-DD that exists (the same check as the routes' isoDate field). */
const calendarDate = z.iso.date();

export interface ListSpec {
  /** filterable and sortable fields → their kind; the key is the column unless `columns` maps it */
  fields: Record<string, FieldKind>;
  /** columns searched by `q` (ILIKE) */
  search?: string[];
  /** a searched column whose exact matches, then prefix matches, come before the others (a name picker) */
  searchRank?: string;
  /** field name → SQL column (qualified) where they differ */
  columns?: Record<string, string>;
  defaultSort?: [string, 'ASC' | 'DESC'];
  /** filter keys handled by the domain itself (e.g. a derived flag), passed through untouched */
  custom?: Record<string, FieldKind>;
}

export interface Condition {
  field: string;
  op: '=' | 'in' | '>=' | '<=' | '>' | '<';
  value: unknown;
}

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  q?: string;
  conditions: Condition[];
  custom: Record<string, unknown>;
}

export const MAX_PAGE = 1000;
const OPS: Record<string, Condition['op']> = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<' };

/** A JSON array of two, its items still to be checked. */
const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;
/** A row index of a range: a whole number from 0. */
const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function json(raw: unknown, name: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`malformed ${name}`, [{ field: name, message: 'must be JSON' }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`malformed ${name}: not valid JSON`, [{ field: name, message: 'not valid JSON' }]);
  }
}

function checkValue(field: string, kind: FieldKind, v: unknown): unknown {
  const bad = (message: string) => badRequest(`invalid filter ${field}`, [{ field: `filter.${field}`, message }]);
  if (typeof v === 'string' && v.includes('\u0000')) throw bad('must not contain a NUL character');
  if (Array.isArray(kind)) {
    if (typeof v !== 'string' || !kind.includes(v)) throw bad(`must be one of ${kind.join(', ')}`);
    return v;
  }
  switch (kind) {
    case 'int': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad('must be an integer');
      return n;
    }
    case 'bool':
      if (v === 'true' || v === 'false') return v === 'true';
      if (typeof v !== 'boolean') throw bad('must be true or false');
      return v;
    case 'date':
      if (!calendarDate.safeParse(v).success) throw bad('must be a real date YYYY-MM-DD');
      return v;
    case 'timestamp':
      if (!calendarDate.safeParse(String(v).slice(0, 10)).success || !z.iso.datetime({ offset: true, local: true }).safeParse(v).success) {
        throw bad('must be an ISO date-time such as 2026-03-01T08:00:00+08:00');
      }
      return v;
    case 'decimal': {
      const n = typeof v === 'number' ? String(v) : v;
      if (typeof n !== 'string' || !/^-?\d{1,12}(\.\d{1,4})?$/.test(n)) throw bad('must be a number such as 1200.50');
      return n;
    }
    case 'ltree':
      if (typeof v !== 'string' || !/^[a-z0-9_]{1,64}(\.[a-z0-9_]{1,64}){0,16}$/.test(v)) throw bad('must be a unit path such as hq.b1.t07');
      return v;
    case 'text':
      if (typeof v !== 'string' && typeof v !== 'number') throw bad('must be text');
      if (String(v).length > MAX_TEXT) throw bad(`at most ${MAX_TEXT} characters`);
      return String(v);
  }
}

export function parseListQuery(query: Record<string, unknown>, spec: ListSpec): ListQuery {
  const sortRaw = json(query.sort, 'sort') ?? spec.defaultSort ?? ['id', 'ASC'];
  if (!isPair(sortRaw) || typeof sortRaw[0] !== 'string' || !(Object.hasOwn(spec.fields, sortRaw[0]) || sortRaw[0] === 'id')) {
    throw badRequest('invalid sort', [{ field: 'sort', message: `sort by one of ${['id', ...Object.keys(spec.fields)].join(', ')}` }]);
  }
  const dir = String(sortRaw[1]).toUpperCase();
  if (dir !== 'ASC' && dir !== 'DESC') throw badRequest('invalid sort', [{ field: 'sort', message: 'direction must be ASC or DESC' }]);

  const rangeRaw = json(query.range, 'range') ?? [0, 24];
  if (!isPair(rangeRaw) || !isIndex(rangeRaw[0]) || !isIndex(rangeRaw[1]) || rangeRaw[1] < rangeRaw[0]) {
    throw badRequest('invalid range', [{ field: 'range', message: 'must be [start, end] with 0 ≤ start ≤ end' }]);
  }
  if (rangeRaw[1] - rangeRaw[0] + 1 > MAX_PAGE) {
    throw badRequest('range too large', [{ field: 'range', message: `at most ${MAX_PAGE} rows per page` }]);
  }

  const filter = json(query.filter, 'filter') ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw badRequest('malformed filter', [{ field: 'filter', message: 'must be a JSON object' }]);
  }
  const out: ListQuery = { sort: [sortRaw[0], dir], range: [rangeRaw[0], rangeRaw[1]], conditions: [], custom: {} };
  const fields: Record<string, FieldKind> = { id: 'int', ...spec.fields };
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'q') {
      if (!spec.search?.length) throw badRequest('unknown filter q', [{ field: 'filter.q', message: 'this list has no text search' }]);
      if (String(value).length > MAX_SEARCH) throw badRequest('search too long', [{ field: 'filter.q', message: `at most ${MAX_SEARCH} characters` }]);
      out.q = checkValue('q', 'text', value) as string;
      continue;
    }
    if (spec.custom && Object.hasOwn(spec.custom, key)) {
      out.custom[key] = checkValue(key, spec.custom[key], value);
      continue;
    }
    const suffix = Object.keys(OPS).find((s) => key.endsWith(s) && Object.hasOwn(fields, key.slice(0, -s.length)));
    const field = suffix ? key.slice(0, -suffix.length) : key;
    if (!Object.hasOwn(fields, field)) {
      throw badRequest(`unknown filter ${key}`, [{ field: `filter.${key}`, message: `filter by one of q, ${Object.keys(fields).join(', ')}` }]);
    }
    if (suffix) out.conditions.push({ field, op: OPS[suffix], value: checkValue(field, fields[field], value) });
    else if (Array.isArray(value)) out.conditions.push({ field, op: 'in', value: value.map((v) => checkValue(field, fields[field], v)) });
    else out.conditions.push({ field, op: '=', value: checkValue(field, fields[field], value) });
  }
  return out;
}

/** A list's query: knex's own builder (plain JSON lists) or objection's (model rows). */
export type SqlBuilder = Knex.QueryBuilder | AnyQueryBuilder;

// objection's builder answers every knex method a filter, a page or a scope calls (where, whereIn,
// whereRaw, orderBy, offset, limit), so one body serves both; the union's overloads cannot be called as they stand
export const asKnex = (qb: SqlBuilder) => qb as Knex.QueryBuilder;

/** Text matched literally inside a LIKE pattern. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Applies filter and search (not sort or range) to a query. */
export function applyFilters<Q extends SqlBuilder>(builder: Q, spec: ListSpec, lq: ListQuery, table: string): Q {
  const qb = asKnex(builder);
  const col = (f: string) => spec.columns?.[f] ?? `${table}.${f}`;
  for (const c of lq.conditions) {
    if (c.op === 'in') qb.whereIn(col(c.field), c.value as readonly Knex.Value[] as Knex.Value[]);
    else qb.where(col(c.field), c.op, c.value as Knex.Value);
  }
  if (lq.q && spec.search) {
    const like = `%${likeEscaped(lq.q)}%`;
    qb.where((w) => spec.search!.forEach((s) => w.orWhere(s, 'ilike', like)));
  }
  return builder;
}

export function applyPage<Q extends SqlBuilder>(builder: Q, spec: ListSpec, lq: ListQuery, table: string): Q {
  const qb = asKnex(builder);
  const col = spec.columns?.[lq.sort[0]] ?? `${table}.${lq.sort[0]}`;
  if (lq.q && spec.searchRank) {
    qb.orderByRaw('case when lower(??) = lower(?) then 0 when ?? ilike ? then 1 else 2 end', [spec.searchRank, lq.q, spec.searchRank, `${likeEscaped(lq.q)}%`]);
  }
  qb.orderBy(col, lq.sort[1].toLowerCase() as 'asc' | 'desc')
    .orderBy(spec.columns?.id ?? `${table}.id`, 'asc') // tiebreak on the key (`columns.id` when the key has another name)
    .offset(lq.range[0])
    .limit(lq.range[1] - lq.range[0] + 1);
  return builder;
}

export function contentRange(resource: string, lq: ListQuery, count: number, total: number) {
  const end = count === 0 ? lq.range[0] : lq.range[0] + count - 1;
  return `${resource} ${lq.range[0]}-${end}/${total}`;
}
