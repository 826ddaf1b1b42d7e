// Boots the whole system: database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database, the HTTP server (in this process, or in cluster workers) and the cron
// jobs. Used by `npm start`, tests and benches.
import type { AddressInfo } from 'node:net';
import { serve } from './app';
import { startWorkers } from './cluster';
import { config } from './config';
import { connect, disconnect, migrate } from './db/knex';
import { startEmbedded, type EmbeddedServer } from './db/embedded';
import { startSchedules } from './jobs/service';
import './jobs/schedule';
import { logger } from './http/logger';
import { loadDemoIfEmpty } from '../seeds/demo';

export interface Running {
  url: string;
  databaseUrl: string;
  seeded: boolean;
  /** the processes serving HTTP: this one, or the cluster's workers */
  httpPids(): number[];
  stop(): Promise<void>;
}

export interface BootOptions {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
  seed?: boolean;
  cron?: boolean;
  demoScale?: number;
  /** HTTP in this process (0, the default: tests) or in that many cluster workers (`npm start`) */
  workers?: number;
}

export async function boot(opts: BootOptions = {}): Promise<Running> {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbedded(opts.dataDir ?? config.dataDir, (m) => logger.debug({ pg: m }, 'postgres'));
    databaseUrl = embedded.url;
  }
  try {
    const knex = connect(databaseUrl);
    await migrate(knex);
    const seeded = opts.seed === false ? false : await loadDemoIfEmpty(knex, opts.demoScale ?? config.demoScale);
    const http = await serveHttp(opts.workers ?? 0, opts.port ?? config.port, databaseUrl);
    const stopCron = (opts.cron ?? config.cron) ? startSchedules() : () => {};
    return {
      url: `http://127.0.0.1:${http.port}`,
      databaseUrl,
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

async function serveHttp(workers: number, port: number, databaseUrl: string) {
  if (workers > 0) return startWorkers(workers, { DATABASE_URL: databaseUrl, PORT: port });
  const server = await serve(port);
  return {
    port: (server.address() as AddressInfo).port,
    pids: () => [process.pid],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
