// 首页 pieces of the finance centre: the expense requests waiting for this user's step (group
// finance: the finance centre's step; group admin: the council's, i.e. the large sums; a director:
// their unit's) and, for a director, the unit's budget execution this year.
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { CountFigure, Figure, HomeCard, money } from '../dashboard/figures';
import { pct } from '../settlement/types';
import { storedUser } from '../session';
import { apiGet } from './api';
import type { Execution } from './BudgetExecution';
import { shanghaiDate } from '../shared/time';

/** Whose step it is, as the label says it: the first of the user's roles listed here. */
const APPROVER_LABEL: [string, string][] = [
  ['group_admin', 'home.expenses_awaiting.council'],
  ['group_finance', 'home.expenses_awaiting.finance'],
  ['director', 'home.expenses_awaiting.director'],
];

export const ExpenseApprovalsHome = () => {
  const translate = useTranslate();
  const roles = storedUser()?.roles ?? [];
  const label = APPROVER_LABEL.find(([role]) => roles.includes(role))?.[1] ?? 'home.expenses_awaiting.director';
  return (
    <CountFigure
      testId="home-expenses-awaiting"
      label={translate(label)}
      resource="expense-requests"
      filter={{ awaiting_me: true, status: 'pending' }}
      alertAbove={0}
    />
  );
};

export const BudgetHome = () => {
  const translate = useTranslate();
  const unit = storedUser()?.org_unit;
  const year = Number(shanghaiDate().slice(0, 4));
  const { data } = useQuery({
    queryKey: ['budget-execution', 'home', unit?.id, year],
    enabled: !!unit,
    queryFn: () => apiGet<Execution>('/budgets/execution', { org_unit_id: unit!.id, year }),
  });
  const expense = data?.unit.expense;
  const over = data?.unit.accounts.filter((a) => a.kind === 'expense' && Number(a.remaining) < 0).length;
  return (
    <HomeCard title={translate('home.budget_execution', { year })} testId="home-budget-execution">
      <Figure
        testId="home-expense-budget"
        label={translate('home.expense_budget')}
        value={expense?.budget}
        display={expense && money(expense.budget)}
        to="/budget-execution"
      />
      <Figure
        testId="home-expense-consumed"
        label={translate('home.expense_consumed')}
        value={expense?.consumed}
        display={expense && money(expense.consumed)}
        sub={expense && translate('home.execution_rate', { rate: pct(expense.rate) })}
        to="/budget-execution"
      />
      <Figure
        testId="home-expense-remaining"
        label={translate('home.expense_remaining')}
        value={expense?.remaining}
        display={expense && money(expense.remaining)}
        tone={expense && Number(expense.remaining) < 0 ? 'alert' : 'normal'}
        to="/budget-execution"
      />
      <Figure testId="home-accounts-over" label={translate('home.accounts_over')} value={over} tone={over ? 'alert' : 'good'} to="/budget-execution" />
    </HomeCard>
  );
};
