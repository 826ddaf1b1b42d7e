// A pay run's money in the finance ledger (分级核算), posted when finance approves it, through finance's postEntry in the
// approval's transaction (each entry balanced — one debit, one credit, one amount — with its audit row; a closed month
// refuses, and with it the approval):
// - the medical-risk fund: the month's contributions withheld from the people's pay go from the unit's payables (the
//   pay owed) into the fund — debit 应付款 payables, credit 医疗风险金 risk_fund — and December's year-end return comes
//   back out of it — debit risk_fund, credit payables; entries of the run's unit;
// - the top-up (下派补助) of each expert sent down: the sending unit's (the HQ's or a branch's) cost, owed to its
//   people — debit 人员经费 personnel, credit payables — one entry per sending unit, of that unit, never the township's.
// A correction posts only its difference against the version it supersedes (the other way round when less).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import type { Audit } from '../core/transaction';
import * as clock from '../core/clock';
import { periodClosed, postEntry } from '../finance';
import { unitsByIds } from '../org';
import { toFen, type Fen } from '../shared/money';
import { PayRun } from './model';

/** The ledger's name of a pay run's entries (`source_type`, with `source_id` the run). */
export const PAY_RUN_SOURCE = 'pay-runs';

interface Flow {
  org_unit_id: number;
  /** fen; negative: the reverse way (a correction's lower figure) */
  amount: Fen;
  debit: string;
  credit: string;
  memo: string;
}

/** Posts the approved run's risk-fund contributions and returns, and the sending units' top-ups (net of a superseded version's). */
export async function postPayRun(trx: Knex.Transaction, audit: Audit, actor: Actor, run: PayRun) {
  const before = run.supersedes_id ? await PayRun.query(trx).findById(run.supersedes_id) : undefined;
  const fen = (v: string | null | undefined) => (v ? toFen(v) : 0n);
  const month = run.month.slice(0, 7);
  const correction = before ? `（第 ${run.version} 版更正差额）` : '';
  const flows: Flow[] = [
    {
      org_unit_id: run.org_unit_id,
      amount: fen(run.risk_contributions) - fen(before?.risk_contributions),
      debit: 'payables',
      credit: 'risk_fund',
      memo: `绩效工资 ${month} 医疗风险金计提${correction}`,
    },
    {
      org_unit_id: run.org_unit_id,
      amount: fen(run.risk_returns) - fen(before?.risk_returns),
      debit: 'risk_fund',
      credit: 'payables',
      memo: `绩效工资 ${month} 医疗风险金年终返还${correction}`,
    },
  ];
  const now = await topUps(trx, run.id);
  const was = before ? await topUps(trx, before.id) : new Map<number, Fen>();
  const host = (await unitsByIds([run.org_unit_id], ['name'], trx))[0]?.name ?? '';
  for (const home of [...new Set([...now.keys(), ...was.keys()])].sort((a, b) => a - b))
    flows.push({
      org_unit_id: home,
      amount: (now.get(home) ?? 0n) - (was.get(home) ?? 0n),
      debit: 'personnel',
      credit: 'payables',
      memo: `绩效工资 ${month} 下派补助（派驻${host}）${correction}`,
    });
  const entryDate = await postingDate(trx, month);
  for (const f of flows) {
    if (f.amount === 0n) continue;
    const forward = f.amount > 0n;
    await postEntry(trx, audit, actor, {
      org_unit_id: f.org_unit_id,
      entry_date: entryDate,
      debit_account: forward ? f.debit : f.credit,
      credit_account: forward ? f.credit : f.debit,
      amount: forward ? f.amount : -f.amount,
      memo: f.memo,
      source_type: PAY_RUN_SOURCE,
      source_id: run.id,
    });
  }
}

/** The run's top-ups by sending unit, in fen. */
async function topUps(trx: Knex.Transaction, runId: number): Promise<Map<number, Fen>> {
  const rows: { home_org_unit_id: number; top_up: string }[] = await trx('pay_lines')
    .where('run_id', runId)
    .whereNotNull('home_org_unit_id')
    .groupBy('home_org_unit_id')
    .select('home_org_unit_id', trx.raw('sum(rotation_top_up)::numeric(14, 2)::text as top_up'));
  return new Map(rows.map((r) => [r.home_org_unit_id, toFen(r.top_up)]));
}

/**
 * The date of a run's entries: the pay month's last day — the month the pay was earned and is owed in, so the month's
 * personnel cost and its payables sit in that month whatever day finance approves. Unless the ledger has closed that
 * month: a closed month takes no entry (postEntry would refuse, and the approval with it), and a late approval is the
 * kind of change a closed month's books leave to the current month — so the approval's own day, the memo naming the
 * pay month.
 */
async function postingDate(trx: Knex.Transaction, month: string): Promise<string> {
  const last = clock.monthRange(month).end;
  return (await periodClosed(trx, last)) ? clock.today() : last;
}
