// A run's frozen inputs: the health indicators of the run's months 1..m that its allocation reads (the rates from
// api/health; the managed chronic patients' admission rate from api/monitoring, through a source wired by
// api/domains.ts, since monitoring reads settlement's claims and settlement may not import it back), one row per
// version, unit and indicator in settlement_run_inputs. A version is calculated from its stored rows, so that a
// follow-up recorded later changes the next version only, and shows in that version's difference.
import type { Knex } from 'knex';
import { healthIndicators } from '../../health';
import { HEALTH_INPUT, type HealthInputKey } from '../enums';
import type { FundYear } from '../fundYears/model';
import type { UnitInfo } from './calculation';
import type { HealthInput } from './rules';

/** The inputs api/health answers itself (healthIndicators). */
const FROM_HEALTH = ['standardised_management_rate', 'control_rate'] as const satisfies readonly HealthInputKey[];
type SourcedInput = Exclude<HealthInputKey, (typeof FROM_HEALTH)[number]>;
/** An input another domain computes: each unit's (subtree's) counts over months 1..throughMonth of the year. */
export type InputSource = (
  conn: Knex.Transaction,
  unitIds: number[],
  year: number,
  throughMonth: number,
) => Promise<Map<number, { numerator: number; denominator: number }>>;
const sources = new Map<SourcedInput, InputSource>();
/** Wires the source of an input computed outside settlement (api/domains.ts: the admission rate from api/monitoring). */
export function useInputSource(key: SourcedInput, source: InputSource) {
  sources.set(key, source);
}
const value4 = (numerator: number, denominator: number) => (denominator > 0 ? Math.round((numerator / denominator) * 1e4) / 1e4 : null);

/** The health indicators the fund year's pools score on (none: nothing read, nothing stored). */
export const wantedInputs = (fy: FundYear): HealthInputKey[] =>
  HEALTH_INPUT.values.filter((k) => fy.allocation.pools.some((p) => p.indicators.some((i) => i.key === k)));

/** The indicators of each recipient over months 1..throughMonth of the fund year, as health reads them now. */
export async function readHealthInputs(trx: Knex.Transaction, fy: FundYear, throughMonth: number, recipients: UnitInfo[]): Promise<HealthInput[]> {
  const wanted = wantedInputs(fy);
  if (!wanted.length || !recipients.length) return [];
  const ids = recipients.map((u) => u.id);
  type Counts = { numerator: number; denominator: number; value: number | null };
  const byKey = new Map<HealthInputKey, (unitId: number) => Counts | undefined>();
  const fromHealth = FROM_HEALTH.filter((k) => wanted.includes(k));
  if (fromHealth.length) {
    const rates = await healthIndicators({ orgUnitIds: ids, year: fy.year, throughMonth }, trx);
    for (const k of fromHealth) byKey.set(k, (id) => rates.get(id)?.[k]);
  }
  for (const key of wanted) {
    if (byKey.has(key)) continue;
    const source = sources.get(key as SourcedInput);
    if (!source) throw new Error(`no source wired for the allocation input ${key} (api/domains.ts)`);
    const counts = await source(trx, ids, fy.year, throughMonth);
    byKey.set(key, (id) => {
      const c = counts.get(id);
      return c && { ...c, value: value4(c.numerator, c.denominator) };
    });
  }
  return recipients.flatMap((u) =>
    wanted.map((indicator) => {
      const c = byKey.get(indicator)!(u.id);
      return { org_unit_id: u.id, indicator, numerator: c?.numerator ?? 0, denominator: c?.denominator ?? 0, value: c?.value ?? null };
    }),
  );
}

export async function storeInputs(trx: Knex.Transaction, runId: number, version: number, inputs: HealthInput[]) {
  if (inputs.length)
    await trx.batchInsert(
      'settlement_run_inputs',
      inputs.map((i) => ({ run_id: runId, version, ...i })),
      500,
    );
}

/** The stored inputs of one version of a run, by unit id then indicator. */
export async function storedInputs(q: Knex | Knex.Transaction, runId: number, version: number): Promise<HealthInput[]> {
  const rows = await q('settlement_run_inputs')
    .select<(Omit<HealthInput, 'value'> & { value: string | null })[]>('org_unit_id', 'indicator', 'numerator', 'denominator', 'value')
    .where({ run_id: runId, version })
    .orderBy(['org_unit_id', 'indicator']);
  return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}
