// The chief pharmacist's import at scale (issue 21): a 500,000-row prescription file (one row per
// drug: about 170,000 prescriptions of one to five drugs across the HQ, the branches and the
// townships, a month) through POST /api/prescriptions/import, served by the API's worker processes
// so that the peak RSS (VmHWM) of the worker that imported is the import's alone; the flags are
// raised within it. Targets: < 60 s, peak RSS < 500 MB. BENCH_RX_ROWS changes the row count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { RX_COLUMNS } from '../../api/pharmacy/rules';
import { benchSystem, login, peakHttpRss, printTiming, timed } from './lib';

const ROWS = Number(process.env.BENCH_RX_ROWS ?? 500_000);
const DRUGS: [string, string, string, string, string, string][] = [
  ['阿莫西林', '青霉素类', '是', '口服', '0.5', 'g'],
  ['硝苯地平', '钙通道阻滞剂', '否', '口服', '30', 'mg'],
  ['二甲双胍', '双胍类', '否', '口服', '0.5', 'g'],
  ['地塞米松', '糖皮质激素', '否', '注射', '5', 'mg'],
  ['布洛芬', '解热镇痛药', '否', '口服', '0.3', 'g'],
];
const UNITS = ['HQ', 'B1', 'B2', 'B3', ...Array.from({ length: 30 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`)];

const sys = await benchSystem(0.01);
let ok = true;
const file = path.join(os.tmpdir(), `rx-bench-${process.pid}.xlsx`);
try {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('prescriptions');
  sheet.addRow(RX_COLUMNS.map(([k]) => k)).commit();
  let rx = 0;
  for (let written = 0; written < ROWS; rx++) {
    const drugs = 1 + (rx % 5);
    const unit = UNITS[rx % UNITS.length];
    const day = `2026-10-${String(1 + (rx % 28)).padStart(2, '0')}`;
    const [code, text] = rx % 3 === 0 ? ['J06.9', '急性上呼吸道感染'] : ['I10', '高血压'];
    for (let s = 1; s <= drugs && written < ROWS; s++, written++) {
      const d = DRUGS[(rx + s) % DRUGS.length];
      sheet
        .addRow([
          `BX-${rx}`,
          unit,
          '内科',
          `医师${rx % 200}`,
          day,
          rx % 7 === 0 ? '住院' : '门诊',
          `P${rx % 50_000}`,
          20 + (rx % 60),
          rx % 2 ? 'M' : 'F',
          code,
          text,
          s,
          ...d,
          5,
        ])
        .commit();
    }
  }
  sheet.commit();
  await wb.commit();
  const token = await login(sys.url, 'admin');
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), 'prescriptions.xlsx');
  const imported = await timed(async () => {
    const res = await fetch(`${sys.url}/api/prescriptions/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return res.json() as Promise<{ accepted: number; rejected_rows: number; prescriptions: number; flagged: number }>;
  });
  const { mb: rss, pid } = peakHttpRss(sys);
  ok =
    printTiming(
      `Import of a ${ROWS.toLocaleString()}-row prescription xlsx (POST /api/prescriptions/import)`,
      imported.ms,
      undefined,
      { maxMs: 60_000 },
      `accepted ${imported.value.accepted}, rejected ${imported.value.rejected_rows}, ${imported.value.prescriptions} prescriptions, ${imported.value.flagged} flagged`,
    ) &&
    imported.value.accepted === ROWS &&
    rss < 500;
  console.log(`  peak RSS of the API worker that imported (VmHWM of pid ${pid}) ${rss.toFixed(0)} MB (target < 500) → ${rss < 500 ? 'MET' : 'MISSED'}`);
} finally {
  fs.rmSync(file, { force: true });
  await sys.cleanup();
}
process.exit(ok ? 0 : 1);
