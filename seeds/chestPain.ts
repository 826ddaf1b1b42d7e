// One chest-pain case end to end (胸痛绿色通道), through the services with the clock moved to each
// step, three days before "today": a village doctor's emergency ECG with the trace, the HQ's ECG
// centre accepting and reporting STEMI as a critical value, the doctor acknowledging and starting the
// green channel (the emergency up-referral to the nearest PCI hospital: the village's branch has a cath
// lab), the patient received — arrival (the referral's too), cath-lab door, balloon at 83 minutes from
// the first medical contact — and the referral completed two days later.
// The village is the last one of another township than V001's (the browser test makes its own case there).
import type { Knex } from 'knex';
import { systemActor, type Actor } from '../api/core/actor';
import { withinTransaction } from '../api/core/transaction';
import * as clock from '../api/core/clock';
import { staffQualifications } from '../api/hr';
import { referralTransition } from '../api/referrals';
import {
  attachToDiagnosisRequest as attach,
  createDiagnosisRequest as createRequest,
  diagnosisStep as step,
  readerProblem,
  recordChestPainTime,
  startChestPain,
} from '../api/diagnosis';
import type { UnitRow } from './org';

/** minutes after the first medical contact of each step */
const AT = { request: 6, accept: 8, assign: 9, report: 16, acknowledge: 18, start: 19, referralAccept: 22, arrival: 52, door: 61, balloon: 83 };
const TRACE = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1024, 3)]);

async function actorOf(trx: Knex.Transaction, username: string, unit: UnitRow): Promise<Actor> {
  const u = await trx('users').where({ username }).first<{ id: number; display_name: string; roles: string[] }>('id', 'display_name', 'roles');
  return { ...systemActor(username), id: u.id, displayName: u.display_name, roles: u.roles, orgUnitId: unit.id, unitPath: unit.path, scopePath: unit.path };
}

export async function seedChestPainCase(trx: Knex.Transaction, units: UnitRow[], today: Date) {
  const hq = units.find((u) => u.kind === 'hq')!;
  const v001 = units.find((u) => u.code === 'V001');
  const villages = units.filter((u) => u.kind === 'village' && u.parent_id !== v001?.parent_id).sort((a, b) => a.code.localeCompare(b.code));
  const village = villages.at(-1);
  const service = await trx('diagnosis_services').where({ code: 'ECG-12' }).first<{ id: number; centre_id: number } | undefined>('id', 'centre_id');
  const resident = village
    ? await trx('residents').where({ org_unit_id: village.id }).whereNull('deregistered_on').orderBy('id').first<{ id: number } | undefined>('id')
    : undefined;
  if (!village || !service || !resident) return { chest_pain_cases: 0 };
  const fmc = new Date(clock.shanghaiMidnight(clock.addDays(clock.dayKey(today), -3)).getTime() + (9 * 60 + 10) * 60_000);
  // a reader on the ECG centre's roster that day (any qualified one if it kept none)
  const rostered = (await trx('diagnosis_duties')
    .where({ centre_id: service.centre_id, day: clock.dayKey(fmc) })
    .pluck('staff_id')) as number[];
  const readers = (await staffQualifications({ workOrgUnitId: hq.id }, clock.dayKey(today), trx)).filter(
    (p) => readerProblem(p, { kind: 'ecg', host_org_unit_id: hq.id }) === null && (!rostered.length || rostered.includes(p.id)),
  );
  if (!readers.length) return { chest_pain_cases: 0 };
  const doctor = await actorOf(trx, `doctor-${village.code}`, village);
  const centre = await actorOf(trx, `director-${hq.code}`, hq);
  const offset = clock.now().getTime() - Date.now();
  const at = (minutes: number) => clock.setClock(new Date(fmc.getTime() + minutes * 60_000));
  const iso = (minutes: number) => new Date(fmc.getTime() + minutes * 60_000).toISOString();
  try {
    return await withinTransaction(trx, async () => {
      at(AT.request);
      const r = await createRequest(doctor, {
        service_id: service.id,
        urgency: 'emergency',
        clinical_question: '胸骨后压榨样疼痛1小时，伴大汗，含服硝酸甘油不缓解',
        resident_id: resident.id,
      });
      await attach(doctor, r.id, { originalname: '十二导联心电图.png', size: TRACE.length, content: TRACE });
      at(AT.accept);
      await step(centre, r.id, 'accept', {});
      at(AT.assign);
      await step(centre, r.id, 'assign', { reader_staff_id: readers[0].id });
      at(AT.report);
      await step(centre, r.id, 'report', {
        findings: '窦性心律，II、III、aVF 导联 ST 段弓背向上抬高 0.2–0.4 mV，I、aVL 导联 ST 段压低',
        conclusion: '急性下壁ST段抬高型心肌梗死（STEMI）',
        critical: true,
        critical_note: 'STEMI，请立即启动胸痛绿色通道',
      });
      at(AT.acknowledge);
      await step(doctor, r.id, 'acknowledge', {});
      at(AT.start);
      const started = await startChestPain(doctor, r.id, { fmc_at: iso(0) });
      at(AT.referralAccept);
      await referralTransition(centre, started.referral_id, 'accept', {});
      at(AT.arrival);
      // the referral arrives with the case's arrival
      await recordChestPainTime(centre, r.id, { step: 'arrival' });
      at(AT.door);
      await recordChestPainTime(centre, r.id, { step: 'door' });
      at(AT.balloon);
      const closed = await recordChestPainTime(centre, r.id, { step: 'balloon' });
      at(2 * 24 * 60);
      await referralTransition(centre, started.referral_id, 'complete', { note: '急诊PCI术后，病情稳定，出院' });
      return { chest_pain_cases: 1, fmc_to_balloon_minutes: closed.clock.minutes };
    });
  } finally {
    clock.setClock(offset ? new Date(Date.now() + offset) : undefined);
  }
}
