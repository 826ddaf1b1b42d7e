// 健康管理工作量报表: one row per village doctor (follow-ups by type, tasks due/done/missed,
// contracts signed) with a total row per township and a grand total; a second sheet with
// the indicators per village (numerator, denominator, rate).
import type { Writable } from 'node:stream';
import { addSheet, streamingWorkbook, writeRow, type SheetColumn } from './xlsx';
import { type WorkloadRow, FOLLOWUP_TYPE, INDICATOR, type HealthIndicators } from '../api/health';

export interface WorkloadReport {
  period: string;
  rows: WorkloadRow[];
  indicators: {
    org_unit: { name: string };
    indicators: HealthIndicators;
    units: { code: string; name: string; indicators: HealthIndicators }[];
  };
}

type Counts = Pick<WorkloadRow, 'followups' | 'followups_total' | 'tasks_due' | 'tasks_done' | 'tasks_missed' | 'contracts_signed'>;
const empty = (): Counts => ({ followups: {}, followups_total: 0, tasks_due: 0, tasks_done: 0, tasks_missed: 0, contracts_signed: 0 });
function add(into: Counts, r: Counts) {
  for (const [k, v] of Object.entries(r.followups)) into.followups[k] = (into.followups[k] ?? 0) + v;
  into.followups_total += r.followups_total;
  into.tasks_due += r.tasks_due;
  into.tasks_done += r.tasks_done;
  into.tasks_missed += r.tasks_missed;
  into.contracts_signed += r.contracts_signed;
}

export async function buildHealthWorkload(out: Writable, report: WorkloadReport) {
  const wb = streamingWorkbook(out);
  const columns: SheetColumn[] = [
    { header: '乡镇卫生院', key: 'township', width: 22 },
    { header: '村卫生室', key: 'village', width: 18 },
    { header: '村医账号', key: 'username', width: 14 },
    { header: '村医', key: 'doctor', width: 14 },
    ...FOLLOWUP_TYPE.values.map((t) => ({ header: FOLLOWUP_TYPE.zh(t), key: `f_${t}`, width: 12, fmt: 'count' as const })),
    { header: '随访合计', key: 'followups_total', width: 10, fmt: 'count' as const },
    { header: '应完成任务', key: 'tasks_due', width: 10, fmt: 'count' as const },
    { header: '已完成任务', key: 'tasks_done', width: 10, fmt: 'count' as const },
    { header: '漏访任务', key: 'tasks_missed', width: 10, fmt: 'count' as const },
    { header: '签约数', key: 'contracts_signed', width: 10, fmt: 'count' as const },
  ];
  const sheet = addSheet(wb, `工作量 ${report.period}`, columns);
  const line = (head: Record<string, string>, c: Counts, bold = false) =>
    writeRow(
      sheet,
      {
        ...head,
        ...Object.fromEntries(FOLLOWUP_TYPE.values.map((t) => [`f_${t}`, c.followups[t] ?? 0])),
        followups_total: c.followups_total,
        tasks_due: c.tasks_due,
        tasks_done: c.tasks_done,
        tasks_missed: c.tasks_missed,
        contracts_signed: c.contracts_signed,
      },
      bold,
    );
  const grand = empty();
  let township: { id: number; name: string; totals: Counts } | undefined;
  const closeTownship = () => township && line({ township: `${township.name} 合计` }, township.totals, true);
  for (const r of report.rows) {
    if (township?.id !== r.township_id) {
      closeTownship();
      township = { id: r.township_id, name: r.township, totals: empty() };
    }
    line({ township: r.township, village: r.village, username: r.username, doctor: r.doctor }, r);
    add(township.totals, r);
    add(grand, r);
  }
  closeTownship();
  line({ township: '总计' }, grand, true);
  sheet.commit();

  const ind = addSheet(wb, '考核指标', [
    { header: '单位编码', key: 'code', width: 10 },
    { header: '单位', key: 'name', width: 22 },
    ...INDICATOR.values.flatMap((k) => [
      { header: `${INDICATOR.zh(k)}分子`, key: `${k}_n`, width: 12, fmt: 'count' as const },
      { header: `${INDICATOR.zh(k)}分母`, key: `${k}_d`, width: 12, fmt: 'count' as const },
      { header: INDICATOR.zh(k), key: `${k}_v`, fmt: 'rate' as const },
    ]),
  ]);
  const indicatorRow = (code: string, name: string, i: HealthIndicators, bold = false) =>
    writeRow(
      ind,
      {
        code,
        name,
        ...Object.fromEntries(
          INDICATOR.values.flatMap((k) => [
            [`${k}_n`, i[k].numerator],
            [`${k}_d`, i[k].denominator],
            [`${k}_v`, i[k].value],
          ]),
        ),
      },
      bold,
    );
  indicatorRow('', report.indicators.org_unit.name, report.indicators.indicators, true);
  for (const u of report.indicators.units) indicatorRow(u.code, u.name, u.indicators);
  ind.commit();
  await wb.commit();
}
