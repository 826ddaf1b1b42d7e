// Demo data of 医保打包付费 for the reference county (大通县): last year complete (claims for
// all twelve months, the final run calculated and waiting for review) and this year to date
// (monthly provisional runs up to last month). About 400,000 insured and 200,000 claims a year
// at scale 1, generated in SQL (INSERT … SELECT generate_series) from claimsMix.ts: each claim's
// diagnosis drawn from its township's spectrum, its site from the diagnosis, its cost, length and
// drug, consumables and self-funded shares from the diagnosis at that site, so the figures differ by
// level as a county's report shows them; the insured named, the name fitting the sex. Last year's
// premiums are set from its spending so that its final surplus rate is the reference's 10.27%;
// townships differ markedly in admissions (their quality factor q), so the allocation has
// something to reward.
import type { Knex } from 'knex';
import { systemActor } from '../api/core/actor';
import { shanghaiWallTime } from '../api/core/clock';
import { record } from '../api/core/transaction';
import { protectIdNumber } from '../api/core/personalId';
import { drawBirth, idNumberFor } from './people';
import { pgArray } from './sql';
import { fromFen, toFen, divRound, mulRatio, splitByLargestRemainder } from '../api/shared/money';
import { seeded, between } from '../api/shared/random';
import { BRANCH_DRUG_HABIT, parameters, PEOPLE_MIX, slots, TOWNSHIP_DRUG_HABIT, townshipSpectrum } from './claimsMix';
import { personName, tibetanName, tibetanShare } from './names';
import {
  calculateIn,
  SettlementRun,
  DEFAULT_ALLOCATION,
  DEFAULT_BUNDLE_RATIO,
  budgetOf,
  monthlyBudgets,
  rate4,
  DEFAULT_GATES,
  DEFAULT_INDICATOR_THRESHOLDS,
  DEFAULT_PROFILE,
  DEFAULT_TIERS,
  periodText,
  signOffMonths,
} from '../api/settlement';
import type { DemoContext, DemoStep } from './demo';

export const REGION = '大通县';
const TARGET_SURPLUS_RATE = 0.1027;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/**
 * Share of the claims that are stays (× a township's q): 200,000 claims a year of 400,000 insured
 * make about 17 admissions per 100 insured, a western county's rate (the country's was 19 in 2019),
 * and a fund spending about ¥690 a head, what premiums of about ¥1,100 a head carry at 10.27%.
 */
const STAY_SHARE = 0.34;
/**
 * The share of the managed chronic patients who are in the pool of insured people the claims draw from:
 * a pooled older person has some 3 stays a year (the pool is small beside the claims), so 4% of the
 * managed make their yearly admission rate about 11%, a managed hypertension or diabetes patient's 8–15%.
 */
const RESIDENTS_IN_POOL = 0.04;
/** The share of the outpatient claims at in-county providers outside the group that a designated pharmacy fills. */
const PHARMACY_SHARE = 0.4;

/**
 * This year against last: the premium a head rises by 4% (a county's yearly rise is 3–5%), the
 * claims by 6% (more people use the scheme), and every third township improves (its admissions ×
 * Q_DRIFT): the year-to-date surplus rate stays within a few points of last year's 10.27%.
 */
const PREMIUM_RISE = 1.04;
const UTILISATION_GROWTH = 1.06;
const Q_DRIFT = 0.92;

interface Town {
  unit_id: number;
  code: string;
  branch_id: number;
  branch_code: string;
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
    branch_code: byId.get(byId.get(t.id)!.parent_id!)!.code,
    village_ids: villages(t.id),
    population: pops[i],
    // a few townships markedly better (fewer admissions), a few worse
    q: i % 7 === 0 ? 0.72 : i % 5 === 1 ? 1.3 : 0.9 + rng() * 0.2,
  }));
}

