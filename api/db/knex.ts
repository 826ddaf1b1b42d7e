// One knex instance per process, bound to objection. Migrations run from ../../migrations.
import { createHash } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import PgClient, { type CompiledQuery } from 'knex/lib/dialects/postgres/index.js';
import pg from 'pg';
import { Model } from 'objection';
import { migrationsDir } from '../paths';

// numeric (money) stays a string: decimal, never a float. int8 counts become numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// dates stay ISO 'YYYY-MM-DD' strings: no time-zone shifts.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

let instance: Knex | undefined;

/**
 * pg with opt-in prepared statements: a query built with `.options({ prepare: true })` runs as a
 * named statement (named by its text's hash), so each connection plans it once instead of on
 * every request — for the hot lists, planning costs more than running. Opt in only where the
 * statement's text has a bounded number of shapes: each one stays prepared on every connection.
 */
class PreparingPgClient extends PgClient {
  _query(connection: unknown, obj: CompiledQuery) {
    if (obj.options && 'prepare' in obj.options) {
      const { prepare, ...rest } = obj.options;
      obj.options = prepare ? { ...rest, name: statementName(obj.sql) } : rest;
    }
    return super._query(connection, obj);
  }
}

// a statement's name, hashed once per text (the shapes are bounded, so is this)
const names = new Map<string, string>();
function statementName(sql: string) {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= 1000) names.clear();
    name = `s_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/** Connects this process; `statementTimeoutMs` bounds each statement (the API's connections). */
export function connect(url: string, poolMax = 20, statementTimeoutMs = 0): Knex {
  instance = knexFactory({
    client: PreparingPgClient as unknown as typeof knexFactory.Client,
    // a down database refuses at once and a hung one is known in 5 s, not after the pool's minute of
    // retries; a busy machine may take over a second to start a backend (1 s had turned that into a 500)
    connection: { connectionString: url, statement_timeout: statementTimeoutMs, connectionTimeoutMillis: 5000 },
    pool: { min: 0, max: poolMax, propagateCreateError: true },
    acquireConnectionTimeout: 10_000,
  });
  Model.knex(instance);
  return instance;
}

export function db(): Knex {
  if (!instance) throw new Error('database not connected');
  return instance;
}

/** knex's pool handing out its pg connections (knex types its client `any`): for a session-level lock held across statements. */
export interface PoolConnections {
  acquireConnection(): Promise<pg.ClientBase>;
  releaseConnection(connection: pg.ClientBase): Promise<void>;
}
export const poolConnections = (): PoolConnections => db().client as PoolConnections;

export async function migrate(knex: Knex) {
  await knex.migrate.latest({ directory: migrationsDir, loadExtensions: ['.ts'] });
}

export async function disconnect() {
  await instance?.destroy();
  instance = undefined;
}
