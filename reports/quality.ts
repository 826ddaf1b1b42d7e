// 质量管理报表: the quality office's period in one workbook — 检查 (each inspection: the unit, who
// inspected it, the checklist, status and score, how many findings), 问题整改 (each finding of those
// inspections: severity, deadline, the rectification's state, 逾期, times sent back, the dates of the
// loop), 单位得分 (each unit's quality score with the figures behind it) and 说明. Labels are the API's.
import type { Writable } from 'node:stream';
import { FINDING_STATUS, INSPECTION_KIND, INSPECTION_STATUS, SEVERITY, type qualityReport } from '../api/quality';
import { addSheet, amount, day, labelledSheet, shanghaiTime, streamingWorkbook, writeRow } from './xlsx';

export type QualityWorkbookData = Awaited<ReturnType<typeof qualityReport>>;

export async function writeQualityWorkbook(out: Writable, data: QualityWorkbookData) {
  const wb = streamingWorkbook(out);
  const inspections = addSheet(wb, '检查', [
    { header: '编号', key: 'id', width: 8 },
    { header: '检查日期', key: 'inspected_on', fmt: 'date' },
    { header: '方式', key: 'kind', width: 10 },
    { header: '受检单位', key: 'unit_name', width: 24 },
    { header: '检查方', key: 'inspector', width: 26 },
    { header: '检查评分表', key: 'checklist', width: 24 },
    { header: '状态', key: 'status', width: 9 },
    { header: '得分', key: 'score', fmt: 'score' },
    { header: '问题数', key: 'findings', fmt: 'count' },
  ]);
  for (const i of data.inspections)
    writeRow(inspections, {
      ...i,
      inspected_on: day(i.inspected_on),
      kind: INSPECTION_KIND.zh(i.kind),
      status: INSPECTION_STATUS.zh(i.status),
      score: amount(i.score),
    });
  inspections.commit();

  const findings = addSheet(wb, '问题整改', [
    { header: '编号', key: 'id', width: 8 },
    { header: '检查编号', key: 'inspection_id', width: 9 },
    { header: '责任单位', key: 'unit_name', width: 24 },
    { header: '问题', key: 'title', width: 30 },
    { header: '严重程度', key: 'severity', width: 9 },
    { header: '整改期限', key: 'deadline', fmt: 'date' },
    { header: '整改状态', key: 'status', width: 10 },
    { header: '逾期', key: 'overdue', width: 6 },
    { header: '退回次数', key: 'rejections', fmt: 'count' },
    { header: '整改措施', key: 'rectification', width: 36 },
    { header: '报告整改时间', key: 'reported_at', fmt: 'datetime' },
    { header: '销号时间', key: 'closed_at', fmt: 'datetime' },
    { header: '逾期上报时间', key: 'escalated_at', fmt: 'datetime' },
  ]);
  for (const f of data.findings)
    writeRow(findings, {
      ...f,
      severity: SEVERITY.zh(f.severity),
      deadline: day(f.deadline),
      status: FINDING_STATUS.zh(f.status),
      overdue: f.overdue ? '是' : '',
      rectification: f.rectification ?? '',
      reported_at: shanghaiTime(f.reported_at),
      closed_at: shanghaiTime(f.closed_at),
      escalated_at: shanghaiTime(f.escalated_at),
    });
  findings.commit();

  const scores = addSheet(wb, '单位得分', [
    { header: '单位编码', key: 'unit_code', width: 10 },
    { header: '单位', key: 'unit_name', width: 24 },
    { header: '检查次数', key: 'inspections', fmt: 'count' },
    { header: '检查平均分', key: 'base', fmt: 'score' },
    { header: '未销号问题', key: 'open', fmt: 'count' },
    { header: '其中逾期', key: 'overdue', fmt: 'count' },
    { header: '扣分', key: 'deduction', fmt: 'score' },
    { header: '质量得分', key: 'score', fmt: 'score' },
  ]);
  for (const s of data.scores) writeRow(scores, { ...s });
  scores.commit();

  const { sheet: notes, line } = labelledSheet(wb, '说明');
  line('期间', `${data.from} 至 ${data.to}`, undefined, '检查日期在期间内的检查及其问题；得分按期末（或今天）计');
  line('检查得分', '各项得分之和 ÷ 评分表满分 × 100', undefined, '两位小数');
  line('质量得分', '期间检查平均分 − 未销号问题扣分', undefined, '一般 1 分、较重 3 分、严重 5 分，逾期加倍；最低 0 分；期间未检查的单位无得分');
  notes.commit();
  await wb.commit();
}
