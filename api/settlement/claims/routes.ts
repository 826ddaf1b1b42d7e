// Claims and satisfaction scores: parse → service → respond.
import { mountCrud } from '../../http/crudRoutes';
import { sendFile, XLSX } from '../../http/download';
import { ApiRouter } from '../../http/router';
import { withUpload } from '../../http/upload';
import { importOptions, importQuery, writeTemplate } from '../import';
import { CLAIM_COLUMNS, CLAIM_NOTES, SATISFACTION_COLUMNS, SATISFACTION_NOTES } from './rules';
import { claimResource, importClaims, importSatisfaction, satisfactionResource } from './service';

export const claimRoutes = new ApiRouter('/claims', 'settlement')
  .get('/template.xlsx', { summary: 'Template workbook for the claims import', produces: XLSX }, (_req, res) =>
    sendFile(res, 'claims-template.xlsx', XLSX, (out) => writeTemplate(out, 'claims', CLAIM_COLUMNS, CLAIM_NOTES)),
  )
  .post('/import', { summary: 'Import claims (multipart xlsx or csv; ?fund_year_id, ?dry_run, ?all_or_nothing)', query: importQuery }, (req, res) => {
    const { fundYearId, opts } = importOptions(req.query);
    return withUpload(req, res, (file) => importClaims(req.actor, fundYearId, file, opts));
  });
mountCrud(claimRoutes, claimResource, { label: 'claims', readOnly: true });

export const satisfactionRoutes = new ApiRouter('/satisfaction-scores', 'settlement')
  .get('/template.xlsx', { summary: 'Template workbook for the satisfaction import', produces: XLSX }, (_req, res) =>
    sendFile(res, 'satisfaction-template.xlsx', XLSX, (out) => writeTemplate(out, 'satisfaction-scores', SATISFACTION_COLUMNS, SATISFACTION_NOTES)),
  )
  .post('/import', { summary: 'Import satisfaction survey scores per month (xlsx or csv)', query: importQuery }, (req, res) => {
    const { fundYearId, opts } = importOptions(req.query);
    return withUpload(req, res, (file) => importSatisfaction(req.actor, fundYearId, file, opts));
  });
mountCrud(satisfactionRoutes, satisfactionResource, { label: 'satisfaction scores', readOnly: true });
