// Claims and satisfaction scores: the scoped lists, the imports (idempotent by claim_no within
// the fund year; a changed row updates the claim with an audit row), the months an approved run
// locks against them, and the drill-down from a unit to its claims.
// Audit choice: one summary row per import, plus one `update` row (before/after) per claim a
// re-import changed; new claims are counted in the summary, not logged one by one.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import type { Audit } from '../../core/transaction';
import { scopeByUnit } from '../../core/scope';
import { assertCan, type ResourceDef } from '../../core/crud';
import { notFound } from '../../core/errors';
import type { UploadedFile } from '../../http/upload';
import { protectIdNumber } from '../../core/personalId';
import { db } from '../../db/knex';
import * as clock from '../../core/clock';
import { unitIdsUnderSql, unitInScope } from '../../org';
import { runImport, unitsByCode, type ImportOptions, type Rejection } from '../import';
import { rowProblem } from '../cells';
import { DEFAULT_ALLOCATION } from '../fundYears/rules';
import { fundYearOr404 } from '../fundYears/service';
import { Claim, SatisfactionScore } from './model';
import { reversalCheck, type ImportedClaim } from './reversalImport';
import {
  CARE_TYPES,
  CLAIM_COLUMNS,
  lockedThrough,
  PROVIDER_CLASSES,
  SATISFACTION_COLUMNS,
  validateClaim,
  validateSatisfaction,
  type SatisfactionRow,
} from './rules';

export const claimResource: ResourceDef<Claim> = {
  name: 'claims',
  model: Claim,
  // a director sees the claims their unit (and its villages) provided; group roles see all,
  // including the claims of providers outside the group (no org unit)
  scope: (qb, scopePath) => (scopePath.includes('.') ? scopeByUnit('claims.org_unit_id')(qb, scopePath) : qb),
  list: {
    fields: {
      fund_year_id: 'int',
      claim_no: 'text',
      provider_class: PROVIDER_CLASSES,
      care_type: CARE_TYPES,
      org_unit_id: 'int',
      insured_unit_id: 'int',
      settled_on: 'date',
      period_month: 'int',
      referred_up: 'bool',
      diagnosis: 'text',
      fund_paid: 'decimal',
      total_cost: 'decimal',
    },
    search: ['claims.claim_no', 'claims.provider_name', 'claims.diagnosis', 'claims.id_number_masked'],
    defaultSort: ['settled_on', 'DESC'],
  },
};

export const satisfactionResource: ResourceDef<SatisfactionScore> = {
  name: 'satisfaction-scores',
  model: SatisfactionScore,
  scope: (qb) => qb,
  list: { fields: { fund_year_id: 'int', month: 'int' }, defaultSort: ['fund_year_id', 'DESC'] },
};

/** The highest month locked by a current approved run of the fund year, and that run. */
export async function lockState(q: Knex | Knex.Transaction, fundYearId: number): Promise<{ lockedThrough: number; lockedBy: number | null }> {
  const runs = await q('settlement_runs')
    .select<{ id: number; through_month: number }[]>('id', 'through_month')
    .where({ fund_year_id: fundYearId, status: 'approved' })
    .whereNull('superseded_by_id')
    .orderBy('through_month', 'desc');
  return { lockedThrough: lockedThrough(runs), lockedBy: runs[0]?.id ?? null };
}

/** Keeps approvals of this fund year out while an import writes (approve takes the row FOR UPDATE). */
const shareLockFundYear = (fundYearId: number) => async (trx: Knex.Transaction) => {
  await trx('fund_years').where('id', fundYearId).forShare();
};

