// The Express application: API under /api, the built admin UI at /, one error shape.
import type { Server } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { refuseNul, requireJsonBody } from './http/guards';
import { domains } from './domains';
import { actorFromToken } from './auth/service';
import { config } from './config';
import { db } from './db/knex';
import { errorHandler } from './http/errors';
import { notFound } from './core/errors';
import { requestLog } from './http/logger';
import { openApiDocument } from './http/openapi';
import { ApiRouter } from './http/router';
import { useAuthenticator } from './http/auth';
import { uiDist } from './paths';
import { uiFiles } from './http/uiFiles';

const systemRoutes = new ApiRouter('', 'system')
  .get('/health', { summary: 'Liveness and database reachability', public: true }, async (_req, res) => {
    const started = Date.now();
    try {
      await db().raw('select 1');
      return { status: 'ok', database: 'reachable', ms: Date.now() - started };
    } catch {
      res.status(503);
      return { status: 'degraded', database: 'unreachable' };
    }
  })
  .get('/openapi.json', { summary: 'This description', public: true }, () => openApiDocument());

/** The system's routes, then every domain's (api/domains.ts). */
const routers: ApiRouter[] = [systemRoutes, ...domains.flatMap((d) => [...d.routers, ...(d.reports ?? [])])];

export function createApp() {
  useAuthenticator(actorFromToken);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // API lists change with every write; hashing each body costs more than it saves
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  // security headers; the UI loads only its own scripts, styles and images (and inline styles, MUI's)
  const secure = helmet({
    contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'blob:'] } },
    strictTransportSecurity: false,
  });
  // a hashed script or style takes the page's policy (index.html's): of the document headers (a
  // kilobyte on each of a dozen files over 3G) it keeps those that bear on a subresource
  app.use((req, res, next) => {
    if (!req.path.startsWith('/assets/')) return secure(req, res, next);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  });

  const api = express.Router();
  api.use(requestLog);
  api.use((_req, res, next) => {
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
    next();
  });
  api.use(requireJsonBody);
  api.use(express.json({ limit: '1mb' }));
  api.use(refuseNul);
  for (const r of routers) api.use(r.base || '/', r.router);
  api.use((req) => {
    throw notFound('route', `${req.method} ${req.baseUrl}${req.path}`);
  });
  api.use(errorHandler);
  app.use('/api', api);

  // the built UI, precompressed, hashed files cached for good; the app's own paths load index.html
  // (the UI may be built after the app starts: the browser tests build it on demand)
  app.use(uiFiles(uiDist));
  app.use(errorHandler);
  return app;
}

/** Serves the app on `port` (0: any free port; shared by all workers of a cluster). */
export function serve(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createApp().listen(port, config.host, () => resolve(server));
    server.on('error', reject);
    server.keepAliveTimeout = 65_000;
  });
}
