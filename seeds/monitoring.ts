// Monitoring demo (issue 21, part 1): every visit (诊疗人次) of each member unit per month, last year
// from January and this year up to the last complete month, with its 中医 share — volumes plausible
// for the levels (a county HQ hospital some 40,000 a month, a branch 12,000, a township centre 3,000,
// a village clinic 300; 中医 8%, 10%, 15%, 5%), each unit and month ±15%. Then what the county screen
// needs to show all 14 with a colour: the year's and last year's targets; the HQ's (the county's)
// self-assessment, the reviewer's score and note and a document for each qualitative indicator; and
// deaths with their cause (ICD-10) among residents aged 30 and over at plausible rates by age (the
// four chronic diseases most of them), only among residents with no referral or request, after their
// last follow-up and contract (a contract in force ends with the death, open tasks are cancelled). Deterministic.
import type { Knex } from 'knex';
import { dayKey } from '../api/core/clock';
import { seeded } from '../api/shared/random';
import type { DemoContext, DemoStep } from './demo';

const MONTHLY: Record<number, [visits: number, tcmShare: number]> = { 1: [40_000, 0.08], 2: [12_000, 0.1], 3: [3000, 0.15], 4: [300, 0.05] };

/**
 * The year's targets: the national and provincial goals where they give a figure (primary-care visits
 * ≥ 65%, in-county stays ≥ 90%, premature mortality ≤ 15%), the group's own plan otherwise. A
 * percentage as a fraction, the mean stay in yuan, a score on 100.
 */
export const DEMO_TARGETS = {
  resources_unified: 85,
  democratic_decisions: 85,
  service_coordination: 85,
  seconded_doctors: 1,
  ecg_village_coverage: 0.8,
  primary_pay_ratio: 0.8,
  primary_visit_share: 0.65,
  fund_in_county_share: 0.7,
  fund_primary_share: 0.2,
  inpatient_cost: 6000,
  inpatient_in_county_share: 0.9,
  tcm_visit_share: 0.1,
  chronic_admission_rate: 0.2,
  premature_mortality: 0.15,
} as const;

/** The HQ's evidence per qualitative indicator: self-assessment, the reviewer's score and note, the document's name and text. */
const EVIDENCE = {
  resources_unified: {
    self: [88, '人财物统一管理：成员单位财务由集团财务管理中心统一核算，药品耗材由药械采购中心统一采购配送，人员由集团统一招聘、调配。'],
    review: [86, '统一核算、统一采购落实到位；乡镇人员统一调配尚有 2 家未完成，扣 2 分。'],
    document: [
      '资源统一管理情况说明.txt',
      '一、财务统一核算：集团财务管理中心对全部成员单位实行统一核算、统一预算。\n二、药械统一采购：药械采购中心统一采购、统一配送。\n三、人员统一管理：集团统一招聘，乡聘村用。\n',
    ],
  },
  democratic_decisions: {
    self: [90, '理事会、院长办公会按章程议事，“三重一大”事项集体决策，会议纪要齐全。'],
    review: [88, '章程与议事规则完备，理事会会议纪要齐全；职工代表参与不足，扣 2 分。'],
    document: [
      '理事会议事规则与会议纪要目录.txt',
      '医共体理事会议事规则（节选）：重大决策、重要人事任免、重大项目安排和大额资金使用须经理事会集体讨论决定。\n本年度理事会会议 4 次，院长办公会 24 次。\n',
    ],
  },
  service_coordination: {
    self: [82, '双向转诊、远程会诊、心电影像诊断中心运行，慢病“医防融合”由家庭医生团队落实。'],
    review: [80, '转诊与远程诊断运行正常；下转康复病人接续不够，扣 2 分。'],
    document: [
      '服务协同联动工作总结.txt',
      '双向转诊：上转、下转均按绿色通道办理。\n远程诊断：心电、影像、检验、病理诊断中心覆盖全部乡镇卫生院。\n家庭医生团队：乡镇牵头、村医参与，慢病随访按季度开展。\n',
    ],
  },
} as const;
/** last year's scores, a little lower each: the screen shows the change */
const LAST_YEAR_LESS = 4;

