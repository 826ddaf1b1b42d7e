// 乡聘村用 as plain functions: where a village doctor's contract may place them, and which contracts
// may be renewed or exited. No I/O.
import type { CONTRACT_STATUS } from '../enums';
import type { EnumValue } from '../../core/enums';
import type { UnitFacts } from '../shared';

type ContractStatus = EnumValue<typeof CONTRACT_STATUS>;

/** 乡聘村用: the employer is a township centre and the clinic one of its own villages. `rule` names the case for the UI's text. */
export function villageContractProblem(township: UnitFacts, village: UnitFacts): { field: string; message: string; rule: string } | null {
  if (township.level !== 3)
    return { field: 'employer_org_unit_id', rule: 'village_employer_not_township', message: 'a village doctor is employed by a township centre (level 3)' };
  if (village.kind !== 'village') return { field: 'work_org_unit_id', rule: 'village_work_not_clinic', message: 'a village doctor works in a village clinic' };
  if (village.parent_id !== township.id)
    return { field: 'work_org_unit_id', rule: 'village_clinic_other_township', message: 'the village clinic does not belong to the employing township' };
  return null;
}

/** The statuses a contract is renewed or exited from: an expired one may still be renewed, only a running one exited. */
export const CONTRACT_MOVES = { renew: ['active', 'expired'], exit: ['active'] } as const satisfies Record<string, readonly ContractStatus[]>;

/** Why a contract of `status` cannot be renewed or exited, or null. */
export function moveProblem(status: string, move: keyof typeof CONTRACT_MOVES): string | null {
  const from: readonly string[] = CONTRACT_MOVES[move];
  return from.includes(status) ? null : `a ${status} contract cannot be ${move === 'renew' ? 'renewed' : 'exited'}; allowed from: ${from.join(', ')}`;
}
