// The API's problems in the user's language: details carrying a `rule` (and `params`) are shown
// through `hr.rules.<rule>`; the others as the API worded them. Forms put them on their inputs;
// workflow buttons (POST /api/<resource>/:id/<verb>) open a small dialog and show them inline.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Autocomplete,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField as MuiTextField,
} from '@mui/material';
import {
  HttpError,
  SimpleForm,
  useCanAccess,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
  type RaRecord,
  type RedirectionSideEffect,
} from 'react-admin';
import { httpClient } from '../httpClient';

type Translate = ReturnType<typeof useTranslate>;
interface Detail {
  field?: string;
  message?: string;
  rule?: string;
  params?: Record<string, unknown>;
}

const detailsOf = (e: unknown): Detail[] => {
  const details = e instanceof HttpError ? (e.body as { details?: unknown })?.details : undefined;
  return Array.isArray(details) ? (details as Detail[]) : [];
};

/** One problem's text: its rule translated with the params, or the API's own words. */
export function detailText(d: Detail, translate: Translate): string {
  if (!d.rule) return d.message ?? '';
  const params: Record<string, unknown> = { ...d.params };
  // the statuses a rule names are codes: shown as their labels
  for (const k of ['from', 'to']) {
    const status = params[k];
    if (typeof status === 'string' && status) params[k] = translate(`enums.rotation_status.${status}`);
  }
  if (typeof params.status === 'string' && params.status) params.status = translate(`enums.staff_status.${params.status}`);
  return translate(`hr.rules.${d.rule}`, { _: d.message, ...params });
}

/** The first problem of an API error in the user's language (the error message when none has details). */
export function problemText(e: unknown, translate: Translate): string {
  const d = detailsOf(e)[0];
  if (d) return detailText(d, translate);
  return e instanceof Error ? e.message : String(e);
}

/** Errors for react-hook-form: each problem on its input, the first one as the form's message. */
function formErrors(e: unknown, translate: Translate) {
  const details = detailsOf(e).filter((d) => d.field);
  if (!details.length) return undefined;
  return { ...Object.fromEntries(details.map((d) => [d.field!, detailText(d, translate)])), root: { serverError: detailText(details[0], translate) } };
}

/**
 * A SimpleForm that saves itself (create, or update of the record in context), sending only
 * the `fields` the API accepts, and puts the API's problems on the inputs in Chinese.
 */
export const HrForm = ({
  fields,
  children,
  redirect = 'list',
  toolbar,
}: {
  fields: string[];
  children: ReactNode;
  redirect?: RedirectionSideEffect;
  toolbar?: false;
}) => {
  const resource = useResourceContext()!;
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirectTo = useRedirect();
  const translate = useTranslate();
  const submit = async (values: Record<string, unknown>) => {
    const data = Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f] === '' ? null : values[f]]));
    try {
      const saved =
        record?.id != null
          ? (await dataProvider.update<RaRecord>(resource, { id: record.id, data, previousData: record })).data
          : (await dataProvider.create<RaRecord>(resource, { data })).data;
      notify(record?.id != null ? 'ra.notification.updated' : 'ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
      redirectTo(redirect, resource, saved.id, saved);
    } catch (e) {
      const errors = formErrors(e, translate);
      notify(errors ? errors.root.serverError : problemText(e, translate), { type: 'error' });
      return errors;
    }
  };
  return (
    <SimpleForm onSubmit={submit} toolbar={toolbar}>
      {children}
    </SimpleForm>
  );
};

export interface ActionField {
  name: string;
  /** i18n key */
  label: string;
  type?: 'text' | 'date' | 'select' | 'reference';
  choices?: { id: string; name: string }[];
  required?: boolean;
  /** for `reference`: the resource searched by name (its ids are sent as numbers) and a filter from the record */
  reference?: string;
  filter?: (record: RaRecord) => Record<string, unknown>;
  /** asked only when this holds for the values entered so far */
  when?: (values: Record<string, string>) => boolean;
}

/** What a picker reads of the records it offers (units, staff, departments: each has a name, some a code). */
interface PickedRecord extends RaRecord {
  name: string;
  code?: string;
}