/**
 * A pool of insured persons per township with valid, protected ID numbers (大通县 630121) and names
 * that match their sex, in five groups (PEOPLE: children, women and men 15–44, 45 and over) so a
 * diagnosis befalls whom it can: a delivery a young woman, bronchiolitis a child.
 */
export async function insuredPersons(trx: Knex.Transaction, towns: Town[], scale: number, year: number, rng: () => number) {
  await trx.raw('CREATE TEMP TABLE demo_persons (gidx int PRIMARY KEY, hash text, masked text, cipher text, name text) ON COMMIT DROP');
  const total = Math.max(towns.length * 5, Math.round(30_000 * scale));
  const sum = towns.reduce((a, t) => a + t.population, 0);
  const rows: { gidx: number; hash: string; masked: string; cipher: string; name: string }[] = [];
  // per township: where each group starts in the pool, and how many it has
  const groups: { offsets: number[]; counts: number[] }[] = [];
  const used = new Set<string>();
  for (const t of towns) {
    const n = Math.max(PEOPLE_MIX.length, Math.round((total * t.population) / sum));
    const counts = splitByLargestRemainder(
      BigInt(n - PEOPLE_MIX.length),
      PEOPLE_MIX.map(([, share]) => share),
    ).map((k) => Number(k) + 1);
    const offsets: number[] = [];
    PEOPLE_MIX.forEach(([, , youngest, oldest, sex], g) => {
      offsets.push(rows.length);
      for (let k = 0; k < counts[g]; k++) {
        const s = sex ?? (rng() < 0.5 ? 'M' : 'F');
        // born before last year, the first year of claims: no claim predates its patient; one person, one number
        const { birth } = drawBirth(rng, year - 1, youngest, oldest);
        const p = protectIdNumber(idNumberFor('630121', birth, s, between(rng, 0, 99) * 5 + between(rng, 0, 4), used));
        const name = rng() < tibetanShare(t.code) ? tibetanName(rng, s) : personName(rng, s);
        rows.push({ gidx: rows.length, hash: p.id_number_hash, masked: p.id_number_masked, cipher: p.id_number_cipher, name });
      }
    });
    groups.push({ offsets, counts });
  }
  await trx.batchInsert('demo_persons', rows, 2000);
  // a few of each township's managed hypertension and diabetes patients (health’s residents, 4 of every 100
  // by their id, spread evenly) are in the pool as themselves, among the older people of their sex: the
  // resident–claim join (by the ID number's hash) finds their stays. Identities only: no draw above
  // changes, so neither does any amount.
  await trx.raw(
    `WITH t AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(unit_id int, sex text, first int, n int)),
          r AS (SELECT t.first, t.n, r.id_number_hash, r.id_number_masked, r.id_number_cipher, r.name,
                       row_number() OVER (PARTITION BY t.first ORDER BY r.id) - 1 AS k
                  FROM t JOIN org_units u ON u.id = t.unit_id
                  JOIN org_units v ON v.path <@ u.path
                  JOIN residents r ON r.org_unit_id = v.id AND r.sex = t.sex AND r.deregistered_on IS NULL
                 WHERE (r.conditions @> '[{"code":"hypertension"}]' OR r.conditions @> '[{"code":"diabetes"}]')
                   AND mod(r.id * 37, 100) < ?)
     UPDATE demo_persons p SET hash = r.id_number_hash, masked = r.id_number_masked, cipher = r.id_number_cipher, name = r.name
       FROM r WHERE r.k < r.n AND p.gidx = r.first + r.k`,
    [
      JSON.stringify(
        towns.flatMap((t, i) =>
          PEOPLE_MIX.flatMap(([group], g) =>
            group === 'older_woman' || group === 'older_man'
              ? [{ unit_id: t.unit_id, sex: group === 'older_woman' ? 'F' : 'M', first: groups[i].offsets[g], n: groups[i].counts[g] }]
              : [],
          ),
        ),
      ),
      Math.round(RESIDENTS_IN_POOL * 100),
    ],
  );
  return groups;
}

