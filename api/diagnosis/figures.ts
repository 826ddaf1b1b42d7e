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
import { round1, share } from './rules';

export interface FiguresQuery {
  from: string;
  to: string;
  centre_id?: number;
}

type Grouping = 'centre' | 'service' | 'unit';
const KEYS: Record<Grouping, string[]> = {
  centre: ['r.centre_id'],
  service: ['r.centre_id', 'r.service_id', 'r.urgency'],
  unit: ['r.centre_id', 'r.from_org_unit_id'],
};

interface Raw {
  centre_id: number;
  service_id?: number;
  urgency?: string;
  from_org_unit_id?: number;
  label: string | null;
  norm_minutes: number | null;
  requests: number;
  returned: number;
  reported: number;
  on_time: number;
  late: number;
  median_minutes: number | null;
  p90_minutes: number | null;
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

const MINUTES = 'extract(epoch from r.reported_at - r.submitted_at) / 60';
const ACK_MINUTES = 'extract(epoch from r.acknowledged_at - r.reported_at) / 60';

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

async function grouped(actor: Actor, q: FiguresQuery, by: Grouping, now: Date): Promise<Raw[]> {
  const keys = KEYS[by];
  const label = by === 'service' ? 'max(r.service_name)' : by === 'unit' ? 'max(r.from_unit_name)' : 'null';
  const qb = db()('diagnosis_requests as r')
    .select(keys.map((k) => db().raw('??', [k])))
    .select(
      db().raw(
        `${label} as label,
         ${by === 'service' ? 'max(r.norm_minutes)' : 'null'}::int as norm_minutes,
         count(*)::int as requests,
         count(*) filter (where r.status = 'returned')::int as returned,
         count(r.reported_at)::int as reported,
         count(*) filter (where r.reported_at <= r.due_at)::int as on_time,
         count(*) filter (where r.status <> 'returned' and coalesce(r.reported_at, ?::timestamptz) > r.due_at)::int as late,
         percentile_cont(0.5) within group (order by ${MINUTES}) filter (where r.reported_at is not null) as median_minutes,
         percentile_cont(0.9) within group (order by ${MINUTES}) filter (where r.reported_at is not null) as p90_minutes,
         count(*) filter (where r.critical)::int as critical,
         count(r.acknowledged_at) filter (where r.critical)::int as critical_acknowledged,
         percentile_cont(0.5) within group (order by ${ACK_MINUTES}) filter (where r.critical and r.acknowledged_at is not null) as median_ack_minutes,
         max(${ACK_MINUTES}) filter (where r.critical) as max_ack_minutes,
         count(*) filter (where r.escalation_level > 0)::int as escalated,
         coalesce(sum(r.fee) filter (where r.reported_at is not null), 0)::numeric(14,2)::text as fees,
         count(s.id) filter (where s.agreement is not null)::int as sampled,
         count(s.id) filter (where s.agreement = 'agree')::int as sample_agree,
         count(r.evaluation_score)::int as evaluated,
         round(avg(r.evaluation_score), 2)::text as mean_score`,
        [now],
      ),
    )
    .leftJoin('diagnosis_samples as s', 's.request_id', 'r.id')
    .groupBy(keys)
    .orderBy(keys);
  ofPeriod(qb, actor, q);
  return (await qb) as Raw[];
}

const shape = (r: Raw) => ({
  ...r,
  median_minutes: round1(r.median_minutes),
  p90_minutes: round1(r.p90_minutes),
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
  const signed = (staff: string, name: string, first: boolean) =>
    ofPeriod(
      db()('diagnosis_requests as r')
        .select(
          'r.centre_id',
          db().raw(
            `r.${staff} as staff_id, r.${name} as name, ${first ? 'true' : 'false'} as first, r.urgency, r.critical, r.reported_at > r.due_at as late, r.fee`,
          ),
        )
        .whereNotNull(`r.${staff}`)
        .whereNotNull('r.reported_at'),
      actor,
      q,
    );
  const rows = await db()
    .from(
      signed('signer_staff_id', 'signer_name', true)
        .unionAll(signed('second_signer_staff_id', 'second_signer_name', false), true)
        .as('w'),
    )
    .select(
      'w.centre_id',
      'w.staff_id',
      db().raw(`max(w.name) as name,
        count(*) filter (where w.first)::int as reports,
        count(*) filter (where w.first and w.urgency = 'emergency')::int as emergency,
        count(*) filter (where w.first and w.critical)::int as critical,
        count(*) filter (where w.first and w.late)::int as late,
        count(*) filter (where not w.first)::int as cosigned,
        coalesce(sum(w.fee) filter (where w.first), 0)::numeric(14,2)::text as fees`),
    )
    .groupBy('w.centre_id', 'w.staff_id')
    .orderBy(['w.centre_id', 'w.staff_id']);
  return rows as ReaderRaw[];
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
  const [centres, services, units, readers, villageEcg, names] = await Promise.all([
    grouped(actor, q, 'centre', now),
    grouped(actor, q, 'service', now),
    grouped(actor, q, 'unit', now),
    readerWorkload(actor, q),
    villageEcgOf(actor, Number(q.to.slice(0, 4))),
    db()('diagnosis_centres').select('id', 'name', 'kind'),
  ]);
  const centre = new Map(names.map((c: { id: number; name: string; kind: string }) => [c.id, c]));
  const named = (r: Raw) => ({ ...shape(r), centre_name: centre.get(r.centre_id)?.name ?? null, kind: centre.get(r.centre_id)?.kind ?? null });
  return {
    centres: centres.map(named),
    services: services.map(named),
    units: units.map(named),
    readers: readers.map((r) => ({ ...r, centre_name: centre.get(r.centre_id)?.name ?? null })),
    village_ecg: villageEcg,
  };
}
