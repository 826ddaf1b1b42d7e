// One rotation: who goes where and when, its status with what may still be done to it, the
// actions 结束 / 取消 / 修改 (refusals shown in Chinese in their dialogs), and its audit trail.
import { Alert, Card, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { EditButton, ReferenceField, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { ActionButton } from '../problems';
import { httpClient } from '../../httpClient';
import { Show } from '../../shared/fullRecord';
import { rotationFields } from './rotationFields';

const isOpen = (r: RaRecord) => r.status === 'planned' || r.status === 'active';

interface TrailEntry {
  id: number;
  at: string;
  actor_name: string;
  action: string;
  before: RaRecord | null;
  after: RaRecord | null;
}

const Actions = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'rotations', action: 'edit' });
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <ActionButton
        verb="end"
        label="hr.rotations.end"
        when={(r) => r.status === 'active'}
        fields={[
          { name: 'actual_end_on', label: 'resources.rotations.fields.actual_end_on', type: 'date' },
          { name: 'end_reason', label: 'resources.rotations.fields.end_reason', type: 'text' },
        ]}
      />
      <ActionButton
        verb="cancel"
        label="hr.rotations.cancel"
        color="error"
        when={(r) => r.status === 'planned'}
        fields={[{ name: 'reason', label: 'hr.rotations.cancel_reason', type: 'text', required: true }]}
      />
      {canAccess && record && isOpen(record) && <EditButton label="hr.rotations.edit" />}
    </TopToolbar>
  );
};

/** What may still be done, so that a missing button is not a mystery. */
const StatusHint = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'rotations', action: 'edit' });
  if (!r || !canAccess) return null; // readers are not offered the actions it explains
  const text =
    r.status === 'planned'
      ? translate('hr.rotations.hint_planned')
      : r.status === 'active'
        ? translate('hr.rotations.hint_active')
        : translate('hr.rotations.hint_closed', { status: translate(`enums.rotation_status.${r.status}`) });
  return (
    <Alert severity={isOpen(r) ? 'info' : 'warning'} data-testid="rotation-hint">
      {text}
    </Alert>
  );
};

/** One trail line's detail: the reason given, or the dates and unit a re-plan changed. */
function trailDetail(e: TrailEntry, translate: ReturnType<typeof useTranslate>): string {
  if (e.action === 'update' && e.before && e.after) {
    return (
      (['start_on', 'planned_end_on', 'host_org_unit_id', 'purpose'] as const)
        .filter((f) => String(e.before![f] ?? '') !== String(e.after![f] ?? ''))
        // units by name are on the page; the trail keeps ids, so a unit change is only named
        .map(
          (f) =>
            `${translate(`resources.rotations.fields.${f}`)}：${f === 'host_org_unit_id' ? translate('hr.rotations.changed') : `${e.before![f] ?? '—'} → ${e.after![f] ?? '—'}`}`,
        )
        .join('；')
    );
  }
  if (e.action === 'complete') return [e.after?.actual_end_on, e.after?.end_reason].filter(Boolean).join('，');
  return e.action === 'cancel' ? String(e.after?.end_reason ?? '') : '';
}

const History = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  const { data = [] } = useQuery({
    queryKey: ['rotation-history', r?.id, r?.status, r?.planned_end_on],
    enabled: r?.id != null,
    queryFn: async () => (await httpClient(`/api/rotations/${r!.id}/history`)).json as TrailEntry[],
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader title={translate('hr.rotations.history')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <Table size="small" data-testid="rotation-history">
        <TableHead>
          <TableRow>
            {['at', 'actor', 'action', 'detail'].map((k) => (
              <TableCell key={k}>{translate(`hr.rotations.${k}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</TableCell>
              <TableCell>{e.actor_name}</TableCell>
              <TableCell>{translate(`hr.rotations.actions.${e.action}`, { _: e.action })}</TableCell>
              <TableCell>{trailDetail(e, translate)}</TableCell>
            </TableRow>
          ))}
          {!data.length && (
            <TableRow>
              <TableCell colSpan={4}>{translate('hr.rotations.no_history')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Card>
  );
};

export const RotationShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <StatusHint />
      <ReferenceField source="staff_id" reference="staff" link="show" />
      {rotationFields()}
      <TextField source="purpose" emptyText="—" />
      <TextField source="end_reason" label="hr.rotations.reason" emptyText="—" />
      <History />
    </SimpleShowLayout>
  </Show>
);
