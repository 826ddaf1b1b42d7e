// The 导出 button of every list: all rows of the list's current filter and sort, as the CSV of
// exporter.ts, named after the list and the day (人员-2026-12-05.csv).
import { useState, type ReactNode } from 'react';
import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Button,
  CreateButton,
  FilterButton,
  TopToolbar,
  downloadCSV,
  useDataProvider,
  useFilterContext,
  useListContext,
  useNotify,
  useResourceDefinition,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import { csvOf, fetchAllRows, fetchRelated, type Column, type Represent } from './exporter';
import { shanghaiDate } from './time';
import { useFilterValues } from './filterValues';

/** A referenced record as the list shows it: the named field, else its resource's recordRepresentation. */
function useRepresent(): Represent {
  const definitions = useResourceDefinitions();
  return (reference, record, field) => {
    const rep = field ?? definitions[reference]?.recordRepresentation;
    if (typeof rep === 'string') return String(record[rep] ?? '');
    if (typeof rep === 'function') return String(rep(record));
    return String(record.name ?? record.id);
  };
}

export const ExportButton = ({ columns }: { columns: readonly Column[] }) => {
  const { filter, resource, sort, total } = useListContext();
  const filterValues = useFilterValues();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const represent = useRepresent();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const rows = await fetchAllRows(dataProvider, resource, { filter: { ...filterValues, ...filter }, sort });
      const related = await fetchRelated(dataProvider, rows, columns);
      const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
      downloadCSV(csvOf(resource, columns, rows, { translate, related, represent }), `${name}-${shanghaiDate()}`);
    } catch (e) {
      console.error(e);
      notify('ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="ra.action.export" onClick={run} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
};

/** react-admin's list toolbar (filters, create) with this export, and any extra buttons before it. */
export const ListActions = ({ columns, children }: { columns: readonly Column[]; children?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters?.length ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      {children}
      <ExportButton columns={columns} />
    </TopToolbar>
  );
};
