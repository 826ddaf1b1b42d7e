// The workbooks over HTTP (GET /api/reports/…): each reads its figures through its domain's
// public face, in the caller's scope and after the domain's checks, then streams the file.
// One router per domain, mounted by api/domains.ts after that domain's other routers.
import { z } from 'zod';
import { ApiRouter } from '../api/http/router';
import { sendFile, XLSX } from '../api/http/download';
import { idParam, isoDate, isoMonth, parse } from '../api/http/validate';
import { executionReport } from '../api/finance';
import { workloadReport } from '../api/health';
import { rotationRosterData, staffRosterRows, staffRosterUnit, unitQuery, yearQuery } from '../api/hr';
import { payIncomeChange, payRunReport } from '../api/pay';
import { orderPeriodQuery, savingsReport } from '../api/procurement';
import { referralPeriodQuery, referralsReport } from '../api/referrals';
import { readDifference, runReport } from '../api/settlement';
import { chronicAdmissionsOf, monitoringIndicators } from '../api/monitoring';
import { chestPainFiguresOf, diagnosisFigures, diagnosisFiguresQuery } from '../api/diagnosis';
import { writeDiagnosisWorkbook } from './diagnosis';
import { writeMonitoringWorkbook } from './monitoring';
import { figuresReport } from '../api/pharmacy';
import { writePharmacyWorkbook } from './pharmacy';
import { qualityReport } from '../api/quality';
import { writeQualityWorkbook } from './quality';
import { writeBudgetExecution } from './budgetExecution';
import { buildHealthWorkload } from './health-workload';
import { writePayWorkbook } from './pay';
import { writePayIncomeChange } from './payIncomeChange';
import { writeProcurementSavings } from './procurementSavings';
import { writeReferralsWorkbook } from './referrals';
import { writeRotationRoster } from './rotation-roster';
import { writeSettlementWorkbook } from './settlement';
import { writeStaffRoster } from './staff-roster';

const year = z.coerce.number().int().min(2000).max(2100);

export const hrReportRoutes = new ApiRouter('/reports', 'reports')
  .get(
    '/rotation-roster.xlsx',
    { summary: "The year's rotations, quota vs filled, and the balance per receiving unit", query: yearQuery, produces: XLSX },
    async (req, res) => {
      const { year } = parse(yearQuery, req.query);
      const data = await rotationRosterData(req.actor, year);
      await sendFile(res, `轮转花名册-${year}.xlsx`, XLSX, (out) => writeRotationRoster(out, data));
    },
  )
  .get('/staff-roster.xlsx', { summary: 'The staff registry of a unit and below (streamed)', query: unitQuery, produces: XLSX }, async (req, res) => {
    const { org_unit_id } = parse(unitQuery, req.query);
    const unit = await staffRosterUnit(req.actor, org_unit_id);
    await sendFile(res, `人员花名册-${unit.code}.xlsx`, XLSX, (out) => writeStaffRoster(out, unit.name, staffRosterRows(req.actor, org_unit_id)));
  });

export const referralReportRoutes = new ApiRouter('/reports', 'reports').get(
  '/referrals.xlsx',
  {
    summary: 'Referrals of a period: every referral with times and fees, counts per unit and direction, timeliness',
    query: referralPeriodQuery,
    produces: XLSX,
  },
  async (req, res) => {
    const q = parse(referralPeriodQuery, req.query, 'query');
    const data = await referralsReport(req.actor, q);
    await sendFile(res, `referrals-${q.from}-${q.to}.xlsx`, XLSX, (out) => writeReferralsWorkbook(out, data));
  },
);

const workloadQuery = z.strictObject({
  org_unit_id: z.coerce.number().int().positive().optional(),
  year,
  month: z.coerce.number().int().min(1).max(12).optional(),
});

export const healthReportRoutes = new ApiRouter('/reports', 'health').get(
  '/health-workload.xlsx',
  { summary: 'Village doctors’ workload (follow-ups by type, tasks, contracts), township totals, indicators', query: workloadQuery, produces: XLSX },
  async (req, res) => {
    const q = parse(workloadQuery, req.query, 'query');
    // figures first (scope and parameters checked), then the file streams
    const data = await workloadReport(req.actor, q);
    const period = q.month ? `${q.year}-${String(q.month).padStart(2, '0')}` : `${q.year}`;
    await sendFile(res, `health-workload-${period}.xlsx`, XLSX, (out) => buildHealthWorkload(out, { ...data, period }));
  },
);

export const settlementReportRoutes = new ApiRouter('/reports', 'settlement').get(
  '/settlement/:file',
  { summary: 'Settlement run workbook: GET /api/reports/settlement/:runId.xlsx', produces: XLSX },
  async (req, res) => {
    const m = /^(\d+)\.xlsx$/.exec(String(req.params.file));
    const id = idParam(m?.[1]);
    const { run, figures, region } = await runReport(req.actor, id);
    const difference = run.supersedes_id ? await readDifference(req.actor, id) : null;
    return sendFile(res, `settlement-${region}-${run.period}-run${id}.xlsx`, XLSX, (out) => writeSettlementWorkbook(out, { ...run, difference }, figures));
  },
);

const budgetQuery = z.object({ year, org_unit_id: z.coerce.number().int().positive().optional() });

