// What the demo's claims are made of: where people are treated (six sites, from the HQ down to
// the village clinic and out of the county), for what (a disease spectrum of rural Qinghai that
// differs by township) and what each stay or visit costs there. The per-level figures (cost per
// stay, length of stay, drug, consumables and self-funded shares) are targets a county's 医保
// report would show; RANGES are what a year of demo claims must land in (seeds/demo.test.ts).
// Every diagnosis carries factors relative to its site's average (a PCI costs three stays of
// pneumonia and is mostly consumables; a stroke stay is long and drug-heavy), and the factors are
// normalised over the county's mix so each site's average stays on its target whatever the mix.
import { splitByLargestRemainder } from '../api/shared/money';
import type { Rng } from '../api/shared/random';

// hq 总院; branch 县级分院; township 乡镇卫生院、社区卫生服务中心; village 村卫生室;
// county 县内集团外（妇幼保健院、康复医院）; outside 县外（省级、外省医院）
export const SITES = ['hq', 'branch', 'township', 'village', 'county', 'outside'] as const;
export type Site = (typeof SITES)[number];

type Care = 'stay' | 'visit';
interface SiteFigures {
  /** average total cost of a stay or a visit, yuan */
  cost: number;
  drug: number;
  consumables: number;
  selfFunded: number;
  /** share of the cost inside the scheme (total − self-funded) the fund pays */
  fund: number;
}

/**
 * Targets by site. Drug share: the reference group's HQ 22.02% and county hospitals 28.11% (2018);
 * township centres higher (a third or more of their income is the essential-drug list), village
 * clinics mostly dispense. Cost per stay: a provincial-city tertiary hospital ≈ ¥10,000, a county
 * hospital ≈ ¥5,000, a township centre ≈ ¥2,300, provincial hospitals in Xining and out of the
 * province ≈ ¥17,000 with more items outside the scheme.
 */
export const TARGETS: Record<Site, { stay: (SiteFigures & { los: number }) | null; visit: SiteFigures }> = {
  hq: {
    stay: { cost: 10_500, los: 9.2, drug: 0.214, consumables: 0.18, selfFunded: 0.065, fund: 0.66 },
    visit: { cost: 420, drug: 0.4, consumables: 0.05, selfFunded: 0.05, fund: 0.45 },
  },
  branch: {
    stay: { cost: 5_200, los: 7.4, drug: 0.272, consumables: 0.12, selfFunded: 0.045, fund: 0.74 },
    visit: { cost: 260, drug: 0.42, consumables: 0.04, selfFunded: 0.035, fund: 0.5 },
  },
  township: {
    stay: { cost: 2_300, los: 5.8, drug: 0.37, consumables: 0.065, selfFunded: 0.02, fund: 0.85 },
    visit: { cost: 120, drug: 0.5, consumables: 0.03, selfFunded: 0.015, fund: 0.55 },
  },
  village: { stay: null, visit: { cost: 45, drug: 0.62, consumables: 0.02, selfFunded: 0.01, fund: 0.6 } },
  county: {
    stay: { cost: 3_900, los: 9.5, drug: 0.24, consumables: 0.08, selfFunded: 0.05, fund: 0.7 },
    visit: { cost: 250, drug: 0.38, consumables: 0.04, selfFunded: 0.04, fund: 0.45 },
  },
  outside: {
    stay: { cost: 17_500, los: 11.5, drug: 0.29, consumables: 0.2, selfFunded: 0.15, fund: 0.58 },
    visit: { cost: 700, drug: 0.4, consumables: 0.05, selfFunded: 0.1, fund: 0.35 },
  },
};

/**
 * Prescribing habits: how a provider's drug share departs from its level's. The county's TCM
 * hospital (B2) dispenses herbal pieces (中药饮片, counted as drugs); each township (with its
 * villages) has its own habit between these bounds, averaging 1 over the county, so the townships'
 * 药占比 spread as a county's do and the monitoring has someone to call in.
 */
export const BRANCH_DRUG_HABIT: Record<string, number> = { B1: 0.98, B2: 1.05, B3: 0.98 };
export const TOWNSHIP_DRUG_HABIT: Range = [0.88, 1.2];

/** A closed range [low, high]. */
export type Range = readonly [number, number];
/**
 * What a year of the demo's claims shows per site (stays and visits together for the shares, stays
 * only for cost and length): the README's settlement demo-data section states them with the reasons.
 */
