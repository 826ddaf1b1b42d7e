// Boots the whole system: database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database (when given its loader), the HTTP server (in this process, or in cluster
// workers) and the cron jobs. Used by `npm start`, tests and benches.
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { serve } from './app';
import { startWorkers } from './cluster';
import { config } from './config';
import { appSecrets, secretsEnv, useSecrets, type AppSecrets } from './core/secrets';
import { connect, disconnect, migrate } from './db/knex';
import { grantApiRole, roleOf } from './db/roles';
import { startEmbedded, type EmbeddedServer } from './db/embedded';
import { startSchedules } from './jobs/service';
import { logger } from './http/logger';

export interface Running {
  url: string;
  /** the API's login */
  databaseUrl: string;
  /** the tables' owner (embedded: the superuser), for benchmarks' bulk loads and maintenance */
  adminDatabaseUrl: string;
  seeded: boolean;
  /** the processes serving HTTP: this one, or the cluster's workers */
  httpPids(): number[];
  stop(): Promise<void>;
}

/** Loads the demo group into an empty database, as its owner; true when it did. */
export type DemoLoader = (owner: Knex, scale: number) => Promise<boolean>;

export interface BootOptions {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
  /** the demo group's loader (seeds/index.ts); without one, no demo data */
  demo?: DemoLoader;
  cron?: boolean;
  demoScale?: number;
  /** HTTP in this process (0, the default: tests) or in that many cluster workers (`npm start`) */
  workers?: number;
  /** the embedded database is deleted after the run (tests): it need not survive a crash */
  throwaway?: boolean;
}

export async function boot(opts: BootOptions = {}): Promise<Running> {
  let embedded: EmbeddedServer | undefined;
  const external = opts.databaseUrl ?? config.databaseUrl;
  try {
    if (!external) embedded = await startEmbedded(opts.dataDir ?? config.dataDir, (m) => logger.debug({ pg: m }, 'postgres'), opts.throwaway);
    const keys = appSecrets(process.env, embedded?.secrets);
    useSecrets(keys);
    const databaseUrl = embedded?.apiUrl ?? external!;
    const ownerUrl = embedded?.ownerUrl ?? config.databaseOwnerUrl ?? databaseUrl;
    const seeded = await prepareSchema(ownerUrl, databaseUrl, opts);
    connect(databaseUrl, config.dbPoolSize, config.statementTimeoutMs);
    const http = await serveHttp(opts.workers ?? 0, opts.port ?? config.port, databaseUrl, keys);
    const stopCron = (opts.cron ?? config.cron) ? startSchedules() : () => {};
    return {
      url: `http://127.0.0.1:${http.port}`,
      databaseUrl,
      adminDatabaseUrl: embedded?.superuserUrl ?? ownerUrl,
      seeded,
      httpPids: http.pids,
      async stop() {
        stopCron();
        await http.stop();
        await disconnect();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await disconnect();
    await embedded?.stop();
    throw err;
  }
}

/** Migrations, the API role's grants and the demo data, as the tables' owner. */
async function prepareSchema(ownerUrl: string, apiUrl: string, opts: BootOptions) {
  const owner = connect(ownerUrl);
  try {
    await migrate(owner);
    if (roleOf(ownerUrl) !== roleOf(apiUrl)) await grantApiRole(owner, roleOf(apiUrl));
    else logger.warn("DATABASE_OWNER_URL is not set: the API runs as the tables' owner, which can alter the audit trail");
    return opts.demo ? await opts.demo(owner, opts.demoScale ?? config.demoScale) : false;
  } finally {
    await disconnect();
  }
}

async function serveHttp(workers: number, port: number, databaseUrl: string, keys: AppSecrets) {
  if (workers > 0) return startWorkers(workers, { DATABASE_URL: databaseUrl, PORT: String(port), ...secretsEnv(keys) });
  const server = await serve(port);
  return {
    port: (server.address() as AddressInfo).port,
    pids: () => [process.pid],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
