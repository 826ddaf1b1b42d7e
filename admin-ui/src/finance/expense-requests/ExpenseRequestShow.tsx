// The request page with its chain: each step's approver, decision and comment; the pending
// step's approver may approve or reject here; finance pays an approved request.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  DateField,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  SimpleShowLayout,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { apiError, apiPost, can } from '../api';
import { EXPENSE_ACCOUNT_CHOICES } from '../choices';
import { storedUser } from '../../session';
import type { ExpenseRequestDetail } from '../records';

const Chain = () => {
  const record = useRecordContext<ExpenseRequestDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [comment, setComment] = useState('');
  const [override, setOverride] = useState('');
  const [over, setOver] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  if (!record) return null;
  const steps = record.steps ?? [];
  const active = steps.findIndex((s) => s.status === 'pending');
  const user = storedUser();
  const t = (k: string) => translate(`finance.request.${k}`);
  const act = (verb: string, body: object) =>
    apiPost(`/expense-requests/${record.id}/${verb}`, body)
      .then(() => {
        setComment('');
        setOver(null);
        setCancelling(false);
        refresh();
      })
      .catch((e) => {
        const { message, status, details } = apiError(e);
        // the last approval checks the budget again: a stop shows its figures
        if (status === 422 && (details as { over_budget?: string })?.over_budget) setOver(message);
        notify(message, { type: 'error' });
      });
  const mayCancel =
    ['pending', 'approved'].includes(record.status) &&
    can('expense-requests', 'cancel') &&
    (record.requested_by === user?.id || user?.roles.includes('group_finance'));
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="approval-chain">
      <CardContent>
        <Typography variant="h6">{t('chain')}</Typography>
        <Stepper orientation="vertical" activeStep={active < 0 ? steps.length : active}>
          {steps.map((s) => (
            <Step key={s.id} completed={s.status === 'approved'}>
              <StepLabel error={s.status === 'rejected'} data-testid={`step-${s.seq}`}>
                {translate(`enums.step_kind.${s.kind}`)} · {translate(`enums.approver_role.${s.approver_role}`)}
                {s.approver_unit_name ? ` · ${s.approver_unit_name}` : null}{' '}
                {/* no colour fade: a step just decided must not show the pending orange on its new label */}
                <Chip
                  size="small"
                  data-testid={`step-status-${s.seq}`}
                  label={translate(`enums.step_status.${s.status}`)}
                  color={s.status === 'approved' ? 'success' : s.status === 'rejected' ? 'error' : s.status === 'pending' ? 'warning' : 'default'}
                  sx={{ transition: 'none' }}
                />
                {s.decided_by_name ? (
                  <Typography variant="caption" sx={{ ml: 1 }}>
                    {s.decided_by_name} {s.decided_at?.slice(0, 16).replace('T', ' ')}
                    {s.comment ? `：${s.comment}` : ''}
                  </Typography>
                ) : null}
              </StepLabel>
              <StepContent>
                {s.status === 'pending' && record.can_decide ? (
                  <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' }, mt: 1 }}>
                    <MuiTextField
                      size="small"
                      label={t('comment')}
                      value={comment}
                      onChange={(e) => setComment(e.target.value)}
                      slotProps={{ htmlInput: { 'data-testid': 'decision-comment' } }}
                    />
                    {over && can('expense-requests', 'override') ? (
                      <MuiTextField
                        size="small"
                        label={translate('resources.expense-requests.fields.override_reason')}
                        value={override}
                        onChange={(e) => setOverride(e.target.value)}
                      />
                    ) : null}
                    <Button
                      variant="contained"
                      color="success"
                      data-testid="approve"
                      onClick={() => act('approve', { ...(comment ? { comment } : {}), ...(override ? { override_reason: override } : {}) })}
                    >
                      {t('approve')}
                    </Button>
                    <Button variant="outlined" color="error" data-testid="reject" disabled={!comment.trim()} onClick={() => act('reject', { comment })}>
                      {t('reject')}
                    </Button>
                  </Stack>
                ) : s.status === 'pending' ? (
                  <Typography variant="body2" color="text.secondary">
                    {t('not_yours')}
                  </Typography>
                ) : null}
              </StepContent>
            </Step>
          ))}
        </Stepper>
        {over ? (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="over-budget">
            {over}
          </Alert>
        ) : null}
        <Stack direction="row" sx={{ gap: 1, mt: 1, flexWrap: 'wrap' }}>
          {record.status === 'approved' && can('expense-requests', 'pay') ? (
            <Button variant="contained" data-testid="pay" onClick={() => act('pay', {})}>
              {t('pay')}
            </Button>
          ) : null}
          {mayCancel ? (
            <Button color="warning" data-testid="cancel-request" onClick={() => setCancelling(true)}>
              {t('cancel')}
            </Button>
          ) : null}
        </Stack>
        <Dialog open={cancelling} onClose={() => setCancelling(false)}>
          <DialogTitle>{t('cancel')}</DialogTitle>
          <DialogContent>
            <MuiTextField
              autoFocus
              fullWidth
              multiline
              label={t('cancel_reason')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              sx={{ mt: 1 }}
            />
          </DialogContent>
          <DialogActions>
            <Button variant="contained" color="warning" disabled={!comment.trim()} onClick={() => act('cancel', { reason: comment })}>
              {t('cancel')}
            </Button>
          </DialogActions>
        </Dialog>
      </CardContent>
    </Card>
  );
};

const BudgetNote = () => {
  const record = useRecordContext<ExpenseRequestDetail>();
  if (!record?.budget_note) return null;
  return (
    <Alert severity={record.override_reason ? 'warning' : 'info'} sx={{ mt: 1 }}>
      {record.budget_note}
      {record.override_reason ? `（${record.override_reason}）` : ''}
    </Alert>
  );
};

export const ExpenseRequestShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled>
            <TextField source="id" />
          </Labeled>
          <Labeled>
            <ReferenceField source="org_unit_id" reference="org-units" link={false} />
          </Labeled>
          <Labeled>
            <SelectField source="account" choices={EXPENSE_ACCOUNT_CHOICES} />
          </Labeled>
          <Labeled>
            <NumberField source="amount" options={{ minimumFractionDigits: 2 }} />
          </Labeled>
          <Labeled>
            <DateField source="request_date" />
          </Labeled>
          <Labeled>
            <FunctionField<ExpenseRequestDetail>
              source="status"
              render={(r) => <span data-testid="request-status">{translate(`enums.request_status.${r.status}`)}</span>}
            />
          </Labeled>
        </Box>
        <TextField source="purpose" />
        <FunctionField<ExpenseRequestDetail>
          source="attachments"
          render={(r) =>
            r.attachments?.length
              ? r.attachments.map((a, i) => (
                  <Chip key={i} size="small" sx={{ mr: 1 }} label={a.name} component={a.url ? 'a' : 'div'} href={a.url} clickable={!!a.url} />
                ))
              : null
          }
        />
        <BudgetNote />
        <Chain />
      </SimpleShowLayout>
    </Show>
  );
};