export const RANGES: Record<Site, { drug: Range; consumables: Range; selfFunded: Range; costPerStay: Range | null; lengthOfStay: Range | null }> = {
  hq: { drug: [0.2, 0.24], consumables: [0.15, 0.19], selfFunded: [0.055, 0.075], costPerStay: [9_000, 12_500], lengthOfStay: [8, 10.5] },
  branch: { drug: [0.26, 0.3], consumables: [0.1, 0.13], selfFunded: [0.035, 0.055], costPerStay: [4_500, 6_000], lengthOfStay: [6.5, 8.5] },
  township: { drug: [0.35, 0.45], consumables: [0.045, 0.08], selfFunded: [0.01, 0.03], costPerStay: [1_900, 2_800], lengthOfStay: [5, 7] },
  village: { drug: [0.55, 0.68], consumables: [0.01, 0.03], selfFunded: [0.005, 0.015], costPerStay: null, lengthOfStay: null },
  county: { drug: [0.22, 0.32], consumables: [0.06, 0.1], selfFunded: [0.04, 0.065], costPerStay: [3_000, 4_800], lengthOfStay: [7.5, 12] },
  outside: { drug: [0.26, 0.34], consumables: [0.17, 0.22], selfFunded: [0.12, 0.18], costPerStay: [14_000, 21_000], lengthOfStay: [10, 13.5] },
};

/** Groups of insured people a diagnosis befalls: children, women and men 15–44, women and men 45 and over. */
export const PEOPLE = ['child', 'young_woman', 'young_man', 'older_woman', 'older_man'] as const;
export type PersonGroup = (typeof PEOPLE)[number];
/** [group, share of the insured, youngest, oldest, sex] */
export const PEOPLE_MIX: [PersonGroup, number, number, number, 'M' | 'F' | null][] = [
  ['child', 0.17, 0, 14, null],
  ['young_woman', 0.19, 15, 44, 'F'],
  ['young_man', 0.2, 15, 44, 'M'],
  ['older_woman', 0.22, 45, 90, 'F'],
  ['older_man', 0.22, 45, 90, 'M'],
];
const ANYONE: PersonGroup[] = [...PEOPLE];
const ADULTS: PersonGroup[] = ['young_woman', 'young_man', 'older_woman', 'older_man'];
const OLDER: PersonGroup[] = ['older_woman', 'older_man'];

export interface Diagnosis {
  code: string;
  text: string;
  who: PersonGroup[];
  /** weight in an average township's stays and visits */
  stays: number;
  visits: number;
  /** where the stays and the visits happen: weights in SITES order */
  staySites: readonly [number, number, number, number, number, number];
  visitSites?: readonly [number, number, number, number, number, number];
  /** relative to its site's average: cost, length of stay, drug, consumables and self-funded shares */
  cost: number;
  los: number;
  drug: number;
  consumables: number;
  selfFunded: number;
  /** chance a stay at the HQ or a county hospital followed an upward referral */
  referredUp: number;
}

//                                     hq  branch township village county outside
const COMMON_VISITS = [3, 12, 22, 55, 4, 4] as const;
const SPECIALIST_VISITS = [30, 50, 20, 0, 0, 0] as const;
const TERTIARY_VISITS = [40, 10, 0, 0, 0, 50] as const;

