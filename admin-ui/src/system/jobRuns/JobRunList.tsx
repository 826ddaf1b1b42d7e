import { Datagrid, DateField, List, SearchInput, SelectField, SelectInput, SimpleList, TextField, useTranslate } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { JOB_STATUS_CHOICES } from './statuses';
import { CodeField } from '../../shared/CodeField';
import { useJobLabels } from './labels';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={JOB_STATUS_CHOICES} />];

export const JobRunList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  const { job, trigger } = useJobLabels();
  return (
    <List filters={filters} sort={{ field: 'started_at', order: 'DESC' }}>
      {isSmall ? (
        <SimpleList
          primaryText={(run) => job(run.job)}
          secondaryText={(run) => translate(`enums.job_status.${run.status}`)}
          tertiaryText={(run) => run.run_key}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <CodeField source="job" text={job} />
          <TextField source="run_key" />
          <SelectField source="status" choices={JOB_STATUS_CHOICES} />
          <DateField source="started_at" showTime />
          <DateField source="finished_at" showTime />
          <CodeField source="triggered_by" text={trigger} />
        </Datagrid>
      )}
    </List>
  );
};
