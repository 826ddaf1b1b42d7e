// The one shape of a workbook's route: its input parsed (the query, or the record id of a
// `/<id>.xlsx` path), its figures read through the domain's public face in the caller's scope —
// so that a bad parameter, a refusal or a missing record is a 4xx before the first byte, never a
// broken file — and only then the file streamed. Used as `router.get(...workbookRoute(…))`.
import type { Request, Response } from 'express';
import type { Writable } from 'node:stream';
import type { output, ZodType } from 'zod';
import type { Actor } from '../api/core/actor';
import { sendFile, XLSX } from '../api/http/download';
import type { RouteSpec } from '../api/http/router';
import { idParam, parse } from '../api/http/validate';

interface Workbook<I, D> {
  summary: string;
  /** the figures, read in the actor's scope after the domain's checks */
  read: (actor: Actor, input: I) => Promise<D>;
  /** the file's name (Chinese where the user sees it) */
  name: (input: I, data: D) => string;
  write: (out: Writable, data: D, input: I) => Promise<void>;
}

type Route = [path: string, spec: RouteSpec, handler: (req: Request, res: Response) => Promise<void>];

async function send<I, D>(res: Response, actor: Actor, input: I, workbook: Workbook<I, D>) {
  const data = await workbook.read(actor, input);
  await sendFile(res, workbook.name(input, data), XLSX, (out) => workbook.write(out, data, input));
}

/** A workbook of the figures a query selects (a year, a period, a unit). */
export function workbookRoute<S extends ZodType, D>(path: string, query: S, workbook: Workbook<output<S>, D>): Route {
  return [path, { summary: workbook.summary, query, produces: XLSX }, (req, res) => send(res, req.actor, parse(query, req.query, 'query'), workbook)];
}

/** A workbook of one record, at `<path>/:file` with the file `<id>.xlsx` (a settlement run, a pay run). */
export function recordWorkbookRoute<D>(path: string, workbook: Workbook<number, D>): Route {
  return [
    `${path}/:file`,
    { summary: workbook.summary, produces: XLSX },
    (req, res) => send(res, req.actor, idParam(/^(\d+)\.xlsx$/.exec(String(req.params.file))?.[1]), workbook),
  ];
}
