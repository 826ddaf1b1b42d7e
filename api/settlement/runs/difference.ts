// What a correction run changed against the approved run it supersedes, per unit, as plain functions over the two
// runs' figures: the spending each member unit provided (and each provider class outside the group) and each
// unit's allocation, before → after. Each figure's parts add up to its total, so the changes add up to the total change.
import { fromFen, toFen, type Fen } from '../../shared/money';
import type { RunFigures } from './calculation';

export interface Change {
  before: string;
  after: string;
  change: string;
}
const change = (before: Fen, after: Fen): Change => ({ before: fromFen(before), after: fromFen(after), change: fromFen(after - before) });

/** One row of the per-unit comparison: a member unit, or a provider class outside the group (no unit). */
export interface UnitChange {
  org_unit_id: number | null;
  code: string | null;
  name: string | null;
  /** in_group for a member unit, else the class outside the group the row stands for */
  provider_class: string;
  spending: Change;
  allocation: Change;
}

type Figures = Pick<RunFigures, 'spending' | 'retained' | 'surplus' | 'unit_indicators' | 'allocations'>;

/**
 * Fund paid per member unit over the claims it (with its villages) provided: the numerator of its reimbursement
 * ratio, which every version of the figures carries; together with the classes outside the group it is the spending.
 */
function spendingByUnit(f: Figures): Map<number, Fen> {
  return new Map(f.unit_indicators.map((u) => [u.org_unit_id, toFen(String(u.indicators.find((i) => i.key === 'reimbursement_ratio')?.numerator ?? '0'))]));
}

function allocationByUnit(f: Figures): Map<number, Fen> {
  const byUnit = new Map<number, Fen>();
  for (const a of f.allocations) byUnit.set(a.org_unit_id, (byUnit.get(a.org_unit_id) ?? 0n) + toFen(a.amount));
  return byUnit;
}

/** The totals and the per-unit rows, before (the approved run) → after (the correction). */
export function compareFigures(before: Figures, after: Figures) {
  const [spentBefore, spentAfter] = [spendingByUnit(before), spendingByUnit(after)];
  const [allocBefore, allocAfter] = [allocationByUnit(before), allocationByUnit(after)];
  const members = new Map([...before.unit_indicators, ...after.unit_indicators].map((u) => [u.org_unit_id, u]));
  const units: UnitChange[] = [...members.values()].map((u) => ({
    org_unit_id: u.org_unit_id,
    code: u.code,
    name: u.name,
    provider_class: 'in_group',
    spending: change(spentBefore.get(u.org_unit_id) ?? 0n, spentAfter.get(u.org_unit_id) ?? 0n),
    allocation: change(allocBefore.get(u.org_unit_id) ?? 0n, allocAfter.get(u.org_unit_id) ?? 0n),
  }));
  const outside = Object.keys(after.spending.by_provider_class).filter((c) => c !== 'in_group');
  for (const c of outside) {
    const fund = (f: Figures) => toFen(f.spending.by_provider_class[c] ?? '0');
    units.push({ org_unit_id: null, code: null, name: null, provider_class: c, spending: change(fund(before), fund(after)), allocation: change(0n, 0n) });
  }
  return {
    spending: change(toFen(before.spending.total), toFen(after.spending.total)),
    claims: { before: before.spending.claims, after: after.spending.claims, change: after.spending.claims - before.spending.claims },
    surplus: change(toFen(before.surplus), toFen(after.surplus)),
    retained: change(toFen(before.retained), toFen(after.retained)),
    units,
  };
}
