// 双向转诊报表: every referral of the period with its times and fees; counts per unit and
// direction; timeliness per receiving unit. Streaming: a year of the whole group stays small in memory.
import type { Writable } from 'node:stream';
import { addSheet, MONEY_FORMAT, PERCENT_FORMAT, streamingWorkbook } from './xlsx';

export interface ReferralsWorkbookData {
  rows: AsyncIterable<object>;
  units: { code: string; name: string; level: number; up: number; down: number; out: number; completed: number; up_completed: number; received: number; received_completed: number }[];
  timeliness: { code: string; name: string; requests: number; answered: number; accepted: number; within: number; overdue_open: number; median_minutes_to_accept: number | null; share_within: number | null }[];
}

const minutesBetween = (a: unknown, b: unknown) => (a && b ? Math.round((new Date(b as string).getTime() - new Date(a as string).getTime()) / 60_000) : null);
const money = (v: unknown) => (v == null ? null : Number(v)); // exceljs writes numbers; the text is exact to the fen
const time = (v: unknown) => (v == null ? null : new Date(v as string));

export async function writeReferralsWorkbook(out: Writable, data: ReferralsWorkbookData) {
  const wb = streamingWorkbook(out);
  const list = addSheet(wb, '转诊明细', [
    { header: '编号', key: 'id', width: 9 },
    { header: '申请时间', key: 'requested_at', width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
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
    { header: '应答时限', key: 'due_at', width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
    { header: '应答时间', key: 'answered_at', width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
    { header: '应答用时(分)', key: 'answer_minutes', width: 12 },
    { header: '时限内', key: 'within', width: 7 },
    { header: '预约时间', key: 'appointment_at', width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
    { header: '到院时间', key: 'arrived_at', width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
    { header: '完成时间', key: 'completed_at', width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
    { header: '挂号费', key: 'registration_due', numFmt: MONEY_FORMAT },
    { header: '起付线', key: 'threshold', numFmt: MONEY_FORMAT },
    { header: '已付冲抵', key: 'threshold_offset', numFmt: MONEY_FORMAT },
    { header: '应付起付线', key: 'threshold_due', numFmt: MONEY_FORMAT },
    { header: '拒绝/取消原因', key: 'status_reason', width: 24 },
  ]);
  for await (const row of data.rows) {
    const r = row as Record<string, unknown>;
    const fees = (r.fees ?? {}) as Record<string, string>;
    list
      .addRow({
        ...r,
        requested_at: time(r.requested_at),
        due_at: time(r.due_at),
        answered_at: time(r.answered_at),
        appointment_at: time(r.appointment_at),
        arrived_at: time(r.arrived_at),
        completed_at: time(r.completed_at),
        answer_minutes: minutesBetween(r.requested_at, r.answered_at),
        within: r.answered_at ? (new Date(r.answered_at as string) <= new Date(r.due_at as string) ? '是' : '否') : null,
        registration_due: money(fees.registration_due),
        threshold: money(fees.threshold),
        threshold_offset: money(fees.threshold_offset),
        threshold_due: money(fees.threshold_due),
      })
      .commit();
  }
  list.commit();

  const units = addSheet(wb, '按单位方向统计', [
    { header: '单位编码', key: 'code' },
    { header: '单位', key: 'name', width: 24 },
    { header: '级别', key: 'level', width: 6 },
    { header: '上转', key: 'up', width: 8 },
    { header: '下转', key: 'down', width: 8 },
    { header: '转出县外', key: 'out', width: 10 },
    { header: '已完成', key: 'completed', width: 8 },
    { header: '上转已完成', key: 'up_completed', width: 10 },
    { header: '接收', key: 'received', width: 8 },
    { header: '接收已完成', key: 'received_completed', width: 10 },
  ]);
  for (const u of data.units) units.addRow(u).commit();
  units.commit();

  const timely = addSheet(wb, '及时性', [
    { header: '单位编码', key: 'code' },
    { header: '接收单位', key: 'name', width: 24 },
    { header: '申请数', key: 'requests', width: 8 },
    { header: '已应答', key: 'answered', width: 8 },
    { header: '已接收', key: 'accepted', width: 8 },
    { header: '时限内应答', key: 'within', width: 10 },
    { header: '超时未应答', key: 'overdue_open', width: 10 },
    { header: '接收用时中位数(分)', key: 'median_minutes_to_accept', width: 16 },
    { header: '时限内比例', key: 'share_within', width: 10, numFmt: PERCENT_FORMAT },
  ]);
  for (const t of data.timeliness) timely.addRow(t).commit();
  timely.commit();
  await wb.commit();
}
