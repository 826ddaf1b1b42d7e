// The disease spectrum (病种谱) of a fund year: parse → service → respond.
import { z } from 'zod';
import { ApiRouter } from '../../http/router';
import { idParam, parse } from '../../http/validate';
import { diseaseSpectrum } from './service';

const spectrumQuery = z.object({
  month: z
    .string()
    .regex(/^(1[0-2]|[1-9])$/, 'must be a month 1–12')
    .transform(Number)
    .optional(),
  unit: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'must be the id of a township')
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, 'must be the id of a township')
    .optional(),
});

export const spectrumRoutes = new ApiRouter('/fund-years', 'settlement').get(
  '/:id/disease-spectrum',
  {
    summary:
      'Disease spectrum (病种谱): the top 20 ICD-10 categories by admissions and by fund paid, months 1..month against last year (?month, ?unit: a township)',
    query: spectrumQuery,
  },
  (req) => diseaseSpectrum(req.actor, idParam(req.params.id), parse(spectrumQuery, req.query)),
);
