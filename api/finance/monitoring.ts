// What the national monitoring indicators (api/monitoring) read of the ledger: a year's personnel
// spending (人员经费: debits to the account less credits back) under a unit, by level — the lead
// hospitals (1–2) and primary care (3–4) — and the entries behind it.
import type { Knex } from 'knex';
import { joinUnitSql, subtreeIdsSql } from '../org';

type Conn = Knex | Knex.Transaction;
const PERSONNEL = 'personnel';
const WHERE = `e.org_unit_id IN ${subtreeIdsSql('?')} AND e.entry_date BETWEEN ?::date AND ?::date AND (e.debit_account = ? OR e.credit_account = ?)`;
const SIGNED = `CASE WHEN e.debit_account = '${PERSONNEL}' THEN e.amount ELSE -e.amount END`;
const bindings = (rootUnitId: number, year: number) => [rootUnitId, `${year}-01-01`, `${year}-12-31`, PERSONNEL, PERSONNEL];

/** Personnel spending of the year in yuan (decimal strings), lead hospitals and primary care. */
export async function personnelSpendingByTier(conn: Conn, rootUnitId: number, year: number): Promise<{ lead: string; primary: string }> {
  const { rows } = await conn.raw<{ rows: { lead: string; primary: string }[] }>(
    `SELECT coalesce(sum(${SIGNED}) FILTER (WHERE u.level <= 2), 0)::text AS lead, coalesce(sum(${SIGNED}) FILTER (WHERE u.level >= 3), 0)::text AS "primary"
       FROM ledger_entries e ${joinUnitSql('u', 'e.org_unit_id')} WHERE ${WHERE}`,
    bindings(rootUnitId, year),
  );
  return rows[0];
}

export interface PersonnelEntry {
  id: number;
  entry_date: string;
  unit_name: string;
  unit_level: number;
  amount: string;
  memo: string | null;
}

/** The entries behind the spending (a credit back negative), by day. */
export async function personnelEntries(conn: Conn, rootUnitId: number, year: number): Promise<PersonnelEntry[]> {
  const { rows } = await conn.raw<{ rows: PersonnelEntry[] }>(
    `SELECT e.id, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, u.name AS unit_name, u.level AS unit_level, (${SIGNED})::text AS amount, e.memo
       FROM ledger_entries e ${joinUnitSql('u', 'e.org_unit_id')} WHERE ${WHERE} ORDER BY e.entry_date, e.id`,
    bindings(rootUnitId, year),
  );
  return rows;
}
