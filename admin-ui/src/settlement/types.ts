// The settlement API's answers as the screens read them: the API's own types as JSON (api/core/json.ts),
// never re-declared here (import type only: nothing of api/ reaches the bundle). Amounts are decimal strings.
import type { AnswerOf, Json } from '../../../api/core/json';
import type {
  Claim,
  dashboard,
  ImportResult as Import,
  readRun,
  RunFigures,
  runSummary,
  signoffGrid,
  unitSummary,
  whatIf,
  readDifference,
  withBudget,
  diseaseSpectrum,
} from '../../../api/settlement';
// the run's figures are the API's own type (api/settlement/runs/calculation.ts)
export type { AdvancesView } from '../../../api/settlement';
export type { Indicator, RunFigures } from '../../../api/settlement';
export type Gate = RunFigures['gates'][number];
export type Allocation = RunFigures['allocations'][number];
export type SpendingCell = RunFigures['spending']['by_class_and_care'][number];
/** A run as the lists and the dashboard show it (api/settlement/runs/service.ts runSummary) */
export type RunSummary = AnswerOf<typeof runSummary>;
/** GET /api/settlement-runs/:id: the run, its figures, its versions and its history */
export type RunDetail = AnswerOf<typeof readRun>;
/** A version's stored inputs (the health indicators its allocation read) and what changed against the version before */
export type RunInputs = Pick<RunDetail, 'inputs' | 'input_changes' | 'inputs_compared_with'>;
/** GET /api/health-signoffs: the months × units of a year with their sign-off state */
export type SignoffGrid = AnswerOf<typeof signoffGrid>;
/** GET /api/settlement-runs/:id/difference: a correction run against the approved run it supersedes */
export type RunDifference = AnswerOf<typeof readDifference>;
/** GET /api/fund-years/:id: a fund year with its budget */
export type FundYearRecord = AnswerOf<typeof withBudget>;
/** GET /api/fund-years/:id/dashboard */
export type Dashboard = AnswerOf<typeof dashboard>;
/** The year-end forecast on the dashboard (api/settlement/runs/forecast.ts) */
export type Forecast = NonNullable<Dashboard['forecast']>;
/** POST /api/settlement-runs/:id/what-if: the run settled with changed settings beside its real figures */
export type WhatIfAnswer = AnswerOf<typeof whatIf>;
/** GET /api/claims/unit-summary: a unit's claims as provider and as the insured's unit */
export type UnitSummary = AnswerOf<typeof unitSummary>;
export type UnitSummaryRow = UnitSummary['provided'][number];
/** The answer of an import (claims, satisfaction, populations) */
export type ImportResult = Json<Import>;

/** 0.1027 → "10.27%" */
export const pct = (r: number | null | undefined, places = 2) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(places)}%`);
/** NumberField options for amounts in yuan: ¥1,234.50 */
export { YUAN } from '../shared/columnFields';
/** Member units as the group is drawn: by level (HQ, branches, townships), then code. */
export const byLevelThenCode = <U extends { level: number; code: string }>(units: readonly U[]) =>
  [...units].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
/** GET /api/claims: an insurance claim (api/settlement/claims/model.ts; the full ID number is never answered) */
export type ClaimRecord = Omit<Json<Claim>, 'id_number_hash' | 'id_number_cipher'>;
/** GET /api/fund-years/:id/disease-spectrum: the top 20 ICD-10 categories by admissions and by fund paid, this year against last */
export type DiseaseSpectrum = AnswerOf<typeof diseaseSpectrum>;
export type SpectrumRow = DiseaseSpectrum['by_admissions'][number];
