// Idempotency-Key on every POST: a retry answers the first response and writes nothing twice.
import { expect } from 'chai';
import { auditCount, call, unitId, type Problem } from '../../scripts/test/harness';

const postWithKey = <T = unknown>(url: string, body: unknown, key: string, as: string) =>
  call<T>('POST', url, { as, body, headers: { 'Idempotency-Key': key } });

describe('Idempotency-Key on every creating POST', () => {
  it('a department created twice with one key exists once; the retry is the first answer, replayed', async () => {
    const key = `dept-${Date.now()}`;
    const body = { org_unit_id: await unitId('T06'), name: '幂等验证科', kind: 'administration' };
    const before = await auditCount();
    const first = await postWithKey('/api/departments', body, key, 'director-T06');
    const again = await postWithKey('/api/departments', body, key, 'director-T06');
    expect(first.status).to.equal(200);
    expect(again.status).to.equal(200);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(again.body).to.deep.equal(first.body);
    expect(await auditCount()).to.equal(before + 1);
    const changed = await postWithKey<Problem>('/api/departments', { ...body, name: '另一个科' }, key, 'director-T06');
    expect(changed.status).to.equal(422);
    expect(changed.body.error.details?.[0].field).to.equal('Idempotency-Key');
  });

  it('a failed first attempt keeps no key: the corrected retry with it runs', async () => {
    const key = `dept-fail-${Date.now()}`;
    const bad = await postWithKey('/api/departments', { org_unit_id: await unitId('T06'), name: '', kind: 'administration' }, key, 'director-T06');
    expect(bad.status).to.equal(400);
    const good = await postWithKey('/api/departments', { org_unit_id: await unitId('T06'), name: '重试成功科', kind: 'administration' }, key, 'director-T06');
    expect(good.status).to.equal(200);
    expect(good.headers.get('idempotent-replayed')).to.equal(null);
  });
});
