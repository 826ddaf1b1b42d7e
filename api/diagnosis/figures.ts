// The centres' figures over a period (requests submitted in it, dates inclusive, Asia/Shanghai):
// per centre, per service and urgency, per requesting unit — volumes, turnaround (submitted to
// reported) median and 90th percentile against the norm, the on-time share, critical values with
// their acknowledgement times, the sample's agreement rate, the requesters' evaluations and the fees
// of the reports; the workload per reader (first and second signatures); and the national indicator
// of the year the period ends in: the share of village clinics that sent the ECG centres a request.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { assertCan } from '../core/crud';
import { db } from '../db/knex';
import * as clock from '../core/clock';
import { rootUnitId, unitAtPath } from '../org';
import { requestResource } from './service';
import { villageEcgRequests } from './monitoring';
import { consultationFigures } from './consultations/figures';
import { round1, share } from './rules';

export interface FiguresQuery {
  from: string;
  to: string;
  centre_id?: number;
}

interface Raw {
  /** grouping() of (service, unit, month): 7 the centre's row, 3 a service's, 5 a requesting unit's, 6 a month's */
  set: number;
  centre_id: number;
  service_id: number | null;
  urgency: string | null;
  from_org_unit_id: number | null;
  month: string | null;
  service_name: string | null;
  unit_name: string | null;
  norm_minutes: number | null;
  requests: number;
  returned: number;
  reported: number;
  on_time: number;
  late: number;
  /** the median and the 90th percentile of the turnaround minutes (null: nothing reported) */
  turnaround: [number, number] | null;
  critical: number;
  critical_acknowledged: number;
  median_ack_minutes: number | null;
  max_ack_minutes: number | null;
  escalated: number;
  fees: string;
  sampled: number;
  sample_agree: number;
  evaluated: number;
  mean_score: string | null;
}
const SET = { centre: 7, service: 3, unit: 5, month: 6 } as const;

/** The requests of the period (submitted in it), of the centre when given, in the caller's scope. */
function ofPeriod(qb: Knex.QueryBuilder, actor: Actor, q: FiguresQuery) {
  qb.whereRaw("r.submitted_at >= ?::timestamptz and r.submitted_at < ?::timestamptz + interval '1 day'", [
    `${q.from}T00:00:00+08:00`,
    `${q.to}T00:00:00+08:00`,
  ]);
  if (q.centre_id !== undefined) qb.where('r.centre_id', q.centre_id);
  // the caller's scope: requests of their units, or to their units' centres (the whole group's: no
  // condition, rather than a semi-join of every request with itself)
  if (!actor.scopeIsWholeGroup)
    qb.whereIn('r.id', requestResource.scope(db()('diagnosis_requests').select('diagnosis_requests.id') as never, actor.scopePath, actor) as never);
  return qb;
}

/**
 * The work_mem the GROUPING SETS statement runs with (SET LOCAL in its own read transaction). At the
 * server's 4 MB a year of 200,000 requests spilled to disk (EXPLAIN (ANALYZE, BUFFERS) in the bench:
 * then sorts in external merges, 67 MB of temporary blocks written and read again); its hash tables,
 * each group’s turnaround minutes among them, now take 12 MB.
 */
export const FIGURES_WORK_MEM = '64MB';

/**
 * The four tables in one statement, one scan of the period: GROUPING SETS per centre, per centre,
 * service and urgency, per centre and requesting unit, per centre and month (each row says its set).
 * The scan projects each request to the few narrow values the measures need (minutes as float8, the
 * month as a timestamp). The sets are hashed, all four in that one pass, rather than sorted three
 * times: an ordered-set aggregate (percentile_cont … within group) would force the sorts, so each
 * group gathers its turnaround minutes in an array and the percentiles are taken of that array —
 * the same percentile_cont over the same values. The planner hashes the month's set only when it
 * knows how few months a year has: the statistics on the month expression (migration
 * 20270120000100; the expression here must stay the same text).
 */
