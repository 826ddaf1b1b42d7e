// Fund years and the insured population per unit: parse → service → respond. The fund year's
// dashboard and a unit's drill-down are read from the runs and the claims under its URL.
import { z } from 'zod';
import { assertCan, getRow } from '../../core/crud';
import { mountCrud } from '../../http/crudRoutes';
import { sendFile, XLSX } from '../../http/download';
import { ApiRouter } from '../../http/router';
import { withUpload } from '../../http/upload';
import { idParam } from '../../http/validate';
import { GATE, type GateRegistry } from '../enums';
import { importOptions, importQuery, writeTemplate } from '../import';
import { unitSummary } from '../claims/service';
import { dashboard } from '../runs/service';
import { readAdvances } from '../advances/service';
import {
  ALLOCATION_INDICATORS,
  DEFAULT_ALLOCATION,
  DEFAULT_BUNDLE_RATIO,
  DEFAULT_GATES,
  DEFAULT_INDICATOR_THRESHOLDS,
  DEFAULT_PROFILE,
  DEFAULT_TIERS,
  INDICATOR_KEYS,
  POPULATION_COLUMNS,
  POPULATION_NOTES,
  type GateKey,
} from './rules';
import { fundYearResource, importPopulations, populationResource, withBudget } from './service';

const amount = z.union([z.string().regex(/^\d+(\.\d{1,2})?$/, 'an amount with at most two decimals'), z.number().nonnegative()]).transform(String);
const share = z.number().min(0).max(1);
const tiers = z.array(z.strictObject({ upTo: share.positive().nullable(), groupShare: share })).min(1);
const gate = z.strictObject({ threshold: z.number().nonnegative(), deduction: share });
/** one threshold and deduction per gate of the registry */
export const gatesSchema = (registry: GateRegistry = GATE) =>
  z.strictObject(Object.fromEntries(registry.values.map((k) => [k, gate])) as Record<GateKey, typeof gate>);
const gates = gatesSchema();
const thresholds = z.strictObject(
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, z.number().nonnegative()])) as Record<(typeof INDICATOR_KEYS)[number], z.ZodNumber>,
);
const allocation = z.strictObject({
  pools: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z_]{1,40}$/),
        share,
        indicators: z.array(z.strictObject({ key: z.enum(ALLOCATION_INDICATORS), weight: share, higher_is_better: z.boolean() })).min(1),
      }),
    )
    .min(1),
  recipient_kinds: z.array(z.string()).min(1),
});
const fundYearFields = {
  region: z.string().trim().min(1).max(50),
  year: z.number().int().min(2000).max(2100),
  insured_count: z.number().int().nonnegative(),
  premium_total: amount,
  catastrophic_pool: amount,
  outpatient_pool: amount,
  bundle_ratio: z.union([z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/), z.number().gt(0).max(1)]).transform(String),
  overspend_tiers: tiers,
  gates,
  indicator_thresholds: thresholds,
  allocation,
  monthly_profile: z.array(z.number().nonnegative()).length(12),
};
const createFundYear = z
  .strictObject({
    ...fundYearFields,
    bundle_ratio: fundYearFields.bundle_ratio.optional(),
    overspend_tiers: tiers.optional(),
    gates: gates.optional(),
    indicator_thresholds: thresholds.partial().optional(),
    allocation: allocation.optional(),
    monthly_profile: fundYearFields.monthly_profile.optional(),
  })
  .transform((d) => ({
    ...d,
    bundle_ratio: d.bundle_ratio ?? DEFAULT_BUNDLE_RATIO,
    overspend_tiers: d.overspend_tiers ?? DEFAULT_TIERS,
    gates: d.gates ?? DEFAULT_GATES,
    indicator_thresholds: { ...DEFAULT_INDICATOR_THRESHOLDS, ...d.indicator_thresholds },
    allocation: d.allocation ?? DEFAULT_ALLOCATION,
    monthly_profile: d.monthly_profile ?? DEFAULT_PROFILE,
  }));
const updateFundYear = z.strictObject(fundYearFields).partial();

export const fundYearRoutes = new ApiRouter('/fund-years', 'settlement')
  .get('/:id/dashboard', { summary: 'Budget against cumulative spending by month, the runs, and the latest figures' }, (req) =>
    dashboard(req.actor, idParam(req.params.id)),
  )
  .get('/:id/advances', { summary: 'Advances (预拨付) by month, planned by the profile against paid, and the final run’s 清算' }, (req) =>
    readAdvances(req.actor, idParam(req.params.id)),
  )
  .get('/:id/units/:unitId/summary', { summary: 'Claims a unit provided and claims of its insured, by provider class and care type' }, (req) =>
    unitSummary(req.actor, idParam(req.params.id), idParam(req.params.unitId)),
  )
  .get('/:id', { summary: 'Read one fund year with its budget' }, async (req) => {
    assertCan(req.actor, 'fund-years', 'show');
    return withBudget(await getRow(fundYearResource, req.actor, idParam(req.params.id)));
  });
mountCrud(fundYearRoutes, fundYearResource, {
  label: 'fund years (each with its budget)',
  create: createFundYear,
  update: updateFundYear,
  echoed: ['budget', 'monthly_budgets'], // derived, sent back by the edit form
  readOnly: true,
  view: (rows) => rows.map(withBudget),
});

const populationFields = {
  fund_year_id: z.number().int().positive(),
  org_unit_id: z.number().int().positive(),
  insured_population: z.number().int().nonnegative(),
  baseline_admissions: z.number().int().nonnegative().nullable().optional(),
};
export const populationRoutes = new ApiRouter('/fund-year-populations', 'settlement')
  .get('/template.xlsx', { summary: 'Template workbook for the insured population import', produces: XLSX }, (_req, res) =>
    sendFile(res, 'insured-population-template.xlsx', XLSX, (out) => writeTemplate(out, 'fund-year-populations', POPULATION_COLUMNS, POPULATION_NOTES)),
  )
  .post(
    '/import',
    { summary: 'Import insured population per unit (xlsx or csv; ?fund_year_id, ?dry_run, ?all_or_nothing)', query: importQuery },
    (req, res) => {
      const { fundYearId, opts } = importOptions(req.query);
      return withUpload(req, res, (file) => importPopulations(req.actor, fundYearId, file, opts));
    },
  );
mountCrud(populationRoutes, populationResource, {
  label: 'insured populations per unit',
  create: z.strictObject(populationFields),
  update: z.strictObject(populationFields).partial(),
});
