// Demo data of 医保打包付费 for the reference county (大通县): last year complete (claims for
// all twelve months, the final run calculated and waiting for review) and this year to date
// (monthly provisional runs up to last month). About 400,000 insured and 200,000 claims a year
// at scale 1, generated in SQL (INSERT … SELECT generate_series). Last year's premiums are set
// from its spending so that its final surplus rate lands near the reference's 10.27%; townships
// differ markedly in admissions (their quality factor q), so the allocation has something to reward.
import type { Knex } from 'knex';
import { systemActor } from '../api/core/actor';
import { shanghaiWallTime } from '../api/core/clock';
import { record } from '../api/core/transaction';
import { checkDigit, protectIdNumber } from '../api/core/personalId';
import { fromFen, toFen, divRound, splitByLargestRemainder } from '../api/shared/money';
import { seeded, between } from '../api/shared/random';
import {
  calculateIn,
  SettlementRun,
  DEFAULT_ALLOCATION,
  DEFAULT_GATES,
  DEFAULT_INDICATOR_THRESHOLDS,
  DEFAULT_PROFILE,
  DEFAULT_TIERS,
  periodText,
} from '../api/settlement';
import type { DemoContext, DemoStep } from './demo';

export const REGION = '大通县';
const TARGET_SURPLUS_RATE = 0.1027;

interface Town {
  unit_id: number;
  code: string;
  branch_id: number;
  village_ids: number[];
  population: number;
  q: number;
}

export function townships(ctx: DemoContext, rng: () => number): Town[] {
  const byId = new Map(ctx.units.map((u) => [u.id, u]));
  const towns = ctx.units.filter((u) => DEFAULT_ALLOCATION.recipient_kinds.includes(u.kind)).sort((a, b) => (a.code < b.code ? -1 : 1));
  const villages = (id: number) => ctx.units.filter((u) => u.parent_id === id).map((u) => u.id);
  const insured = Math.max(towns.length * 20, Math.round(400_000 * ctx.scale));
  // rural townships carry their villages' people; urban community centres a few thousand more
  const weights = towns.map((t) => villages(t.id).length * 1150 + (t.kind === 'community' ? 6000 : 3000));
  const pops = splitByLargestRemainder(BigInt(insured), weights).map(Number);
  return towns.map((t, i) => ({
    unit_id: t.id,
    code: t.code,
    branch_id: byId.get(t.id)!.parent_id!,
    village_ids: villages(t.id),
    population: pops[i],
    // a few townships markedly better (fewer admissions), a few worse
    q: i % 7 === 0 ? 0.72 : i % 5 === 1 ? 1.3 : 0.9 + rng() * 0.2,
  }));
}

/** A pool of insured persons per township with valid, protected ID numbers (大通县 630121). */
export async function insuredPersons(trx: Knex.Transaction, towns: Town[], scale: number, rng: () => number) {
  await trx.raw('CREATE TEMP TABLE demo_persons (gidx int PRIMARY KEY, hash text, masked text, cipher text) ON COMMIT DROP');
  const total = Math.max(towns.length * 5, Math.round(30_000 * scale));
  const sum = towns.reduce((a, t) => a + t.population, 0);
  const rows: { gidx: number; hash: string; masked: string; cipher: string }[] = [];
  const offsets: number[] = [];
  const counts: number[] = [];
  for (const t of towns) {
    offsets.push(rows.length);
    const n = Math.max(5, Math.round((total * t.population) / sum));
    counts.push(n);
    for (let k = 0; k < n; k++) {
      const birth = `${between(rng, 1940, 2022)}${String(between(rng, 1, 12)).padStart(2, '0')}${String(between(rng, 1, 28)).padStart(2, '0')}`;
      const first17 = `630121${birth}${String(between(rng, 0, 999)).padStart(3, '0')}`;
      const p = protectIdNumber(first17 + checkDigit(first17));
      rows.push({ gidx: rows.length, hash: p.id_number_hash, masked: p.id_number_masked, cipher: p.id_number_cipher });
    }
  }
  await trx.batchInsert('demo_persons', rows, 2000);
  return { offsets, counts };
}

