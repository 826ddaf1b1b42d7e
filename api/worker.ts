// One API replica: serves HTTP on PORT against DATABASE_URL. Its primary (api/cluster.ts) owns
// the database's life, the migrations, the demo data and the cron jobs.
import { serve } from './app';
import { config } from './config';
import { appSecrets, useSecrets } from './core/secrets';
import { connect, disconnect } from './db/knex';

useSecrets(appSecrets(process.env));
connect(config.databaseUrl!, config.dbPoolSize, config.statementTimeoutMs);
const server = await serve(config.port);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // requests in flight finish; idle keep-alive connections close now, busy ones within 5 s
  setTimeout(() => server.closeAllConnections(), 5000).unref();
  await new Promise((resolve) => server.close(resolve));
  await disconnect();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop); // the primary is gone
