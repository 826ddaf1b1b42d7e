// 五大诊断中心: the rules of the group's diagnosis centres as plain functions over plain data — the
// national turnaround norms a service starts from, the request's state machine, who may read and
// who may re-read a report (HR facts), the critical-value escalation ladder, the attachment check,
// the turnaround figures and the monthly sample. No HTTP, no database.
import type { GrantTable } from '../core/access';
import { all, read } from '../core/access';
import { stateMachine, type Machine } from '../core/stateMachine';
import type { StaffQualification } from '../hr';
import { AGREEMENT, CENTRE_KIND, CHEST_PAIN_STEP, DX_STATUS, DX_URGENCY } from './enums';
import { consultationGrants } from './consultations/rules';

export const CENTRE_KINDS = CENTRE_KIND.values;
export type CentreKind = (typeof CENTRE_KINDS)[number];
export const URGENCIES = DX_URGENCY.values;
export type Urgency = (typeof URGENCIES)[number];
export const STATUSES = DX_STATUS.values;
export type Status = (typeof STATUSES)[number];
export const AGREEMENTS = AGREEMENT.values;
export type Agreement = (typeof AGREEMENTS)[number];

export const ACTIONS = ['accept', 'return', 'assign', 'report', 'cosign', 'correct', 'acknowledge'] as const;
export type DxAction = (typeof ACTIONS)[number];

/** the centre's worklist: requests still to check, read or report */
export const OPEN_STATUSES: readonly Status[] = ['submitted', 'accepted', 'assigned', 'preliminary'];

// ---------------------------------------------------------------- norms

/** Turnaround norms in minutes per urgency; null: the service is not offered at that urgency. */
export interface Norms {
  emergency: number | null;
  routine: number | null;
}

const HOUR = 60;
/**
 * Pathology's "4 working days" and outpatient CT/MR's "4 working hours" are counted here in plain
 * minutes (4 × 24 h, 4 h): working time would need the group's working calendar, which does not
 * exist yet. Each norm is configuration of the service (PUT /api/diagnosis-services/:id).
 */
const PATHOLOGY_DAYS = 4 * 24 * HOUR;

/** The defaults of the national norms (国家卫健委 医疗质量控制指标) per kind of centre and modality. */
export function defaultNorms(kind: CentreKind, modality?: string | null): Norms {
  const m = (modality ?? '').toUpperCase();
  switch (kind) {
    case 'ecg':
    case 'ultrasound':
      return { emergency: 30, routine: 2 * HOUR };
    case 'imaging':
      // emergency CT/MR ≤ 1 h, outpatient CT/MR ≤ 4 (working) h; X-ray: emergency ≤ 30 min, routine ≤ 2 h
      return m === 'CT' || m === 'MR' ? { emergency: HOUR, routine: 4 * HOUR } : { emergency: 30, routine: 2 * HOUR };
    case 'laboratory':
      return { emergency: HOUR, routine: 4 * HOUR };
    case 'pathology':
      // a frozen section (术中冰冻) ≤ 1 h; other pathology ≤ 4 working days
      return m === 'FROZEN' ? { emergency: HOUR, routine: null } : { emergency: null, routine: PATHOLOGY_DAYS };
  }
}

/** The norm of a service at an urgency, or the problem (not offered at that urgency). */
export function normFor(norms: Norms, urgency: Urgency): { minutes: number } | { problem: string } {
  const minutes = norms[urgency];
  return minutes == null ? { problem: `the service is not offered as ${urgency}` } : { minutes };
}

export const dueAt = (submittedAt: Date, normMinutes: number) => new Date(submittedAt.getTime() + normMinutes * 60_000);

/** Past its norm: reported after the due time, or not reported and the due time gone. */
export const isLate = (r: { due_at: string | Date; reported_at: string | Date | null }, now: Date) =>
  new Date(r.reported_at ?? now).getTime() > new Date(r.due_at).getTime();

