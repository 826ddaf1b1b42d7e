// The API's refusals in the doctor's words. The API writes its messages in English (for the log and
// other clients); a health screen names the fields and the reason from the refusal's code, its
// fields and the task state it gives (messages in health/messages.ts), never the English text.
import { HttpError } from 'react-admin';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the outbox keeps of a refusal, to say it later (the sync line, the household page). */
export interface Refusal {
  status: number;
  code?: string;
  details?: unknown;
}

/** The refusal an error carries: undefined when no server answered. */
export function refusalOf(e: unknown): Refusal | undefined {
  if (!(e instanceof HttpError)) return undefined;
  const body = e.body as { code?: string; details?: unknown } | undefined;
  return { status: Number(e.status), code: body?.code, details: body?.details };
}

/** The field problems of a refusal's details. */
export const fieldProblems = (details: unknown) =>
  (Array.isArray(details) ? details : []).filter((d): d is FieldRefusal => typeof (d as { field?: unknown })?.field === 'string');

/** One field's problem as the API names it: the field, and the rule refused with its figures. */
export interface FieldRefusal {
  field: string;
  message: string;
  rule?: string;
  params?: { lo?: number; hi?: number };
}

/** One field's problem by its rule (required, out of range with its bounds), else 请核对. */
export function problemText(translate: Translate, problem: FieldRefusal): string {
  if (problem.rule === 'required') return translate('health.household.required');
  // the bounds only: the field's label names the quantity and its unit
  if (problem.rule === 'out_of_range') return translate('health.household.range', { lo: problem.params?.lo, hi: problem.params?.hi });
  return translate('health.problem.check');
}

/**
 * A refusal as one line: the fields to check (a household visit's as 姓名·字段, `memberOf` naming
 * visit i), a task already closed, a record out of reach, or the status.
 */
export function refusalText(translate: Translate, r: Refusal | undefined, memberOf?: (i: number) => string | undefined): string {
  if (!r) return translate('health.problem.network');
  const fields = fieldProblems(r.details);
  // the resident's record was closed since the phone's copy (death, moved away)
  if (fields.some((d) => d.field === 'resident_id' && d.message === 'deregistered')) return translate('health.problem.deregistered');
  if (fields.length) {
    const names = fields.map(({ field }) => {
      const [, i, rest] = /^visits\.(\d+)\.(.+)$/.exec(field) ?? [];
      const path = rest ?? field;
      const label = translate(`resources.followups.fields.${path.split('.')[0]}`, { _: translate('health.problem.field') });
      const who = i !== undefined ? memberOf?.(Number(i)) : undefined;
      return who ? `${who} · ${label}` : label;
    });
    return translate('health.problem.fields', { fields: [...new Set(names)].join('、') });
  }
  const state = (r.details as { state?: string } | undefined)?.state;
  if (r.code === 'conflict' && state) return translate('health.problem.task_closed', { state: translate(`enums.task_state.${state}`) });
  if (r.status === 404) return translate('health.problem.not_found');
  if (r.status === 403) return translate('health.problem.forbidden');
  return translate('health.problem.other', { status: r.status });
}
