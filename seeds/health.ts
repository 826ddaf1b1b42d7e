// Demo health management: ~60,000 residents (× scale) over the 289 villages, unevenly, with a
// rural age pyramid (hypertension ≈ 25% of adults 35+, diabetes ≈ 10%); the 307 family-doctor
// teams of the reference case, each led by a township general practitioner; contracts renewed
// year on year since the year before last; and two years of tasks and follow-ups (last year's and
// this year's to date) behind both fund years, each village at its own steady quality (some good,
// some poor, a few improving this year). Deterministic.
import type { Knex } from 'knex';
import { hashPassword } from '../api/auth';
import { protectIdNumber } from '../api/core/personalId';
import { idNumberFor } from './people';
import { insertColumns, pgArray } from './sql';
import { between, pick, seeded, type Rng } from '../api/shared/random';
import {
  addDays,
  daysBetween,
  deriveFollowup,
  contractEnd,
  needsRecheck,
  openStateOn,
  taskPlanner,
  recheckPlan,
  storedTags,
  type Condition,
  type ConditionCode,
  type FollowupType,
  type Medication,
  type PreviousVisit,
  type Schedule,
  type TaskPlan,
  LOOKAHEAD_DAYS,
} from '../api/health';
import type { DemoStep } from './demo';
import { groupHouseholds, householdAddress, keepsOwnSurname } from './households';
import type { HouseholdRelation } from '../api/health';
import type { UnitRow } from './org';
import { placeOf } from './orgNames';
import { dayKey } from '../api/core/clock';
import { personName, tibetanName, tibetanShare } from './names';

export const RESIDENTS_AT_SCALE_1 = 60_000;
/**
 * The 考核指标 a western county's health work shows, both years (the demo's self-check holds the
 * county's figures and each township's 规范管理率 in last year's final run to them).
 */
export const HEALTH_RANGES = {
  contract_rate: [0.35, 0.75],
  key_population_contract_rate: [0.6, 0.9],
  standardised_management_rate: [0.45, 0.8],
  control_rate: [0.4, 0.75],
} as const satisfies Record<string, readonly [number, number]>;
export const TEAMS = 307;
const MIN_PER_VILLAGE = 3;
/** The ID numbers' region of the demo population (630121 大通县). */
const DEFAULT_REGION = '630121';

const TOPICS = ['高血压防治', '糖尿病饮食指导', '冬季呼吸道传染病预防', '老年人防跌倒', '合理用药', '母婴健康', '结核病防治', '心理健康'];

/** Age bands [from, to, share]: a rural county, many elderly (65+ ≈ 18%). */
const AGE_BANDS: [number, number, number][] = [
  [0, 6, 8],
  [7, 17, 12],
  [18, 34, 20],
  [35, 49, 20],
  [50, 64, 22],
  [65, 79, 14],
  [80, 95, 4],
];
/** Prevalence by age [minAge, probability] — first matching band from the top. */
const PREVALENCE: Record<string, [number, number][]> = {
  hypertension: [
    [65, 0.4],
    [50, 0.28],
    [35, 0.12],
  ],
  diabetes: [
    [65, 0.15],
    [50, 0.11],
    [35, 0.05],
  ],
  copd: [
    [60, 0.06],
    [45, 0.02],
  ],
  coronary: [[60, 0.05]],
  stroke: [[65, 0.03]],
  severe_mental: [[18, 0.004]],
  tb: [[15, 0.001]],
};

interface DemoResident {
  id: number;
  org_unit_id: number;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  idNumber: string;
  phone: string;
  household: string;
  /** the village's household (its index in `households`) */
  householdIndex: number;
  household_relation: HouseholdRelation;
  conditions: Condition[];
  tags: string[];
}

function drawBand(rng: Rng) {
  const total = AGE_BANDS.reduce((a, b) => a + b[2], 0);
  let x = rng() * total;
  for (const band of AGE_BANDS) if ((x -= band[2]) < 0) return band;
  return AGE_BANDS[AGE_BANDS.length - 1];
}

type Drafted = Omit<DemoResident, 'id' | 'household' | 'householdIndex' | 'household_relation'>;

/** A demo household: its village, code and address. */
export interface DemoHousehold {
  org_unit_id: number;
  code: string;
  address: string;
}

/**
 * The residents of one village (ids assigned by the caller), grouped into households of 1–6
 * (seeds/households.ts) sharing the head's surname and an address; the households are appended
 * to `households` and each resident names its index there.
 */
