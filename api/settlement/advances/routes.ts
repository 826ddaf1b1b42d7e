// Advances paid (预拨付): parse → service → respond (the fund year's months and 清算: GET /api/fund-years/:id/advances). Recorded by group finance; read by finance, the group admin and the auditor.
import { z } from 'zod';
import { mountCrud } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { isoDate, moneyInput } from '../../http/validate';
import { fromFen } from '../../shared/money';
import { advanceResource } from './service';

const createAdvance = z.strictObject({
  fund_year_id: z.number().int().positive(),
  month: z.number().int().min(1).max(12),
  amount: moneyInput.refine((fen) => fen > 0n, 'must be more than 0').transform(fromFen),
  paid_on: isoDate,
  reference: z.string().trim().min(1).max(100),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const advanceRoutes = new ApiRouter('/settlement-advances', 'settlement');
mountCrud(advanceRoutes, advanceResource, { label: 'advances paid to the group (预拨付)', create: createAdvance, readOnly: true });