/** Minutes left to the due time (negative: late by that much); null once reported. */
export const minutesLeft = (r: { due_at: string | Date; reported_at: string | Date | null }, now: Date) =>
  r.reported_at ? null : Math.floor((new Date(r.due_at).getTime() - now.getTime()) / 60_000);

// ---------------------------------------------------------------- state machine

const MACHINE: Machine<Status, DxAction> = {
  submitted: { accept: 'accepted', return: 'returned' },
  accepted: { assign: 'assigned', return: 'returned' },
  // reassigning keeps the request assigned, to another reader; a service that needs a second
  // signature reports (and corrects) into `preliminary` instead (reportStatus)
  assigned: { assign: 'assigned', report: 'reported' },
  preliminary: { cosign: 'reported' },
  // a correction is a new version: the requester acknowledges it again
  reported: { acknowledge: 'acknowledged', correct: 'reported' },
  acknowledged: { correct: 'reported' },
  returned: {},
};

export const { allowedActions, nextStatus } = stateMachine('request', MACHINE);

/** Where a report or a correction leads: preliminary until a second reader signs, for a service that needs one. */
export const reportStatus = (to: Status, action: DxAction, secondSignature: boolean): Status =>
  secondSignature && (action === 'report' || action === 'correct') ? 'preliminary' : to;

/** Why `second` cannot co-sign a report `first` signed, or null: another person. */
export const cosignProblem = (first: number | null, second: number) => (first === second ? 'the second signature must be another reader’s' : null);

/** Why the requester cannot evaluate the report (yet, or again), or null. */
export function evaluationProblem(r: { status: Status; evaluated_at: string | Date | null }): string | null {
  if (r.status !== 'reported' && r.status !== 'acknowledged') return `a ${r.status} request has no final report to evaluate`;
  if (r.evaluated_at) return 'the report is already evaluated';
  return null;
}

/** The centre checks, assigns and reports; the requesting side acknowledges the report. */
export const actingSide = (action: DxAction): 'centre' | 'requester' => (action === 'acknowledge' ? 'requester' : 'centre');

// ---------------------------------------------------------------- readers (HR facts)

/** What the HR registry says of a person (status, category, title, working unit, licences valid today). */
export type ReaderFacts = StaffQualification;

/** 上级医师 for the re-reading: 主治 (中级) and above */
const SENIOR_TITLES = [
  'chief_physician',
  'associate_chief_physician',
  'attending_physician',
  'chief_technician',
  'associate_chief_technician',
  'technician_in_charge',
];
const JUNIOR_TITLES = ['assistant_physician', 'assistant_technician'];

/**
 * Why a person may not read (or, `senior`, re-read in the monthly sample) the centre's reports, or
 * null: working at the centre's unit, active, a physician — a technician too for the laboratory —
 * with a title above the 士 grade (主治 and above for a senior) and a valid licence for it.
 */
export function readerProblem(p: ReaderFacts, centre: { kind: CentreKind; host_org_unit_id: number }, senior = false): string | null {
  if (p.status !== 'active') return `${p.name} is not on active duty (${p.status})`;
  if (p.work_org_unit_id !== centre.host_org_unit_id) return `${p.name} does not work at the centre's unit`;
  const categories = centre.kind === 'laboratory' ? ['doctor', 'technician'] : ['doctor'];
  if (!categories.includes(p.category)) return `${p.name} is not a ${categories.join(' or ')} (${p.category})`;
  if (!p.title || JUNIOR_TITLES.includes(p.title)) return `${p.name} holds no title a report needs (${p.title ?? 'none'})`;
  if (senior && !SENIOR_TITLES.includes(p.title)) return `${p.name} is not a senior (主治 or above) for the re-reading`;
  const licences = centre.kind === 'laboratory' ? ['physician', 'technician'] : ['physician'];
  if (!p.licence_kinds.some((k) => licences.includes(k))) return `${p.name} holds no valid ${licences.join(' or ')} licence`;
  return null;
}

// ---------------------------------------------------------------- duty rosters (排班)

