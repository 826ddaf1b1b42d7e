// 双向转诊报表: every referral of the period with its times (Beijing time) and fees; counts per
// unit and direction with a total; timeliness per receiving unit with a total. Streaming: a year
// of the whole group stays small in memory. Labels are the API's (the domains' enums).
import type { Writable } from 'node:stream';
import { UNIT_LEVEL } from '../api/org';
import { REFERRAL_DIRECTION, REFERRAL_PURPOSE, REFERRAL_STATUS, REFERRAL_URGENCY } from '../api/referrals';
import { addSheet, amount, labelOf, shanghaiTime, streamingWorkbook, sumCounts, writeRow } from './xlsx';

export interface ReferralsWorkbookData {
  rows: AsyncIterable<object>;
  units: {
    code: string;
    name: string;
    level: number;
    up: number;
    down: number;
    out: number;
    completed: number;
    up_completed: number;
    received: number;
    received_completed: number;
  }[];
  timeliness: {
    code: string;
    name: string;
    requests: number;
    answered: number;
    accepted: number;
    within: number;
    overdue_open: number;
    median_minutes_to_accept: number | null;
    share_within: number | null;
  }[];
}

const minutesBetween = (a: unknown, b: unknown) => (a && b ? Math.round((new Date(b as string).getTime() - new Date(a as string).getTime()) / 60_000) : null);
const TIMES = ['requested_at', 'due_at', 'answered_at', 'appointment_at', 'arrived_at', 'completed_at'] as const;
const FEES = ['registration_due', 'threshold', 'threshold_offset', 'threshold_due'] as const;

export async function writeReferralsWorkbook(out: Writable, data: ReferralsWorkbookData) {
  const wb = streamingWorkbook(out);
  const list = addSheet(wb, '转诊明细', [
    { header: '编号', key: 'id', width: 9 },
    { header: '申请时间', key: 'requested_at', fmt: 'datetime' },
    { header: '转出单位', key: 'from_unit_name', width: 22 },
    { header: '转诊医生', key: 'from_doctor_name', width: 14 },
    { header: '接收单位', key: 'to_unit_name', width: 22 },
    { header: '接收科室', key: 'to_department_name', width: 12 },
    { header: '方向', key: 'direction', width: 7 },
    { header: '紧急程度', key: 'urgency', width: 10 },
    { header: '目的', key: 'purpose', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '患者', key: 'patient_name', width: 10 },
    { header: '身份证号', key: 'patient_id_number_masked', width: 20 },
    { header: 'ICD-10', key: 'diagnosis_code', width: 9 },
    { header: '诊断', key: 'diagnosis_text', width: 20 },
    { header: '应答时限', key: 'due_at', fmt: 'datetime' },
    { header: '应答时间', key: 'answered_at', fmt: 'datetime' },
    { header: '应答用时（分钟）', key: 'answer_minutes', fmt: 'count' },
    { header: '时限内', key: 'within', width: 7 },
    { header: '预约时间', key: 'appointment_at', fmt: 'datetime' },
    { header: '到院时间', key: 'arrived_at', fmt: 'datetime' },
    { header: '完成时间', key: 'completed_at', fmt: 'datetime' },
    { header: '挂号费', key: 'registration_due', fmt: 'money' },
    { header: '起付线', key: 'threshold', fmt: 'money' },
    { header: '已付冲抵', key: 'threshold_offset', fmt: 'money' },
    { header: '应付起付线', key: 'threshold_due', fmt: 'money' },
    { header: '拒绝/取消原因', key: 'status_reason', width: 24 },
  ]);
  for await (const row of data.rows) {
    const r = row as Record<string, unknown>;
    const fees = (r.fees ?? {}) as Record<string, string>;
    writeRow(list, {
      ...r,
      ...Object.fromEntries(TIMES.map((k) => [k, shanghaiTime(r[k] as Date | string | null)])),
      direction: labelOf(REFERRAL_DIRECTION.messages('zh'), r.direction as string),
      urgency: labelOf(REFERRAL_URGENCY.messages('zh'), r.urgency as string),
      purpose: labelOf(REFERRAL_PURPOSE.messages('zh'), r.purpose as string),
      status: labelOf(REFERRAL_STATUS.messages('zh'), r.status as string),
      answer_minutes: minutesBetween(r.requested_at, r.answered_at),
      within: r.answered_at ? (new Date(r.answered_at as string) <= new Date(r.due_at as string) ? '是' : '否') : null,
      ...Object.fromEntries(FEES.map((k) => [k, amount(fees[k])])),
    });
  }
  list.commit();

  const COUNTS = ['up', 'down', 'out', 'completed', 'up_completed', 'received', 'received_completed'] as const;
  const units = addSheet(wb, '按单位方向统计', [
    { header: '单位编码', key: 'code' },
    { header: '单位', key: 'name', width: 24 },
    { header: '级别', key: 'level', width: 12 },
    ...COUNTS.map((key, i) => ({ header: ['上转', '下转', '转出县外', '已完成', '上转已完成', '接收', '接收已完成'][i], key, fmt: 'count' as const })),
  ]);
  for (const u of data.units) writeRow(units, { ...u, level: labelOf(UNIT_LEVEL.messages('zh'), String(u.level)) });
  writeRow(units, { name: '合计', ...Object.fromEntries(COUNTS.map((k) => [k, sumCounts(data.units, k)])) }, true);
  units.commit();

  const TIMELY = ['requests', 'answered', 'accepted', 'within', 'overdue_open'] as const;
  const timely = addSheet(wb, '及时性', [
    { header: '单位编码', key: 'code' },
    { header: '接收单位', key: 'name', width: 24 },
    ...TIMELY.map((key, i) => ({ header: ['申请数', '已应答', '已接收', '时限内应答', '超时未应答'][i], key, fmt: 'count' as const })),
    { header: '接收用时中位数（分钟）', key: 'median_minutes_to_accept', fmt: 'score' },
    { header: '时限内应答比例', key: 'share_within', fmt: 'rate' },
  ]);
  for (const t of data.timeliness) writeRow(timely, t);
  const total = Object.fromEntries(TIMELY.map((k) => [k, sumCounts(data.timeliness, k)]));
  const due = total.answered + total.overdue_open; // as the API: answered or overdue
  writeRow(timely, { name: '合计', ...total, share_within: due ? Math.round((total.within / due) * 10000) / 10000 : null }, true);
  timely.commit();
  await wb.commit();
}
