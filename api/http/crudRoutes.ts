// Mounts the five simple-rest routes of a resource described by a ResourceDef.
import type { Request, Response } from 'express';
import type { Model } from 'objection';
import type { ZodType } from 'zod';
import { createRow, deleteRow, listJson, listRows, readRow, updateRow, type ResourceDef } from '../core/crud';
import { contentRange, parseListQuery } from '../core/listQuery';
import type { ApiRouter } from './router';
import { idParam, parse } from './validate';

type Row = Record<string, unknown>;

/**
 * Answers a list on the simple-rest protocol with its Content-Range: a plain list (`listColumns`)
 * as the JSON the database writes; any other, or one that `view` reshapes, as its model rows.
 */
export async function answerList<M extends Model>(def: ResourceDef<M>, req: Request, res: Response, view?: (rows: M[]) => unknown) {
  const lq = parseListQuery(req.query, def.list);
  if (def.listColumns && !view) {
    const page = await listJson(def, req.actor, lq);
    res.setHeader('Content-Range', contentRange(def.name, lq, page.count, page.total));
    return page.body;
  }
  const { rows, total } = await listRows(def, req.actor, lq);
  res.setHeader('Content-Range', contentRange(def.name, lq, rows.length, total));
  return view ? view(rows) : rows;
}

export function mountCrud<M extends Model>(
  r: ApiRouter,
  def: ResourceDef<M>,
  schemas: { create?: ZodType; update?: ZodType; echoed?: readonly string[]; label: string; readOnly?: boolean; view?: (rows: M[]) => unknown },
) {
  r.get('/', { summary: `List ${schemas.label}`, list: true }, (req, res) => answerList(def, req, res, schemas.view));
  r.get('/:id', { summary: `Read one of ${schemas.label}` }, (req) => readRow(def, req.actor, idParam(req.params.id)));
  if (schemas.create) {
    const body = schemas.create;
    r.post('/', { summary: `Create one of ${schemas.label}`, body }, (req) => createRow(def, req.actor, parse(body, req.body) as Row));
  }
  if (schemas.update) {
    const body = schemas.update;
    r.put('/:id', { summary: `Update one of ${schemas.label}`, body, echoed: schemas.echoed }, (req) =>
      updateRow(def, req.actor, idParam(req.params.id), parse(body, req.body) as Row),
    );
  }
  if (schemas.readOnly) return r;
  r.delete('/:id', { summary: `Delete one of ${schemas.label}` }, (req) => deleteRow(def, req.actor, idParam(req.params.id)));
  return r;
}
