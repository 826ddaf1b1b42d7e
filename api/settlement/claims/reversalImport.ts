// The claims import's look-up for reversals (冲正): each reversal row's original, found by claim_no in the fund
// year or the year before (this year's first), and what earlier reversals — stored, or earlier in the same file —
// left of it; reversals.ts judges the row. A reversal must follow its original in a later import.
import type { Knex } from 'knex';
import { hashIdNumber } from '../../core/personalId';
import type { Rejection } from '../import';
import { rowProblem } from '../cells';
import type { FundYear } from '../fundYears/model';
import { amountsOf, checkReversal, remainingOf, REVERSIBLE, type Amounts, type OriginalClaim } from './reversals';
import type { ClaimRow } from './rules';

/** A claim row as written: a reversal with its original's id and how it counts (1 for an ordinary claim). */
export type ImportedClaim = ClaimRow & { reverses_claim_id: number | null; claim_count: number };

type StoredClaim = Omit<OriginalClaim, 'amounts' | 'is_reversal'> &
  Record<(typeof REVERSIBLE)[number], string> & {
    fund_year_id: number;
    reverses_claim_id: number | null;
  };

/**
 * The batch check of one import: resolves each reversal row (sets `reverses_claim_id` and `claim_count` on it) or
 * rejects it naming the field. Remembers the reversals it accepted, so a second one in the file sees what is left.
 */
export function reversalCheck(fy: Pick<FundYear, 'id' | 'region' | 'year'>) {
  const accepted = new Map<number, Amounts[]>();
  let years: number[] | undefined;
  return async (q: Knex | Knex.Transaction, rows: { row: number; data: ImportedClaim }[]): Promise<Rejection[]> => {
    const reversals = rows.filter((r) => r.data.reverses_claim_no !== null);
    if (!reversals.length) return [];
    years ??= [
      fy.id,
      ...(await q('fund_years')
        .where({ region: fy.region, year: fy.year - 1 })
        .pluck<number[]>('id')),
    ];
    const originals = await originalsOf(q, years, [...new Set(reversals.map((r) => r.data.reverses_claim_no!))]);
    const stored = await storedReversals(q, [...new Set([...originals.values()].map((o) => o.id))]);
    const rejected: Rejection[] = [];
    for (const { row, data } of reversals) {
      const original = originals.get(data.reverses_claim_no!);
      if (!original) {
        rejected.push({ row, ...rowProblem('reverses_claim_no', 'no_original', { claim: data.reverses_claim_no!, year: fy.year, previous: fy.year - 1 }) });
        continue;
      }
      // a re-imported reversal replaces itself: its stored line is not an earlier reversal
      const earlier = (stored.get(original.id) ?? []).filter((r) => !(r.fund_year_id === fy.id && r.claim_no === data.claim_no)).map((r) => r.amounts);
      const before = [...earlier, ...(accepted.get(original.id) ?? [])];
      const line = { ...data, id_number_hash: hashIdNumber(data.id_number), amounts: amountsOf(data) };
      const verdict = checkReversal(line, original, remainingOf(original.amounts, before));
      if ('problems' in verdict) {
        rejected.push(...verdict.problems.map((p) => ({ row, ...p })));
        continue;
      }
      data.reverses_claim_id = original.id;
      data.claim_count = verdict.claim_count;
      accepted.set(original.id, [...(accepted.get(original.id) ?? []), line.amounts]);
    }
    return rejected;
  };
}

const COLUMNS = [
  'id',
  'fund_year_id',
  'claim_no',
  'id_number_hash',
  'provider_class',
  'org_unit_id',
  'provider_name',
  'care_type',
  'referred_up',
  'reverses_claim_id',
  ...REVERSIBLE,
];

/** The claims these numbers name, this fund year's before the previous year's. */
async function originalsOf(q: Knex | Knex.Transaction, fundYearIds: number[], claimNos: string[]): Promise<Map<string, OriginalClaim>> {
  const rows = await q('claims').select<StoredClaim[]>(COLUMNS).whereIn('fund_year_id', fundYearIds).whereIn('claim_no', claimNos);
  const byNo = new Map<string, OriginalClaim>();
  for (const r of rows.sort((a, b) => fundYearIds.indexOf(b.fund_year_id) - fundYearIds.indexOf(a.fund_year_id))) {
    byNo.set(r.claim_no, { ...r, is_reversal: r.reverses_claim_id !== null, amounts: amountsOf(r) });
  }
  return byNo;
}

/** The stored reversals of these originals, by original. */
async function storedReversals(q: Knex | Knex.Transaction, originalIds: number[]) {
  const rows = originalIds.length ? await q('claims').select<StoredClaim[]>(COLUMNS).whereIn('reverses_claim_id', originalIds) : [];
  const byOriginal = new Map<number, (StoredClaim & { amounts: Amounts })[]>();
  for (const r of rows) {
    const id = r.reverses_claim_id!;
    byOriginal.set(id, [...(byOriginal.get(id) ?? []), { ...r, amounts: amountsOf(r) }]);
  }
  return byOriginal;
}
