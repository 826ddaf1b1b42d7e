// Small pieces the HR services share: unit facts, rule problems as API errors,
// and the change history writer (effective-dated, who/when/from/to).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { AppError } from '../core/errors';
import { unitsByIds } from '../org';
import type { Problem } from './rotationRules';
import type { UnitFacts } from './rules';
import { STAFF_FIELD } from './enums';

/** A rule problem as the API error: details carry `rule` and `params` for the UI's Chinese text. */
export function raise(p: Problem): never {
  throw new AppError(p.kind, p.kind, p.message, [{ field: p.field, message: p.message, rule: p.rule, params: p.params }]);
}

export type Unit = UnitFacts & { code: string; name: string };

export async function unitsById(trx: Knex | Knex.Transaction, ids: number[]): Promise<Map<number, Unit>> {
  const rows: Unit[] = await unitsByIds(ids, ['id', 'code', 'name', 'kind', 'level', 'parent_id', 'path'], trx);
  return new Map(rows.map((u) => [u.id, u]));
}

/** The staff fields whose changes are kept as effective-dated history. */
export const TRACKED = STAFF_FIELD.values;

/** A staff row, or a patch of one, as far as its history goes. */
type TrackedFields = { readonly [F in (typeof TRACKED)[number]]?: string | number | null };

/** Writes one history row per tracked field that differs between `before` and `after`. */
export async function recordHistory(
  trx: Knex.Transaction,
  actor: Actor,
  staffId: number,
  before: TrackedFields | null,
  after: TrackedFields,
  effectiveOn: string,
  reason: string | null = null,
) {
  const rows = TRACKED.filter((f) => f in after && (before === null || String(before[f] ?? '') !== String(after[f] ?? ''))).map((field) => ({
    staff_id: staffId,
    field,
    from_value: before?.[field] == null ? null : String(before[field]),
    to_value: after[field] == null ? null : String(after[field]),
    effective_on: effectiveOn,
    reason,
    changed_by: actor.id || null,
    changed_by_name: actor.displayName,
  }));
  if (rows.length) await trx('staff_history').insert(rows);
  return rows.length;
}