export const financeReportRoutes = new ApiRouter('/reports', 'finance').get(
  '/budget-execution.xlsx',
  { summary: 'Budget execution per unit (rolled up) and account', query: budgetQuery, produces: XLSX },
  async (req, res) => {
    const q = parse(budgetQuery, req.query, 'query');
    const units = await executionReport(req.actor, q);
    await sendFile(res, `budget-execution-${q.year}.xlsx`, XLSX, (out) => writeBudgetExecution(out, q.year, units));
  },
);

export const procurementReportRoutes = new ApiRouter('/reports', 'procurement').get(
  '/procurement-savings.xlsx',
  { summary: 'Savings per category and month against baseline prices', query: orderPeriodQuery, produces: XLSX },
  async (req, res) => {
    const q = parse(orderPeriodQuery, req.query, 'query');
    const figures = await savingsReport(req.actor, q);
    await sendFile(res, `procurement-savings-${q.from}-${q.to}.xlsx`, XLSX, (out) => writeProcurementSavings(out, figures));
  },
);

export const payReportRoutes = new ApiRouter('/reports', 'pay')
  .get(
    '/pay-runs/:file',
    { summary: "A township's monthly pay workbook (绩效工资表): GET /api/reports/pay-runs/:runId.xlsx", produces: XLSX },
    async (req, res) => {
      const m = /^(\d+)\.xlsx$/.exec(String(req.params.file));
      const id = idParam(m?.[1]);
      // figures first (grant, scope, calculated), then the file streams
      const report = await payRunReport(req.actor, id);
      await sendFile(res, `绩效工资-${report.run.township}-${report.run.month.slice(0, 7)}-run${id}.xlsx`, XLSX, (out) => writePayWorkbook(out, report));
    },
  )
  .get(
    '/pay-income-change.xlsx',
    { summary: '收入变化: performance pay per level, role and township against the same months of last year', query: yearQuery, produces: XLSX },
    async (req, res) => {
      const { year } = parse(yearQuery, req.query, 'query');
      // figures first (grant, scope), then the file streams
      const view = await payIncomeChange(req.actor, year);
      await sendFile(res, `收入变化-${year}.xlsx`, XLSX, (out) => writePayIncomeChange(out, view));
    },
  );

const monitoringQuery = z.strictObject({ unit_id: z.coerce.number().int().positive().max(2_147_483_647), year });
export const monitoringReportRoutes = new ApiRouter('/reports', 'reports').get(
  '/monitoring.xlsx',
  { summary: 'The national 医共体 monitoring indicators of a unit’s subtree for a year, in the national layout', query: monitoringQuery, produces: XLSX },
  async (req, res) => {
    const q = parse(monitoringQuery, req.query, 'query');
    const answer = await monitoringIndicators(req.actor, q.unit_id, q.year);
    const { villages } = await chronicAdmissionsOf(req.actor, answer.unit.id, q.year);
    await sendFile(res, `医共体监测指标-${answer.unit.code}-${q.year}.xlsx`, XLSX, (out) => writeMonitoringWorkbook(out, { ...answer, villages }));
  },
);

const pharmacyQuery = z.strictObject({
  month: isoMonth,
  org_unit_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export const pharmacyReportRoutes = new ApiRouter('/reports', 'reports').get(
  '/prescription-figures.xlsx',
  {
    summary: "Each unit's rational drug use figures for a month against the targets, flags per rule, reviews, outcomes and actions against prescribers",
    query: pharmacyQuery,
    produces: XLSX,
  },
  async (req, res) => {
    const q = parse(pharmacyQuery, req.query, 'query');
    const data = await figuresReport(req.actor, q);
    await sendFile(res, `合理用药指标-${q.month}.xlsx`, XLSX, (out) => writePharmacyWorkbook(out, data));
  },
);

export const diagnosisReportRoutes = new ApiRouter('/reports', 'diagnosis').get(
  '/diagnosis-figures.xlsx',
  {
    summary: '诊断中心统计表: the figures per centre, service and requesting unit, the workload per reader, chest pain per township, village ECG coverage',
    query: diagnosisFiguresQuery,
    produces: XLSX,
  },
  async (req, res) => {
    const q = parse(diagnosisFiguresQuery, req.query, 'query');
    // figures first (grant, scope, parameters checked), then the file streams
    const [figures, chestPain] = await Promise.all([diagnosisFigures(req.actor, q), chestPainFiguresOf(req.actor, q)]);
    await sendFile(res, `诊断中心统计-${q.from}-${q.to}.xlsx`, XLSX, (out) => writeDiagnosisWorkbook(out, { from: q.from, to: q.to, figures, chestPain }));
  },
);

const qualityQuery = z.strictObject({ from: isoDate, to: isoDate });
export const qualityReportRoutes = new ApiRouter('/reports', 'reports').get(
  '/quality.xlsx',
  {
    summary: 'The quality workbook of a period: inspections, findings with their rectification, the units’ quality scores',
    query: qualityQuery,
    produces: XLSX,
  },
  async (req, res) => {
    const q = parse(qualityQuery, req.query, 'query');
    const data = await qualityReport(req.actor, q);
    await sendFile(res, `质量管理-${q.from}-${q.to}.xlsx`, XLSX, (out) => writeQualityWorkbook(out, data));
  },
);