/** The annual death rate from the four chronic diseases at an age (five-year steps from 30; 70+ beyond), and of other causes a third of it. */
const FOUR_CHRONIC_RATE = [0.0003, 0.0005, 0.0009, 0.0016, 0.0028, 0.0045, 0.0075, 0.012, 0.03, 0.05, 0.09];
/** causes, each with its weight: cardiovascular, cancer, chronic respiratory, diabetes; then the others */
const FOUR_CHRONIC_CAUSES: [string, number][] = [
  ['I63.9', 22],
  ['I21.9', 14],
  ['I61.9', 10],
  ['I11.9', 6],
  ['C34.9', 10],
  ['C16.9', 7],
  ['C22.9', 7],
  ['C15.9', 4],
  ['J44.9', 12],
  ['E11.9', 5],
];
const OTHER_CAUSES: [string, number][] = [
  ['J18.9', 4],
  ['V89.2', 3],
  ['K74.6', 2],
  ['W19', 2],
];
function pick(causes: [string, number][], r: number) {
  const total = causes.reduce((a, [, w]) => a + w, 0);
  let x = r * total;
  for (const [code, w] of causes) if ((x -= w) < 0) return code;
  return causes[causes.length - 1][0];
}

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

    // the targets of this year and last
    await trx('monitoring_targets').insert(
      [year - 1, year].flatMap((y) => Object.entries(DEMO_TARGETS).map(([indicator, target]) => ({ year: y, indicator, target: String(target) }))),
    );

    // the county's (the HQ's) evidence: this year reviewed, last year too, a document each
    const hq = ctx.units.find((u) => u.level === 1)!;
    let documents = 0;
    for (const y of [year - 1, year]) {
      const less = y < year ? LAST_YEAR_LESS : 0;
      for (const [indicator, e] of Object.entries(EVIDENCE)) {
        const [row] = await trx('monitoring_evidence')
          .insert({
            org_unit_id: hq.id,
            year: y,
            indicator,
            self_score: String(e.self[0] - less),
            self_note: e.self[1],
            reviewed_score: String(e.review[0] - less),
            reviewer_note: e.review[1],
            reviewed_by: 'admin',
            reviewed_at: `${y}-12-${y < year ? 20 : String(Math.min(Number(today.slice(8, 10)), 5)).padStart(2, '0')}T10:00:00+08:00`,
          })
          .returning<{ id: number }[]>('id');
        const content = Buffer.from(`${y}年 ${e.document[1]}`, 'utf8');
        await trx('monitoring_documents').insert({ evidence_id: row.id, file_name: e.document[0], size: content.length, content, uploaded_by: 'admin' });
        documents += 1;
      }
    }

    // deaths with their cause, last year and this year up to yesterday
    const candidates = await trx('residents as r')
      .select<{ id: number; birth_date: string; since: string }[]>(
        'r.id',
        trx.raw("to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date"),
        // after the record was made, any contract signed and any follow-up: a contract in force ends with the death, open tasks are cancelled
        trx.raw(
          "to_char(greatest((r.created_at AT TIME ZONE 'Asia/Shanghai')::date, (SELECT max(greatest(c.signed_on, c.start_on)) FROM contracts c WHERE c.resident_id = r.id), (SELECT max(f.visited_on) FROM followups f WHERE f.resident_id = r.id)), 'YYYY-MM-DD') AS since",
        ),
      )
      .whereNull('r.deregistered_on')
      .whereRaw("coalesce(r.household_relation, '') <> 'head'")
      .where('r.birth_date', '<=', `${year - 30}-12-31`)
      .whereRaw(
        ['referrals', 'diagnosis_requests', 'resident_transfers', 'resident_care_transfers']
          .map((t) => `NOT EXISTS (SELECT 1 FROM ${t} x WHERE x.resident_id = r.id)`)
          .join(' AND '),
      )
      .orderBy('r.id');
    // The deaths each year at the rates by age over everyone on record (the population the county's figure
    // divides by), each drawn among the candidates of that age who can have died on a day after their record,
    // contract and last follow-up (most are followed up all year, and so few have a day left last year: the
    // deaths of an age go to those who have one, as many as the whole age group's rates give).
    const born = await trx('residents')
      .select<{ born: number; n: number }[]>(trx.raw('extract(year FROM birth_date)::int AS born'), trx.raw('count(*)::int AS n'))
      .whereNull('deregistered_on')
      .groupBy('born');
    const deathRng = seeded(2027_0107);
    const deaths: { id: number; on: string; cause: string }[] = [];
    const dead = new Set<number>();
    for (const y of [year - 1, year]) {
      const days = y < year ? 365 : Math.round((Date.parse(today) - Date.UTC(year, 0, 1)) / 86_400_000) - 1;
      const share = days / 365; // this year is not over
      for (let band = 0; band < FOUR_CHRONIC_RATE.length; band++) {
        const inBand = (b: number) => y - b >= 30 && Math.min(FOUR_CHRONIC_RATE.length - 1, Math.floor((y - b - 30) / 5)) === band;
        const p = FOUR_CHRONIC_RATE[band] * (4 / 3) * share;
        let count = 0; // deaths of the band: one draw per person on record
        for (const b of born) if (inBand(b.born)) for (let k = 0; k < b.n; k++) if (deathRng() < p) count += 1;
        const open = candidates
          .filter((c) => !dead.has(c.id) && inBand(Number(c.birth_date.slice(0, 4))))
          .map((c) => ({ id: c.id, first: Math.max(0, Math.round((Date.parse(c.since) - Date.UTC(y, 0, 1)) / 86_400_000) + 1) }))
          .filter((c) => c.first < days);
        for (let k = 0; k < count && open.length; k++) {
          const c = open.splice(Math.floor(deathRng() * open.length), 1)[0];
          const on = new Date(Date.UTC(y, 0, 1 + c.first + Math.floor(deathRng() * (days - c.first)))).toISOString().slice(0, 10);
          deaths.push({ id: c.id, on, cause: deathRng() < 3 / 4 ? pick(FOUR_CHRONIC_CAUSES, deathRng()) : pick(OTHER_CAUSES, deathRng()) });
          dead.add(c.id);
        }
      }
    }
    for (const d of deaths) {
      await trx('residents').where('id', d.id).update({ deregistered_on: d.on, deregistration_reason: 'death', death_cause: d.cause });
      await trx('contracts')
        .where({ resident_id: d.id })
        .where('end_on', '>', d.on)
        .whereNot('status', 'terminated')
        .update({ status: 'terminated', terminated_on: d.on, termination_reason: 'death' });
      await trx.raw(
        `WITH old AS (SELECT id, state FROM tasks WHERE resident_id = :id AND state IN ('upcoming', 'due')),
              upd AS (UPDATE tasks t SET state = 'cancelled', updated_at = :at::timestamptz FROM old WHERE t.id = old.id RETURNING t.id, old.state AS from_state)
         INSERT INTO task_events (task_id, from_state, to_state, at, actor_name, reason)
         SELECT id, from_state, 'cancelled', :at::timestamptz, 'demo', 'deregistered: death' FROM upd`,
        { id: d.id, at: `${d.on}T12:00:00+08:00` },
      );
    }
    return { visit_counts: rows.length, targets: 28, evidence: 6, documents, deaths: deaths.length };
  },
};
