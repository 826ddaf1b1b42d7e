// `npm start`: the whole system on one port. Ctrl-C / SIGTERM stop PostgreSQL cleanly.
// The demo group comes from the caller (scripts/serve.ts gives seeds/index.ts's).
import { boot, type DemoLoader } from './server';
import { config } from './config';

export interface Demo {
  load: DemoLoader;
  /** the demo accounts, as the start banner lists them */
  logins: string[];
}

export async function start(demo: Demo) {
  const running = await boot({ workers: config.apiWorkers, demo: demo.load });
  process.stdout.write(
    [
      '',
      `医联体 ERP is running: ${running.url.replace('127.0.0.1', 'localhost')}`,
      `HTTP: ${config.apiWorkers} worker process${config.apiWorkers === 1 ? '' : 'es'} (API_WORKERS)`,
      `database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}${running.seeded ? ' (demo group loaded)' : ''}`,
      `demo logins, password "${config.demoPassword}":`,
      ...demo.logins.map((l) => `  ${l}`),
      '',
    ].join('\n'),
  );

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: stopping…\n`);
      await running.stop();
      process.exit(0);
    });
  }
}
