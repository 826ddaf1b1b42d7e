// 诊断中心统计表: the centres' figures of a period as the figures screen shows them — per centre, per
// service and urgency, per requesting unit (volumes, turnaround median and P90 against the norm, the
// on-time share, critical values and their acknowledgement, the sample's agreement, evaluations,
// fees), each with a 合计 row of its counts; the workload per reader; the chest-pain channel per
// township; the remote consultations per host and month; the village clinics and the ECGs they sent
// this year (national indicator).
import type { Writable } from 'node:stream';
import { DX_URGENCY, type chestPainFiguresOf, type diagnosisFigures } from '../api/diagnosis';
import { addSheet, amount, labelledSheet, labelOf, streamingWorkbook, sumAmounts, sumCounts, writeRow, type SheetColumn } from './xlsx';

type Figures = Awaited<ReturnType<typeof diagnosisFigures>>;
type FigureRow = Figures['services'][number];

export interface DiagnosisWorkbookData {
  from: string;
  to: string;
  figures: Figures;
  chestPain: Awaited<ReturnType<typeof chestPainFiguresOf>>;
}

const COUNTS = [
  'requests',
  'returned',
  'reported',
  'on_time',
  'late',
  'critical',
  'critical_acknowledged',
  'escalated',
  'sampled',
  'sample_agree',
  'evaluated',
] as const;
const MEASURES: SheetColumn[] = [
  { header: '申请数', key: 'requests', fmt: 'count' },
  { header: '退回', key: 'returned', fmt: 'count' },
  { header: '已报告', key: 'reported', fmt: 'count' },
  { header: '时限（分钟）', key: 'norm_minutes', fmt: 'count' },
  { header: '用时中位数（分钟）', key: 'median_minutes', fmt: 'score' },
  { header: '用时P90（分钟）', key: 'p90_minutes', fmt: 'score' },
  { header: '按时', key: 'on_time', fmt: 'count' },
  { header: '超时', key: 'late', fmt: 'count' },
  { header: '按时率', key: 'on_time_share', fmt: 'rate' },
  { header: '危急值', key: 'critical', fmt: 'count' },
  { header: '危急值已确认', key: 'critical_acknowledged', fmt: 'count' },
  { header: '确认用时中位数（分钟）', key: 'median_ack_minutes', fmt: 'score' },
  { header: '确认用时最长（分钟）', key: 'max_ack_minutes', fmt: 'score' },
  { header: '危急值升级', key: 'escalated', fmt: 'count' },
  { header: '抽查复核', key: 'sampled', fmt: 'count' },
  { header: '复核一致', key: 'sample_agree', fmt: 'count' },
  { header: '复核符合率', key: 'sample_agreement', fmt: 'rate' },
  { header: '评价数', key: 'evaluated', fmt: 'count' },
  { header: '平均评分', key: 'mean_score', fmt: 'score' },
  { header: '报告费用', key: 'fees', fmt: 'money' },
];

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);

