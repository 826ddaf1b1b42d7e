// Monitoring demo (issue 21, part 1): every visit (诊疗人次) of each member unit per month, last year
// from January and this year up to the last complete month, with its 中医 share — volumes plausible
// for the levels (a county HQ hospital some 40,000 a month, a branch 12,000, a township centre 3,000,
// a village clinic 300; 中医 8%, 10%, 15%, 5%), each unit and month ±15%. Deterministic.
import type { Knex } from 'knex';
import { dayKey } from '../api/core/clock';
import { seeded } from '../api/shared/random';
import type { DemoContext, DemoStep } from './demo';

const MONTHLY: Record<number, [visits: number, tcmShare: number]> = { 1: [40_000, 0.08], 2: [12_000, 0.1], 3: [3000, 0.15], 4: [300, 0.05] };

export const monitoringDemo: DemoStep = {
  name: 'monitoring',
  run: async (trx: Knex.Transaction, ctx: DemoContext) => {
    const today = dayKey(ctx.today);
    const year = Number(today.slice(0, 4));
    const thisMonth = Number(today.slice(5, 7));
    const months = [
      ...Array.from({ length: 12 }, (_, m) => `${year - 1}-${String(m + 1).padStart(2, '0')}-01`),
      ...Array.from({ length: thisMonth - 1 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-01`),
    ];
    const rng = seeded(2027_0102);
    const rows = ctx.units
      .filter((u) => MONTHLY[u.level])
      .flatMap((u) =>
        months.map((month) => {
          const [base, tcm] = MONTHLY[u.level];
          const visits = Math.round(base * (0.85 + 0.3 * rng()));
          return { org_unit_id: u.id, month, visits, tcm_visits: Math.round(visits * tcm * (0.8 + 0.4 * rng())), source: 'import' };
        }),
      );
    await trx.batchInsert('visit_counts', rows, 1000);
    return { visit_counts: rows.length };
  },
};
