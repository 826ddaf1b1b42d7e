// 诊断中心 in a real browser: a village doctor requests an emergency ECG with the trace attached;
// the HQ's ECG centre finds it on its worklist, accepts it, assigns a reader, who reports STEMI as a
// critical value; the doctor, on the phone, sees the alert and acknowledges it, and starts the chest-pain
// green channel in one tap; the HQ records the arrival and the balloon, which close the case with
// the FMC-to-balloon minutes; the figures show the township's case, and so does the downloaded workbook;
// the HQ opens an invited remote consultation from its list and checks its material.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { checkDigit } from '../../api/core/personalId';
import { readWorkbook } from '../../reports/xlsx';
import { loggedInPage, PHONE, startBrowserTest } from './browser';

describe('admin UI: diagnosis centres', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;
  const open = (username: string, viewport?: { width: number; height: number }) => loggedInPage(browser, baseUrl, username, viewport);

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  it('doctor-V001 requests an emergency ECG with a trace; the centre accepts, a reader reports STEMI critical; the doctor acknowledges on the phone and starts the chest-pain channel; arrival and balloon close it; the figures show it', async () => {
    const first17 = '63012319580306881';
    const idNumber = `${first17}${checkDigit(first17)}`;
    const trace = path.join(os.tmpdir(), `ecg-trace-${process.pid}.png`);
    fs.writeFileSync(trace, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]));

    // the village doctor's request, the trace attached
    const doctor = await open('doctor-V001');
    await doctor.goto(`${baseUrl}/diagnosis-requests/create`);
    await doctor.locator('input[name="service_id"]').fill('常规十二导联');
    await doctor.getByRole('option', { name: /常规十二导联心电图/ }).click();
    await doctor.getByRole('combobox', { name: '紧急程度' }).click();
    await doctor.getByRole('option', { name: '急诊', exact: true }).click();
    await doctor.locator('textarea[name="clinical_question"]').fill('胸痛2小时，大汗，疑急性心梗');
    await doctor.locator('input[name="patient_name"]').fill('祁占林');
    await doctor.locator('input[name="patient_id_number"]').fill(idNumber);
    await doctor.getByTestId('attachment-input').setInputFiles(trace);
    await doctor.getByRole('button', { name: /保存|Save/ }).click();
    await doctor.waitForURL(/\/diagnosis-requests\/\d+\/show$/);
    const id = Number(/\/diagnosis-requests\/(\d+)\/show/.exec(doctor.url())![1]);
    await doctor.getByTestId('event-submitted').waitFor();
    await doctor
      .getByTestId('attachment')
      .filter({ hasText: path.basename(trace) })
      .waitFor();
    await doctor.getByTestId('time-left').waitFor();

    // the HQ's ECG centre: on its worklist, emergency, with the time left
    const centre = await open('director-HQ');
    await centre.goto(`${baseUrl}/diagnosis-worklist`);
    await centre.getByRole('combobox', { name: '诊断中心' }).click();
    await centre.getByRole('option', { name: '集团心电诊断中心' }).click();
    const row = centre.locator('tbody tr').filter({ hasText: '祁占林' }).first();
    await row.waitFor();
    expect(await row.textContent())
      .to.contain('急诊')
      .and.contain('剩');
    await row.click();
    await centre.waitForURL(new RegExp(`/diagnosis-requests/${id}/show$`));
    await centre.getByTestId('attachment').filter({ hasText: 'ecg-trace' }).waitFor();

    await centre.getByTestId('step-accept').click();
    await centre.getByTestId('confirm-step').click();
    await centre.getByTestId('event-accepted').waitFor();
    await centre.getByTestId('step-assign').click();
    await centre.getByRole('combobox', { name: '诊断医师' }).click();
    await centre.getByTestId('reader-option').first().click();
    await centre.getByTestId('confirm-step').click();
    await centre.getByTestId('event-assigned').waitFor();
    await centre.getByTestId('step-report').click();
    await centre.locator('textarea[name="findings"]').fill('V1–V4 导联 ST 段弓背向上抬高 0.3–0.5 mV');
    await centre.locator('textarea[name="conclusion"]').fill('急性前壁ST段抬高型心肌梗死（STEMI）');
    await centre.locator('input[name="critical"]').check();
    await centre.locator('input[name="critical_note"]').fill('STEMI，请立即启动胸痛绿色通道');
    await centre.getByTestId('confirm-step').click();
    await centre.getByTestId('event-reported').waitFor();
    expect(await centre.getByTestId('critical-alert').textContent()).to.contain('STEMI');

    // the doctor, on the phone: the critical value's alert, acknowledged
    const phone = await open('doctor-V001', PHONE);
    await phone.goto(`${baseUrl}/diagnosis-requests/${id}/show`);
    expect(await phone.getByTestId('critical-alert').textContent()).to.contain('请立即启动胸痛绿色通道');
    await phone.getByTestId('step-acknowledge').click();
    await phone.getByTestId('confirm-step').click();
    await phone.getByTestId('event-acknowledged').waitFor();
    expect(await phone.getByTestId('critical-alert').textContent()).to.contain('确认');
    const steps = await phone.getByTestId('dx-timeline').locator('li').allTextContents();
    expect(steps.map((s) => s.split(' · ')[0])).to.deep.equal(['提出申请', '上传附件', '审核接收', '分配医师', '发出报告', '确认收到']);

    // 胸痛绿色通道: one tap on the phone makes the emergency referral and starts the FMC clock
    await phone.getByTestId('chest-pain-start').click();
    await phone.getByTestId('chest-pain').waitFor();
    expect(await phone.getByTestId('fmc-clock').textContent()).to.match(/^FMC 已 \d+ 分钟$/);
    expect(await phone.getByTestId('chest-pain-referral').textContent()).to.match(/^急诊上转 #\d+ → /);
    const township = (await phone.getByTestId('chest-pain-township').textContent())!;

    // the HQ receives the patient: the arrival, then the balloon, which closes the case
    await centre.reload();
    await centre.getByTestId('cp-step-arrival').click();
    await centre.getByTestId('cp-time-arrival').waitFor();
    await centre.getByTestId('cp-step-balloon').click();
    await centre.getByTestId('cp-time-balloon').waitFor();
    expect(await centre.getByTestId('fmc-clock').textContent()).to.match(/^FMC→球囊 \d+(\.\d)? 分钟$/);
    expect(await centre.locator('[data-testid^="cp-step-"]').count()).to.equal(0);

    // the figures: the township's row, its PCI within 90 minutes
    await centre.goto(`${baseUrl}/diagnosis-figures`);
    const cpRow = centre.getByTestId('figures-chest-pain').locator('tbody tr').filter({ hasText: township });
    await cpRow.waitFor();
    expect(await cpRow.locator('td').last().textContent()).to.equal('100.0%');
    // 下载统计表: the same period's workbook, the township's case within 90 minutes
    const [file] = await Promise.all([centre.waitForEvent('download'), centre.getByTestId('figures-download').click()]);
    expect(file.suggestedFilename()).to.match(/^诊断中心统计-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readWorkbook(fs.readFileSync(await file.path()))).getWorksheet('胸痛中心（按乡镇）')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [, cases, , pci, , , within] = rows.find((r) => r[0] === township) ?? [];
    expect(cases, JSON.stringify(rows)).to.be.at.least(1);
    expect(within, 'within 90 minutes: every PCI case').to.equal(pci);
    expect(pci).to.be.at.least(1);
    fs.rmSync(trace, { force: true });

    // 远程会诊: the HQ opens an invited consultation from the list and passes its material check
    await centre.goto(`${baseUrl}/diagnosis-consultations?filter=${encodeURIComponent(JSON.stringify({ status: 'invited' }))}`);
    await centre.locator('tbody tr').first().click();
    await centre.waitForURL(/\/diagnosis-consultations\/\d+\/show$/);
    await centre.getByTestId('step-check').click();
    await centre.getByTestId('confirm-step').click();
    await centre.getByTestId('event-check').waitFor();
    expect(await centre.getByTestId('consultation-status').textContent()).to.equal('资料已审核');
  });
});