export async function writeDiagnosisWorkbook(out: Writable, data: DiagnosisWorkbookData) {
  const wb = streamingWorkbook(out);
  const f = data.figures;
  const urgency = DX_URGENCY.messages('zh');

  const { sheet: summary, line } = labelledSheet(wb, '汇总');
  const all = Object.fromEntries(COUNTS.map((k) => [k, sumCounts(f.centres, k)])) as Record<(typeof COUNTS)[number], number>;
  line('统计期间', `${data.from} 至 ${data.to}`, undefined, '按申请提交时间（北京时间）');
  line('申请数', all.requests, 'count');
  line('已报告', all.reported, 'count');
  line('按时率', ratio(all.on_time, all.on_time + all.late), 'rate', '按时 ÷（按时 + 超时）；未报告且已过时限计为超时，退回不计');
  line('危急值', all.critical, 'count');
  line('危急值已确认', all.critical_acknowledged, 'count');
  line('报告费用', sumAmounts(f.centres.map((c) => c.fees)), 'money');
  line(`${f.village_ecg.year}年村卫生室总数`, f.village_ecg.village_clinics, 'count');
  line(`${f.village_ecg.year}年向心电诊断中心发送心电的村卫生室`, f.village_ecg.sent, 'count');
  line('村卫生室心电覆盖率', f.village_ecg.share, 'rate', '国家监测指标：本年度向心电诊断中心发送心电图的村卫生室占比（退回未读的不计）');
  summary.commit();

  const table = (name: string, head: SheetColumn[], rows: FigureRow[], toCells: (r: FigureRow) => Record<string, unknown>) => {
    const sheet = addSheet(wb, name, [{ header: '诊断中心', key: 'centre_name', width: 18 }, ...head, ...MEASURES]);
    for (const r of rows) writeRow(sheet, { ...r, ...toCells(r), fees: amount(r.fees) });
    const total = Object.fromEntries(COUNTS.map((k) => [k, sumCounts(rows, k)]));
    writeRow(
      sheet,
      {
        centre_name: '合计',
        ...total,
        on_time_share: ratio(total.on_time, total.on_time + total.late),
        sample_agreement: ratio(total.sample_agree, total.sampled),
        fees: sumAmounts(rows.map((r) => r.fees)),
      },
      true,
    );
    sheet.commit();
  };
  table('按中心', [], f.centres, () => ({}));
  table(
    '按服务项目',
    [
      { header: '服务项目', key: 'label', width: 22 },
      { header: '紧急程度', key: 'urgency', width: 10 },
    ],
    f.services,
    (r) => ({ urgency: labelOf(urgency, r.urgency) }),
  );
  table('按申请单位', [{ header: '申请单位', key: 'label', width: 24 }], f.units, () => ({}));

  const READER_COUNTS = ['reports', 'emergency', 'critical', 'late', 'cosigned'] as const;
  const readers = addSheet(wb, '医师工作量', [
    { header: '诊断中心', key: 'centre_name', width: 18 },
    { header: '医师', key: 'name', width: 12 },
    ...READER_COUNTS.map((key, i) => ({ header: ['签发报告', '其中急诊', '其中危急值', '其中超时', '复核签名'][i], key, fmt: 'count' as const })),
    { header: '签发报告费用', key: 'fees', fmt: 'money' },
  ]);
  for (const r of f.readers) writeRow(readers, { ...r, fees: amount(r.fees) });
  writeRow(
    readers,
    { centre_name: '合计', ...Object.fromEntries(READER_COUNTS.map((k) => [k, sumCounts(f.readers, k)])), fees: sumAmounts(f.readers.map((r) => r.fees)) },
    true,
  );
  readers.commit();

  const CP_COUNTS = ['cases', 'open', 'pci', 'fibrinolysis', 'transfer_out', 'within_90'] as const;
  const chestPain = addSheet(wb, '胸痛中心（按乡镇）', [
    { header: '乡镇', key: 'township_name', width: 20 },
    ...CP_COUNTS.map((key, i) => ({ header: ['病例', '未结束', '急诊PCI', '溶栓', '转出', 'FMC至球囊≤90分钟'][i], key, fmt: 'count' as const })),
    { header: 'FMC至球囊中位数（分钟）', key: 'median_fmc_to_balloon', fmt: 'score' },
    { header: '90分钟内比例', key: 'within_90_share', fmt: 'rate' },
  ]);
  for (const r of data.chestPain) writeRow(chestPain, { ...r });
  const cp = Object.fromEntries(CP_COUNTS.map((k) => [k, sumCounts(data.chestPain, k)]));
  writeRow(chestPain, { township_name: '合计', ...cp, within_90_share: ratio(cp.within_90, cp.pci) }, true);
  chestPain.commit();

  // 远程会诊: per host (the period) and per host and month — invited, held, opinions, turnaround and on-time share
  const CONSULT_COUNTS = ['consultations', 'held', 'opinions', 'on_time', 'late'] as const;
  const consult = addSheet(wb, '远程会诊', [
    { header: '会诊中心', key: 'host_unit_name', width: 22 },
    { header: '月份', key: 'month', width: 10 },
    ...CONSULT_COUNTS.map((key, i) => ({ header: ['邀请数', '已会诊', '已出意见', '按时出意见', '超时'][i], key, fmt: 'count' as const })),
    { header: '邀请至意见中位数（小时）', key: 'median_hours', fmt: 'score' },
    { header: '邀请至意见P90（小时）', key: 'p90_hours', fmt: 'score' },
    { header: '按时率', key: 'on_time_share', fmt: 'rate' },
    { header: '会诊费用', key: 'fees', fmt: 'money' },
  ]);
  for (const h of f.consultations.hosts) {
    writeRow(consult, { ...h, month: '全期', fees: amount(h.fees) }, true);
    for (const m of f.consultations.months.filter((r) => r.host_org_unit_id === h.host_org_unit_id)) writeRow(consult, { ...m, fees: amount(m.fees) });
  }
  consult.commit();

  const villages = addSheet(wb, '村卫生室心电', [
    { header: '村卫生室', key: 'unit_name', width: 24 },
    { header: `${f.village_ecg.year}年心电申请`, key: 'requests', fmt: 'count' },
    { header: '已发送', key: 'sent', width: 8 },
  ]);
  for (const v of f.village_ecg.villages) writeRow(villages, { ...v, sent: v.requests > 0 ? '是' : '否' });
  writeRow(villages, { unit_name: '合计', requests: sumCounts(f.village_ecg.villages, 'requests'), sent: f.village_ecg.sent }, true);
  villages.commit();
  await wb.commit();
}