function villageResidents(
  rng: Rng,
  village: UnitRow,
  count: number,
  today: string,
  usedIds: Set<string>,
  region: string,
  households: DemoHousehold[],
  seed: number,
  tibetanShare: number,
): Omit<DemoResident, 'id'>[] {
  const out: Drafted[] = [];
  let left = 0;
  for (let i = 0; i < count; i++) {
    // (the draw that once sized the households stays, so that the rest of the demo is as it was)
    if (left <= 0) left = between(rng, 1, 5);
    left -= 1;
    const [lo, hi] = drawBand(rng);
    const age = between(rng, lo, hi);
    const birth = addDays(`${Number(today.slice(0, 4)) - age}${today.slice(4)}`, -between(rng, 1, 364));
    const sex: 'M' | 'F' = rng() < 0.5 ? 'M' : 'F';
    // 身份证号: region (630121 大通县) + birth date + sequence (odd for men) + check digit
    const idNumber = idNumberFor(region, birth, sex, between(rng, 0, 498), usedIds);
    const conditions: Condition[] = [];
    for (const [code, bands] of Object.entries(PREVALENCE)) {
      const p = bands.find(([min]) => age >= min)?.[1] ?? 0;
      if (rng() < p) {
        // most diagnosed years ago; about one in ten this year (newly registered patients)
        const since = rng() < 0.1 ? between(rng, 10, 300) : between(rng, 365, 365 * Math.max(1, Math.min(15, age - 30)));
        const diagnosed = addDays(today, -since);
        conditions.push({ code: code as ConditionCode, diagnosed_on: diagnosed > birth ? diagnosed : addDays(birth, 1) });
      }
    }
    const pregnant = sex === 'F' && age >= 20 && age <= 39 && rng() < 0.06;
    out.push({
      org_unit_id: village.id,
      // by sex, with the same draws as before: the rest of the health demo is unchanged
      name: personName(rng, sex),
      sex,
      birth_date: birth,
      idNumber,
      phone: `1${pick(rng, ['3', '5', '8', '9'])}${String(between(rng, 0, 999_999_999)).padStart(9, '0')}`,
      conditions,
      tags: storedTags(conditions, pregnant ? ['pregnant'] : []),
    });
  }
  const placements = groupHouseholds(
    out.map((r) => ({ age: ageOnDay(r.birth_date, today), sex: r.sex })),
    seed * 7919 + village.id,
  );
  const first = households.length;
  const heads = new Map(placements.flatMap((p, i) => (p.relation === 'head' ? [[p.household, i]] : [])));
  const place = placeOf(village.name);
  // a second population (another region: the bench's) numbers its households apart
  const prefix = region === DEFAULT_REGION ? village.code : `${village.code}-${region}`;
  for (let h = 0; h < heads.size; h++)
    households.push({ org_unit_id: village.id, code: `${prefix}-${String(h + 1).padStart(4, '0')}`, address: householdAddress(place, h) });
  // a Tibetan family (as many as the township's share), each member a Tibetan name of their own (no
  // surname to share); drawn from a stream of its own, so the rest of the demo stays as it was
  const tibetanRng = seeded(seed * 7927 + village.id);
  const tibetan = Array.from({ length: heads.size }, () => tibetanRng() < tibetanShare);
  return out.map((r, i) => {
    const { household, relation } = placements[i];
    const surname = out[heads.get(household)!].name[0];
    return {
      ...r,
      name: tibetan[household] ? tibetanName(tibetanRng, r.sex) : keepsOwnSurname(r.sex, relation) ? r.name : surname + r.name.slice(1),
      household: households[first + household].code,
      householdIndex: first + household,
      household_relation: relation,
    };
  });
}

/** Measurements of a visit: controlled with probability `control`. */
function measure(rng: Rng, type: FollowupType, control: number, age: number) {
  const ok = rng() < control;
  switch (type) {
    case 'hypertension': {
      const systolic = ok ? between(rng, 112, 138) : between(rng, 141, 176);
      return { systolic, diastolic: Math.min(systolic - 30, ok ? between(rng, 68, 88) : between(rng, 86, 104)), heart_rate: between(rng, 60, 92) };
    }
    case 'diabetes':
      return { fasting_glucose: Math.round((ok ? 4.6 + rng() * 2.3 : 7.1 + rng() * 6) * 10) / 10, weight_kg: Math.round((52 + rng() * 30) * 10) / 10 };
    case 'elderly_check': {
      const systolic = between(rng, 110, 165);
      return {
        systolic,
        diastolic: between(rng, 65, Math.min(100, systolic - 30)),
        weight_kg: Math.round((45 + rng() * 30) * 10) / 10,
        height_cm: between(rng, 148, 178),
        heart_rate: between(rng, 58, 96),
      };
    }
    case 'child':
      return { weight_kg: Math.round((3 + age * 2.4 + rng() * 3) * 10) / 10, height_cm: Math.min(130, 50 + age * 11 + between(rng, 0, 8)) };
    default:
      return {};
  }
}

const HT_MEDICINES: Medication[] = [
  { name: '苯磺酸氨氯地平片', times_per_day: 1, dose: 5, unit: 'mg' },
  { name: '厄贝沙坦片', times_per_day: 1, dose: 150, unit: 'mg' },
  { name: '硝苯地平缓释片', times_per_day: 2, dose: 20, unit: 'mg' },
];
const DM_MEDICINES: Medication[] = [
  { name: '盐酸二甲双胍片', times_per_day: 2, dose: 500, unit: 'mg' },
  { name: '格列美脲片', times_per_day: 1, dose: 2, unit: 'mg' },
  { name: '阿卡波糖片', times_per_day: 3, dose: 50, unit: 'mg' },
];

