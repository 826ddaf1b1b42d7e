// Bearer-token authentication: the token names the user; the user row (and their unit's
// path) is read per request, so a deactivated user or a moved unit takes effect at once.
// Who a token names is auth's to say: the composition root (app.ts) installs it here.
import type { RequestHandler } from 'express';
import type { Actor } from '../core/actor';
import { unauthorized } from '../core/errors';

declare module 'express-serve-static-core' {
  interface Request {
    actor: Actor;
  }
}

export type Authenticator = (token: string) => Promise<Actor>;

let actorFromToken: Authenticator | undefined;

/** Installs what turns a bearer token into the actor (api/app.ts gives auth's). */
export function useAuthenticator(authenticator: Authenticator) {
  actorFromToken = authenticator;
}

export const authenticate: RequestHandler = async (req, _res, next) => {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!token) throw unauthorized();
  if (!actorFromToken) throw new Error('no authenticator installed: createApp installs it');
  req.actor = { ...(await actorFromToken(token)), ip: req.ip };
  next();
};
