// Fixed assets (固定资产): the register per unit, group approval of purchases above the
// configured value, and the idle-asset market: an idle asset is offered, another member asks
// for it, the group approves the transfer; every transfer stays in the history.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByAnyUnit, scopeByUnit } from '../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, readRow, type ResourceDef } from '../core/crud';
import { conflict, forbidden, notFound, unprocessable } from '../core/errors';
import { fromFen, type Fen } from '../shared/money';
import { joinUnit, unitsByIds } from '../org';
import { Asset, AssetTransfer } from './model';
import { ASSET_CATEGORIES, ASSET_STATES, assetApprovalThreshold, assetTransitions, canMoveAsset, needsGroupApproval, type AssetState } from './rules';
import { TRANSFER_STATUS } from './enums';
import * as clock from '../core/clock';

const GROUP_APPROVERS = ['group_finance', 'group_admin'];

export const assetResource: ResourceDef<Asset> = {
  name: 'assets',
  model: Asset,
  scope: scopeByUnit('assets.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', code: 'text', name: 'text', category: ASSET_CATEGORIES, status: ASSET_STATES, acquired_on: 'date', value: 'decimal' },
    search: ['assets.name', 'assets.code'],
    defaultSort: ['code', 'ASC'],
  },
};

// a transfer is seen by both the giving and the receiving member
export const transferResource: ResourceDef<AssetTransfer> = {
  name: 'asset-transfers',
  model: AssetTransfer,
  scope: scopeByAnyUnit('asset_transfers.from_org_unit_id', 'asset_transfers.to_org_unit_id'),
  list: {
    fields: {
      asset_id: 'int',
      from_org_unit_id: 'int',
      to_org_unit_id: 'int',
      status: TRANSFER_STATUS.values,
      created_at: 'timestamp',
    },
    defaultSort: ['created_at', 'DESC'],
  },
};

/** Transfers with the asset's and both members' names: each side sees the other's, outside its own scope. */
export async function withNames(rows: AssetTransfer[]) {
  if (!rows.length) return [];
  const unitIds = [...new Set(rows.flatMap((r) => [r.from_org_unit_id, r.to_org_unit_id]))];
  const units = await unitsByIds(unitIds, ['id', 'code', 'name']);
  const assets = await db()('assets')
    .select<Pick<Asset, 'id' | 'code' | 'name'>[]>('id', 'code', 'name')
    .whereIn('id', [...new Set(rows.map((r) => r.asset_id))]);
  const unit = new Map(units.map((u) => [u.id, `${u.name} (${u.code})`]));
  const asset = new Map(assets.map((a) => [a.id, `${a.name}（${a.code}）`]));
  return rows.map((r) => ({
    ...r.toJSON(),
    asset_name: asset.get(r.asset_id),
    from_unit_name: unit.get(r.from_org_unit_id),
    to_unit_name: unit.get(r.to_org_unit_id),
  }));
}

export async function readTransfer(actor: Actor, id: number) {
  return (await withNames([await readRow(transferResource, actor, id)]))[0];
}

function assertAssetMove(a: Asset, to: AssetState) {
  if (!canMoveAsset(a.status, to)) {
    const allowed = assetTransitions(a.status);
    throw conflict(`asset ${a.code} is ${a.status}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`, { status: a.status, allowed });
  }
}

const isGroupApprover = (actor: Actor) => actor.roles.some((r) => GROUP_APPROVERS.includes(r));

/** Registers an asset; a purchase at or above the threshold waits for group approval. */
export function createAsset(
  actor: Actor,
  input: { org_unit_id: number; code: string; name: string; category: string; value: Fen; acquired_on: string; note?: string },
) {
  assertCan(actor, 'assets', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const needsApproval = needsGroupApproval(input.value) && !isGroupApprover(actor);
    const created = await Asset.query(trx).insertAndFetch({
      ...input,
      value: fromFen(input.value),
      note: input.note ?? null,
      status: needsApproval ? 'pending_approval' : 'in_use',
      approved_by: needsApproval ? null : actor.id || null,
    });
    await audit({
      action: 'create',
      resource: 'assets',
      recordId: created.id,
      after: { ...created.toJSON(), approval_threshold: fromFen(assetApprovalThreshold()) },
    });
    return created;
  });
}

async function lockedAsset(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(assetResource, actor, id, trx);
  await lockRow(trx, 'assets', id);
  return (await Asset.query(trx).findById(id))!;
}