/** Claims of one fund year, settled from Jan 1 up to `lastDay`, in one INSERT … SELECT. */
export async function generateClaims(
  trx: Knex.Transaction,
  fundYearId: number,
  year: number,
  lastDay: string,
  count: number,
  towns: Town[],
  persons: { offsets: number[]; counts: number[] },
  qDrift: number,
  seed: number,
) {
  if (count <= 0) return;
  await trx.raw('DROP TABLE IF EXISTS demo_towns');
  await trx.raw(
    'CREATE TEMP TABLE demo_towns (idx int PRIMARY KEY, unit_id int, branch_id int, village_ids int[], q float8, person_offset int, persons int) ON COMMIT DROP',
  );
  await trx('demo_towns').insert(
    towns.map((t, i) => ({
      idx: i,
      unit_id: t.unit_id,
      branch_id: t.branch_id,
      village_ids: t.village_ids,
      q: t.q * (i % 3 === 0 ? qDrift : 1),
      person_offset: persons.offsets[i],
      persons: persons.counts[i],
    })),
  );
  // 10,000 slots, each naming a township in proportion to its population: the draw is one array look-up
  const slots = splitByLargestRemainder(
    10_000n,
    towns.map((t) => t.population),
  ).flatMap((n, i) => Array.from({ length: Number(n) }, () => i));
  const hq = await trx('org_units').select('id').where('level', 1).first();
  await trx.raw('SELECT setseed(?)', [seed]);
  await trx.raw(
    `INSERT INTO claims (fund_year_id, claim_no, id_number_hash, id_number_masked, id_number_cipher, insured_unit_id, provider_class, org_unit_id, provider_name,
                         care_type, visit_on, discharged_on, settled_on, total_cost, fund_paid, self_pay, self_funded, drug_cost, consumables_cost, diagnosis, referred_up)
     WITH r AS (
       SELECT i, random() AS r_town, random() AS r_care, random() AS r_prov, random() AS r_amt, random() AS r_day, random() AS r_los, random() AS r_person,
              random() AS r_fund, random() AS r_sf, random() AS r_drug, random() AS r_cons, random() AS r_ref, random() AS r_vil, random() AS r_diag
         FROM generate_series(1, :count) i
     ), t AS (
       SELECT r.*, d.*, (r.r_care < 0.28 * d.q) AS inpatient FROM r JOIN demo_towns d ON d.idx = (:slots::int[])[1 + floor(r.r_town * 10000)::int]
     ), p AS (
       SELECT t.*,
              CASE WHEN inpatient THEN
                CASE WHEN r_prov < 0.14 THEN 'hq' WHEN r_prov < 0.50 THEN 'branch' WHEN r_prov < 0.78 THEN 'township' WHEN r_prov < 0.86 THEN 'county' ELSE 'outside' END
              ELSE
                CASE WHEN r_prov < 0.55 AND cardinality(village_ids) > 0 THEN 'village' WHEN r_prov < 0.75 THEN 'township' WHEN r_prov < 0.88 THEN 'branch' WHEN r_prov < 0.95 THEN 'county' ELSE 'outside' END
              END AS site,
              (:year_start::date + floor(r_day * (:last_day::date - :year_start::date + 1))::int) AS settled
         FROM t
     ), c AS (
       SELECT p.*,
              round(((CASE WHEN inpatient THEN
                        CASE site WHEN 'hq' THEN 14000 WHEN 'branch' THEN 6500 WHEN 'township' THEN 2600 WHEN 'county' THEN 5200 ELSE 18000 END
                      ELSE
                        CASE site WHEN 'village' THEN 60 WHEN 'township' THEN 180 WHEN 'branch' THEN 400 WHEN 'county' THEN 300 ELSE 900 END
                      END) * 0.967 * (0.5 + r_amt))::numeric, 2) AS total,
              (CASE WHEN inpatient THEN
                 CASE site WHEN 'hq' THEN 0.60 WHEN 'branch' THEN 0.68 WHEN 'township' THEN 0.80 WHEN 'county' THEN 0.62 ELSE 0.50 END
               ELSE 0.55 END) + (r_fund - 0.5) * 0.08 AS fund_ratio,
              0.02 + 0.06 * r_sf AS sf_ratio
         FROM p
     ), m AS (
       SELECT c.*, round(total * fund_ratio::numeric, 2) AS fund, round(total * sf_ratio::numeric, 2) AS sf FROM c
     )
     SELECT :fund_year_id, format('%s-%s', :year_text::text, lpad(i::text, 7, '0')),
            pe.hash, pe.masked, pe.cipher, m.unit_id,
            CASE site WHEN 'county' THEN 'out_group_in_county' WHEN 'outside' THEN 'out_of_county' ELSE 'in_group' END,
            CASE site WHEN 'hq' THEN :hq WHEN 'branch' THEN branch_id WHEN 'township' THEN m.unit_id WHEN 'village' THEN village_ids[1 + floor(r_vil * cardinality(village_ids))::int] END,
            CASE site WHEN 'county' THEN (ARRAY['大通县妇幼保健院', '大通县康宁康复医院'])[1 + floor(r_vil * 2)::int]
                      WHEN 'outside' THEN (ARRAY['青海大学附属医院', '青海省人民医院', '兰州大学第一医院'])[1 + floor(r_vil * 3)::int] END,
            CASE WHEN inpatient THEN 'inpatient' ELSE 'outpatient' END,
            CASE WHEN inpatient THEN greatest(:year_start::date, settled - (1 + floor(r_los * 12))::int) ELSE settled END,
            CASE WHEN inpatient THEN settled END,
            settled,
            total, fund, total - fund - sf, sf,
            round(total * (0.25 + 0.2 * r_drug)::numeric, 2), round(total * (0.15 * r_cons)::numeric, 2),
            (ARRAY['I10', 'E11.9', 'J18.9', 'K29.7', 'I63.9', 'J44.1', 'N39.0', 'M54.5', 'I25.1', 'J06.9'])[1 + floor(r_diag * 10)::int],
            inpatient AND site IN ('hq', 'branch') AND r_ref < 0.15
       FROM m JOIN demo_persons pe ON pe.gidx = m.person_offset + floor(m.r_person * m.persons)::int`,
    { count, slots: `{${slots.join(',')}}`, year_start: `${year}-01-01`, last_day: lastDay, fund_year_id: fundYearId, year_text: String(year), hq: hq.id },
  );
}

