// GET /api/settlement-runs/:id/difference: what a correction run (one that supersedes an approved run) changed
// against it — the claims written between the two calculations, line by line (added, reversed, changed), and per
// unit the spending and the allocation before → after (difference.ts). A calculation keeps the highest claim
// revision and id it read (service.ts, claimsWatermark): the lines are the claims of the fund year in the run's
// months with a revision above the approved run's and at most the correction's.
import type { Actor } from '../../core/actor';
import { assertCan, getRow } from '../../core/crud';
import { AppError } from '../../core/errors';
import { db } from '../../db/knex';
import { orgUnits } from '../../org';
import { scopeByUnit } from '../../core/scope';
import { compareFigures } from './difference';
import { SettlementRun, SettlementRunVersion } from './model';
import { runResource, scopedFigures } from './service';
import type { EnumValue } from '../../core/enums';
import type { CLAIM_CHANGE } from '../enums';

/** At most this many claim lines are listed (lines_total says how many there are). */
export const LINES_LISTED = 1000;

export interface ClaimLine {
  id: number;
  claim_no: string;
  kind: EnumValue<typeof CLAIM_CHANGE>;
  reverses_claim_no: string | null;
  provider_class: string;
  org_unit_id: number | null;
  /** the group unit's code and name, or the provider outside the group */
  provider: string;
  care_type: string;
  settled_on: string;
  period_month: number;
  total_cost: string;
  fund_paid: string;
}

const notCorrection = (id: number) =>
  new AppError('business_rule', 'not_a_correction', `run ${id} supersedes no approved run`, [{ field: 'id', message: 'not a correction run' }]);
const notCalculated = (id: number) =>
  new AppError('business_rule', 'not_calculated', `run ${id} is not calculated yet`, [{ field: 'id', message: 'calculate the run first' }]);

export type DifferenceView = Awaited<ReturnType<typeof readDifference>>;

/** The difference of a correction run against the approved run it supersedes. */
export async function readDifference(actor: Actor, id: number) {
  assertCan(actor, 'settlement-runs', 'show');
  const run = await getRow(runResource, actor, id);
  if (!run.supersedes_id) throw notCorrection(id);
  if (!run.figures) throw notCalculated(id);
  const approved = (await SettlementRun.query().findById(run.supersedes_id))!;
  const [before, after] = await Promise.all([versionOf(approved), versionOf(run)]);
  const lines = before?.claims_revision != null && after?.claims_revision != null ? await claimLines(actor, run, before, after) : null;
  return {
    run_id: run.id,
    period: run.period,
    supersedes_id: approved.id,
    before_version: approved.version,
    after_version: run.version,
    ...compareFigures(await scopedFigures(actor, approved.figures!), await scopedFigures(actor, run.figures)),
    /** null when the approved run was calculated before claim revisions were kept */
    lines: lines?.rows ?? null,
    lines_total: lines?.total ?? null,
  };
}

const versionOf = (run: SettlementRun) =>
  SettlementRunVersion.query().select('claims_revision', 'claims_max_id').findOne({ run_id: run.id, version: run.version });

type Watermark = Pick<SettlementRunVersion, 'claims_revision' | 'claims_max_id'>;

/** The claims written after the approved calculation and read by the correction's, in the caller's scope. */
async function claimLines(actor: Actor, run: SettlementRun, before: Watermark, after: Watermark) {
  const qb = db()('claims')
    .where('claims.fund_year_id', run.fund_year_id)
    .where('claims.period_month', '<=', run.through_month)
    .where('claims.revision', '>', before.claims_revision)
    .where('claims.revision', '<=', after.claims_revision);
  // a director sees the lines their unit (and its villages) provided, as in the claims list
  if (actor.scopePath.includes('.')) scopeByUnit('claims.org_unit_id')(qb, actor.scopePath);
  const [{ n }] = await qb.clone().count<{ n: string }[]>('* as n');
  type LineRow = Omit<ClaimLine, 'kind' | 'provider'> & { provider_name: string | null; reverses_claim_id: number | null };
  const rows = await qb
    .leftJoin('claims as original', 'original.id', 'claims.reverses_claim_id')
    .select<LineRow[]>(
      'claims.id',
      'claims.claim_no',
      'claims.reverses_claim_id',
      'original.claim_no as reverses_claim_no',
      'claims.provider_class',
      'claims.org_unit_id',
      'claims.provider_name',
      'claims.care_type',
      'claims.settled_on',
      'claims.period_month',
      'claims.total_cost',
      'claims.fund_paid',
    )
    .orderBy('claims.id')
    .limit(LINES_LISTED);
  const units = new Map((await orgUnits(['id', 'code', 'name'])).map((u: { id: number; code: string; name: string }) => [u.id, u]));
  return {
    total: Number(n),
    rows: rows.map(({ provider_name, reverses_claim_id, ...r }): ClaimLine => {
      const unit = r.org_unit_id === null ? undefined : units.get(r.org_unit_id);
      const kind = reverses_claim_id !== null ? 'reversal' : r.id > before.claims_max_id! ? 'added' : 'changed';
      return { ...r, kind, provider: unit ? `${unit.code} ${unit.name}` : (provider_name ?? '') };
    }),
  };
}
