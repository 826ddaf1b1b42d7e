// The group referral office's inbox over every receiving unit, slots that have started refused,
// and the notices a referral's sender gets (HTTP against the real database).
import { expect } from 'chai';
import { get, post, put, system, unitId, type AnswerOf, type Json, type Problem } from '../../scripts/test/harness';
import type { OrgUnit } from '../org';
import type { ReferralSlot } from './model';
import type { createReferral, referralPage } from './service';
import * as clock from '../core/clock';
import { dayAfter, department, resident, slotsOf, upBody } from './testFixtures';

type ReferralJson = AnswerOf<typeof createReferral>;
type UserRow = { id: number; username: string; display_name: string };

interface Notice {
  id: number;
  kind: string;
  record_id: number;
  read_at: string | null;
  data: Record<string, unknown>;
}

/** The first two village clinics under a township. */
async function villagesOf(townshipCode: string): Promise<string[]> {
  const r = await get<Json<OrgUnit>[]>('/api/org-units', {
    as: 'admin',
    query: { filter: { parent_id: await unitId(townshipCode), kind: 'village' }, sort: ['code', 'ASC'], range: [0, 1] },
  });
  return r.body.map((u) => u.code);
}

/** A routine up-referral from a village clinic's doctor to its township. */
async function referUp(village: string, township: string, name: string) {
  const p = await resident(village, name);
  const r = await post<ReferralJson>('/api/referrals', upBody(p.id, await unitId(township), { urgency: 'routine' }), { as: `doctor-${village}` });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body.id;
}

const notices = async (as: string, filter: Record<string, unknown> = {}) => {
  const r = await get<Notice[]>('/api/notifications', { as, query: { filter, range: [0, 99] } });
  expect(r.status).to.equal(200);
  return { rows: r.body, total: Number(String(r.headers.get('content-range')).split('/')[1]) };
};
const unreadOf = async (as: string, referralId: number) => (await notices(as, { unread: true, record_id: referralId })).rows;

/** A free slot of the township's GP clinic three weeks ahead (published here, so it is free). */
async function futureSlot(township: string) {
  const gp = await department(township, '全科');
  await post(
    '/api/referral-slots/publish',
    { department_id: gp, from: dayAfter(22), to: dayAfter(22), sessions: [{ from: '14:30', until: '17:30' }], capacity: 4 },
    { as: `director-${township}` },
  );
  return (await slotsOf(`director-${township}`, gp, dayAfter(22)))[0].id;
}