/** The rest of a demo hypertension / diabetes record: symptoms, lifestyle, adherence, medicines (worse when not on target). */
function nationalRecord(rng: Rng, type: 'hypertension' | 'diabetes', onTarget: boolean) {
  const smoker = rng() < 0.3;
  const drinker = rng() < 0.25;
  const symptomatic = rng() < (onTarget ? 0.1 : 0.4);
  const symptoms = symptomatic ? [type === 'hypertension' ? 'headache_dizziness' : 'polydipsia'] : ['none'];
  const medicines = type === 'hypertension' ? HT_MEDICINES : DM_MEDICINES;
  return {
    symptoms: pgArray(symptoms),
    smoking_per_day: smoker ? between(rng, 5, 20) : 0,
    smoking_target: 0,
    drinking_per_day: drinker ? between(rng, 1, 4) : 0,
    drinking_target: drinker ? 1 : 0,
    exercise_per_week: between(rng, 0, 7),
    exercise_minutes: 30,
    exercise_per_week_target: 5,
    exercise_minutes_target: 30,
    ...(type === 'hypertension'
      ? { salt_intake: onTarget ? pick(rng, ['light', 'moderate']) : pick(rng, ['moderate', 'heavy']), salt_intake_target: 'light' }
      : { staple_food_g: between(rng, 250, 450), staple_food_target_g: 250, hypoglycaemia: rng() < 0.1 ? 'occasional' : 'none', dorsalis_pedis: 'normal' }),
    psychological_adjustment: rng() < 0.85 ? 'good' : 'fair',
    compliance: onTarget ? 'good' : pick(rng, ['good', 'fair', 'poor']),
    medication_adherence: onTarget ? 'regular' : pick(rng, ['regular', 'intermittent', 'none']),
    adverse_reaction: false,
    new_complication: false,
    medications: JSON.stringify([pick(rng, medicines)]),
  };
}

/** A demo elderly check's record: most are independent; the findings follow from the readings. */
function elderlyRecord(rng: Rng, f: Record<string, unknown>, r: DemoResident, age: number) {
  const frail = rng() < Math.min(0.6, (age - 60) / 50);
  const answers = {
    eating: 'independent',
    grooming: frail ? 'mild' : 'independent',
    dressing: 'independent',
    toileting: frail && rng() < 0.3 ? 'mild' : 'independent',
    activity: frail ? pick(rng, ['mild', 'moderate'] as const) : 'independent',
  } as const;
  const labs = {
    haemoglobin: between(rng, r.sex === 'M' ? 112 : 104, 160),
    total_cholesterol: Math.round((3.8 + rng() * 3) * 100) / 100,
    triglycerides: Math.round((0.8 + rng() * 2) * 100) / 100,
    ecg: rng() < 0.12 ? 'abnormal' : 'normal',
  };
  const cognition = rng() < 0.05 ? 'positive' : 'negative';
  // the check's self-care score, findings and next check as the follow-up service derives them
  const reading = (k: string) => f[k] as number | undefined;
  const visit = { type: 'elderly_check' as const, visited_on: f.visited_on as string, systolic: reading('systolic'), diastolic: reading('diastolic') };
  const d = deriveFollowup(
    { ...visit, weight_kg: reading('weight_kg'), height_cm: reading('height_cm'), heart_rate: reading('heart_rate') },
    {
      age,
      sex: r.sex,
      elderly: { ...answers, ...labs, cognition_screen: cognition, emotion_screen: 'negative' },
    },
  );
  const { findings, ...derived } = d.elderly!;
  f.bmi = d.bmi;
  f.next_visit_on = d.next_visit_on;
  return {
    followup: f,
    ...answers,
    ...derived,
    health_self_assessment: pick(rng, ['satisfied', 'fairly_satisfied', 'fairly_satisfied', 'unsure']),
    cognition_screen: cognition,
    emotion_screen: 'negative',
    ...labs,
    findings: pgArray(findings),
    guidance: pgArray(findings.length ? ['recheck'] : []),
    risk_advice: pgArray(['fall_prevention', ...(findings.some((x) => x === 'overweight' || x === 'obese') ? ['lose_weight', 'exercise'] : [])]),
  };
}

interface DemoTask extends TaskPlan {
  org_unit_id: number;
  state: string;
  followup: { id: number; classification: string | null; advice: string | null } | undefined;
  done_on: string | null;
}

const ageOnDay = (birth: string, day: string) => Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);

async function nextIds(trx: Knex.Transaction, sequence: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await trx.raw<{ rows: { id: number }[] }>(`SELECT nextval(?) AS id FROM generate_series(1, ?)`, [sequence, n]);
  return rows.map((r) => Number(r.id));
}

export interface PopulationOptions {
  villages: UnitRow[];
  scale: number;
  /** the group's today (YYYY-MM-DD) */
  today: string;
  seed?: number;
  /** the ID numbers' 6-digit region code (a second population uses another, so IDs never collide) */
  region?: string;
}

export async function seedHealth(trx: Knex.Transaction, ctx: { units: UnitRow[]; scale: number; today: Date; demoPassword: string }) {
  const villages = ctx.units.filter((u) => u.kind === 'village');
  const townships = ctx.units.filter((u) => u.level === 3 && (u.kind === 'township' || u.kind === 'community'));
  const teams = await seedTeams(trx, townships, villages, ctx.demoPassword);
  return { teams, ...(await seedPopulation(trx, { villages, scale: ctx.scale, today: dayKey(ctx.today) })) };
}

/** Village sizes: a few big, many small; the same for the teams and the population. */
const villageWeights = (villages: UnitRow[]) => {
  const rng = seeded(3001);
  return new Map(villages.map((v) => [v.id, 0.35 + rng() ** 2 * 2.5]));
};

