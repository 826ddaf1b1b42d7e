// The diagnosis centres over HTTP against the real database: services and their norms, a request
// with a real attachment (413/415 naming the field), the state machine's 409s, a returned request,
// a late report shown red, a critical value escalating twice with the clock moved, the figures
// equal to a hand count over a fixture, and the monthly sample re-read by a senior.
import { expect } from 'chai';
import { call, get, post, put, unitId, type AnswerOf, type Problem } from '../../scripts/test/harness';
import { runJob } from '../jobs';
import * as clock from '../core/clock';
import { checkDigit } from '../core/personalId';
import type { centreReaders, createRequest, requestPage } from './service';
import type { setDutyRoster } from './duties';
import type { diagnosisFigures } from './figures';
import type { drawMonthlySample } from './samples';
import type { chestPainFiguresOf, recordChestPainTime, startChestPain } from './chestPain';

type RequestJson = AnswerOf<typeof createRequest>;
type PageJson = AnswerOf<typeof requestPage>;
type Readers = AnswerOf<typeof centreReaders>;
type Figures = AnswerOf<typeof diagnosisFigures>;
type Conflict = Problem<{ status: string; allowed: string[] }>;
type CaseJson = AnswerOf<typeof startChestPain> & AnswerOf<typeof recordChestPainTime>;
type CpFigures = AnswerOf<typeof chestPainFiguresOf>;
type CpPage = PageJson & { chest_pain: CaseJson | null; chest_pain_actions: string[] };
type ServiceRow = {
  id: number;
  code: string;
  centre_id: number;
  norm_emergency_minutes: number | null;
  norm_routine_minutes: number | null;
  fee: string;
  second_signature: boolean;
};
type CentreRow = { id: number; kind: string; critical_ack_minutes: number };
type NoticeRow = { kind: string; record_id: number; data: { level?: number } };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('an ECG trace, as a picture')]);

function attach(requestId: number, name: string, content: Buffer, as = 'doctor-V001') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  return call<Problem>('POST', `/api/diagnosis-requests/${requestId}/attachments`, { as, raw: form });
}

let seq = 0;
/** A valid 身份证号 of an external patient, different on every call. */
function idNumber(birth: string) {
  seq += 1;
  const first17 = `630123${birth}${String(700 + seq).padStart(3, '0')}`;
  return `${first17}${checkDigit(first17)}`;
}

const minutesLater = (at: Date | string, m: number) => new Date(new Date(at).getTime() + m * 60_000);