/** The longest range one roster entry replaces (a week view, a month at most). */
export const MAX_ROSTER_DAYS = 31;

/**
 * Why `staffId` may not read on a day whose roster is `onDuty` (the staff on it), or null: on the
 * roster, or the centre kept no roster that day (nothing to check).
 */
export function dutyProblem(onDuty: readonly number[], staffId: number, day: string): string | null {
  return onDuty.length && !onDuty.includes(staffId) ? `not on the centre's duty roster on ${day}` : null;
}

/** Why a roster for `from`–`to` with these days cannot be kept, or null: a range of at most 31 days holding every day given. */
export function rosterProblem(from: string, to: string, days: readonly string[]): { field: string; message: string } | null {
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (span < 1) return { field: 'to', message: 'must not be before from' };
  if (span > MAX_ROSTER_DAYS) return { field: 'to', message: `at most ${MAX_ROSTER_DAYS} days from from` };
  const outside = days.find((d) => d < from || d > to);
  return outside ? { field: 'duties', message: `${outside} is outside ${from}–${to}` } : null;
}

// ---------------------------------------------------------------- critical values

/**
 * The escalation a critical report has reached at `now`: 0 within the acknowledgement window, 1 once
 * it has passed (the requesting unit's director), 2 once a second window has passed (the centre's head).
 */
export function escalationLevel(reportedAt: Date, ackMinutes: number, now: Date): 0 | 1 | 2 {
  const over = now.getTime() - reportedAt.getTime();
  if (over > 2 * ackMinutes * 60_000) return 2;
  if (over > ackMinutes * 60_000) return 1;
  return 0;
}

// ---------------------------------------------------------------- attachments

/** 10 MB a file: an ECG trace or a lab file is far smaller, a key image fits (a whole CT series does not travel this way). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** What a file is, by its first bytes (api/shared/fileType.ts), or null: not one the centres take. */
export { sniffType } from '../shared/fileType';
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'application/dicom'];

// ---------------------------------------------------------------- figures

/** The p-th percentile (0–1) of `values`, interpolated as PostgreSQL's percentile_cont does; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Rounded to one decimal (minutes), or null. */
export const round1 = (v: number | string | null) => (v == null ? null : Math.round(Number(v) * 10) / 10);
/** A share rounded to four decimals, or null without a denominator. */
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);

// ---------------------------------------------------------------- monthly sample

