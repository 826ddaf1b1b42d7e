import { Datagrid, List, SearchInput, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { JOB_STATUS_CHOICES } from './statuses';
import { jobName, jobTrigger, useJobLabels } from './labels';
import type { JobRun } from '../records';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={JOB_STATUS_CHOICES} />];

const columns: Column<JobRun>[] = [
  { source: 'job', kind: 'computed', value: (r, translate) => jobName(translate, r.job) },
  { source: 'run_key', kind: 'text' },
  { source: 'status', kind: 'choice', choices: JOB_STATUS_CHOICES },
  { source: 'started_at', kind: 'datetime' },
  { source: 'finished_at', kind: 'datetime' },
  { source: 'triggered_by', kind: 'computed', value: (r, translate) => jobTrigger(translate, r.triggered_by) },
];

export const JobRunList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  const { job } = useJobLabels();
  return (
    <List filters={filters} sort={{ field: 'started_at', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<JobRun>
          primaryText={(run) => job(run.job)}
          secondaryText={(run) => translate(`enums.job_status.${run.status}`)}
          tertiaryText={(run) => run.run_key}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};
