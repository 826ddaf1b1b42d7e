// Fixtures of the referral HTTP tests: residents, departments, slots and a referral body.
// One module for every test file, so the ID numbers it makes never repeat within a run.
import { expect } from 'chai';
import { get, post, unitId } from '../../scripts/test/harness';
import { checkDigit } from '../core/personalId';
import { dayKey } from '../core/clock';
import * as clock from '../core/clock';

let seq = 0;
/** A valid 身份证号, different on every call. */
export function idNumber(birth = '19580312') {
  seq += 1;
  const first17 = `630121${birth}${String(500 + seq).padStart(3, '0')}`;
  return `${first17}${checkDigit(first17)}`;
}

/** A resident of a village, registered through the health API by the village doctor. */
export async function resident(villageCode: string, name: string) {
  const id = idNumber();
  const r = await post('/api/residents', { name, id_number: id }, { as: `doctor-${villageCode}` });
  if (r.status !== 200) throw new Error(`resident fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: (r.body as { id: number }).id, idNumber: id };
}

// the demo publishes two weeks of slots ahead; the tests publish their own further out
export const dayAfter = (n: number) => dayKey(new Date(clock.now().getTime() + n * 86_400_000));

export async function department(unitCode: string, name: string) {
  const r = await get('/api/departments', { as: 'admin', query: { filter: { org_unit_id: await unitId(unitCode), name } } });
  return (r.body as { id: number }[])[0].id;
}

export async function slotsOf(as: string, departmentId: number, day: string) {
  const r = await get('/api/referral-slots', { as, query: { filter: { department_id: departmentId, day }, range: [0, 99] } });
  expect(r.status).to.equal(200);
  return r.body as { id: number; starts_at: string; capacity: number; booked: number }[];
}

export const upBody = (residentId: number, to: number, extra: Record<string, unknown> = {}) => ({
  resident_id: residentId,
  to_org_unit_id: to,
  direction: 'up',
  urgency: 'urgent',
  purpose: 'inpatient',
  diagnosis_code: 'I10',
  diagnosis_text: '原发性高血压 3级',
  reason: '血压控制不佳，需上级医院调整用药',
  summary: '近两周收缩压 180–200 mmHg',
  ...extra,
});
