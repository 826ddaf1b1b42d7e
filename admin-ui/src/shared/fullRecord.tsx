// A list answers only the columns it shows, and react-admin seeds each row into the cache its
// show and edit pages read first: such a page would render from the lean row and break on a
// field the list does not send (or an edit form would start from it and save blanks). Rows
// from a list are marked partial here; the Show and Edit below wait for the record's own read,
// and the query client lets that read replace a partial row even when every field is equal.
import type { ReactNode } from 'react';
import { QueryClient, replaceEqualDeep } from '@tanstack/react-query';
import { Edit as RaEdit, Loading, Show as RaShow, useRecordContext, type EditProps, type RaRecord, type ShowProps } from 'react-admin';

const PARTIAL = Symbol('a lean list row');

/** Marks list rows (a symbol: no column, no export, no request ever carries it). */
export const markPartial = <T extends object>(rows: T[]): T[] => rows.map((row) => Object.assign({ ...row }, { [PARTIAL]: true }));

/** Whether a record is a list's lean row rather than the record's own read. */
export const isPartial = (record: object | undefined) => !!record && (record as { [PARTIAL]?: boolean })[PARTIAL] === true;

/** react-query's structural sharing keeps the old object when the new one is equal field by field: never a partial row. */
export const keepUnlessPartial = (old: unknown, data: unknown) => (isPartial(old as RaRecord) ? data : replaceEqualDeep(old, data));

/**
 * The query client of the app: shared as react-query does, except over a partial row. Queries run
 * without network too ('always': react-query would otherwise pause them while the browser is
 * offline): httpClient answers what the phone keeps (shared/offline), or fails at once.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { structuralSharing: keepUnlessPartial, networkMode: 'always' }, mutations: { networkMode: 'always' } },
});

/** Whether the screens are reading or writing anything (for work that waits until they are done: lazyScreens' whenQuiet). */
export const queriesBusy = () => queryClient.isFetching() + queryClient.isMutating() > 0;

const WhenFull = ({ children }: { children: ReactNode }) => (isPartial(useRecordContext()) ? <Loading /> : <>{children}</>);

/** react-admin's Show, rendering its content only from the record's own read. */
export const Show = ({ children, ...props }: ShowProps) => (
  <RaShow {...props}>
    <WhenFull>{children}</WhenFull>
  </RaShow>
);

/** react-admin's Edit, whose form starts from the record's own read, never from a list row. */
export const Edit = ({ children, ...props }: EditProps) => (
  <RaEdit {...props}>
    <WhenFull>{children}</WhenFull>
  </RaEdit>
);
