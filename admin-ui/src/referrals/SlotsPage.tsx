// 号源发布: a receiving department publishes 30-minute appointment slots (a day or a range of
// days × opening hours × places), and its day view shows each slot's booked/capacity and the
// places of the day held for up-referrals until the day before.
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  LinearProgress,
  MenuItem,
  Stack,
  TextField as MuiTextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import {
  ArrayInput,
  CheckboxGroupInput,
  DateInput,
  Form,
  HttpError,
  NumberInput,
  ResourceContextProvider,
  SaveButton,
  SimpleFormIterator,
  TextInput,
  Title,
  maxValue,
  minValue,
  required,
  useCanAccess,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';
import { httpClient } from '../httpClient';
import { storedUser } from '../session';
import { formatTime, shanghaiDate } from '../shared/time';
import type { DepartmentRecord, OrgUnitRecord } from '../shared/records';

interface Slot {
  id: number;
  starts_at: string;
  capacity: number;
  booked: number;
  booked_up: number;
}
interface SlotDay {
  day: string;
  department_id: number;
  department_name: string;
  capacity: number;
  booked: number;
  booked_up: number;
  up_reserved_share: number;
  held: number;
  held_until: string;
  held_in_effect: boolean;
  open_to_others: number;
  slots: Slot[];
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: d, name: `referrals.slots.weekday.${d}` }));
const HHMM = /^([01]\d|2[0-3]):[03]0$/;
const halfHour = (v: string) => (v && !HHMM.test(v) ? 'referrals.slots.half_hour' : undefined);

/** A 400/422 from the API as field errors for the form (react-admin sets them on the inputs). */
const submissionErrors = (e: unknown) => (e instanceof HttpError && (e.body as { errors?: object })?.errors) || undefined;

/** POST /api/referral-slots/publish's answer (api/referrals/slots.ts publishSlots) */
interface Published {
  department_id: number;
  created: number;
  skipped: number;
}

const PublishForm = ({ departmentId, onPublished }: { departmentId: number; onPublished: (from: string) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submit = async (values: Record<string, unknown>) => {
    const weekdays = values.weekdays as number[] | undefined;
    const body = { ...values, department_id: departmentId, weekdays: weekdays?.length ? weekdays : undefined };
    try {
      const { json } = await httpClient('/api/referral-slots/publish', { method: 'POST', body: JSON.stringify(body) });
      const { created, skipped } = json as Published;
      notify('referrals.slots.published', { type: 'success', messageArgs: { created, skipped } });
      onPublished(values.from as string);
      return undefined;
    } catch (e) {
      const errors = submissionErrors(e);
      if (!errors) notify((e as Error).message, { type: 'error' });
      return errors;
    }
  };
  const day = shanghaiDate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('referrals.slots.publish')}
        </Typography>
        <ResourceContextProvider value="referral-slots">
          <Form
            key={departmentId}
            onSubmit={submit}
            defaultValues={{
              from: day,
              to: day,
              capacity: 2,
              sessions: [
                { from: '08:00', until: '12:00' },
                { from: '14:30', until: '17:30' },
              ],
              weekdays: [1, 2, 3, 4, 5],
            }}
          >
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ columnGap: 2 }}>
              <DateInput source="from" label="referrals.slots.from" validate={required()} />
              <DateInput source="to" label="referrals.slots.to" validate={required()} />
              <NumberInput source="capacity" label="referrals.slots.capacity" validate={[required(), minValue(1), maxValue(500)]} min={1} step={1} />
            </Stack>
            <ArrayInput source="sessions" label="referrals.slots.sessions">
              <SimpleFormIterator inline disableReordering>
                <TextInput source="from" label="referrals.slots.session_from" validate={[required(), halfHour]} helperText={false} />
                <TextInput source="until" label="referrals.slots.session_until" validate={[required(), halfHour]} helperText={false} />
              </SimpleFormIterator>
            </ArrayInput>
            <CheckboxGroupInput source="weekdays" label="referrals.slots.weekdays" choices={WEEKDAYS} />
            <SaveButton label="referrals.slots.publish_button" alwaysEnable data-testid="publish-slots" />
          </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
};

const time = (s: string) => formatTime(s, { hour: '2-digit', minute: '2-digit', hour12: false });