/**
 * Where the demo's diagnoses and sites are looked up: per township its spectrum as slots, where
 * its people's groups start in the pool, its prescribing habit; per diagnosis the groups it befalls,
 * its sites as slots, and what a stay or a visit averages at each site. Flat arrays the generator
 * passes as constants (an element by its offset: no per-row join, no large array read per row).
 */
export function claimTables(towns: Town[], persons: { offsets: number[]; counts: number[] }[], rng: () => number) {
  const spectra = towns.map((t) => townshipSpectrum(t.code, rng));
  const inpatient = (t: Town) => STAY_SHARE * t.q;
  const params = parameters(
    spectra,
    towns.map((t) => ({ stays: t.population * inpatient(t), visits: t.population * (1 - inpatient(t)) })),
  );
  // each township's prescribing habit (its villages follow it), around 1 over the county
  const own = towns.map(() => TOWNSHIP_DRUG_HABIT[0] + (TOWNSHIP_DRUG_HABIT[1] - TOWNSHIP_DRUG_HABIT[0]) * rng());
  const mean = own.reduce((a, h, i) => a + h * towns[i].population, 0) / towns.reduce((a, t) => a + t.population, 0);
  // per diagnosis × care (stay, visit) × site: offset (dx × 2 + care) × 6 + site
  const bySite = (pick: (figures: { cost: number[]; drug: number[]; consumables: number[]; selfFunded: number[]; fund: number[] }) => number[]) =>
    pgArray(params.flatMap((p) => [...pick(p.stay), ...pick(p.visit)]));
  return {
    towns: towns.map((t, i) => ({ drug_habit: own[i] / mean, branch_habit: BRANCH_DRUG_HABIT[t.branch_code] ?? 1 })),
    constants: {
      // per township: 1,000 diagnosis slots of its stays and of its visits; 5 groups' offsets and counts
      dx_stay: pgArray(spectra.flatMap((x) => slots(x.stays, 1000))),
      dx_visit: pgArray(spectra.flatMap((x) => slots(x.visits, 1000))),
      grp_off: pgArray(persons.flatMap((x) => x.offsets)),
      grp_n: pgArray(persons.flatMap((x) => x.counts)),
      // per diagnosis: 60 slots of the groups it befalls (each list fills them evenly), 100 of its sites
      who: pgArray(params.flatMap((p) => Array.from({ length: 60 }, (_, k) => p.who[k % p.who.length]))),
      site_stay: pgArray(params.flatMap((p) => p.staySite)),
      site_visit: pgArray(params.flatMap((p) => p.visitSite)),
      code: pgArray(params.map((p) => p.code)),
      ref_up: pgArray(params.map((p) => p.referredUp)),
      cost: bySite((f) => f.cost),
      drug: bySite((f) => f.drug),
      cons: bySite((f) => f.consumables),
      sf: bySite((f) => f.selfFunded),
      fund: bySite((f) => f.fund),
      los: pgArray(params.flatMap((p) => p.stay.los)),
    },
  };
}

/**
 * Claims of one fund year, settled from Jan 1 up to `lastDay`, in one INSERT … SELECT: each claim's
 * township (by population), stay or visit (stays by the township's quality q), diagnosis (by the
 * township's spectrum), site (by the diagnosis), person (of a group the diagnosis befalls), then its
 * cost, length, drug, consumables and self-funded shares from the diagnosis at that site.
 */
