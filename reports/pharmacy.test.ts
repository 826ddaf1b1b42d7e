// The 合理用药指标 workbook downloaded through the API and read back, for this month, after B3's own
// prescriptions (one flagged) are imported and an interview opened on one: each unit's six figures as GET /api/prescription-figures answers them; its prescriptions flagged
// per rule and reviewed as rational as the prescriptions list counts them; its actions against
// prescribers as the actions list holds them (opened in the month, or still open); the 合计 row; a
// director's workbook holds only the units under them; a village doctor may not download it.
import { expect } from 'chai';
import type ExcelJS from 'exceljs';
import * as clock from '../api/core/clock';
import { call, get, post, type AnswerOf, type Json } from '../scripts/test/harness';
import { RX_FIGURE, RX_FLAG, type PrescriberAction, type Prescription, type prescriptionFigures } from '../api/pharmacy';
import { readWorkbook } from './xlsx';

type Figures = AnswerOf<typeof prescriptionFigures>;
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  // an empty cell (a figure without a value or a target) read as null
  ws.eachRow((row) => rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => v ?? null)));
  return rows;
};
const total = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);

describe('reports: the prescription figures workbook (合理用药指标)', function () {
  this.timeout(120_000);
  const month = clock.monthKey(clock.today());
  const { start, end } = clock.monthRange(month);

  before(async () => {
    const today = clock.today();
    const csv = [
      'prescription_no,unit_code,prescriber,prescribed_on,care_type,patient_id,diagnosis_codes,item_no,drug_name,drug_class,antibiotic,route',
      `RPT-1,B3,报表医师,${today},门诊,P9001,I10,1,阿奇霉素,大环内酯类,是,口服`,
      `RPT-2,B3,报表医师,${today},门诊,P9002,J06.9,1,阿莫西林,青霉素类,是,口服`,
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'prescriptions.csv');
    const imported = await call<{ accepted: number }>('POST', '/api/prescriptions/import', { as: 'admin', raw: form });
    expect(imported.body.accepted, JSON.stringify(imported.body)).to.equal(2);
    const [rx] = (await get<Json<Prescription>[]>('/api/prescriptions', { as: 'admin', query: { filter: { q: 'RPT-1' } } })).body;
    expect(rx.flags).to.deep.equal(['antibiotic_without_indication']);
    const action = await post('/api/prescriber-actions', { kind: 'interview', prescription_id: Number(rx.id), reason: '无指征使用抗菌药物' }, { as: 'admin' });
    expect(action.status).to.equal(200);
  });

  it("holds each unit's figures, flags per rule, reviews and actions as the API answers them", async () => {
    const file = await get<Buffer>('/api/reports/prescription-figures.xlsx', { as: 'admin', query: { month } });
    expect(file.status).to.equal(200);
    const wb = await readWorkbook(file.body);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['合理用药指标', '处方点评汇总', '医师处理明细', '说明']);

    const api = (await get<Figures>('/api/prescription-figures', { as: 'admin', query: { month } })).body;
    expect(api.map((u) => u.code)).to.include('B3');
    const figures = rowsOf(wb.getWorksheet('合理用药指标')!);
    expect(figures[0]).to.deep.equal(['单位编码', '单位', '指标', '导向', '分子', '分母', '指标值', '目标值', '评价']);
    expect(figures.slice(1)).to.deep.equal(
      api.flatMap((u) =>
        RX_FIGURE.values.map((f) => {
          const g = u.figures[f];
          return [
            u.code,
            u.name,
            RX_FIGURE.zh(f),
            RX_FIGURE.labels[f].direction === 'max' ? '不高于' : '不低于',
            Number(g.numerator),
            Number(g.denominator),
            g.value,
            g.target,
            g.met === null ? '—' : g.met ? '达标' : '未达标',
          ];
        }),
      ),
    );

    const review = rowsOf(wb.getWorksheet('处方点评汇总')!);
    const header = review[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const byCode = new Map(review.slice(1, -1).map((r) => [r[0] as string, r]));
    expect([...byCode.keys()]).to.deep.equal(api.map((u) => u.code));
    for (const u of api) {
      const r = byCode.get(u.code)!;
      expect([r[col('处方数')], r[col('门急诊处方')], r[col('预警处方')], r[col('已点评')]], u.code).to.deep.equal([
        u.prescriptions,
        u.outpatient,
        u.flagged,
        u.reviewed,
      ]);
    }
    // the flags per rule and the rational reviews of the unit with the most flagged prescriptions, as the prescriptions list counts them
    const unit = api.reduce((a, u) => (u.flagged > a.flagged ? u : a));
    expect(unit.flagged).to.be.above(0);
    const list = (filter: Record<string, unknown>) =>
      get('/api/prescriptions', {
        as: 'admin',
        query: { filter: { org_unit_id: unit.org_unit_id, prescribed_on_gte: start, prescribed_on_lt: clock.addDays(end, 1), ...filter }, range: [0, 0] },
      }).then(total);
    const row = byCode.get(unit.code)!;
    for (const f of RX_FLAG.values) expect(row[col(RX_FLAG.zh(f))], f).to.equal(await list({ flag: f }));
    expect(row[col('合理')]).to.equal(await list({ outcome: 'rational' }));
    // the 合计 row adds the units up
    const sums = review.at(-1)!;
    expect(sums[1]).to.equal('合计');
    expect(sums[col('处方数')]).to.equal(api.reduce((a, u) => a + u.prescriptions, 0));
    expect(sums[col('预警处方')]).to.equal(api.reduce((a, u) => a + u.flagged, 0));

    // the actions: those opened in the month, or still open, of the units with prescriptions
    const codes = new Set(api.map((u) => u.org_unit_id));
    const after = Date.parse(`${clock.addDays(end, 1)}T00:00:00+08:00`);
    const from = Date.parse(`${start}T00:00:00+08:00`);
    const all = (await get<Json<PrescriberAction>[]>('/api/prescriber-actions', { as: 'admin', query: { range: [0, 999] } })).body;
    const expected = all
      .filter((a) => codes.has(a.org_unit_id) && Date.parse(a.created_at) < after && (a.status === 'open' || Date.parse(a.created_at) >= from))
      .map((a) => a.id)
      .sort((x, y) => x - y);
    expect(expected.length).to.be.above(0);
    const listed = rowsOf(wb.getWorksheet('医师处理明细')!)
      .slice(1)
      .map((r) => Number(r[0]));
    expect([...listed].sort((x, y) => x - y)).to.deep.equal(expected);
    const counted = review.slice(1, -1).reduce((a, r) => a + header.reduce((b, h, i) => b + (h.includes('·') ? Number(r[i]) : 0), 0), 0);
    expect(counted).to.equal(expected.length);
  });

  it("gives a director only the units under them, and no village doctor's download", async () => {
    const own = await get<Buffer>('/api/reports/prescription-figures.xlsx', { as: 'director-B3', query: { month } });
    expect(own.status).to.equal(200);
    const codes = rowsOf((await readWorkbook(own.body)).getWorksheet('处方点评汇总')!)
      .slice(1, -1)
      .map((r) => r[0]);
    const api = (await get<Figures>('/api/prescription-figures', { as: 'director-B3', query: { month } })).body;
    expect(codes).to.deep.equal(api.map((u) => u.code));
    expect(codes).to.include('B3').and.not.include('HQ');
    expect((await get('/api/reports/prescription-figures.xlsx', { as: 'doctor-V001', query: { month } })).status).to.equal(403);
    expect((await get('/api/reports/prescription-figures.xlsx', { as: 'admin', query: { month: '2026-13' } })).status).to.equal(400);
  });
});
