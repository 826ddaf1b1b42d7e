import { FunctionField } from 'react-admin';

/** A column holding a code the API stores, shown through `text` (its label in the user's language). */
export const CodeField = ({ source, text }: { source: string; text: (code: string) => string; label?: string; sortable?: boolean }) => (
  <FunctionField source={source} render={(record) => (record[source] == null ? '' : text(String(record[source])))} />
);
