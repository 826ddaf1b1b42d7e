// Bearer-token authentication: the token names the user; the user row (and their unit's
// path) is read per request, so a deactivated user or a moved unit takes effect at once.
import type { RequestHandler } from 'express';
import type { Actor } from '../auth/actor';
import { actorFromToken } from '../auth/service';
import { unauthorized } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    actor: Actor;
  }
}

export const authenticate: RequestHandler = async (req, _res, next) => {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!token) throw unauthorized();
  req.actor = { ...(await actorFromToken(token)), ip: req.ip };
  next();
};
