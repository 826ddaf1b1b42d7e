// The sign-off of health data (健康数据审核): parse → service → respond.
import { z } from 'zod';
import { ApiRouter } from '../../http/router';
import { parse } from '../../http/validate';
import { signoffGrid, signOff, withdrawSignoff } from './service';

const signoffBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  org_unit_id: z.number().int().positive(),
});
const gridQuery = z.object({ year: z.coerce.number().int(), org_unit_id: z.coerce.number().int().positive().optional() });

export const signoffRoutes = new ApiRouter('/health-signoffs', 'settlement')
  .get(
    '/',
    { summary: 'The months × units of a year with their sign-off state (the group and its townships, a township and its villages, a village)' },
    (req) => signoffGrid(req.actor, parse(gridQuery, req.query)),
  )
  .post('/', { summary: 'Sign off a month of a unit’s health data (once every unit below it has)', body: signoffBody }, (req) =>
    signOff(req.actor, parse(signoffBody, req.body)),
  )
  .post('/withdraw', { summary: 'Withdraw a sign-off while the level above has not signed', body: signoffBody }, (req) =>
    withdrawSignoff(req.actor, parse(signoffBody, req.body)),
  );