/** A record of `reference` picked by typing part of its name. */
const ReferencePicker = ({ field, record, value, onChange }: { field: ActionField; record: RaRecord; value: string; onChange: (v: string) => void }) => {
  const translate = useTranslate();
  const [typed, setTyped] = useState('');
  const { data = [] } = useGetList<PickedRecord>(field.reference!, {
    filter: { ...field.filter?.(record), ...(typed ? { q: typed } : {}) },
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'name', order: 'ASC' },
  });
  const selected = data.find((o) => String(o.id) === value) ?? null;
  return (
    <Autocomplete
      options={data}
      value={selected}
      filterOptions={(o) => o}
      isOptionEqualToValue={(o, v) => o.id === v.id}
      getOptionLabel={(o) => (o.code ? `${o.name} (${o.code})` : o.name)}
      onInputChange={(_e, v, reason) => {
        if (reason === 'input') setTyped(v);
      }}
      onChange={(_e, o) => onChange(o ? String(o.id) : '')}
      renderInput={(params) => (
        <MuiTextField
          {...params}
          label={translate(field.label)}
          required={field.required}
          slotProps={{
            ...params.slotProps,
            inputLabel: { ...params.slotProps.inputLabel, shrink: true },
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `field-${field.name}` },
          }}
        />
      )}
    />
  );
};

/**
 * A workflow step of the record in context: shown only when the user may `verb` the resource
 * and `when(record)` holds; asks for `fields` (if any) in a dialog; problems shown inline.
 */
export const ActionButton = ({
  verb,
  label,
  when,
  fields = [],
  color = 'primary',
}: {
  verb: string;
  label: string;
  when: (r: RaRecord) => boolean;
  fields?: ActionField[];
  color?: 'primary' | 'error' | 'success';
}) => {
  const resource = useResourceContext()!;
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource, action: verb });
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || !when(record)) return null;
  const shown = fields.filter((f) => !f.when || f.when(values));
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const body = Object.fromEntries(
        shown.filter((f) => values[f.name]).map((f) => [f.name, f.type === 'reference' ? Number(values[f.name]) : values[f.name]]),
      );
      await httpClient(`/api/${resource}/${record.id}/${verb}`, { method: 'POST', body: JSON.stringify(body) });
      notify('hr.actions.done', { type: 'success', messageArgs: { action: translate(label) } });
      setOpen(false);
      setValues({});
      refresh();
    } catch (e) {
      setProblem(problemText(e, translate));
    } finally {
      setBusy(false);
    }
  };
  const missing = shown.some((f) => f.required && !values[f.name]);
  return (
    <>
      <MuiButton
        size="small"
        variant="outlined"
        color={color}
        data-testid={`action-${verb}-${record.id}`}
        onClick={(e) => {
          e.stopPropagation();
          if (fields.length) setOpen(true);
          else void run();
        }}
      >
        {translate(label)}
      </MuiButton>
      {problem && !open && (
        <Alert severity="error" data-testid={`problem-${verb}-${record.id}`} sx={{ mt: 1 }}>
          {problem}
        </Alert>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="xs">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2, pt: 1 }}>
            {shown.map((f) =>
              f.type === 'reference' ? (
                <ReferencePicker key={f.name} field={f} record={record} value={values[f.name] ?? ''} onChange={(v) => setValues({ ...values, [f.name]: v })} />
              ) : (
                <MuiTextField
                  key={f.name}
                  label={translate(f.label)}
                  required={f.required}
                  select={f.type === 'select'}
                  type={f.type === 'date' ? 'date' : 'text'}
                  value={values[f.name] ?? ''}
                  onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `field-${f.name}` } }}
                  multiline={f.type === 'text'}
                >
                  {f.choices?.map((c) => (
                    <MenuItem key={c.id} value={c.id}>
                      {translate(c.name)}
                    </MenuItem>
                  ))}
                </MuiTextField>
              ),
            )}
            {problem && (
              <Alert severity="error" data-testid={`problem-${verb}-${record.id}`}>
                {problem}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" color={color} disabled={busy || missing} onClick={() => void run()} data-testid={`confirm-${verb}`}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
