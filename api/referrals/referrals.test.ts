// Two-way referrals over HTTP against the real database: refer, inbox order, slots, fees,
// the state machine's 409s, direction 422s, scope, escalation run twice, figures and the report.
import { expect } from 'chai';
import { get, post, put, unitId, type AnswerOf, type Json, type Problem } from '../../scripts/test/harness';
import { readWorkbook } from '../../reports/xlsx';
import { runJob } from '../jobs';
import type { OrgUnit } from '../org';
import type { ReferralEscalation } from './model';
import type { ReferralSettings } from './rules';
import { referralFigures, type createReferral, type inboxSummary, type levelFlows, type referralPage, type timeliness, type unitTable } from './service';
import type { publishSlots, slotDay } from './slots';
import { dayKey } from '../core/clock';
import * as clock from '../core/clock';
import { dayAfter, department, idNumber, resident, slotsOf, upBody } from './testFixtures';

type ReferralJson = AnswerOf<typeof createReferral>;
type PageJson = AnswerOf<typeof referralPage>;
/** the state machine's 409: the status and the actions open from it */
type Conflict = Problem<{ status: string; allowed: string[] }>;
type UserRow = { id: number; username: string };
type NoticeRow = { kind: string; record_id: number };
type JobRunRow = { job: string; status: string };