describe('diagnosis centres (HTTP, real database)', function () {
  this.timeout(120_000);
  let hq: number;
  let ecg: CentreRow;
  let ultrasound: CentreRow;
  let ecg12: ServiceRow;
  let usAbd: ServiceRow;
  let readers: Readers;
  let reader: Readers[number];

  const service = async (code: string) => (await get<ServiceRow[]>('/api/diagnosis-services', { as: 'doctor-V001', query: { filter: { code } } })).body[0];
  const centre = async (kind: string) =>
    (await get<CentreRow[]>('/api/diagnosis-centres', { as: 'doctor-V001', query: { filter: { kind, host_org_unit_id: hq } } })).body[0];
  const request = async (as: string, body: Record<string, unknown>) => {
    const r = await post<RequestJson>('/api/diagnosis-requests', body, { as });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    return r.body;
  };
  const stepOk = async (id: number, action: string, body: Record<string, unknown> = {}, as = 'director-HQ') => {
    const r = await post<RequestJson>(`/api/diagnosis-requests/${id}/${action}`, body, { as });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).to.equal(200);
    return r.body;
  };
  const external = (name = '张建国') => ({ patient_name: name, patient_id_number: idNumber('19620704') });
  /** A centre's readers on its roster today and tomorrow (a test may cross Beijing midnight); every one on a day it keeps none. */
  const dutyReaders = async (centreId: number) => {
    const all = (await get<Readers>(`/api/diagnosis-centres/${centreId}/readers`, { as: 'director-HQ' })).body;
    const days = [clock.today(), clock.addDays(clock.today(), 1)];
    const roster = await get<{ duties: { day: string; staff_id: number }[] }>(`/api/diagnosis-centres/${centreId}/duties`, {
      as: 'director-HQ',
      query: { from: days[0], to: days[1] },
    });
    const on = (id: number, day: string) =>
      !roster.body.duties.some((d) => d.day === day) || roster.body.duties.some((d) => d.day === day && d.staff_id === id);
    return all.filter((r) => days.every((day) => on(r.id, day)));
  };

  before(async () => {
    hq = await unitId('HQ');
    ecg = await centre('ecg');
    ultrasound = await centre('ultrasound');
    ecg12 = await service('ECG-12');
    usAbd = await service('US-ABD');
    readers = await dutyReaders(ecg.id);
    expect(readers.length, 'the HQ has qualified readers on duty').to.be.greaterThan(1);
    reader = readers.find((r) => !r.senior) ?? readers[0];
  });

  afterEach(() => clock.setClock());

  it('the demo: the five centres at the HQ, a year of requests from the levels, reported mostly within the norm', async () => {
    const centres = await get<CentreRow[]>('/api/diagnosis-centres', { as: 'auditor', query: { filter: { host_org_unit_id: hq } } });
    expect(centres.body.map((c) => c.kind)).to.have.members(['imaging', 'ecg', 'laboratory', 'pathology', 'ultrasound']);
    const year = { from: clock.addDays(clock.today(), -366), to: clock.today() };
    const f = await get<Figures>('/api/diagnosis-requests/figures', { as: 'auditor', query: year });
    const total = f.body.centres.reduce((n, c) => n + c.requests, 0);
    expect(total).to.be.greaterThan(20);
    const levels = await get<{ from_level: number }[]>('/api/diagnosis-requests', { as: 'auditor', query: { range: [0, 999] } });
    expect(new Set(levels.body.map((r) => r.from_level)).size).to.be.at.least(3);
    const reported = f.body.centres.reduce((n, c) => n + c.reported, 0);
    const onTime = f.body.centres.reduce((n, c) => n + c.on_time, 0);
    expect(onTime / reported).to.be.greaterThan(0.8);
    // one chest-pain case end to end, three days ago: a village's STEMI, the balloon 83 minutes after the first contact
    const cp = await get<CpFigures>('/api/diagnosis-requests/chest-pain-figures', {
      as: 'auditor',
      query: { from: clock.addDays(clock.today(), -4), to: clock.addDays(clock.today(), -2) },
    });
    expect(cp.body.map(({ township_org_unit_id: _t, township_name: _n, ...r }) => r)).to.deep.equal([
      { cases: 1, open: 0, pci: 1, fibrinolysis: 0, transfer_out: 0, median_fmc_to_balloon: 83, within_90: 1, within_90_share: 1 },
    ]);
  });

  it('a service takes the national norms of its kind and modality unless told; its fee is kept in fen; only the group admin configures', async () => {
    const imaging = await centre('imaging');
    const ct = await post<ServiceRow>(
      '/api/diagnosis-services',
      { centre_id: imaging.id, code: 'CT-ABD-T', name: '腹部CT平扫', modality: 'CT', fee: '300.50' },
      { as: 'admin' },
    );
    expect(ct.status, JSON.stringify(ct.body)).to.equal(200);
    expect(ct.body).to.include({ norm_emergency_minutes: 60, norm_routine_minutes: 240, fee: '300.50' });
    const xr = await post<ServiceRow>(
      '/api/diagnosis-services',
      { centre_id: imaging.id, code: 'XR-LIMB-T', name: '四肢X线', modality: 'XR', fee: 45, norm_routine_minutes: 90 },
      { as: 'admin' },
    );
    expect(xr.body).to.include({ norm_emergency_minutes: 30, norm_routine_minutes: 90, fee: '45.00' });
    expect(ecg12).to.include({ norm_emergency_minutes: 30, norm_routine_minutes: 120, fee: '25.00' });
    const frozen = await service('PATH-FROZEN');
    expect(frozen).to.include({ norm_emergency_minutes: 60, norm_routine_minutes: null });
    // a frozen section is never routine: asked so, a 422 naming the urgency
    const routineFrozen = await post<Problem>(
      '/api/diagnosis-requests',
      { service_id: frozen.id, urgency: 'routine', clinical_question: '术中快速诊断', ...external() },
      { as: 'director-B1' },
    );
    expect(routineFrozen.status).to.equal(422);
    expect(routineFrozen.body.error.details![0].field).to.equal('urgency');
    expect((await post('/api/diagnosis-services', { centre_id: imaging.id, code: 'X', name: 'X', fee: '1' }, { as: 'director-HQ' })).status).to.equal(403);
    expect((await post<Problem>('/api/diagnosis-services', { centre_id: imaging.id, code: 'NEG', name: 'X', fee: '-1' }, { as: 'admin' })).status).to.equal(
      400,
    );
  });

  it('a village doctor requests an emergency ECG with a trace attached; the centre accepts, assigns a qualified reader, reports STEMI critical; the doctor acknowledges — each step audited, a wrong one a 409 naming the allowed', async () => {
    const r = await request('doctor-V001', { service_id: ecg12.id, urgency: 'emergency', clinical_question: '胸痛2小时，疑急性心梗', ...external() });
    expect(r).to.include({ status: 'submitted', kind: 'ecg', urgency: 'emergency', fee: '25.00', norm_minutes: 30, from_level: 4, patient_name: '张建国' });
    expect(r.patient_id_number_masked).to.match(/^6301\*+\d{4}$|\*/);
    expect(r).not.to.have.property('patient_id_number_hash');
    expect(new Date(r.due_at).getTime() - new Date(r.submitted_at).getTime()).to.equal(30 * 60_000);

    // the trace: stored, streamed back byte for byte; too large a 413, not a picture a 415, each naming `file`
    const ok = await attach(r.id, 'trace.png', PNG);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    const big = await attach(r.id, 'huge.png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).to.equal(413);
    expect(big.body.error.details![0].field).to.equal('file');
    const text = await attach(r.id, 'trace.png', Buffer.from('just text, named .png'));
    expect(text.status).to.equal(415);
    expect(text.body.error.details![0].field).to.equal('file');
    const page = await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'director-HQ' });
    expect(page.body.attachments).to.have.lengthOf(1);
    expect(page.body.attachments[0]).to.include({ filename: 'trace.png', content_type: 'image/png', size: PNG.length });
    const back = await get<Buffer>(`/api/diagnosis-requests/${r.id}/attachments/${page.body.attachments[0].id}`, { as: 'director-HQ' });
    expect(back.status).to.equal(200);
    expect(back.headers.get('content-type')).to.equal('image/png');
    expect(Buffer.compare(back.body, PNG)).to.equal(0);
    expect(page.body.allowed_actions).to.have.members(['accept', 'return']);

    // the requester cannot acknowledge what is not reported; another unit cannot act for the centre
    const early = await post<Conflict>(`/api/diagnosis-requests/${r.id}/acknowledge`, {}, { as: 'doctor-V001' });
    expect(early.status).to.equal(409);
    expect(early.body.error.details).to.deep.equal({ status: 'submitted', allowed: ['accept', 'return'] });
    expect((await post(`/api/diagnosis-requests/${r.id}/accept`, {}, { as: 'director-T01' })).status).to.equal(403);
    await stepOk(r.id, 'accept');
    expect((await attach(r.id, 'late.png', PNG)).status).to.equal(409);

    // the reader must be one the HR registry qualifies: a nurse is a 422 naming reader_staff_id
    const staff = await get<{ id: number; category: string }[]>('/api/staff', {
      as: 'admin',
      query: { filter: { work_org_unit_id: hq, category: 'nurse' }, range: [0, 0] },
    });
    const nurse = await post<Problem>(`/api/diagnosis-requests/${r.id}/assign`, { reader_staff_id: staff.body[0].id }, { as: 'director-HQ' });
    expect(nurse.status).to.equal(422);
    expect(nurse.body.error.details![0].field).to.equal('reader_staff_id');
    await stepOk(r.id, 'assign', { reader_staff_id: reader.id });
    const noConclusion = await post<Problem>(`/api/diagnosis-requests/${r.id}/report`, { findings: 'V1–V4 ST段抬高' }, { as: 'director-HQ' });
    expect(noConclusion.status).to.equal(400);
    expect(noConclusion.body.error.details![0].field).to.equal('conclusion');
    const reported = await stepOk(r.id, 'report', {
      findings: '窦性心律，V1–V4 导联 ST 段弓背向上抬高 0.3–0.5 mV',
      conclusion: '急性前壁ST段抬高型心肌梗死（STEMI）',
      critical: true,
      critical_note: 'STEMI，请立即启动胸痛绿色通道',
    });
    expect(reported).to.include({ status: 'reported', critical: true, signer_staff_id: reader.id, signer_name: reader.name });
    expect(new Date(reported.ack_due_at!).getTime() - new Date(reported.reported_at!).getTime()).to.equal(ecg.critical_ack_minutes * 60_000);
    const notices = await get<NoticeRow[]>('/api/notifications', { as: 'doctor-V001', query: { filter: { record_id: r.id } } });
    expect(notices.body.map((n) => n.kind)).to.include('diagnosis_critical');

    const again = await post<Conflict>(`/api/diagnosis-requests/${r.id}/report`, { conclusion: 'x' }, { as: 'director-HQ' });
    expect(again.status).to.equal(409);
    expect(again.body.error.details!.allowed).to.deep.equal(['acknowledge', 'correct']);
    const acked = await stepOk(r.id, 'acknowledge', {}, 'doctor-V001');
    expect(acked).to.include({ status: 'acknowledged', acknowledged_by_name: '' + acked.acknowledged_by_name });
    expect(acked.acknowledged_by_name).to.be.a('string').and.not.be.empty;

    const audit = await get<{ action: string }[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'diagnosis-requests', record_id: String(r.id) }, sort: ['id', 'ASC'] },
    });
    expect(audit.body.map((a) => a.action)).to.have.members(['create', 'attach', 'accept', 'assign', 'report', 'acknowledge']);
    const events = (await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' })).body.events.map((e) => e.kind);
    expect(events).to.deep.equal(['submitted', 'attached', 'accepted', 'assigned', 'reported', 'acknowledged']);
  });

  it('the duty roster: the head of the centre keeps it a week at a time; on a day with one only a reader on it is assigned or reports (422 naming the field); a day without one checks nothing', async () => {
    // days of their own ahead of the demo and the other fixtures; the roster is emptied again at the end
    const day = clock.addDays(clock.today(), 50);
    const next = clock.addDays(day, 1);
    const week = { from: day, to: clock.addDays(day, 6) };
    const url = `/api/diagnosis-centres/${ecg.id}/duties`;
    const [onIt, off] = readers;
    type Roster = AnswerOf<typeof setDutyRoster>;
    const problem = async (as: string, body: unknown, status: number) => {
      const r = await put<Problem>(url, body, { as });
      expect(r.status, JSON.stringify(r.body)).to.equal(status);
      return r.body.error.details?.map((d) => d.field);
    };
    await problem('doctor-V001', { ...week, duties: [] }, 403);
    await problem('director-T01', { ...week, duties: [] }, 403);
    expect(await problem('director-HQ', { ...week, duties: [{ day: clock.addDays(day, 7), staff_id: onIt.id }] }, 422)).to.deep.equal(['duties']);
    expect(await problem('director-HQ', { from: day, to: clock.addDays(day, 31), duties: [] }, 422)).to.deep.equal(['to']);
    const set = await put<Roster>(
      url,
      {
        ...week,
        duties: [
          { day, staff_id: onIt.id },
          { day: next, staff_id: off.id },
        ],
      },
      { as: 'director-HQ' },
    );
    expect(set.status, JSON.stringify(set.body)).to.equal(200);
    expect(set.body.duties.map((d) => [d.day, d.staff_id])).to.deep.equal([
      [day, onIt.id],
      [next, off.id],
    ]);
    const shown = await get<Roster>(url, { as: 'doctor-V001', query: week });
    expect(shown.body.duties.map((d) => [d.day, d.staff_name])).to.deep.equal([
      [day, onIt.name],
      [next, off.name],
    ]);

    clock.setClock(new Date(`${day}T09:00:00+08:00`));
    const made = await request('doctor-V001', { service_id: ecg12.id, urgency: 'routine', clinical_question: '胸闷一周', ...external() });
    await stepOk(made.id, 'accept');
    const notOnDuty = await post<Problem>(`/api/diagnosis-requests/${made.id}/assign`, { reader_staff_id: off.id }, { as: 'director-HQ' });
    expect(notOnDuty.status, JSON.stringify(notOnDuty.body)).to.equal(422);
    expect(notOnDuty.body.error.details![0]).to.deep.include({ field: 'reader_staff_id', message: `not on the centre's duty roster on ${day}` });
    const onDuty = (await get<Readers>(`/api/diagnosis-centres/${ecg.id}/readers`, { as: 'director-HQ' })).body;
    expect(onDuty.filter((r) => r.on_duty).map((r) => r.id)).to.deep.equal([onIt.id]);
    await stepOk(made.id, 'assign', { reader_staff_id: onIt.id });
    // the next day another reader is on duty: the assigned one may not report then
    clock.setClock(new Date(`${next}T09:00:00+08:00`));
    const report = await post<Problem>(`/api/diagnosis-requests/${made.id}/report`, { conclusion: '窦性心律' }, { as: 'director-HQ' });
    expect(report.status, JSON.stringify(report.body)).to.equal(422);
    expect(report.body.error.details![0].field).to.equal('reader_staff_id');
    // a day without a roster checks nothing
    clock.setClock(new Date(`${clock.addDays(day, 2)}T09:00:00+08:00`));
    expect((await get<Readers>(`/api/diagnosis-centres/${ecg.id}/readers`, { as: 'director-HQ' })).body.every((r) => r.on_duty === null)).to.equal(true);
    await stepOk(made.id, 'report', { conclusion: '窦性心律' });
    clock.setClock();
    const emptied = await put<Roster>(url, { ...week, duties: [] }, { as: 'director-HQ' });
    expect(emptied.body.duties).to.deep.equal([]);
  });

  it('a request returned with its reason is final; without a reason it is a 400', async () => {
    const r = await request('doctor-V002', { service_id: ecg12.id, urgency: 'routine', clinical_question: '心悸一周', ...external('李秀兰') });
    const bare = await post<Problem>(`/api/diagnosis-requests/${r.id}/return`, {}, { as: 'director-HQ' });
    expect(bare.status).to.equal(400);
    expect(bare.body.error.details![0].field).to.equal('reason');
    const returned = await stepOk(r.id, 'return', { reason: '心电图图像不清晰，导联脱落，请重新采集' });
    expect(returned).to.include({ status: 'returned', return_reason: '心电图图像不清晰，导联脱落，请重新采集' });
    const after = await post<Conflict>(`/api/diagnosis-requests/${r.id}/accept`, {}, { as: 'director-HQ' });
    expect(after.status).to.equal(409);
    expect(after.body.error.details).to.deep.equal({ status: 'returned', allowed: [] });
    const notices = await get<NoticeRow[]>('/api/notifications', { as: 'doctor-V002', query: { filter: { record_id: r.id } } });
    expect(notices.body.map((n) => n.kind)).to.deep.equal(['diagnosis_returned']);
  });

  it('a report past its norm is late: red on the worklist while open, flagged on the page once reported', async () => {
    const r = await request('doctor-V001', { service_id: ecg12.id, urgency: 'routine', clinical_question: '高血压随访，复查心电图', ...external('王福') });
    await stepOk(r.id, 'accept');
    await stepOk(r.id, 'assign', { reader_staff_id: reader.id });
    clock.setClock(minutesLater(r.submitted_at, 150)); // routine ECG: 120 minutes
    const work = await get<{ id: number; late: boolean; minutes_left: number }[]>('/api/diagnosis-requests', {
      as: 'director-HQ',
      query: { filter: { worklist: ecg.id, late: true }, range: [0, 999] },
    });
    const row = work.body.find((w) => w.id === r.id)!;
    expect(row).to.include({ late: true });
    expect(row.minutes_left).to.be.within(-31, -29);
    await stepOk(r.id, 'report', { conclusion: '窦性心律，大致正常心电图' });
    const page = await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' });
    expect(page.body).to.include({ late: true, minutes_left: null, status: 'reported' });
    const onWorklist = await get<{ id: number }[]>('/api/diagnosis-requests', { as: 'director-HQ', query: { filter: { worklist: ecg.id }, range: [0, 999] } });
    expect(onWorklist.body.map((w) => w.id)).not.to.include(r.id);
  });

  it('a critical value left unacknowledged escalates to the requesting unit’s director, then to the centre’s head, once each', async () => {
    const r = await request('doctor-V001', { service_id: ecg12.id, urgency: 'emergency', clinical_question: '胸闷气短', ...external('马成') });
    await stepOk(r.id, 'accept');
    await stepOk(r.id, 'assign', { reader_staff_id: reader.id });
    const reported = await stepOk(r.id, 'report', { conclusion: '三度房室传导阻滞', critical: true, critical_note: '三度房室传导阻滞，请立即处理' });
    const ack = ecg.critical_ack_minutes;

    clock.setClock(minutesLater(reported.reported_at!, ack - 1));
    await runJob('diagnosis.critical', { triggeredBy: 'test' });
    expect((await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'director-HQ' })).body.escalations).to.have.lengthOf(0);

    clock.setClock(minutesLater(reported.reported_at!, ack + 1));
    await runJob('diagnosis.critical', { triggeredBy: 'test' });
    await runJob('diagnosis.critical', { triggeredBy: 'test' });
    let page = (await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'director-HQ' })).body;
    expect(page.escalations.map((e) => e.level)).to.deep.equal([1]);
    expect(page.escalation_level).to.equal(1);
    const v001 = await get<NoticeRow[]>('/api/notifications', { as: 'director-V001', query: { filter: { record_id: r.id } } });
    expect(v001.body.filter((n) => n.kind === 'diagnosis_critical_escalated').map((n) => n.data.level)).to.deep.equal([1]);

    clock.setClock(minutesLater(reported.reported_at!, 2 * ack + 1));
    await runJob('diagnosis.critical', { triggeredBy: 'test' });
    page = (await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'director-HQ' })).body;
    expect(page.escalations.map((e) => e.level)).to.deep.equal([1, 2]);
    const head = await get<NoticeRow[]>('/api/notifications', { as: 'director-HQ', query: { filter: { record_id: r.id } } });
    expect(head.body.filter((n) => n.kind === 'diagnosis_critical_escalated').map((n) => n.data.level)).to.deep.equal([2]);
    expect(page.events.filter((e) => e.kind === 'escalated')).to.have.lengthOf(2);

    const unacked = await get<{ id: number }[]>('/api/diagnosis-requests', { as: 'doctor-V001', query: { filter: { unacknowledged: true }, range: [0, 999] } });
    expect(unacked.body.map((u) => u.id)).to.include(r.id);
    const acked = await stepOk(r.id, 'acknowledge', {}, 'doctor-V001');
    expect(acked.status).to.equal('acknowledged');
  });

  it('the figures equal a hand count over a fixture day, and the monthly sample is re-read by a senior', async () => {
    // a day ahead of the demo's year, so that only this fixture is on it
    const day = clock.addDays(clock.today(), 40);
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
    const move = (hhmm: string) => clock.setClock(at(hhmm));
    const question = { clinical_question: '右上腹痛，查胆囊' };
    // routine (norm 120): reported after 60, 100 and 150 minutes; one open past its norm; one returned
    const made: Record<string, RequestJson> = {};
    for (const [key, time, as] of [
      ['a', '08:00', 'doctor-V001'],
      ['b', '08:10', 'doctor-V001'],
      ['c', '08:20', 'doctor-V001'],
      ['open', '08:30', 'doctor-V001'],
      ['ret', '08:40', 'doctor-V001'],
    ] as const) {
      move(time);
      made[key] = await request(as, { service_id: usAbd.id, urgency: 'routine', ...question, ...external() });
    }
    // emergency (norm 30) from another village: reported after 20 minutes, critical, acknowledged 10 minutes later
    move('09:00');
    made.em = await request('doctor-V002', { service_id: usAbd.id, urgency: 'emergency', clinical_question: '外伤后腹痛', ...external() });
    const usReaders = (await get<Readers>(`/api/diagnosis-centres/${ultrasound.id}/readers`, { as: 'director-HQ' })).body;
    const usReader = usReaders.find((p) => !p.senior) ?? usReaders[0];
    const senior = usReaders.find((p) => p.senior && p.id !== usReader.id)!;
    expect(senior, `a senior other than the reader: ${JSON.stringify(usReaders)}`).to.not.equal(undefined);
    for (const key of ['a', 'b', 'c', 'open', 'em']) {
      await stepOk(made[key].id, 'accept');
      await stepOk(made[key].id, 'assign', { reader_staff_id: usReader.id });
    }
    await stepOk(made.ret.id, 'return', { reason: '申请单信息不全' });
    const report = async (key: string, minutes: number, extra: Record<string, unknown> = {}) => {
      clock.setClock(minutesLater(made[key].submitted_at, minutes));
      await stepOk(made[key].id, 'report', { conclusion: '胆囊结石', ...extra });
    };
    await report('a', 60);
    await report('b', 100);
    await report('c', 150);
    await report('em', 20, { critical: true, critical_note: '脾破裂，腹腔积液' });
    clock.setClock(minutesLater(made.em.submitted_at, 30));
    await stepOk(made.em.id, 'acknowledge', {}, 'doctor-V002');
    move('18:00');

    const f = await get<Figures>('/api/diagnosis-requests/figures', { as: 'director-HQ', query: { from: day, to: day, centre_id: String(ultrasound.id) } });
    expect(f.status, JSON.stringify(f.body)).to.equal(200);
    expect(f.body.centres).to.have.lengthOf(1);
    // all: 6 requests, 4 reported (20, 60, 100, 150 min), on time 3 (20, 60, 100), late 2 (150 and the open one), median 80, p90 100 + 0.7 × 50
    expect(f.body.centres[0]).to.include({
      requests: 6,
      returned: 1,
      reported: 4,
      on_time: 3,
      late: 2,
      on_time_share: 0.6,
      median_minutes: 80,
      p90_minutes: 135,
      critical: 1,
      critical_acknowledged: 1,
      median_ack_minutes: 10,
      fees: '480.00',
    });
    const routine = f.body.services.find((s) => s.urgency === 'routine')!;
    // routine: 5 requests, 3 reported (60, 100, 150), on time 2, late 2, median 100, p90 100 + 0.8 × 50
    expect(routine).to.include({ requests: 5, reported: 3, on_time: 2, late: 2, on_time_share: 0.5, median_minutes: 100, p90_minutes: 140, norm_minutes: 120 });
    const emergency = f.body.services.find((s) => s.urgency === 'emergency')!;
    expect(emergency).to.include({ requests: 1, reported: 1, on_time: 1, late: 0, on_time_share: 1, median_minutes: 20, norm_minutes: 30, critical: 1 });
    const v002 = await unitId('V002');
    expect(f.body.units.find((u) => u.from_org_unit_id === v002)).to.include({ requests: 1, reported: 1, on_time_share: 1 });
    // the month's row is the day's (the fixture alone), and the reader signed the four reports: one emergency, critical; one late
    expect(f.body.months).to.have.lengthOf(1);
    expect(f.body.months[0]).to.include({ month: day.slice(0, 7), requests: 6, reported: 4, on_time: 3, late: 2, median_minutes: 80, p90_minutes: 135 });
    expect(f.body.readers.find((r) => r.staff_id === usReader.id)).to.include({ reports: 4, emergency: 1, critical: 1, late: 1, cosigned: 0, fees: '480.00' });

    // the month's sample: every report of it (4), none read by the reviewer; three agree, one differs
    const month = day.slice(0, 7);
    const notSenior = await post<Problem>(
      '/api/diagnosis-samples/draw',
      { centre_id: ultrasound.id, month, size: 10, reviewer_staff_id: usReader.id },
      { as: 'director-HQ' },
    );
    if (!usReader.senior) expect(notSenior.status).to.equal(422);
    const drawn = await post<AnswerOf<typeof drawMonthlySample>>(
      '/api/diagnosis-samples/draw',
      { centre_id: ultrasound.id, month, size: 10, reviewer_staff_id: senior.id },
      { as: 'director-HQ' },
    );
    expect(drawn.status, JSON.stringify(drawn.body)).to.equal(200);
    expect(drawn.body.of).to.equal(4);
    expect(drawn.body.samples.map((s) => s.request_id)).to.have.members([made.a.id, made.b.id, made.c.id, made.em.id]);
    const [first, ...rest] = drawn.body.samples;
    const noNote = await post<Problem>(`/api/diagnosis-samples/${first.id}/review`, { agreement: 'major' }, { as: 'director-HQ' });
    expect(noNote.status).to.equal(422);
    expect((await post(`/api/diagnosis-samples/${first.id}/review`, { agreement: 'major', note: '漏报胆总管扩张' }, { as: 'director-HQ' })).status).to.equal(
      200,
    );
    for (const s of rest) expect((await post(`/api/diagnosis-samples/${s.id}/review`, { agreement: 'agree' }, { as: 'director-HQ' })).status).to.equal(200);
    expect((await post<Conflict>(`/api/diagnosis-samples/${first.id}/review`, { agreement: 'agree' }, { as: 'director-HQ' })).status).to.equal(409);
    const after = await get<Figures>('/api/diagnosis-requests/figures', { as: 'director-HQ', query: { from: day, to: day, centre_id: String(ultrasound.id) } });
    expect(after.body.centres[0]).to.include({ sampled: 4, sample_agree: 3, sample_agreement: 0.75 });
  });

  /** An emergency ECG of doctor-V001 reported with `conclusion` as a critical value. */
  const reportedEcg = async (conclusion: string) => {
    const r = await request('doctor-V001', { service_id: ecg12.id, urgency: 'emergency', clinical_question: '胸痛1小时，大汗', ...external('马福贵') });
    await stepOk(r.id, 'accept');
    await stepOk(r.id, 'assign', { reader_staff_id: reader.id });
    return stepOk(r.id, 'report', { conclusion, critical: true, critical_note: conclusion });
  };

  it('chest pain: a village’s STEMI ECG starts the green channel in one tap — the emergency up-referral carrying the request, the FMC time; arrival and balloon close it; the clock and the township figures', async () => {
    const period = { from: clock.addDays(clock.today(), -1), to: clock.addDays(clock.today(), 1) };
    const figures = async () => (await get<CpFigures>('/api/diagnosis-requests/chest-pain-figures', { as: 'director-HQ', query: period })).body;
    const before = await figures();

    // not STEMI: a 409 saying so, and no button
    const sinus = await reportedEcg('窦性心动过速，ST-T改变');
    const notStemi = await post<Conflict>(`/api/diagnosis-requests/${sinus.id}/chest-pain`, {}, { as: 'doctor-V001' });
    expect(notStemi.status).to.equal(409);
    expect(notStemi.body.error.message).to.match(/does not conclude STEMI/);
    expect((await get<CpPage>(`/api/diagnosis-requests/${sinus.id}`, { as: 'doctor-V001' })).body.chest_pain_actions).to.deep.equal([]);

    const r = await reportedEcg('急性下壁ST段抬高型心肌梗死（STEMI）');
    const page = (await get<CpPage>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' })).body;
    expect(page).to.include({ chest_pain: null });
    expect(page.chest_pain_actions).to.deep.equal(['start']);
    const future = await post<Problem>(
      `/api/diagnosis-requests/${r.id}/chest-pain`,
      { fmc_at: minutesLater(clock.now(), 30).toISOString() },
      { as: 'doctor-V001' },
    );
    expect(future.status).to.equal(422);
    expect(future.body.error.details![0].field).to.equal('fmc_at');

    // one tap: the case, with the FMC time (the ECG's request), and the referral carrying the request
    const fmc = minutesLater(r.submitted_at, -10);
    const started = await post<CaseJson>(`/api/diagnosis-requests/${r.id}/chest-pain`, { fmc_at: fmc.toISOString() }, { as: 'doctor-V001' });
    expect(started.status, JSON.stringify(started.body)).to.equal(200);
    expect(new Date(started.body.fmc_at).getTime()).to.equal(fmc.getTime());
    expect(started.body).to.include({ request_id: r.id, from_org_unit_id: r.from_org_unit_id, to_org_unit_id: hq, outcome: null, patient_name: '马福贵' });
    expect(started.body.township_org_unit_id).not.to.equal(r.from_org_unit_id);
    const referral = await get<Record<string, unknown>>(`/api/referrals/${started.body.referral_id}`, { as: 'doctor-V001' });
    expect(referral.status).to.equal(200);
    expect(referral.body).to.include({
      direction: 'up',
      urgency: 'emergency',
      status: 'requested',
      from_org_unit_id: r.from_org_unit_id,
      to_org_unit_id: hq,
      diagnosis_code: 'I21.9',
      diagnosis_request_id: r.id,
      patient_name: '马福贵',
    });
    const twice = await post<Problem>(`/api/diagnosis-requests/${r.id}/chest-pain`, {}, { as: 'doctor-V001' });
    expect(twice.status).to.equal(409);
    // the arrival is the receiving hospital's (it receives the referral with it): not the village doctor's
    const doctorPage = (await get<CpPage>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' })).body;
    expect(doctorPage.chest_pain_actions).to.deep.equal(['fibrinolysis', 'transfer_out']);
    expect((await post<Problem>(`/api/diagnosis-requests/${r.id}/chest-pain/time`, { step: 'arrival' }, { as: 'doctor-V001' })).status).to.equal(403);

    // the times, recorded at the HQ 100 minutes later: the balloon not before the arrival, nor before it in time
    clock.setClock(minutesLater(fmc, 100));
    const time = (step: string, minutes: number) =>
      post<CaseJson & Conflict>(
        `/api/diagnosis-requests/${r.id}/chest-pain/time`,
        { step, at: minutesLater(fmc, minutes).toISOString() },
        { as: 'director-HQ' },
      );
    const early = await time('balloon', 70);
    expect(early.status).to.equal(409);
    expect(early.body.error.details!.allowed).to.deep.equal(['arrival', 'fibrinolysis', 'transfer_out']);
    const arrived = await time('arrival', 35);
    expect(arrived.status, JSON.stringify(arrived.body)).to.equal(200);
    expect(arrived.body.clock).to.deep.equal({ minutes: 100, target: 90, running: true, late: true });
    // the green channel's referral, never answered, arrived with it (the arrival answers it)
    const received = (await get<Record<string, unknown>>(`/api/referrals/${started.body.referral_id}`, { as: 'director-HQ' })).body;
    expect(received).to.include({ status: 'arrived' });
    expect(received.accepted_at).to.equal(received.arrived_at);
    expect((await time('balloon', 30)).status).to.equal(409);
    const balloon = await time('balloon', 78);
    expect(balloon.status).to.equal(200);
    expect(balloon.body).to.include({ outcome: 'balloon' });
    expect(balloon.body.clock).to.deep.equal({ minutes: 78, target: 90, running: false, late: false });
    expect((await time('door', 80)).status).to.equal(409);

    const closed = (await get<CpPage>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' })).body;
    expect(closed.chest_pain!.clock).to.include({ minutes: 78, late: false });
    expect(closed.chest_pain_actions).to.deep.equal([]);
    expect(closed.events.map((e) => e.kind).slice(-3)).to.deep.equal(['chest_pain_started', 'chest_pain_arrival', 'chest_pain_balloon']);

    // the township's figures: one more case, a PCI within 90 minutes
    const row = (f: CpFigures) => f.find((t) => t.township_org_unit_id === started.body.township_org_unit_id);
    const was = row(before) ?? { cases: 0, pci: 0, within_90: 0 };
    expect(row(await figures())).to.include({ cases: was.cases + 1, pci: was.pci + 1, within_90: was.within_90 + 1 });
  });

  it('chest pain: the PCI hospitals (the HQ, a branch with a cath lab) — a STEMI goes to the nearest unless the doctor chooses another; a unit without PCI is a 422 naming the field', async () => {
    type Pci = { org_unit_id: number; name: string; level: number; note: string | null };
    const path = '/api/diagnosis-centres/pci-hospitals';
    const was = (await get<Pci[]>(path, { as: 'admin' })).body;
    const [b1, b2, t01] = [await unitId('B1'), await unitId('B2'), await unitId('T01')];
    try {
      const township = await put<Problem>(path, { hospitals: [{ org_unit_id: hq }, { org_unit_id: t01 }] }, { as: 'admin' });
      expect(township.status).to.equal(422);
      expect(township.body.error.details![0].field).to.equal('hospitals.1.org_unit_id');
      expect((await put<Problem>(path, { hospitals: [{ org_unit_id: hq }] }, { as: 'director-HQ' })).status).to.equal(403);
      const set = await put<Pci[]>(path, { hospitals: [{ org_unit_id: b1, note: '导管室' }, { org_unit_id: hq }] }, { as: 'admin' });
      expect(set.status, JSON.stringify(set.body)).to.equal(200);
      expect(set.body.map((p) => [p.org_unit_id, p.note])).to.deep.equal([
        [hq, null],
        [b1, '导管室'],
      ]);

      // V001 is under B1: its cath lab is the nearest, offered first on the page
      const stemi = '急性前壁ST段抬高型心肌梗死（STEMI）';
      const r = await reportedEcg(stemi);
      const page = (await get<CpPage & { pci_hospitals: { id: number; nearest: boolean }[] }>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' })).body;
      expect(page.pci_hospitals.map((p) => [p.id, p.nearest])).to.deep.equal([
        [hq, false],
        [b1, true],
      ]);
      const noPci = await post<Problem>(`/api/diagnosis-requests/${r.id}/chest-pain`, { pci_org_unit_id: b2 }, { as: 'doctor-V001' });
      expect(noPci.status).to.equal(422);
      expect(noPci.body.error.details![0].field).to.equal('pci_org_unit_id');
      const nearest = await post<CaseJson>(`/api/diagnosis-requests/${r.id}/chest-pain`, {}, { as: 'doctor-V001' });
      expect(nearest.status, JSON.stringify(nearest.body)).to.equal(200);
      expect(nearest.body.to_org_unit_id).to.equal(b1);
      expect((await get<{ to_org_unit_id: number }>(`/api/referrals/${nearest.body.referral_id}`, { as: 'doctor-V001' })).body.to_org_unit_id).to.equal(b1);

      // the doctor chooses the HQ instead
      const r2 = await reportedEcg(stemi);
      const chosen = await post<CaseJson>(`/api/diagnosis-requests/${r2.id}/chest-pain`, { pci_org_unit_id: hq }, { as: 'doctor-V001' });
      expect(chosen.status, JSON.stringify(chosen.body)).to.equal(200);
      expect(chosen.body.to_org_unit_id).to.equal(hq);

      // a branch's cath lab chosen for a village outside its tree (V001 is under B1): B2 opens the request and records the arrival
      await put(path, { hospitals: [{ org_unit_id: hq }, { org_unit_id: b1 }, { org_unit_id: b2 }] }, { as: 'admin' });
      const r3 = await reportedEcg(stemi);
      expect((await get(`/api/diagnosis-requests/${r3.id}`, { as: 'director-B2' })).status).to.be.oneOf([403, 404]);
      const far = await post<CaseJson>(`/api/diagnosis-requests/${r3.id}/chest-pain`, { pci_org_unit_id: b2 }, { as: 'doctor-V001' });
      expect(far.status, JSON.stringify(far.body)).to.equal(200);
      const opened = await get<CpPage>(`/api/diagnosis-requests/${r3.id}`, { as: 'director-B2' });
      expect(opened.status, JSON.stringify(opened.body)).to.equal(200);
      expect(opened.body.chest_pain).to.include({ to_org_unit_id: b2 });
      const arrival = await post(`/api/diagnosis-requests/${r3.id}/chest-pain/time`, { step: 'arrival' }, { as: 'director-B2' });
      expect(arrival.status, JSON.stringify(arrival.body)).to.equal(200);
    } finally {
      const back = await put<Pci[]>(path, { hospitals: was.map(({ org_unit_id, note }) => ({ org_unit_id, note })) }, { as: 'admin' });
      expect(back.status).to.equal(200);
    }
  });

  it('a correction to a signed report is a new version with its reason; a pathology report is final only once another reader co-signs; the requester evaluates once', async () => {
    // a correction: the old version kept, the new one with its reason, to be acknowledged again
    const r = await request('doctor-V001', { service_id: ecg12.id, urgency: 'routine', clinical_question: '心悸一周', ...external('周玉兰') });
    await stepOk(r.id, 'accept');
    await stepOk(r.id, 'assign', { reader_staff_id: reader.id });
    await stepOk(r.id, 'report', { findings: '窦性心律', conclusion: '窦性心律，未见明显异常' });
    await stepOk(r.id, 'acknowledge', {}, 'doctor-V001');
    const noReason = await post<Problem>(`/api/diagnosis-requests/${r.id}/correct`, { conclusion: '窦性心律，II导联ST段压低' }, { as: 'director-HQ' });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error.details![0].field).to.equal('reason');
    const corrected = await stepOk(r.id, 'correct', {
      reason: '复核发现 II、III、aVF 导联 ST 段压低漏报',
      findings: '窦性心律，II、III、aVF 导联 ST 段压低 0.1 mV',
      conclusion: '窦性心律，下壁导联ST段压低',
    });
    expect(corrected).to.include({ status: 'reported', report_version: 2, conclusion: '窦性心律，下壁导联ST段压低', acknowledged_at: null });
    const versions = (await get<PageJson>(`/api/diagnosis-requests/${r.id}`, { as: 'doctor-V001' })).body.versions;
    expect(versions.map((v) => [v.version, v.conclusion, v.reason, v.signer_name])).to.deep.equal([
      [1, '窦性心律，未见明显异常', null, reader.name],
      [2, '窦性心律，下壁导联ST段压低', '复核发现 II、III、aVF 导联 ST 段压低漏报', reader.name],
    ]);
    const notices = await get<NoticeRow[]>('/api/notifications', { as: 'doctor-V001', query: { filter: { record_id: r.id } } });
    expect(notices.body.map((n) => n.kind)).to.include('diagnosis_corrected');

    // pathology: preliminary after the first signature — not final, nothing to acknowledge or evaluate
    const biopsy = await service('PATH-BIOPSY');
    expect(biopsy.second_signature).to.equal(true);
    const [pathologist, other] = await dutyReaders((await centre('pathology')).id);
    const p = await request('director-B1', { service_id: biopsy.id, urgency: 'routine', clinical_question: '胃窦黏膜活检', ...external('韩德明') });
    await stepOk(p.id, 'accept');
    await stepOk(p.id, 'assign', { reader_staff_id: pathologist.id });
    const first = await stepOk(p.id, 'report', { findings: '胃窦黏膜慢性炎', conclusion: '（胃窦）慢性萎缩性胃炎伴肠化' });
    expect(first).to.include({ status: 'preliminary', reported_at: null, report_version: 0, signer_staff_id: pathologist.id });
    const early = await post<Conflict>(`/api/diagnosis-requests/${p.id}/acknowledge`, {}, { as: 'director-B1' });
    expect(early.status).to.equal(409);
    expect(early.body.error.details!.allowed).to.deep.equal(['cosign']);
    expect((await post(`/api/diagnosis-requests/${p.id}/evaluate`, { score: 5 }, { as: 'director-B1' })).status).to.equal(409);
    const same = await post<Problem>(`/api/diagnosis-requests/${p.id}/cosign`, { reader_staff_id: pathologist.id }, { as: 'director-HQ' });
    expect(same.status).to.equal(422);
    expect(same.body.error.details![0]).to.include({ field: 'reader_staff_id', message: 'the second signature must be another reader’s' });
    const final = await stepOk(p.id, 'cosign', { reader_staff_id: other.id });
    expect(final).to.include({ status: 'reported', report_version: 1, second_signer_staff_id: other.id, second_signer_name: other.name });
    expect(final.reported_at).to.be.a('string');
    const page = (await get<PageJson>(`/api/diagnosis-requests/${p.id}`, { as: 'director-B1' })).body;
    expect(page.versions.map((v) => [v.version, v.signer_name, v.second_signer_name])).to.deep.equal([[1, pathologist.name, other.name]]);
    expect(page.events.map((e) => e.kind).slice(-2)).to.deep.equal(['preliminary', 'cosigned']);
    expect(page.can_evaluate).to.equal(true);

    // the evaluation: 1–5, once, by the requesting side
    expect((await post<Problem>(`/api/diagnosis-requests/${p.id}/evaluate`, { score: 6 }, { as: 'director-B1' })).status).to.equal(400);
    const evaluated = await post<RequestJson>(`/api/diagnosis-requests/${p.id}/evaluate`, { score: 4, comment: '报告及时，描述清晰' }, { as: 'director-B1' });
    expect(evaluated.status, JSON.stringify(evaluated.body)).to.equal(200);
    expect(evaluated.body).to.include({ evaluation_score: 4, evaluation_comment: '报告及时，描述清晰' });
    const twice = await post<Problem>(`/api/diagnosis-requests/${p.id}/evaluate`, { score: 2 }, { as: 'director-B1' });
    expect(twice.status).to.equal(409);
    expect((await get<PageJson>(`/api/diagnosis-requests/${p.id}`, { as: 'director-B1' })).body.can_evaluate).to.equal(false);
  });
});