/** The disease spectrum: the commonest ICD-10 diagnoses of a rural Qinghai county's claims. */
export const DIAGNOSES: Diagnosis[] = [
  // circulatory (I)
  {
    code: 'I10',
    text: '原发性高血压',
    who: OLDER,
    stays: 6,
    visits: 22,
    staySites: [5, 30, 60, 0, 0, 5],
    cost: 0.6,
    los: 0.9,
    drug: 1.25,
    consumables: 0.6,
    selfFunded: 0.8,
    referredUp: 0.05,
  },
  {
    code: 'I63.9',
    text: '脑梗死',
    who: OLDER,
    stays: 7,
    visits: 4,
    staySites: [25, 45, 15, 0, 8, 7],
    cost: 1.3,
    los: 1.4,
    drug: 1.2,
    consumables: 0.7,
    selfFunded: 1.1,
    referredUp: 0.3,
  },
  {
    code: 'I61.9',
    text: '脑出血',
    who: OLDER,
    stays: 1.5,
    visits: 0.2,
    staySites: [45, 35, 0, 0, 0, 20],
    cost: 2,
    los: 1.5,
    drug: 1.1,
    consumables: 1.2,
    selfFunded: 1.3,
    referredUp: 0.45,
  },
  {
    code: 'I25.1',
    text: '动脉粥样硬化性心脏病',
    who: OLDER,
    stays: 4,
    visits: 6,
    staySites: [20, 45, 30, 0, 0, 5],
    cost: 0.9,
    los: 1,
    drug: 1.2,
    consumables: 0.8,
    selfFunded: 1,
    referredUp: 0.1,
  },
  {
    code: 'I21.9',
    text: '急性心肌梗死',
    who: OLDER,
    stays: 1.2,
    visits: 0.3,
    staySites: [65, 15, 0, 0, 0, 20],
    visitSites: [45, 45, 10, 0, 0, 0],
    cost: 3,
    los: 1,
    drug: 0.7,
    consumables: 2.8,
    selfFunded: 1.5,
    referredUp: 0.55,
  },
  {
    code: 'I50.9',
    text: '心力衰竭',
    who: OLDER,
    stays: 3,
    visits: 1,
    staySites: [25, 45, 25, 0, 0, 5],
    cost: 1.1,
    los: 1.2,
    drug: 1.2,
    consumables: 0.7,
    selfFunded: 1,
    referredUp: 0.2,
  },
  // respiratory (J)
  {
    code: 'J18.9',
    text: '肺炎',
    who: ANYONE,
    stays: 8,
    visits: 4,
    staySites: [8, 37, 45, 0, 5, 5],
    cost: 0.8,
    los: 1,
    drug: 1.3,
    consumables: 0.7,
    selfFunded: 0.9,
    referredUp: 0.08,
  },
  {
    code: 'J44.1',
    text: '慢性阻塞性肺病伴急性加重',
    who: OLDER,
    stays: 7,
    visits: 0,
    staySites: [10, 40, 45, 0, 0, 5],
    cost: 0.9,
    los: 1.2,
    drug: 1.3,
    consumables: 0.6,
    selfFunded: 0.9,
    referredUp: 0.1,
  },
  {
    code: 'J44.9',
    text: '慢性阻塞性肺病',
    who: OLDER,
    stays: 0,
    visits: 6,
    staySites: [0, 0, 0, 0, 0, 0],
    cost: 1,
    los: 1,
    drug: 1.2,
    consumables: 0.6,
    selfFunded: 0.9,
    referredUp: 0,
  },
  {
    code: 'J20.9',
    text: '急性支气管炎',
    who: ANYONE,
    stays: 3,
    visits: 10,
    staySites: [3, 30, 62, 0, 5, 0],
    cost: 0.5,
    los: 0.8,
    drug: 1.35,
    consumables: 0.5,
    selfFunded: 0.8,
    referredUp: 0.02,
  },
  {
    code: 'J06.9',
    text: '急性上呼吸道感染',
    who: ANYONE,
    stays: 0,
    visits: 25,
    staySites: [0, 0, 0, 0, 0, 0],
    cost: 1,
    los: 1,
    drug: 1.1,
    consumables: 0.7,
    selfFunded: 0.8,
    referredUp: 0,
  },
  {
    code: 'J21.9',
    text: '急性毛细支气管炎',
    who: ['child'],
    stays: 2,
    visits: 2,
    staySites: [10, 35, 20, 0, 30, 5],
    cost: 0.6,
    los: 0.8,
    drug: 1.2,
    consumables: 0.6,
    selfFunded: 0.8,
    referredUp: 0.05,
  },
  {
    code: 'J60',
    text: '煤工尘肺',
    who: ['young_man', 'older_man'],
    stays: 0.2,
    visits: 0.3,
    staySites: [20, 40, 30, 0, 0, 10],
    cost: 1,
    los: 1.3,
    drug: 1.2,
    consumables: 0.6,
    selfFunded: 1,
    referredUp: 0.1,
  },
  // digestive (K)
  {
    code: 'K29.7',
    text: '胃炎',
    who: ADULTS,
    stays: 6,
    visits: 14,
    staySites: [5, 30, 62, 0, 0, 3],
    cost: 0.55,
    los: 0.8,
    drug: 1.25,
    consumables: 0.6,
    selfFunded: 0.9,
    referredUp: 0.03,
  },
  {
    code: 'K80.2',
    text: '胆囊结石',
    who: ['young_woman', 'older_woman', 'older_man'],
    stays: 2.5,
    visits: 1,
    staySites: [35, 50, 0, 0, 0, 15],
    visitSites: SPECIALIST_VISITS,
    cost: 1.6,
    los: 0.9,
    drug: 0.7,
    consumables: 1.8,
    selfFunded: 1.2,
    referredUp: 0.15,
  },
  {
    code: 'K35.8',
    text: '急性阑尾炎',
    who: ['child', 'young_woman', 'young_man'],
    stays: 2,
    visits: 0.2,
    staySites: [25, 65, 5, 0, 0, 5],
    visitSites: SPECIALIST_VISITS,
    cost: 1,
    los: 0.8,
    drug: 0.75,
    consumables: 1.5,
    selfFunded: 1,
    referredUp: 0.2,
  },
  // injuries (S)
  {
    code: 'S72.0',
    text: '股骨颈骨折',
    who: OLDER,
    stays: 1.5,
    visits: 0.5,
    staySites: [40, 40, 0, 0, 5, 15],
    visitSites: SPECIALIST_VISITS,
    cost: 2.8,
    los: 1.6,
    drug: 0.6,
    consumables: 2.6,
    selfFunded: 1.4,
    referredUp: 0.3,
  },
  {
    code: 'S82.2',
    text: '胫骨干骨折',
    who: ANYONE,
    stays: 2.5,
    visits: 1.5,
    staySites: [25, 55, 5, 0, 0, 15],
    visitSites: SPECIALIST_VISITS,
    cost: 1.8,
    los: 1.3,
    drug: 0.6,
    consumables: 2.2,
    selfFunded: 1.3,
    referredUp: 0.15,
  },
  {
    code: 'S06.0',
    text: '脑震荡',
    who: ANYONE,
    stays: 1.5,
    visits: 1,
    staySites: [15, 55, 25, 0, 0, 5],
    cost: 0.7,
    los: 0.8,
    drug: 1,
    consumables: 0.8,
    selfFunded: 1,
    referredUp: 0.1,
  },
  // pregnancy and childbirth (O)
  {
    code: 'O80',
    text: '单胎顺产',
    who: ['young_woman'],
    stays: 5,
    visits: 0,
    staySites: [8, 50, 7, 0, 35, 0],
    cost: 0.55,
    los: 0.6,
    drug: 0.5,
    consumables: 1,
    selfFunded: 0.6,
    referredUp: 0.03,
  },
  {
    code: 'O82',
    text: '剖宫产术分娩',
    who: ['young_woman'],
    stays: 2,
    visits: 0,
    staySites: [20, 55, 0, 0, 25, 0],
    cost: 1.1,
    los: 0.9,
    drug: 0.6,
    consumables: 1.4,
    selfFunded: 0.8,
    referredUp: 0.08,
  },
  // endocrine, genitourinary, musculoskeletal, eye (E, N, M, H)
  {
    code: 'E11.9',
    text: '2型糖尿病',
    who: OLDER,
    stays: 3,
    visits: 10,
    staySites: [15, 45, 35, 0, 0, 5],
    cost: 0.8,
    los: 1,
    drug: 1.3,
    consumables: 0.8,
    selfFunded: 1,
    referredUp: 0.08,
  },
  {
    code: 'N39.0',
    text: '泌尿道感染',
    who: ['young_woman', 'older_woman', 'older_man'],
    stays: 2.5,
    visits: 4,
    staySites: [5, 35, 58, 0, 0, 2],
    cost: 0.55,
    los: 0.8,
    drug: 1.3,
    consumables: 0.6,
    selfFunded: 0.9,
    referredUp: 0.03,
  },
  {
    code: 'M51.2',
    text: '腰椎间盘突出',
    who: ADULTS,
    stays: 4,
    visits: 6,
    staySites: [10, 35, 35, 0, 15, 5],
    cost: 0.8,
    los: 1.3,
    drug: 0.9,
    consumables: 0.7,
    selfFunded: 1.2,
    referredUp: 0.05,
  },
  {
    code: 'M54.5',
    text: '腰痛',
    who: ADULTS,
    stays: 0,
    visits: 8,
    staySites: [0, 0, 0, 0, 0, 0],
    cost: 1,
    los: 1,
    drug: 0.9,
    consumables: 0.8,
    selfFunded: 1,
    referredUp: 0,
  },
  {
    code: 'H25.9',
    text: '老年性白内障',
    who: OLDER,
    stays: 1.5,
    visits: 1,
    staySites: [30, 55, 0, 0, 0, 15],
    visitSites: SPECIALIST_VISITS,
    cost: 1,
    los: 0.5,
    drug: 0.4,
    consumables: 2,
    selfFunded: 1.2,
    referredUp: 0.1,
  },
  // neoplasms and hydatid disease (C, B): mostly at the HQ and the provincial hospitals
  {
    code: 'C16.9',
    text: '胃恶性肿瘤',
    who: OLDER,
    stays: 1.2,
    visits: 0.5,
    staySites: [40, 5, 0, 0, 0, 55],
    visitSites: TERTIARY_VISITS,
    cost: 3.2,
    los: 1.5,
    drug: 1.1,
    consumables: 1.4,
    selfFunded: 1.8,
    referredUp: 0.4,
  },
  {
    code: 'C34.9',
    text: '肺恶性肿瘤',
    who: OLDER,
    stays: 1,
    visits: 0.4,
    staySites: [35, 5, 0, 0, 0, 60],
    visitSites: TERTIARY_VISITS,
    cost: 3.2,
    los: 1.4,
    drug: 1.3,
    consumables: 1.1,
    selfFunded: 1.9,
    referredUp: 0.4,
  },
  {
    code: 'B67.9',
    text: '包虫病',
    who: ADULTS,
    stays: 0.3,
    visits: 0.3,
    staySites: [35, 5, 0, 0, 0, 60],
    visitSites: TERTIARY_VISITS,
    cost: 2.4,
    los: 1.4,
    drug: 0.8,
    consumables: 1.4,
    selfFunded: 1.3,
    referredUp: 0.3,
  },
];

