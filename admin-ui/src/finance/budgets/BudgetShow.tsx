// A budget with its monthly split and the list of its versions (each revision links to the
// one it replaced); finance revises the active version.
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DateField,
  EditButton,
  Labeled,
  Link,
  NumberField,
  ReferenceField,
  SelectField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { can, yuan } from '../api';
import { BUDGET_ACCOUNT_CHOICES } from '../choices';
import type { BudgetRecord } from '../records';

const Actions = () => {
  const record = useRecordContext<BudgetRecord>();
  const translate = useTranslate();
  return (
    <TopToolbar>
      {record?.status === 'active' && can('budgets', 'revise') ? <EditButton label={translate('finance.budget.revise')} data-testid="revise-budget" /> : null}
    </TopToolbar>
  );
};

const Months = () => {
  const record = useRecordContext<BudgetRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small">
        <TableBody>
          {[0, 6].map((start) => (
            <TableRow key={start}>
              {record.monthly.slice(start, start + 6).map((m, i) => (
                <TableCell key={i} align="right">
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {translate('finance.budget.month', { month: start + i + 1 })}
                  </Typography>
                  {yuan(m)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Versions = () => {
  const record = useRecordContext<BudgetRecord>();
  const translate = useTranslate();
  const { data } = useGetList<BudgetRecord>(
    'budgets',
    {
      filter: { org_unit_id: record?.org_unit_id, year: record?.year, account: record?.account },
      sort: { field: 'version', order: 'DESC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: !!record },
  );
  if (!record) return null;
  return (
    <Box data-testid="budget-versions">
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('finance.budget.versions')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.budgets.fields.version')}</TableCell>
            <TableCell align="right">{translate('resources.budgets.fields.amount')}</TableCell>
            <TableCell>{translate('resources.budgets.fields.status')}</TableCell>
            <TableCell>{translate('resources.budgets.fields.reason')}</TableCell>
            <TableCell>{translate('resources.budgets.fields.created_at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data ?? []).map((v) => (
            <TableRow key={v.id} selected={v.id === record.id} data-testid={`version-${v.version}`}>
              <TableCell>
                <Link to={`/budgets/${v.id}/show`}>v{v.version}</Link>
                {v.previous_id ? (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    ← v{v.version - 1}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell align="right">{yuan(v.amount)}</TableCell>
              <TableCell>
                <Chip size="small" label={translate(`enums.budget_status.${v.status}`)} color={v.status === 'active' ? 'success' : 'default'} />
              </TableCell>
              <TableCell>{v.reason}</TableCell>
              <TableCell>
                <DateField record={v} source="created_at" showTime />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export const BudgetShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <ReferenceField source="org_unit_id" reference="org-units" link={false} />
        </Labeled>
        <Labeled>
          <TextField source="year" />
        </Labeled>
        <Labeled>
          <SelectField source="account" choices={BUDGET_ACCOUNT_CHOICES} />
        </Labeled>
        <Labeled>
          <NumberField source="amount" options={{ minimumFractionDigits: 2 }} />
        </Labeled>
        <Labeled>
          <TextField source="version" />
        </Labeled>
      </Box>
      <Months />
      <Versions />
    </SimpleShowLayout>
  </Show>
);