describe('referrals (HTTP, real database)', () => {
  // T01 is the browser test's township: tests that leave requests open send them to T03
  let t01: number;
  let t03: number;
  before(async () => {
    t01 = await unitId('T01');
    t03 = await unitId('T03');
  });

  it('doctor-V001 refers a resident up to T01 as urgent; director-T01 sees it on top of the inbox, accepts it into a slot; fees and timeline follow', async () => {
    const p = await resident('V001', '马有福');
    const created = await post<ReferralJson>('/api/referrals', upBody(p.id, t01, { threshold_paid_before: '150.00' }), { as: 'doctor-V001' });
    expect(created.status, JSON.stringify(created.body)).to.equal(200);
    expect(created.body).to.include({
      status: 'requested',
      direction: 'up',
      urgency: 'urgent',
      from_level: 4,
      to_level: 3,
      resident_id: p.id,
      patient_name: '马有福',
    });
    expect(created.body).not.to.have.property('patient_id_number_hash');
    // green channel fees: no registration fee, the threshold (township ¥200) offset by what was paid
    expect(created.body.fees).to.include({
      registration_due: '0.00',
      registration_waived: true,
      threshold: '200.00',
      threshold_offset: '150.00',
      threshold_due: '50.00',
    });
    expect(new Date(created.body.due_at).getTime() - new Date(created.body.requested_at).getTime()).to.equal(120 * 60_000);

    const inbox = await get<ReferralJson[]>('/api/referrals', { as: 'director-T01', query: { filter: { inbox: t01 } } });
    expect(inbox.status).to.equal(200);
    expect(inbox.body[0].id).to.equal(created.body.id);

    const gp = await department('T01', '全科');
    const pub = await post<AnswerOf<typeof publishSlots>>(
      '/api/referral-slots/publish',
      { department_id: gp, from: dayAfter(21), to: dayAfter(21), sessions: [{ from: '08:00', until: '12:00' }], capacity: 3 },
      { as: 'director-T01' },
    );
    expect(pub.status).to.equal(200);
    expect(pub.body).to.include({ created: 8 });
    const [slot] = await slotsOf('director-T01', gp, dayAfter(21));
    const accepted = await post<ReferralJson>(`/api/referrals/${created.body.id}/accept`, { slot_id: slot.id }, { as: 'director-T01' });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body).to.include({ status: 'accepted', slot_id: slot.id, to_department_id: gp, to_department_name: '全科' });
    expect(new Date(accepted.body.appointment_at!).toISOString()).to.equal(new Date(slot.starts_at).toISOString());
    expect((await slotsOf('director-T01', gp, dayAfter(21)))[0].booked).to.equal(1);

    expect((await post(`/api/referrals/${created.body.id}/arrive`, {}, { as: 'director-T01' })).status).to.equal(200);
    expect((await post(`/api/referrals/${created.body.id}/complete`, { note: '住院 7 天，血压达标' }, { as: 'director-T01' })).status).to.equal(200);

    const page = await get<PageJson>(`/api/referrals/${created.body.id}`, { as: 'doctor-V001' });
    expect(page.status).to.equal(200);
    expect(page.body.events.map((e: { kind: string }) => e.kind)).to.deep.equal(['requested', 'accepted', 'arrived', 'completed']);
    expect(page.body.events.map((e: { actor_name: string }) => e.actor_name)[1]).to.match(/院长/);
    expect(page.body.events.every((e: { at: string }) => !!e.at)).to.equal(true);
    expect(page.body.fees.threshold_due).to.equal('50.00');
    expect(page.body.allowed_actions).to.deep.equal([]);
    // the managing unit followed the patient to T01, with history
    expect(page.body.unit_history).to.have.length(1);
    expect(page.body.unit_history[0]).to.include({ resident_id: p.id, from_org_unit_id: await unitId('V001'), to_org_unit_id: t01 });
  });

  it('the inbox puts the green channel on top, then urgent, then routine', async () => {
    const t05 = await unitId('T05');
    const villages = (await get<Json<OrgUnit>[]>('/api/org-units', { as: 'admin', query: { filter: { parent_id: t05, kind: 'village' }, range: [0, 2] } }))
      .body;
    const ids: number[] = [];
    for (const [i, urgency] of (['routine', 'urgent', 'emergency'] as const).entries()) {
      const p = await resident(villages[i].code, `排序${i}`);
      const r = await post<ReferralJson>('/api/referrals', upBody(p.id, t05, { urgency }), { as: `director-${villages[i].code}` });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      ids.push(r.body.id);
    }
    const inbox = await get<ReferralJson[]>('/api/referrals', { as: 'director-T05', query: { filter: { inbox: t05 }, range: [0, 99] } });
    const mine = inbox.body.filter((r: { id: number }) => ids.includes(r.id)).map((r: { urgency: string }) => r.urgency);
    expect(mine).to.deep.equal(['emergency', 'urgent', 'routine']);
    // an emergency is received at once without a slot; an urgent one needs a slot (400 naming it)
    expect((await post(`/api/referrals/${ids[2]}/accept`, {}, { as: 'director-T05' })).status).to.equal(200);
    const noSlot = await post<Problem>(`/api/referrals/${ids[1]}/accept`, {}, { as: 'director-T05' });
    expect(noSlot.status).to.equal(400);
    expect(noSlot.body.error.details?.[0].field).to.equal('slot_id');
  });

  it('accepting into a full slot is a 409', async () => {
    const t02 = await unitId('T02');
    const gp = await department('T02', '全科');
    const day = dayAfter(23);
    await post(
      '/api/referral-slots/publish',
      { department_id: gp, from: day, to: day, sessions: [{ from: '09:00', until: '09:30' }], capacity: 1 },
      { as: 'referral' },
    );
    const [slot] = await slotsOf('referral', gp, day);
    const villages = (await get<Json<OrgUnit>[]>('/api/org-units', { as: 'admin', query: { filter: { parent_id: t02 }, range: [0, 1] } })).body;
    const refs = [];
    for (const v of villages) {
      const p = await resident(v.code, '满号测试');
      refs.push((await post<ReferralJson>('/api/referrals', upBody(p.id, t02), { as: `doctor-${v.code}` })).body.id);
    }
    expect((await post(`/api/referrals/${refs[0]}/accept`, { slot_id: slot.id }, { as: 'director-T02' })).status).to.equal(200);
    const full = await post<Problem>(`/api/referrals/${refs[1]}/accept`, { slot_id: slot.id }, { as: 'director-T02' });
    expect(full.status).to.equal(409);
    expect(full.body.error.message).to.match(/full/);
    // cancelling the first gives the place back
    expect((await post(`/api/referrals/${refs[0]}/cancel`, { reason: '患者改约' }, { as: `doctor-${villages[0].code}` })).status).to.equal(200);
    expect((await post(`/api/referrals/${refs[1]}/accept`, { slot_id: slot.id }, { as: 'director-T02' })).status).to.equal(200);
  });

  it('completing a rejected referral is a 409 naming the allowed transitions; rejecting needs a reason', async () => {
    const p = await resident('V002', '拒绝测试');
    const r = await post<ReferralJson>('/api/referrals', upBody(p.id, t01), { as: 'doctor-V002' });
    const early = await post<Conflict>(`/api/referrals/${r.body.id}/complete`, {}, { as: 'director-T01' });
    expect(early.status).to.equal(409);
    expect(early.body.error.details?.allowed).to.deep.equal(['accept', 'reject', 'cancel']);
    const noReason = await post<Problem>(`/api/referrals/${r.body.id}/reject`, {}, { as: 'director-T01' });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error.details?.[0].field).to.equal('reason');
    expect((await post(`/api/referrals/${r.body.id}/reject`, { reason: '本院无床位，建议转分院' }, { as: 'director-T01' })).status).to.equal(200);
    const done = await post<Conflict>(`/api/referrals/${r.body.id}/complete`, {}, { as: 'director-T01' });
    expect(done.status).to.equal(409);
    expect(done.body.error.message).to.match(/cannot complete a rejected referral.*none/);
    expect(done.body.error.details).to.deep.equal({ status: 'rejected', allowed: [] });
  });

  it('a same-level referral is a 422, so is the wrong direction; the sender must be in scope', async () => {
    const external = { patient_name: '外院患者', patient_id_number: idNumber('19700101') };
    const same = await post<Problem>('/api/referrals', { ...upBody(0, await unitId('T02')), resident_id: undefined, ...external }, { as: 'director-T01' });
    expect(same.status).to.equal(422);
    expect(same.body.error.message).to.match(/same level/);
    const wrong = await post<Problem>('/api/referrals', { ...upBody(0, await unitId('V001')), resident_id: undefined, ...external }, { as: 'director-T01' });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.error.details?.[0].field).to.equal('direction');
    const notMine = await post<Problem>(
      '/api/referrals',
      { ...upBody(0, t01), resident_id: undefined, ...external, from_org_unit_id: await unitId('V050') },
      { as: 'doctor-V001' },
    );
    expect(notMine.status).to.equal(403);
    const badId = await post<Problem>(
      '/api/referrals',
      { ...upBody(0, t01), resident_id: undefined, patient_name: 'x', patient_id_number: '630121195803125000' },
      { as: 'doctor-V001' },
    );
    expect(badId.status).to.equal(400);
    expect(badId.body.error.details?.[0].field).to.equal('patient_id_number');
    const badIcd = await post<Problem>('/api/referrals', { ...upBody(1, t01), diagnosis_code: 'hypertension' }, { as: 'doctor-V001' });
    expect(badIcd.status).to.equal(400);
    expect(badIcd.body.error.details?.[0].field).to.equal('diagnosis_code');
  });

  it('an external patient keeps a protected ID number; an ID that is a resident’s links the resident; one open referral per patient', async () => {
    const ext = idNumber('19800101');
    const r = await post<ReferralJson>(
      '/api/referrals',
      { ...upBody(0, t03), resident_id: undefined, patient_name: '过路患者', patient_id_number: ext },
      { as: 'doctor-V003' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body).to.include({ resident_id: null, patient_name: '过路患者', patient_id_number_masked: `${ext.slice(0, 4)}**********${ext.slice(-4)}` });
    expect(r.body).not.to.have.property('patient_id_number_cipher');
    const again = await post<Problem>(
      '/api/referrals',
      { ...upBody(0, t03), resident_id: undefined, patient_name: '过路患者', patient_id_number: ext },
      { as: 'doctor-V003' },
    );
    expect(again.status).to.equal(409);
    const p = await resident('V003', '本村居民');
    const byId = await post<ReferralJson>(
      '/api/referrals',
      { ...upBody(0, t03), resident_id: undefined, patient_name: '随便写', patient_id_number: p.idNumber },
      { as: 'doctor-V003' },
    );
    expect(byId.body).to.include({ resident_id: p.id, patient_name: '本村居民' });
  });

  it('scope: another village doctor sees nothing (404); another township cannot answer', async () => {
    const p = await resident('V004', '范围测试');
    const r = await post<ReferralJson>('/api/referrals', upBody(p.id, t03), { as: 'doctor-V004' });
    expect((await get(`/api/referrals/${r.body.id}`, { as: 'doctor-V050' })).status).to.equal(404);
    expect((await post(`/api/referrals/${r.body.id}/reject`, { reason: 'x' }, { as: 'director-T20' })).status).to.equal(404);
    expect((await post(`/api/referrals/${r.body.id}/accept`, {}, { as: 'doctor-V004' })).status).to.equal(403);
    const outbox = await get<ReferralJson[]>('/api/referrals', { as: 'doctor-V004', query: { filter: { outbox: await unitId('V004') } } });
    expect(outbox.body.map((x: { id: number }) => x.id)).to.include(r.body.id);
  });

  it("the resident's managing unit follows an up-referral's arrival and comes back with the down-referral, with history", async () => {
    const p = await resident('V001', '韩永寿');
    const v001 = await unitId('V001');
    const managing = async () => {
      const r = await get<{
        org_unit_id: number;
        managing_org_unit_id: number;
        care_transfers: { from_org_unit_id: number; to_org_unit_id: number; referral_id: number }[];
      }>(`/api/residents/${p.id}`, { as: 'doctor-V001' });
      expect(r.status).to.equal(200);
      return r.body;
    };
    expect(await managing()).to.include({ org_unit_id: v001, managing_org_unit_id: v001 });

    const up = await post<ReferralJson>('/api/referrals', upBody(p.id, t01, { urgency: 'emergency' }), { as: 'doctor-V001' });
    expect(up.status, JSON.stringify(up.body)).to.equal(200);
    expect((await post(`/api/referrals/${up.body.id}/accept`, {}, { as: 'director-T01' })).status).to.equal(200);
    expect((await managing()).managing_org_unit_id, 'accepting does not move care').to.equal(v001);
    expect((await post(`/api/referrals/${up.body.id}/arrive`, {}, { as: 'director-T01' })).status).to.equal(200);
    const afterUp = await managing();
    expect(afterUp).to.include({ org_unit_id: v001, managing_org_unit_id: t01 });
    expect(afterUp.care_transfers.map((h) => [h.from_org_unit_id, h.to_org_unit_id, h.referral_id])).to.deep.equal([[v001, t01, up.body.id]]);
    const upPage = await get<PageJson>(`/api/referrals/${up.body.id}`, { as: 'director-T01' });
    expect(upPage.body.patient_managing_org_unit_id).to.equal(t01);
    expect(upPage.body.unit_history.map((h: { to_org_unit_id: number }) => h.to_org_unit_id)).to.deep.equal([t01]);
    expect((await post(`/api/referrals/${up.body.id}/complete`, {}, { as: 'director-T01' })).status).to.equal(200);
    expect((await managing()).managing_org_unit_id, 'completing keeps care where it is').to.equal(t01);
    // the receiving unit now manages the patient and sends them back down for rehabilitation
    const down = await post<ReferralJson>(
      '/api/referrals',
      {
        resident_id: p.id,
        from_org_unit_id: t01,
        to_org_unit_id: v001,
        direction: 'down',
        urgency: 'emergency',
        purpose: 'rehabilitation',
        diagnosis_code: 'I10',
        diagnosis_text: '原发性高血压',
        reason: '血压达标，回村康复随访',
      },
      { as: 'director-T01' },
    );
    expect(down.status, JSON.stringify(down.body)).to.equal(200);
    expect((await post(`/api/referrals/${down.body.id}/accept`, {}, { as: 'director-T01' })).status).to.equal(200);
    expect((await post(`/api/referrals/${down.body.id}/arrive`, {}, { as: 'director-T01' })).status).to.equal(200);
    const back = await managing();
    expect(back.managing_org_unit_id).to.equal(v001);
    expect(back.care_transfers.map((h) => [h.from_org_unit_id, h.to_org_unit_id, h.referral_id])).to.deep.equal([
      [v001, t01, up.body.id],
      [t01, v001, down.body.id],
    ]);
    const downPage = await get<PageJson>(`/api/referrals/${down.body.id}`, { as: 'doctor-V001' });
    expect(downPage.body.patient_managing_org_unit_id).to.equal(v001);
    const ev = downPage.body.events.find((e: { kind: string }) => e.kind === 'arrived');
    expect(ev?.data).to.deep.include({ managing_unit_from: t01, managing_unit_to: v001 });
  });

  it('down for rehabilitation pays no threshold; places held for up-referrals until the day before', async () => {
    const hq = await unitId('HQ');
    const p = await resident('V005', '康复患者');
    // the patient went up to the HQ (threshold ¥800 paid there) and comes back down to T01
    const down = await post<ReferralJson>(
      '/api/referrals',
      {
        resident_id: p.id,
        from_org_unit_id: hq,
        to_org_unit_id: t01,
        direction: 'down',
        urgency: 'routine',
        purpose: 'rehabilitation',
        diagnosis_code: 'I63.9',
        diagnosis_text: '脑梗死恢复期',
        reason: '病情稳定，回基层康复',
      },
      { as: 'director-HQ' },
    );
    expect(down.status, JSON.stringify(down.body)).to.equal(200);
    expect(down.body.fees).to.include({ registration_waived: false, registration_due: '2.00', threshold_due: '0.00' });
    expect(down.body.fees.basis).to.deep.equal(['rehabilitation_no_threshold']);
    // a department day of 2 places: 30 % held (1 place) for up-referrals
    const rehab = await department('T01', '中医科');
    const day = dayAfter(25);
    await post(
      '/api/referral-slots/publish',
      { department_id: rehab, from: day, to: day, sessions: [{ from: '14:00', until: '14:30' }], capacity: 2 },
      { as: 'director-T01' },
    );
    const [slot] = await slotsOf('director-T01', rehab, day);
    const p2 = await resident('V006', '康复患者二');
    const down2 = await post<ReferralJson>(
      '/api/referrals',
      {
        resident_id: p2.id,
        from_org_unit_id: hq,
        to_org_unit_id: t01,
        direction: 'down',
        urgency: 'routine',
        purpose: 'rehabilitation',
        diagnosis_code: 'S72.0',
        diagnosis_text: '股骨颈骨折术后',
        reason: '术后康复',
      },
      { as: 'director-HQ' },
    );
    expect((await post(`/api/referrals/${down.body.id}/accept`, { slot_id: slot.id }, { as: 'director-T01' })).status).to.equal(200);
    const held = await post<Problem>(`/api/referrals/${down2.body.id}/accept`, { slot_id: slot.id }, { as: 'director-T01' });
    expect(held.status).to.equal(409);
    expect(held.body.error.message).to.match(/held for up-referrals/);
    // the department's day view shows it: 1 of 2 booked, 1 place held for up-referrals until the day before
    const view = await get<AnswerOf<typeof slotDay>>('/api/referral-slots/day', { as: 'director-T01', query: { department_id: rehab, day } });
    expect(view.status).to.equal(200);
    expect(view.body).to.include({ capacity: 2, booked: 1, booked_up: 0, held: 1, held_in_effect: true, open_to_others: 0 });
    expect(dayKey(new Date(Date.parse(view.body.held_until) - 1))).to.equal(dayAfter(23));
    expect(view.body.slots).to.have.length(1);
    expect((await get('/api/referral-slots/day', { as: 'director-T02', query: { department_id: rehab, day } })).status).to.equal(404);
    const badDay = await get<Problem>('/api/referral-slots/day', { as: 'director-T01', query: { department_id: rehab, day: '2026-02-30' } });
    expect(badDay.status).to.equal(400);
    expect(badDay.body.error.details?.[0].field).to.equal('query.day');
    const p3 = await resident('V007', '上转患者');
    const up = await post<ReferralJson>('/api/referrals', upBody(p3.id, t01, { urgency: 'routine' }), { as: 'doctor-V007' });
    expect((await post(`/api/referrals/${up.body.id}/accept`, { slot_id: slot.id }, { as: 'director-T01' })).status).to.equal(200);
  });

  it('a village clinic, which publishes no slots, receives a patient back at the home visit it names', async () => {
    const p = await resident('V008', '回村康复患者');
    const v008 = await unitId('V008');
    const down = await post<ReferralJson>(
      '/api/referrals',
      {
        resident_id: p.id,
        from_org_unit_id: t01,
        to_org_unit_id: v008,
        direction: 'down',
        urgency: 'routine',
        purpose: 'rehabilitation',
        diagnosis_code: 'I63.9',
        diagnosis_text: '脑梗死恢复期',
        reason: '回村继续康复，村医上门随访',
      },
      { as: 'director-T01' },
    );
    expect(down.status, JSON.stringify(down.body)).to.equal(200);
    const accept = <T = ReferralJson>(body: Record<string, unknown>) => post<T>(`/api/referrals/${down.body.id}/accept`, body, { as: 'director-V008' });
    const missing = await accept<Problem>({});
    expect(missing.status).to.equal(400);
    expect(missing.body.error.details?.[0]).to.include({ field: 'appointment_at' });
    expect(missing.body.error.details?.[0].message).to.match(/publishes no slots/);
    const past = await accept<Problem>({ appointment_at: new Date(clock.now().getTime() - 3 * 3_600_000).toISOString() });
    expect(past.status).to.equal(400);
    expect(past.body.error.details?.[0].message).to.equal('the home visit cannot be in the past');
    // a home visit belongs to accepting only: on a rejection it is a 400 naming it, and nothing is written
    const stray = await post<Problem>(
      `/api/referrals/${down.body.id}/reject`,
      { reason: '无法上门', appointment_at: clock.now().toISOString() },
      { as: 'director-V008' },
    );
    expect(stray.status).to.equal(400);
    expect(stray.body.error.details?.[0].field).to.equal('appointment_at');
    expect((await get<ReferralJson>(`/api/referrals/${down.body.id}`, { as: 'director-V008' })).body.status).to.equal('requested');
    const notATime = await accept<Problem>({ appointment_at: 'tomorrow' });
    expect(notATime.status).to.equal(400);
    expect(notATime.body.error.details?.[0].field).to.equal('appointment_at');
    const visit = new Date(clock.now().getTime() + 2 * 86_400_000);
    visit.setUTCSeconds(0, 0);
    const ok = await accept({ appointment_at: visit.toISOString(), note: '周四上午上门' });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body).to.include({ status: 'accepted', appointment_at: visit.toISOString(), slot_id: null });
  });

  it('an out-of-county referral needs the hospital named and is answered by the group referral office', async () => {
    const b1 = await unitId('B1');
    const body = {
      patient_name: '县外患者',
      patient_id_number: idNumber('19650505'),
      from_org_unit_id: b1,
      direction: 'out',
      urgency: 'urgent',
      purpose: 'inpatient',
      diagnosis_code: 'C34.9',
      diagnosis_text: '肺恶性肿瘤',
      reason: '需胸外科手术，县内无条件',
    };
    const missing = await post<Problem>('/api/referrals', body, { as: 'director-B1' });
    expect(missing.status).to.equal(400);
    expect(missing.body.error.details?.[0].field).to.equal('to_external_name');
    const r = await post<ReferralJson>('/api/referrals', { ...body, to_external_name: '青海大学附属医院' }, { as: 'director-B1' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.fees).to.include({ threshold: '1200.00', threshold_due: '1200.00', registration_waived: false });
    expect((await post(`/api/referrals/${r.body.id}/accept`, {}, { as: 'director-B1' })).status).to.equal(403);
    expect((await post(`/api/referrals/${r.body.id}/accept`, {}, { as: 'referral' })).status).to.equal(200);
    expect((await post(`/api/referrals/${r.body.id}/arrive`, {}, { as: 'director-B1' })).status).to.equal(200);
  });

  it('the escalation job run twice escalates an overdue request once', async () => {
    const p = await resident('V008', '超时患者');
    const r = await post<ReferralJson>('/api/referrals', upBody(p.id, t03, { urgency: 'emergency' }), { as: 'doctor-V008' });
    const later = new Date(clock.now().getTime() + 45 * 60_000); // past the 30-minute green-channel limit
    const first = await runJob('referrals.escalate', { now: later, triggeredBy: 'test' });
    const second = await runJob('referrals.escalate', { now: later, triggeredBy: 'test' });
    expect(first.status).to.equal('succeeded');
    expect(second.status).to.equal('succeeded');
    expect((first.result as { referral_ids: number[] }).referral_ids).to.include(r.body.id);
    expect((second.result as { referral_ids: number[] }).referral_ids).not.to.include(r.body.id);
    const esc = await get<Json<ReferralEscalation>[]>('/api/referral-escalations', { as: 'referral', query: { filter: { referral_id: r.body.id } } });
    expect(esc.body).to.have.length(1);
    expect(esc.body[0].overdue_minutes).to.be.within(14, 16);
    const receivingDirector = (await get<UserRow[]>('/api/users', { as: 'admin', query: { filter: { username: 'director-T03' } } })).body[0].id;
    const office = (await get<UserRow[]>('/api/users', { as: 'admin', query: { filter: { username: 'referral' } } })).body[0].id;
    expect(esc.body[0].notify_user_ids).to.include.members([receivingDirector, office]);
    // those named, and the sender, find it among their notices
    for (const as of ['director-T03', 'referral', 'doctor-V008']) {
      const mine = await get<NoticeRow[]>('/api/notifications', { as, query: { filter: { record_id: r.body.id, unread: true } } });
      expect(
        mine.body.map((n: { kind: string }) => n.kind),
        as,
      ).to.deep.equal(['referral_escalated']);
    }
    const page = await get<PageJson>(`/api/referrals/${r.body.id}`, { as: 'director-T03' });
    expect(page.body.events.filter((e: { kind: string }) => e.kind === 'escalated')).to.have.length(1);
    expect(page.body.escalated_at).to.not.equal(null);
    const runs = await get<JobRunRow[]>('/api/job-runs', { as: 'admin', query: { filter: { job: 'referrals.escalate' } } });
    expect(runs.body.length).to.be.greaterThanOrEqual(2);
  });

  it('figures for settlement count up, down, out and completed per sending unit', async () => {
    const today = dayKey(clock.now());
    const v009 = await unitId('V009');
    const [before] = await referralFigures({ from: today, to: today, orgUnitIds: [v009] });
    const p = await resident('V009', '统计患者');
    const r = await post<ReferralJson>('/api/referrals', upBody(p.id, t01, { urgency: 'emergency' }), { as: 'doctor-V009' });
    for (const a of ['accept', 'arrive', 'complete']) expect((await post(`/api/referrals/${r.body.id}/${a}`, {}, { as: 'director-T01' })).status).to.equal(200);
    const [after] = await referralFigures({ from: today, to: today, orgUnitIds: [v009] });
    expect(after).to.deep.equal({ ...before, up: before.up + 1, completed: before.completed + 1, up_completed: before.up_completed + 1 });
    const office = await get<AnswerOf<typeof unitTable>>('/api/referrals/figures', { as: 'referral', query: { from: today, to: today } });
    const row = office.body.find((u: { code: string }) => u.code === 'V009');
    expect(row).to.include({ up: after.up, completed: after.completed });
    const flows = await get<AnswerOf<typeof levelFlows>>('/api/referrals/flows', { as: 'referral', query: { from: today, to: today } });
    expect(flows.body.flows.find((f) => f.from_level === 4 && f.to_level === 3)?.count).to.be.greaterThan(0);
    expect(flows.body.sankey.links.length).to.be.greaterThan(0);
    const bad = await get<Problem>('/api/referrals/figures', { as: 'referral', query: { from: today, to: '2020-01-01' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details?.[0].field).to.equal('query.to');
  });

  it('GET /api/referrals/inbox-summary: per receiving unit, requests waiting, overdue and the oldest — as the lists count them; a director only its subtree', async () => {
    const t01 = await unitId('T01');
    const total = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);
    const count = async (as: string, filter: Record<string, unknown>) => total(await get('/api/referrals', { as, query: { filter, range: [0, 0] } }));
    const rowOf = async (as: string) =>
      (await get<AnswerOf<typeof inboxSummary>>('/api/referrals/inbox-summary', { as })).body.find((r) => r.org_unit_id === t01);
    const before = (await rowOf('referral'))?.waiting ?? 0;
    const p = await resident('V003', '首页待办');
    expect((await post('/api/referrals', upBody(p.id, t01), { as: 'doctor-V003' })).status).to.equal(200);

    const office = await get<AnswerOf<typeof inboxSummary>>('/api/referrals/inbox-summary', { as: 'referral' });
    expect(office.status).to.equal(200);
    const rows = office.body as {
      org_unit_id: number | null;
      code: string | null;
      name: string | null;
      waiting: number;
      overdue: number;
      oldest_requested_at: string;
    }[];
    const row = rows.find((r) => r.org_unit_id === t01)!;
    expect(row).to.include({ code: 'T01', name: '桥头镇中心卫生院', waiting: before + 1 });
    for (const r of rows) {
      const receiver = r.org_unit_id === null ? { direction: 'out' } : { to_org_unit_id: r.org_unit_id };
      expect(r.waiting, r.code ?? 'out').to.equal(await count('referral', { ...receiver, status: 'requested' }));
      expect(r.overdue, r.code ?? 'out').to.equal(await count('referral', { ...receiver, overdue: true }));
      const [oldest] = (
        await get<ReferralJson[]>('/api/referrals', {
          as: 'referral',
          query: { filter: { ...receiver, status: 'requested' }, sort: ['requested_at', 'ASC'], range: [0, 0] },
        })
      ).body;
      expect(r.oldest_requested_at).to.equal(oldest.requested_at);
    }
    expect(rows.reduce((s, r) => s + r.waiting, 0)).to.equal(await count('referral', { status: 'requested' }));
    // busiest first
    const keys = rows.map((r) => [r.overdue, r.waiting]);
    expect(keys).to.deep.equal([...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]));

    // the director of T01 sees T01 and its villages only, with the same figures
    const subtree = (await get<Json<OrgUnit>[]>('/api/org-units', { as: 'director-T01', query: { range: [0, 999] } })).body.map((u: { id: number }) => u.id);
    const mine = (await get<AnswerOf<typeof inboxSummary>>('/api/referrals/inbox-summary', { as: 'director-T01' })).body;
    expect(mine.map((r) => r.org_unit_id).filter((id) => id !== null && !subtree.includes(id))).to.deep.equal([]);
    expect(mine.find((r) => r.org_unit_id === t01)).to.deep.equal(row);
    expect(mine.some((r) => r.code === 'HQ')).to.equal(false);
    expect((await get('/api/referrals/inbox-summary')).status).to.equal(401);
  });

  it('timeliness per receiving unit: median minutes to accept and share within the service level', async () => {
    const today = dayKey(clock.now());
    const r = await get<AnswerOf<typeof timeliness>>('/api/referrals/timeliness', { as: 'director-T01', query: { from: today, to: today } });
    expect(r.status).to.equal(200);
    const row = r.body.find((u) => u.code === 'T01')!;
    expect(row.accepted).to.be.greaterThan(0);
    expect(row.median_minutes_to_accept).to.be.a('number');
    expect(row.share_within).to.be.within(0, 1);
  });

  it('GET /api/reports/referrals.xlsx: every referral, counts per unit and direction, timeliness — matching the API', async () => {
    const today = dayKey(clock.now());
    const p = await resident('V030', '报表患者');
    expect((await post('/api/referrals', upBody(p.id, t03), { as: 'doctor-V030' })).status).to.equal(200);
    const r = await get<Buffer>('/api/reports/referrals.xlsx', { as: 'director-T03', query: { from: today, to: today, org_unit_id: t03 } });
    expect(r.status).to.equal(200);
    const wb = await readWorkbook(r.body);
    const list = wb.getWorksheet('转诊明细')!;
    expect(list.getRow(1).getCell(1).value).to.equal('编号');
    // the director's scope is T03 and its villages: the same referrals of today (Beijing) as the API lists
    // (bounded above too: another file's referral dated a later day is not today's)
    const api = await get<ReferralJson[]>('/api/referrals', {
      as: 'director-T03',
      query: { filter: { requested_at_gte: `${today}T00:00:00+08:00`, requested_at_lt: `${clock.addDays(today, 1)}T00:00:00+08:00` }, range: [0, 0] },
    });
    expect(list.rowCount - 1).to.equal(Number(String(api.headers.get('content-range')).split('/')[1]));
    const units = wb.getWorksheet('按单位方向统计')!;
    const figures = await get<AnswerOf<typeof unitTable>>('/api/referrals/figures', {
      as: 'director-T03',
      query: { from: today, to: today, org_unit_id: t03 },
    });
    const t03Row = figures.body.find((u) => u.code === 'T03')!;
    const sheetRow = units.getSheetValues().find((v) => Array.isArray(v) && v[1] === 'T03') as unknown[];
    expect(sheetRow.slice(4, 11)).to.deep.equal([
      t03Row.up,
      t03Row.down,
      t03Row.out,
      t03Row.completed,
      t03Row.up_completed,
      t03Row.received,
      t03Row.received_completed,
    ]);
    expect(wb.getWorksheet('及时性')!.rowCount).to.be.greaterThan(1);
    const outside = await get('/api/reports/referrals.xlsx', { as: 'director-T03', query: { from: today, to: today, org_unit_id: await unitId('T04') } });
    expect(outside.status).to.equal(403);
  });

  it('configuration: the office changes the service levels and fees; a director may not', async () => {
    const current = await get<Json<ReferralSettings>>('/api/referral-settings', { as: 'referral' });
    expect(current.body.inpatientThreshold['1']).to.equal('800.00');
    expect((await put('/api/referral-settings', current.body, { as: 'director-T01' })).status).to.equal(403);
    const bad = await put<Problem>('/api/referral-settings', { ...current.body, upReservedShare: 2 }, { as: 'referral' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details?.[0].field).to.equal('upReservedShare');
    const ok = await put('/api/referral-settings', current.body, { as: 'referral' });
    expect(ok.status).to.equal(200);
  });
});
