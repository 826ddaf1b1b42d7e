// The ledger (分级核算): posting entries (every one audited), reversals, balances rolled up the
// hierarchy, and the month close that locks a period against later entries.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction, type Audit } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { db } from '../db/knex';
import { assertCan, assertUnitInScope, getRow, type ResourceDef } from '../core/crud';
import { conflict, unprocessable } from '../core/errors';
import { fromFen, toFen, type Fen } from '../shared/money';
import { Account, LedgerEntry, LedgerPeriod } from './model';
import { periodOf } from './rules';
import { subtreeUnitIds } from '../org';

export const ledgerResource: ResourceDef<LedgerEntry> = {
  name: 'ledger-entries',
  model: LedgerEntry,
  scope: scopeByUnit('ledger_entries.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      entry_date: 'date',
      debit_account: 'text',
      credit_account: 'text',
      source_type: 'text',
      source_id: 'int',
      amount: 'decimal',
    },
    search: ['ledger_entries.memo'],
    defaultSort: ['entry_date', 'DESC'],
    custom: { account: 'text' },
  },
  applyCustom: (qb, custom) => {
    if (custom.account)
      qb.where((w) => w.where('ledger_entries.debit_account', custom.account as string).orWhere('ledger_entries.credit_account', custom.account as string));
  },
};

export const ledgerPeriodResource: ResourceDef<LedgerPeriod> = {
  name: 'ledger-periods',
  model: LedgerPeriod,
  scope: (qb) => qb,
  list: { fields: { period: 'date', status: 'text' }, defaultSort: ['period', 'DESC'] },
};

export interface EntryInput {
  org_unit_id: number;
  entry_date: string;
  debit_account: string;
  credit_account: string;
  amount: Fen;
  memo?: string | null;
  source_type: string;
  source_id?: number | null;
  reverses_id?: number | null;
}

// a posting holds the month's lock shared; closing the month takes it exclusively
const periodLock = (trx: Knex.Transaction, period: string, mode: 'shared' | 'exclusive') =>
  trx.raw(`select pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}(hashtext(?))`, [`ledger-period:${period}`]);

/** Whether the ledger has closed the month of `isoDate` (an entry dated in it would be refused). */
export async function periodClosed(conn: Knex, isoDate: string): Promise<boolean> {
  return (await LedgerPeriod.query(conn).findOne({ period: periodOf(isoDate) })) !== undefined;
}

/** Posts one entry inside the caller's transaction, with its audit row; 409 into a closed month. */
export async function postEntry(trx: Knex.Transaction, audit: Audit, actor: Actor, e: EntryInput): Promise<LedgerEntry> {
  const period = periodOf(e.entry_date);
  await periodLock(trx, period, 'shared');
  const closed = await LedgerPeriod.query(trx).findOne({ period });
  if (closed) {
    throw conflict(`period ${period.slice(0, 7)} is closed: entries must be dated in an open month (post a correction in the current month)`, {
      field: 'entry_date',
      closed_period: period.slice(0, 7),
    });
  }
  const accounts = await Account.query(trx).whereIn('code', [e.debit_account, e.credit_account]).where('active', true);
  for (const [field, code] of [
    ['debit_account', e.debit_account],
    ['credit_account', e.credit_account],
  ] as const) {
    if (!accounts.some((a) => a.code === code))
      throw unprocessable(`${field} ${code} is not an active account`, [{ field, message: 'no such active account' }]);
  }
  if (e.amount <= 0n) throw unprocessable('amount must be positive', [{ field: 'amount', message: 'must be > 0' }]);
  const entry = await LedgerEntry.query(trx).insertAndFetch({
    org_unit_id: e.org_unit_id,
    entry_date: e.entry_date,
    debit_account: e.debit_account,
    credit_account: e.credit_account,
    amount: fromFen(e.amount),
    memo: e.memo ?? null,
    source_type: e.source_type,
    source_id: e.source_id ?? null,
    reverses_id: e.reverses_id ?? null,
    created_by: actor.id || null,
  });
  await audit({ action: 'post', resource: 'ledger-entries', recordId: entry.id, after: entry });
  return entry;
}

/** A manual journal entry by finance. */
export function createEntry(actor: Actor, input: Omit<EntryInput, 'source_type' | 'source_id' | 'reverses_id'>) {
  assertCan(actor, 'ledger-entries', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    return postEntry(trx, audit, actor, { ...input, source_type: 'manual' });
  });
}

/** A correction: the reverse entry, dated in an open month and linked to the original. */
export function reverseEntry(actor: Actor, id: number, input: { entry_date: string; memo?: string }) {
  assertCan(actor, 'ledger-entries', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const original = await getRow(ledgerResource, actor, id, trx);
    const already = await LedgerEntry.query(trx).findOne({ reverses_id: id });
    if (already) throw conflict(`ledger entry ${id} is already reversed by entry ${already.id}`);
    return postEntry(trx, audit, actor, {
      org_unit_id: original.org_unit_id,
      entry_date: input.entry_date,
      debit_account: original.credit_account,
      credit_account: original.debit_account,
      amount: toFen(original.amount),
      memo: input.memo ?? `冲销 #${id}`,
      source_type: original.source_type,
      source_id: original.source_id,
      reverses_id: id,
    });
  });
}

/** Closes a month for the whole group: later entries dated into it are refused (409). */
export function closePeriod(actor: Actor, month: string) {
  assertCan(actor, 'ledger-periods', 'create');
  const period = `${month}-01`;
  return inTransaction(actor, async (trx, audit) => {
    await periodLock(trx, period, 'exclusive');
    const existing = await LedgerPeriod.query(trx).findOne({ period });
    if (existing) throw conflict(`period ${month} is already closed`);
    const closed = await LedgerPeriod.query(trx).insertAndFetch({ period, status: 'closed', closed_by: actor.id || null });
    await audit({ action: 'close', resource: 'ledger-periods', recordId: closed.id, after: closed });
    return closed;
  });
}

/** Debit, credit and balance per account for a unit and everything below it, over a date range. */
export async function balances(actor: Actor, q: { org_unit_id: number; from: string; to: string }) {
  assertCan(actor, 'ledger-entries', 'list');
  await assertUnitInScope(actor, q.org_unit_id);
  const ids = await subtreeUnitIds(q.org_unit_id);
  const { rows } = await db().raw<{ rows: { account: string; name: string; kind: string; debit: string; credit: string; balance: string }[] }>(
    `with moves as (
            select x.account, sum(x.debit) as debit, sum(x.credit) as credit
              from (select debit_account, credit_account, sum(amount) as amount from ledger_entries
                     where org_unit_id = any(?::int[]) and entry_date between ? and ? group by 1, 2) l
              cross join lateral (values (l.debit_account, l.amount, 0::numeric), (l.credit_account, 0::numeric, l.amount)) x(account, debit, credit)
             group by x.account)
     select a.code as account, a.name, a.kind, coalesce(m.debit, 0)::text as debit, coalesce(m.credit, 0)::text as credit,
            (case when a.kind in ('expense','asset') then coalesce(m.debit, 0) - coalesce(m.credit, 0)
                  else coalesce(m.credit, 0) - coalesce(m.debit, 0) end)::text as balance
       from accounts a join moves m on m.account = a.code
      order by a.sort`,
    [ids, q.from, q.to],
  );
  return rows;
}
