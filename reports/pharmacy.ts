// 合理用药指标与处方点评月报: per unit, the month's figures against their targets (the drug share from
// the claims, the outpatient antibiotic and injection rates, drugs per prescription, the flagged and
// reviewed shares) with numerator and denominator; the prescriptions flagged per rule, reviewed and
// their outcomes, and the actions against prescribers by kind and state; then each action, and a
// 说明 sheet. Labels are the API's (api/pharmacy/enums.ts).
import type { Writable } from 'node:stream';
import { PRESCRIBER_ACTION_KIND, PRESCRIBER_ACTION_STATUS, RX_FIGURE, RX_FLAG, RX_IRRATIONAL_REASON, type FiguresReport } from '../api/pharmacy';
import { addSheet, amount, FORMATS, labelledSheet, shanghaiTime, streamingWorkbook, sumCounts, writeRow, day } from './xlsx';

const STANDING = (met: boolean | null) => (met === null ? '—' : met ? '达标' : '未达标');

export async function writePharmacyWorkbook(out: Writable, data: FiguresReport) {
  const wb = streamingWorkbook(out);
  const figures = addSheet(wb, '合理用药指标', [
    { header: '单位编码', key: 'code', width: 10 },
    { header: '单位', key: 'name', width: 26 },
    { header: '指标', key: 'figure', width: 22 },
    { header: '导向', key: 'direction', width: 8 },
    { header: '分子', key: 'numerator', width: 14 },
    { header: '分母', key: 'denominator', width: 14 },
    { header: '指标值', key: 'value', width: 12 },
    { header: '目标值', key: 'target', width: 12 },
    { header: '评价', key: 'standing', width: 9 },
  ]);
  for (const u of data.units)
    for (const f of RX_FIGURE.values) {
      const fig = u.figures[f];
      const row = figures.addRow({
        code: u.code,
        name: u.name,
        figure: RX_FIGURE.zh(f),
        direction: RX_FIGURE.labels[f].direction === 'max' ? '不高于' : '不低于',
        numerator: Number(fig.numerator),
        denominator: Number(fig.denominator),
        value: fig.value,
        target: fig.target,
        standing: STANDING(fig.met),
      });
      const fmt = f === 'avg_drugs' ? FORMATS.score : FORMATS.rate;
      for (const key of ['value', 'target']) row.getCell(key).numFmt = fmt;
      if (f === 'drug_share') for (const key of ['numerator', 'denominator']) row.getCell(key).numFmt = FORMATS.money;
      if (fig.met === false) row.getCell('standing').font = { bold: true, color: { argb: 'FFC00000' } };
      row.commit();
    }
  figures.commit();

  const kinds = PRESCRIBER_ACTION_KIND.values.flatMap((k) => PRESCRIBER_ACTION_STATUS.values.map((s) => [k, s] as const));
  const review = addSheet(wb, '处方点评汇总', [
    { header: '单位编码', key: 'code', width: 10 },
    { header: '单位', key: 'name', width: 26 },
    { header: '处方数', key: 'prescriptions', fmt: 'count' },
    { header: '门急诊处方', key: 'outpatient', fmt: 'count' },
    { header: '预警处方', key: 'flagged', fmt: 'count' },
    ...RX_FLAG.values.map((f) => ({ header: RX_FLAG.zh(f), key: `flag_${f}`, fmt: 'count' as const, width: 14 })),
    { header: '已点评', key: 'reviewed', fmt: 'count' },
    { header: '合理', key: 'rational', fmt: 'count' },
    ...RX_IRRATIONAL_REASON.values.map((r) => ({ header: RX_IRRATIONAL_REASON.zh(r), key: `irrational_${r}`, fmt: 'count' as const, width: 14 })),
    ...kinds.map(([k, s]) => ({
      header: `${PRESCRIBER_ACTION_KIND.zh(k)}·${PRESCRIBER_ACTION_STATUS.zh(s)}`,
      key: `action_${k}_${s}`,
      fmt: 'count' as const,
      width: 14,
    })),
  ]);
  const reviewRow = (u: FiguresReport['units'][number]) => ({
    code: u.code,
    name: u.name,
    prescriptions: u.prescriptions,
    outpatient: u.outpatient,
    flagged: u.flagged,
    ...Object.fromEntries(RX_FLAG.values.map((f) => [`flag_${f}`, u.flags[f]])),
    reviewed: u.reviewed,
    rational: u.outcomes.rational,
    ...Object.fromEntries(RX_IRRATIONAL_REASON.values.map((r) => [`irrational_${r}`, u.outcomes[r]])),
    ...Object.fromEntries(kinds.map(([k, s]) => [`action_${k}_${s}`, u.actions[k][s]])),
  });
  const rows = data.units.map(reviewRow);
  for (const r of rows) writeRow(review, r);
  const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== 'code' && k !== 'name');
  writeRow(review, { name: '合计', ...Object.fromEntries(keys.map((k) => [k, sumCounts(rows as Record<string, unknown>[], k)])) }, true);
  review.commit();

  const actions = addSheet(wb, '医师处理明细', [
    { header: '编号', key: 'id', width: 8 },
    { header: '单位', key: 'unit_name', width: 24 },
    { header: '处方医师', key: 'prescriber_name', width: 12 },
    { header: '人员档案', key: 'prescriber_staff_name', width: 12 },
    { header: '处理方式', key: 'kind', width: 10 },
    { header: '停用药品', key: 'drug_name', width: 14 },
    { header: '处罚金额', key: 'amount', fmt: 'money' },
    { header: '事由', key: 'reason', width: 36 },
    { header: '办结期限', key: 'due_on', fmt: 'date' },
    { header: '状态', key: 'status', width: 9 },
    { header: '办理结果', key: 'outcome', width: 30 },
    { header: '登记时间', key: 'created_at', fmt: 'datetime' },
    { header: '办结时间', key: 'closed_at', fmt: 'datetime' },
  ]);
  for (const a of data.actions)
    writeRow(actions, {
      ...a,
      kind: PRESCRIBER_ACTION_KIND.zh(a.kind),
      status: PRESCRIBER_ACTION_STATUS.zh(a.status),
      amount: amount(a.amount),
      due_on: day(a.due_on),
      created_at: shanghaiTime(a.created_at),
      closed_at: shanghaiTime(a.closed_at),
    });
  actions.commit();

  const { sheet: notes, line } = labelledSheet(wb, '说明');
  line('月份', data.month, undefined, '处方按处方日期计入该月');
  line('药占比', '药品费用 ÷ 医疗总费用', undefined, '取医保结算中该单位本月的费用（分子、分母单位为元）');
  line(
    '门诊指标',
    '门急诊处方',
    undefined,
    '抗菌药物、注射剂使用率为使用该类药品的门急诊处方 ÷ 门急诊处方数；平均品种数为门急诊处方药品品种之和 ÷ 门急诊处方数',
  );
  line('预警', '按点评规则自动预警', undefined, '一张处方可有多种预警，故各规则之和可大于预警处方数');
  line('医师处理', '本月登记的处理及仍在处理中的处理', undefined, '按单位、处理方式和当前状态计数');
  notes.commit();
  await wb.commit();
}
