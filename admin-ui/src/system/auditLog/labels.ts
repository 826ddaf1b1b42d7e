// An audit entry's verb and resource in the user's language (the API stores codes: accept, settlement-runs).
import { useTranslate } from 'react-admin';
import type { Translate } from '../../shared/exporter';

export const auditAction = (translate: Translate, code: string) => translate(`enums.audit_action.${code}`);
export const auditResource = (translate: Translate, name: string) => translate(`resources.${name}.name`, { smart_count: 1 });

export function useAuditLabels() {
  const translate = useTranslate();
  return { action: (code: string) => auditAction(translate, code), resource: (name: string) => auditResource(translate, name) };
}