async function grouped(actor: Actor, q: FiguresQuery, now: Date): Promise<Raw[]> {
  const requests = ofPeriod(
    db()('diagnosis_requests as r')
      .leftJoin('diagnosis_samples as s', 's.request_id', 'r.id')
      .select(
        'r.centre_id',
        'r.service_id',
        'r.urgency',
        'r.from_org_unit_id',
        db().raw(
          `date_trunc('month', r.submitted_at at time zone 'Asia/Shanghai') as month,
           r.service_name, r.from_unit_name, r.norm_minutes,
           r.status = 'returned' as returned,
           date_part('epoch', r.reported_at - r.submitted_at) / 60 as minutes,
           r.reported_at <= r.due_at as on_time,
           r.status <> 'returned' and coalesce(r.reported_at, ?::timestamptz) > r.due_at as late,
           r.critical,
           case when r.critical then date_part('epoch', r.acknowledged_at - r.reported_at) / 60 end as ack_minutes,
           r.escalation_level > 0 as escalated,
           case when r.reported_at is not null then r.fee end as fee,
           s.agreement,
           r.evaluation_score`,
          [now],
        ),
      ),
    actor,
    q,
  );
  const month = "to_char(x.month, 'YYYY-MM')";
  const statement = db()
    .from(requests.as('x'))
    .select<Raw[]>(
      db().raw(
        `grouping(x.service_id, x.from_org_unit_id, x.month)::int as set,
         x.centre_id, x.service_id, x.urgency, x.from_org_unit_id, ${month} as month,
         case when grouping(x.service_id) = 0 then max(x.service_name) end as service_name,
         case when grouping(x.from_org_unit_id) = 0 then max(x.from_unit_name) end as unit_name,
         case when grouping(x.service_id) = 0 then max(x.norm_minutes) end::int as norm_minutes,
         count(*)::int as requests,
         count(*) filter (where x.returned)::int as returned,
         count(x.minutes)::int as reported,
         count(*) filter (where x.on_time)::int as on_time,
         count(*) filter (where x.late)::int as late,
         (select percentile_cont(array[0.5, 0.9]) within group (order by m) from unnest(array_agg(x.minutes) filter (where x.minutes is not null)) m) as turnaround,
         count(*) filter (where x.critical)::int as critical,
         count(x.ack_minutes)::int as critical_acknowledged,
         (select percentile_cont(0.5) within group (order by m) from unnest(array_agg(x.ack_minutes) filter (where x.ack_minutes is not null)) m) as median_ack_minutes,
         max(x.ack_minutes) as max_ack_minutes,
         count(*) filter (where x.escalated)::int as escalated,
         coalesce(sum(x.fee), 0)::numeric(14,2)::text as fees,
         count(x.agreement)::int as sampled,
         count(*) filter (where x.agreement = 'agree')::int as sample_agree,
         count(x.evaluation_score)::int as evaluated,
         round(avg(x.evaluation_score), 2)::text as mean_score`,
      ),
    )
    .groupByRaw('grouping sets ((x.centre_id), (x.centre_id, x.service_id, x.urgency), (x.centre_id, x.from_org_unit_id), (x.centre_id, x.month))')
    .orderByRaw('x.centre_id, x.service_id, x.urgency, x.from_org_unit_id, x.month');
  // its hash tables and the percentiles' sorts in memory, for this statement only
  return db().transaction(async (trx) => {
    await trx.raw(`set local work_mem = '${FIGURES_WORK_MEM}'`);
    return statement.transacting(trx);
  });
}

/** A row as the tables answer it: its set's keys only, its label (the service's or the unit's name), the shares. */
const keysOf = ({
  set,
  service_id,
  urgency,
  from_org_unit_id,
  month,
}: Raw): { service_id?: number; urgency?: string; from_org_unit_id?: number; month?: string } =>
  set === SET.service
    ? { service_id: service_id!, urgency: urgency! }
    : set === SET.unit
      ? { from_org_unit_id: from_org_unit_id! }
      : set === SET.month
        ? { month: month! }
        : {};

