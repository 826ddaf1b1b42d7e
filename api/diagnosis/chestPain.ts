// 胸痛绿色通道: an ECG the centre read STEMI for a village or township starts the green channel in one
// step — the emergency up-referral to the centre's hospital (made by the referrals domain, carrying
// the request) and the case with the first-medical-contact time; then the arrival, the cath-lab
// door and the balloon (or fibrinolysis, or transfer out) recorded at either end close it; the
// FMC-to-balloon clock on the request page; the figures per township.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { can } from '../core/access';
import { inTransaction, withinTransaction } from '../core/transaction';
import { assertCan, getRow, lockRow } from '../core/crud';
import { conflict, forbidden, unprocessable } from '../core/errors';
import { revealIdNumber } from '../core/personalId';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import { withinScope } from '../auth';
import { unitById, unitsByIds } from '../org';
import { createReferral, referralStatus, referralTransition } from '../referrals';
import { ChestPainCase, PciHospital, type DiagnosisRequest } from './model';
import { addEvent, requestResource, unitPaths } from './service';
import {
  CLOSING_STEPS,
  chestPainClock,
  chestPainFigures,
  chestPainProblem,
  chestPainStepProblem,
  nearestPci,
  openSteps,
  pciUnitProblem,
  type ChestPainStep,
} from './rules';

/** A first medical contact is at most this long before the ECG request. */
const FMC_BEFORE_REQUEST_HOURS = 24;

/** The requesting doctor, or someone of the requesting unit; `to`: the receiving hospital's staff too. */
type Ends = Pick<DiagnosisRequest, 'from_doctor_id' | 'from_org_unit_id' | 'centre_org_unit_id'>;
async function sides(trx: Knex.Transaction, actor: Actor, r: Ends, receiving?: number) {
  const paths = await unitPaths(trx, r);
  const receivingPath = receiving === undefined ? undefined : (await unitById(receiving, ['path'], trx))?.path;
  return {
    from: actor.id === r.from_doctor_id || withinScope(paths.from, actor.scopePath),
    to: withinScope(paths.centre, actor.scopePath) || (receivingPath !== undefined && withinScope(receivingPath, actor.scopePath)),
  };
}

export interface StartInput {
  /** first medical contact; the request's submission when left out */
  fmc_at?: string | null;
  /** the PCI hospital the patient goes to; the nearest one when left out */
  pci_org_unit_id?: number | null;
}

/** The PCI hospitals configured, the HQ first, with their place in the tree. */
async function pciUnits(conn: Knex = db()) {
  const ids = (await PciHospital.query(conn).select('org_unit_id')).map((p) => p.org_unit_id);
  return (await unitsByIds(ids, ['id', 'name', 'path', 'level'], conn)).sort((a, b) => a.level - b.level || a.id - b.id);
}

/**
 * Where a STEMI of the request goes: the chosen PCI hospital (422 naming the field if it does no
 * PCI), else the nearest to the requesting unit, else the first; none configured: the centre's hospital.
 */
async function pciTarget(trx: Knex.Transaction, r: DiagnosisRequest, fromPath: string, chosen: number | null | undefined): Promise<number> {
  const pci = await pciUnits(trx);
  if (chosen != null) {
    if (pci.length ? pci.some((u) => u.id === chosen) : chosen === r.centre_org_unit_id) return chosen;
    const names = pci.length ? pci.map((u) => u.name).join('、') : (await unitById(r.centre_org_unit_id, ['name'], trx))!.name;
    throw unprocessable('not a PCI hospital', [{ field: 'pci_org_unit_id', message: `unit ${chosen} does no primary PCI; the PCI hospitals: ${names}` }]);
  }
  return (nearestPci(fromPath, pci) ?? pci[0])?.id ?? r.centre_org_unit_id;
}

/** The PCI hospitals the requesting doctor chooses from, the nearest marked (the request page's start). */
async function pciChoices(r: Ends) {
  const [pci, paths] = await Promise.all([pciUnits(), db().transaction((trx) => unitPaths(trx, r))]);
  if (!pci.length) return [];
  const nearest = nearestPci(paths.from, pci) ?? pci[0];
  return pci.map((u) => ({ id: u.id, name: u.name, nearest: u.id === nearest.id }));
}

async function pciList(conn: Knex) {
  const notes = new Map((await PciHospital.query(conn)).map((p) => [p.org_unit_id, p.note]));
  return (await pciUnits(conn)).map((u) => ({ org_unit_id: u.id, name: u.name, level: u.level, note: notes.get(u.id) ?? null }));
}

/** The PCI hospitals configured (胸痛: the HQ, the branches with a cath lab). */
export function pciHospitals(actor: Actor) {
  assertCan(actor, 'diagnosis-centres', 'list');
  return pciList(db());
}

