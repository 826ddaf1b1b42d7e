// 处方: the imported prescriptions of the units in scope, the flagged ones first to hand (filter 有预警,
// a flag, the month's sample, the review's state); a prescription's page shows its drugs and flags,
// the review (合理 / 不合理 with its kind, or 撤回) and the actions against its prescriber (约谈, 停用, 处罚).
import { useState } from 'react';
import {
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { can } from '../../finance/api';
import { useAct } from '../../quality/useAct';
import { ACTION_KIND_CHOICES, CARE_TYPE_CHOICES, FLAG_CHOICES, OUTCOME_CHOICES, REASON_CHOICES, REVIEW_STATUS_CHOICES } from '../choices';
import type { PrescriptionPage, PrescriptionRecord } from '../records';

/** The flags as chips, in red. */
export const Flags = () => {
  const record = useRecordContext<PrescriptionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }} data-testid={`flags-${record.id}`}>
      {record.flags.map((f) => (
        <Chip key={f} size="small" color="error" variant="outlined" label={translate(`enums.rx_flag.${f}`)} />
      ))}
    </Stack>
  );
};

const columns: Column<PrescriptionRecord>[] = [
  { source: 'prescribed_on', kind: 'date' },
  { source: 'prescription_no', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'prescriber_name', kind: 'text' },
  { source: 'care_type', kind: 'choice', choices: CARE_TYPE_CHOICES },
  { source: 'item_count', kind: 'number' },
  { source: 'flags', kind: 'computed', sortable: false, value: (r, t) => r.flags.map((f) => t(`enums.rx_flag.${f}`)).join('、') },
  { source: 'review_status', kind: 'choice', choices: REVIEW_STATUS_CHOICES },
  { source: 'outcome', kind: 'choice', choices: OUTCOME_CHOICES },
];

export const PrescriptionList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List
      filters={[
        <BooleanInput key="flagged" source="flagged" alwaysOn />,
        <SelectInput key="review_status" source="review_status" choices={REVIEW_STATUS_CHOICES} alwaysOn />,
        <SelectInput key="flag" source="flag" choices={FLAG_CHOICES} />,
        <BooleanInput key="sampled" source="sampled" />,
        <SelectInput key="care_type" source="care_type" choices={CARE_TYPE_CHOICES} />,
        <SelectInput key="outcome" source="outcome" choices={OUTCOME_CHOICES} />,
        <ReferenceInput key="u" source="org_unit_id" reference="org-units">
          <AutocompleteInput />
        </ReferenceInput>,
        <DateInput key="from" source="prescribed_on_gte" label="resources.prescriptions.fields.prescribed_on" />,
        <TextInput key="q" source="q" label="ra.action.search" />,
      ]}
      sort={{ field: 'prescribed_on', order: 'DESC' }}
      actions={<ListActions columns={columns} />}
    >
      {isSmall ? (
        <SimpleList<PrescriptionRecord>
          primaryText={(r) => `${r.prescription_no} · ${r.prescriber_name}`}
          secondaryText={(r) => r.flags.map((f) => translate(`enums.rx_flag.${f}`)).join('、')}
          tertiaryText={(r) => r.prescribed_on}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns, { flags: <FunctionField source="flags" sortable={false} render={() => <Flags />} /> })}
        </Datagrid>
      )}
    </List>
  );
};

