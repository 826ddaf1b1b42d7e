// Performance pay's HTTP edge: the scheme, the monthly pay runs with their steps and drill-down,
// and the village doctor's own statement. Parse → service → respond.
import { z } from 'zod';
import { answerList } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, moneyInput, parse, positiveId } from '../http/validate';
import { PAY_GRADE, PAY_POST, PAY_SERVICE, PAY_TITLE_LEVEL } from './enums';
import { DEPARTMENT_INDICATORS } from './departmentRules';
import { approveRun, calculateRun, createRun, lockRun, readLine, readRun, reviewRun } from './service';
import { payRunResource } from './resource';
import { showScheme, updateScheme } from './scheme';
import { myStatement } from './statement';
import { traceRun } from './trace';
import { correctRun } from './correction';
import { payIncomeChange } from './income';
import { personFund } from './personFund';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const nonNegative = moneyInput.refine((f) => f >= 0n, 'cannot be negative');
const createBody = z.strictObject({ org_unit_id: positiveId, month, budgeted_fund: nonNegative });
const commentBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
const correctBody = z.strictObject({ reason: z.string().trim().min(1, 'a correction needs its reason').max(2000) });

const points = z.number().min(0).max(1000).multipleOf(0.01);
const factor = z.number().min(0).max(5).multipleOf(0.01);
const schemeBody = z.strictObject({
  points: z.strictObject(Object.fromEntries(PAY_SERVICE.values.map((s) => [s, points])) as Record<(typeof PAY_SERVICE.values)[number], typeof points>),
  missed_task_points: points,
  grade_factors: z.strictObject(Object.fromEntries(PAY_GRADE.values.map((g) => [g, factor])) as Record<(typeof PAY_GRADE.values)[number], typeof factor>),
  quality_bands: z
    .array(z.strictObject({ min_rate: z.number().min(0).max(1), factor }))
    .min(1)
    .max(10),
  no_rate_factor: factor,
  /** the unit's quality score → points ± a month (a band per threshold) */
  unit_quality_bands: z
    .array(z.strictObject({ min_score: z.number().min(0).max(100), points: z.number().min(-100).max(100).multipleOf(0.01) }))
    .max(10)
    .refine((bands) => new Set(bands.map((b) => b.min_score)).size === bands.length, 'two bands start at the same score'),
  /** percent of each monthly amount withheld for the medical-risk fund */
  risk_fund_rate: z.number().min(0).max(10).multipleOf(0.01),
  /** yuan a month the sending unit tops up an expert sent down */
  rotation_top_up: z.number().min(0).max(100_000).multipleOf(0.01),
  /** the base part: points a month per post and per title level */
  post_points: z.strictObject(Object.fromEntries(PAY_POST.values.map((p) => [p, points])) as Record<(typeof PAY_POST.values)[number], typeof points>),
  /** the HQ's and branches' department pay: weights in whole percent (adding up to 100: the service checks), an indicator's most points */
  department_scheme: z.strictObject({
    weights: z.strictObject(
      Object.fromEntries(Object.keys(DEPARTMENT_INDICATORS).map((k) => [k, z.number().int().min(0).max(100)])) as Record<
        keyof typeof DEPARTMENT_INDICATORS,
        z.ZodNumber
      >,
    ),
    max_indicator_score: z.number().min(100).max(200).multipleOf(0.01),
  }),
  title_points: z.strictObject(
    Object.fromEntries(PAY_TITLE_LEVEL.values.map((l) => [l, points])) as Record<(typeof PAY_TITLE_LEVEL.values)[number], typeof points>,
  ),
});

export const payRunRoutes = new ApiRouter('/pay-runs', 'pay')
  .get('/', { summary: 'List pay runs (a township, a month each)', list: true }, (req, res) => answerList(payRunResource, req, res))
  .get('/:id', { summary: 'A pay run with a line per person' }, (req) => readRun(req.actor, idParam(req.params.id)))
  .get('/:id/lines/:lineId', { summary: "A person's line with the follow-ups, contracts and missed tasks behind it" }, (req) =>
    readLine(req.actor, idParam(req.params.id), idParam(req.params.lineId, 'lineId')),
  )
  .get('/:id/trace', { summary: 'The trace (绩效追溯): retained surplus → staff-performance pool → township → pay pool → people, with named checks' }, (req) =>
    traceRun(req.actor, idParam(req.params.id)),
  )
  .post('/', { summary: "Create a draft pay run of a township's month with its budgeted performance fund", body: createBody }, (req) =>
    createRun(req.actor, parse(createBody, req.body)),
  )
  .post('/:id/calculate', { summary: 'Calculate the lines from the work recorded (again until reviewed)' }, (req) =>
    calculateRun(req.actor, idParam(req.params.id)),
  )
  .post('/:id/review', { summary: "Review (the township's director)", body: commentBody }, (req) =>
    reviewRun(req.actor, idParam(req.params.id), parse(commentBody, req.body ?? {}).comment),
  )
  .post('/:id/approve', { summary: 'Approve (group finance, not the reviewer)', body: commentBody }, (req) =>
    approveRun(req.actor, idParam(req.params.id), parse(commentBody, req.body ?? {}).comment),
  )
  .post('/:id/lock', { summary: 'Lock an approved run (paid)' }, (req) => lockRun(req.actor, idParam(req.params.id)))
  .post(
    '/:id/correct',
    { summary: 'Correct an approved or locked run: a new draft version with its reason; the old one is superseded', body: correctBody },
    (req) => correctRun(req.actor, idParam(req.params.id), parse(correctBody, req.body ?? {}).reason),
  );

export const paySchemeRoutes = new ApiRouter('/pay-scheme', 'pay')
  .get('/', { summary: 'The pay scheme: points per service, deduction per missed task, grade factors, quality bands' }, (req) => showScheme(req.actor))
  .put('/', { summary: 'Replace the pay scheme', body: schemeBody }, (req) => updateScheme(req.actor, parse(schemeBody, req.body)));

export const payStatementRoutes = new ApiRouter('/pay-statement', 'pay').get(
  '/',
  { summary: "The caller's 本月健康管理绩效: points so far this month, the last calculated month beside" },
  (req) => myStatement(req.actor),
);

/** ?year=YYYY: the year compared with the one before */
export const incomeYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const payIncomeChangeRoutes = new ApiRouter('/pay-income-change', 'pay').get(
  '/',
  {
    summary:
      "收入变化: performance pay (应发 and 实发 of the approved or locked pay runs, not total salary) per level, role and township, the year's paid months against the same months of the year before",
    query: incomeYearQuery,
  },
  (req) => payIncomeChange(req.actor, parse(incomeYearQuery, req.query, 'query').year),
);

/** ?year=YYYY: the fund year */
const fundYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const riskFundPeopleRoutes = new ApiRouter('/risk-fund-people', 'pay').get(
  '/:staffId',
  {
    summary:
      "A person's medical-risk fund of a year (医疗风险金个人明细): finance's contributions and the pay runs' withholdings month by month, the year-end returns (finance's and December's pay return), paid in, returned and kept — in the reader's scope",
    query: fundYearQuery,
  },
  (req) => personFund(req.actor, idParam(req.params.staffId, 'staffId'), parse(fundYearQuery, req.query, 'query').year),
);

export const payRouters = [payRunRoutes, paySchemeRoutes, payStatementRoutes, payIncomeChangeRoutes, riskFundPeopleRoutes];
