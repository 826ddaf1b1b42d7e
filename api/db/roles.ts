// What the API's database login may do, granted by the owner after every migration: read and
// write rows, never the schema; on the audit trail only INSERT and SELECT, so that neither an
// UPDATE or DELETE, nor a disabled or dropped trigger, nor a replica session can rewrite it.
import type { Knex } from 'knex';

/** Tables the API must not write at all, and those it may only append to. */
const READ_ONLY = ['knex_migrations', 'knex_migrations_lock'];
const APPEND_ONLY = ['audit_log'];

export async function grantApiRole(owner: Knex, apiRole: string) {
  await owner.raw('GRANT USAGE ON SCHEMA public TO ??', [apiRole]);
  await owner.raw('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ??', [apiRole]);
  await owner.raw('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ??', [apiRole]);
  for (const t of READ_ONLY) await owner.raw('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ?? FROM ??', [t, apiRole]);
  for (const t of APPEND_ONLY) await owner.raw('REVOKE UPDATE, DELETE, TRUNCATE ON ?? FROM ??', [t, apiRole]);
}

/** The login name in a connection URL. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);