const Items = () => {
  const record = useRecordContext<PrescriptionPage>();
  const translate = useTranslate();
  if (!record) return null;
  const t = (k: string) => translate(`pharmacy.items.${k}`);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{t('title')}</Typography>
        <Table size="small" data-testid="rx-items">
          <TableHead>
            <TableRow>
              {['seq', 'drug_name', 'drug_class', 'antibiotic', 'route', 'dose', 'days'].map((k) => (
                <TableCell key={k}>{t(k)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {record.items.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{i.seq}</TableCell>
                <TableCell>{i.drug_name}</TableCell>
                <TableCell>{i.drug_class ?? '—'}</TableCell>
                <TableCell>{i.antibiotic ? '✓' : ''}</TableCell>
                <TableCell>{translate(`enums.drug_route.${i.route}`)}</TableCell>
                <TableCell>
                  {/* 0.5g, 30mg: as a prescription writes it (a unit on its own would read as a code) */}
                  {i.dose ? `${Number(i.dose)}${i.dose_unit ?? ''}` : '—'}
                </TableCell>
                <TableCell>{i.days ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

/** The review the caller may give (or withdraw). */
const Review = () => {
  const record = useRecordContext<PrescriptionPage>();
  const translate = useTranslate();
  const run = useAct();
  const [outcome, setOutcome] = useState('rational');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  if (!record) return null;
  const t = (k: string) => translate(`pharmacy.review.${k}`);
  const f = (k: string) => translate(`resources.prescriptions.fields.${k}`);
  const done = () => {
    setReason('');
    setNote('');
  };
  if (record.allowed.includes('review') && can('prescriptions', 'review'))
    return (
      <Card variant="outlined" sx={{ borderColor: 'warning.main' }} data-testid="rx-review">
        <CardContent>
          <Typography variant="subtitle1">{t('title')}</Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, mt: 1, alignItems: { sm: 'center' } }}>
            <MuiTextField
              select
              size="small"
              label={f('outcome')}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
              sx={{ minWidth: 120 }}
              data-testid="rx-outcome"
            >
              {OUTCOME_CHOICES.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {translate(c.name)}
                </MenuItem>
              ))}
            </MuiTextField>
            {outcome === 'irrational' && (
              <MuiTextField
                select
                size="small"
                label={f('reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                sx={{ minWidth: 180 }}
                data-testid="rx-reason"
              >
                {REASON_CHOICES.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </MuiTextField>
            )}
            <MuiTextField size="small" label={t('note')} value={note} onChange={(e) => setNote(e.target.value)} sx={{ flex: 1 }} />
            <Button
              variant="contained"
              disabled={outcome === 'irrational' && !reason}
              onClick={() =>
                run(`/prescriptions/${record.id}/review`, { outcome, ...(outcome === 'irrational' ? { reason } : {}), ...(note.trim() ? { note } : {}) }, done)
              }
              data-testid="rx-review-submit"
            >
              {t('submit')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    );
  if (record.allowed.includes('reopen') && can('prescriptions', 'reopen'))
    return (
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <MuiTextField size="small" label={t('reopen_reason')} value={note} onChange={(e) => setNote(e.target.value)} sx={{ flex: 1 }} />
        <Button variant="outlined" disabled={!note.trim()} onClick={() => run(`/prescriptions/${record.id}/reopen`, { reason: note }, done)}>
          {t('reopen')}
        </Button>
      </Stack>
    );
  return null;
};

/** The actions taken against the prescriber from this prescription, and a new one. */
const Actions = () => {
  const record = useRecordContext<PrescriptionPage>();
  const translate = useTranslate();
  const run = useAct();
  const [kind, setKind] = useState('interview');
  const [drug, setDrug] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  if (!record) return null;
  const t = (k: string) => translate(`pharmacy.action.${k}`);
  const f = (k: string) => translate(`resources.prescriber-actions.fields.${k}`);
  const body = {
    kind,
    prescription_id: Number(record.id),
    reason,
    ...(kind === 'suspend' ? { drug_name: drug } : {}),
    ...(kind === 'penalty' ? { amount } : {}),
  };
  return (
    <Card variant="outlined" data-testid="rx-actions">
      <CardContent>
        <Typography variant="subtitle1">{t('title')}</Typography>
        {record.actions.length === 0 && <Typography variant="body2">{t('none')}</Typography>}
        {record.actions.map((a) => (
          <Typography key={a.id} variant="body2">
            {translate(`enums.prescriber_action_kind.${a.kind}`)}
            {a.drug_name ? `（${a.drug_name}）` : ''}
            {a.amount ? ` ¥${a.amount}` : ''} · {a.reason} · {translate(`enums.prescriber_action_status.${a.status}`)}
            {a.outcome ? `：${a.outcome}` : ''}
          </Typography>
        ))}
        {can('prescriber-actions', 'create') && (
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, mt: 1, alignItems: { sm: 'center' } }}>
            <MuiTextField
              select
              size="small"
              label={f('kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              sx={{ minWidth: 120 }}
              data-testid="action-kind"
            >
              {ACTION_KIND_CHOICES.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {translate(c.name)}
                </MenuItem>
              ))}
            </MuiTextField>
            {kind === 'suspend' && (
              <MuiTextField select size="small" label={f('drug_name')} value={drug} onChange={(e) => setDrug(e.target.value)} sx={{ minWidth: 140 }}>
                {record.items.map((i) => (
                  <MenuItem key={i.id} value={i.drug_name}>
                    {i.drug_name}
                  </MenuItem>
                ))}
              </MuiTextField>
            )}
            {kind === 'penalty' && <MuiTextField size="small" label={f('amount')} value={amount} onChange={(e) => setAmount(e.target.value)} />}
            <MuiTextField size="small" label={f('reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ flex: 1 }} />
            <Button
              variant="contained"
              disabled={!reason.trim() || (kind === 'suspend' && !drug) || (kind === 'penalty' && !amount)}
              onClick={() => run('/prescriber-actions', body, () => setReason(''))}
              data-testid="action-add"
            >
              {t('add')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export const PrescriptionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="prescription_no" />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <TextField source="department" emptyText="—" />
      <TextField source="prescriber_name" />
      <ReferenceField source="prescriber_staff_id" reference="staff" link="show" emptyText="—" />
      <DateField source="prescribed_on" />
      <SelectField source="care_type" choices={CARE_TYPE_CHOICES} />
      <FunctionField source="patient_hash" render={() => <Patient />} />
      <FunctionField<PrescriptionPage> source="diagnosis_codes" render={(r) => [r.diagnosis_codes.join('、'), r.diagnosis_text].filter(Boolean).join(' ')} />
      <NumberField source="item_count" />
      <FunctionField source="flags" render={() => <Flags />} />
      <TextField source="sampled_month" emptyText="—" />
      <SelectField source="review_status" choices={REVIEW_STATUS_CHOICES} />
      <SelectField source="outcome" choices={OUTCOME_CHOICES} emptyText="—" />
      <SelectField source="reason" choices={REASON_CHOICES} emptyText="—" />
      <TextField source="review_note" emptyText="—" />
      <Items />
      <Review />
      <Actions />
    </SimpleShowLayout>
  </Show>
);

/** The patient as kept: age, sex and the start of the keyed hash (the same patient, never who). */
const Patient = () => {
  const r = useRecordContext<PrescriptionPage>();
  const translate = useTranslate();
  if (!r) return null;
  return <>{`${r.patient_age ?? '—'} · ${r.patient_sex ? translate(`enums.sex.${r.patient_sex}`) : '—'} · ${r.patient_hash.slice(0, 8)}…`}</>;
};