/**
 * The 307 family-doctor teams: one per village, plus a second (joint) team at the 18 biggest
 * townships' two biggest villages; each led by a township general practitioner (a login of
 * its own) with the village doctors of the villages it serves.
 */
export async function seedTeams(trx: Knex.Transaction, townships: UnitRow[], villages: UnitRow[], demoPassword: string) {
  const size = villageWeights(villages);
  const byTownship = new Map<number, UnitRow[]>(townships.map((t) => [t.id, villages.filter((v) => v.parent_id === t.id)]));
  const townshipSize = (t: UnitRow) => byTownship.get(t.id)!.reduce((a, v) => a + size.get(v.id)!, 0);
  const extra = [...townships].sort((a, b) => townshipSize(b) - townshipSize(a) || a.id - b.id).slice(0, Math.max(0, TEAMS - villages.length));
  const password_hash = await hashPassword(demoPassword);
  const doctorOf = await villageDoctors(trx, villages);
  const teamDefs: { township: UnitRow; villages: UnitRow[]; n: number }[] = [];
  for (const t of townships) {
    const vs = byTownship.get(t.id)!;
    vs.forEach((v, i) => teamDefs.push({ township: t, villages: [v], n: i + 1 }));
    if (extra.includes(t)) {
      const biggest = [...vs].sort((a, b) => size.get(b.id)! - size.get(a.id)! || a.id - b.id).slice(0, 2);
      teamDefs.push({ township: t, villages: biggest, n: vs.length + 1 });
    }
  }
  const gps = await trx('users')
    .insert(
      teamDefs.map((d) => ({
        username: `gp-${d.township.code}-${String(d.n).padStart(2, '0')}`,
        display_name: `${d.township.name.replace(/(中心)?卫生院|社区卫生服务中心/, '')}全科医生${d.n}`,
        roles: ['staff_clerk'],
        org_unit_id: d.township.id,
        password_hash,
      })),
    )
    .returning<{ id: number }[]>('id');
  const teams = await trx('family_doctor_teams')
    .insert(
      teamDefs.map((d) => ({
        org_unit_id: d.township.id,
        code: `FDT-${d.township.code}-${String(d.n).padStart(2, '0')}`,
        name: `${placeOf(d.villages[0].name)}家庭医生团队${d.villages.length > 1 ? '（联合）' : ''}`,
      })),
    )
    .returning<{ id: number }[]>('id');
  await trx('team_villages').insert(teamDefs.flatMap((d, i) => d.villages.map((v) => ({ team_id: teams[i].id, village_id: v.id }))));
  await trx('team_members').insert(
    teamDefs.flatMap((d, i) => [
      { team_id: teams[i].id, user_id: gps[i].id, role: 'general_practitioner', is_leader: true },
      ...d.villages
        .filter((v) => doctorOf.has(v.id))
        .map((v) => ({ team_id: teams[i].id, user_id: doctorOf.get(v.id)!, role: 'village_doctor', is_leader: false })),
    ]),
  );
  return teams.length;
}

async function villageDoctors(trx: Knex.Transaction, villages: UnitRow[]) {
  const rows = await trx('users')
    .select<{ id: number; org_unit_id: number }[]>('id', 'org_unit_id')
    .whereRaw(`'village_doctor' = any(roles)`)
    .whereIn(
      'org_unit_id',
      villages.map((v) => v.id),
    )
    .orderBy('id');
  return new Map(rows.map((u) => [u.org_unit_id, u.id]));
}

/** How often a village's regular residents are seen for a task inside its window, and the rest. */
const SEEN_REGULAR = 0.97;
const SEEN_IRREGULAR = 0.25;
/** How often a controlled patient's readings are on target at a visit, and an uncontrolled one's. */
const ON_TARGET_CONTROLLED = 0.8;
const ON_TARGET_UNCONTROLLED = 0.15;
/**
 * A village's share of regularly seen residents, and of controlled patients, from its worst to its best.
 * (规范管理率 counts a year's patients diagnosed by its end: the best townships stay under 80% last year.)
 */
const MANAGED: [number, number] = [0.5, 0.8];
const CONTROLLED: [number, number] = [0.15, 0.55];

/** A village's work over the demo's two years, [last year, this year]. */
export interface VillageWork {
  /** 0 (poor) – 1 (good): how well it signs, sees and controls its people */
  quality: number;
  /** a poor village that took itself in hand this year */
  improving: boolean;
  /** the share of its residents seen regularly */
  managed: [number, number];
  /** the share of its patients whose readings are mostly on target */
  controlled: [number, number];
}

/** A village's steady quality (some good, some poor); a few of the poorer ones improving this year. */
export function villageWork(rng: Rng): VillageWork {
  const quality = rng() ** 0.8;
  const improving = quality < 0.5 && rng() < 0.25;
  const at = ([low, high]: [number, number], x: number) => low + (high - low) * x;
  // a steady village does about as well as last year
  const drift = () => (rng() - 0.5) * 0.06;
  const managed = at(MANAGED, quality);
  const controlled = at(CONTROLLED, quality);
  return {
    quality,
    improving,
    managed: [managed, Math.min(0.9, managed + (improving ? 0.08 + 0.08 * rng() : drift()))],
    controlled: [controlled, Math.min(0.8, controlled + (improving ? 0.1 : drift()))],
  };
}

