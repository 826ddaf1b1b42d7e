// The domains of the system, in menu order: each one's routers, report downloads, scheduled jobs
// and grants. A new domain adds its entry here; the app mounts the routers, the scheduler runs
// the jobs and the access checks read the merged grants. Importing this list installs the jobs
// and grants (app.ts imports it, so every process that serves, schedules or seeds has them).
import { useGrants, type GrantTable } from './core/access';
import type { ApiRouter } from './http/router';
import { useJobs, type JobDef } from './jobs/service';
import { auditRoutes } from './audit/routes';
import { authRoutes, userRoutes } from './auth/routes';
import { roleGrants } from './auth/rules';
import { hrDaily, hrGrants, hrRouters } from './hr';
import { healthRouters } from './health/routes';
import { healthGrants } from './health/rules';
import { healthDailyJob } from './health/jobs';
import { financeRouters } from './finance/routes';
import { financeGrants } from './finance/rules';
import { riskFundYearEnd } from './finance/jobs';
import { procurementRouters } from './procurement/routes';
import { procurementGrants } from './procurement/rules';
import { jobRoutes } from './jobs/routes';
import { idempotencyPurgeJob } from './jobs/housekeeping';
import { departmentRoutes, orgUnitRoutes } from './org/routes';
import { settlementRouters } from './settlement/routes';
import { settlementGrants } from './settlement/grants';
import { monthlyProvisionalJob } from './settlement/jobs';
import { payGrants, payRouters } from './pay';
import { referralRouters } from './referrals/routes';
import { referralGrants } from './referrals/rules';
import { escalationJob } from './referrals/jobs';
import { qualityEscalationJob, qualityGrants, qualityRouters } from './quality';
import { criticalValueJob, diagnosisGrants, diagnosisRouters } from './diagnosis';
import { pharmacyGrants, pharmacyRouters } from './pharmacy';
import { chronicAdmissionRates, monitoringGrants, monitoringRouters } from './monitoring';
import { useInputSource } from './settlement';
import { notificationRoutes } from './notifications/routes';
import { notificationGrants } from './notifications/rules';
import {
  diagnosisReportRoutes,
  financeReportRoutes,
  healthReportRoutes,
  monitoringReportRoutes,
  pharmacyReportRoutes,
  qualityReportRoutes,
  hrReportRoutes,
  payReportRoutes,
  procurementReportRoutes,
  referralReportRoutes,
  settlementReportRoutes,
} from '../reports/routes';

export interface Domain {
  name: string;
  routers: ApiRouter[];
  /** the routers of its workbooks (GET /api/reports/…), mounted after its other routers */
  reports?: ApiRouter[];
  jobs?: JobDef[];
  /** what the domain's roles may do (the foundation's grants are auth's, see roleGrants) */
  grants?: GrantTable;
}

export const domains: Domain[] = [
  { name: 'auth', routers: [authRoutes, userRoutes] },
  { name: 'org', routers: [orgUnitRoutes, departmentRoutes] },
  { name: 'audit', routers: [auditRoutes] },
  { name: 'jobs', routers: [jobRoutes], jobs: [idempotencyPurgeJob] },
  { name: 'hr', routers: hrRouters, reports: [hrReportRoutes], jobs: [hrDaily], grants: hrGrants },
  { name: 'referrals', routers: referralRouters, reports: [referralReportRoutes], jobs: [escalationJob], grants: referralGrants },
  { name: 'health', routers: healthRouters, reports: [healthReportRoutes], jobs: [healthDailyJob], grants: healthGrants },
  { name: 'settlement', routers: settlementRouters, reports: [settlementReportRoutes], jobs: [monthlyProvisionalJob], grants: settlementGrants },
  { name: 'finance', routers: financeRouters, reports: [financeReportRoutes], jobs: [riskFundYearEnd], grants: financeGrants },
  { name: 'pay', routers: payRouters, reports: [payReportRoutes], grants: payGrants },
  { name: 'procurement', routers: procurementRouters, reports: [procurementReportRoutes], grants: procurementGrants },
  { name: 'quality', routers: qualityRouters, reports: [qualityReportRoutes], jobs: [qualityEscalationJob], grants: qualityGrants },
  { name: 'diagnosis', routers: diagnosisRouters, reports: [diagnosisReportRoutes], jobs: [criticalValueJob], grants: diagnosisGrants },
  { name: 'pharmacy', routers: pharmacyRouters, reports: [pharmacyReportRoutes], grants: pharmacyGrants },
  { name: 'monitoring', routers: monitoringRouters, reports: [monitoringReportRoutes], grants: monitoringGrants },
  // last, so its grants merge after the others' (the order /auth/me lists permissions in)
  { name: 'notifications', routers: [notificationRoutes], grants: notificationGrants },
];

useGrants(roleGrants(domains.flatMap((d) => (d.grants ? [d.grants] : []))));
useJobs(domains.flatMap((d) => d.jobs ?? []));
// settlement's allocation may weigh the managed chronic patients' admission rate, which monitoring computes
// from settlement's own claims (so settlement cannot import it: the composition root wires it)
useInputSource('chronic_admission_rate', chronicAdmissionRates);
