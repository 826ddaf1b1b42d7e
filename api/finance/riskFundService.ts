// The medical-risk fund (医疗风险金) of each member: staff contribute monthly, settled disputes
// are paid out, and at year end the balance goes back to the contributors pro rata, exact to
// the fen, each return posted to the ledger.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByUnit } from '../core/scope';
import { assertCan, assertUnitInScope, type ResourceDef } from '../core/crud';
import { conflict, unprocessable } from '../core/errors';
import { activeStaffIds, staffNames } from '../hr';
import { fromFen, sumFen, toFen, type Fen } from '../shared/money';
import { postEntry } from './ledgerService';
import { RiskFundEntry } from './model';
import { riskFundReturns } from './rules';
import { FUND_KIND } from './enums';
import * as clock from '../core/clock';

export const riskFundResource: ResourceDef<RiskFundEntry> = {
  name: 'risk-fund-entries',
  model: RiskFundEntry,
  scope: scopeByUnit('risk_fund_entries.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', fund_year: 'int', kind: FUND_KIND.values, staff_id: 'int', entry_date: 'date' },
    search: ['risk_fund_entries.dispute_ref', 'risk_fund_entries.memo'],
    defaultSort: ['entry_date', 'DESC'],
  },
};

/** A person's contribution or year-end return (pay's per-person fund reads them, api/pay/personFund.ts). */
export interface PersonFundEntry {
  id: number;
  org_unit_id: number;
  fund_year: number;
  kind: 'contribution' | 'return';
  entry_date: string;
  amount: string;
}

/**
 * A person's contributions and year-end returns of the fund years `fromYear`…`toYear`, oldest first: of the units
 * inside `scopePath` (the list's scope), or of every unit without one (the person's own statement).
 */
export function personFundEntries(staffId: number, fromYear: number, toYear: number, scopePath: string | null, conn: Knex = db()): Promise<PersonFundEntry[]> {
  const q = conn('risk_fund_entries')
    .where('staff_id', staffId)
    .whereBetween('fund_year', [fromYear, toYear])
    .whereIn('kind', ['contribution', 'return'])
    .select('id', 'org_unit_id', 'fund_year', 'kind', conn.raw("to_char(entry_date, 'YYYY-MM-DD') as entry_date"), 'amount')
    .orderBy([{ column: 'entry_date' }, { column: 'id' }]);
  if (scopePath !== null) scopeByUnit('risk_fund_entries.org_unit_id')(q, scopePath);
  return q;
}

/** Contributions, payouts, returns and balance of a unit's fund for a year. */
export async function fundPosition(trx: Knex | Knex.Transaction, unitId: number, year: number) {
  const rows: { kind: string; total: string }[] = await trx('risk_fund_entries')
    .select('kind')
    .sum({ total: 'amount' })
    .where({ org_unit_id: unitId, fund_year: year })
    .groupBy('kind');
  const of = (kind: string) => toFen(String(rows.find((r) => r.kind === kind)?.total ?? '0'));
  const contributions = of('contribution');
  const payouts = of('payout');
  const returned = of('return');
  return {
    org_unit_id: unitId,
    fund_year: year,
    contributions: fromFen(contributions),
    payouts: fromFen(payouts),
    returned: fromFen(returned),
    balance: fromFen(contributions - payouts - returned),
    contributors: Number(
      (await trx('risk_fund_entries').countDistinct({ n: 'staff_id' }).where({ org_unit_id: unitId, fund_year: year, kind: 'contribution' }))[0].n,
    ),
  };
}

export async function summary(actor: Actor, q: { org_unit_id: number; fund_year: number }) {
  assertCan(actor, 'risk-fund-entries', 'list');
  await assertUnitInScope(actor, q.org_unit_id);
  return fundPosition(db(), q.org_unit_id, q.fund_year);
}

/** One month's contribution from every active staff member employed by the unit (idempotent per staff and month). */
export function contributeMonth(actor: Actor, input: { org_unit_id: number; month: string; amount: Fen }) {
  assertCan(actor, 'risk-fund-entries', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const entryDate = `${input.month}-01`;
    const active = await activeStaffIds(input.org_unit_id, trx);
    const paid = new Set<number>(
      await trx('risk_fund_entries').whereIn('staff_id', active).where({ kind: 'contribution', entry_date: entryDate }).pluck('staff_id'),
    );
    const staff = active.filter((id) => !paid.has(id));
    if (!staff.length) return { month: input.month, created: 0, total: '0.00' };
    const total = input.amount * BigInt(staff.length);
    const entry = await postEntry(trx, audit, actor, {
      org_unit_id: input.org_unit_id,
      entry_date: entryDate,
      debit_account: 'bank',
      credit_account: 'risk_fund',
      amount: total,
      memo: `医疗风险金 ${input.month} 月缴存（${staff.length} 人）`,
      source_type: 'risk-fund-entries',
    });
    const ids = await trx('risk_fund_entries')
      .insert(
        staff.map((id) => ({
          org_unit_id: input.org_unit_id,
          fund_year: Number(input.month.slice(0, 4)),
          kind: 'contribution',
          staff_id: id,
          entry_date: entryDate,
          amount: fromFen(input.amount),
          ledger_entry_id: entry.id,
          created_by: actor.id || null,
        })),
      )
      .returning<{ id: number }[]>('id');
    await audit({
      action: 'contribute',
      resource: 'risk-fund-entries',
      recordId: null,
      after: { org_unit_id: input.org_unit_id, month: input.month, amount: fromFen(input.amount), staff: staff.length, ids: ids.map((r) => r.id) },
    });
    return { month: input.month, created: staff.length, total: fromFen(total), ledger_entry_id: entry.id };
  });
}

