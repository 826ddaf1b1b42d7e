// The chief pharmacist's import at scale (issue 21): a 500,000-row prescription file (one row per
// drug: about 170,000 prescriptions of one to five drugs across the HQ, the branches and the
// townships, a month) through POST /api/prescriptions/import, served by the API's worker processes
// so that the peak RSS (VmHWM) of the worker that imported is the import's alone; the flags are
// raised within it. Targets: < 60 s, peak RSS < 500 MB. BENCH_RX_ROWS changes the row count.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { benchSystem, login, peakHttpRss, printTiming, timed } from './lib';
import { writeRxFile } from './rxFile';

const ROWS = Number(process.env.BENCH_RX_ROWS ?? 500_000);

const sys = await benchSystem(0.01);
let ok = true;
const file = path.join(os.tmpdir(), `rx-bench-${process.pid}.xlsx`);
try {
  await writeRxFile(file, ROWS);
  const token = await login(sys.url, 'admin');
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), 'prescriptions.xlsx');
  // through node:http, without fetch's 300 s wait for the answer's headers: a slow import is measured, not cut off
  const request = new Request(`${sys.url}/api/prescriptions/import`, { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const imported = await timed(
    () =>
      new Promise<{ accepted: number; rejected_rows: number; prescriptions: number; flagged: number }>((resolve, reject) => {
        const req = http.request(
          `${sys.url}/api/prescriptions/import`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': request.headers.get('content-type')!, 'content-length': body.length },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve(JSON.parse(text) as { accepted: number; rejected_rows: number; prescriptions: number; flagged: number }));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
  );
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
