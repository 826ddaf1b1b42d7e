// A thin wrapper over express.Router that also records every route for /api/openapi.json,
// so the description is generated from the same zod schemas the routes parse with.
import express, { type Request, type Response, type RequestHandler } from 'express';
import type { ZodType } from 'zod';
import { JsonText } from '../db/jsonPage';
import { mayWriteAt } from '../core/access';
import { authenticate } from './auth';
import { acceptedCoding, compressText, COMPRESS_MIN_BYTES } from './compression';
import { forbidden } from '../core/errors';
import { idempotent } from './idempotency';
import { withinTransaction } from '../core/transaction';

export interface RouteSpec {
  summary: string;
  body?: ZodType;
  /** query parameters beyond the list protocol */
  query?: ZodType;
  /** list endpoints take sort / range / filter and answer with Content-Range */
  list?: boolean;
  /** public routes (login, health, openapi); everything else needs a bearer token */
  public?: boolean;
  /** a binary download (xlsx) rather than JSON */
  produces?: string;
  /** an edit (PUT): the read-only fields of the read, beyond `ECHOED`, that the body may carry back and that are dropped */
  echoed?: readonly string[];
}

export interface RegisteredRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  tag: string;
  spec: RouteSpec;
}

export const registry: RegisteredRoute[] = [];

/**
 * Answers JSON text as it is: Node writes a string body straight to the socket, where Express
 * would first copy a long one into a Buffer — outside the JS heap, whose growth at a few
 * thousand list pages a second brings on full garbage collections. A body of 1 kB or more goes
 * compressed to a client that takes brotli or gzip (a browser; a phone on 3G gains most), off
 * the event loop; a client that does not ask (a script, a load test) keeps that fast path.
 */
async function sendJson(res: Response, text: string) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const coding = text.length >= COMPRESS_MIN_BYTES ? acceptedCoding(res.req.headers['accept-encoding']) : undefined;
  if (coding) {
    const body = await compressText(text, coding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', body.length);
    res.end(body);
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

type Handler = (req: Request, res: Response) => unknown;

// react-admin's edit form PUTs the whole record back, read-only fields included: they are dropped
// here, for every edit, so that each update schema can stay strict about everything else
const ECHOED = ['id', 'created_at', 'updated_at'];
function withoutEchoed(body: unknown, echoed: readonly string[] = []): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !ECHOED.includes(k) && !echoed.includes(k)));
}

export class ApiRouter {
  readonly router = express.Router();
  constructor(
    readonly base: string,
    readonly tag: string,
  ) {}

  // permission before validation: a role that may only read this resource learns nothing from its body
  private readonly writeGuard: RequestHandler = (req, _res, next) => {
    if (mayWriteAt(req.actor.roles, this.base.slice(1)) === false) throw forbidden(`role ${req.actor.roles.join(', ')} may not change ${this.base.slice(1)}`);
    next();
  };

  get(path: string, spec: RouteSpec, handler: Handler) {
    return this.add('get', path, spec, handler);
  }
  post(path: string, spec: RouteSpec, handler: Handler) {
    return this.add('post', path, spec, handler);
  }
  put(path: string, spec: RouteSpec, handler: Handler) {
    return this.add('put', path, spec, handler);
  }
  delete(path: string, spec: RouteSpec, handler: Handler) {
    return this.add('delete', path, spec, handler);
  }

  private add(method: RegisteredRoute['method'], path: string, spec: RouteSpec, handler: Handler) {
    registry.push({ method, path: path === '/' && this.base ? this.base : `${this.base}${path}`, tag: this.tag, spec });
    // a create or action retried with the same Idempotency-Key answers the first response
    const run: Handler =
      method === 'post' && !spec.public
        ? (req, res) => idempotent(req, res, async (trx) => (trx ? withinTransaction(trx, () => handler(req, res)) : handler(req, res)))
        : method === 'put'
          ? (req, res) => {
              req.body = withoutEchoed(req.body, spec.echoed);
              return handler(req, res);
            }
          : handler;
    const wrapped: RequestHandler = async (req, res) => {
      const result = await run(req, res);
      if (result !== undefined && !res.headersSent) await sendJson(res, result instanceof JsonText ? result.text : JSON.stringify(result));
    };
    const chain: RequestHandler[] = spec.public ? [wrapped] : method === 'get' ? [authenticate, wrapped] : [authenticate, this.writeGuard, wrapped];
    this.router[method](path, ...chain);
    return this;
  }
}