export async function generateClaims(
  trx: Knex.Transaction,
  fundYearId: number,
  year: number,
  lastDay: string,
  count: number,
  towns: Town[],
  tables: ReturnType<typeof claimTables>,
  qDrift: number,
  seed: number,
) {
  if (count <= 0) return;
  await trx.raw('DROP TABLE IF EXISTS demo_towns');
  await trx.raw(
    'CREATE TEMP TABLE demo_towns (idx int PRIMARY KEY, unit_id int, branch_id int, village_ids int[], q float8, drug_habit float8, branch_habit float8) ON COMMIT DROP',
  );
  await trx('demo_towns').insert(
    towns.map((t, i) => ({
      idx: i,
      unit_id: t.unit_id,
      branch_id: t.branch_id,
      village_ids: t.village_ids,
      q: t.q * (i % 3 === 0 ? qDrift : 1),
      ...tables.towns[i],
    })),
  );
  // 10,000 slots, each naming a township in proportion to its population: the draw is one array look-up
  const townSlots = slots(
    towns.map((t) => t.population),
    10_000,
  );
  // 4,000 slots of the days from Jan 1 to `lastDay`, each day in proportion to the season: more
  // admissions in the winter (respiratory disease, strokes, falls on the ice), fewer in the summer
  const days = Math.round((Date.parse(lastDay) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const daySlots = slots(
    Array.from({ length: days }, (_, d) => season(d)),
    4000,
  );
  const hq = (await trx('org_units').select('id').where('level', 1).first<{ id: number } | undefined>())!;
  await trx.raw('SELECT setseed(?)', [seed]);
  // sites: k = 1 hq, 2 branch, 3 township, 4 village, 5 county (outside the group), 6 outside the county (SITES)
  await trx.raw(
    `INSERT INTO claims (fund_year_id, claim_no, id_number_hash, id_number_masked, id_number_cipher, insured_name, insured_unit_id, provider_class, org_unit_id,
                         provider_name, provider_kind, care_type, visit_on, discharged_on, settled_on, total_cost, fund_paid, self_pay, self_funded, drug_cost, consumables_cost,
                         diagnosis, referred_up)
     WITH r AS (
       SELECT i, random() AS r_town, random() AS r_care, random() AS r_dx, random() AS r_site, random() AS r_amt, random() AS r_day, random() AS r_los,
              random() AS r_who, random() AS r_person, random() AS r_fund, random() AS r_sf, random() AS r_drug, random() AS r_cons, random() AS r_ref,
              random() AS r_vil
         FROM generate_series(1, :count) i
     ), t AS (
       SELECT r.*, d.idx AS town, d.unit_id, d.branch_id, d.village_ids, d.drug_habit, d.branch_habit, (r.r_care < :stay_share * d.q) AS inpatient
         FROM r JOIN demo_towns d ON d.idx = (:town_slots::int[])[1 + floor(r.r_town * 10000)::int] OFFSET 0
     ), x AS (
       SELECT t.*, CASE WHEN inpatient THEN (:dx_stay::int[])[1 + town * 1000 + floor(r_dx * 1000)::int]
                        ELSE (:dx_visit::int[])[1 + town * 1000 + floor(r_dx * 1000)::int] END AS dx
         FROM t OFFSET 0
     ), s AS (
       SELECT x.*, (:who::int[])[1 + dx * 60 + floor(r_who * 60)::int] AS grp,
              CASE WHEN inpatient THEN (:site_stay::int[])[1 + dx * 100 + floor(r_site * 100)::int]
                   ELSE (:site_visit::int[])[1 + dx * 100 + floor(r_site * 100)::int] END AS site0
         FROM x OFFSET 0
     ), p AS (
       -- a township without villages treats its village visits itself; o: the offset of (diagnosis, care, site)
       SELECT s.*, 1 + (CASE WHEN site0 = 3 AND cardinality(village_ids) = 0 THEN 2 ELSE site0 END) AS k,
              (:year_start::date + (:day_slots::int[])[1 + floor(r_day * 4000)::int]) AS day
         FROM s OFFSET 0
     ), l AS (
       SELECT p.*, (dx * 2 + CASE WHEN inpatient THEN 0 ELSE 1 END) * 6 + k AS o,
              CASE WHEN inpatient THEN greatest(1, round((:los::float8[])[dx * 6 + k] * (0.5 + r_los)))::int ELSE 0 END AS los
         FROM p OFFSET 0
     ), c AS (
       -- a stay is settled on its discharge day, admitted within the year
       SELECT l.*, round(((:cost::float8[])[o] * (0.55 + 0.9 * r_amt))::numeric, 2) AS total,
              least(:last_day::date, greatest(day, :year_start::date + los)) AS settled
         FROM l OFFSET 0
     ), m AS (
       SELECT c.*, round(total * ((:sf::float8[])[o] * (0.7 + 0.6 * r_sf))::numeric, 2) AS sf,
              round(total * ((:drug::float8[])[o] * (CASE k WHEN 2 THEN branch_habit WHEN 3 THEN drug_habit WHEN 4 THEN drug_habit ELSE 1 END)
                                                  * (0.85 + 0.3 * r_drug))::numeric, 2) AS drug
         FROM c OFFSET 0
     ), f AS (
       SELECT m.*, round((total - sf) * ((:fund::float8[])[o] + (r_fund - 0.5) * 0.08)::numeric, 2) AS fund,
              least(total - drug, round(total * ((:cons::float8[])[o] * (0.8 + 0.4 * r_cons))::numeric, 2)) AS cons,
              (:code::text[])[1 + dx] AS code
         FROM m OFFSET 0
     )
     SELECT :fund_year_id, format('%s-%s', :year_text::text, lpad(i::text, greatest(7, length(i::text)), '0')),
            pe.hash, pe.masked, pe.cipher, pe.name, f.unit_id,
            CASE k WHEN 5 THEN 'out_group_in_county' WHEN 6 THEN 'out_of_county' ELSE 'in_group' END,
            CASE k WHEN 1 THEN :hq WHEN 2 THEN branch_id WHEN 3 THEN f.unit_id WHEN 4 THEN village_ids[1 + floor(r_vil * cardinality(village_ids))::int] END,
            CASE WHEN k = 5 AND NOT inpatient AND r_ref < :pharmacy_share THEN (ARRAY['大通县百姓大药房', '大通县同仁堂药店'])[1 + floor(r_vil * 2)::int]
                 ELSE CASE k WHEN 5 THEN CASE WHEN code LIKE 'O8%' OR code LIKE 'J2%' OR (code = 'J18.9' AND grp = 0) THEN '大通县妇幼保健院'
                                    WHEN code IN ('I63.9', 'M51.2', 'S72.0') THEN '大通县康宁康复医院'
                                    ELSE (ARRAY['大通县妇幼保健院', '大通县康宁康复医院'])[1 + floor(r_vil * 2)::int] END
                   WHEN 6 THEN CASE WHEN code LIKE 'I2%' OR code LIKE 'I6%' OR code LIKE 'I50%' THEN '青海省心脑血管病专科医院'
                                    WHEN code LIKE 'B67%' OR code LIKE 'C%' THEN (ARRAY['青海大学附属医院', '青海省人民医院', '四川大学华西医院'])[1 + floor(r_vil * 3)::int]
                                    ELSE (ARRAY['青海省人民医院', '青海大学附属医院', '兰州大学第一医院'])[1 + floor(r_vil * 3)::int] END END END,
            -- a designated pharmacy (定点零售药店) fills part of the county's outpatient claims outside the group
            CASE WHEN k = 5 AND NOT inpatient AND r_ref < :pharmacy_share THEN 'pharmacy' ELSE 'institution' END,
            CASE WHEN inpatient THEN 'inpatient' ELSE 'outpatient' END,
            CASE WHEN inpatient THEN greatest(:year_start::date, settled - los) ELSE settled END,
            CASE WHEN inpatient THEN settled END,
            settled,
            total, fund, total - fund - sf, sf, drug, cons, code,
            inpatient AND k IN (1, 2) AND r_ref < (:ref_up::float8[])[1 + dx]
       FROM f JOIN demo_persons pe ON pe.gidx = (:grp_off::int[])[1 + town * 5 + grp] + floor(f.r_person * (:grp_n::int[])[1 + town * 5 + grp])::int`,
    {
      count,
      town_slots: pgArray(townSlots),
      day_slots: pgArray(daySlots),
      year_start: `${year}-01-01`,
      last_day: lastDay,
      fund_year_id: fundYearId,
      year_text: String(year),
      hq: hq.id,
      stay_share: STAY_SHARE,
      pharmacy_share: PHARMACY_SHARE,
      ...tables.constants,
    },
  );
}

/** How busy the d-th day of the year (from 0) is against the year's mean: +10% in mid-January, −10% in mid-July. */
export const season = (d: number) => 1 + 0.1 * Math.cos((2 * Math.PI * (d - 15)) / 365);

/**
 * A fund year's monthly budget shares by the season's shape (the days of each month weighed by
 * `season`), to four decimals adding up to 1: the fund office budgets the winter months higher.
 */
export function seasonalProfile(year: number): number[] {
  const weights = Array.from({ length: 12 }, (_, m) => {
    const [from, to] = [Date.UTC(year, m, 1), Date.UTC(year, m + 1, 1)].map((t) => Math.round((t - Date.UTC(year, 0, 1)) / 86_400_000));
    return Array.from({ length: to - from }, (_, k) => season(from + k)).reduce((a, b) => a + b, 0);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = splitByLargestRemainder(
    10_000n,
    weights.map((w) => w / sum),
  );
  return shares.map((k) => Number(k) / 10_000);
}

async function addFundYear(trx: Knex.Transaction, year: number, insured: number, premiumTotal: bigint, profile: readonly number[] = DEFAULT_PROFILE) {
  const [fy] = await trx('fund_years')
    .insert({
      region: REGION,
      year,
      insured_count: insured,
      ...premiums(premiumTotal),
      bundle_ratio: DEFAULT_BUNDLE_RATIO,
      overspend_tiers: JSON.stringify(DEFAULT_TIERS),
      gates: JSON.stringify(DEFAULT_GATES),
      indicator_thresholds: JSON.stringify(DEFAULT_INDICATOR_THRESHOLDS),
      allocation: JSON.stringify(DEFAULT_ALLOCATION),
      monthly_profile: JSON.stringify(profile),
    })
    .returning<{ id: number }[]>('id');
  return fy.id;
}

/** Premiums, rounded to the yuan, with the catastrophic (10%) and outpatient (12%) pools taken off. */
function premiums(total: bigint) {
  const yuan = (f: bigint) => divRound(f, 100n) * 100n;
  const t = yuan(total);
  return { premium_total: fromFen(t), catastrophic_pool: fromFen(yuan((t * 10n) / 100n)), outpatient_pool: fromFen(yuan((t * 12n) / 100n)) };
}

/**
 * The premiums under which `spent` leaves exactly `rate` of the budget (rounded to 4 decimals as
 * the run rounds it): the budget is 0.9 × 78% of the premiums; the yuan rounding of the premiums and
 * pools moves the rate by far less than its last decimal, and the nearest yuan either side is tried.
 */
export function premiumsFor(spent: bigint, rate: number) {
  const budget = (spent * 1_000_000n) / BigInt(Math.round((1 - rate) * 1_000_000));
  const guess = (budget * 1_000_000n) / 702_000n; // budget / (0.78 × 0.9)
  for (const step of [0n, 100n, -100n, 200n, -200n]) {
    const p = premiums(guess + step);
    const b = budgetOf({ ...p, bundle_ratio: DEFAULT_BUNDLE_RATIO });
    if (rate4(b - spent, b) === rate) return p;
  }
  throw new Error(`settlement demo: no premiums give a surplus rate of ${rate}`);
}

/**
 * The fund's monthly advances (预拨付) of a fund year as paid: each month's planned advance (the budget by the
 * profile) paid in the first days of the month; one month (August) paid late, on the 19th, and one (October)
 * short by 5% — the insurer withheld it pending a claims audit —, so the year-end 清算 has something to settle.
 */
async function addAdvances(trx: Knex.Transaction, fundYearId: number, year: number, months: number, rng: () => number) {
  const fy = await trx('fund_years').where('id', fundYearId).first<Parameters<typeof budgetOf>[0] & { monthly_profile: number[] }>();
  const planned = monthlyBudgets(budgetOf(fy), fy.monthly_profile);
  const rows = planned.slice(0, months).map((fen, i) => {
    const m = i + 1;
    const day = m === 8 ? 19 : between(rng, 2, 5);
    const amount = m === 10 ? fen - mulRatio(fen, '0.05') : fen;
    return {
      fund_year_id: fundYearId,
      month: m,
      amount: fromFen(amount),
      paid_on: `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      reference: `YB${year}${String(m).padStart(2, '0')}-${String(between(rng, 1000, 9999))}`,
      note: m === 8 ? '医保局拨付延迟' : m === 10 ? '暂扣 5% 待稽核' : null,
    };
  });
  if (rows.length) await trx.batchInsert('settlement_advances', rows, 100);
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
    const persons = await insuredPersons(trx, towns, ctx.scale, year, rng);
    const tables = claimTables(towns, persons, rng);
    const tPersons = Date.now() - t0;

    // last year: claims first, then premiums set so the final surplus rate is the reference's 10.27%
    const lastId = await addFundYear(trx, year - 1, insured, 0n);
    await generateClaims(trx, lastId, year - 1, `${year - 1}-12-31`, perYear, towns, tables, 1, 0.27);
    const [{ spent }] = await trx('claims').where('fund_year_id', lastId).sum({ spent: 'fund_paid' });
    await trx('fund_years')
      .where('id', lastId)
      .update(premiumsFor(toFen(String(spent)), TARGET_SURPLUS_RATE));

    // this year: last year's premium a head raised by PREMIUM_RISE, budgeted month by month by the
    // season's shape; claims up to yesterday, a few more (UTILISATION_GROWTH), some townships improving
    const [{ premium_total: lastPremium }] = await trx('fund_years').where('id', lastId).select<{ premium_total: string }[]>('premium_total');
    const perHead = divRound(toFen(String(lastPremium)) * BigInt(Math.round(PREMIUM_RISE * 1000)), 1000n * BigInt(insured) * 100n) * 100n;
    const thisId = await addFundYear(trx, year, insured, BigInt(insured) * perHead, seasonalProfile(year));
    const yesterday = new Date(Date.UTC(year, month - 1, local.getUTCDate() - 1)).toISOString().slice(0, 10);
    const daysSoFar = Math.max(0, Math.round((Date.parse(yesterday) - Date.UTC(year, 0, 1)) / 86400000) + 1);
    const share = Array.from({ length: daysSoFar }, (_, d) => season(d)).reduce((a, b) => a + b, 0) / 365;
    if (yesterday.startsWith(String(year)))
      await generateClaims(trx, thisId, year, yesterday, Math.round(perYear * UTILISATION_GROWTH * share), towns, tables, Q_DRIFT, 0.61);

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
          baseline_admissions: id === lastId ? Math.round((perYear * t.population * STAY_SHARE * 1.05) / insured) : null,
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
    // advances: last year's twelve, this year's up to last month
    await addAdvances(trx, lastId, year - 1, 12, rng);
    await addAdvances(trx, thisId, year, month - 1, rng);
    // health data signed off (健康数据审核) for last year and this year up to the month before last: last month awaits its sign-off
    await signOffMonths(trx, year - 1, MONTHS, '演示数据');
    await signOffMonths(trx, year, MONTHS.slice(0, Math.max(0, month - 2)), '演示数据');
    await addRun(trx, lastId, String(year - 1), 'final', 12);
    for (let m = 1; m < month; m++) await addRun(trx, thisId, periodText(year, m), 'provisional', m);
    return { insured, claims_last_year: perYear, runs: month, ms_persons: tPersons, ms_claims: tClaims, ms_runs: Date.now() - t0 - tClaims };
  },
};
