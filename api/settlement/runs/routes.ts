// Settlement runs and their surplus allocations: parse → service → respond.
import { z } from 'zod';
import { answerList, mountCrud } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { idParam, parse } from '../../http/validate';
import { fundYearFields, poolsSchema } from '../fundYears/routes';
import { readDifference } from './differenceService';
import { allocationResource, approveRun, calculateRun, commentRun, createRun, readRun, readVersion, reviewRun, runResource, runSummary } from './service';
import { whatIf } from './whatIf';

const createRunBody = z.strictObject({ fund_year_id: z.number().int().positive(), period: z.string(), reason: z.string().trim().min(1).max(1000).optional() });
const calculateBody = z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() });
const commentBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
const approveBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
/** the settings a what-if changes, each validated as the fund year's configuration is; those left out keep the fund year's */
const whatIfBody = z
  .strictObject({
    bundle_ratio: fundYearFields.bundle_ratio,
    overspend_tiers: fundYearFields.overspend_tiers,
    gates: fundYearFields.gates,
    allocation: z.strictObject({ pools: poolsSchema }),
  })
  .partial();

export const runRoutes = new ApiRouter('/settlement-runs', 'settlement')
  .get('/', { summary: 'List settlement runs (figures summarised)', list: true }, (req, res) =>
    answerList(runResource, req, res, (rows) => rows.map(runSummary)),
  )
  .get('/:id', { summary: 'A run with its figures, versions and history' }, (req) => readRun(req.actor, idParam(req.params.id)))
  .get(
    '/:id/difference',
    { summary: 'A correction run against the approved run it supersedes: claims added, reversed, changed; spending and allocation per unit' },
    (req) => readDifference(req.actor, idParam(req.params.id)),
  )
  .get('/:id/versions/:version', { summary: 'The figures of one calculation of a run' }, (req) =>
    readVersion(req.actor, idParam(req.params.id), idParam(req.params.version)),
  )
  .post(
    '/',
    { summary: 'Create a draft run for a month (YYYY-MM) or the year (YYYY); superseding an approved run needs a reason', body: createRunBody },
    (req) => createRun(req.actor, parse(createRunBody, req.body)),
  )
  .post('/:id/calculate', { summary: 'Calculate (recalculating needs a reason; the previous figures stay as a version)', body: calculateBody }, (req) =>
    calculateRun(req.actor, idParam(req.params.id), parse(calculateBody, req.body ?? {}).reason),
  )
  .post('/:id/review', { summary: 'Review a calculated run (group finance)', body: commentBody }, (req) =>
    reviewRun(req.actor, idParam(req.params.id), parse(commentBody, req.body).comment),
  )
  .post('/:id/approve', { summary: 'Approve a reviewed run (not by its reviewer); locks its periods', body: approveBody }, (req) =>
    approveRun(req.actor, idParam(req.params.id), parse(approveBody, req.body ?? {}).comment),
  )
  .post('/:id/comments', { summary: 'Add a comment to the run history', body: commentBody }, (req) =>
    commentRun(req.actor, idParam(req.params.id), parse(commentBody, req.body).comment),
  )
  .post(
    '/:id/what-if',
    {
      summary: 'What-if (模拟测算): the run settled with a changed bundle ratio, tiers, gates or pools beside its real figures; stores nothing',
      body: whatIfBody,
    },
    (req) => whatIf(req.actor, idParam(req.params.id), parse(whatIfBody, req.body ?? {})),
  );

export const allocationRoutes = mountCrud(new ApiRouter('/surplus-allocations', 'settlement'), allocationResource, {
  label: 'surplus allocations',
  readOnly: true,
});
