// The referral page: patient, route, diagnosis, the fees that apply, the event timeline, and
// the next steps open to the user (accept into a slot, reject, register arrival, complete, cancel).
import {
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  DateField,
  FunctionField,
  Labeled,
  Link,
  ReferenceField,
  SelectField,
  TextField,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../shared/fullRecord';
import { httpClient } from '../httpClient';
import { DIRECTION_CHOICES, PURPOSE_CHOICES, STATUS_CHOICES, VILLAGE_LEVEL, type ReferralRecord } from './choices';
import { DATE_TIME_OPTIONS, formatTime, shanghaiDate } from '../shared/time';
import { LiveTimer, UrgencyChip } from './LiveTimer';
import type { DepartmentRecord } from '../shared/records';

const yuan = (v: string) => `¥${v}`;

const Fees = () => {
  const r = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  // a row of the list (no fees) stands in for the record until the page's own fetch answers
  if (!r?.fees) return null;
  const f = r.fees;
  const rows: [string, string, string][] = [
    [
      'registration',
      translate('referrals.fees.registration'),
      f.registration_waived ? `${translate('referrals.fees.registration_waived')}（${yuan(f.registration_fee)} → ¥0.00）` : yuan(f.registration_due),
    ],
    ['threshold', translate('referrals.fees.threshold'), yuan(f.threshold)],
    ['offset', translate('referrals.fees.offset'), `− ${yuan(f.threshold_offset)}`],
    ['due', translate('referrals.fees.due'), yuan(f.threshold_due)],
  ];
  return (
    <Card variant="outlined" data-testid="referral-fees">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('referrals.fees.title')}
        </Typography>
        <Table size="small">
          <TableBody>
            {rows.map(([key, label, value]) => (
              <TableRow key={key} data-testid={`fee-${key}`}>
                <TableCell>{label}</TableCell>
                <TableCell align="right">
                  <strong>{value}</strong>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
          {f.basis.map((b) => (
            <Chip key={b} size="small" color="success" variant="outlined" label={translate(`enums.fee_basis.${b}`)} />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** Where the resident's care is now (the health record's managing unit, which arrivals move). */
const ManagingUnit = () => {
  const r = useRecordContext<ReferralRecord>();
  if (r?.patient_managing_org_unit_id == null) return null;
  return (
    <Grid size={6}>
      <Labeled source="patient_managing_org_unit_id">
        <Box component="span" data-testid="referral-managing-unit">
          <ReferenceField source="patient_managing_org_unit_id" reference="org-units" link={false} />
        </Box>
      </Labeled>
    </Grid>
  );
};

const Timeline = () => {
  const r = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  if (!r?.events) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('referrals.timeline')}
        </Typography>
        <Box component="ol" data-testid="referral-timeline" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {r.events.map((e) => (
            <Box
              component="li"
              key={e.id}
              data-testid={`event-${e.kind}`}
              sx={{ borderLeft: 3, borderColor: e.kind === 'escalated' || e.kind === 'rejected' ? 'error.main' : 'primary.main', pl: 2, pb: 1.5 }}
            >
              <Typography variant="body2">
                <strong>{translate(`enums.referral_event.${e.kind}`)}</strong> · {e.kind === 'escalated' ? translate('referrals.by_system') : e.actor_name} ·{' '}
                {formatTime(e.at)}
              </Typography>
              {/* the job's note is for the log; the page says it in the user's language */}
              {e.kind === 'escalated' ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('referrals.escalated_note')}
                </Typography>
              ) : (
                e.note && (
                  <Typography variant="body2" color="text.secondary">
                    {e.note}
                  </Typography>
                )
              )}
              {e.data?.appointment_at ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('referrals.timer.appointment', { time: formatTime(e.data.appointment_at) })}
                  {e.data.department ? ` · ${e.data.department}` : ''}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Box>
        {!!r.unit_history?.length && (
          <Box data-testid="referral-unit-history" sx={{ mt: 1 }}>
            <Typography variant="subtitle2">{translate('referrals.unit_history')}</Typography>
            {r.unit_history.map((h) => (
              <Typography key={h.id} variant="body2">
                {formatTime(h.at)}: <ReferenceField record={h} source="from_org_unit_id" reference="org-units" link={false} /> →{' '}
                <ReferenceField record={h} source="to_org_unit_id" reference="org-units" link={false} />
              </Typography>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

interface Slot {
  id: number;
  starts_at: string;
  capacity: number;
  booked: number;
  department_id: number;
}

/** The receiving unit's free slots of one day (first the earliest day with a free place). */
const SlotPicker = ({ r, value, onChange }: { r: ReferralRecord; value: number | null; onChange: (id: number) => void }) => {
  const translate = useTranslate();
  const filter: Record<string, unknown> = { org_unit_id: r.to_org_unit_id, upcoming: true, free: true };
  if (r.to_department_id) filter.department_id = r.to_department_id;
  const { data: first, isPending: findingFirst } = useGetList<Slot>('referral-slots', {
    filter,
    sort: { field: 'starts_at', order: 'ASC' },
    pagination: { page: 1, perPage: 1 },
  });
  const [chosenDay, setDay] = useState<string | null>(null);
  const day = chosenDay ?? (first?.[0] ? shanghaiDate(first[0].starts_at) : null);
  const { data, isPending } = useGetList<Slot>(
    'referral-slots',
    { filter: { ...filter, day }, sort: { field: 'starts_at', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: day != null },
  );
  const { data: depts } = useGetList<DepartmentRecord>('departments', {
    filter: { org_unit_id: r.to_org_unit_id },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  if (findingFirst) return null;
  if (day == null) return <Typography>{translate('referrals.actions.no_slots')}</Typography>;
  const deptName = (id: number) => depts?.find((d) => d.id === id)?.name ?? '';
  return (
    <Stack spacing={1}>
      <MuiTextField
        id="slot-picker-day"
        type="date"
        size="small"
        label={translate('referrals.slots.day')}
        value={day}
        onChange={(e) => setDay(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'slot-picker-day' } }}
        sx={{ maxWidth: 200 }}
      />
      {!isPending && !data?.length ? (
        <Typography>{translate('referrals.actions.no_slots')}</Typography>
      ) : (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="slot-picker">
          {(data ?? []).map((s) => (
            <Chip
              key={s.id}
              data-testid="slot-option"
              color={value === s.id ? 'primary' : 'default'}
              onClick={() => onChange(s.id)}
              label={`${formatTime(s.starts_at, { hour: '2-digit', minute: '2-digit', hour12: false })} ${deptName(s.department_id)} · ${translate('referrals.actions.places', { free: s.capacity - s.booked })}`}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
};

const ActionDialog = ({ action, r, onClose }: { action: string; r: ReferralRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [slot, setSlot] = useState<number | null>(null);
  const [visitAt, setVisitAt] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const needsReason = action === 'reject' || action === 'cancel';
  const greenChannel = r.urgency === 'emergency' || r.direction === 'out';
  // a village clinic publishes no slots: it names the time of the home visit instead
  const homeVisit = action === 'accept' && !greenChannel && r.to_level != null && r.to_level >= VILLAGE_LEVEL;
  const submit = async () => {
    setBusy(true);
    try {
      const body: Record<string, unknown> = {};
      if (action === 'accept' && slot) body.slot_id = slot;
      if (homeVisit) body.appointment_at = new Date(visitAt).toISOString();
      if (needsReason) body.reason = text;
      else if (text) body.note = text;
      await httpClient(`/api/referrals/${r.id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      notify('referrals.actions.done', { type: 'success', messageArgs: { action: translate(`referrals.actions.${action}`) } });
      onClose();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`referrals.actions.${action}`)}</DialogTitle>
      <DialogContent>
        {action === 'accept' && (
          <Box sx={{ mb: 2 }}>
            <Typography variant="subtitle2" gutterBottom>
              {translate(homeVisit ? 'referrals.actions.home_visit' : 'referrals.actions.choose_slot')}
            </Typography>
            {greenChannel && (
              <Typography variant="body2" color="error" gutterBottom>
                {translate('referrals.actions.no_slot_needed')}
              </Typography>
            )}
            {homeVisit ? (
              <>
                <Typography variant="body2" gutterBottom>
                  {translate('referrals.actions.home_visit_hint')}
                </Typography>
                <MuiTextField
                  type="datetime-local"
                  size="small"
                  label={translate('referrals.actions.home_visit')}
                  value={visitAt}
                  onChange={(e) => setVisitAt(e.target.value)}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'home-visit-at' } }}
                />
              </>
            ) : (
              r.direction !== 'out' && <SlotPicker r={r} value={slot} onChange={setSlot} />
            )}
          </Box>
        )}
        <MuiTextField
          fullWidth
          multiline
          minRows={2}
          required={needsReason}
          name={needsReason ? 'reason' : 'note'}
          label={translate(needsReason ? 'referrals.actions.reason' : 'referrals.actions.note')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton
          variant="contained"
          data-testid="confirm-action"
          disabled={busy || (needsReason && !text.trim()) || (action === 'accept' && !greenChannel && !(homeVisit ? visitAt : slot))}
          onClick={submit}
        >
          {translate('referrals.actions.confirm')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

const Actions = () => {
  const r = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState<string | null>(null);
  if (!r?.allowed_actions?.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1 }}>
      {r.allowed_actions.map((a) => (
        <MuiButton
          key={a}
          data-testid={`action-${a}`}
          variant={a === 'reject' || a === 'cancel' ? 'outlined' : 'contained'}
          color={a === 'reject' || a === 'cancel' ? 'error' : 'primary'}
          onClick={() => setOpen(a)}
        >
          {translate(`referrals.actions.${a}`)}
        </MuiButton>
      ))}
      {open && <ActionDialog action={open} r={r} onClose={() => setOpen(null)} />}
    </Stack>
  );
};

export const ReferralShow = () => {
  return (
    <Show>
      <Box sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h6">
            <FunctionField<ReferralRecord> render={(r) => `#${r.id} ${r.patient_name}`} />
          </Typography>
          <UrgencyChip />
          <SelectField source="status" choices={STATUS_CHOICES} data-testid="referral-status" />
          <LiveTimer />
        </Stack>
        <Actions />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <Stack spacing={1}>
              <Grid container spacing={1}>
                <Grid size={6}>
                  <Labeled>
                    <TextField source="patient_id_number_masked" />
                  </Labeled>
                </Grid>
                <ManagingUnit />
                <Grid size={6}>
                  <Labeled>
                    <SelectField source="direction" choices={DIRECTION_CHOICES} />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <TextField source="from_unit_name" />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <TextField source="from_doctor_name" />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <TextField source="to_unit_name" />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <TextField source="to_department_name" emptyText="—" />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <FunctionField<ReferralRecord> source="diagnosis_text" render={(r) => `${r.diagnosis_code} ${r.diagnosis_text}`} />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <SelectField source="purpose" choices={PURPOSE_CHOICES} />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <DateField source="due_at" showTime options={DATE_TIME_OPTIONS} />
                  </Labeled>
                </Grid>
                <Grid size={6}>
                  <Labeled>
                    <DateField source="appointment_at" showTime options={DATE_TIME_OPTIONS} emptyText="—" />
                  </Labeled>
                </Grid>
                <Grid size={12}>
                  <Labeled>
                    <TextField source="reason" />
                  </Labeled>
                </Grid>
                <Grid size={12}>
                  <Labeled>
                    <TextField source="summary" emptyText="—" />
                  </Labeled>
                </Grid>
                <FunctionField<ReferralRecord>
                  render={(r) =>
                    r.consultation_id ? (
                      <Grid size={12}>
                        <Labeled source="consultation_id">
                          <Link to={`/diagnosis-consultations/${r.consultation_id}/show`} data-testid="referral-consultation">
                            #{r.consultation_id}
                          </Link>
                        </Labeled>
                      </Grid>
                    ) : null
                  }
                />
                <Grid size={12}>
                  <Labeled>
                    <TextField source="status_reason" emptyText="—" />
                  </Labeled>
                </Grid>
              </Grid>
              <Timeline />
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <Fees />
          </Grid>
        </Grid>
      </Box>
    </Show>
  );
};