/** Replaces the PCI hospitals (group_admin): each the HQ or a branch. */
export function setPciHospitals(actor: Actor, input: { hospitals: { org_unit_id: number; note?: string | null }[] }) {
  assertCan(actor, 'diagnosis-centres', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const ids = input.hospitals.map((h) => h.org_unit_id);
    const units = await unitsByIds(ids, ['id', 'level'], trx);
    input.hospitals.forEach((h, i) => {
      const problem = pciUnitProblem(units.find((u) => u.id === h.org_unit_id));
      if (problem) throw unprocessable(`unit ${h.org_unit_id}: ${problem}`, [{ field: `hospitals.${i}.org_unit_id`, message: problem }]);
      if (ids.indexOf(h.org_unit_id) !== i) throw unprocessable('listed twice', [{ field: `hospitals.${i}.org_unit_id`, message: 'listed twice' }]);
    });
    const before = await PciHospital.query(trx);
    await PciHospital.query(trx).delete();
    if (input.hospitals.length) await PciHospital.query(trx).insert(input.hospitals.map((h) => ({ org_unit_id: h.org_unit_id, note: h.note ?? null })));
    await audit({ action: 'pci_hospitals', resource: 'diagnosis-centres', recordId: null, before, after: input.hospitals });
    return pciList(trx);
  });
}

/** 启动胸痛通道: the emergency up-referral to the centre's hospital and the case, in one transaction. */
export function startChestPain(actor: Actor, requestId: number, input: StartInput) {
  assertCan(actor, 'diagnosis-requests', 'chest_pain');
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'diagnosis_requests', requestId);
    const r = await getRow(requestResource, actor, requestId, trx);
    if (!(await sides(trx, actor, r)).from) throw forbidden('only the requesting unit starts the chest-pain channel');
    const problem = chestPainProblem(r);
    if (problem) throw conflict(problem, { status: r.status });
    const existing = await ChestPainCase.query(trx).findOne({ request_id: r.id });
    if (existing) throw conflict(`the chest-pain channel was already started (case ${existing.id})`, { chest_pain_case_id: existing.id });
    const now = clock.now();
    const fmc = input.fmc_at ? new Date(input.fmc_at) : new Date(r.submitted_at);
    if (fmc.getTime() > now.getTime()) throw unprocessable('fmc_at is in the future', [{ field: 'fmc_at', message: 'not in the future' }]);
    if (fmc.getTime() < new Date(r.submitted_at).getTime() - FMC_BEFORE_REQUEST_HOURS * 3600_000)
      throw unprocessable('fmc_at is too long before the ECG', [{ field: 'fmc_at', message: `at most ${FMC_BEFORE_REQUEST_HOURS} h before the request` }]);

    const from = (await unitById(r.from_org_unit_id, ['id', 'name', 'level', 'parent_id', 'path'], trx))!;
    const to = await pciTarget(trx, r, from.path, input.pci_org_unit_id);
    const township = from.level >= 4 && from.parent_id ? (await unitById(from.parent_id, ['id', 'name'], trx))! : from;
    const patient = r.resident_id
      ? { resident_id: r.resident_id }
      : { patient_name: r.patient_name, patient_id_number: revealIdNumber(r.patient_id_number_cipher!) };
    const referral = await withinTransaction(trx, () =>
      createReferral(actor, {
        ...patient,
        from_org_unit_id: r.from_org_unit_id,
        to_org_unit_id: to,
        direction: 'up',
        urgency: 'emergency',
        purpose: 'inpatient',
        diagnosis_code: 'I21.9',
        diagnosis_text: r.conclusion!,
        reason: '胸痛绿色通道：心电诊断中心报告 STEMI，需急诊PCI',
        summary: `心电诊断申请 #${r.id}（${r.service_name}）：${r.findings ?? ''} 结论：${r.conclusion}。首次医疗接触 ${clock.shanghaiWallTime(fmc).toISOString().slice(0, 16).replace('T', ' ')}`,
        diagnosis_request_id: r.id,
      }),
    );
    const created = await ChestPainCase.query(trx).insertAndFetch({
      request_id: r.id,
      referral_id: referral.id,
      from_org_unit_id: from.id,
      township_org_unit_id: township.id,
      township_name: township.name,
      to_org_unit_id: referral.to_org_unit_id!,
      to_unit_name: referral.to_unit_name!,
      patient_name: r.patient_name,
      fmc_at: fmc.toISOString(),
      started_at: now.toISOString(),
      started_by: actor.id || null,
      started_by_name: actor.displayName,
    });
    // the receiving hospital opens the request from now on (its arrival, door and balloon times)
    await trx('diagnosis_requests').where('id', r.id).update({ receiving_org_unit_id: created.to_org_unit_id });
    await addEvent(trx, actor, r.id, 'chest_pain_started', null, null, `转诊 #${referral.id} → ${referral.to_unit_name}`, {
      referral_id: referral.id,
      fmc_at: created.fmc_at,
    });
    await audit({ action: 'chest_pain', resource: 'diagnosis-requests', recordId: r.id, after: created });
    return { ...created.toJSON(), clock: chestPainClock(created, now) };
  });
}

