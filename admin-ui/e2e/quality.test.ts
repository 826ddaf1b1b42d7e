// Quality management in a real browser (issue 21): the HQ cross-inspects branch B3 — its director
// scores the checklist and records three findings; B3's director reports one rectification (with a file of evidence), the HQ
// verifies it; another is left past its deadline, the escalation job escalates it and the findings
// list shows it in red; B3's quality score on the score page follows (87 − 1 − 3×2 − 5 = 75, then 76).
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { runJob } from '../../api/jobs';
import * as clock from '../../api/core/clock';
import { loggedInPage, selectOption, shotForReview, startBrowserTest } from './browser';
import type { ChecklistRecord, FindingRecord, InspectionPage } from '../src/quality/records';

describe('admin UI: quality inspection and rectification', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;
  let inspectionId: number;
  const today = clock.today();
  const inspectedOn = clock.addDays(today, -20);

  const open = (username: string) => loggedInPage(browser, baseUrl, username);

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
    const list = await post<ChecklistRecord>(
      '/api/checklists',
      {
        name: '交叉检查表（界面测试）',
        items: [
          { title: '医疗质量与安全', max_score: 40 },
          { title: '护理质量', max_score: 30 },
          { title: '院感管理', max_score: 30 },
        ],
      },
      { as: 'admin' },
    );
    expect(list.status, JSON.stringify(list.body)).to.equal(200);
    const insp = await post<InspectionPage>(
      '/api/quality-inspections',
      { kind: 'cross', inspector_org_unit_id: await unitId('HQ'), org_unit_id: await unitId('B3'), checklist_id: list.body.id, inspected_on: inspectedOn },
      { as: 'director-HQ' },
    );
    expect(insp.status, JSON.stringify(insp.body)).to.equal(200);
    inspectionId = insp.body.id;
  });

  after(async () => {
    await browser?.close();
  });

  it('scores, records three findings, rectifies and verifies one, escalates the overdue one; the score follows', async () => {
    const b3 = await unitId('B3');
    const hq = await open('director-HQ');
    await hq.goto(`${baseUrl}/quality-inspections/${inspectionId}/show`);
    for (const [seq, score] of [
      [1, '36'],
      [2, '27'],
      [3, '24'],
    ] as const)
      await hq.getByTestId(`score-${seq}`).fill(score);
    await hq.getByTestId('save-scores').click();
    await hq.getByTestId('complete-inspection').click();
    await hq.getByTestId('complete-inspection').waitFor({ state: 'detached' });
    expect(await hq.getByTestId('inspection-score').textContent()).to.equal('87.00');

    const findings: [string, string, string][] = [
      ['病历书写不规范（界面测试）', '一般', clock.addDays(today, 10)],
      ['急救药品过期（界面测试）', '较重', clock.addDays(today, -5)],
      ['手卫生依从性低（界面测试）', '严重', clock.addDays(today, 5)],
    ];
    for (const [title, severity, deadline] of findings) {
      await hq.getByTestId('add-finding').click();
      await hq.locator('input[name="title"]').fill(title);
      await selectOption(hq, 'severity', severity);
      await hq.locator('input[name="deadline"]').fill(deadline);
      await hq.getByTestId('save-finding').click();
      await hq.getByRole('link', { name: title }).waitFor();
    }
    const page = (await get<InspectionPage>(`/api/quality-inspections/${inspectionId}`, { as: 'director-HQ' })).body;
    const [minor, major] = page.findings;
    expect(page.findings.map((f) => [f.severity, f.deadline])).to.deep.equal([
      ['minor', findings[0][2]],
      ['major', findings[1][2]],
      ['critical', findings[2][2]],
    ]);
    // the overdue one is in red on the inspection already
    expect(await hq.getByTestId(`finding-row-${major.id}`).textContent()).to.contain('已逾期');
    await shotForReview(hq, 'quality-inspection');

    const scoreOf = async (p: Page) => {
      await p.goto(`${baseUrl}/quality-scores`);
      await p.getByLabel('起始日期').fill(inspectedOn);
      return p.getByTestId('score-B3');
    };
    expect(await (await scoreOf(hq)).textContent()).to.equal('75');

    // B3 reports its rectification with evidence
    const b3Page = await open('director-B3');
    await b3Page.goto(`${baseUrl}/quality-findings/${minor.id}/show`);
    await b3Page.getByTestId('rectification').fill('组织全院学习病历书写规范，逐份复查');
    await b3Page.getByTestId('evidence').fill('培训签到表、复查记录 12 份');
    await b3Page.getByTestId('finding-file').setInputFiles({ name: '培训签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 培训签到表') });
    await b3Page.getByTestId('finding-files').getByRole('button', { name: '培训签到表.pdf' }).waitFor();
    await b3Page.getByTestId('finding-report').click();
    await b3Page.getByTestId('finding-step').waitFor({ state: 'detached' });
    expect(await b3Page.getByTestId('finding-status').textContent()).to.equal('待验证');

    // the HQ verifies it: closed, the score rises by the minor finding's point
    await hq.goto(`${baseUrl}/quality-findings/${minor.id}/show`);
    await hq.getByTestId('finding-text').fill('复查合格');
    await hq.getByTestId('finding-verify').click();
    await hq.getByTestId('finding-step').waitFor({ state: 'detached' });
    expect(await hq.getByTestId('finding-status').textContent()).to.equal('已销号');
    await hq.getByTestId('event-verify').waitFor();
    expect(await (await scoreOf(hq)).textContent()).to.equal('76');

    // the night's job escalates the overdue finding; B3's list shows it in red, its page says so
    const run = (await runJob('quality.escalate', { triggeredBy: 'test' })) as { result: { finding_ids: number[] } };
    expect(run.result.finding_ids).to.include(major.id);
    await b3Page.goto(`${baseUrl}/quality-findings?filter=${encodeURIComponent(JSON.stringify({ overdue: true, org_unit_id: b3 }))}`);
    const red = b3Page.getByTestId(`overdue-${major.id}`);
    await red.waitFor();
    expect(await red.evaluate((el) => getComputedStyle(el).color)).to.equal('rgb(211, 47, 47)');
    await shotForReview(b3Page, 'quality-findings-overdue');
    await b3Page.goto(`${baseUrl}/quality-findings/${major.id}/show`);
    expect(await b3Page.getByTestId('finding-overdue').textContent()).to.equal('已逾期上报');
    await b3Page.getByTestId('event-escalate').waitFor();
    const listed = await get<FindingRecord[]>('/api/quality-findings', {
      as: 'director-B3',
      query: { filter: { inspection_id: inspectionId, overdue: true } },
    });
    expect(listed.body.map((f) => f.id)).to.deep.equal([major.id]);
  });
});
