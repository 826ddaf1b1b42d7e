// The notices of a referral (消息提醒), written in the transaction of the change they report: the
// sending side learns of the answer and the arrival; an overdue request reaches the receiving
// unit's directors and the group referral office (named on the escalation) and the sender.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { can } from '../core/access';
import { GROUP_ROLES, ROLES, accounts, type Role } from '../auth';
import { notify } from '../notifications';
import type { Referral } from './model';
import { ESCALATION_NOTICE, NOTICE_OF, senderRecipients, type Candidate, type ReferralAction } from './rules';

/** The roles of a member unit that see its referrals (the group roles act group-wide, not for the unit); asked when needed, once the grants are installed. */
const unitRoles = (): readonly Role[] => ROLES.filter((r) => !GROUP_ROLES.includes(r) && can([r], 'referrals', 'show'));

async function senders(trx: Knex.Transaction, r: Pick<Referral, 'from_doctor_id' | 'from_org_unit_id'>, actorId: number) {
  const users: Candidate[] = await accounts(['id', 'org_unit_id', 'roles', 'active'], trx).where((w) =>
    w.where('org_unit_id', r.from_org_unit_id).orWhere('id', r.from_doctor_id ?? -1),
  );
  return senderRecipients(users, r, actorId, unitRoles());
}

/** What every notice of a referral names: the patient and the two units. */
const about = (r: Referral) => ({ patient_name: r.patient_name, from_unit_name: r.from_unit_name, to_unit_name: r.to_unit_name });

/** After `action` moved `r` (as updated): tells the sending side, when the action is one it hears of. */
export async function noticeOfTransition(trx: Knex.Transaction, actor: Actor, r: Referral, action: ReferralAction) {
  const kind = NOTICE_OF[action];
  if (!kind) return;
  const data = { ...about(r), actor_name: actor.displayName, appointment_at: r.appointment_at ?? null, reason: action === 'reject' ? r.status_reason : null };
  await notify(trx, await senders(trx, r, actor.id), { kind, resource: 'referrals', record_id: r.id, data });
}

/** An escalated request: those the escalation names, and the sender. */
export async function noticeOfEscalation(trx: Knex.Transaction, e: { referral_id: number; overdue_minutes: number; notify_user_ids: number[] }) {
  const r = await trx<Referral>('referrals').where('id', e.referral_id).first();
  if (!r) return;
  const userIds = [...e.notify_user_ids, ...(await senders(trx, r, 0))];
  await notify(trx, userIds, { kind: ESCALATION_NOTICE, resource: 'referrals', record_id: r.id, data: { ...about(r), overdue_minutes: e.overdue_minutes } });
}