/** The ICD-10 chapter (its first letter) of every diagnosis on the demo's claims. */
export const CHAPTERS = [...new Set(DIAGNOSES.map((d) => d.code[0]))].sort();

/**
 * How a township's spectrum departs from the average: the Tibetan and pastoral townships more
 * hydatid disease, COPD and births; the coal valley pneumoconiosis, COPD and injuries; the
 * mountain farming townships fractures and strokes of the old left behind; the town communities
 * diabetes and heart disease, fewer births. Factors by diagnosis code (prefix).
 */
export const TOWNSHIP_PROFILES: { name: string; townships: string[]; factors: Record<string, number> }[] = [
  {
    name: '牧区、藏族乡',
    townships: ['T08', 'T15', 'T18', 'T20'],
    factors: { B67: 8, J44: 1.4, O8: 1.5, K29: 1.3, I10: 1.2, H25: 1.5, E11: 0.7 },
  },
  { name: '煤矿沟谷', townships: ['T01', 'T26', 'T27'], factors: { J60: 12, J44: 1.7, S: 1.5, J18: 1.2 } },
  {
    name: '浅山农业乡',
    townships: ['T10', 'T11', 'T12', 'T13', 'T14', 'T16', 'T17', 'T19'],
    factors: { S: 1.4, I63: 1.3, I61: 1.3, J44: 1.2, O8: 0.8, E11: 0.8 },
  },
  {
    name: '城镇社区',
    townships: ['T21', 'T22', 'T23', 'T24', 'T25', 'T28', 'T29', 'T30'],
    factors: { E11: 1.7, I25: 1.4, I21: 1.3, S72: 1.3, C: 1.3, O8: 0.7, J44: 0.8, B67: 0.2 },
  },
];

