// `npm start`: the whole system on one port. Ctrl-C / SIGTERM stop PostgreSQL cleanly.
import { boot } from './server';
import { config } from './config';
import { GROUP_USERS } from '../seeds/org';

const running = await boot({ workers: config.apiWorkers });
const logins = [
  ...GROUP_USERS.map(([u, name]) => `${u} (${name})`),
  'director-<unit code>  e.g. director-HQ, director-B1, director-T01, director-V001',
  'doctor-<village code> e.g. doctor-V001',
];
process.stdout.write(
  [
    '',
    `医联体 ERP is running: ${running.url.replace('127.0.0.1', 'localhost')}`,
    `HTTP: ${config.apiWorkers} worker process${config.apiWorkers === 1 ? '' : 'es'} (API_WORKERS)`,
    `database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}${running.seeded ? ' (demo group loaded)' : ''}`,
    `demo logins, password "${config.demoPassword}":`,
    ...logins.map((l) => `  ${l}`),
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
