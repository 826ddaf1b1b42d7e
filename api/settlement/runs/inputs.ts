// A run's frozen inputs: the health indicators (from api/health) of the run's months 1..m that its allocation reads,
// one row per version, unit and indicator in settlement_run_inputs. A version is calculated from its stored rows, so
// that a follow-up recorded later changes the next version only, and shows in that version's difference.
import type { Knex } from 'knex';
import { healthIndicators } from '../../health';
import { HEALTH_INPUT, type HealthInputKey } from '../enums';
import type { FundYear } from '../fundYears/model';
import type { UnitInfo } from './calculation';
import type { HealthInput } from './rules';

/** The health indicators the fund year's pools score on (none: nothing read, nothing stored). */
export const wantedInputs = (fy: FundYear): HealthInputKey[] =>
  HEALTH_INPUT.values.filter((k) => fy.allocation.pools.some((p) => p.indicators.some((i) => i.key === k)));

/** The indicators of each recipient over months 1..throughMonth of the fund year, as health reads them now. */
export async function readHealthInputs(trx: Knex.Transaction, fy: FundYear, throughMonth: number, recipients: UnitInfo[]): Promise<HealthInput[]> {
  const wanted = wantedInputs(fy);
  if (!wanted.length || !recipients.length) return [];
  const rates = await healthIndicators({ orgUnitIds: recipients.map((u) => u.id), year: fy.year, throughMonth }, trx);
  return recipients.flatMap((u) =>
    wanted.map((indicator) => {
      const r = rates.get(u.id)![indicator];
      return { org_unit_id: u.id, indicator, numerator: r.numerator, denominator: r.denominator, value: r.value };
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
