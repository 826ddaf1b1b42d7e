// 远程会诊 in the centres' figures: the consultations invited in a period (Asia/Shanghai dates,
// inclusive), in the caller's scope, per host unit (the consultation centre) and per host and month —
// how many, held, with their opinion; the turnaround from the invitation to the opinion (hours, median
// and 90th percentile); the opinions on time (uploaded by their due time) against those late (uploaded
// after it, or due and still missing — a cancelled one never), and the fees of those held. One statement: GROUPING SETS.
import type { Actor } from '../../core/actor';
import { can } from '../../core/access';
import { db } from '../../db/knex';
import { round1, share } from '../rules';
import { consultationResource } from './service';

interface Raw {
  /** grouping(month): 1 the host's row, 0 a month's */
  set: number;
  host_org_unit_id: number;
  host_unit_name: string;
  month: string | null;
  consultations: number;
  held: number;
  opinions: number;
  median_hours: number | null;
  p90_hours: number | null;
  on_time: number;
  late: number;
  fees: string;
}

export async function consultationFigures(actor: Actor, q: { from: string; to: string }, now: Date) {
  if (!can(actor.roles, 'diagnosis-consultations', 'list')) return { hosts: [], months: [] };
  const invited = db()('diagnosis_consultations')
    .select(
      'host_org_unit_id',
      'host_unit_name',
      db().raw(
        `date_trunc('month', invited_at at time zone 'Asia/Shanghai') as month, held_at,
         date_part('epoch', opinion_at - invited_at) / 3600 as hours,
         opinion_at <= opinion_due_at as on_time,
         opinion_due_at is not null and status <> 'cancelled' and coalesce(opinion_at, ?::timestamptz) > opinion_due_at as late,
         case when held_at is not null then fee end as fee`,
        [now],
      ),
    )
    .whereRaw("invited_at >= ?::timestamptz and invited_at < ?::timestamptz + interval '1 day'", [`${q.from}T00:00:00+08:00`, `${q.to}T00:00:00+08:00`]);
  consultationResource.scope(invited as never, actor.scopePath, actor);
  const rows = await db()
    .from(invited.as('x'))
    .select<Raw[]>(
      db().raw(`grouping(x.month)::int as set, x.host_org_unit_id, max(x.host_unit_name) as host_unit_name, to_char(x.month, 'YYYY-MM') as month,
        count(*)::int as consultations,
        count(x.held_at)::int as held,
        count(x.hours)::int as opinions,
        percentile_cont(0.5) within group (order by x.hours) filter (where x.hours is not null) as median_hours,
        percentile_cont(0.9) within group (order by x.hours) filter (where x.hours is not null) as p90_hours,
        count(*) filter (where x.on_time)::int as on_time,
        count(*) filter (where x.late)::int as late,
        coalesce(sum(x.fee), 0)::numeric(14,2)::text as fees`),
    )
    .groupByRaw('grouping sets ((x.host_org_unit_id), (x.host_org_unit_id, x.month))')
    .orderByRaw('x.host_org_unit_id, x.month');
  const shape = ({ set: _s, month, ...r }: Raw) => ({
    ...r,
    ...(month == null ? {} : { month }),
    median_hours: round1(r.median_hours),
    p90_hours: round1(r.p90_hours),
    on_time_share: share(r.on_time, r.on_time + r.late),
  });
  return { hosts: rows.filter((r) => r.set === 1).map(shape), months: rows.filter((r) => r.set === 0).map(shape) };
}