export interface TimeInput {
  step: ChestPainStep;
  /** when it happened; now when left out */
  at?: string | null;
}

/** Records one time of the case (either end); the balloon, fibrinolysis or transfer out closes it. */
export function recordChestPainTime(actor: Actor, requestId: number, input: TimeInput) {
  assertCan(actor, 'diagnosis-requests', 'chest_pain_time');
  return inTransaction(actor, async (trx, audit) => {
    const r = await getRow(requestResource, actor, requestId, trx);
    const found = await ChestPainCase.query(trx).findOne({ request_id: r.id });
    const side = await sides(trx, actor, r, found?.to_org_unit_id);
    if (!side.from && !side.to) throw forbidden('only the requesting unit or the receiving hospital records the chest-pain times');
    if (!found) throw conflict('the chest-pain channel was not started for this request', { allowed: ['chest_pain'] });
    await lockRow(trx, 'chest_pain_cases', found.id);
    const current = (await ChestPainCase.query(trx).findById(found.id))!;
    const now = clock.now();
    const at = input.at ? new Date(input.at) : now;
    const problem = chestPainStepProblem(current, input.step, at, now);
    if (problem) throw conflict(problem, { allowed: openSteps(current) });
    // the arrival is the receiving hospital's: it receives the referral too (arrived, through the referrals' rules)
    if (input.step === 'arrival') {
      if (!side.to) throw forbidden('only the receiving hospital records the arrival');
      const status = await referralStatus(current.referral_id, trx);
      if (status === 'requested' || status === 'accepted')
        await withinTransaction(trx, () => referralTransition(actor, current.referral_id, 'arrive', { note: '胸痛绿色通道：患者到达' }));
    }
    const closing = (CLOSING_STEPS as readonly ChestPainStep[]).includes(input.step);
    const updated = await ChestPainCase.query(trx).patchAndFetchById(current.id, {
      [`${input.step}_at`]: at.toISOString(),
      ...(closing ? { outcome: input.step, closed_at: now.toISOString() } : {}),
      updated_at: now.toISOString(),
    });
    const clockNow = chestPainClock(updated, now);
    await addEvent(trx, actor, r.id, `chest_pain_${input.step}`, null, null, closing ? `FMC→${clockNow.minutes} min` : null, { at: at.toISOString() });
    await audit({ action: 'chest_pain_time', resource: 'diagnosis-requests', recordId: r.id, before: current, after: updated });
    return { ...updated.toJSON(), clock: clockNow };
  });
}

/** The request page's part: the case with its clock, or whether the caller may start one; the times open to the caller. */
export async function chestPainOfRequest(actor: Actor, r: Ends & Pick<DiagnosisRequest, 'id' | 'kind' | 'status' | 'from_level' | 'conclusion'>) {
  const found = await ChestPainCase.query().findOne({ request_id: r.id });
  const side = await db().transaction((trx) => sides(trx, actor, r, found?.to_org_unit_id));
  if (!found) {
    const mayStart = side.from && can(actor.roles, 'diagnosis-requests', 'chest_pain') && can(actor.roles, 'referrals', 'create') && !chestPainProblem(r);
    return { chest_pain: null, chest_pain_actions: mayStart ? ['start'] : [], pci_hospitals: mayStart ? await pciChoices(r) : [] };
  }
  const mayTime = (side.from || side.to) && can(actor.roles, 'diagnosis-requests', 'chest_pain_time');
  // the arrival only for the receiving hospital, which receives the referral with it
  const steps = mayTime ? openSteps(found).filter((s) => s !== 'arrival' || (side.to && can(actor.roles, 'referrals', 'arrive'))) : [];
  return { chest_pain: { ...found.toJSON(), clock: chestPainClock(found, clock.now()) }, chest_pain_actions: steps };
}

export interface ChestPainFiguresQuery {
  from: string;
  to: string;
}

/** Per township, the cases whose first medical contact falls in the period (dates inclusive, Asia/Shanghai), of requests in the caller's scope. */
export async function chestPainFiguresOf(actor: Actor, q: ChestPainFiguresQuery) {
  assertCan(actor, 'diagnosis-requests', 'list');
  const rows = await db()('chest_pain_cases as c')
    .select(
      'c.township_org_unit_id',
      'c.township_name',
      'c.fmc_at',
      'c.arrival_at',
      'c.door_at',
      'c.balloon_at',
      'c.fibrinolysis_at',
      'c.transfer_out_at',
      'c.closed_at',
    )
    .whereRaw("c.fmc_at >= ?::timestamptz and c.fmc_at < ?::timestamptz + interval '1 day'", [`${q.from}T00:00:00+08:00`, `${q.to}T00:00:00+08:00`])
    .whereIn('c.request_id', requestResource.scope(db()('diagnosis_requests').select('diagnosis_requests.id') as never, actor.scopePath, actor) as never);
  return chestPainFigures(rows);
}