/** A township's weight of each diagnosis among stays and visits: the average, its profile, and its own ±20%. */
export function townshipSpectrum(code: string, rng: Rng): { stays: number[]; visits: number[] } {
  const factors = TOWNSHIP_PROFILES.filter((p) => p.townships.includes(code)).map((p) => p.factors);
  const factorOf = (dx: Diagnosis) =>
    factors.reduce((f, fs) => f * Object.entries(fs).reduce((g, [prefix, x]) => (dx.code.startsWith(prefix) ? g * x : g), 1), 1);
  const own = DIAGNOSES.map(() => 0.8 + 0.4 * rng());
  return {
    stays: DIAGNOSES.map((d, i) => d.stays * factorOf(d) * own[i]),
    visits: DIAGNOSES.map((d, i) => d.visits * factorOf(d) * own[i]),
  };
}

/** `weights` as `n` slots naming their index in proportion (largest remainder): a draw is one look-up. */
export function slots(weights: readonly number[], n: number): number[] {
  return splitByLargestRemainder(
    BigInt(n),
    weights.map((w) => Math.max(0, w)),
  ).flatMap((k, i) => Array.from({ length: Number(k) }, () => i));
}

/** Per diagnosis and site, what a stay and a visit there averages: the SQL generator's parameters. */
export interface DiagnosisAtSites {
  code: string;
  who: number[];
  staySite: number[];
  visitSite: number[];
  referredUp: number;
  /** by site index: average total, drug, consumables and self-funded shares, fund share of the in-scheme part, days */
  stay: { cost: number[]; drug: number[]; consumables: number[]; selfFunded: number[]; fund: number[]; los: number[] };
  visit: { cost: number[]; drug: number[]; consumables: number[]; selfFunded: number[]; fund: number[] };
}