/** A payout for a settled dispute, from the fund's balance of that year. */
export function payout(actor: Actor, input: { org_unit_id: number; entry_date: string; amount: Fen; dispute_ref: string; memo?: string }) {
  assertCan(actor, 'risk-fund-entries', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const year = Number(input.entry_date.slice(0, 4));
    await fundLock(trx, input.org_unit_id, year);
    const position = await fundPosition(trx, input.org_unit_id, year);
    if (input.amount > toFen(position.balance)) {
      throw unprocessable(`the ${year} fund of unit ${input.org_unit_id} holds ${position.balance}; a payout of ${fromFen(input.amount)} exceeds it`, position);
    }
    const entry = await postEntry(trx, audit, actor, {
      org_unit_id: input.org_unit_id,
      entry_date: input.entry_date,
      debit_account: 'risk_fund',
      credit_account: 'bank',
      amount: input.amount,
      memo: `医疗风险金赔付 ${input.dispute_ref}`,
      source_type: 'risk-fund-entries',
    });
    const created = await RiskFundEntry.query(trx).insertAndFetch({
      org_unit_id: input.org_unit_id,
      fund_year: year,
      kind: 'payout',
      staff_id: null,
      entry_date: input.entry_date,
      amount: fromFen(input.amount),
      dispute_ref: input.dispute_ref,
      memo: input.memo ?? null,
      ledger_entry_id: entry.id,
      created_by: actor.id || null,
    });
    await audit({ action: 'create', resource: 'risk-fund-entries', recordId: created.id, after: created });
    return created;
  });
}

const fundLock = (trx: Knex.Transaction, unitId: number, year: number) => trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`risk-fund:${unitId}:${year}`]);

/** Year-end: the balance returned to each contributor pro rata to their contributions; the parts add up exactly. */
export function yearEndReturn(actor: Actor, input: { org_unit_id: number; fund_year: number; return_date?: string }) {
  assertCan(actor, 'risk-fund-entries', 'return');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    await fundLock(trx, input.org_unit_id, input.fund_year);
    const done = await RiskFundEntry.query(trx).findOne({ org_unit_id: input.org_unit_id, fund_year: input.fund_year, kind: 'return' });
    if (done) throw conflict(`the ${input.fund_year} fund of unit ${input.org_unit_id} was already returned on ${done.entry_date}`);
    const position = await fundPosition(trx, input.org_unit_id, input.fund_year);
    const balance = toFen(position.balance);
    if (balance <= 0n)
      throw unprocessable(`the ${input.fund_year} fund of unit ${input.org_unit_id} has nothing to return (balance ${position.balance})`, position);
    const contributions: { staff_id: number; amount: string }[] = await trx('risk_fund_entries')
      .select('staff_id')
      .sum({ amount: 'amount' })
      .where({ org_unit_id: input.org_unit_id, fund_year: input.fund_year, kind: 'contribution' })
      .groupBy('staff_id');
    const returns = riskFundReturns(
      balance,
      contributions.map((c) => ({ staff_id: c.staff_id, amount: toFen(String(c.amount)) })),
    );
    const returnDate = input.return_date ?? clock.today();
    const names = await staffNames(
      returns.map((r) => r.staff_id),
      trx,
    );
    const created: RiskFundEntry[] = [];
    for (const r of returns) {
      const entry = await postEntry(trx, audit, actor, {
        org_unit_id: input.org_unit_id,
        entry_date: returnDate,
        debit_account: 'risk_fund',
        credit_account: 'bank',
        amount: r.amount,
        memo: `医疗风险金 ${input.fund_year} 年度结余返还：${names.get(r.staff_id) ?? r.staff_id}`,
        source_type: 'risk-fund-entries',
      });
      const row = await RiskFundEntry.query(trx).insertAndFetch({
        org_unit_id: input.org_unit_id,
        fund_year: input.fund_year,
        kind: 'return',
        staff_id: r.staff_id,
        entry_date: returnDate,
        amount: fromFen(r.amount),
        ledger_entry_id: entry.id,
        created_by: actor.id || null,
      });
      await trx('ledger_entries').where('id', entry.id).update({ source_id: row.id });
      created.push(row);
    }
    const total = sumFen(returns.map((r) => r.amount));
    await audit({
      action: 'year_end_return',
      resource: 'risk-fund-entries',
      recordId: null,
      after: { ...position, returned_total: fromFen(total), returns: created.length },
    });
    return { ...position, returned_total: fromFen(total), returns: created };
  });
}
