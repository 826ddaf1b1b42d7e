// 远程会诊 over HTTP against the real database: a township invites a named expert of the HQ about an
// external patient with material attached (413/415 naming the field), the HQ checks, books a slot
// (an expert's or a room's overlap a 409), readies the room late, holds it, uploads the opinion past
// its norm; the township evaluates and refers the patient up in one step (the referral carries the
// consultation). A return and its re-sending, the wrong step (409 naming the allowed), a bad field
// (422), the wrong side and the wrong role (403); each step audited.
import { expect } from 'chai';
import { call, get, post, put, unitId, type AnswerOf, type Problem } from '../../../scripts/test/harness';
import * as clock from '../../core/clock';
import { checkDigit } from '../../core/personalId';
import type { centreReaders } from '../service';
import type { consultationPage, consultationStep, invite, referConsultation } from './service';

type Json = AnswerOf<typeof consultationStep>;
type Page = AnswerOf<typeof consultationPage>;
type Invited = AnswerOf<typeof invite>;
type Referred = AnswerOf<typeof referConsultation>;
type Readers = AnswerOf<typeof centreReaders>;
type Conflict = Problem<{ status: string; allowed: string[] }>;

const PDF = Buffer.from('%PDF-1.4\nthe CT report of the township\n%%EOF');
let seq = 0;
/** A valid 身份证号 of an external patient, different on every call. */
function idNumber() {
  seq += 1;
  const first17 = `630123195803${String(10 + seq).padStart(2, '0')}${String(500 + seq).padStart(3, '0')}`;
  return `${first17}${checkDigit(first17)}`;
}
/** 20:00 Beijing time `days` from today (after the demo's working-hours bookings). */
const evening = (days: number, hour = 20) => new Date(`${clock.addDays(clock.today(), days)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const minutesLater = (at: Date | string, m: number) => new Date(new Date(at).getTime() + m * 60_000);

describe('remote consultation (HTTP, real database)', function () {
  this.timeout(120_000);
  let hq: number;
  let t03: number;
  let experts: Readers;
  let department: number;

  const inviteOk = async (body: Record<string, unknown>, as = 'director-T03') => {
    const r = await post<Invited>('/api/diagnosis-consultations', body, { as });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    return r.body;
  };
  const stepOk = async (id: number, action: string, body: Record<string, unknown> = {}, as = 'director-HQ') => {
    const r = await post<Json>(`/api/diagnosis-consultations/${id}/${action}`, body, { as });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).to.equal(200);
    return r.body;
  };
  const attach = (id: number, name: string, content: Buffer, as = 'director-T03') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return call<Problem>('POST', `/api/diagnosis-consultations/${id}/attachments`, { as, raw: form });
  };
  const external = (name: string) => ({ patient_name: name, patient_id_number: idNumber() });

  before(async () => {
    hq = await unitId('HQ');
    t03 = await unitId('T03');
    // the experts: the HQ's attending physicians and above (the ECG centre's seniors are such doctors)
    const ecg = (await get<{ id: number }[]>('/api/diagnosis-centres', { as: 'director-HQ', query: { filter: { kind: 'ecg', host_org_unit_id: hq } } }))
      .body[0];
    const readers = (await get<Readers>(`/api/diagnosis-centres/${ecg.id}/readers`, { as: 'director-HQ' })).body;
    experts = readers.filter((r) => ['chief_physician', 'associate_chief_physician', 'attending_physician'].includes(r.title ?? ''));
    expect(experts.length, 'the HQ has two experts').to.be.at.least(2);
    department = (await get<{ id: number }[]>('/api/departments', { as: 'director-HQ', query: { filter: { org_unit_id: hq } } })).body[0].id;
  });

  afterEach(() => clock.setClock());

  it('the demo: consultations over the year in every state, no expert booked twice at once, the fee half hours × 150', async () => {
    type Row = {
      id: number;
      status: string;
      expert_staff_id: number | null;
      slot_start: string | null;
      slot_end: string | null;
      half_hours: number | null;
      fee: string | null;
    };
    const rows = (await get<Row[]>('/api/diagnosis-consultations', { as: 'auditor', query: { range: [0, 999] } })).body;
    // (this file's own bookings are in the evening, 20:00–22:00 Beijing)
    const demo = rows.filter((r) => !r.slot_start || ![12, 13].includes(new Date(r.slot_start).getUTCHours()));
    expect(new Set(demo.map((r) => r.status))).to.have.all.keys(
      'invited',
      'returned',
      'material_checked',
      'scheduled',
      'room_ready',
      'held',
      'opinion_uploaded',
      'evaluated',
    );
    const booked = demo.filter((r) => r.slot_start);
    for (const r of booked) expect(r.fee).to.equal((150 * r.half_hours!).toFixed(2));
    for (const a of booked)
      for (const b of booked)
        if (a.id < b.id && a.expert_staff_id != null && a.expert_staff_id === b.expert_staff_id)
          expect(a.slot_end! <= b.slot_start! || b.slot_end! <= a.slot_start!, `${a.id} and ${b.id}`).to.equal(true);
  });

  it('the whole path: invited with material, checked, booked, the room ready late, held, the opinion past its norm, evaluated, referred up in one step — each step audited', async () => {
    const expert = experts[0];
    const c = await inviteOk({ host_org_unit_id: hq, expert_staff_id: expert.id, question: '肺部结节性质待定，是否需上转手术？', ...external('韩德福') });
    expect(c).to.include({
      status: 'invited',
      from_org_unit_id: t03,
      from_level: 3,
      host_org_unit_id: hq,
      expert_staff_id: expert.id,
      expert_name: expert.name,
    });
    expect(c).not.to.have.property('patient_id_number_hash');
    expect(c.patient_id_number_masked).to.contain('*');

    // the material: stored and streamed back; too large a 413, not a file the centres take a 415, each naming `file`
    const ok = await attach(c.id, 'ct.pdf', PDF);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    const big = await attach(c.id, 'huge.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect([big.status, big.body.error.details![0].field]).to.deep.equal([413, 'file']);
    const text = await attach(c.id, 'ct.pdf', Buffer.from('plain words'));
    expect([text.status, text.body.error.details![0].field]).to.deep.equal([415, 'file']);
    const page = await get<Page>(`/api/diagnosis-consultations/${c.id}`, { as: 'director-HQ' });
    expect(page.body.attachments.map((a) => [a.filename, a.content_type, a.size])).to.deep.equal([['ct.pdf', 'application/pdf', PDF.length]]);
    const back = await get<Buffer>(`/api/diagnosis-consultations/${c.id}/attachments/${page.body.attachments[0].id}`, { as: 'director-HQ' });
    expect(Buffer.compare(back.body, PDF)).to.equal(0);
    // the host sees its steps; the inviting side none yet
    expect(page.body.allowed_actions).to.deep.equal(['check', 'return']);
    // the inviting side may only withdraw it
    expect((await get<Page>(`/api/diagnosis-consultations/${c.id}`, { as: 'director-T03' })).body.allowed_actions).to.deep.equal(['cancel']);

    await stepOk(c.id, 'check');
    // the slot: 20:00–21:00 in three days; the fee two half hours × the fee per half hour
    const start = evening(3);
    const booked = await stepOk(c.id, 'schedule', { slot_start: start.toISOString(), half_hours: 2, room: 'T-会诊室A' });
    expect(booked).to.include({ status: 'scheduled', half_hours: 2, room: 'T-会诊室A', fee_per_half_hour: '150.00', fee: '300.00' });
    expect(new Date(booked.slot_end!).getTime()).to.equal(minutesLater(start, 60).getTime());
    expect(new Date(booked.ready_due_at!).getTime()).to.equal(minutesLater(start, -30).getTime());
    expect(new Date(booked.opinion_due_at!).getTime()).to.equal(minutesLater(start, 60 + 24 * 60).getTime());
    expect(booked).to.include({ ready_late: false, opinion_late: false });

    // the room checked 20 minutes before the slot: 10 minutes late, flagged
    clock.setClock(minutesLater(start, -20));
    const ready = await stepOk(c.id, 'ready', { room_person: '李护士', equipment_check: '视频终端、PACS 调阅正常' });
    expect(ready).to.include({ status: 'room_ready', room_person: '李护士', ready_late: true });
    clock.setClock(minutesLater(start, 2));
    await stepOk(c.id, 'hold', { participants: '韩德福家属、乡镇医生' });
    // the opinion 25 hours after the slot ended: past the 24-hour norm
    clock.setClock(minutesLater(start, 60 + 25 * 60));
    const opinion = await stepOk(c.id, 'opinion', { opinion: '右肺上叶结节，建议上转胸外科行胸腔镜切除。' });
    expect(opinion).to.include({ status: 'opinion_uploaded', opinion_late: true, ready_late: true });

    // the host cannot evaluate; the inviting doctor does, 1–5
    expect((await post(`/api/diagnosis-consultations/${c.id}/evaluate`, { score: 5 }, { as: 'director-HQ' })).status).to.equal(403);
    const bad = await post<Problem>(`/api/diagnosis-consultations/${c.id}/evaluate`, { score: 6 }, { as: 'director-T03' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details![0].field).to.equal('score');
    const evaluated = await stepOk(c.id, 'evaluate', { score: 4, note: '意见明确' }, 'director-T03');
    expect(evaluated).to.include({ status: 'evaluated', evaluation_score: 4, evaluation_note: '意见明确' });

    // one step to a referral: up to the HQ, carrying the consultation, once
    const referred = await post<Referred>(
      `/api/diagnosis-consultations/${c.id}/refer`,
      { diagnosis_code: 'R91', diagnosis_text: '肺结节' },
      { as: 'director-T03' },
    );
    expect(referred.status, JSON.stringify(referred.body)).to.equal(200);
    expect(referred.body.referral_id).to.equal(referred.body.referral.id);
    const referral = await get<Record<string, unknown>>(`/api/referrals/${referred.body.referral_id}`, { as: 'director-T03' });
    expect(referral.body).to.include({
      direction: 'up',
      from_org_unit_id: t03,
      to_org_unit_id: hq,
      consultation_id: c.id,
      patient_name: '韩德福',
      diagnosis_code: 'R91',
    });
    expect(referral.body.summary).to.contain('右肺上叶结节');
    const again = await post<Problem>(
      `/api/diagnosis-consultations/${c.id}/refer`,
      { diagnosis_code: 'R91', diagnosis_text: '肺结节' },
      { as: 'director-T03' },
    );
    expect(again.status).to.equal(409);

    const audit = await get<{ action: string }[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'diagnosis-consultations', record_id: String(c.id) }, sort: ['id', 'ASC'] },
    });
    expect(audit.body.map((a) => a.action)).to.deep.equal(['create', 'attach', 'check', 'schedule', 'ready', 'hold', 'opinion', 'evaluate', 'refer']);
    const events = (await get<Page>(`/api/diagnosis-consultations/${c.id}`, { as: 'director-T03' })).body.events.map((e) => e.kind);
    expect(events).to.deep.equal(['invited', 'attached', 'check', 'schedule', 'ready', 'hold', 'opinion', 'evaluate', 'referred']);
  });

  it('refusals: a return needs its reason and is re-sent after the fix; the wrong step a 409 naming the allowed; an overlap of the expert or the room a 409; a bad slot a 422; the wrong side and role a 403', async () => {
    const [first, second] = experts;
    // the form's choice of experts: the HQ's attending physicians and above (a village doctor may not ask)
    const listed = await get<{ id: number; title: string }[]>('/api/diagnosis-consultations/experts', { as: 'director-T03', query: { host_org_unit_id: hq } });
    expect(listed.body.map((p) => p.id)).to.include.members(experts.map((p) => p.id));
    for (const p of listed.body) expect(['chief_physician', 'associate_chief_physician', 'attending_physician']).to.include(p.title);
    const c = await inviteOk({ host_org_unit_id: hq, expert_staff_id: first.id, question: '糖尿病足，换药方案？', ...external('祁秀英') });

    // wrong step: nothing is scheduled before the material is checked
    const early = await post<Conflict>(
      `/api/diagnosis-consultations/${c.id}/schedule`,
      { slot_start: evening(4).toISOString(), room: 'T-会诊室B' },
      { as: 'director-HQ' },
    );
    expect(early.status).to.equal(409);
    expect(early.body.error.details).to.deep.equal({ status: 'invited', allowed: ['check', 'return', 'cancel'] });
    // the wrong side (the township checks its own material) and the wrong role (a village doctor has no consultations)
    expect((await post(`/api/diagnosis-consultations/${c.id}/check`, {}, { as: 'director-T03' })).status).to.equal(403);
    expect(
      (
        await post(
          '/api/diagnosis-consultations',
          { host_org_unit_id: hq, expert_staff_id: first.id, question: '咨询', ...external('某某') },
          { as: 'doctor-V001' },
        )
      ).status,
    ).to.equal(403);
    expect((await get(`/api/diagnosis-consultations/${c.id}`, { as: 'doctor-V001' })).status).to.equal(403);
    // a bad expert (a junior) and a host below the inviter: 422 naming the field
    const junior = await post<Problem>(
      '/api/diagnosis-consultations',
      { host_org_unit_id: t03, host_department_id: department, question: '咨询', ...external('某甲') },
      {
        as: 'director-T03',
      },
    );
    expect([junior.status, junior.body.error.details![0].field]).to.deep.equal([422, 'host_org_unit_id']);

    // returned with its reason, fixed and re-sent
    const noReason = await post<Problem>(`/api/diagnosis-consultations/${c.id}/return`, {}, { as: 'director-HQ' });
    expect([noReason.status, noReason.body.error.details![0].field]).to.deep.equal([400, 'reason']);
    const returned = await stepOk(c.id, 'return', { reason: '缺创面照片' });
    expect(returned).to.include({ status: 'returned', return_reason: '缺创面照片' });
    expect((await attach(c.id, 'wound.pdf', PDF)).status).to.equal(200);
    const resent = await stepOk(c.id, 'resend', { question: '糖尿病足（已附创面照片），换药方案？' }, 'director-T03');
    expect(resent).to.include({ status: 'invited', question: '糖尿病足（已附创面照片），换药方案？' });
    await stepOk(c.id, 'check');
    // after the check no more material
    expect((await attach(c.id, 'late.pdf', PDF)).status).to.equal(409);

    // a slot off the half hour, or in the past: 422 naming slot_start
    const off = await post<Problem>(
      `/api/diagnosis-consultations/${c.id}/schedule`,
      { slot_start: minutesLater(evening(4), 15).toISOString(), room: 'T-会诊室B' },
      { as: 'director-HQ' },
    );
    expect([off.status, off.body.error.details![0].field]).to.deep.equal([422, 'slot_start']);
    const past = await post<Problem>(
      `/api/diagnosis-consultations/${c.id}/schedule`,
      { slot_start: evening(-1).toISOString(), room: 'T-会诊室B' },
      { as: 'director-HQ' },
    );
    expect([past.status, past.body.error.details![0].field]).to.deep.equal([422, 'slot_start']);
    await stepOk(c.id, 'schedule', { slot_start: evening(4).toISOString(), half_hours: 3, room: 'T-会诊室B' });

    // another consultation of the same expert at 21:00, inside 20:00–21:30: 409; at 21:30, free
    const d = await inviteOk({ host_org_unit_id: hq, expert_staff_id: first.id, question: '高血压难控', ...external('马有才') });
    await stepOk(d.id, 'check');
    const expertClash = await post<Problem<{ field: string; consultation_id: number }>>(
      `/api/diagnosis-consultations/${d.id}/schedule`,
      { slot_start: evening(4, 21).toISOString(), room: 'T-会诊室C' },
      { as: 'director-HQ' },
    );
    expect(expertClash.status).to.equal(409);
    expect(expertClash.body.error.details).to.include({ field: 'slot_start', consultation_id: c.id });
    // another expert in the same room at 20:30: the room clashes
    const e = await inviteOk({ host_org_unit_id: hq, expert_staff_id: second.id, host_department_id: department, question: '慢阻肺', ...external('李桂兰') });
    await stepOk(e.id, 'check');
    const roomClash = await post<Problem<{ field: string; consultation_id: number }>>(
      `/api/diagnosis-consultations/${e.id}/schedule`,
      { slot_start: minutesLater(evening(4), 30).toISOString(), room: 'T-会诊室B' },
      { as: 'director-HQ' },
    );
    expect(roomClash.status).to.equal(409);
    expect(roomClash.body.error.details).to.include({ field: 'room', consultation_id: c.id });
    const free = await stepOk(d.id, 'schedule', { slot_start: minutesLater(evening(4, 21), 30).toISOString(), room: 'T-会诊室C' });
    expect(free.status).to.equal('scheduled');
    // not held yet: no referral
    expect(
      (await post(`/api/diagnosis-consultations/${d.id}/refer`, { diagnosis_code: 'I10', diagnosis_text: '高血压' }, { as: 'director-T03' })).status,
    ).to.equal(409);
  });

  it('cancel and reschedule: the host moves a booked slot (the same overlap check, a readied room checked again), the inviting side cancels with a coded reason until held — each audited', async () => {
    const expert = experts[1];
    const c = await inviteOk({ host_org_unit_id: hq, expert_staff_id: expert.id, question: '心衰加重，调整用药？', ...external('周来福') });
    await stepOk(c.id, 'check');
    const booked = await stepOk(c.id, 'schedule', { slot_start: evening(6).toISOString(), half_hours: 1, room: 'T-会诊室E' });
    const d = await inviteOk({ host_org_unit_id: hq, expert_staff_id: expert.id, question: '房颤抗凝方案', ...external('钱春梅') });
    await stepOk(d.id, 'check');
    await stepOk(d.id, 'schedule', { slot_start: evening(6, 21).toISOString(), half_hours: 1, room: 'T-会诊室F' });

    // moving c onto d's hour: the expert is taken (409 naming d); the inviting side may not move it (403); the same slot is no move (422)
    const clashing = await post<Problem<{ field: string; consultation_id: number }>>(
      `/api/diagnosis-consultations/${c.id}/reschedule`,
      { slot_start: evening(6, 21).toISOString() },
      { as: 'director-HQ' },
    );
    expect(clashing.status).to.equal(409);
    expect(clashing.body.error.details).to.include({ field: 'slot_start', consultation_id: d.id });
    expect((await post(`/api/diagnosis-consultations/${c.id}/reschedule`, { slot_start: evening(7).toISOString() }, { as: 'director-T03' })).status).to.equal(
      403,
    );
    const same = await post<Problem>(`/api/diagnosis-consultations/${c.id}/reschedule`, { slot_start: evening(6).toISOString() }, { as: 'director-HQ' });
    expect([same.status, same.body.error.details![0].field]).to.deep.equal([422, 'slot_start']);

    // the room readied, then the slot moved to the next day 20:30 for an hour: scheduled again, the room's check to do again, the booked rate kept
    await stepOk(c.id, 'ready', { room_person: '李护士', equipment_check: '视频终端正常' });
    const start = minutesLater(evening(7), 30);
    const moved = await stepOk(c.id, 'reschedule', { slot_start: start.toISOString(), half_hours: 2 });
    expect(moved).to.include({ status: 'scheduled', room: 'T-会诊室E', half_hours: 2, reschedules: 1, ready_at: null, room_person: null });
    expect(moved.fee).to.equal((Number(booked.fee_per_half_hour) * 2).toFixed(2));
    expect(new Date(moved.slot_end!).getTime()).to.equal(minutesLater(start, 60).getTime());
    expect(new Date(moved.ready_due_at!).getTime()).to.equal(minutesLater(start, -30).getTime());
    // c's old hour is free now: d moves into it
    expect((await stepOk(d.id, 'reschedule', { slot_start: evening(6).toISOString(), room: 'T-会诊室E' })).room).to.equal('T-会诊室E');

    // cancelling: the inviting side only, a coded reason (a note when `other`)
    expect((await post(`/api/diagnosis-consultations/${c.id}/cancel`, { cancel_reason: 'duplicate' }, { as: 'director-HQ' })).status).to.equal(403);
    const noReason = await post<Problem>(`/api/diagnosis-consultations/${c.id}/cancel`, {}, { as: 'director-T03' });
    expect([noReason.status, noReason.body.error.details![0].field]).to.deep.equal([400, 'cancel_reason']);
    const unknown = await post<Problem>(`/api/diagnosis-consultations/${c.id}/cancel`, { cancel_reason: 'bored' }, { as: 'director-T03' });
    expect([unknown.status, unknown.body.error.details![0].field]).to.deep.equal([400, 'cancel_reason']);
    const bare = await post<Problem>(`/api/diagnosis-consultations/${c.id}/cancel`, { cancel_reason: 'other' }, { as: 'director-T03' });
    expect([bare.status, bare.body.error.details![0].field]).to.deep.equal([422, 'note']);
    const cancelled = await stepOk(c.id, 'cancel', { cancel_reason: 'patient_declined', note: '家属决定直接来院' }, 'director-T03');
    expect(cancelled).to.include({
      status: 'cancelled',
      cancel_reason: 'patient_declined',
      cancel_note: '家属决定直接来院',
      ready_late: false,
      opinion_late: false,
    });
    const twice = await post<Conflict>(`/api/diagnosis-consultations/${c.id}/cancel`, { cancel_reason: 'duplicate' }, { as: 'director-T03' });
    expect([twice.status, twice.body.error.details]).to.deep.equal([409, { status: 'cancelled', allowed: [] }]);
    // held: too late to cancel
    await stepOk(d.id, 'ready', { room_person: '王护士', equipment_check: '正常' });
    await stepOk(d.id, 'hold');
    const late = await post<Conflict>(`/api/diagnosis-consultations/${d.id}/cancel`, { cancel_reason: 'duplicate' }, { as: 'director-T03' });
    expect([late.status, late.body.error.details]).to.deep.equal([409, { status: 'held', allowed: ['opinion'] }]);

    const audit = await get<{ action: string }[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'diagnosis-consultations', record_id: String(c.id) }, sort: ['id', 'ASC'] },
    });
    expect(audit.body.map((a) => a.action)).to.deep.equal(['create', 'check', 'schedule', 'ready', 'reschedule', 'cancel']);
    const events = (await get<Page>(`/api/diagnosis-consultations/${c.id}`, { as: 'director-T03' })).body.events;
    expect(events.find((e) => e.kind === 'reschedule')?.data).to.deep.include({
      from: { slot_start: evening(6).toISOString(), half_hours: 1, room: 'T-会诊室E' },
    });
    expect(events.at(-1)).to.include({ kind: 'cancel', from_status: 'scheduled', to_status: 'cancelled', note: '家属决定直接来院' });
  });

  it('the configuration: the group admin changes the fee per half hour (new bookings take it); others read it', async () => {
    const before = await get<{ fee_per_half_hour: string }>('/api/consultation-settings', { as: 'director-HQ' });
    expect(before.status).to.equal(200);
    expect((await put('/api/consultation-settings', { fee_per_half_hour: '1', opinion_hours: 24, ready_minutes: 30 }, { as: 'director-HQ' })).status).to.equal(
      403,
    );
    const changed = await put('/api/consultation-settings', { fee_per_half_hour: '120.50', opinion_hours: 48, ready_minutes: 30 }, { as: 'admin' });
    expect(changed.body).to.deep.equal({ fee_per_half_hour: '120.50', opinion_hours: 48, ready_minutes: 30 });
    try {
      const c = await inviteOk({ host_org_unit_id: hq, host_department_id: department, question: '儿童发热待查', ...external('张小军') });
      await stepOk(c.id, 'check');
      const booked = await stepOk(c.id, 'schedule', { slot_start: evening(5).toISOString(), half_hours: 3, room: 'T-会诊室D' });
      expect(booked).to.include({ fee_per_half_hour: '120.50', fee: '361.50' });
      expect(new Date(booked.opinion_due_at!).getTime()).to.equal(minutesLater(evening(5), 90 + 48 * 60).getTime());
    } finally {
      await put('/api/consultation-settings', { ...before.body }, { as: 'admin' });
    }
  });
  it('the figures: per host and month, the count, the turnaround from the invitation to the opinion, the on-time share — equal to a hand count', async () => {
    // a day ahead of the demo and of this file's other bookings, so that only this fixture is on it
    const day = clock.addDays(clock.today(), 61);
    const at = (hhmm: string, days = 0) => new Date(`${clock.addDays(day, days)}T${hhmm}:00+08:00`);
    const made = [];
    for (const hhmm of ['08:00', '08:10', '08:20']) {
      clock.setClock(at(hhmm));
      made.push(await inviteOk({ host_org_unit_id: hq, host_department_id: department, question: '统计用会诊', ...external('统计患者') }));
    }
    const [a, b] = made;
    clock.setClock(at('08:30'));
    const fees: string[] = [];
    for (const [c, slot, room] of [
      [a, '09:00', '统计会诊室甲'],
      [b, '09:30', '统计会诊室乙'],
    ] as const) {
      await stepOk(c.id, 'check');
      fees.push((await stepOk(c.id, 'schedule', { slot_start: at(slot).toISOString(), half_hours: 1, room })).fee!);
      await stepOk(c.id, 'ready', { room_person: '王会诊', equipment_check: '视频、影像调阅正常' });
      await stepOk(c.id, 'hold');
    }
    // a: the opinion 2 h after the invitation (due the next day at 09:30); b: 26 h after (due the next day at 10:00: 10 minutes late); the third never booked
    clock.setClock(at('10:00'));
    await stepOk(a.id, 'opinion', { opinion: '考虑良性，定期复查' });
    clock.setClock(at('10:10', 1));
    await stepOk(b.id, 'opinion', { opinion: '建议上转手术' });

    type Figures = { consultations: { hosts: Record<string, unknown>[]; months: Record<string, unknown>[] } };
    const f = await get<Figures>('/api/diagnosis-requests/figures', { as: 'director-HQ', query: { from: day, to: day } });
    expect(f.status, JSON.stringify(f.body)).to.equal(200);
    const counted = {
      host_org_unit_id: hq,
      consultations: 3,
      held: 2,
      opinions: 2,
      median_hours: 14,
      p90_hours: 23.6,
      on_time: 1,
      late: 1,
      on_time_share: 0.5,
      fees: (Number(fees[0]) + Number(fees[1])).toFixed(2),
    };
    expect(f.body.consultations.hosts).to.have.lengthOf(1);
    expect(f.body.consultations.hosts[0]).to.include(counted);
    expect(f.body.consultations.months).to.deep.equal([{ ...f.body.consultations.hosts[0], month: day.slice(0, 7) }]);
  });
});
