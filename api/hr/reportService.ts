// The data of the HR workbooks: the rotation roster of a year and the staff roster of a unit
// (read in keyset pages so that the streamed workbook never holds the whole registry).
import type { Actor } from '../core/actor';
import { db } from '../db/knex';
import { assertCan, assertUnitInScope } from '../core/crud';
import { RotationPlan } from './model';
import type { Enum } from '../core/enums';
import { LEVEL_NAME, ROTATION_STATUS, ROTATION_TYPE, TITLE } from './enums';
import { STAFF_ROSTER_COLUMNS } from './staffFields';
import { directionFigures, balance } from './rotationRules';
import { rotationsOfYear } from './rotationService';
import { departmentsSql, isInSubtreeSql, isUnderSql, joinUnitSql, unitsSql } from '../org';
import { unitsById } from './shared';
import * as clock from '../core/clock';

/** 下派 总院→分院 for down_hq_branch. */
export function directionZh(key: string) {
  const [dir, from, to] = key.split('_');
  const level = (name: string) => (LEVEL_NAME.has(name) ? LEVEL_NAME.zh(name) : name);
  return `${dir === 'down' ? '下派' : '上派进修'} ${level(from)}→${level(to)}`;
}

/** The rotation roster of a year, its labels in Chinese. */
export interface RotationRosterData {
  year: number;
  rotations: {
    id: number;
    staff_name: string;
    title: string;
    home: string;
    host: string;
    type: string;
    start_on: string;
    end_on: string;
    status: string;
    purpose: string | null;
  }[];
  directions: { direction: string; quota: number; filled: number }[];
  balance: { code: string; name: string; experts_received: number; trainees_sent: number; balance: number }[];
}

export async function rotationRosterData(actor: Actor, year: number): Promise<RotationRosterData> {
  assertCan(actor, 'rotations', 'export');
  const plan = await RotationPlan.query().findOne({ year });
  const rotations = await rotationsOfYear(actor, year);
  const rows = balance(rotations);
  const units = await unitsById(
    db(),
    rows.map((b) => b.org_unit_id),
  );
  return {
    year,
    rotations: rotations.map((r) => ({
      id: r.id,
      staff_name: r.staff_name,
      title: r.staff_title && TITLE.has(r.staff_title) ? TITLE.zh(r.staff_title) : '',
      home: r.home_name,
      host: r.host_name,
      type: ROTATION_TYPE.zh(r.type),
      start_on: r.start_on,
      end_on: r.actual_end_on ?? r.planned_end_on,
      status: ROTATION_STATUS.zh(r.status),
      purpose: r.purpose,
    })),
    directions: directionFigures(plan?.quotas ?? {}, rotations).map((d) => ({ direction: directionZh(d.key), quota: d.quota, filled: d.filled })),
    balance: rows
      .map((b) => ({ ...b, code: units.get(b.org_unit_id)!.code, name: units.get(b.org_unit_id)!.name, path: units.get(b.org_unit_id)!.path }))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ path: _p, org_unit_id: _id, ...b }) => b),
  };
}

/** Checks the request before anything is streamed (a JSON error cannot follow sent headers). */
export async function staffRosterUnit(actor: Actor, unitId: number) {
  assertCan(actor, 'staff', 'export');
  await assertUnitInScope(actor, unitId);
  return (await unitsById(db(), [unitId])).get(unitId)!;
}

/** One person of the staff roster, its labels in Chinese. */
/** A roster row: the record's roster columns (coded values in Chinese) and the licence flags. */
export type StaffRosterRow = Record<string, unknown> & { licence_expires_on: string | null; licence_expired: boolean };

const PAGE = 2000;

/** A coded value in Chinese (an empty cell for none, an unknown code as it is). */
const zhOf = (list: Enum<string>, code: unknown) => (code == null ? '' : list.has(code) ? list.zh(code) : String(code));
const rosterLabels = (r: StaffRosterRow): StaffRosterRow => ({
  ...r,
  ...Object.fromEntries(STAFF_ROSTER_COLUMNS.flatMap((c) => (c.coded ? [[c.key, zhOf(c.coded, r[c.key])]] : []))),
});

/** Everyone employed or working in the unit or below (and in the actor's scope), page by page. */
export async function* staffRosterRows(actor: Actor, unitId: number): AsyncGenerator<StaffRosterRow> {
  const day = clock.today();
  let after = 0;
  for (;;) {
    const { rows } = await db().raw(
      `with sub as (select u.id from ${unitsSql('u')} where ${isInSubtreeSql('u', ':unit')} and ${isUnderSql('u', ':scope')})
       select ${STAFF_ROSTER_COLUMNS.map((c) => `${c.sql} as ${c.key}`).join(', ')},
              (select min(l.expires_on) from licences l where l.staff_id = s.id and l.status = 'valid' and l.expires_on >= :day) as licence_expires_on,
              exists (select 1 from licences l where l.staff_id = s.id and l.status = 'valid' and l.expires_on < :day) as licence_expired
         from staff s
         ${joinUnitSql('e', 's.employer_org_unit_id')}
         ${joinUnitSql('w', 's.work_org_unit_id')}
         left join ${departmentsSql('d')} on d.id = s.department_id
        where s.id > :after and (s.employer_org_unit_id in (select id from sub) or s.work_org_unit_id in (select id from sub))
        order by s.id limit ${PAGE}`,
      { unit: unitId, scope: actor.scopePath, day, after },
    );
    for (const r of rows) {
      yield rosterLabels(r);
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}