const CLAIM_DATA = [
  'id_number_hash',
  'id_number_masked',
  'insured_name',
  'insured_unit_id',
  'provider_class',
  'provider_kind',
  'org_unit_id',
  'provider_name',
  'care_type',
  'visit_on',
  'discharged_on',
  'settled_on',
  'total_cost',
  'fund_paid',
  'self_pay',
  'self_funded',
  'drug_cost',
  'consumables_cost',
  'diagnosis',
  'referred_up',
  'reverses_claim_id',
  'lands_in_month',
  'claim_count',
] as const;
const RECORD_TYPES =
  'claim_no text, id_number_hash text, id_number_masked text, id_number_cipher text, insured_name text, insured_unit_id int, provider_class text, provider_kind text, org_unit_id int, provider_name text, care_type text, visit_on date, discharged_on date, settled_on date, total_cost numeric, fund_paid numeric, self_pay numeric, self_funded numeric, drug_cost numeric, consumables_cost numeric, diagnosis text, referred_up boolean, reverses_claim_id bigint, lands_in_month smallint, claim_count smallint';

/** One statement per batch: insert new claims, update changed ones (returning what they were), leave equal ones alone. */
async function upsertClaims(trx: Knex.Transaction, fundYearId: number, rows: { row: number; data: ImportedClaim }[], audit: Audit) {
  const input = rows.map(({ data: { id_number, reverses_claim_no: _, ...rest } }) => ({ ...rest, ...protectIdNumber(id_number) }));
  const cols = CLAIM_DATA.join(', ');
  const { rows: changed } = await trx.raw<{
    rows: { id: number; claim_no: string; inserted: boolean; before: Record<string, unknown> | null; after: Record<string, unknown> }[];
  }>(
    `WITH input AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(${RECORD_TYPES})),
          before AS (SELECT c.* FROM claims c JOIN input i ON c.fund_year_id = ? AND c.claim_no = i.claim_no),
          up AS (
            INSERT INTO claims (fund_year_id, claim_no, id_number_cipher, ${cols})
            SELECT ?, claim_no, id_number_cipher, ${cols} FROM input
            ON CONFLICT (fund_year_id, claim_no) DO UPDATE SET
              ${CLAIM_DATA.map((c) => `${c} = excluded.${c}`).join(', ')},
              id_number_cipher = CASE WHEN claims.id_number_hash = excluded.id_number_hash THEN claims.id_number_cipher ELSE excluded.id_number_cipher END,
              revision = nextval('claims_revision_seq'),
              updated_at = now()
            WHERE (${CLAIM_DATA.map((c) => `claims.${c}`).join(', ')}) IS DISTINCT FROM (${CLAIM_DATA.map((c) => `excluded.${c}`).join(', ')})
            RETURNING claims.*, (xmax = 0) AS inserted
          )
     SELECT up.id, up.claim_no, up.inserted,
            to_jsonb(b) - 'id_number_cipher' - 'id_number_hash' AS before,
            to_jsonb(up) - 'id_number_cipher' - 'id_number_hash' - 'inserted' AS after
       FROM up LEFT JOIN before b ON b.claim_no = up.claim_no`,
    [JSON.stringify(input), fundYearId, fundYearId],
  );
  let inserted = 0;
  for (const c of changed) {
    if (c.inserted) inserted += 1;
    else await audit({ action: 'update', resource: 'claims', recordId: c.id, before: c.before, after: c.after });
  }
  return { inserted, updated: changed.length - inserted };
}

