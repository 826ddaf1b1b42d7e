// 紧密型县域医共体监测指标表: the 14 national indicators of the county (or a member's subtree) in the
// national layout — 序号, 维度, 指标, 性质, 分子 and 分母 as defined, 单位, 导向, this year's and last
// year's values, 同比, 目标 and 评价 — then the managed chronic patients' admission rate per village
// with a 合计 row, and a 说明 sheet. Labels are the API's (api/monitoring/enums.ts).
import type { Writable } from 'node:stream';
import {
  BETTER,
  DIMENSION,
  INDICATOR,
  MIN_VILLAGE_PATIENTS,
  MONITORING_UNIT,
  POPULATION_SOURCE,
  STANDING,
  type IndicatorRow,
  type JudgedVillageAdmissions,
} from '../api/monitoring';
import { addSheet, FORMATS, labelledSheet, streamingWorkbook, writeRow, type Format } from './xlsx';

export interface MonitoringWorkbookData {
  unit: { name: string; level: number };
  year: number;
  indicators: IndicatorRow[];
  villages: JudgedVillageAdmissions[];
}

const valueFormat = (code: IndicatorRow['code']): Format => {
  const unit = INDICATOR.labels[code].unit;
  return unit === 'percent' ? 'rate' : unit === 'yuan' ? 'money' : 'score';
};

export async function writeMonitoringWorkbook(out: Writable, data: MonitoringWorkbookData) {
  const wb = streamingWorkbook(out);
  const { year } = data;
  const sheet = addSheet(wb, '监测指标', [
    { header: '序号', key: 'seq', width: 6 },
    { header: '维度', key: 'dimension', width: 9 },
    { header: '指标', key: 'name', width: 36 },
    { header: '性质', key: 'kind', width: 7 },
    { header: '分子定义', key: 'numerator_def', width: 40 },
    { header: '分母定义', key: 'denominator_def', width: 40 },
    { header: '单位', key: 'unit', width: 9 },
    { header: '导向', key: 'better', width: 10 },
    { header: '分子', key: 'numerator', width: 14 },
    { header: '分母', key: 'denominator', width: 14 },
    { header: `${year}年`, key: 'value', width: 14 },
    { header: `${year - 1}年`, key: 'last', width: 14 },
    { header: '同比', key: 'change', fmt: 'rate' },
    { header: '目标值', key: 'target', width: 14 },
    { header: '评价', key: 'standing', width: 9 },
  ]);
  for (const [i, r] of data.indicators.entries()) {
    const def = INDICATOR.labels[r.code];
    const row = sheet.addRow({
      seq: i + 1,
      dimension: DIMENSION.zh(def.dimension),
      name: def.zh,
      kind: def.kind === 'qualitative' ? '定性' : '定量',
      numerator_def: def.numerator?.zh ?? '自评与复核评分（佐证材料）',
      denominator_def: (def.denominator?.zh ?? '') + (r.denominator_source ? `（本表：${POPULATION_SOURCE.zh(r.denominator_source)}）` : ''),
      unit: MONITORING_UNIT.zh(def.unit),
      better: BETTER.zh(def.better),
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      last: r.last.value,
      change: r.change,
      target: r.target,
      standing: STANDING.zh(r.standing),
    });
    for (const key of ['value', 'last', 'target']) row.getCell(key).numFmt = FORMATS[valueFormat(r.code)];
    row.commit();
  }
  sheet.commit();

  const villages = addSheet(wb, '慢病管理人群住院率（按村）', [
    { header: '村卫生室', key: 'unit_name', width: 24 },
    { header: '在管高血压糖尿病患者', key: 'patients', fmt: 'count', width: 20 },
    { header: '住院人次', key: 'stays', fmt: 'count' },
    { header: '住院率', key: 'rate', fmt: 'rate' },
    { header: '排名', key: 'rank', fmt: 'count', width: 8 },
    { header: '评价', key: 'standing', width: 16 },
  ]);
  // a village with too few patients keeps its rate beside its denominator, unranked and unjudged (rules.ts MIN_VILLAGE_PATIENTS)
  for (const v of data.villages) writeRow(villages, { ...v, standing: v.judged ? STANDING.zh(v.standing!) : `不足${MIN_VILLAGE_PATIENTS}人，不排名` });
  const patients = data.villages.reduce((a, v) => a + v.patients, 0);
  const stays = data.villages.reduce((a, v) => a + v.stays, 0);
  writeRow(villages, { unit_name: '合计', patients, stays, rate: patients ? Math.round((stays / patients) * 1e6) / 1e6 : null }, true);
  villages.commit();

  const { sheet: notes, line } = labelledSheet(wb, '说明');
  line('范围', data.unit.level === 1 ? `全县（${data.unit.name}牵头）` : data.unit.name, undefined, '该单位及其下属机构');
  line('年度', year, undefined, `与 ${year - 1} 年对比`);
  line('评价', '达标／接近／未达标', undefined, '按指标导向与年度目标比较；与目标相差不超过目标的十分之一为“接近”');
  line(
    '按村住院率',
    `在管患者不少于 ${MIN_VILLAGE_PATIENTS} 人的村排名并评价`,
    undefined,
    '人数太少的村，一次住院即可使住院率相差十几个百分点：只列出分子分母，不排名、不评价',
  );
  line('身份证号', '不出库', undefined, '慢病管理人群与医保结算按身份证号密钥哈希在数据库内关联，报表与明细仅含脱敏号码');
  notes.commit();
  await wb.commit();
}
