// 危急值: a critical report the requesting doctor has not acknowledged within the centre's minutes is
// escalated — first to the requesting unit's directors, a second window later to the centre's head
// (the host unit's directors when the centre names none). One escalation row per step (unique), so
// the job can run as often as it likes; a late run that finds both windows gone takes both steps.
import type { Knex } from 'knex';
import { systemActor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { notify } from '../notifications';
import { escalationLevel } from './rules';
import { addEvent, directorsOf } from './service';

interface Candidate {
  id: number;
  from_org_unit_id: number;
  from_doctor_id: number | null;
  centre_org_unit_id: number;
  head_user_id: number | null;
  critical_ack_minutes: number;
  reported_at: Date;
  escalation_level: number;
  patient_name: string;
  service_name: string;
  critical_note: string;
}

async function recipients(trx: Knex.Transaction, c: Candidate, level: 1 | 2) {
  if (level === 1) return directorsOf(trx, c.from_org_unit_id);
  return c.head_user_id ? [c.head_user_id] : directorsOf(trx, c.centre_org_unit_id);
}

export function escalateCritical(now: Date, runKey: string) {
  const actor = systemActor('diagnosis.critical');
  return inTransaction(actor, async (trx, audit) => {
    const candidates = await trx('diagnosis_requests as r')
      .join('diagnosis_centres as c', 'c.id', 'r.centre_id')
      .select(
        'r.id',
        'r.from_org_unit_id',
        'r.from_doctor_id',
        'r.centre_org_unit_id',
        'c.head_user_id',
        'c.critical_ack_minutes',
        'r.reported_at',
        'r.escalation_level',
        'r.patient_name',
        'r.service_name',
        'r.critical_note',
      )
      .where('r.critical', true)
      .where('r.status', 'reported')
      .where('r.escalation_level', '<', 2)
      .where('r.ack_due_at', '<', now)
      .orderBy('r.ack_due_at')
      .forUpdate()
      .then((rows) => rows as Candidate[]);
    const done: { request_id: number; level: number }[] = [];
    for (const c of candidates) {
      const target = escalationLevel(new Date(c.reported_at), c.critical_ack_minutes, now);
      for (let level = c.escalation_level + 1; level <= target; level++) {
        const userIds = await recipients(trx, c, level as 1 | 2);
        const inserted = await trx('diagnosis_escalations')
          .insert({ request_id: c.id, level, escalated_at: now, notify_user_ids: userIds, run_key: runKey })
          .onConflict(['request_id', 'level'])
          .ignore()
          .returning('id');
        if (!inserted.length) continue;
        const overdue = Math.floor((now.getTime() - new Date(c.reported_at).getTime()) / 60_000);
        await addEvent(trx, actor, c.id, 'escalated', 'reported', 'reported', `critical value unacknowledged ${overdue} min after the report`, {
          level,
          notify_user_ids: userIds,
        });
        await notify(trx, [...userIds, ...(c.from_doctor_id ? [c.from_doctor_id] : [])], {
          kind: 'diagnosis_critical_escalated',
          resource: 'diagnosis-requests',
          record_id: c.id,
          data: { patient_name: c.patient_name, service_name: c.service_name, critical_note: c.critical_note, level, minutes: overdue },
        });
        await audit({ action: 'escalate', resource: 'diagnosis-requests', recordId: c.id, after: { level, notify_user_ids: userIds } });
        done.push({ request_id: c.id, level });
      }
      if (target > c.escalation_level) await trx('diagnosis_requests').where('id', c.id).update({ escalation_level: target });
    }
    return { escalated: done.length, steps: done };
  });
}
