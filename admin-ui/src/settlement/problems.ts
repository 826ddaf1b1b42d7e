// A refused settlement call in the user's language: the API's details carry a `rule` and its `params`
// (signoffs/rules.ts, the final run's months_not_signed_off) translated as settlement.rules.<rule>.
import type { useTranslate } from 'react-admin';
import { apiError } from '../finance/api';

type Translate = ReturnType<typeof useTranslate>;

export function refusalText(e: unknown, translate: Translate): string {
  const { message, details } = apiError(e);
  const d = Array.isArray(details) ? (details[0] as { rule?: string; params?: Record<string, unknown> } | undefined) : undefined;
  if (!d?.rule) return message;
  const params: Record<string, unknown> = { ...d.params };
  if (typeof params.level === 'string') params.level = translate(`enums.signoff_level.${params.level}`);
  return translate(`settlement.rules.${d.rule}`, { _: message, ...params });
}
