// The Express application: API under /api, the built admin UI at /, one error shape.
import type { Server } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { refuseNul, requireJsonBody } from './http/guards';
import { auditRoutes } from './audit/routes';
import { authRoutes, userRoutes } from './auth/routes';
import { config } from './config';
import { db } from './db/knex';
import { errorHandler, notFound } from './http/errors';
import { requestLog } from './http/logger';
import { openApiDocument } from './http/openapi';
import { ApiRouter } from './http/router';
import { hrRouters } from './hr/routes';
import { healthRouters } from './health/routes';
import { financeRouters } from './finance/routes';
import { procurementRouters } from './procurement/routes';
import { jobRoutes } from './jobs/routes';
import { uiDist } from './paths';
import { departmentRoutes, orgUnitRoutes } from './org/routes';
import { settlementRouters } from './settlement/routes';
import { referralRouters } from './referrals/routes';
import { notificationRoutes } from './notifications/routes';


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

/** Every domain's routers, in menu order. A new domain adds its routers here. */
const routers: ApiRouter[] = [systemRoutes, authRoutes, userRoutes, orgUnitRoutes, departmentRoutes, auditRoutes, jobRoutes, notificationRoutes, ...hrRouters, ...referralRouters, ...healthRouters, ...settlementRouters, ...financeRouters, ...procurementRouters];

export function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // API lists change with every write; hashing each body costs more than it saves
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  // security headers; the UI loads only its own scripts, styles and images (and inline styles, MUI's)
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'blob:'] } }, strictTransportSecurity: false }));

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

  // the UI may be built after the app starts (the browser tests build it on demand)
  const uiIndex = path.join(uiDist, 'index.html');
  const serveUi = express.static(uiDist, { index: false, maxAge: '1h' });
  app.use((req, res, next) => (fs.existsSync(uiIndex) ? serveUi(req, res, next) : next()));
  // client-side routes of the single-page app all load index.html
  app.get(/^\/(?!api\/).*/, (_req, res, next) => (fs.existsSync(uiIndex) ? res.sendFile(uiIndex) : next()));
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
