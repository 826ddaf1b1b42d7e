// The sign-off (审核) of a month's health data, bottom-up as DHIS2's data approval: each village clinic (its
// doctor), then its township centre (its director) once every village under it has signed, then the group (group
// finance) once every township has. A level withdraws its sign-off only while the level above has not signed.
// A final settlement run reads only months signed at the group level. Plain functions: no HTTP, no database.
import type { SignoffLevel, SignoffState } from '../enums';

export interface SignoffUnit {
  kind: string;
  level: number;
  parent_id: number | null;
}

/** A refusal: `rule` and `params` let the UI say it in Chinese; `message` is the API's own words. */
export interface SignoffProblem {
  kind: 'business_rule' | 'forbidden';
  rule: 'month_not_over' | 'already_signed' | 'below_not_signed' | 'not_signed' | 'above_signed' | 'not_a_signing_unit' | 'not_the_signer';
  message: string;
  params?: Record<string, string | number>;
}

/** The level a unit signs at: a village clinic, a level-3 centre (乡镇卫生院 or 社区卫生服务中心), the group (its root); branches sign nothing. */
export function levelOf(unit: SignoffUnit): SignoffLevel | null {
  if (unit.kind === 'village') return 'village';
  if (unit.level === 3) return 'township';
  return unit.parent_id === null ? 'group' : null;
}

/** Who signs each level: the village clinic's doctor (or its director), the township's director, group finance. */
const SIGNERS: Record<SignoffLevel, readonly string[]> = {
  village: ['village_doctor', 'director'],
  township: ['director'],
  group: ['group_finance'],
};

/** Whether the actor signs for this unit: a signer's role of its level, acting for the unit itself (not for one below). */
export function signerProblem(level: SignoffLevel, roles: readonly string[], actsForUnit: boolean): SignoffProblem | null {
  if (actsForUnit && roles.some((r) => SIGNERS[level].includes(r))) return null;
  return {
    kind: 'forbidden',
    rule: 'not_the_signer',
    message: `the ${level} level is signed by ${SIGNERS[level].join(' or ')} of the unit itself`,
    params: { level },
  };
}

/** Whether month m of a year is over on `today` (YYYY-MM-DD): only a past month can be signed. */
export const monthOver = (year: number, month: number, today: string) => `${year}-${String(month).padStart(2, '0')}` < today.slice(0, 7);

/** Why a unit may not sign the month now, or null: the month is over, not signed yet, and every unit below has signed (their names). */
export function signProblem(s: { year: number; month: number; today: string; signed: boolean; unsignedBelow: readonly string[] }): SignoffProblem | null {
  const period = `${s.year}-${String(s.month).padStart(2, '0')}`;
  if (!monthOver(s.year, s.month, s.today)) return { kind: 'business_rule', rule: 'month_not_over', message: `${period} is not over yet`, params: { period } };
  if (s.signed) return { kind: 'business_rule', rule: 'already_signed', message: `${period} is already signed off`, params: { period } };
  if (s.unsignedBelow.length) {
    const units = s.unsignedBelow.join('、');
    return {
      kind: 'business_rule',
      rule: 'below_not_signed',
      message: `${period}: ${s.unsignedBelow.length} unit(s) below have not signed off: ${units}`,
      params: { period, count: s.unsignedBelow.length, units },
    };
  }
  return null;
}

/** Why a sign-off may not be withdrawn, or null: it exists and the level above (named) has not signed. */
export function withdrawProblem(s: { year: number; month: number; signed: boolean; aboveSignedBy: string | null }): SignoffProblem | null {
  const period = `${s.year}-${String(s.month).padStart(2, '0')}`;
  if (!s.signed) return { kind: 'business_rule', rule: 'not_signed', message: `${period} is not signed off`, params: { period } };
  if (s.aboveSignedBy !== null)
    return {
      kind: 'business_rule',
      rule: 'above_signed',
      message: `${period} is signed off above, by ${s.aboveSignedBy}`,
      params: { period, unit: s.aboveSignedBy },
    };
  return null;
}

export const stateOf = (signed: boolean, over: boolean): SignoffState => (signed ? 'signed' : over ? 'open' : 'not_over');

/** The months 1..throughMonth not signed off at the group level (a final run is refused while any is). */
export const unsignedMonths = (signedMonths: readonly number[], throughMonth: number) =>
  Array.from({ length: throughMonth }, (_, i) => i + 1).filter((m) => !signedMonths.includes(m));
