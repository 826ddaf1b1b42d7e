// Small pieces the HR sub-domains share: unit facts, the change history writer (effective-dated,
// who/when/from/to), and the pieces of their request schemas (texts, a unit or a year in the query).
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { unitsByIds } from '../org';
import { STAFF_FIELD } from './enums';

/** What the placement rules read of a unit. */
export interface UnitFacts {
  id: number;
  kind: string;
  level: number;
  parent_id: number | null;
  path: string;
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

// ---- request schemas: a bad field is a 400 naming it ----

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const unitQuery = z.strictObject({ org_unit_id: z.coerce.number().int().positive() });
