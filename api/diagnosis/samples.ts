// 每月抽查: each month a random sample of a centre's reports is re-read by a senior (主治 or above,
// never the report's own reader), who records whether they agree. The figures read the agreement.
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { conflict, forbidden, unprocessable } from '../core/errors';
import { withinScope } from '../auth';
import { unitById } from '../org';
import { staffQualifications } from '../hr';
import * as clock from '../core/clock';
import { DiagnosisCentre, DiagnosisRequest, DiagnosisSample } from './model';
import { AGREEMENTS, drawSample, readerProblem, type Agreement } from './rules';
import { requestResource } from './service';

export const sampleResource: ResourceDef<DiagnosisSample> = {
  name: 'diagnosis-samples',
  model: DiagnosisSample,
  // visible to whoever sees the request
  scope: (qb, scopePath, hint) =>
    qb.whereIn('diagnosis_samples.request_id', requestResource.scope(DiagnosisRequest.query().select('diagnosis_requests.id'), scopePath, hint)),
  list: {
    fields: { centre_id: 'int', month: 'text', request_id: 'int', reviewer_staff_id: 'int', agreement: AGREEMENTS, reviewed_at: 'timestamp' },
    defaultSort: ['id', 'ASC'],
  },
};

export interface DrawInput {
  centre_id: number;
  month: string;
  size: number;
  reviewer_staff_id: number;
}

/** Draws `size` of the month's reports not sampled yet (and not read by the reviewer) for the reviewer to re-read. */
export function drawMonthlySample(actor: Actor, input: DrawInput, rng: () => number = Math.random) {
  assertCan(actor, 'diagnosis-samples', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const centre = await DiagnosisCentre.query(trx).findById(input.centre_id);
    if (!centre) throw unprocessable('no such centre', [{ field: 'centre_id', message: 'not a diagnosis centre' }]);
    const host = (await unitById(centre.host_org_unit_id, ['path'], trx))!;
    if (!withinScope(host.path, actor.scopePath)) throw forbidden('only the centre’s unit draws its sample');
    const [reviewer] = await staffQualifications({ ids: [input.reviewer_staff_id] }, clock.today(), trx);
    const problem = reviewer ? readerProblem(reviewer, centre, true) : 'not in the staff registry';
    if (problem) throw unprocessable(problem, [{ field: 'reviewer_staff_id', message: problem }]);
    const first = `${input.month}-01T00:00:00+08:00`;
    const ids = await trx('diagnosis_requests as r')
      .where('r.centre_id', centre.id)
      .whereNotNull('r.reported_at')
      .whereRaw("r.reported_at >= ?::timestamptz and r.reported_at < ?::timestamptz + interval '1 month'", [first, first])
      .whereNot('r.signer_staff_id', reviewer.id)
      .whereNotExists((w) => w.select(trx.raw('1')).from('diagnosis_samples as s').whereRaw('s.request_id = r.id'))
      .orderBy('r.id')
      .pluck<number[]>('r.id');
    if (!ids.length) throw unprocessable(`no report of ${input.month} left to sample`, [{ field: 'month', message: 'no report of the month left to sample' }]);
    const now = clock.now();
    const rows = drawSample(ids, input.size, rng).map((request_id) => ({
      centre_id: centre.id,
      month: input.month,
      request_id,
      reviewer_staff_id: reviewer.id,
      reviewer_name: reviewer.name,
      drawn_at: now.toISOString(),
    }));
    const drawn = await DiagnosisSample.query(trx).insertAndFetch(rows);
    await audit({
      action: 'create',
      resource: 'diagnosis-samples',
      recordId: centre.id,
      after: { month: input.month, request_ids: rows.map((r) => r.request_id), of: ids.length },
    });
    return { of: ids.length, samples: drawn };
  });
}

/** The senior's re-reading: agree, a minor or a major difference (a note required for a difference). Recorded once. */
export function reviewSample(actor: Actor, id: number, input: { agreement: Agreement; note?: string | null }) {
  assertCan(actor, 'diagnosis-samples', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'diagnosis_samples', id);
    const current = await getRow(sampleResource, actor, id, trx);
    if (current.reviewed_at) throw conflict(`sample ${id} was reviewed already (${current.agreement})`, { agreement: current.agreement, allowed: [] });
    if (input.agreement !== 'agree' && !input.note?.trim()) throw unprocessable('say what differs', [{ field: 'note', message: 'required for a difference' }]);
    const updated = await DiagnosisSample.query(trx).patchAndFetchById(id, {
      agreement: input.agreement,
      note: input.note?.trim() || null,
      reviewed_at: clock.nowIso(),
    });
    await audit({ action: 'review', resource: 'diagnosis-samples', recordId: id, before: current, after: updated });
    return updated;
  });
}
