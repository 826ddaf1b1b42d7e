// Every route of /api/openapi.json, sent what a careless or hostile client sends: wrong types,
// NUL bytes, prototype keys, impossible dates, huge numbers and strings, odd ids. None may be a
// 500, none may quote SQL, and every 400 names the field it is about.
import { expect } from 'chai';
import { call, type Problem } from '../../scripts/test/harness';

interface Operation {
  parameters?: { name: string; in: string; schema?: { type?: string } }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

const NUL = 'a\u0000b';
const HUGE = 'x'.repeat(4000);
// ids that do not exist, so that a body that happens to be valid changes nothing
const ABSENT_ID = '987654321';
const ODD_IDS = ['0x1', '1e0', '1.0', '-1', 'abc', '99999999999999999999'];
const SQL = /\b(select|insert into|update \w+ set|delete from)\b|Key \(|violates|constraint|relation "|syntax error|invalid input syntax/i;

/** Bodies that each break one field of the schema, and a few that break the body as a whole. */
function badBodies(schema: JsonSchema): unknown[] {
  const props = Object.keys(schema.properties ?? {});
  const perField = props.flatMap((p) => [{ [p]: NUL }, { [p]: 1e308 }, { [p]: '2026-02-30' }, { [p]: { nested: true } }, { [p]: HUGE }, { [p]: -1 }]);
  return [...perField, [], 'text', { constructor: 1 }, { __proto__: { admin: true } }, { toString: NUL }];
}

const listQueries: Record<string, string>[] = [
  { filter: JSON.stringify({ q: NUL }) },
  { filter: JSON.stringify({ q: HUGE }) },
  { filter: JSON.stringify({ constructor: 1 }) },
  { filter: JSON.stringify({ toString: 'x' }) },
  { filter: JSON.stringify({ __proto__: 'x' }) },
  { filter: JSON.stringify({ id: 'abc' }) },
  { filter: JSON.stringify({ id: [NUL] }) },
  { filter: JSON.stringify({ created_at_gte: '2026-02-30' }) },
  { filter: JSON.stringify({ path: 'hq.*' }) },
  { sort: JSON.stringify(['constructor', 'ASC']) },
  { sort: JSON.stringify(['id', 'SIDEWAYS']) },
  { range: JSON.stringify([0, 1e308]) },
  { filter: '{not json' },
];

/**
 * Each filter field the list declares (its 400 for an unknown key names them), sent values of every
 * wrong kind, the operators (equal, _gte, _lt) taking turns over the values: every field meets every
 * operator and every value once (every operator with every value tripled these requests).
 */
async function fieldQueries(url: string) {
  const r = await call<Problem | undefined>('GET', `/api${url}${qs({ filter: JSON.stringify({ no_such_field: 1 }) })}`, { as: 'admin' });
  const listed = /filter by one of (.*)$/.exec(r.body?.error?.details?.[0]?.message ?? '')?.[1].split(', ') ?? [];
  const values = ['abc', '2026-02-30', '1e308', -1, true, ['x', 1], '12:00', '2026-13-01T25:00:00Z'];
  const ops = ['', '_gte', '_lt'];
  return listed.filter((f) => f !== 'q').flatMap((f, i) => values.map((v, j) => ({ filter: JSON.stringify({ [`${f}${ops[(i + j) % ops.length]}`]: v }) })));
}

const qs = (q: Record<string, string>) => `?${new URLSearchParams(q)}`;

// the demo users in the order tried: each route is attacked as the first that may write to it
const WRITERS = ['admin', 'finance', 'hr', 'procurement', 'referral', 'director-HQ', 'director-T01', 'doctor-V001'];
async function writer(method: string, url: string) {
  for (const as of WRITERS) {
    const probe = await call(method.toUpperCase(), `/api${url}`, { as, body: { constructor: 1 } });
    if (probe.status !== 403) return as;
  }
  return 'admin';
}

describe('bad input over every route of the OpenAPI description', function () {
  this.timeout(600_000);
  const replies: { what: string; status: number; body: unknown }[] = [];

  before(async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const sends: (() => Promise<void>)[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (template === '/auth/login') continue; // the login has its own tests (it is throttled)
        const paths = [template.replace(/\{(\w+)\}/g, (_m, name) => (name === 'id' ? ABSENT_ID : 'no_such'))];
        if (template.includes('{id}')) paths.push(...ODD_IDS.map((id) => template.replace('{id}', id)));
        const as = method === 'get' ? 'admin' : await writer(method, paths[0]);
        const send = (url: string, init: { body?: unknown; raw?: string; query?: Record<string, string> }) =>
          sends.push(async () => {
            const r = await call(method.toUpperCase(), `/api${url}${init.query ? qs(init.query) : ''}`, {
              as,
              ...(init.raw !== undefined
                ? { raw: init.raw, headers: { 'content-type': 'application/json' } }
                : init.body !== undefined
                  ? { body: init.body }
                  : {}),
            });
            replies.push({
              what: `${method.toUpperCase()} ${url} ${JSON.stringify(init).slice(0, 120)}`,
              status: r.status,
              body: Buffer.isBuffer(r.body) ? r.body.toString('utf8').slice(0, 500) : r.body,
            });
          });
        for (const url of paths) {
          if (method === 'get') {
            const isList = op.parameters?.some((p) => p.name === 'filter');
            for (const query of isList ? [...listQueries, ...(await fieldQueries(url))] : [{ from: '2026-02-30', to: NUL, year: '1e308', org_unit_id: '0x1' }])
              send(url, { query });
            continue;
          }
          // an odd id is about the path, not the body: it is sent one body, the absent id every bad one
          if (url !== paths[0]) {
            send(url, { body: {} });
            continue;
          }
          const schema = op.requestBody?.content['application/json'].schema ?? {};
          for (const body of badBodies(schema)) send(url, { body });
          send(url, { raw: '{"a": "\\u0000"}' });
        }
      }
    }
    // four requests in flight at once, as real clients send them: the database waits overlap
    const next = async (): Promise<void> => {
      const one = sends.shift();
      if (one) await one().then(next);
    };
    await Promise.all(Array.from({ length: 4 }, next));
  });

  it('sends thousands of requests', () => {
    expect(replies.length).to.be.greaterThan(1000);
    if (process.env.BAD_INPUT_STATS)
      console.log(
        replies
          .filter((r) => r.status === 403)
          .slice(0, 3)
          .map((r) => r.what + JSON.stringify(r.body))
          .join('\n'),
        Object.entries(replies.reduce<Record<number, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {})),
      );
  });

