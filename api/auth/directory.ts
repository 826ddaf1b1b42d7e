// How other domains read the accounts: the SQL text of auth's table lives here alone. Each
// function takes an optional connection (a transaction) and answers in one statement.
import type { Knex } from 'knex';
import { db } from '../db/knex';
import { type Joinable } from '../org';
import { User } from './model';

const USERS = User.tableName;

export type UserColumn = 'id' | 'username' | 'display_name' | 'roles' | 'org_unit_id' | 'active';
export type UserRow<C extends UserColumn> = Pick<User, C>;
type Conn = Knex | Knex.Transaction;

/** The accounts (with `columns`), a query to narrow further by account columns. */
export function accounts<C extends UserColumn>(columns: readonly C[], conn: Conn = db()): Knex.QueryBuilder<User, UserRow<C>[]> {
  return conn<User>(USERS).select(columns);
}

export async function userById<C extends UserColumn>(id: number, columns: readonly C[], conn: Conn = db()): Promise<UserRow<C> | undefined> {
  return await accounts(columns, conn).where('id', id).first();
}

/** Joins the accounts as `alias` to a query on `alias.id = fkColumn`. */
export function joinUser<Q extends Joinable>(q: Q, alias: string, fkColumn: string, kind: 'join' | 'leftJoin' = 'join'): Q {
  q[kind](`${USERS} as ${alias}`, `${alias}.id`, fkColumn);
  return q;
}

/** SQL naming the accounts table under `alias`, for a raw statement's `from` or `join`. */
export const usersSql = (alias: string) => `${USERS} ${alias}`;
