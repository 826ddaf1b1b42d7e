// Boots the whole system: database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database, the HTTP server and the cron jobs. Used by `npm start`, tests and benches.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
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
  stop(): Promise<void>;
}

export interface BootOptions {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
  seed?: boolean;
  cron?: boolean;
  demoScale?: number;
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
    const server = await listen(opts.port ?? config.port);
    const stopCron = (opts.cron ?? config.cron) ? startSchedules() : () => {};
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      databaseUrl,
      seeded,
      async stop() {
        stopCron();
        await new Promise<void>((resolve) => server.close(() => resolve()));
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

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createApp().listen(port, '0.0.0.0', () => resolve(server));
    server.on('error', reject);
    server.keepAliveTimeout = 65_000;
  });
}
