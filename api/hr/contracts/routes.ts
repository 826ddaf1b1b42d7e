// Village-doctor contracts (乡聘村用) over HTTP: parse (zod) → service → respond.
import { z } from 'zod';
import { mountCrud } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { idParam, isoDate, parse, positiveId } from '../../http/validate';
import { EXIT_REASON } from '../enums';
import { optionalText } from '../shared';
import { contractResource, exitContract, renewContract, signContract } from './service';

const date = isoDate;
const id = positiveId;

const signBody = z.strictObject({
  staff_id: id,
  employer_org_unit_id: id,
  work_org_unit_id: id,
  start_on: date,
  end_on: date,
  note: optionalText(500),
});
const renewBody = z.strictObject({ end_on: date, work_org_unit_id: id.optional(), note: optionalText(500) });
const exitBody = z.strictObject({ exit_reason: z.enum(EXIT_REASON.values), exit_on: date.optional() });

export const contractRoutes = new ApiRouter('/village-doctor-contracts', 'hr')
  .post('/', { summary: 'Sign a 乡聘村用 contract (township employs, village clinic of that township works)', body: signBody }, (req) =>
    signContract(req.actor, parse(signBody, req.body)),
  )
  .post('/:id/renew', { summary: 'Renew: the contract continues in a new one', body: renewBody }, (req) =>
    renewContract(req.actor, idParam(req.params.id), parse(renewBody, req.body)),
  )
  .post('/:id/exit', { summary: 'Exit (准入退出) with a coded reason; the doctor leaves', body: exitBody }, (req) =>
    exitContract(req.actor, idParam(req.params.id), parse(exitBody, req.body)),
  );
mountCrud(contractRoutes, contractResource, { label: 'village-doctor contracts', readOnly: true });