/** `size` of `ids` drawn without replacement with `rng` (a partial Fisher–Yates), in the order drawn. */
export function drawSample<T>(ids: readonly T[], size: number, rng: () => number): T[] {
  const pool = [...ids];
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

// ---------------------------------------------------------------- chest pain (胸痛绿色通道)

export const CHEST_PAIN_STEPS = CHEST_PAIN_STEP.values;
export type ChestPainStep = (typeof CHEST_PAIN_STEPS)[number];
/** the steps that close a case (the treatment, or the patient sent on) */
export const CLOSING_STEPS = ['balloon', 'fibrinolysis', 'transfer_out'] as const satisfies readonly ChestPainStep[];
export type ClosingStep = (typeof CLOSING_STEPS)[number];
/** FMC to balloon ≤ 90 min (primary PCI); FMC to needle ≤ 30 min (fibrinolysis); a transfer out has its own clock elsewhere */
export const FMC_TARGET_MINUTES: Record<'balloon' | 'fibrinolysis', number> = { balloon: 90, fibrinolysis: 30 };

/** An ECG conclusion of ST-elevation myocardial infarction (not NSTEMI, not 非ST段抬高). */
export const isStemi = (conclusion: string | null) => !!conclusion && /(?<!N)STEMI|(?<!非)ST段抬高型心肌梗死/i.test(conclusion);

/** Why a request cannot start the green channel, or null: a reported ECG of a village or township (level 3–4) concluding STEMI. */
export function chestPainProblem(r: { kind: CentreKind; status: Status; from_level: number; conclusion: string | null }): string | null {
  if (r.kind !== 'ecg') return 'only an ECG report starts the chest-pain channel';
  if (r.status !== 'reported' && r.status !== 'acknowledged') return `the ECG is ${r.status}, not yet reported`;
  if (r.from_level < 3) return 'only a village or township request starts the chest-pain channel';
  if (!isStemi(r.conclusion)) return 'the report does not conclude STEMI';
  return null;
}

/** A unit that does primary PCI, as the choice needs it: its place in the group's tree (ltree path) and level. */
export interface PciUnit {
  id: number;
  path: string;
  level: number;
}

/**
 * The PCI hospital nearest the requesting unit in the group's tree: its nearest ancestor that does
 * PCI — its own branch when that has a cath lab — else the HQ (the root is everyone's ancestor);
 * null when none of them is one.
 */
export function nearestPci<U extends PciUnit>(fromPath: string, pci: readonly U[]): U | null {
  const from = fromPath.split('.');
  // how deep an ancestor (or the unit itself) it is; -1 if not one
  const shared = (p: string) => {
    const labels = p.split('.');
    return labels.length > from.length || labels.some((l, i) => l !== from[i]) ? -1 : labels.length;
  };
  let best: U | null = null;
  for (const u of pci) if (shared(u.path) > (best ? shared(best.path) : -1)) best = u;
  return best;
}

/** Why a unit cannot be a PCI hospital, or null: only the HQ and the branches (levels 1–2) have a cath lab. */
export const pciUnitProblem = (u: { level: number } | undefined): string | null =>
  !u ? 'no such unit' : u.level > 2 ? 'only the HQ or a branch hospital (a cath lab) does primary PCI' : null;

type When = string | Date | null;
export interface ChestPainTimes {
  fmc_at: string | Date;
  arrival_at: When;
  door_at: When;
  balloon_at: When;
  fibrinolysis_at: When;
  transfer_out_at: When;
  closed_at: When;
}
const timeOf = (c: ChestPainTimes, step: ChestPainStep): When => c[`${step}_at`];
const ms = (t: string | Date) => new Date(t).getTime();

/**
 * Why `step` at `at` cannot be recorded, or null: the case still open, the step not yet recorded,
 * the cath-lab door and the balloon after the arrival, no time before the first medical contact
 * or a time already recorded, none in the future (a minute's grace for the clocks of the devices).
 */
export function chestPainStepProblem(c: ChestPainTimes, step: ChestPainStep, at: Date, now: Date): string | null {
  const order = stepOrderProblem(c, step);
  if (order) return order;
  if (at.getTime() > now.getTime() + 60_000) return 'a time in the future';
  const before = (['arrival', 'door'] as const).map((s) => timeOf(c, s)).filter((t): t is string | Date => t != null);
  const latest = Math.max(ms(c.fmc_at), ...before.map(ms));
  if (at.getTime() < latest) return `before a time already recorded (${new Date(latest).toISOString()})`;
  return null;
}

function stepOrderProblem(c: ChestPainTimes, step: ChestPainStep): string | null {
  if (c.closed_at) return 'the case is closed';
  if (timeOf(c, step)) return `${step} is already recorded`;
  if ((step === 'door' || step === 'balloon') && !c.arrival_at) return `record the arrival before the ${step === 'door' ? 'cath-lab door' : 'balloon'}`;
  return null;
}

/** The steps still open on a case: none once closed; the door and the balloon after the arrival. */
export const openSteps = (c: ChestPainTimes): ChestPainStep[] => CHEST_PAIN_STEPS.filter((s) => stepOrderProblem(c, s) === null);

/** The closing step of a closed case, or null. */
export const outcomeOf = (c: ChestPainTimes): ClosingStep | null => CLOSING_STEPS.find((s) => timeOf(c, s)) ?? null;

/**
 * The clock from the first medical contact: to the closing time, or running to `now`; late past the
 * target of the treatment (90 min to the balloon while running; none for a transfer out).
 */
export function chestPainClock(c: ChestPainTimes, now: Date) {
  const outcome = outcomeOf(c);
  const end = outcome ? ms(timeOf(c, outcome)!) : now.getTime();
  const minutes = round1((end - ms(c.fmc_at)) / 60_000)!;
  const target = outcome === 'transfer_out' ? null : FMC_TARGET_MINUTES[outcome ?? 'balloon'];
  return { minutes, target, running: !outcome, late: target != null && minutes > target };
}

export interface ChestPainCaseFacts extends ChestPainTimes {
  township_org_unit_id: number;
  township_name: string;
}

/** Per township: cases, how they closed, the median FMC-to-balloon minutes and the share of PCI cases within 90 minutes. */
export function chestPainFigures(cases: readonly ChestPainCaseFacts[]) {
  const byTownship = new Map<number, ChestPainCaseFacts[]>();
  for (const c of cases) byTownship.set(c.township_org_unit_id, [...(byTownship.get(c.township_org_unit_id) ?? []), c]);
  return [...byTownship.values()]
    .map((list) => {
      const pci = list.filter((c) => outcomeOf(c) === 'balloon').map((c) => (ms(c.balloon_at!) - ms(c.fmc_at)) / 60_000);
      const within = pci.filter((m) => m <= FMC_TARGET_MINUTES.balloon).length;
      return {
        township_org_unit_id: list[0].township_org_unit_id,
        township_name: list[0].township_name,
        cases: list.length,
        open: list.filter((c) => !outcomeOf(c)).length,
        pci: pci.length,
        fibrinolysis: list.filter((c) => outcomeOf(c) === 'fibrinolysis').length,
        transfer_out: list.filter((c) => outcomeOf(c) === 'transfer_out').length,
        median_fmc_to_balloon: round1(percentile(pci, 0.5)),
        within_90: within,
        within_90_share: share(within, pci.length),
      };
    })
    .sort((a, b) => a.township_name.localeCompare(b.township_name, 'zh'));
}

// ---------------------------------------------------------------- grants

const CENTRE_STEPS = ['accept', 'return', 'assign', 'report', 'cosign', 'correct'];
/** start the green channel (the requesting side; it also needs the referrals' create), record its times (either end) */
const CHEST_PAIN_ACTIONS = ['chest_pain', 'chest_pain_time'];
const requestGrants: GrantTable = {
  group_admin: { 'diagnosis-centres': [...all, 'roster'], 'diagnosis-services': all, 'diagnosis-requests': read, 'diagnosis-samples': read },
  // a director runs the centres of their unit and requests for it
  director: {
    // the centre's head (or the director of its unit) keeps its duty roster
    'diagnosis-centres': [...read, 'roster'],
    'diagnosis-services': read,
    'diagnosis-requests': [...read, 'create', ...CENTRE_STEPS, 'acknowledge', 'evaluate', ...CHEST_PAIN_ACTIONS],
    'diagnosis-samples': [...read, 'create', 'edit'],
  },
  staff_clerk: {
    'diagnosis-centres': read,
    'diagnosis-services': read,
    'diagnosis-requests': [...read, 'create', 'accept', 'return', 'assign', 'acknowledge', 'evaluate', 'chest_pain_time'],
  },
  village_doctor: {
    'diagnosis-centres': read,
    'diagnosis-services': read,
    'diagnosis-requests': [...read, 'create', 'acknowledge', 'evaluate', ...CHEST_PAIN_ACTIONS],
  },
  referral_coordinator: { 'diagnosis-centres': read, 'diagnosis-services': read, 'diagnosis-requests': read },
};

/** The centres' grants and the remote consultations' (consultations/rules.ts), per role. */
export const diagnosisGrants: GrantTable = Object.fromEntries(
  [...new Set([...Object.keys(requestGrants), ...Object.keys(consultationGrants)])].map((role) => [
    role,
    { ...requestGrants[role], ...consultationGrants[role] },
  ]),
);
