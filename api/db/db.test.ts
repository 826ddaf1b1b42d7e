// The database plumbing the hot lists rely on, against the real PostgreSQL: statements prepared
// on request, the code's fixed sets written as literals, timestamps read as the API's ISO text.
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { inFixedSet } from './fixedSet';
import { isoFromPg, isoTimestampTypes } from './isoTimestamps';
import { db } from './knex';

describe('db plumbing', () => {
  before(async () => {
    await system();
  });

  it('reads PostgreSQL timestamptz text as Date#toJSON prints it', () => {
    expect(isoFromPg('2026-11-26 05:53:15.489+00')).to.equal('2026-11-26T05:53:15.489Z');
    expect(isoFromPg('2026-11-26 05:53:15+00')).to.equal('2026-11-26T05:53:15.000Z');
    expect(isoFromPg('2026-11-26 05:53:15.4+00')).to.equal('2026-11-26T05:53:15.400Z');
    // microseconds are cut to milliseconds, as a Date cuts them
    expect(isoFromPg('2026-11-26 05:53:15.489999+00')).to.equal('2026-11-26T05:53:15.489Z');
    // another session time zone goes through the ordinary parser
    expect(isoFromPg('2026-11-26 13:53:15.489+08')).to.equal('2026-11-26T05:53:15.489Z');
    expect(isoFromPg('2026-11-26 05:53:15.489+05:30')).to.equal('2026-11-26T00:23:15.489Z');
  });

  it('answers what the Date parser answers, for the database’s own output in any session time zone', async () => {
    const sql = `select t from (values (timestamptz '2026-11-26 05:53:15.489123+00'), ('2000-02-29 23:59:59+08'),
                                      ('1999-12-31 16:00:00.5+00'), (now())) v(t) order by t`;
    await db().transaction(async (trx) => {
      for (const zone of ['UTC', 'Asia/Shanghai', 'America/St_Johns']) {
        await trx.raw(`set local time zone '${zone}'`);
        const asDates = (await trx.raw(sql)).rows.map((r: { t: Date }) => r.t.toJSON());
        const asText = (await trx.raw(sql).options({ types: isoTimestampTypes })).rows.map((r: { t: string }) => r.t);
        expect(asText, zone).to.deep.equal(asDates);
        expect(asText[0]).to.equal('1999-12-31T16:00:00.500Z');
      }
    });
  });

  it('prepares a statement built with prepare: true, named by its text, and nothing else', async () => {
    await db().transaction(async (trx) => {
      const names = async () => new Set((await trx.raw('select name from pg_prepared_statements')).rows.map((r: { name: string }) => r.name));
      const before = await names();
      const first = await trx('org_units').select('code').where('level', 1).where('active', true).options({ prepare: true });
      const again = await trx('org_units').select('code').where('level', 1).where('active', true).options({ prepare: true });
      await trx('org_units').select('code').where('level', 2);
      const added = [...(await names())].filter((n) => !before.has(n));
      expect(first).to.deep.equal(again);
      expect(first.map((u: { code: string }) => u.code)).to.deep.equal(['HQ']);
      expect(added).to.have.length(1);
      expect(added[0]).to.match(/^s_[\w-]{20}$/);
      const { rows } = await trx.raw('select statement from pg_prepared_statements where name = ?', [added[0] as string]);
      expect(rows[0].statement).to.match(/where "level" = \$1 and "active" = \$2/);
    });
  });

  it('writes a fixed set as literals and refuses anything but code identifiers', async () => {
    const q = db()('tasks').count('* as n').where(inFixedSet('state', ['upcoming', 'due']));
    expect(q.toSQL().sql).to.include(`state in ('upcoming', 'due')`);
    expect(db()('tasks').where(inFixedSet('state', ['done'], true)).toSQL().sql).to.include(`state not in ('done')`);
    expect(() => inFixedSet('state', ["due') or ('1'='1"])).to.throw(/code identifiers/);
    expect(() => inFixedSet('state', [])).to.throw(/code identifiers/);
    const [{ n }] = await q;
    const [{ m }] = await db()('tasks').count('* as m').whereIn('state', ['upcoming', 'due']);
    expect(Number(n)).to.equal(Number(m));
  });
});
