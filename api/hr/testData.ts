// Fixtures for the HR API tests: valid, unique ID numbers and a hire through the API.
import { post, unitId } from '../../scripts/test/harness';
import { checkDigit } from '../core/personalId';

let serial = 0;

/** A valid 身份证号 that no other test uses (born 1980–1999, region 630121). */
export function freshIdNumber(sex: 'M' | 'F' = 'M'): string {
  serial += 1;
  const n = serial + (process.pid % 500) * 40;
  const birth = `${1980 + (n % 20)}${String(1 + ((n >> 3) % 12)).padStart(2, '0')}${String(1 + ((n >> 5) % 28)).padStart(2, '0')}`;
  const seq = String(((n * 7) % 99) * 10 + (sex === 'M' ? 1 : 2)).padStart(3, '0');
  const first17 = `630121${birth}${seq}`;
  return first17 + checkDigit(first17);
}

export async function hire(fields: Record<string, unknown> & { unit: string }, as = 'hr') {
  const { unit, ...rest } = fields;
  const r = await post(
    '/api/staff',
    {
      name: '测试人员',
      category: 'doctor',
      title: 'attending_physician',
      employment_type: 'establishment',
      hire_date: '2015-08-01',
      employer_org_unit_id: await unitId(unit),
      id_number: freshIdNumber(),
      ...rest,
    },
    { as },
  );
  if (r.status !== 200) throw new Error(`hire: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: number; [k: string]: unknown };
}
