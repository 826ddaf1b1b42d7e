// Foundation: the group hierarchy (ltree), departments, users, login attempts and the
// append-only audit log (全程留痕).
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS ltree');

  await knex.schema.createTable('org_units', (t) => {
    t.increments('id');
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.integer('level').notNullable();
    t.integer('parent_id').references('org_units.id').onDelete('RESTRICT');
    t.specificType('path', 'ltree').notNullable().unique();
    t.text('region');
    t.text('address');
    t.text('phone');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.check('level between 1 and 9', [], 'org_units_level_range');
    t.check('(level = 1) = (parent_id is null)', [], 'org_units_root_is_level_1');
  });
  await knex.raw('CREATE INDEX org_units_path_gist ON org_units USING gist (path)');
  await knex.raw('CREATE INDEX org_units_parent ON org_units (parent_id)');

  await knex.schema.createTable('departments', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.unique(['org_unit_id', 'name']);
  });

  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.text('username').notNullable().unique();
    t.text('display_name').notNullable();
    t.text('password_hash').notNullable();
    t.specificType('roles', 'text[]').notNullable();
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
  });
  await knex.raw('CREATE INDEX users_org_unit ON users (org_unit_id)');

  await knex.schema.createTable('login_attempts', (t) => {
    t.bigIncrements('id');
    t.text('username').notNullable();
    t.text('client_ip');
    t.boolean('succeeded').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['username', 'at']);
    t.index(['client_ip', 'at']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('actor_id');
    t.text('actor_name');
    t.text('action').notNullable();
    t.text('resource').notNullable();
    t.text('record_id');
    t.jsonb('before');
    t.jsonb('after');
    t.text('client_ip');
    t.index(['resource', 'record_id']);
    t.index(['at']);
  });
  // The log is append-only, enforced here rather than trusted to the application.
  await knex.raw(`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  `);
}

export async function down(knex: Knex) {
  await knex.raw('DROP TABLE IF EXISTS audit_log, login_attempts, users, departments, org_units CASCADE');
  await knex.raw('DROP FUNCTION IF EXISTS audit_log_append_only()');
}