/** approve (group), offer (→ idle, on the market), withdraw (idle → in use), dispose. */
export function moveAsset(actor: Actor, id: number, verb: 'approve' | 'offer' | 'withdraw' | 'dispose', note?: string) {
  assertCan(actor, 'assets', verb);
  const to: AssetState = { approve: 'in_use', offer: 'idle', withdraw: 'in_use', dispose: 'disposed' }[verb] as AssetState;
  return inTransaction(actor, async (trx, audit) => {
    const a = await lockedAsset(trx, actor, id);
    if (verb === 'approve' && a.status !== 'pending_approval')
      throw conflict(`asset ${a.code} is ${a.status}; only a pending purchase is approved`, { status: a.status, allowed: assetTransitions(a.status) });
    if (verb === 'withdraw' && a.status !== 'idle')
      throw conflict(`asset ${a.code} is ${a.status}; only an idle asset is withdrawn from the market`, {
        status: a.status,
        allowed: assetTransitions(a.status),
      });
    assertAssetMove(a, to);
    const after = await Asset.query(trx).patchAndFetchById(id, {
      status: to,
      ...(verb === 'approve' ? { approved_by: actor.id } : {}),
      ...(note ? { note } : {}),
      updated_at: clock.nowIso(),
    });
    await audit({ action: verb, resource: 'assets', recordId: id, before: a, after });
    return after;
  });
}

/** The idle-asset market: idle assets of every member, for any member to ask for. */
export async function market(actor: Actor, q: { category?: string; q?: string }) {
  assertCan(actor, 'assets', 'list');
  return joinUnit(db()('assets as a'), 'u', 'a.org_unit_id')
    .where('a.status', 'idle')
    .modify((qb) => {
      if (q.category) qb.where('a.category', q.category);
      if (q.q) qb.where((w) => w.whereILike('a.name', `%${q.q}%`).orWhereILike('a.code', `%${q.q}%`));
    })
    .select<
      (Pick<Asset, 'id' | 'code' | 'name' | 'category' | 'value' | 'acquired_on' | 'note' | 'org_unit_id' | 'updated_at'> & {
        unit_code: string;
        unit_name: string;
      })[]
    >(
      'a.id',
      'a.code',
      'a.name',
      'a.category',
      'a.value',
      'a.acquired_on',
      'a.note',
      'a.org_unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'a.updated_at',
    )
    .orderBy('a.updated_at', 'desc')
    .limit(500);
}

/** A member asks for an idle asset of another member. */
export function requestTransfer(actor: Actor, input: { asset_id: number; to_org_unit_id: number; reason: string }) {
  assertCan(actor, 'asset-transfers', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.to_org_unit_id, 'to_org_unit_id', trx);
    const asset = await Asset.query(trx).findById(input.asset_id).forUpdate();
    if (!asset || asset.status !== 'idle')
      throw asset ? conflict(`asset ${asset.code} is ${asset.status}, not on the idle market`, { status: asset.status }) : notFound('assets', input.asset_id);
    if (asset.org_unit_id === input.to_org_unit_id)
      throw unprocessable('the asset already belongs to that unit', [{ field: 'to_org_unit_id', message: 'must be another unit' }]);
    const transfer = await AssetTransfer.query(trx).insertAndFetch({
      asset_id: asset.id,
      from_org_unit_id: asset.org_unit_id,
      to_org_unit_id: input.to_org_unit_id,
      reason: input.reason,
      status: 'requested',
      requested_by: actor.id || null,
    });
    await trx('assets').where('id', asset.id).update({ status: 'transferring', updated_at: clock.nowIso() });
    await audit({ action: 'request', resource: 'asset-transfers', recordId: transfer.id, after: transfer });
    return transfer;
  });
}

/** The group approves (the asset moves to the new unit, in use) or rejects (back on the market); the requester may cancel. */
export function decideTransfer(actor: Actor, id: number, verb: 'approve' | 'reject' | 'cancel', comment?: string) {
  assertCan(actor, 'asset-transfers', verb);
  return inTransaction(actor, async (trx, audit) => {
    await getRow(transferResource, actor, id, trx);
    await lockRow(trx, 'asset_transfers', id);
    const t = (await AssetTransfer.query(trx).findById(id))!;
    if (t.status !== 'requested') throw conflict(`asset transfer ${id} is ${t.status}; allowed: none`, { status: t.status, allowed: [] });
    if (verb === 'cancel' && t.requested_by !== actor.id) throw forbidden('only the requester may cancel a transfer request');
    if (verb === 'approve' && t.requested_by === actor.id) throw forbidden('nobody approves their own request');
    const status = { approve: 'approved', reject: 'rejected', cancel: 'cancelled' }[verb] as AssetTransfer['status'];
    const after = await AssetTransfer.query(trx).patchAndFetchById(id, {
      status,
      decided_by: actor.id || null,
      decided_at: clock.nowIso(),
      decision_comment: comment ?? null,
      updated_at: clock.nowIso(),
    });
    const asset = (await Asset.query(trx).findById(t.asset_id).forUpdate())!;
    const assetAfter = await Asset.query(trx).patchAndFetchById(
      t.asset_id,
      verb === 'approve' ? { org_unit_id: t.to_org_unit_id, status: 'in_use', updated_at: clock.nowIso() } : { status: 'idle', updated_at: clock.nowIso() },
    );
    await audit({ action: verb, resource: 'asset-transfers', recordId: id, before: t, after });
    await audit({ action: verb === 'approve' ? 'transfer' : 'return_to_market', resource: 'assets', recordId: t.asset_id, before: asset, after: assetAfter });
    return after;
  });
}
