// Mounts the five simple-rest routes of a resource described by a ResourceDef.
import type { Model } from 'objection';
import type { ZodType } from 'zod';

type Row = Record<string, unknown>;
import { createRow, deleteRow, listRows, readRow, updateRow, type ResourceDef } from './crud';
import { contentRange, parseListQuery } from './listQuery';
import type { ApiRouter } from './router';
import { idParam, parse } from './validate';

export function mountCrud<M extends Model>(
  r: ApiRouter,
  def: ResourceDef<M>,
  schemas: { create?: ZodType; update?: ZodType; label: string; readOnly?: boolean },
) {
  r.get('/', { summary: `List ${schemas.label}`, list: true }, async (req, res) => {
    const lq = parseListQuery(req.query as Record<string, unknown>, def.list);
    const { rows, total } = await listRows(def, req.actor, lq);
    res.setHeader('Content-Range', contentRange(def.name, lq, rows.length, total));
    return rows;
  });
  r.get('/:id', { summary: `Read one of ${schemas.label}` }, (req) => readRow(def, req.actor, idParam(req.params.id)));
  if (schemas.create) {
    const body = schemas.create;
    r.post('/', { summary: `Create one of ${schemas.label}`, body }, (req) => createRow(def, req.actor, parse(body, req.body) as Row));
  }
  if (schemas.update) {
    const body = schemas.update;
    r.put('/:id', { summary: `Update one of ${schemas.label}`, body }, (req) =>
      updateRow(def, req.actor, idParam(req.params.id), parse(body, withoutEchoedFields(req.body)) as Row),
    );
  }
  if (schemas.readOnly) return r;
  r.delete('/:id', { summary: `Delete one of ${schemas.label}` }, (req) => deleteRow(def, req.actor, idParam(req.params.id)));
  return r;
}

// react-admin's edit form PUTs the whole record back, read-only fields included; those
// are dropped here so that the update schema can stay strict about everything else.
const ECHOED = ['id', 'created_at', 'updated_at'];
function withoutEchoedFields(body: unknown) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !ECHOED.includes(k)));
}
