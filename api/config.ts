// Runtime configuration, read once from the environment (see README "Configuration").
import os from 'node:os';
import path from 'node:path';

const env = process.env;

export const config = {
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: path.resolve(env.DATA_DIR || './.data'),
  port: Number(env.PORT ?? 3000),
  // the address the HTTP server listens on (0.0.0.0: every interface, for phones on the clinic's network)
  host: env.HOST || '0.0.0.0',
  // a backstop for any one statement: a runaway query is stopped and answered 503
  statementTimeoutMs: Number(env.STATEMENT_TIMEOUT_MS || 30_000),
  // HTTP replicas `npm start` forks (node:cluster), one per core by default
  apiWorkers: Number(env.API_WORKERS || Math.min(os.availableParallelism(), 8)),
  // PostgreSQL connections per HTTP worker: requests beyond it wait in the worker, which costs
  // less than PostgreSQL backends competing for the same cores
  dbPoolSize: Number(env.DB_POOL_SIZE || 20),
  // the owner role's connection for migrations and the demo loader (external database only)
  databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
  jwtTtl: env.JWT_TTL || '8h',
  demoPassword: env.DEMO_PASSWORD || 'demo123',
  // demo data size: 1 = the reference group's volumes; tests use a small fraction
  demoScale: Number(env.DEMO_SCALE || 1),
  cron: env.CRON !== 'off',
  // how long a replica trusts its copy of a token's user (roles, unit, active)
  actorCacheSeconds: Number(env.ACTOR_CACHE_SECONDS ?? 5),
  // tests print only errors: a 500 (an unhandled error) or a failed job shows in their output with its cause
  logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'error' : 'info'),
  // login attempts allowed per username (and per client address) in the window below
  loginMaxFailures: Number(env.LOGIN_MAX_FAILURES || 10),
  loginWindowMinutes: Number(env.LOGIN_WINDOW_MINUTES || 15),
};
