// A resident's page: identity (full ID on request, audited), key populations and conditions,
// the family-doctor contract, the trend of the last measurements, follow-ups, tasks, transfers.
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Component, Suspense, useState, type ReactNode } from 'react';
import {
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  SimpleList,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { Link } from 'react-router-dom';
import { httpClient } from '../../httpClient';
import { CLASSIFICATION_CHOICES, FOLLOWUP_TYPE_CHOICES, SEX_CHOICES, TASK_STATE_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { DeregisterButton, TransferButton } from './ResidentActions';
import { TagChips } from './ResidentList';
import { lazyScreens } from '../../shared/lazyScreens';
import type { FollowupRecord, ResidentDetail } from '../records';
import { useCanList } from '../../shared/useAccess';

// the chart library is fetched only when a chart is drawn
const { MeasurementChart } = lazyScreens(() => import('../MeasurementChart'));

/**
 * The chart, or nothing when its module cannot be had: it is not among the files the service worker
 * keeps ahead (recharts is large, and the chart's data needs the network anyway), so a resident's
 * page opened offline before the chart was ever drawn goes without it.
 */
class ChartOrNothing extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

const RevealId = () => {
  const record = useRecordContext<ResidentDetail>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'residents', action: 'reveal_id' });
  const [full, setFull] = useState<string>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography data-testid="resident-id-number">{full ?? record.id_number_masked}</Typography>
      {canAccess && !full && (
        <Button
          size="small"
          onClick={() => void httpClient(`/api/residents/${record.id}/id-number`).then(({ json }) => setFull((json as { id_number: string }).id_number))}
        >
          {translate('health.resident.reveal')}
        </Button>
      )}
    </Stack>
  );
};

