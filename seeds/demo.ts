// Loads the demo group into an empty database (never on top of real data), in one transaction.
// Each domain adds its demo data as a step below; steps run in order and see the units.
import type { Knex } from 'knex';
import { seedOrg, type UnitRow } from './org';
import { settlementDemo } from './settlement';
import { hrDemo } from './hr';
import { healthDemoStep } from './health';
import { referralsDemo } from './referrals';
import { financeDemo } from './finance';
import { procurementDemo } from './procurement';
import { payDemo } from './pay';
import { qualityDemo } from './quality';
import { pharmacyDemo } from './pharmacy';
import { monitoringDemo } from './monitoring';
import { diagnosisDemo } from './diagnosis';
import { config } from '../api/config';
import { logger } from '../api/http/logger';
import * as clock from '../api/core/clock';

export interface DemoContext {
  units: UnitRow[];
  /** 1 = the reference group's volumes; tests pass a fraction */
  scale: number;
  /** "today" for data dated relative to now (fund years, due tasks) */
  today: Date;
  demoPassword: string;
}

export interface DemoStep {
  name: string;
  run: (trx: Knex.Transaction, ctx: DemoContext) => Promise<unknown>;
}

/** Demo data of the domains, in dependency order. A domain with demo data adds its step here. */
export const demoSteps: DemoStep[] = [
  hrDemo,
  healthDemoStep,
  referralsDemo,
  settlementDemo,
  financeDemo,
  procurementDemo,
  qualityDemo,
  payDemo,
  pharmacyDemo,
  diagnosisDemo,
  monitoringDemo,
];

export async function loadDemoIfEmpty(knex: Knex, scale = config.demoScale, today = clock.now()): Promise<boolean> {
  const [{ count }] = await knex('org_units').count<{ count: number }[]>('* as count');
  if (Number(count) > 0) return false;
  await knex.transaction(async (trx) => {
    // two starting replicas must not both seed: the second waits here, then finds data
    await trx.raw('LOCK TABLE org_units IN EXCLUSIVE MODE');
    const [{ again }] = await trx('org_units').count<{ again: number }[]>('* as again');
    if (Number(again) > 0) return;
    const started = Date.now();
    const units = await seedOrg(trx, config.demoPassword);
    const ctx: DemoContext = { units, scale, today, demoPassword: config.demoPassword };
    for (const step of demoSteps) {
      const t0 = Date.now();
      const result = await step.run(trx, ctx);
      // fresh tables have no statistics yet: later steps' queries (settlement reads the health
      // indicators) would be planned blind and take minutes instead of seconds
      await trx.raw('ANALYZE');
      logger.info({ step: step.name, ms: Date.now() - t0, result }, 'demo data');
    }
    await trx('audit_log').insert({
      actor_name: 'system',
      action: 'seed',
      resource: 'demo',
      after: JSON.stringify({ units: units.length, scale, ms: Date.now() - started }),
    });
  });
  return true;
}
