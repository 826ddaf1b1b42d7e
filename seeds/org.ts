// The demo group's hierarchy, departments and demo logins. Deterministic: same rows every time.
import type { Knex } from 'knex';
import { hashPassword } from '../api/auth';
import { childPath } from '../api/org';
import { BRANCHES, DEPARTMENTS, HQ, TOWNSHIPS, TOWNSHIPS_PER_BRANCH, VILLAGES_PER_TOWNSHIP, villageName, placeOf, doctorTitleOf } from './orgNames';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  parent_id: number | null;
  path: string;
}

/** The group-wide demo accounts: username → roles. */
export const GROUP_USERS: [string, string, string[]][] = [
  ['admin', '集团管理员', ['group_admin']],
  ['finance', '集团财务管理中心', ['group_finance']],
  ['hr', '集团人力资源部', ['group_hr']],
  ['procurement', '药械采购中心', ['procurement']],
  ['referral', '双向转诊办公室', ['referral_coordinator']],
  ['auditor', '监事会审计', ['auditor']],
];

export async function seedOrg(trx: Knex.Transaction, demoPassword: string): Promise<UnitRow[]> {
  const units: UnitRow[] = [];
  const add = async (code: string, name: string, kind: string, parent: UnitRow | null, region: string) => {
    const [row] = await trx('org_units')
      .insert({ code, name, kind, level: parent ? parent.level + 1 : 1, parent_id: parent?.id ?? null, path: childPath(parent?.path ?? null, code), region })
      .returning<UnitRow[]>(['id', 'code', 'name', 'kind', 'level', 'parent_id', 'path']);
    units.push(row);
    return row;
  };
  const hq = await add(HQ.code, HQ.name, 'hq', null, HQ.region);
  let t = 0;
  let v = 0;
  for (const [b, branchDef] of BRANCHES.entries()) {
    const branch = await add(branchDef.code, branchDef.name, 'branch', hq, branchDef.region);
    for (let i = 0; i < TOWNSHIPS_PER_BRANCH[b]; i++, t++) {
      const [name, kind] = TOWNSHIPS[t];
      const township = await add(`T${String(t + 1).padStart(2, '0')}`, name, kind, branch, '大通县');
      const villages = Array.from({ length: VILLAGES_PER_TOWNSHIP[t] }, () => {
        v += 1;
        const code = `V${String(v).padStart(3, '0')}`;
        return { code, name: villageName(v - 1), kind: 'village', level: 4, parent_id: township.id, path: childPath(township.path, code), region: '大通县' };
      });
      units.push(...(await trx('org_units').insert(villages).returning<UnitRow[]>(['id', 'code', 'name', 'kind', 'level', 'parent_id', 'path'])));
    }
  }
  const departments = units.flatMap((u) =>
    (DEPARTMENTS[u.kind === 'community' ? 'township' : u.kind] ?? []).map(([name, kind]) => ({ org_unit_id: u.id, name, kind })),
  );
  await trx.batchInsert('departments', departments, 500);

  // one hash for every demo login: hashing 600 accounts one by one would slow the first start
  const password_hash = await hashPassword(demoPassword);
  const users = [
    ...GROUP_USERS.map(([username, display_name, roles]) => ({ username, display_name, roles, org_unit_id: hq.id, password_hash })),
    ...units.map((u) => ({ username: `director-${u.code}`, display_name: `${u.name}院长`, roles: ['director'], org_unit_id: u.id, password_hash })),
    ...units
      .filter((u) => u.kind === 'village')
      .map((u) => ({
        username: `doctor-${u.code}`,
        display_name: `${placeOf(u.name)}${doctorTitleOf(u.name)}`,
        roles: ['village_doctor'],
        org_unit_id: u.id,
        password_hash,
      })),
  ];
  await trx.batchInsert('users', users, 500);
  return units;
}