/** POST /api/claims/import: claims of one fund year from an xlsx or csv file. */
export async function importClaims(actor: Actor, fundYearId: number, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'claims', 'import');
  const fy = await fundYearOr404(Claim.knex(), fundYearId);
  const [units, lock] = await Promise.all([unitsByCode(Claim.knex()), lockState(Claim.knex(), fy.id)]);
  const ctx = { year: fy.year, units, insuredKinds: fy.allocation.recipient_kinds ?? DEFAULT_ALLOCATION.recipient_kinds, ...lock };
  const reversals = reversalCheck(fy);
  return runImport<ImportedClaim>(actor, file, opts, {
    resource: 'claims',
    columns: CLAIM_COLUMNS,
    required: [
      'claim_no',
      'id_number',
      'provider_class',
      'care_type',
      'visit_on',
      'settled_on',
      'total_cost',
      'fund_paid',
      'self_pay',
      'self_funded',
      'drug_cost',
      'consumables_cost',
    ],
    validate: (raw) => {
      const v = validateClaim(raw, ctx);
      return 'row' in v ? { row: { ...v.row, reverses_claim_id: null, claim_count: 1 } } : v;
    },
    keyField: 'claim_no',
    key: (r) => r.claim_no,
    summary: { fund_year_id: fy.id, region: fy.region, year: fy.year },
    begin: shareLockFundYear(fy.id),
    // a stored claim already settled in a locked period cannot be moved or changed by a re-import; then the reversals
    check: async (q, rows) => {
      const locked = await lockedClaims(q, rows);
      const bad = new Set(locked.map((r) => r.row));
      return [
        ...locked,
        ...(await reversals(
          q,
          rows.filter((r) => !bad.has(r.row)),
        )),
      ];
    },
    write: (trx, rows, audit) => upsertClaims(trx, fy.id, rows, audit),
  });

  async function lockedClaims(q: Knex | Knex.Transaction, rows: { row: number; data: ImportedClaim }[]): Promise<Rejection[]> {
    if (!lock.lockedThrough) return [];
    const locked = await q('claims')
      .select<{ claim_no: string; period_month: number }[]>('claim_no', 'period_month')
      .where('fund_year_id', fy.id)
      .whereIn(
        'claim_no',
        rows.map((r) => r.data.claim_no),
      )
      .where('period_month', '<=', lock.lockedThrough);
    const byNo = new Map(locked.map((l) => [l.claim_no, l.period_month]));
    return rows
      .filter((r) => byNo.has(r.data.claim_no))
      .map((r): Rejection => ({
        row: r.row,
        ...rowProblem('claim_no', 'locked_claim', { period: `${fy.year}-${String(byNo.get(r.data.claim_no)).padStart(2, '0')}`, run: String(lock.lockedBy) }),
      }));
  }
}

/** POST /api/satisfaction-scores/import: the survey score per month (upsert by month). */
export async function importSatisfaction(actor: Actor, fundYearId: number, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'satisfaction-scores', 'import');
  const fy = await fundYearOr404(Claim.knex(), fundYearId);
  const lock = await lockState(Claim.knex(), fy.id);
  return runImport<SatisfactionRow>(actor, file, opts, {
    resource: 'satisfaction-scores',
    columns: SATISFACTION_COLUMNS,
    required: ['period', 'score', 'respondents'],
    validate: (raw) => validateSatisfaction(raw, { year: fy.year, ...lock }),
    keyField: 'period',
    key: (r) => String(r.month),
    summary: { fund_year_id: fy.id, year: fy.year },
    begin: shareLockFundYear(fy.id),
    write: async (trx, rows, audit) => {
      let inserted = 0;
      let updated = 0;
      for (const { data } of rows) {
        const before = await SatisfactionScore.query(trx).findOne({ fund_year_id: fy.id, month: data.month });
        if (!before) {
          const created = await SatisfactionScore.query(trx).insertAndFetch({ fund_year_id: fy.id, ...data });
          await audit({ action: 'create', resource: 'satisfaction-scores', recordId: created.id, after: created });
          inserted += 1;
        } else if (before.score !== data.score || before.respondents !== data.respondents) {
          const after = await SatisfactionScore.query(trx).patchAndFetchById(before.id, { ...data, updated_at: clock.nowIso() });
          await audit({ action: 'update', resource: 'satisfaction-scores', recordId: before.id, before, after });
          updated += 1;
        }
      }
      return { inserted, updated };
    },
  });
}