describe('the referral office and the senders (HTTP, real database)', () => {
  before(async function () {
    this.timeout(300_000); // the shared system boots on first use (slow on a busy machine)
    await system();
  });

  it('the office sees the inbox of every receiving unit, and narrows it to one unit; a director still sees their own', async () => {
    const [v11] = await villagesOf('T11');
    const [v12] = await villagesOf('T12');
    const toT11 = await referUp(v11, 'T11', '办公室甲');
    const toT12 = await referUp(v12, 'T12', '办公室乙');
    const t11 = await unitId('T11');

    const all = await get<ReferralJson[]>('/api/referrals', {
      as: 'referral',
      query: { filter: { inbox_all: true }, sort: ['requested_at', 'ASC'], range: [0, 999] },
    });
    expect(all.status).to.equal(200);
    const ids = all.body.map((r) => r.id);
    expect(ids).to.include.members([toT11, toT12]);
    // requests to answer come before accepted patients, across the units
    const statuses = all.body.map((r) => r.status);
    expect(statuses.lastIndexOf('requested')).to.be.lessThan(statuses.includes('accepted') ? statuses.indexOf('accepted') : Infinity);
    expect(new Set(all.body.map((r) => r.to_org_unit_id)).size).to.be.greaterThan(1);

    const one = await get<ReferralJson[]>('/api/referrals', { as: 'referral', query: { filter: { inbox_all: true, to_org_unit_id: t11 }, range: [0, 999] } });
    expect(one.body.map((r) => r.id))
      .to.include(toT11)
      .and.not.include(toT12);
    expect(one.body.every((r) => r.to_org_unit_id === t11 && ['requested', 'accepted'].includes(r.status))).to.equal(true);

    // a township's director asking for every inbox gets those in their scope only
    const director = await get<ReferralJson[]>('/api/referrals', { as: 'director-T11', query: { filter: { inbox_all: true }, range: [0, 999] } });
    expect(director.body.map((r) => r.id))
      .to.include(toT11)
      .and.not.include(toT12);
    expect(
      (await get<ReferralJson[]>('/api/referrals', { as: 'director-T11', query: { filter: { inbox: t11 }, range: [0, 999] } })).body.map((r) => r.id),
    ).to.include(toT11);
  });

  it('a slot that has started is neither offered nor bookable: 422 naming slot_id, and no notice is written', async () => {
    const [v13] = await villagesOf('T13');
    const id = await referUp(v13, 'T13', '开始时段');
    // a department with no published slots, so this half hour is free to create
    const dept = await department('T13', '公共卫生科');
    const started = new Date(Math.floor(clock.now().getTime() / 1_800_000) * 1_800_000);
    const created = await post<Json<ReferralSlot>>(
      '/api/referral-slots',
      { department_id: dept, starts_at: started.toISOString(), capacity: 2 },
      { as: 'director-T13' },
    );
    expect(created.status, JSON.stringify(created.body)).to.equal(200);

    const offered = await get<Json<ReferralSlot>[]>('/api/referral-slots', {
      as: 'director-T13',
      query: { filter: { department_id: dept, upcoming: true, free: true }, range: [0, 99] },
    });
    expect(offered.body.map((s) => s.id)).not.to.include(created.body.id);

    const refused = await post<Problem>(`/api/referrals/${id}/accept`, { slot_id: created.body.id }, { as: 'director-T13' });
    expect(refused.status).to.equal(422);
    expect(refused.body.error.details).to.deep.equal([{ field: 'slot_id', message: 'the slot has already started; choose a later one' }]);
    expect((await get<ReferralJson>(`/api/referrals/${id}`, { as: 'director-T13' })).body.status).to.equal('requested');
    expect(await unreadOf(`doctor-${v13}`, id)).to.deep.equal([]);
  });

  it('the timeline names people by the name their account goes by, never a login', async () => {
    const [v17] = await villagesOf('T17');
    const p = await resident(v17, '时间线');
    const created = await post<ReferralJson>('/api/referrals', upBody(p.id, await unitId('T17'), { urgency: 'emergency' }), { as: `doctor-${v17}` });
    expect((await post(`/api/referrals/${created.body.id}/accept`, {}, { as: 'director-T17' })).status).to.equal(200);
    const director = (await get<UserRow[]>('/api/users', { as: 'admin', query: { filter: { username: 'director-T17' } } })).body[0];
    expect((await put(`/api/users/${director.id}`, { display_name: '马建国院长' }, { as: 'admin' })).status).to.equal(200);
    const doctor = (await get<UserRow[]>('/api/users', { as: 'admin', query: { filter: { username: `doctor-${v17}` } } })).body[0];
    const page = await get<AnswerOf<typeof referralPage>>(`/api/referrals/${created.body.id}`, { as: `doctor-${v17}` });
    expect(page.body.events.map((e) => [e.kind, e.actor_name])).to.deep.equal([
      ['requested', doctor.display_name],
      ['accepted', '马建国院长'],
    ]);
  });

  it('accepting tells the sender: one unread notice for the referring doctor and the sending unit, none elsewhere; reading marks it; another’s is a 404', async () => {
    const [v14, otherVillage] = await villagesOf('T14');
    const first = await referUp(v14, 'T14', '通知甲');
    const second = await referUp(v14, 'T14', '通知乙');
    const slot = await futureSlot('T14');
    expect((await post(`/api/referrals/${first}/accept`, { slot_id: slot }, { as: 'director-T14' })).status).to.equal(200);

    const [notice] = await unreadOf(`doctor-${v14}`, first);
    expect(notice).to.include({ kind: 'referral_accepted', record_id: first, read_at: null });
    expect(notice.data).to.include({
      patient_name: '通知甲',
      to_unit_name: (await get<Json<OrgUnit>>(`/api/org-units/${await unitId('T14')}`, { as: 'admin' })).body.name,
    });
    expect(notice.data.appointment_at).to.be.a('string');
    expect(await unreadOf(`doctor-${v14}`, first)).to.have.length(1);
    expect(await unreadOf(`director-${v14}`, first)).to.have.length(1); // the sending unit's director
    expect(await unreadOf('director-T14', first)).to.deep.equal([]); // who accepted knows already
    expect(await unreadOf(`doctor-${otherVillage}`, first)).to.deep.equal([]); // another unit's user
    expect(await unreadOf('referral', first)).to.deep.equal([]);

    // a second answer, newer; once it is read the older unread one still comes first
    expect((await post(`/api/referrals/${second}/reject`, { reason: '本院床位已满，请转县医院' }, { as: 'director-T14' })).status).to.equal(200);
    const [rejected] = await unreadOf(`doctor-${v14}`, second);
    expect(rejected).to.include({ kind: 'referral_rejected' });
    expect(rejected.data).to.include({ reason: '本院床位已满，请转县医院' });
    const read = await post<Notice>(`/api/notifications/${rejected.id}/read`, {}, { as: `doctor-${v14}` });
    expect(read.status).to.equal(200);
    expect(read.body.read_at).to.be.a('string');
    const mine = (await notices(`doctor-${v14}`)).rows.filter((n) => [first, second].includes(n.record_id)).map((n) => n.id);
    expect(mine).to.deep.equal([notice.id, rejected.id]);

    // nobody reads, or marks, another user's notice
    expect((await post(`/api/notifications/${notice.id}/read`, {}, { as: `doctor-${otherVillage}` })).status).to.equal(404);
    expect((await get(`/api/notifications/${notice.id}`, { as: `doctor-${otherVillage}` })).status).to.equal(404);
    expect(await unreadOf(`doctor-${v14}`, first)).to.have.length(1);

    // arrival is a notice too; read-all clears the bell
    expect((await post(`/api/referrals/${first}/arrive`, {}, { as: 'director-T14' })).status).to.equal(200);
    expect((await unreadOf(`doctor-${v14}`, first)).map((n) => n.kind)).to.deep.equal(['referral_arrived', 'referral_accepted']);
    const all = await post<{ read: number }>('/api/notifications/read-all', {}, { as: `doctor-${v14}` });
    expect(all.body.read).to.be.greaterThanOrEqual(2);
    expect((await notices(`doctor-${v14}`, { unread: true })).total).to.equal(0);
  });
});
