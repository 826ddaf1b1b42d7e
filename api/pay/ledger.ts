// The medical-risk fund's money in the finance ledger (分级核算): when finance approves a pay run, the month's
// contributions withheld from the people's pay go from the unit's payables (the pay owed) into the fund — debit
// 应付款 payables, credit 医疗风险金 risk_fund — and December's year-end return comes back out of it — debit
// risk_fund, credit payables. Each a balanced entry of the run's unit, dated the day of approval, posted through
// finance's postEntry in the approval's transaction (its audit row with it; a closed month refuses, and with it the
// approval). A correction posts only its difference against the version it supersedes (the other way round when less).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import type { Audit } from '../core/transaction';
import * as clock from '../core/clock';
import { postEntry } from '../finance';
import { toFen } from '../shared/money';
import { PayRun } from './model';

/** The ledger's name of a pay run's entries (`source_type`, with `source_id` the run). */
export const PAY_RUN_SOURCE = 'pay-runs';

/** Posts the approved run's risk-fund contributions and returns (net of a superseded version's). */
export async function postRiskFund(trx: Knex.Transaction, audit: Audit, actor: Actor, run: PayRun) {
  const before = run.supersedes_id ? await PayRun.query(trx).findById(run.supersedes_id) : undefined;
  const fen = (v: string | null | undefined) => (v ? toFen(v) : 0n);
  const month = run.month.slice(0, 7);
  const correction = before ? `（第 ${run.version} 版更正差额）` : '';
  const flows = [
    { amount: fen(run.risk_contributions) - fen(before?.risk_contributions), into: true, memo: `绩效工资 ${month} 医疗风险金计提${correction}` },
    { amount: fen(run.risk_returns) - fen(before?.risk_returns), into: false, memo: `绩效工资 ${month} 医疗风险金年终返还${correction}` },
  ];
  for (const f of flows) {
    if (f.amount === 0n) continue;
    // money into the fund: debit payables, credit the fund; out of it (or a correction's lower figure): the reverse
    const intoFund = f.into === f.amount > 0n;
    await postEntry(trx, audit, actor, {
      org_unit_id: run.org_unit_id,
      entry_date: clock.today(),
      debit_account: intoFund ? 'payables' : 'risk_fund',
      credit_account: intoFund ? 'risk_fund' : 'payables',
      amount: f.amount < 0n ? -f.amount : f.amount,
      memo: f.memo,
      source_type: PAY_RUN_SOURCE,
      source_id: run.id,
    });
  }
}