async function addFundYear(trx: Knex.Transaction, year: number, insured: number, premiumTotal: bigint) {
  const [fy] = await trx('fund_years')
    .insert({
      region: REGION,
      year,
      insured_count: insured,
      ...premiums(premiumTotal),
      bundle_ratio: '0.9000',
      overspend_tiers: JSON.stringify(DEFAULT_TIERS),
      gates: JSON.stringify(DEFAULT_GATES),
      indicator_thresholds: JSON.stringify(DEFAULT_INDICATOR_THRESHOLDS),
      allocation: JSON.stringify(DEFAULT_ALLOCATION),
      monthly_profile: JSON.stringify(DEFAULT_PROFILE),
    })
    .returning('id');
  return fy.id as number;
}

/** Premiums, rounded to the yuan, with the catastrophic (10%) and outpatient (12%) pools taken off. */
function premiums(total: bigint) {
  const yuan = (f: bigint) => divRound(f, 100n) * 100n;
  const t = yuan(total);
  return { premium_total: fromFen(t), catastrophic_pool: fromFen(yuan((t * 10n) / 100n)), outpatient_pool: fromFen(yuan((t * 12n) / 100n)) };
}

async function addRun(trx: Knex.Transaction, fundYearId: number, period: string, kind: 'provisional' | 'final', throughMonth: number) {
  const actor = { ...systemActor('demo'), roles: ['group_finance'] };
  const run = await SettlementRun.query(trx).insertAndFetch({
    fund_year_id: fundYearId,
    period,
    kind,
    through_month: throughMonth,
    status: 'draft',
    version: 0,
  });
  await trx('settlement_run_events').insert({ run_id: run.id, action: 'created', actor_name: actor.username });
  await calculateIn(trx, actor, (e) => record(trx, actor, e), run, null);
}

