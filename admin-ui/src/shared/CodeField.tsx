import { FunctionField, type RaRecord } from 'react-admin';

/** A column holding a code the API stores, shown through `text` (its label in the user's language). */
export const CodeField = ({ source, text }: { source: string; text: (code: string) => string; label?: string; sortable?: boolean }) => (
  <FunctionField<RaRecord>
    source={source}
    render={(record) => {
      const code = record[source] as string | number | null | undefined;
      return code == null ? '' : text(String(code));
    }}
  />
);
