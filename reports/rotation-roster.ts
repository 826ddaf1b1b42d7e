// 轮转花名册: sheet 1 every rotation of the year; sheet 2 quota vs filled per direction;
// sheet 3 per receiving unit the experts received against trainees sent up (等量 = 0); each with a 合计 row.
import type { Writable } from 'node:stream';
import type { RotationRosterData } from '../api/hr';
import { addSheet, day, streamingWorkbook, sumCounts, writeRow } from './xlsx';

export async function writeRotationRoster(out: Writable, data: RotationRosterData) {
  const wb = streamingWorkbook(out);
  const list = addSheet(wb, `${data.year}年轮转人员`, [
    { header: '编号', key: 'id', width: 8 },
    { header: '姓名', key: 'staff_name', width: 10 },
    { header: '职称', key: 'title', width: 12 },
    { header: '派出单位', key: 'home', width: 24 },
    { header: '接收单位', key: 'host', width: 24 },
    { header: '类型', key: 'type', width: 10 },
    { header: '开始日期', key: 'start_on', fmt: 'date' },
    { header: '结束日期', key: 'end_on', fmt: 'date' },
    { header: '状态', key: 'status', width: 8 },
    { header: '任务', key: 'purpose', width: 30 },
  ]);
  for (const r of data.rotations) list.addRow({ ...r, start_on: day(r.start_on), end_on: day(r.end_on) }).commit();
  list.commit();

  const quota = addSheet(wb, '计划完成情况', [
    { header: '方向', key: 'direction', width: 22 },
    { header: '计划名额', key: 'quota', width: 10, fmt: 'count' },
    { header: '已安排', key: 'filled', width: 10, fmt: 'count' },
    { header: '差额', key: 'gap', width: 10, fmt: 'count' },
  ]);
  for (const d of data.directions) quota.addRow({ ...d, gap: d.filled - d.quota }).commit();
  const sum = (k: 'quota' | 'filled') => sumCounts(data.directions, k);
  writeRow(quota, { direction: '合计', quota: sum('quota'), filled: sum('filled'), gap: sum('filled') - sum('quota') }, true);
  quota.commit();

  const bal = addSheet(wb, '上下流动平衡', [
    { header: '单位编码', key: 'code', width: 10 },
    { header: '接收单位', key: 'name', width: 24 },
    { header: '接收下派专家', key: 'experts_received', width: 14, fmt: 'count' },
    { header: '上派进修人员', key: 'trainees_sent', width: 14, fmt: 'count' },
    { header: '差额(上派-下派)', key: 'balance', width: 16, fmt: 'count' },
  ]);
  for (const b of data.balance) writeRow(bal, b);
  writeRow(
    bal,
    {
      name: '合计',
      experts_received: sumCounts(data.balance, 'experts_received'),
      trainees_sent: sumCounts(data.balance, 'trainees_sent'),
      balance: sumCounts(data.balance, 'balance'),
    },
    true,
  );
  bal.commit();
  await wb.commit();
}
