import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { jobRunResource, listJobs, triggerJob } from './service';
import { assertCan } from '../core/crud';

export const jobRoutes = new ApiRouter('/job-runs', 'jobs')
  .get('/jobs', { summary: 'The scheduled jobs and their cron expressions' }, (req) => {
    assertCan(req.actor, 'job-runs', 'list');
    return listJobs();
  })
  .post('/run/:job', { summary: 'Run a job now (recorded as triggered by you)' }, (req) => triggerJob(req.actor, String(req.params.job)));
mountCrud(jobRoutes, jobRunResource, { label: 'job runs', readOnly: true });
