// The database plumbing the hot lists rely on, against the real PostgreSQL: statements prepared
// on request, the code's fixed sets written as literals, list pages written as JSON from raw text.
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { inFixedSet } from './fixedSet';
import { jsonPage } from './jsonPage';
import { db } from './knex';

describe('db plumbing', () => {
  before(async () => {
    await system();
  });

  it('classifies Chinese characters, so text searches in Chinese are served by the trigram indexes', async () => {
    const { rows } = await db().raw<{ rows: { trigrams: string[]; ctype: string }[] }>(
      "select show_trgm('大通县人民医院') as trigrams, datctype as ctype from pg_database where datname = current_database()",
    );
    expect(rows[0].ctype).to.equal('C.UTF-8');
    expect(rows[0].trigrams).to.have.length(8); // 大通县人民医院: 7 characters, padded at both ends
  });

  // every type a plain list may hold, with the values that trip JSON up
  const fixture = `(values
      (1, timestamptz '2026-11-26 05:53:15.489123+00', 1234.50::numeric(14,2), date '2026-02-28', 9007199254740991::int8, true,
       'quote " backslash \\ newline
 tab	 ctrl  中文 😀', 'HQ.B1'::ltree, array['a','b"c']::text[], '{"k": [1, "x"]}'::jsonb, 2.5::float8, interval '1 day 02:03:04'),
      (2, timestamptz '2000-02-29 23:59:59+08', -0.01, date '1999-12-31', -1, false, '', 'HQ'::ltree, '{}'::text[], 'null'::jsonb, -0.1::float8, null),
      (3, timestamptz '1999-12-31 16:00:00.5+00', 0, null, 0, null, null, null, null, null, 'NaN'::float8, interval '-3 months'),
      (4, null, null, date '2026-11-26', null, true, 'four', 'HQ.B2.T01'::ltree, array[null, 'x'], '[]'::jsonb, 1e21::float8, null)
    ) as v(n, at, amount, day, big, flag, note, path, tags, doc, ratio, span)`;
  /** A fixture row as JSON: the fields these checks read. */
  type FixtureJson = { n: number; at: string | null; amount: string | null; day: string | null; big: number | null; path: string | null };
  const fixturePage = () => db().select('*').fromRaw(fixture);
  const count = () => db().count('*').fromRaw(fixture);

  it('answers a page as JSON text, byte for byte what JSON.stringify makes of the rows pg parses', async () => {
    const page = fixturePage().orderBy('n');
    const rows = await fixturePage().orderBy('n');
    const answered = await jsonPage(page, count(), { prepare: false });
    expect(answered.body.text).to.equal(JSON.stringify(rows));
    expect((JSON.parse(answered.body.text) as FixtureJson[])[0]).to.include({
      at: '2026-11-26T05:53:15.489Z',
      amount: '1234.50',
      day: '2026-02-28',
      big: 9007199254740991,
      path: 'HQ.B1',
    });
    expect(answered.body.text).to.include('"at":"1999-12-31T16:00:00.500Z"');
    expect(answered).to.include({ count: 4, total: 4 });
  });

  it('keeps the page’s order and bounds, and still counts the total past the end', async () => {
    const page = await jsonPage(fixturePage().orderBy('n', 'desc').offset(1).limit(2), count(), { prepare: true });
    expect((JSON.parse(page.body.text) as FixtureJson[]).map((r) => r.n)).to.deep.equal([3, 2]);
    expect(page).to.include({ count: 2, total: 4 });
    const past = await jsonPage(fixturePage().orderBy('n').offset(10).limit(5), count(), { prepare: true });
    expect(past.body.text).to.equal('[]');
    expect(past).to.include({ count: 0, total: 4 });
  });

  it('prepares a statement built with prepare: true, named by its text, and nothing else', async () => {
    await db().transaction(async (trx) => {
      const names = async () => new Set((await trx.raw<{ rows: { name: string }[] }>('select name from pg_prepared_statements')).rows.map((r) => r.name));
      const before = await names();
      const first = await trx('org_units').select('code').where('level', 1).where('active', true).options({ prepare: true });
      const again = await trx('org_units').select('code').where('level', 1).where('active', true).options({ prepare: true });
      await trx('org_units').select('code').where('level', 2);
      const added = [...(await names())].filter((n) => !before.has(n));
      expect(first).to.deep.equal(again);
      expect(first.map((u: { code: string }) => u.code)).to.deep.equal(['HQ']);
      expect(added).to.have.length(1);
      expect(added[0]).to.match(/^s_[\w-]{20}$/);
      const { rows } = await trx.raw<{ rows: { statement: string }[] }>('select statement from pg_prepared_statements where name = ?', [added[0]]);
      expect(rows[0].statement).to.match(/where "level" = \$1 and "active" = \$2/);
    });
  });

  it('writes a fixed set as literals and refuses anything but code identifiers', async () => {
    const q = db()('tasks')
      .count('* as n')
      .where(inFixedSet('state', ['upcoming', 'due']));
    expect(q.toSQL().sql).to.include(`state in ('upcoming', 'due')`);
    expect(
      db()('tasks')
        .where(inFixedSet('state', ['done'], true))
        .toSQL().sql,
    ).to.include(`state not in ('done')`);
    expect(() => inFixedSet('state', ["due') or ('1'='1"])).to.throw(/code identifiers/);
    expect(() => inFixedSet('state', [])).to.throw(/code identifiers/);
    const [{ n }] = await q;
    const [{ m }] = await db()('tasks').count('* as m').whereIn('state', ['upcoming', 'due']);
    expect(Number(n)).to.equal(Number(m));
  });
});
