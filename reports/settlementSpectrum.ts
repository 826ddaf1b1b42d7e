// The settlement workbook's sheet 病种谱: for the group's insured (a reader of the whole group) and then each
// township's, the top 20 ICD-10 categories by inpatient admissions and by fund paid over the run's months, this
// year beside the same months of last year (无数据 where last year has none). Labels are the screen's (SPECTRUM_LABEL).
import { RUN_LABEL, SPECTRUM_LABEL, type RunSpectra } from '../api/settlement';
import { addSheet, amount, writeRow, type streamingWorkbook } from './xlsx';

const S = SPECTRUM_LABEL.messages('zh');
const NA = RUN_LABEL.messages('zh').na;

export function spectrumSheet(wb: ReturnType<typeof streamingWorkbook>, s: RunSpectra) {
  const sheet = addSheet(wb, S.title, [
    { header: S.scope, key: 'scope', width: 22 },
    { header: S.ranked_by, key: 'by', width: 24 },
    { header: S.rank, key: 'rank', fmt: 'count', width: 6 },
    { header: S.code, key: 'code', width: 10 },
    { header: S.name, key: 'name', width: 26 },
    { header: S.admissions, key: 'admissions', fmt: 'count' },
    { header: S.admissions_last, key: 'admissions_last', fmt: 'count' },
    { header: `${S.admissions}${S.change}`, key: 'admissions_change', fmt: 'rate' },
    { header: S.fund_paid, key: 'fund_paid', fmt: 'money' },
    { header: S.fund_paid_last, key: 'fund_paid_last', fmt: 'money' },
    { header: `${S.fund_paid}${S.change}`, key: 'fund_paid_change', fmt: 'rate' },
    { header: S.per_1000, key: 'per_1000', fmt: 'decimal' },
    { header: S.per_1000_last, key: 'per_1000_last', fmt: 'decimal' },
  ]);
  const orNa = (v: unknown) => (v === null ? NA : v);
  for (const section of s.sections) {
    const scope = section.unit ? `${section.unit.code} ${section.unit.name}` : S.group;
    for (const [by, rows] of [
      [S.by_admissions, section.by_admissions],
      [S.by_fund, section.by_fund],
    ] as const) {
      if (!rows.length) writeRow(sheet, { scope, by, name: S.no_rows });
      for (const r of rows)
        writeRow(sheet, {
          scope,
          by,
          rank: r.rank,
          code: r.code,
          name: r.name,
          admissions: r.admissions,
          admissions_last: orNa(r.admissions_last),
          admissions_change: orNa(r.admissions_change),
          fund_paid: amount(r.fund_paid),
          fund_paid_last: r.fund_paid_last === null ? NA : amount(r.fund_paid_last),
          fund_paid_change: orNa(r.fund_paid_change),
          per_1000: orNa(r.per_1000),
          per_1000_last: orNa(r.per_1000_last),
        });
    }
    if (section.uncoded.admissions !== 0 || section.uncoded.fund_paid !== '0.00')
      writeRow(sheet, { scope, by: S.uncoded, admissions: section.uncoded.admissions, fund_paid: amount(section.uncoded.fund_paid) });
  }
  writeRow(sheet, {});
  writeRow(sheet, { scope: `${S.through_month} ${s.month}`, by: S.note });
  sheet.commit();
}