  it('answers none of them with a 500', () => {
    const fives = replies.filter((r) => r.status >= 500);
    expect(
      fives
        .map((r) => `${r.status} ${r.what} → ${JSON.stringify(r.body).slice(0, 200)}`)
        .slice(0, 30)
        .join('\n'),
      `${fives.length} answers`,
    ).to.equal('');
  });

  it('quotes no SQL, value or constraint of the database in any answer', () => {
    const leaks = replies.filter((r) => SQL.test(JSON.stringify(r.body)));
    expect(
      leaks
        .map((r) => `${r.what} → ${JSON.stringify(r.body).slice(0, 200)}`)
        .slice(0, 30)
        .join('\n'),
      `${leaks.length} answers`,
    ).to.equal('');
  });

  it('names the field in every 400', () => {
    const unnamed = replies.filter((r) => {
      if (r.status !== 400) return false;
      const details = (r.body as { error?: { details?: { field?: string }[] } }).error?.details;
      // a query's problem is in the query, never "(body)": that would be the database speaking, not the schema
      const inQuery = r.what.startsWith('GET') ? (d: { field?: string }) => d.field !== '(body)' : () => true;
      return !Array.isArray(details) || !details.length || !details.every((d) => typeof d.field === 'string' && d.field.length > 0 && inQuery(d));
    });
    expect(
      unnamed
        .map((r) => `${r.what} → ${JSON.stringify(r.body).slice(0, 200)}`)
        .slice(0, 30)
        .join('\n'),
      `${unnamed.length} answers`,
    ).to.equal('');
  });
});