/** One 30-minute slot: booked / capacity; the department may change its capacity (never below
 * the booked places) or withdraw it while nothing is booked (the API answers 409 otherwise). */
const SlotCell = ({ slot: s, canEdit, canDelete, onChanged }: { slot: Slot; canEdit: boolean; canDelete: boolean; onChanged: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [capacity, setCapacity] = useState(String(s.capacity));
  const [busy, setBusy] = useState(false);
  const label = `${time(s.starts_at)}–${time(new Date(Date.parse(s.starts_at) + 30 * 60_000).toISOString())}`;
  const value = Number(capacity);
  const invalid = !Number.isInteger(value) || value < Math.max(1, s.booked) || value > 500;
  const call = async (init: RequestInit, done: string) => {
    setBusy(true);
    try {
      await httpClient(`/api/referral-slots/${s.id}`, init);
      notify(done, { type: 'success', messageArgs: { slot: label } });
      setEditing(false);
      setConfirming(false);
      onChanged();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box data-testid="slot-cell" sx={{ border: 1, borderColor: s.booked >= s.capacity ? 'error.light' : 'divider', borderRadius: 1, p: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flex: 1 }}>
          <strong>{time(s.starts_at)}</strong>–{time(new Date(Date.parse(s.starts_at) + 30 * 60_000).toISOString())}
        </Typography>
        {canEdit && (
          <Tooltip title={translate('referrals.slots.edit_capacity')}>
            <IconButton
              size="small"
              aria-label={translate('referrals.slots.edit_capacity')}
              data-testid="slot-edit"
              onClick={() => {
                setCapacity(String(s.capacity));
                setEditing(true);
              }}
              sx={{ p: 0.25 }}
            >
              <EditOutlinedIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        {canDelete && (
          <Tooltip title={translate(s.booked > 0 ? 'referrals.slots.delete_booked' : 'referrals.slots.delete')}>
            <span>
              <IconButton
                size="small"
                aria-label={translate('referrals.slots.delete')}
                data-testid="slot-delete"
                disabled={s.booked > 0}
                onClick={() => setConfirming(true)}
                sx={{ p: 0.25 }}
              >
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        )}
      </Stack>
      <Typography variant="body2" data-testid="slot-booked">
        {s.booked} / {s.capacity}
      </Typography>
      <LinearProgress variant="determinate" value={s.capacity ? (100 * s.booked) / s.capacity : 0} color={s.booked >= s.capacity ? 'error' : 'primary'} />
      <Dialog open={editing} onClose={() => setEditing(false)}>
        <DialogTitle>{translate('referrals.slots.edit_title', { slot: label })}</DialogTitle>
        <DialogContent>
          <MuiTextField
            autoFocus
            type="number"
            size="small"
            margin="dense"
            label={translate('referrals.slots.capacity')}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            error={invalid}
            helperText={translate('referrals.slots.capacity_range', { min: Math.max(1, s.booked) })}
            slotProps={{ htmlInput: { min: Math.max(1, s.booked), max: 500, step: 1, 'data-testid': 'slot-capacity-input' } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setEditing(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={invalid || busy}
            data-testid="slot-capacity-save"
            onClick={() => void call({ method: 'PUT', body: JSON.stringify({ capacity: value }) }, 'referrals.slots.updated')}
          >
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{translate('referrals.slots.delete_title', { slot: label })}</DialogTitle>
        <DialogActions>
          <MuiButton onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            color="error"
            variant="contained"
            disabled={busy}
            data-testid="slot-delete-confirm"
            onClick={() => void call({ method: 'DELETE' }, 'referrals.slots.deleted')}
          >
            {translate('ra.action.delete')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

const DayView = ({ view, onChanged }: { view: SlotDay; onChanged: () => void }) => {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ resource: 'referral-slots', action: 'edit' });
  const { canAccess: canDelete } = useCanAccess({ resource: 'referral-slots', action: 'delete' });
  return (
    <Card variant="outlined" data-testid="slot-day" data-day={view.day} data-department={view.department_id}>
      <CardContent>
        <Typography variant="subtitle1">{translate('referrals.slots.day_title', { day: view.day, department: view.department_name })}</Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, my: 1 }} data-testid="slot-day-summary">
          <Chip label={translate('referrals.slots.day_booked', { booked: view.booked, capacity: view.capacity })} />
          <Chip
            color={view.held_in_effect ? 'success' : 'default'}
            variant="outlined"
            data-testid="slot-day-held"
            label={
              view.held_in_effect
                ? translate('referrals.slots.held', { held: view.held, share: Math.round(view.up_reserved_share * 100), until: formatTime(view.held_until) })
                : translate('referrals.slots.held_released', { held: view.held })
            }
          />
          <Chip variant="outlined" label={translate('referrals.slots.booked_up', { count: view.booked_up })} />
          <Chip variant="outlined" label={translate('referrals.slots.open_to_others', { count: view.open_to_others })} />
        </Stack>
        {view.slots.length === 0 ? (
          <Typography color="text.secondary">{translate('referrals.slots.none')}</Typography>
        ) : (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 1 }}>
            {view.slots.map((s) => (
              <SlotCell key={s.id} slot={s} canEdit={!!canEdit} canDelete={!!canDelete} onChanged={onChanged} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export const SlotsPage = () => {
  const translate = useTranslate();
  const user = storedUser();
  const [unitId, setUnitId] = useState<number | ''>(user?.org_unit.id ?? '');
  const [departmentId, setDepartmentId] = useState<number | ''>('');
  const [day, setDay] = useState(shanghaiDate());
  const [view, setView] = useState<SlotDay | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { canAccess: canPublish } = useCanAccess({ resource: 'referral-slots', action: 'create' });
  // receiving units (levels 1–3 have referral offices); a director's scope holds only its own
  const { data: units } = useGetList<OrgUnitRecord>('org-units', {
    filter: { level_lte: 3, active: true },
    sort: { field: 'path', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  const { data: departments } = useGetList<DepartmentRecord>(
    'departments',
    { filter: { org_unit_id: unitId, kind: 'clinical', active: true }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: unitId !== '' },
  );
  // the department chosen, or the unit's first until one of its own is chosen
  const department: number | '' = departments?.some((d) => d.id === departmentId) ? departmentId : (departments?.[0]?.id ?? '');
  // the day's slots, read again when the department or day changes or after a change (reload); an answer for an earlier choice is dropped
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    if (department === '' || !day) return;
    let current = true;
    httpClient(`/api/referral-slots/day?department_id=${department}&day=${day}`).then(
      ({ json }) => {
        if (!current) return;
        setView(json as SlotDay);
        setProblem(null);
      },
      (e: unknown) => {
        if (!current) return;
        setView(null);
        setProblem((e as Error).message);
      },
    );
    return () => {
      current = false;
    };
  }, [department, day, version]);
  // another day's or department's slots are not shown under the new choice while it loads
  const shown = view?.day === day && view.department_id === department ? view : null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('referrals.slots.title')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, mb: 2 }}>
        {units && units.length > 1 && (
          <MuiTextField
            id="slot-unit"
            select
            size="small"
            label={translate('resources.referrals.fields.to_org_unit_id')}
            value={unitId}
            onChange={(e) => setUnitId(Number(e.target.value))}
            sx={{ minWidth: 220 }}
          >
            {units.map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.name}
              </MenuItem>
            ))}
          </MuiTextField>
        )}
        <MuiTextField
          id="slot-department"
          select
          size="small"
          label={translate('resources.referrals.fields.to_department_id')}
          value={department}
          onChange={(e) => setDepartmentId(Number(e.target.value))}
          sx={{ minWidth: 180 }}
          slotProps={{ htmlInput: { 'data-testid': 'slot-department' } }}
        >
          {(departments ?? []).map((d) => (
            <MenuItem key={d.id} value={d.id}>
              {d.name}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          id="slot-day"
          type="date"
          size="small"
          label={translate('referrals.slots.day')}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'slot-day-input' } }}
        />
      </Stack>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      <Stack spacing={2}>
        {shown && <DayView view={shown} onChanged={reload} />}
        {canPublish && department !== '' && (
          <PublishForm
            departmentId={department}
            onPublished={(from) => {
              if (from === day) reload();
              else setDay(from);
            }}
          />
        )}
      </Stack>
    </Box>
  );
};
