// 我的任务: today (due by today), overdue, this month (or all open), each chip with its count,
// sorted by due date — the overdue first —, overdue in red, filters by type. A tap opens the
// follow-up form prefilled from the task (handed over with the navigation, so the form opens
// without a network). Offline the list is the phone's copy of the village (village.ts), as the
// sync line above it says. Built for a 390-px phone.
import { Box, Chip, List as MuiList, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { Datagrid, List, SelectInput, useListContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { OutboxBanner } from '../OutboxBanner';
import { useTaskSummary } from './useTaskSummary';
import { TASK_BUCKET } from '../../../../api/health/enums';
import { FOLLOWUP_TYPE_CHOICES, TASK_STATE_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { shanghaiDate } from '../../shared/time';
import { useFilterValues } from '../../shared/filterValues';
import type { TaskRecord } from '../records';
import { daysBetween } from '../../../../api/core/clock';

/** The bucket chips, each with its count (of the chosen type): one tap switches between today / overdue / this month / all open. */
const BucketChips = () => {
  const translate = useTranslate();
  const { setFilters } = useListContext();
  const filterValues = useFilterValues<{ type?: string; bucket?: string }>();
  const { data: counts } = useTaskSummary(filterValues.type);
  return (
    <Stack direction="row" spacing={1} sx={{ px: 1, pt: 1, flexWrap: 'wrap', rowGap: 1 }}>
      {TASK_BUCKET.values.map((b) => (
        <Chip
          key={b}
          data-testid={`bucket-${b}`}
          label={counts ? `${translate(`enums.task_bucket.${b}`)} ${counts[b]}` : translate(`enums.task_bucket.${b}`)}
          data-count={counts?.[b] ?? ''}
          color={filterValues.bucket === b ? (b === 'overdue' ? 'error' : 'primary') : 'default'}
          variant={filterValues.bucket === b ? 'filled' : 'outlined'}
          onClick={() => setFilters({ ...filterValues, bucket: b }, {})}
        />
      ))}
    </Stack>
  );
};

const PhoneTasks = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, isPending } = useListContext<TaskRecord>();
  if (isPending) return null;
  if (!data?.length)
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('health.tasks.empty')}
      </Typography>
    );
  const today = shanghaiDate();
  return (
    <MuiList dense disablePadding>
      {data.map((t) => (
        <ListItemButton
          key={t.id}
          divider
          data-testid={`task-${t.id}`}
          onClick={() => navigate(`/followups/create?task_id=${encodeURIComponent(t.id)}`, { state: { task: t } })}
        >
          <ListItemText
            primary={
              <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
                <span>{t.resident_name}</span>
                <span>{translate(`enums.followup_type.${t.type}`)}</span>
              </Box>
            }
            secondary={
              <Box
                component="span"
                sx={{ color: t.overdue ? 'error.main' : 'text.secondary', fontWeight: t.overdue ? 600 : 400 }}
                data-overdue={t.overdue ? 'true' : 'false'}
              >
                {t.overdue ? translate('health.tasks.overdue', { days: daysBetween(t.due_on, today) }) : translate('health.tasks.due', { date: t.due_on })}
              </Box>
            }
          />
        </ListItemButton>
      ))}
    </MuiList>
  );
};

const filters = [<SelectInput key="type" source="type" choices={FOLLOWUP_TYPE_CHOICES} alwaysOn />];

const columns: Column<TaskRecord>[] = [
  { source: 'resident_name', kind: 'text', sortable: false },
  { source: 'type', kind: 'choice', choices: FOLLOWUP_TYPE_CHOICES },
  { source: 'due_on', kind: 'date' },
  {
    source: 'overdue',
    kind: 'computed',
    sortable: false,
    value: (r, translate) => (r.overdue ? translate('health.tasks.overdue', { days: daysBetween(r.due_on, shanghaiDate()) }) : ''),
  },
  { source: 'window_end', kind: 'date' },
  { source: 'state', kind: 'choice', choices: TASK_STATE_CHOICES },
];

export const TaskList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List
      title={translate('health.tasks.title')}
      filters={filters}
      filterDefaultValues={{ bucket: 'today' }}
      sort={{ field: 'due_on', order: 'ASC' }}
      perPage={25}
      empty={false}
      actions={<ListActions columns={columns} />}
    >
      <OutboxBanner />
      <BucketChips />
      {isSmall ? (
        <PhoneTasks />
      ) : (
        <Datagrid
          rowClick={(id) => `/followups/create?task_id=${encodeURIComponent(String(id))}`}
          bulkActionButtons={false}
          rowSx={(r: TaskRecord) => ({ '& td': { color: r.overdue ? 'error.main' : undefined } })}
        >
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};