const shuffled = <T>(rng: Rng, xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** The service package a resident signs for on a day: chronic patients, the elderly, mothers and small children, the rest. */
function packageOn(r: Pick<DemoResident, 'tags' | 'birth_date'>, day: string) {
  const age = ageOnDay(r.birth_date, day);
  if (r.tags.includes('hypertension') || r.tags.includes('diabetes')) return 'chronic';
  if (age >= 65) return 'elderly';
  return r.tags.includes('pregnant') || age <= 6 ? 'maternal_child' : 'basic';
}

interface DemoContract {
  package_code: string;
  signed_on: string;
  start_on: string;
  end_on: string;
  status: 'active' | 'renewed' | 'expired' | 'terminated';
  terminated_on: string | null;
  termination_reason: string | null;
  /** renews the contract before it in the list */
  renewed: boolean;
}

/**
 * One resident's family-doctor contracts, oldest first: the county's signing round of `firstYear`
 * (key populations and better villages sign more), then each year renewed on its end (most) or
 * left to lapse; a few ended early at the resident's request; some who had not signed sign in a
 * later year (more in an improving village). What is still in force on `today` is active.
 */
export function contractHistory(rng: Rng, r: Pick<DemoResident, 'tags' | 'birth_date'>, w: VillageWork, firstYear: number, today: string): DemoContract[] {
  const thisYear = Number(today.slice(0, 4));
  const key = (day: string) => r.tags.length > 0 || ageOnDay(r.birth_date, day) >= 65 || ageOnDay(r.birth_date, day) <= 6;
  // a year's signing round: most in its first quarter
  const roundDay = (year: number) => addDays(`${year}-01-01`, rng() < 0.7 ? between(rng, 1, 88) : between(rng, 89, 330));
  let start: string | null = null;
  for (let year = firstYear; year <= thisYear && !start; year++) {
    const p =
      year === firstYear
        ? key(`${year}-06-30`)
          ? 0.5 + 0.4 * w.quality
          : 0.15 + 0.4 * w.quality
        : 0.05 + 0.08 * w.quality + (w.improving && year === thisYear ? 0.15 : 0);
    if (rng() >= p) continue;
    const day = roundDay(year);
    if (day > r.birth_date && day <= today) start = day;
  }
  const out: DemoContract[] = [];
  let renewed = false;
  while (start) {
    const end = contractEnd(start);
    const c: DemoContract = {
      package_code: packageOn(r, start),
      // a renewal is signed in the weeks before the old contract ends
      signed_on: renewed ? addDays(start, -between(rng, 1, 60)) : start,
      start_on: start,
      end_on: end,
      status: 'active',
      terminated_on: null,
      termination_reason: null,
      renewed,
    };
    out.push(c);
    if (rng() < 0.015) {
      const on = addDays(start, between(rng, 30, 330));
      if (on < today) Object.assign(c, { status: 'terminated', terminated_on: on, termination_reason: 'resident_request' });
      break;
    }
    if (end >= today) break;
    if (rng() >= 0.88 + 0.1 * w.quality) {
      c.status = 'expired';
      break;
    }
    c.status = 'renewed';
    start = addDays(end, 1);
    renewed = true;
  }
  return out;
}

/**
 * Residents (× scale), their contracts with the village's first team, and two years of tasks and
 * follow-ups (from the first of January last year to `today`), each village at its own quality.
 * Used by the demo and the bench.
 */
export async function seedPopulation(trx: Knex.Transaction, opts: PopulationOptions) {
  const { villages, today } = opts;
  const rng = seeded(opts.seed ?? 3003);
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - mark;
    mark = Date.now();
  };
  const size = villageWeights(villages);
  const doctorOf = await villageDoctors(trx, villages);
  const teamRows = await trx('team_villages')
    .join('family_doctor_teams as t', 't.id', 'team_villages.team_id')
    .where('t.active', true)
    .select<{ team_id: number; village_id: number }[]>('team_id', 'village_id')
    .orderBy('team_id');
  const teamOfVillage = new Map<number, number>();
  for (const t of teamRows) if (!teamOfVillage.has(t.village_id)) teamOfVillage.set(t.village_id, t.team_id);

  // ---- residents: uneven villages (a few big, many small)
  const sumW = [...size.values()].reduce((a, b) => a + b, 0);
  const target = Math.round(RESIDENTS_AT_SCALE_1 * opts.scale);
  const usedIds = new Set<string>();
  const households: DemoHousehold[] = [];
  const townshipCode = new Map(
    (
      await trx('org_units')
        .select<{ id: number; code: string }[]>('id', 'code')
        .whereIn(
          'id',
          villages.map((v) => v.parent_id ?? 0),
        )
    ).map((u) => [u.id, u.code]),
  );
  const drafts = villages.flatMap((v) =>
    villageResidents(
      rng,
      v,
      Math.max(MIN_PER_VILLAGE, Math.round((target * size.get(v.id)!) / sumW)),
      today,
      usedIds,
      opts.region ?? DEFAULT_REGION,
      households,
      opts.seed ?? 3003,
      tibetanShare(townshipCode.get(v.parent_id ?? 0)),
    ),
  );
  const householdIds = await nextIds(trx, 'households_id_seq', households.length);
  await insertColumns(
    trx,
    'households',
    [
      ['id', 'int'],
      ['org_unit_id', 'int'],
      ['code', 'text'],
      ['address', 'text'],
    ],
    households.map((h, i) => ({ ...h, id: householdIds[i] })),
  );
  const residentIds = await nextIds(trx, 'residents_id_seq', drafts.length);
  const residents: DemoResident[] = drafts.map((d, i) => ({ ...d, id: residentIds[i] }));
  // registered when the county took its people onto the system (2017 on), at the latest before the
  // demo's two years; a child born since, a few weeks after its birth
  const regRng = seeded((opts.seed ?? 3003) + 11);
  const firstYear = Number(today.slice(0, 4)) - 1;
  const registeredOn = (r: DemoResident) => {
    const since = addDays(`${firstYear - 1}-12-31`, -between(regRng, 0, daysBetween('2017-03-01', `${firstYear - 1}-12-31`)));
    const born = addDays(r.birth_date, between(regRng, 7, 40));
    return `${since > r.birth_date ? since : born < today ? born : today}T09:00:00+08:00`;
  };
  const t0 = Date.now();
  const residentRows = residents.map((r) => {
    const created = registeredOn(r);
    return {
      id: r.id,
      org_unit_id: r.org_unit_id,
      name: r.name,
      sex: r.sex,
      birth_date: r.birth_date,
      ...protectIdNumber(r.idNumber),
      phone: r.phone,
      household: r.household,
      household_id: householdIds[r.householdIndex],
      household_relation: r.household_relation,
      insured: rng() < 0.97,
      conditions: JSON.stringify(r.conditions),
      tags: pgArray(r.tags),
      created_at: created,
      updated_at: created,
    };
  });
  const protectMs = Date.now() - t0;
  lap('residents');
  // ---- each village's work over the two years: steady, some good and some poor, a few improving
  const work = new Map(villages.map((v) => [v.id, villageWork(rng)]));
  const lastYear = `${firstYear}-01-01`;
  const yearOf = (day: string) => (day < `${firstYear + 1}-01-01` ? 0 : 1);
  // each resident's place in the village's order of diligence and of control, spread evenly over
  // its chronic patients and over the rest (a village's share of regularly seen and of controlled
  // patients is its own, not a draw's)
  const standing = new Map<number, { regular: number; controlled: number }>();
  const spread = (ids: number[], set: (id: number, at: number) => void) => {
    const offset = rng();
    shuffled(rng, ids).forEach((id, i) => set(id, (i + offset) / ids.length));
  };
  const villageOf = new Map<number, DemoResident[]>();
  for (const r of residents) {
    if (!villageOf.has(r.org_unit_id)) villageOf.set(r.org_unit_id, []);
    villageOf.get(r.org_unit_id)!.push(r);
  }
  for (const v of villages) {
    const people = villageOf.get(v.id) ?? [];
    for (const chronic of [true, false]) {
      const ids = people.filter((r) => (r.tags.includes('hypertension') || r.tags.includes('diabetes')) === chronic).map((r) => r.id);
      for (const id of ids) standing.set(id, { regular: 0, controlled: 0 });
      spread(ids, (id, at) => (standing.get(id)!.regular = at));
      spread(ids, (id, at) => (standing.get(id)!.controlled = at));
    }
  }

  // ---- contracts since the campaign of the year before last: renewed year on year, some lapsed, a few ended
  const contractRows: Record<string, unknown>[] = [];
  for (const r of residents) {
    const team = teamOfVillage.get(r.org_unit_id);
    if (team === undefined) continue;
    for (const c of contractHistory(rng, r, work.get(r.org_unit_id)!, firstYear - 1, today))
      contractRows.push({
        ...c,
        org_unit_id: r.org_unit_id,
        resident_id: r.id,
        team_id: team,
        signed_by_user_id: doctorOf.get(r.org_unit_id) ?? null,
        created_at: `${c.signed_on}T10:00:00+08:00`,
        updated_at: `${c.status === 'active' ? c.signed_on : c.status === 'terminated' ? c.terminated_on : c.end_on}T18:00:00+08:00`,
      });
  }
  // registered on or before the first contract (and after birth): one who signed before the drawn
  // day was registered in the weeks before signing (a stream of its own: the rest stays as it was)
  const firstContract = new Map<number, string>();
  for (const c of contractRows) {
    const [id, on] = [c.resident_id as number, c.start_on as string];
    if (!firstContract.has(id) || on < firstContract.get(id)!) firstContract.set(id, on);
  }
  const signRng = seeded((opts.seed ?? 3003) + 13);
  for (const row of residentRows) {
    const start = firstContract.get(row.id);
    if (start === undefined || row.created_at.slice(0, 10) <= start) continue;
    const day = addDays(start, -between(signRng, 0, Math.min(30, daysBetween(row.birth_date, start) - 1)));
    row.created_at = row.updated_at = `${day}T09:00:00+08:00`;
  }
  await insertColumns(
    trx,
    'residents',
    [
      ['id', 'int'],
      ['org_unit_id', 'int'],
      ['name', 'text'],
      ['sex', 'text'],
      ['birth_date', 'date'],
      ['id_number_hash', 'text'],
      ['id_number_masked', 'text'],
      ['id_number_cipher', 'text'],
      ['phone', 'text'],
      ['household', 'text'],
      ['household_id', 'int'],
      ['household_relation', 'text'],
      ['insured', 'bool'],
      ['conditions', 'jsonb'],
      ['tags', 'text', 'text[]'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    residentRows,
    5_000,
  );

  const contractIds = await nextIds(trx, 'contracts_id_seq', contractRows.length);
  contractRows.forEach((c, i) => (c.id = contractIds[i]));
  contractRows.forEach((c, i) => (c.renewed_from_id = c.renewed ? contractIds[i - 1] : null));
  await insertColumns(
    trx,
    'contracts',
    [
      ['id', 'int'],
      ['org_unit_id', 'int'],
      ['resident_id', 'int'],
      ['team_id', 'int'],
      ['package_code', 'text'],
      ['signed_on', 'date'],
      ['start_on', 'date'],
      ['end_on', 'date'],
      ['status', 'text'],
      ['terminated_on', 'date'],
      ['termination_reason', 'text'],
      ['renewed_from_id', 'int'],
      ['signed_by_user_id', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    contractRows,
  );

  lap('contracts');
  // ---- two years of tasks and follow-ups (last year's and this year's to date), by the same
  // schedules the daily job uses
  const schedules = (await trx('followup_schedules').where('active', true)) as Schedule[];
  const from = lastYear;
  const tasks: DemoTask[] = [];
  const followups: Record<string, unknown>[] = [];
  const elderlyChecks: Record<string, unknown>[] = [];
  // the national record's other answers come from their own stream, so the visits, tasks and
  // readings stay what they were before the record had them
  const recordRng = seeded(3011);
  // each resident's latest visit of a type so far, for "twice in a row"
  const lastVisit = new Map<string, PreviousVisit & { on: string }>();
  const visit = (r: DemoResident, type: FollowupType, on: string, control: number, taskId: string) => {
    const age = ageOnDay(r.birth_date, on);
    const m = measure(rng, type, control, age);
    const prev = lastVisit.get(`${r.id}-${type}`);
    // derived as the follow-up service derives it: assessment, BMI, next visit
    const d = deriveFollowup({ type, visited_on: on, ...m }, { age, sex: r.sex, previous: prev && prev.on <= on ? prev : null });
    const a = d.assessment;
    const chronic = type === 'hypertension' || type === 'diabetes';
    const f: Record<string, unknown> & { id: number; classification: string | null; advice: string | null } = {
      id: 0,
      org_unit_id: r.org_unit_id,
      resident_id: r.id,
      type,
      mode: rng() < 0.15 ? 'home' : 'clinic',
      visited_on: on,
      ...m,
      ...a,
      ...(chronic ? nationalRecord(recordRng, type, a.on_target === true) : {}),
      bmi: d.bmi,
      next_visit_on: d.next_visit_on,
      task_id: taskId,
      doctor_user_id: doctorOf.get(r.org_unit_id) ?? null,
      created_at: `${on}T10:00:00+08:00`,
    };
    if (chronic && (!prev || prev.on <= on)) lastVisit.set(`${r.id}-${type}`, { on, on_target: a.on_target, adverse_reaction: false });
    if (type === 'elderly_check') elderlyChecks.push(elderlyRecord(recordRng, f, r, age));
    followups.push(f);
    return f;
  };
  const plan = taskPlanner(schedules, from, addDays(today, LOOKAHEAD_DAYS));
  for (const r of residents) {
    const w = work.get(r.org_unit_id)!;
    const { regular, controlled } = standing.get(r.id)!;
    // a patient's chronic follow-ups start with the diagnosis
    const diagnosed = new Map(r.conditions.map((c) => [c.code as string, c.diagnosed_on]));
    const queue = plan(r).filter((p) => p.window_end >= from && !(p.window_end < (diagnosed.get(p.type) ?? '')));
    const planned = new Set(queue.map((p) => p.id));
    while (queue.length) {
      const p = queue.shift()!;
      const task: DemoTask = { ...p, org_unit_id: r.org_unit_id, state: openStateOn(p, today), followup: undefined, done_on: null };
      // the village's regular patients are seen for nearly every task inside its window, the
      // rest now and then; a controlled patient's readings are mostly on target, the rest's seldom
      const y = yearOf(p.window_start);
      if (p.window_start <= today && rng() < (regular < w.managed[y] ? SEEN_REGULAR : SEEN_IRREGULAR)) {
        const on = addDays(p.window_start, between(rng, 0, daysBetween(p.window_start, p.window_end < today ? p.window_end : today)));
        const control = controlled < w.controlled[yearOf(on)] ? ON_TARGET_CONTROLLED : ON_TARGET_UNCONTROLLED;
        task.followup = visit(r, p.type, on, control, p.id);
        task.state = 'done';
        task.done_on = on;
        if (needsRecheck(task.followup)) {
          const recheck = schedules.find((s) => s.trigger === 'uncontrolled' && s.followup_type === p.type);
          const plan = recheck && recheckPlan(recheck, r.id, on);
          // one visit day, one recheck (the deterministic id would collide)
          if (plan && !planned.has(plan.id)) {
            planned.add(plan.id);
            queue.push(plan);
          }
        }
      }
      tasks.push(task);
    }
  }
  lap('plan');
  // village health-education sessions (group activities, no single resident)
  const months = Math.floor(daysBetween(lastYear, today) / 30);
  for (const v of villages) {
    const w = work.get(v.id)!;
    for (let m = 0; m < months; m++) {
      const on = addDays(today, -between(rng, m * 30, m * 30 + 29));
      if (rng() >= w.managed[yearOf(on)]) continue;
      followups.push({
        id: 0,
        org_unit_id: v.id,
        resident_id: null,
        type: 'health_education',
        mode: 'clinic',
        visited_on: on,
        topic: pick(rng, TOPICS),
        attendees: between(rng, 8, 45),
        doctor_user_id: doctorOf.get(v.id) ?? null,
        created_at: `${on}T15:00:00+08:00`,
      });
    }
  }
  const followupIds = await nextIds(trx, 'followups_id_seq', followups.length);
  followups.forEach((f, i) => (f.id = followupIds[i]));
  lap('education');
  await insertColumns(
    trx,
    'followups',
    [
      ['id', 'bigint'],
      ['org_unit_id', 'int'],
      ['resident_id', 'int'],
      ['type', 'text'],
      ['mode', 'text'],
      ['visited_on', 'date'],
      ['systolic', 'int'],
      ['diastolic', 'int'],
      ['fasting_glucose', 'numeric'],
      ['weight_kg', 'numeric'],
      ['height_cm', 'numeric'],
      ['heart_rate', 'int'],
      ['classification', 'text'],
      ['advice', 'text'],
      ['on_target', 'bool'],
      ['referral_reason', 'text'],
      ['next_visit_on', 'date'],
      ['symptoms', 'text', 'text[]'],
      ['bmi', 'numeric'],
      ['smoking_per_day', 'int'],
      ['smoking_target', 'int'],
      ['drinking_per_day', 'numeric'],
      ['drinking_target', 'numeric'],
      ['exercise_per_week', 'int'],
      ['exercise_minutes', 'int'],
      ['exercise_per_week_target', 'int'],
      ['exercise_minutes_target', 'int'],
      ['salt_intake', 'text'],
      ['salt_intake_target', 'text'],
      ['staple_food_g', 'int'],
      ['staple_food_target_g', 'int'],
      ['psychological_adjustment', 'text'],
      ['compliance', 'text'],
      ['medication_adherence', 'text'],
      ['adverse_reaction', 'bool'],
      ['hypoglycaemia', 'text'],
      ['dorsalis_pedis', 'text'],
      ['new_complication', 'bool'],
      ['medications', 'text', 'jsonb'],
      ['topic', 'text'],
      ['attendees', 'int'],
      ['task_id', 'text'],
      ['doctor_user_id', 'int'],
      ['created_at', 'timestamptz'],
    ],
    followups,
  );
  lap('followups');
  await insertColumns(
    trx,
    'elderly_checks',
    [
      ['followup_id', 'bigint'],
      ['eating', 'text'],
      ['grooming', 'text'],
      ['dressing', 'text'],
      ['toileting', 'text'],
      ['activity', 'text'],
      ['self_care_score', 'int'],
      ['self_care_level', 'text'],
      ['health_self_assessment', 'text'],
      ['cognition_screen', 'text'],
      ['emotion_screen', 'text'],
      ['haemoglobin', 'int'],
      ['total_cholesterol', 'numeric'],
      ['triglycerides', 'numeric'],
      ['ecg', 'text'],
      ['findings', 'text', 'text[]'],
      ['assessment', 'text'],
      ['guidance', 'text', 'text[]'],
      ['risk_advice', 'text', 'text[]'],
      ['next_check_on', 'date'],
    ],
    elderlyChecks.map((e) => ({ ...e, followup_id: (e.followup as { id: number }).id })),
  );
  lap('elderly checks');
  await insertColumns(
    trx,
    'tasks',
    [
      ['id', 'text'],
      ['org_unit_id', 'int'],
      ['resident_id', 'int'],
      ['schedule_code', 'text'],
      ['type', 'text'],
      ['period', 'text'],
      ['window_start', 'date'],
      ['window_end', 'date'],
      ['due_on', 'date'],
      ['state', 'text'],
      ['followup_id', 'bigint'],
      ['done_on', 'date'],
    ],
    tasks.map((t) => ({ ...t, followup_id: t.followup?.id ?? null })),
  );
  lap('tasks');
  // history: the state each task reached after its creation
  await trx.raw(
    `INSERT INTO task_events (task_id, from_state, to_state, at, actor_name, followup_id, reason)
     SELECT id, 'upcoming', state, CASE state WHEN 'done' THEN done_on WHEN 'missed' THEN window_end + 1 ELSE window_start END, 'demo', followup_id,
            CASE state WHEN 'done' THEN 'follow-up logged' ELSE 'schedule' END
       FROM tasks WHERE state <> 'upcoming' AND resident_id BETWEEN ? AND ?`,
    [residents[0]?.id ?? 0, residents[residents.length - 1]?.id ?? 0],
  );
  lap('events');
  return {
    ms: timings,
    residents: residents.length,
    households: households.length,
    contracts: contractRows.length,
    tasks: tasks.length,
    followups: followups.length,
    protectIdMs: protectMs,
  };
}

export const healthDemoStep: DemoStep = { name: 'health', run: seedHealth };
