// Bad input of every kind is a 4xx naming the field, never a 500, and changes nothing.
import { expect } from 'chai';
import { auditCount, call, get, post, put, unitId, type AnswerOf, type Problem } from '../../scripts/test/harness';
import type { openApiDocument } from './openapi';
import { toAppError } from './errors';

/** The fields of an org unit these checks read (the HTTP edge names no domain, not even in its tests). */
type Unit = { id: number; code: string };

describe('HTTP conventions and bad input', () => {
  it('a malformed filter, sort or range is a 400 naming it', async () => {
    for (const [param, value] of [
      ['filter', '{"level":'],
      ['sort', '["nope","ASC"]'],
      ['range', '[5,1]'],
      ['filter', '{"level":"two"}'],
      ['filter', '{"colour":"red"}'],
    ]) {
      const r = await get<Problem>('/api/org-units', { as: 'admin', query: { [param]: value } });
      expect(r.status, `${param}=${value}`).to.equal(400);
      expect(r.body.error.code).to.equal('validation_failed');
      expect(r.body.error.details?.[0].field).to.match(new RegExp(param));
    }
  });

  it('filters: q, _gte/_lte, arrays as IN and {"id":[…]} for many', async () => {
    const ids = [await unitId('V001'), await unitId('V002')];
    const many = await get<Unit[]>('/api/org-units', { as: 'admin', query: { filter: { id: ids } } });
    expect(many.body.map((u) => u.id).sort()).to.deep.equal([...ids].sort());
    const levels = await get<Unit[]>('/api/org-units', { as: 'admin', query: { filter: { level_gte: 2, level_lte: 2 }, range: [0, 99] } });
    expect(levels.body.map((u) => u.code)).to.deep.equal(['B1', 'B2', 'B3']);
    const q = await get<Unit[]>('/api/org-units', { as: 'admin', query: { filter: { q: '中医' } } });
    expect(q.body.map((u) => u.code)).to.include('B2');
    expect(q.headers.get('access-control-expose-headers')).to.match(/Content-Range/);
  });

  it('a wrong type and an unknown enum value are 400s naming each field; nothing is written', async () => {
    const before = await auditCount();
    const r = await post<Problem>('/api/org-units', { code: 'VY1', name: 42, kind: 'castle', parent_id: 'x' }, { as: 'admin' });
    expect(r.status).to.equal(400);
    expect(r.body.error.details?.map((d) => d.field)).to.have.members(['name', 'kind', 'parent_id']);
    const extra = await post<Problem>('/api/departments', { org_unit_id: await unitId('T01'), name: 'x', kind: 'clinical', colour: 'red' }, { as: 'admin' });
    expect(extra.status).to.equal(400);
    expect(extra.body.error.details?.[0]).to.deep.equal({ field: 'colour', message: 'unknown field' });
    expect(await auditCount()).to.equal(before);
  });

  it('a malformed JSON body is a 400; a 2 MB body is a 413; the database is unchanged', async () => {
    const before = await auditCount();
    const bad = await call('POST', '/api/departments', { as: 'admin', raw: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).to.equal(400);
    const big = await call<Problem>('POST', '/api/departments', {
      as: 'admin',
      raw: JSON.stringify({ org_unit_id: 1, name: 'x'.repeat(2 * 1024 * 1024), kind: 'clinical' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).to.equal(413);
    expect(big.body.error.code).to.equal('payload_too_large');
    expect(await auditCount()).to.equal(before);
  });

  it('a duplicate is a 409; a bad id is a 400; an unknown route is a JSON 404', async () => {
    const dup = await post('/api/org-units', { code: 'T01', name: '重复', kind: 'village', parent_id: await unitId('T02') }, { as: 'admin' });
    expect(dup.status).to.equal(409);
    expect((await get('/api/org-units/abc', { as: 'admin' })).status).to.equal(400);
    const none = await get<Problem>('/api/nowhere', { as: 'admin' });
    expect(none.status).to.equal(404);
    expect(none.body.error.code).to.equal('not_found');
  });

  it('no error response carries a stack trace', async () => {
    const r = await put(`/api/org-units/${await unitId('T01')}`, { code: 'ZZ' }, { as: 'admin' });
    expect(r.status).to.equal(400);
    expect(JSON.stringify(r.body)).not.to.match(/at .*\.ts:\d+/);
  });

  it('GET /api/health reports the database; /api/openapi.json describes every route', async () => {
    expect((await get('/api/health')).body).to.include({ status: 'ok', database: 'reachable' });
    const doc = (await get<AnswerOf<typeof openApiDocument>>('/api/openapi.json')).body;
    expect(doc.openapi).to.equal('3.1.0');
    for (const p of ['/api/org-units', '/api/org-units/{id}/move', '/api/auth/login', '/api/audit-log', '/api/users/{id}']) {
      expect(Object.keys(doc.paths).map((k) => `/api${k}`)).to.include(p);
    }
  });
  it('ids are digits only: 0x1, 1e0, 1.0 and 01 do not read record 1', async () => {
    const one = await get('/api/staff/1', { as: 'hr' });
    expect(one.status).to.equal(200);
    for (const id of ['0x1', '1e0', '1.0', '01', '+1']) {
      const r = await get<Problem>(`/api/staff/${id}`, { as: 'hr' });
      expect(r.status, id).to.equal(400);
      expect(r.body.error.details?.[0].field).to.equal('id');
    }
  });

  it('a body that is not JSON in UTF-8 is a 415; a NUL byte is a 400 naming the field', async () => {
    const utf16 = await call('POST', '/api/departments', {
      as: 'director-T03',
      raw: Buffer.from(JSON.stringify({ name: 'x' }), 'utf16le'),
      headers: { 'content-type': 'application/json; charset=utf-16' },
    });
    expect(utf16.status).to.equal(415);
    const form = await call('POST', '/api/departments', {
      as: 'director-T03',
      raw: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).to.equal(415);
    const nul = await post<Problem>('/api/departments', { org_unit_id: await unitId('T03'), name: 'a\u0000b', kind: 'clinical' }, { as: 'director-T03' });
    expect(nul.status).to.equal(400);
    expect(nul.body.error.details).to.deep.equal([{ field: 'name', message: 'must not contain a NUL character' }]);
  });

  it('a search is at most 100 characters; a prototype key is an unknown filter, not a crash', async () => {
    const long = await get<Problem>('/api/claims', { as: 'finance', query: { filter: { q: 'x'.repeat(4000) } } });
    expect(long.status).to.equal(400);
    expect(long.body.error.details?.[0]).to.deep.equal({ field: 'filter.q', message: 'at most 100 characters' });
    expect((await get('/api/claims', { as: 'finance', query: { filter: { q: 'x'.repeat(100) } } })).status).to.equal(200);
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = await get<Problem>('/api/staff', { as: 'hr', query: { filter: `{"${key}":"x"}` } });
      expect(r.status, key).to.equal(400);
      expect(r.body.error.details?.[0].field).to.equal(`filter.${key}`);
    }
  });

  it('the auditor is refused a write before its body is read (403, not 400)', async () => {
    const r = await post('/api/departments', { name: 42 }, { as: 'auditor' });
    expect(r.status).to.equal(403);
  });

  it('a duplicate names the field, never the constraint or the value', async () => {
    const body = { org_unit_id: await unitId('T04'), name: '重复科', kind: 'clinical' };
    await post('/api/departments', body, { as: 'director-T04' });
    const again = await post('/api/departments', body, { as: 'director-T04' });
    expect(again.status).to.equal(409);
    expect(JSON.stringify(again.body)).not.to.match(/Key \(|重复科|departments_|unique/);
  });

  it('security headers are set on every answer', async () => {
    const r = await get('/api/health');
    expect(r.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(r.headers.get('content-security-policy')).to.match(/script-src 'self'/);
  });
});

describe('a database out of reach is a 503, whatever the driver says', () => {
  it('refused, reset, a connect that timed out, no pooled connection in time: unavailable; a bug stays a 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const pooled = Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' });
    for (const err of [refused, pooled, new Error('timeout expired'), new Error('Connection terminated due to connection timeout')])
      expect(toAppError(err)?.kind, err.message).to.equal('unavailable');
    expect(toAppError(new TypeError('x is undefined'))).to.equal(undefined);
  });
});
