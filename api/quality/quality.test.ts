// Quality management over HTTP: a committee with members from the HR registry and a meeting; a
// checklist; B1 cross-inspects B2, scores it and records three findings; B2 rectifies one (rejected
// once, then verified by B1), one is left overdue and escalated once by the job; B2's quality score
// for the period follows, computed by hand. B2 is inspected by no other test or demo row.
import { expect } from 'chai';
import { call, get, post, unitId, type AnswerOf, type Json, type Problem } from '../../scripts/test/harness';
import { runJob } from '../jobs';
import { readWorkbook } from '../../reports/xlsx';
import * as clock from '../core/clock';
import type { Checklist, Committee, CommitteeMeeting, CommitteeMember, Finding, Inspection } from './model';
import type { findingPage, inspectionPage, qualityScores } from './service';

type Page = AnswerOf<typeof inspectionPage>;
type FindingPage = AnswerOf<typeof findingPage>;
type Scores = AnswerOf<typeof qualityScores>;

describe('quality: committees, inspections and rectification (HTTP)', () => {
  it('keeps a committee with members from the HR registry and its meeting minutes', async () => {
    const committees = await get<Json<Committee & { member_count: number }>[]>('/api/committees', {
      as: 'auditor',
      query: { filter: { kind: 'committee' }, range: [0, 99] },
    });
    expect(committees.status).to.equal(200);
    expect(committees.body.map((c) => c.name)).to.include.members(['医疗质量管理委员会', '药事管理与药物治疗学委员会', '医院感染管理委员会']);
    // the demo's 24 (other files may add more: badInput posts to every route)
    expect(committees.body.length).to.be.at.least(24);

    const c = await post<Json<Committee>>('/api/committees', { name: '测试质控委员会', remit: '测试' }, { as: 'admin' });
    expect(c.status, JSON.stringify(c.body)).to.equal(200);
    const staff = await get<{ id: number; name: string }[]>('/api/staff', { as: 'hr', query: { range: [0, 1], sort: ['id', 'ASC'] } });
    const m = await post<Json<CommitteeMember>>(
      '/api/committee-members',
      { committee_id: c.body.id, staff_id: staff.body[0].id, role: 'chair' },
      { as: 'admin' },
    );
    expect(m.status, JSON.stringify(m.body)).to.equal(200);
    const second = await post<Problem>('/api/committee-members', { committee_id: c.body.id, staff_id: staff.body[1].id, role: 'chair' }, { as: 'admin' });
    expect(second.status).to.equal(409); // one chair per committee
    const ghost = await post<Problem>('/api/committee-members', { committee_id: c.body.id, staff_id: 99_999_999 }, { as: 'admin' });
    expect(ghost.status).to.equal(422);
    expect(ghost.body.error.details![0].field).to.equal('staff_id');
    const members = await get<{ staff_name: string }[]>('/api/committee-members', { as: 'director-B2', query: { filter: { committee_id: c.body.id } } });
    expect(members.body.map((x) => x.staff_name)).to.deep.equal([staff.body[0].name]);
    const meeting = await post<Json<CommitteeMeeting>>(
      '/api/committee-meetings',
      { committee_id: c.body.id, held_on: clock.today(), topic: '第一次会议', minutes: '讨论质控标准', decisions: '统一标准', attendees: 9 },
      { as: 'admin' },
    );
    expect(meeting.status, JSON.stringify(meeting.body)).to.equal(200);
    expect(meeting.body.decisions).to.equal('统一标准');
    expect((await post('/api/committees', { name: '越权委员会' }, { as: 'director-B2' })).status).to.equal(403);
  });

  it('closes the loop: cross-inspection, three findings, one verified, one escalated; the score follows', async () => {
    const [b1, b2] = [await unitId('B1'), await unitId('B2')];
    const today = clock.today();
    const from = clock.addDays(today, -30);
    const list = await post<Json<Checklist> & { items: { id: number }[]; max_total: string }>(
      '/api/checklists',
      {
        name: '测试交叉检查表',
        items: [
          { title: '医疗质量', max_score: 40 },
          { title: '护理', max_score: '30' },
          { title: '院感', max_score: '30.00' },
        ],
      },
      { as: 'admin' },
    );
    expect(list.status, JSON.stringify(list.body)).to.equal(200);
    expect(list.body.max_total).to.equal('100.00');
    const [i1, i2, i3] = list.body.items.map((x) => x.id);

    // B1's director inspects B2 (a director may not inspect for a unit outside his own)
    const body = { kind: 'cross', inspector_org_unit_id: b1, org_unit_id: b2, checklist_id: list.body.id, inspected_on: clock.addDays(today, -20) };
    expect((await post('/api/quality-inspections', { ...body, inspector_org_unit_id: b2, org_unit_id: b1 }, { as: 'director-B1' })).status).to.equal(403);
    const insp = await post<Json<Inspection>>('/api/quality-inspections', body, { as: 'director-B1' });
    expect(insp.status, JSON.stringify(insp.body)).to.equal(200);
    const id = insp.body.id;
    expect((await post(`/api/quality-inspections/${id}/scores`, { scores: [{ item_id: i1, score: 30 }] }, { as: 'director-B2' })).status).to.equal(403);
    const over = await post<Problem>(`/api/quality-inspections/${id}/scores`, { scores: [{ item_id: i2, score: 31 }] }, { as: 'director-B1' });
    expect(over.status).to.equal(422);
    expect(over.body.error.details![0].field).to.equal('scores.0.score');
    await post(
      `/api/quality-inspections/${id}/scores`,
      {
        scores: [
          { item_id: i1, score: 36 },
          { item_id: i2, score: '27' },
        ],
      },
      { as: 'director-B1' },
    );
    const early = await post<Problem>(`/api/quality-inspections/${id}/complete`, {}, { as: 'director-B1' });
    expect(early.status).to.equal(422);
    await post(`/api/quality-inspections/${id}/scores`, { scores: [{ item_id: i3, score: 24 }] }, { as: 'director-B1' });
    const done = await post<Page>(`/api/quality-inspections/${id}/complete`, { summary: '总体良好' }, { as: 'director-B1' });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body.score).to.equal('87.00'); // (36 + 27 + 24) / 100
    expect((await post(`/api/quality-inspections/${id}/complete`, {}, { as: 'director-B1' })).status).to.equal(409);

    const finding = async (severity: string, title: string, deadline: string) => {
      const r = await post<Json<Finding>>('/api/quality-findings', { inspection_id: id, severity, title, deadline }, { as: 'director-B1' });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      return r.body.id;
    };
    const f1 = await finding('minor', '病历书写不规范', clock.addDays(today, 10));
    const f2 = await finding('major', '急救药品过期', clock.addDays(today, -5));
    const f3 = await finding('critical', '手卫生依从性低', clock.addDays(today, 5));
    expect(
      (await post('/api/quality-findings', { inspection_id: id, severity: 'minor', title: 'x', deadline: clock.addDays(today, -25) }, { as: 'director-B1' }))
        .status,
    ).to.equal(422);

    const score = async () => (await get<Scores>('/api/quality-scores', { as: 'director-B2', query: { from, to: today, org_unit_id: b2 } })).body[0];
    // 87 − minor 1 − major overdue 3×2 − critical 5 = 75
    expect(await score()).to.include({ base: 87, inspections: 1, open: 3, overdue: 1, deduction: 12, score: 75 });

    const early2 = await post<Problem<{ allowed: string[] }>>(`/api/quality-findings/${f1}/verify`, {}, { as: 'director-B1' });
    expect(early2.status).to.equal(409);
    expect(early2.body.error.details!.allowed).to.deep.equal(['report']);
    expect((await post(`/api/quality-findings/${f1}/report`, { rectification: '已整改' }, { as: 'director-B1' })).status).to.equal(403);
    // the owner unit's evidence: a photo (by its bytes), not a text file, not too large, not by the inspector
    const upload = (name: string, bytes: Uint8Array<ArrayBuffer>, as: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      return call<{ id: number; content_type: string; size: number }>('POST', `/api/quality-findings/${f1}/files`, { as, raw: form });
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const photo = await upload('整改后病历.png', png, 'director-B2');
    expect(photo.status, JSON.stringify(photo.body)).to.equal(200);
    expect(photo.body).to.include({ content_type: 'image/png', size: 12 });
    expect((await upload('说明.txt', new TextEncoder().encode('已整改'), 'director-B2')).status).to.equal(415);
    expect((await upload('整改.png', png, 'director-B1')).status).to.equal(403);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(png);
    expect((await upload('大.png', big, 'director-B2')).status).to.equal(413);
    const bytes = await call<ArrayBuffer>('GET', `/api/quality-findings/${f1}/files/${photo.body.id}`, { as: 'director-B1' });
    expect(bytes.status).to.equal(200);
    expect(bytes.headers.get('content-type')).to.equal('image/png');
    expect(
      (await post(`/api/quality-findings/${f1}/report`, { rectification: '组织全科学习病历书写规范', evidence: '培训签到表' }, { as: 'director-B2' })).status,
    ).to.equal(200);
    expect((await post(`/api/quality-findings/${f1}/verify`, {}, { as: 'director-B2' })).status).to.equal(403);
    expect((await post(`/api/quality-findings/${f1}/reject`, { reason: '缺少复查记录' }, { as: 'director-B1' })).status).to.equal(200);
    await post(`/api/quality-findings/${f1}/report`, { rectification: '补充复查记录', evidence: '复查记录 5 份' }, { as: 'director-B2' });
    const verified = await post<FindingPage>(`/api/quality-findings/${f1}/verify`, { note: '复查合格' }, { as: 'director-B1' });
    expect(verified.status).to.equal(200);
    expect(verified.body).to.include({ status: 'verified', rejections: 1, evidence: '复查记录 5 份' });
    expect(verified.body.events.map((e) => e.kind)).to.deep.equal(['create', 'attach', 'report', 'reject', 'report', 'verify']);
    expect(verified.body.actions).to.deep.equal([]);
    expect(verified.body.files.map((f) => f.filename)).to.deep.equal(['整改后病历.png']);
    expect(verified.body.may_attach).to.equal(false);
    expect((await upload('晚.png', png, 'director-B2')).status).to.equal(409);
    expect(await score()).to.include({ open: 2, overdue: 1, deduction: 11, score: 76 });

    // the overdue one, escalated once however often the job runs; its unit's director hears of it
    const overdue = await get<(Json<Finding> & { overdue: boolean })[]>('/api/quality-findings', {
      as: 'director-B2',
      query: { filter: { overdue: true, inspection_id: id } },
    });
    expect(overdue.body.map((f) => f.id)).to.deep.equal([f2]);
    const first = (await runJob('quality.escalate', { triggeredBy: 'test' })) as { result: { finding_ids: number[] } };
    expect(first.result.finding_ids).to.include(f2).and.not.include(f3);
    const again = (await runJob('quality.escalate', { triggeredBy: 'test' })) as { result: { finding_ids: number[] } };
    expect(again.result.finding_ids).to.not.include(f2);
    const page = await get<FindingPage>(`/api/quality-findings/${f2}`, { as: 'director-B2' });
    expect(page.body.escalated_at).to.be.a('string');
    expect(page.body.events.filter((e) => e.kind === 'escalate')).to.have.lengthOf(1);
    expect(page.body.actions).to.deep.equal(['report']);
    const notices = await get<{ kind: string; record_id: number }[]>('/api/notifications', { as: 'director-B2' });
    expect(notices.body.filter((n) => n.kind === 'quality_finding_escalated' && n.record_id === f2)).to.have.lengthOf(1);

    // the quality workbook of the period: this inspection, its three findings in their states, B2's score
    const book = await get<Buffer>('/api/reports/quality.xlsx', { as: 'director-B2', query: { from, to: today } });
    expect(book.status).to.equal(200);
    const wb = await readWorkbook(book.body);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['检查', '问题整改', '单位得分', '说明']);
    const rows = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    const inspectionRow = rows('检查').find((r) => r[0] === id)!;
    const b1Name = (await get<{ name: string }>(`/api/org-units/${b1}`, { as: 'admin' })).body.name;
    expect([inspectionRow[2], inspectionRow[4], inspectionRow[6], inspectionRow[7], inspectionRow[8]]).to.deep.equal(['交叉检查', b1Name, '已完成', 87, 3]);
    const findingRows = rows('问题整改').filter((r) => r[1] === id);
    expect(findingRows.map((r) => [r[0], r[4], r[6], r[7] ?? '', r[8]])).to.deep.equal([
      [f1, '一般', '已销号', '', 1],
      [f2, '较重', '待整改', '是', 0],
      [f3, '严重', '待整改', '', 0],
    ]);
    const b2Row = rows('单位得分').find((r) => r[0] === 'B2')!;
    expect(b2Row.slice(2)).to.deep.equal([1, 87, 2, 1, 11, 76]);
    expect((await get('/api/reports/quality.xlsx', { as: 'director-B2', query: { from: today } })).status).to.equal(400);

    // the audit trail holds every step
    const audit = await get<{ action: string }[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'quality-findings', record_id: String(f1) }, range: [0, 20] },
    });
    expect(audit.body.map((a) => a.action).sort()).to.deep.equal(['attach', 'create', 'reject', 'report', 'report', 'verify']);
  });

  it('a unit may not sign off its own rectification, though its scope holds the unit that inspected it (B1 inspects the HQ)', async () => {
    const today = clock.today();
    const list = await post<Json<Checklist & { items: { id: number }[] }>>(
      '/api/checklists',
      { name: '测试互查表', items: [{ title: '急救', max_score: 100 }] },
      { as: 'admin' },
    );
    const inspection = {
      kind: 'cross',
      inspector_org_unit_id: await unitId('B1'),
      org_unit_id: await unitId('HQ'),
      checklist_id: list.body.id,
      inspected_on: clock.addDays(today, -3),
    };
    const id = (await post<Json<Inspection>>('/api/quality-inspections', inspection, { as: 'director-B1' })).body.id;
    await post(`/api/quality-inspections/${id}/scores`, { scores: [{ item_id: list.body.items[0].id, score: 90 }] }, { as: 'director-B1' });
    expect((await post(`/api/quality-inspections/${id}/complete`, {}, { as: 'director-B1' })).status).to.equal(200);
    const finding = { inspection_id: id, severity: 'major', title: '急救车药品过期一支', deadline: clock.addDays(today, 10) };
    const f = (await post<Json<Finding>>('/api/quality-findings', finding, { as: 'director-B1' })).body.id;
    expect((await post(`/api/quality-findings/${f}/report`, { rectification: '更换过期药品，建立效期登记' }, { as: 'director-HQ' })).status).to.equal(200);

    // the HQ's page offers it neither step; the inspecting branch's offers both
    expect((await get<FindingPage>(`/api/quality-findings/${f}`, { as: 'director-HQ' })).body.actions).to.deep.equal([]);
    expect((await get<FindingPage>(`/api/quality-findings/${f}`, { as: 'director-B1' })).body.actions).to.have.members(['verify', 'reject']);
    const own = await post<Problem>(`/api/quality-findings/${f}/verify`, { note: '自查合格' }, { as: 'director-HQ' });
    expect(own.status).to.equal(403);
    expect(own.body.error.message).to.equal('the unit that rectifies may not verify or reject its own rectification');
    expect((await post(`/api/quality-findings/${f}/reject`, { reason: '自退' }, { as: 'director-HQ' })).status).to.equal(403);
    const verified = await post<FindingPage>(`/api/quality-findings/${f}/verify`, { note: '复查合格' }, { as: 'director-B1' });
    expect(verified.body).to.include({ status: 'verified' });
  });
});
