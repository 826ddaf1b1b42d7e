// knex's PostgreSQL client class, which knex ships without typings.
declare module 'knex/lib/dialects/postgres/index.js' {
  import type { Knex } from 'knex';
  export interface CompiledQuery {
    sql: string;
    bindings?: readonly unknown[];
    options?: Record<string, unknown>;
  }
  export default class Client_PG extends (class {} as new (config: Knex.Config) => object) {
    _query(connection: unknown, obj: CompiledQuery): Promise<unknown>;
  }
}