/** Drill-down: the claims a unit (and its villages) provided, and the claims of the insured registered there, by care type and provider class. */
export async function unitSummary(actor: Actor, fundYearId: number, unitId: number) {
  assertCan(actor, 'claims', 'list');
  const fy = await fundYearOr404(db(), fundYearId);
  const unit = await unitInScope(unitId, actor.scopePath, ['id', 'code', 'name', 'path', 'kind', 'level']);
  if (!unit) throw notFound('org-units', unitId);
  type Sums = { provider_class: string; care_type: string; claims: number } & Record<
    'total_cost' | 'fund_paid' | 'self_pay' | 'self_funded' | 'drug_cost' | 'consumables_cost',
    string
  >;
  const sums = async (qb: Knex.QueryBuilder) =>
    (await qb
      .select('provider_class', 'care_type')
      .sum({
        claims: 'claim_count',
        total_cost: 'total_cost',
        fund_paid: 'fund_paid',
        self_pay: 'self_pay',
        self_funded: 'self_funded',
        drug_cost: 'drug_cost',
        consumables_cost: 'consumables_cost',
      })
      .where('fund_year_id', fy.id)
      .groupBy('provider_class', 'care_type')
      .orderBy(['provider_class', 'care_type'])) as Sums[];
  const [provided, insured] = await Promise.all([
    sums(db()('claims').whereRaw(`org_unit_id in ${unitIdsUnderSql('?')}`, [unit.path])),
    sums(db()('claims').where('insured_unit_id', unit.id)),
  ]);
  const norm = (rows: Sums[]) => rows.map((r) => ({ ...r, claims: Number(r.claims) }));
  return { fund_year_id: fy.id, unit, provided: norm(provided), insured: norm(insured) };
}

/**
 * The drug and total cost (yuan, text) of the claims each unit provided in the group in a month
 * (the month a claim counts in: its settlement month, or the month a late reversal lands in), over
 * every fund year of that calendar year, from the claim totals the database keeps. For another
 * domain's drug share (药占比); a unit without claims is absent.
 */
export async function claimDrugCosts(unitIds: readonly number[], year: number, month: number, conn: Knex | Knex.Transaction = db()) {
  if (!unitIds.length) return new Map<number, { drug_cost: string; total_cost: string }>();
  const rows = await conn('claim_totals as t')
    .join('fund_years as f', 'f.id', 't.fund_year_id')
    .select('t.org_unit_id')
    .sum<{ org_unit_id: number; drug_cost: string; total_cost: string }[]>({ drug_cost: 't.drug_cost', total_cost: 't.total_cost' })
    .where({ 'f.year': year, 't.period_month': month, 't.provider_class': 'in_group' })
    .whereIn('t.org_unit_id', [...unitIds])
    .groupBy('t.org_unit_id');
  return new Map(rows.map((r) => [r.org_unit_id, { drug_cost: r.drug_cost, total_cost: r.total_cost }]));
}

/**
 * A unit's claims of a month by diagnosis (ICD-10) — the month a claim counts in, over the fund year of that
 * calendar year, reversals netted (their amounts ≤ 0, their `claim_count` taking back the stay) — for the HQ's and
 * branches' department pay (科室绩效: drug share and cost per stay by the department treating the diagnosis).
 * Amounts in yuan as decimal strings.
 */
export function unitClaimsByDiagnosis(orgUnitId: number, year: number, month: number, conn: Knex | Knex.Transaction = db()) {
  return conn('claims as c')
    .join('fund_years as f', 'f.id', 'c.fund_year_id')
    .where({ 'f.year': year, 'c.period_month': month, 'c.org_unit_id': orgUnitId })
    .groupBy('c.diagnosis')
    .orderBy('c.diagnosis')
    .select<{ diagnosis: string | null; total_cost: string; drug_cost: string; stays: number; stay_cost: string }[]>(
      'c.diagnosis',
      conn.raw('sum(c.total_cost) as total_cost'),
      conn.raw('sum(c.drug_cost) as drug_cost'),
      conn.raw("coalesce(sum(c.claim_count) filter (where c.care_type = 'inpatient'), 0)::int as stays"),
      conn.raw("coalesce(sum(c.total_cost) filter (where c.care_type = 'inpatient'), 0) as stay_cost"),
    );
}