const ContractCard = () => {
  const record = useRecordContext<ResidentDetail>();
  const translate = useTranslate();
  // the referral office reads the resident, not the health office's teams and contracts
  const [canListTeams, canListContracts] = [useCanList('family-doctor-teams'), useCanList('contracts')];
  if (!record) return null;
  const c = record.active_contract;
  return (
    <Card variant="outlined" data-testid="resident-contract">
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="subtitle2">{translate('health.resident.contract')}</Typography>
        {c ? (
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 0.5, mt: 0.5, alignItems: 'center' }}>
            {canListTeams && <ReferenceField record={c} source="team_id" reference="family-doctor-teams" link="show" />}
            <Chip size="small" label={translate(`enums.package.${c.package_code}`)} />
            <Typography variant="body2">
              {c.start_on} – {c.end_on}
            </Typography>
            {canListContracts && (
              <Button size="small" component={Link} to={`/contracts/${c.id}/show`}>
                #{c.id}
              </Button>
            )}
          </Stack>
        ) : (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography color="text.secondary">{translate('health.resident.no_contract')}</Typography>
            {!record.deregistered_on && (
              <Button size="small" variant="outlined" component={Link} to={`/contracts/create?resident_id=${record.id}`}>
                {translate('health.contract.sign')}
              </Button>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

const Conditions = () => {
  const record = useRecordContext<ResidentDetail>();
  const translate = useTranslate();
  if (!record?.conditions.length) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {record.conditions.map((c) => (
        <Chip key={c.code} variant="outlined" size="small" label={`${translate(`enums.condition.${c.code}`)} · ${c.diagnosed_on}`} />
      ))}
    </Stack>
  );
};

const Actions = () => {
  const record = useRecordContext<ResidentDetail>();
  const translate = useTranslate();
  return (
    <TopToolbar>
      {record && !record.deregistered_on && (
        <Button variant="contained" size="small" component={Link} to={`/followups/create?resident_id=${record.id}`}>
          {translate('menu.log_followup')}
        </Button>
      )}
      {record && !record.deregistered_on && <TransferButton record={record} />}
      {record && !record.deregistered_on && <DeregisterButton record={record} />}
      <EditButton />
    </TopToolbar>
  );
};

const Body = () => {
  const record = useRecordContext<ResidentDetail>();
  const translate = useTranslate();
  const isSmall = useIsSmall();
  // the referral office opens residents, not their follow-ups and tasks
  const [canListFollowups, canListTasks] = [useCanList('followups'), useCanList('tasks')];
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      {record.deregistered_on && (
        <Alert severity="info" data-testid="resident-deregistered">
          {translate('health.resident.deregistered', {
            date: record.deregistered_on,
            reason: translate(`enums.deregistration_reason.${record.deregistration_reason}`),
          })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(4, 1fr)' }, gap: 1 }}>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Labeled source="sex">
          <SelectField source="sex" choices={SEX_CHOICES} />
        </Labeled>
        <Labeled source="age">
          <TextField source="age" />
        </Labeled>
        <Labeled source="birth_date">
          <DateField source="birth_date" />
        </Labeled>
        <Labeled source="phone">
          <TextField source="phone" />
        </Labeled>
        <Labeled source="household">
          {record.household_id ? (
            <Typography variant="body2" component={Link} to={`/households/${record.household_id}/show`} data-testid="resident-household">
              {record.household}
              {record.household_relation ? ` · ${translate(`enums.household_relation.${record.household_relation}`)}` : ''}
            </Typography>
          ) : (
            <TextField source="household" />
          )}
        </Labeled>
        <Labeled source="org_unit_id">
          <ReferenceField source="org_unit_id" reference="org-units" link={false} />
        </Labeled>
        <Labeled source="managing_org_unit_id">
          <Box component="span" data-testid="resident-managing-unit">
            <ReferenceField source="managing_org_unit_id" reference="org-units" link={false} />
          </Box>
        </Labeled>
        <Labeled source="id_number">
          <RevealId />
        </Labeled>
      </Box>
      <TagChips tags={record.tags} />
      <Conditions />
      <ContractCard />
      <ChartOrNothing>
        <Suspense fallback={null}>
          <MeasurementChart residentId={record.id} />
        </Suspense>
      </ChartOrNothing>
      {canListFollowups && (
        <>
          <Typography variant="subtitle1">{translate('health.resident.followups')}</Typography>
          <ReferenceManyField reference="followups" target="resident_id" sort={{ field: 'visited_on', order: 'DESC' }} perPage={10}>
            {isSmall ? (
              <SimpleList<FollowupRecord>
                primaryText={(f) => `${f.visited_on} · ${translate(`enums.followup_type.${f.type}`)}`}
                secondaryText={(f) =>
                  [f.systolic && `${f.systolic}/${f.diastolic} mmHg`, f.fasting_glucose && `${f.fasting_glucose} mmol/L`].filter(Boolean).join(' · ')
                }
                tertiaryText={(f) => (f.classification ? translate(`enums.classification.${f.classification}`) : '')}
                linkType="show"
              />
            ) : (
              <Datagrid bulkActionButtons={false} rowClick="show">
                <DateField source="visited_on" />
                <SelectField source="type" choices={FOLLOWUP_TYPE_CHOICES} />
                <FunctionField<FollowupRecord> label="resources.followups.fields.systolic" render={(f) => (f.systolic ? `${f.systolic}/${f.diastolic}` : '')} />
                <TextField source="fasting_glucose" />
                <SelectField source="classification" choices={CLASSIFICATION_CHOICES} />
              </Datagrid>
            )}
          </ReferenceManyField>
        </>
      )}
      {canListTasks && (
        <>
          <Typography variant="subtitle1">{translate('health.resident.tasks')}</Typography>
          <ReferenceManyField reference="tasks" target="resident_id" sort={{ field: 'due_on', order: 'DESC' }} perPage={8}>
            <Datagrid bulkActionButtons={false} rowClick={(id) => `/followups/create?task_id=${encodeURIComponent(String(id))}`}>
              <SelectField source="type" choices={FOLLOWUP_TYPE_CHOICES} />
              <DateField source="due_on" />
              <SelectField source="state" choices={TASK_STATE_CHOICES} />
            </Datagrid>
          </ReferenceManyField>
        </>
      )}
      {record.transfers.length > 0 && (
        <>
          <Typography variant="subtitle1">{translate('health.resident.transfers')}</Typography>
          {record.transfers.map((t) => (
            <Typography key={t.id} variant="body2" data-testid="resident-transfer-row">
              {t.transferred_on}: <ReferenceField record={t} source="from_org_unit_id" reference="org-units" link={false} /> →{' '}
              <ReferenceField record={t} source="to_org_unit_id" reference="org-units" link={false} /> {t.reason ?? ''}
            </Typography>
          ))}
        </>
      )}
      {record.care_transfers.length > 0 && (
        <>
          <Typography variant="subtitle1">{translate('health.resident.care_transfers')}</Typography>
          {record.care_transfers.map((t) => (
            <Typography key={t.id} variant="body2" data-testid="resident-care-transfer-row">
              {new Date(t.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' })}:{' '}
              <ReferenceField record={t} source="from_org_unit_id" reference="org-units" link={false} /> →{' '}
              <ReferenceField record={t} source="to_org_unit_id" reference="org-units" link={false} />{' '}
              {t.referral_id && <Link to={`/referrals/${t.referral_id}/show`}>#{t.referral_id}</Link>}
            </Typography>
          ))}
        </>
      )}
    </Stack>
  );
};

export const ResidentShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);
