// Security: login throttling counters shared by every API worker, a token version per account
// (a password, role or account change revokes older tokens), and trigram indexes so that a
// text search over the largest lists (claims, residents) reads an index instead of every row.
import type { Knex } from 'knex';

const TRIGRAM = {
  claims: ['claim_no', 'provider_name', 'diagnosis', 'id_number_masked'],
  residents: ['name', 'household', 'phone', 'id_number_masked'],
  staff: ['name', 'phone'],
} as const;

export async function up(knex: Knex) {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.schema.createTable('login_throttle', (t) => {
    t.text('key').primary(); // user:<name>@<address> | ip:<address>
    t.integer('allowance').notNullable(); // attempts before the delays begin
    t.integer('attempts').notNullable();
    t.timestamp('last_at', { useTz: true }).notNullable();
    t.timestamp('wait_until', { useTz: true }); // no attempt is checked before this
    t.boolean('refused').notNullable().defaultTo(false); // whether the last attempt was refused
  });
  await knex.schema.alterTable('users', (t) => {
    t.integer('token_version').notNullable().defaultTo(0);
  });
  for (const [table, columns] of Object.entries(TRIGRAM)) {
    for (const c of columns) await knex.raw(`CREATE INDEX ?? ON ?? USING gin (?? gin_trgm_ops)`, [`${table}_${c}_trgm`, table, c]);
  }
}

export async function down(knex: Knex) {
  for (const [table, columns] of Object.entries(TRIGRAM)) {
    for (const c of columns) await knex.raw('DROP INDEX ??', [`${table}_${c}_trgm`]);
  }
  await knex.schema.alterTable('users', (t) => t.dropColumn('token_version'));
  await knex.schema.dropTable('login_throttle');
}
