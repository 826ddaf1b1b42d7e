// every domain's jobs are defined wherever the routes are served: the primary and each API worker
import './schedule';
import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { jobRunResource, listJobs, triggerJob } from './service';
import { assertCan } from '../http/crud';

export const jobRoutes = new ApiRouter('/job-runs', 'jobs')
  .get('/jobs', { summary: 'The scheduled jobs and their cron expressions' }, (req) => {
    assertCan(req.actor, 'job-runs', 'list');
    return listJobs();
  })
  .post('/run/:job', { summary: 'Run a job now (recorded as triggered by you)' }, (req) => triggerJob(req.actor, String(req.params.job)));
mountCrud(jobRoutes, jobRunResource, { label: 'job runs', readOnly: true });
