// An audit entry's verb and resource in the user's language (the API stores codes: accept, settlement-runs).
import { useTranslate } from 'react-admin';

export function useAuditLabels() {
  const translate = useTranslate();
  return {
    action: (code: string) => translate(`enums.audit_action.${code}`),
    resource: (name: string) => translate(`resources.${name}.name`, { smart_count: 1 }),
  };
}
