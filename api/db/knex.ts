// One knex instance per process, bound to objection. Migrations run from ../../migrations.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { Model } from 'objection';

// numeric (money) stays a string: decimal, never a float. int8 counts become numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// dates stay ISO 'YYYY-MM-DD' strings: no time-zone shifts.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let instance: Knex | undefined;

export function connect(url: string, poolMax = 20): Knex {
  instance = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: poolMax } });
  Model.knex(instance);
  return instance;
}

export function db(): Knex {
  if (!instance) throw new Error('database not connected');
  return instance;
}

export async function migrate(knex: Knex) {
  await knex.migrate.latest({ directory: path.join(root, 'migrations'), loadExtensions: ['.ts'] });
}

export async function disconnect() {
  await instance?.destroy();
  instance = undefined;
}
