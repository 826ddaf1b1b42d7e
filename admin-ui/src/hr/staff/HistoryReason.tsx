// Why the history changed, in the user's language. The API writes codes (hired, post, transfer,
// a leave reason) or a sentence naming the record that caused it (rotation #12 started);
// anything else is a reason the user typed and is shown as typed.
import { useTranslate } from 'react-admin';
import { CodeField } from '../../shared/CodeField';

type Translate = ReturnType<typeof useTranslate>;

const SENTENCES: [RegExp, string][] = [
  [/^rotation #(\d+) started$/, 'hr.history_reason.rotation_started'],
  [/^rotation #(\d+) ended$/, 'hr.history_reason.rotation_ended'],
  [/^title promotion #(\d+)$/, 'hr.history_reason.promotion'],
  [/^village-doctor contract #(\d+) \(renewal\)$/, 'hr.history_reason.contract_renewal'],
  [/^village-doctor contract #(\d+)$/, 'hr.history_reason.contract'],
];

export function historyReason(reason: string, translate: Translate): string {
  for (const [pattern, key] of SENTENCES) {
    const m = pattern.exec(reason);
    if (m) return translate(key, { id: m[1] });
  }
  return translate(`hr.history_reason.${reason}`, { _: translate(`enums.leave_reason.${reason}`, { _: reason }) });
}

export const HistoryReasonField = ({ source }: { source: 'reason' }) => {
  const translate = useTranslate();
  return <CodeField source={source} text={(reason) => historyReason(reason, translate)} />;
};
