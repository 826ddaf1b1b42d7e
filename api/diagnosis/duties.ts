// 排班: the centre's duty roster per day, kept by the centre's head (or the director of its unit) a
// week at a time; on a day with a roster only a reader on it may be assigned, report or co-sign.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { assertCan } from '../core/crud';
import { forbidden, notFound, unprocessable } from '../core/errors';
import { withinScope } from '../auth';
import { unitById } from '../org';
import { staffQualifications } from '../hr';
import * as clock from '../core/clock';
import { DiagnosisCentre, DiagnosisDuty } from './model';
import { dutyProblem, readerProblem, rosterProblem } from './rules';

export interface RosterQuery {
  from: string;
  to: string;
}
export interface RosterInput extends RosterQuery {
  duties: { day: string; staff_id: number }[];
}

const period = (q: RosterQuery, days: readonly string[] = []) => {
  const problem = rosterProblem(q.from, q.to, days);
  if (problem) throw unprocessable(`invalid ${problem.field}`, [problem]);
};

const dutiesOf = (conn: Knex | Knex.Transaction, centreId: number, q: RosterQuery) =>
  DiagnosisDuty.query(conn)
    .select('day', 'staff_id', 'staff_name')
    .where('centre_id', centreId)
    .whereBetween('day', [q.from, q.to])
    .orderBy(['day', 'staff_name']);

/** The roster of a centre from `from` to `to` (the week view): each day's readers on duty. */
export async function dutyRoster(actor: Actor, centreId: number, q: RosterQuery) {
  assertCan(actor, 'diagnosis-centres', 'show');
  period(q);
  const centre = await DiagnosisCentre.query().findById(centreId);
  if (!centre) throw notFound('diagnosis-centres', centreId);
  return { centre_id: centre.id, from: q.from, to: q.to, duties: await dutiesOf(DiagnosisDuty.knex(), centre.id, q) };
}

/** Replaces the roster of `from`–`to` with `duties`: each a reader the HR registry qualifies for the centre (422 naming the entry otherwise). */
export function setDutyRoster(actor: Actor, centreId: number, input: RosterInput) {
  assertCan(actor, 'diagnosis-centres', 'roster');
  period(
    input,
    input.duties.map((d) => d.day),
  );
  return inTransaction(actor, async (trx, audit) => {
    const centre = await DiagnosisCentre.query(trx).findById(centreId).forUpdate();
    if (!centre) throw notFound('diagnosis-centres', centreId);
    const host = (await unitById(centre.host_org_unit_id, ['path'], trx))!;
    if (actor.id !== centre.head_user_id && !withinScope(host.path, actor.scopePath))
      throw forbidden("only the centre's head or its unit's director keeps the duty roster");
    const ids = [...new Set(input.duties.map((d) => d.staff_id))];
    const people = await staffQualifications({ ids }, clock.today(), trx);
    for (const [i, d] of input.duties.entries()) {
      const person = people.find((p) => p.id === d.staff_id);
      const problem = person ? readerProblem(person, centre) : 'not in the staff registry';
      if (problem) throw unprocessable(problem, [{ field: `duties.${i}.staff_id`, message: problem }]);
    }
    const before = await dutiesOf(trx, centre.id, input);
    await DiagnosisDuty.query(trx).delete().where('centre_id', centre.id).whereBetween('day', [input.from, input.to]);
    const unique = [...new Map(input.duties.map((d) => [`${d.day}/${d.staff_id}`, d])).values()];
    if (unique.length)
      await DiagnosisDuty.query(trx).insert(
        unique.map((d) => ({
          centre_id: centre.id,
          day: d.day,
          staff_id: d.staff_id,
          staff_name: people.find((p) => p.id === d.staff_id)!.name,
          created_by: actor.id || null,
        })),
      );
    const after = await dutiesOf(trx, centre.id, input);
    await audit({
      action: 'roster',
      resource: 'diagnosis-centres',
      recordId: centre.id,
      before: { ...input, duties: before },
      after: { ...input, duties: after },
    });
    return { centre_id: centre.id, from: input.from, to: input.to, duties: after };
  });
}

/** The readers on duty at a centre on a day (none: the centre kept no roster that day). */
export async function onDuty(conn: Knex | Knex.Transaction, centreId: number, day: string): Promise<number[]> {
  const rows = await DiagnosisDuty.query(conn).select('staff_id').where({ centre_id: centreId, day });
  return rows.map((r) => r.staff_id);
}

/** A 422 naming `field` when the reader is not on the centre's roster today (Beijing date). */
export async function assertOnDuty(trx: Knex.Transaction, centreId: number, staffId: number, field: string) {
  const day = clock.today();
  const problem = dutyProblem(await onDuty(trx, centreId, day), staffId, day);
  if (problem) throw unprocessable(problem, [{ field, message: problem }]);
}