const shape = ({ set: _s, service_id: _i, urgency: _u, from_org_unit_id: _f, month: _m, service_name, unit_name, turnaround, ...r }: Raw) => ({
  ...r,
  label: service_name ?? unit_name,
  median_minutes: round1(turnaround?.[0] ?? null),
  p90_minutes: round1(turnaround?.[1] ?? null),
  median_ack_minutes: round1(r.median_ack_minutes),
  max_ack_minutes: round1(r.max_ack_minutes),
  on_time_share: share(r.on_time, r.on_time + r.late),
  sample_agreement: share(r.sample_agree, r.sampled),
  mean_score: r.mean_score == null ? null : Number(r.mean_score),
});

interface ReaderRaw {
  centre_id: number;
  staff_id: number;
  name: string;
  reports: number;
  emergency: number;
  critical: number;
  late: number;
  cosigned: number;
  fees: string;
}

/**
 * 工作量: per centre and reader, the reports they signed first (with the emergencies, the critical
 * values, those past the norm and the fees), and the reports they co-signed as the second reader.
 */
async function readerWorkload(actor: Actor, q: FiguresQuery): Promise<ReaderRaw[]> {
  // one scan: each reported request gives a row to its first signer and one to its second, if any
  const qb = db()('diagnosis_requests as r')
    .joinRaw(
      `cross join lateral (values (r.signer_staff_id, r.signer_name, true), (r.second_signer_staff_id, r.second_signer_name, false)) as w(staff_id, name, first)`,
    )
    .select(
      'r.centre_id',
      'w.staff_id',
      db().raw(`max(w.name) as name,
        count(*) filter (where w.first)::int as reports,
        count(*) filter (where w.first and r.urgency = 'emergency')::int as emergency,
        count(*) filter (where w.first and r.critical)::int as critical,
        count(*) filter (where w.first and r.reported_at > r.due_at)::int as late,
        count(*) filter (where not w.first)::int as cosigned,
        coalesce(sum(r.fee) filter (where w.first), 0)::numeric(14,2)::text as fees`),
    )
    .whereNotNull('w.staff_id')
    .whereNotNull('r.reported_at')
    .groupBy('r.centre_id', 'w.staff_id')
    .orderBy(['r.centre_id', 'w.staff_id']);
  return (await ofPeriod(qb, actor, q)) as ReaderRaw[];
}

/** 村卫生室心电覆盖: each village clinic of the caller's scope with its ECG requests in `year`; the share that sent one. */
async function villageEcgOf(actor: Actor, year: number) {
  const root = actor.scopePath ? (await unitAtPath(actor.scopePath, ['id']))?.id : await rootUnitId();
  const villages = root === undefined ? [] : await villageEcgRequests(db(), root, year);
  const sent = villages.filter((v) => v.requests > 0).length;
  return { year, villages, village_clinics: villages.length, sent, share: share(sent, villages.length) };
}

/** The tables of the figures, each row with its keys, names and measures; the workload per reader; the village ECG coverage. */
export async function diagnosisFigures(actor: Actor, q: FiguresQuery) {
  assertCan(actor, 'diagnosis-requests', 'list');
  const now = clock.now();
  const [rows, readers, villageEcg, names, consultations] = await Promise.all([
    grouped(actor, q, now),
    readerWorkload(actor, q),
    villageEcgOf(actor, Number(q.to.slice(0, 4))),
    db()('diagnosis_centres').select('id', 'name', 'kind'),
    consultationFigures(actor, q, now),
  ]);
  const centre = new Map(names.map((c: { id: number; name: string; kind: string }) => [c.id, c]));
  const named = (r: Raw) => ({ ...keysOf(r), ...shape(r), centre_name: centre.get(r.centre_id)?.name ?? null, kind: centre.get(r.centre_id)?.kind ?? null });
  const of = (set: number) => rows.filter((r) => r.set === set).map(named);
  return {
    centres: of(SET.centre),
    services: of(SET.service),
    units: of(SET.unit),
    months: of(SET.month),
    readers: readers.map((r) => ({ ...r, centre_name: centre.get(r.centre_id)?.name ?? null })),
    village_ecg: villageEcg,
    consultations,
  };
}