/**
 * The parameters of each diagnosis at each site, normalised over the county's mix so each site's
 * average lands on its target: `mix[care][dx][site]` is the expected number of claims.
 */
export function parameters(spectra: { stays: number[]; visits: number[] }[], townWeights: { stays: number; visits: number }[]): DiagnosisAtSites[] {
  // a diagnosis never treated as a stay still needs its slots: they are never drawn
  const siteWeights = (d: Diagnosis, care: Care): readonly number[] =>
    care === 'stay' ? (d.stays > 0 ? d.staySites : [0, 0, 1, 0, 0, 0]) : d.visits > 0 ? (d.visitSites ?? COMMON_VISITS) : COMMON_VISITS;
  // expected claims by diagnosis and site, county-wide
  const mix = (care: Care) =>
    DIAGNOSES.map((d, i) => {
      const share = spectra.reduce((a, s, t) => {
        const w = care === 'stay' ? s.stays : s.visits;
        const total = w.reduce((x, y) => x + y, 0);
        return a + (care === 'stay' ? townWeights[t].stays : townWeights[t].visits) * (total > 0 ? w[i] / total : 0);
      }, 0);
      const sites = siteWeights(d, care);
      const sum = sites.reduce((x, y) => x + y, 0);
      return SITES.map((_, s) => (sum > 0 ? (share * sites[s]) / sum : 0));
    });
  const mixes = { stay: mix('stay'), visit: mix('visit') };
  // the site's mean of a factor: over claims (length of stay) or over cost (the shares)
  const norm = (care: Care, s: number, f: (d: Diagnosis) => number, byCost: boolean) => {
    let num = 0;
    let den = 0;
    DIAGNOSES.forEach((d, i) => {
      const n = mixes[care][i][s] * (byCost ? d.cost : 1);
      num += n * f(d);
      den += n;
    });
    return den > 0 ? num / den : 1;
  };
  const per = (care: Care, s: number) => {
    const t = care === 'stay' ? TARGETS[SITES[s]].stay : TARGETS[SITES[s]].visit;
    return {
      t,
      cost: norm(care, s, (d) => d.cost, false),
      drug: norm(care, s, (d) => d.drug, true),
      consumables: norm(care, s, (d) => d.consumables, true),
      selfFunded: norm(care, s, (d) => d.selfFunded, true),
      los: norm(care, s, (d) => d.los, false),
    };
  };
  const norms = { stay: SITES.map((_, s) => per('stay', s)), visit: SITES.map((_, s) => per('visit', s)) };
  const figures = (d: Diagnosis, care: Care) => {
    const n = norms[care];
    const cost = n.map((x) => (x.t ? (x.t.cost * d.cost) / x.cost : 0));
    const drug = n.map((x) => (x.t ? (x.t.drug * d.drug) / x.drug : 0));
    // drugs and consumables together stay below nine tenths of the cost
    const consumables = n.map((x, s) => (x.t ? Math.min((x.t.consumables * d.consumables) / x.consumables, 0.9 - drug[s]) : 0));
    const selfFunded = n.map((x) => (x.t ? (x.t.selfFunded * d.selfFunded) / x.selfFunded : 0));
    const fund = n.map((x) => x.t?.fund ?? 0);
    return { cost, drug, consumables, selfFunded, fund };
  };
  return DIAGNOSES.map((d) => ({
    code: d.code,
    who: d.who.map((g) => PEOPLE.indexOf(g)),
    staySite: slots(siteWeights(d, 'stay'), 100),
    visitSite: slots(siteWeights(d, 'visit'), 100),
    referredUp: d.referredUp,
    stay: {
      ...figures(d, 'stay'),
      los: norms.stay.map((x) => {
        const t = x.t as (SiteFigures & { los: number }) | null;
        return t ? (t.los * d.los) / x.los : 0;
      }),
    },
    visit: figures(d, 'visit'),
  }));
}
