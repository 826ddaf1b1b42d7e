// Monthly advances (预拨付) and the year-end 清算, as plain arithmetic in fen.
// Planned: the fund year's budget split by its monthly profile (largest remainder, so the twelve add up to
// the budget exactly). 清算: what the group is due for the year from the final run's own figures,
//   due = 基金支出 + 结余留用 − 集团承担超支
// (a surplus: the spending plus what the group keeps; an overspend: the spending less what the group bears,
// i.e. the budget plus the fund's part of the overspend), minus the advances paid. Positive: the fund owes
// the group (基金应补付集团); negative: the group returns the difference (集团应退回基金).
import { fromFen, sumFen, toFen, type Fen } from '../../shared/money';
import { monthlyBudgets } from '../fundYears/rules';

export interface Payment {
  month: number;
  amount: string;
  paid_on: string;
}

export interface AdvanceMonth {
  month: number;
  planned: string;
  paid: string;
  /** the dates of the payments for the month, in order */
  paid_on: string[];
  cumulative_planned: string;
  cumulative_paid: string;
}

/** Planned (by the profile) against paid, month by month, with the running totals. */
export function advanceMonths(budget: Fen, profile: readonly number[], payments: readonly Payment[]): AdvanceMonth[] {
  const planned = monthlyBudgets(budget, profile);
  let cumPlanned = 0n;
  let cumPaid = 0n;
  return planned.map((p, i) => {
    const mine = payments.filter((x) => x.month === i + 1).sort((a, b) => (a.paid_on < b.paid_on ? -1 : a.paid_on > b.paid_on ? 1 : 0));
    const paid = sumFen(mine.map((x) => toFen(x.amount)));
    cumPlanned += p;
    cumPaid += paid;
    return {
      month: i + 1,
      planned: fromFen(p),
      paid: fromFen(paid),
      paid_on: mine.map((x) => x.paid_on),
      cumulative_planned: fromFen(cumPlanned),
      cumulative_paid: fromFen(cumPaid),
    };
  });
}

export type SettleDirection = 'fund_pays_group' | 'group_returns' | 'settled';

export interface Reconciliation {
  spending: string;
  retained: string;
  overspend_group: string;
  /** 集团年度应得 = spending + retained − overspend_group */
  due: string;
  advances_paid: string;
  /** due − advances_paid */
  balance: string;
  direction: SettleDirection;
  /** the amount due either way (≥ 0) */
  amount: string;
}

/** The 清算 of a final run's figures against the advances paid. */
export function reconcile(figures: { spending: { total: string }; retained: string; overspend_group: string }, advancesPaid: Fen): Reconciliation {
  const due = toFen(figures.spending.total) + toFen(figures.retained) - toFen(figures.overspend_group);
  const balance = due - advancesPaid;
  return {
    spending: figures.spending.total,
    retained: figures.retained,
    overspend_group: figures.overspend_group,
    due: fromFen(due),
    advances_paid: fromFen(advancesPaid),
    balance: fromFen(balance),
    direction: balance > 0n ? 'fund_pays_group' : balance < 0n ? 'group_returns' : 'settled',
    amount: fromFen(balance < 0n ? -balance : balance),
  };
}
