// The workbooks over HTTP (GET /api/reports/…): each reads its figures through its domain's
// public face, in the caller's scope and after the domain's checks, then streams the file
// (workbookRoute.ts: the one shape). One router per domain, mounted by api/domains.ts after that
// domain's other routers.
import { z } from 'zod';
import { ApiRouter } from '../api/http/router';
import { isoDate, isoMonth } from '../api/http/validate';
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
import { recordWorkbookRoute, workbookRoute } from './workbookRoute';

const year = z.coerce.number().int().min(2000).max(2100);
const unitId = z.coerce.number().int().positive().max(2_147_483_647);

export const hrReportRoutes = new ApiRouter('/reports', 'reports')
  .get(
    ...workbookRoute('/rotation-roster.xlsx', yearQuery, {
      summary: "The year's rotations, quota vs filled, and the balance per receiving unit",
      read: (actor, q) => rotationRosterData(actor, q.year),
      name: (q) => `轮转花名册-${q.year}.xlsx`,
      write: writeRotationRoster,
    }),
  )
  .get(
    ...workbookRoute('/staff-roster.xlsx', unitQuery, {
      summary: 'The staff registry of a unit and below (streamed)',
      // the rows (a lazy generator) stream from the database as the file is written
      read: async (actor, q) => ({ unit: await staffRosterUnit(actor, q.org_unit_id), rows: staffRosterRows(actor, q.org_unit_id) }),
      name: (_q, { unit }) => `人员花名册-${unit.code}.xlsx`,
      write: (out, { unit, rows }) => writeStaffRoster(out, unit.name, rows),
    }),
  );

export const referralReportRoutes = new ApiRouter('/reports', 'reports').get(
  ...workbookRoute('/referrals.xlsx', referralPeriodQuery, {
    summary: 'Referrals of a period: every referral with times and fees, counts per unit and direction, timeliness',
    read: referralsReport,
    name: (q) => `referrals-${q.from}-${q.to}.xlsx`,
    write: writeReferralsWorkbook,
  }),
);

const workloadQuery = z.strictObject({ org_unit_id: unitId.optional(), year, month: z.coerce.number().int().min(1).max(12).optional() });
const workloadPeriod = (q: z.output<typeof workloadQuery>) => (q.month ? `${q.year}-${String(q.month).padStart(2, '0')}` : `${q.year}`);

export const healthReportRoutes = new ApiRouter('/reports', 'health').get(
  ...workbookRoute('/health-workload.xlsx', workloadQuery, {
    summary: 'Village doctors’ workload (follow-ups by type, tasks, contracts), township totals, indicators',
    read: workloadReport,
    name: (q) => `health-workload-${workloadPeriod(q)}.xlsx`,
    write: (out, data, q) => buildHealthWorkload(out, { ...data, period: workloadPeriod(q) }),
  }),
);

export const settlementReportRoutes = new ApiRouter('/reports', 'settlement').get(
  ...recordWorkbookRoute('/settlement', {
    summary: 'Settlement run workbook: GET /api/reports/settlement/:runId.xlsx',
    read: async (actor, id) => {
      const report = await runReport(actor, id);
      return { ...report, difference: report.run.supersedes_id ? await readDifference(actor, id) : null };
    },
    name: (id, { run, region }) => `settlement-${region}-${run.period}-run${id}.xlsx`,
    write: (out, { run, figures, difference }) => writeSettlementWorkbook(out, { ...run, difference }, figures),
  }),
);

const budgetQuery = z.object({ year, org_unit_id: unitId.optional() });

export const financeReportRoutes = new ApiRouter('/reports', 'finance').get(
  ...workbookRoute('/budget-execution.xlsx', budgetQuery, {
    summary: 'Budget execution per unit (rolled up) and account',
    read: executionReport,
    name: (q) => `budget-execution-${q.year}.xlsx`,
    write: (out, units, q) => writeBudgetExecution(out, q.year, units),
  }),
);

export const procurementReportRoutes = new ApiRouter('/reports', 'procurement').get(
  ...workbookRoute('/procurement-savings.xlsx', orderPeriodQuery, {
    summary: 'Savings per category and month against baseline prices',
    read: savingsReport,
    name: (q) => `procurement-savings-${q.from}-${q.to}.xlsx`,
    write: writeProcurementSavings,
  }),
);

export const payReportRoutes = new ApiRouter('/reports', 'pay')
  .get(
    ...recordWorkbookRoute('/pay-runs', {
      summary: "A township's monthly pay workbook (绩效工资表): GET /api/reports/pay-runs/:runId.xlsx",
      read: payRunReport,
      name: (id, report) => `绩效工资-${report.run.township}-${report.run.month.slice(0, 7)}-run${id}.xlsx`,
      write: writePayWorkbook,
    }),
  )
  .get(
    ...workbookRoute('/pay-income-change.xlsx', yearQuery, {
      summary: '收入变化: performance pay per level, role and township against the same months of last year',
      read: (actor, q) => payIncomeChange(actor, q.year),
      name: (q) => `收入变化-${q.year}.xlsx`,
      write: writePayIncomeChange,
    }),
  );

const monitoringQuery = z.strictObject({ unit_id: unitId, year });
export const monitoringReportRoutes = new ApiRouter('/reports', 'reports').get(
  ...workbookRoute('/monitoring.xlsx', monitoringQuery, {
    summary: 'The national 医共体 monitoring indicators of a unit’s subtree for a year, in the national layout',
    read: async (actor, q) => {
      const answer = await monitoringIndicators(actor, q.unit_id, q.year);
      const { villages } = await chronicAdmissionsOf(actor, answer.unit.id, q.year);
      return { ...answer, villages };
    },
    name: (q, data) => `医共体监测指标-${data.unit.code}-${q.year}.xlsx`,
    write: writeMonitoringWorkbook,
  }),
);

const pharmacyQuery = z.strictObject({ month: isoMonth, org_unit_id: unitId.optional() });
export const pharmacyReportRoutes = new ApiRouter('/reports', 'reports').get(
  ...workbookRoute('/prescription-figures.xlsx', pharmacyQuery, {
    summary: "Each unit's rational drug use figures for a month against the targets, flags per rule, reviews, outcomes and actions against prescribers",
    read: figuresReport,
    name: (q) => `合理用药指标-${q.month}.xlsx`,
    write: writePharmacyWorkbook,
  }),
);

export const diagnosisReportRoutes = new ApiRouter('/reports', 'diagnosis').get(
  ...workbookRoute('/diagnosis-figures.xlsx', diagnosisFiguresQuery, {
    summary: '诊断中心统计表: the figures per centre, service and requesting unit, the workload per reader, chest pain per township, village ECG coverage',
    read: async (actor, q) => {
      const [figures, chestPain] = await Promise.all([diagnosisFigures(actor, q), chestPainFiguresOf(actor, q)]);
      return { from: q.from, to: q.to, figures, chestPain };
    },
    name: (q) => `诊断中心统计-${q.from}-${q.to}.xlsx`,
    write: writeDiagnosisWorkbook,
  }),
);

const qualityQuery = z.strictObject({ from: isoDate, to: isoDate });
export const qualityReportRoutes = new ApiRouter('/reports', 'reports').get(
  ...workbookRoute('/quality.xlsx', qualityQuery, {
    summary: 'The quality workbook of a period: inspections, findings with their rectification, the units’ quality scores',
    read: qualityReport,
    name: (q) => `质量管理-${q.from}-${q.to}.xlsx`,
    write: writeQualityWorkbook,
  }),
);