export const settlementDemo: DemoStep = {
  name: 'settlement',
  run: async (trx, ctx) => {
    const rng = seeded(6);
    const local = shanghaiWallTime(ctx.today);
    const year = local.getUTCFullYear();
    const month = local.getUTCMonth() + 1;
    const towns = townships(ctx, rng);
    const insured = towns.reduce((a, t) => a + t.population, 0);
    const perYear = Math.max(200, Math.round(200_000 * ctx.scale));
    const t0 = Date.now();
    const persons = await insuredPersons(trx, towns, ctx.scale, rng);
    const tPersons = Date.now() - t0;

    // last year: claims first, then premiums set so the final surplus rate lands near 10.27%
    const lastId = await addFundYear(trx, year - 1, insured, 0n);
    await generateClaims(trx, lastId, year - 1, `${year - 1}-12-31`, perYear, towns, persons, 1, 0.27);
    const [{ spent }] = await trx('claims').where('fund_year_id', lastId).sum({ spent: 'fund_paid' });
    const budget = (toFen(String(spent)) * 10000n) / BigInt(Math.round((1 - TARGET_SURPLUS_RATE) * 10000));
    const premiumTotal = ((budget * 10n ** 6n) / (9n * 10n ** 5n) / 78n) * 100n;
    await trx('fund_years').where('id', lastId).update(premiums(premiumTotal));

    // this year: premiums of ¥1,150 a head, claims up to yesterday, some townships improving
    const thisId = await addFundYear(trx, year, insured, BigInt(insured) * 115_000n);
    const yesterday = new Date(Date.UTC(year, month - 1, local.getUTCDate() - 1)).toISOString().slice(0, 10);
    const daysSoFar = Math.max(0, Math.round((Date.parse(yesterday) - Date.UTC(year, 0, 1)) / 86400000) + 1);
    if (yesterday.startsWith(String(year)))
      await generateClaims(trx, thisId, year, yesterday, Math.round((perYear * daysSoFar) / 365), towns, persons, 0.85, 0.61);

    // insured population per township: this year's and last year's (with the year-before baseline)
    for (const [id, drift] of [
      [lastId, 1],
      [thisId, 1.01],
    ] as const) {
      await trx.batchInsert(
        'fund_year_populations',
        towns.map((t) => ({
          fund_year_id: id,
          org_unit_id: t.unit_id,
          insured_population: Math.round(t.population * drift),
          baseline_admissions: id === lastId ? Math.round((perYear * t.population * 0.28 * 1.05) / insured) : null,
        })),
        500,
      );
    }

    // satisfaction surveys for every month settled so far
    const respondents = Math.max(20, Math.round(600 * ctx.scale));
    const surveys = [
      ...Array.from({ length: 12 }, (_, i) => ({ fund_year_id: lastId, month: i + 1 })),
      ...Array.from({ length: month - 1 }, (_, i) => ({ fund_year_id: thisId, month: i + 1 })),
    ].map((s) => ({ ...s, score: (86 + rng() * 7).toFixed(2), respondents: respondents + between(rng, 0, 50) }));
    await trx.batchInsert('satisfaction_scores', surveys, 500);

    await trx.raw('ANALYZE claims');
    const tClaims = Date.now() - t0;
    await addRun(trx, lastId, String(year - 1), 'final', 12);
    for (let m = 1; m < month; m++) await addRun(trx, thisId, periodText(year, m), 'provisional', m);
    return { insured, claims_last_year: perYear, runs: month, ms_persons: tPersons, ms_claims: tClaims, ms_runs: Date.now() - t0 - tClaims };
  },
};
