// Each pool of the retained surplus scores its recipients on its own indicators (issue 18): a fund year's
// `allocation` moves its one list of indicator weights into every pool (`pools[i].indicators`), so a year
// stored before keeps allocating as it did; finance then sets each pool's own. `surplus_allocations` keeps
// the weight each indicator counted with (an indicator that separates no recipient is left out, its weight
// shared out over the others). The JSON shapes are written out here as they were when this migration landed.
import type { Knex } from 'knex';

interface Indicator {
  key: string;
  weight: number;
  higher_is_better: boolean;
}
interface OldAllocation {
  pools: { key: string; share: number; indicators?: Indicator[] }[];
  recipient_kinds: string[];
  indicators?: Indicator[];
}

/** Rewrites every fund year's allocation, keeping how it was stored (a jsonb object, or a JSON text inside jsonb). */
async function rewrite(knex: Knex, change: (a: OldAllocation) => OldAllocation) {
  const { rows } = await knex.raw<{ rows: { id: number; text: string; kind: string }[] }>(
    `SELECT id, allocation #>> '{}' AS text, jsonb_typeof(allocation) AS kind FROM fund_years`,
  );
  for (const r of rows) {
    const next = JSON.stringify(change(JSON.parse(r.text) as OldAllocation));
    await knex.raw(
      r.kind === 'string' ? 'UPDATE fund_years SET allocation = to_jsonb(?::text) WHERE id = ?' : 'UPDATE fund_years SET allocation = ?::jsonb WHERE id = ?',
      [next, r.id],
    );
  }
}

export async function up(knex: Knex) {
  await rewrite(knex, ({ indicators, ...a }) => ({
    ...a,
    pools: a.pools.map((p) => ({ ...p, indicators: p.indicators ?? (indicators ?? []).map((k) => ({ ...k })) })),
  }));
  await knex.schema.alterTable('surplus_allocations', (t) => {
    t.jsonb('indicator_weights');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('surplus_allocations', (t) => {
    t.dropColumn('indicator_weights');
  });
  // back to one list: the first pool's
  await rewrite(knex, (a) => ({
    pools: a.pools.map(({ key, share }) => ({ key, share })),
    recipient_kinds: a.recipient_kinds,
    indicators: a.indicators ?? a.pools[0]?.indicators ?? [],
  }));
}
